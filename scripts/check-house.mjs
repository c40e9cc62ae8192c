// House rules that no linter knows, checked in `make test`:
//  1. every relative link in README.md (the "Where it lives" table above all) resolves to a file or
//     folder that exists, so a newcomer's two hops never end at a dead link;
//  2. no production source file in apps/ or packages/ is over 300 lines unless its first lines say why
//     (a comment containing "long because" — one responsibility that does not split well).
// Prints each violation and exits non-zero when there is one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const problems = [];

// 1. README links: [text](target) where target is not a URL or an in-page anchor.
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
let links = 0;
for (const match of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
  const target = match[1];
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
  links++;
  const file = decodeURIComponent(target.split('#')[0]);
  if (!existsSync(path.join(root, file))) {
    const line = readme.slice(0, match.index).split('\n').length;
    problems.push(`README.md:${line}: link to ${target}, which does not exist`);
  }
}

// 2. Long production files. Tests, fixtures and generated files are not production source.
const MAX_LINES = 300;
const REASON = /long because/i;
const tracked = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'apps', 'packages'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f))
  .filter((f) => !/(^|\/)(test|tests|fixtures|testing)\//.test(f) && !/\.(test|spec)\.tsx?$/.test(f))
  .filter((f) => !/\.d\.ts$/.test(f) && existsSync(path.join(root, f)));
let longFiles = 0;
for (const file of tracked) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const lines = text.split('\n').length;
  if (lines <= MAX_LINES) continue;
  longFiles++;
  const head = text.split('\n').slice(0, 15).join('\n');
  if (!REASON.test(head)) {
    problems.push(
      `${file}: ${lines} lines (over ${MAX_LINES}) and no "long because …" reason in its first lines`,
    );
  }
}

for (const p of problems) console.error(p);
console.log(
  `house: ${links} README links checked, ${tracked.length} source files (${longFiles} over ${MAX_LINES} lines), ${problems.length} problem(s)`,
);
process.exit(problems.length > 0 ? 1 : 0);
