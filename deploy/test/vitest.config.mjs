// The deploy checks (scripts/deploy-check.sh). They live in apps/bff/test/deploy (so they resolve
// the BFF's dependencies and are typechecked and linted with it) but are named *.deploy.ts so the
// BFF's own test stage does not pick them up: they need the production build and the pinned helm.
// No imports: this file is outside every package, so it cannot resolve `vitest/config`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default {
  root: path.resolve(here, '../../apps/bff'),
  test: {
    include: ['test/deploy/**/*.deploy.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
};
