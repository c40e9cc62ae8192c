/**
 * (d) Bundle: what the browser must fetch before the first render — the scripts and stylesheets that
 * apps/web/dist/index.html names (entry module, modulepreloads, classic scripts, stylesheets) — raw,
 * gzip (level 9) and brotli (quality 11), next to everything in dist/assets (lazy chunks included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BundleResult {
  initialFiles: Array<{ file: string; type: 'js' | 'css' } & Sizes>;
  initialJs: Sizes;
  initialCss: Sizes;
  initialTotal: Sizes;
  allAssetsJs: Sizes;
  allAssetsCss: Sizes;
}

function sizes(buf: Buffer): Sizes {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});
const zero = (): Sizes => ({ raw: 0, gzip: 0, brotli: 0 });

/** The src/href of every script, modulepreload and stylesheet in the HTML, in order, same-origin only. */
export function initialAssets(html: string): Array<{ url: string; type: 'js' | 'css' }> {
  const out: Array<{ url: string; type: 'js' | 'css' }> = [];
  const attr = (tag: string, name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], 'src');
    if (src) out.push({ url: src, type: 'js' });
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(m[0], 'rel')?.toLowerCase();
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel === 'modulepreload') out.push({ url: href, type: 'js' });
    else if (rel === 'stylesheet') out.push({ url: href, type: 'css' });
  }
  return out.filter((a) => !/^[a-z]+:\/\//i.test(a.url));
}

export function benchBundle(distDir: string): BundleResult {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const initialFiles: BundleResult['initialFiles'] = [];
  let initialJs = zero();
  let initialCss = zero();
  for (const a of initialAssets(html)) {
    const file = path.join(distDir, a.url.replace(/^\//, ''));
    const s = sizes(readFileSync(file));
    initialFiles.push({ file: a.url, type: a.type, ...s });
    if (a.type === 'js') initialJs = add(initialJs, s);
    else initialCss = add(initialCss, s);
  }
  let allAssetsJs = zero();
  let allAssetsCss = zero();
  const assets = path.join(distDir, 'assets');
  for (const f of readdirSync(assets)) {
    if (f.endsWith('.js')) allAssetsJs = add(allAssetsJs, sizes(readFileSync(path.join(assets, f))));
    else if (f.endsWith('.css')) allAssetsCss = add(allAssetsCss, sizes(readFileSync(path.join(assets, f))));
  }
  return {
    initialFiles,
    initialJs,
    initialCss,
    initialTotal: add(initialJs, initialCss),
    allAssetsJs,
    allAssetsCss,
  };
}
