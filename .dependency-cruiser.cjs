/**
 * Import rules checked by `pnpm depcheck` (dependency-cruiser), a stage of scripts/test.sh:
 *
 * - no import cycle anywhere in apps/ and packages/ — type-only imports count too, so layers really
 *   run one way (e.g. web's lib/live: query keys ← store ← React context ← query hooks);
 * - web: shared code (src/lib, src/components) never imports a feature or the app; the app composes
 *   features; a feature never reaches into another feature's internals (its api/, hooks/, lib/…).
 *
 * A feature MAY import another feature's `components/` — its public entry: what a page composes
 * (the Pod page shows the logs feature's LogsPanel, a list shows the selector feature's input, the
 * login screen the theme toggle), as App.tsx composes pages. What two features both need to *know*
 * (data, queries, formatting) moves to src/lib or src/components instead.
 */
const WEB = '^apps/web/src/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'This import closes a cycle: make the dependency run one way (split the shared part out).',
      from: { path: '^(apps|packages)/' },
      to: { circular: true },
    },
    {
      name: 'no-feature-internals',
      severity: 'error',
      comment:
        "A feature imports another feature's internals. Shared code goes through src/lib or " +
        "src/components; only another feature's components/ (what a page composes) may be imported.",
      from: { path: `${WEB}features/([^/]+)/` },
      to: {
        path: `${WEB}features/([^/]+)/`,
        pathNot: [`${WEB}features/$1/`, `${WEB}features/[^/]+/components/`],
      },
    },
    {
      name: 'shared-not-to-features',
      severity: 'error',
      comment:
        'src/lib and src/components are shared by features: they must not import a feature or the app.',
      from: { path: `${WEB}(lib|components)/` },
      to: { path: `${WEB}(features|app)/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // Type-only imports are dependencies too: a cycle through `import type` is still a knot.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
