import { defineConfig } from 'vitest/config';

// Integration tests against the real local cluster: files run one after another so counts read
// from the apiserver's /metrics belong to one test at a time.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
