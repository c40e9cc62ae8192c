import { defineConfig } from 'vitest/config';

// Integration tests against the real local cluster: one file at a time, generous timeouts because the
// first ensureCluster() may have to start (or even build) the control plane.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
