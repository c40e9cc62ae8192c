import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../artifacts/screenshots');

/** Where a test saves a screenshot worth looking at (kept as a CI artifact). */
export function screenshotPath(name: string): string {
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
