// Production build of the BFF: one ESM file (dist/server.mjs) with every dependency bundled, so
// the runtime image needs Node and this file only.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'info',
  // Some CommonJS dependencies call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __whCreateRequire } from 'node:module'; const require = __whCreateRequire(import.meta.url);",
  },
});
