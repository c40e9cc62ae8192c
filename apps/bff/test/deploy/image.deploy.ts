/**
 * The container artefacts without a Docker engine: the Dockerfile and docker-compose.yml are
 * checked statically, then the production build is run exactly the way the image runs it (same
 * files in the same layout, same ENV, same CMD, the HEALTHCHECK command itself), and with the
 * environment docker-compose would give it.
 */
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadYaml } from '@kubernetes/client-node';
import { ensureCluster, startBffProcess } from '@wheelhouse/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, SERVER_BUNDLE, WEB_DIST } from './helpers';

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  ins: Instruction[];
}

/** Dockerfile → stages of instructions (continuations joined, comments and parser directives dropped). */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const logical: string[] = [];
  let cur = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (/^\s*#/.test(line) && cur === '') continue;
    if (/^\s*#/.test(line)) continue; // comment inside a continuation
    if (line.endsWith('\\')) {
      cur += `${line.slice(0, -1)} `;
      continue;
    }
    cur += line;
    if (cur.trim()) logical.push(cur.trim());
    cur = '';
  }
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const l of logical) {
    const m = /^(\w+)\s+(.*)$/s.exec(l);
    if (!m?.[1] || m[2] === undefined) throw new Error(`cannot parse Dockerfile line: ${l}`);
    const op = m[1].toUpperCase();
    const rest = m[2].trim();
    if (op === 'FROM') {
      const f = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      if (!f?.[1]) throw new Error(`bad FROM: ${l}`);
      const image = f[1].replace(/\$\{(\w+)\}/g, (_, k: string) => args[k] ?? '');
      stages.push({ from: image, name: f[2], ins: [] });
    } else if (stages.length === 0 && op === 'ARG') {
      const [k, v = ''] = rest.split('=');
      if (k) args[k] = v;
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${op} before FROM`);
      stage.ins.push({ op, args: rest });
    }
  }
  return { args, stages };
}

/** ENV k=v k2=v2 (quotes allowed) → entries. */
function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.ins.filter((x) => x.op === 'ENV')) {
    for (const m of i.args.matchAll(/(\w+)=("([^"]*)"|\S+)/g)) {
      if (m[1]) env[m[1]] = m[3] ?? m[2] ?? '';
    }
  }
  return env;
}

const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const { stages } = parseDockerfile(dockerfile);
const build = stages[0];
const runtime = stages.at(-1);

describe('Dockerfile (static)', () => {
  it('builds on node:24 slim and runs on node:24-slim or distroless nodejs24, in two stages', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build?.from).toMatch(/^node:24(\.[\d.]+)?-(bookworm-|trixie-)?slim$/);
    expect(build?.name).toBeTruthy();
    expect(runtime?.from).toMatch(
      /^(node:24(\.[\d.]+)?-(bookworm-|trixie-)?slim|gcr\.io\/distroless\/nodejs24-debian\d+(:nonroot)?)$/,
    );
  });

  it('runs the commands CI runs: pnpm install --frozen-lockfile and pnpm build, with the pinned pnpm', () => {
    const runs = build?.ins.filter((i) => i.op === 'RUN').map((i) => i.args) ?? [];
    expect(runs.some((r) => /\bpnpm install\b.*--frozen-lockfile/.test(r))).toBe(true);
    expect(runs.some((r) => /\bpnpm build\b/.test(r))).toBe(true);
    const pinned = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { packageManager: string }
    ).packageManager.replace(/^pnpm@/, '');
    expect(dockerfile).toContain(`PNPM_VERSION=${pinned}`);
  });

  it('copies only the bundle and the SPA into the runtime stage', () => {
    const copies = runtime?.ins.filter((i) => i.op === 'COPY' || i.op === 'ADD') ?? [];
    expect(copies.every((c) => c.op === 'COPY' && c.args.includes(`--from=${build?.name}`))).toBe(true);
    const sources = copies.flatMap((c) =>
      c.args
        .split(/\s+/)
        .filter((a) => !a.startsWith('--'))
        .slice(0, -1),
    );
    expect(sources.sort()).toEqual(
      [
        '/src/apps/bff/dist/server.mjs',
        '/src/apps/bff/dist/server.mjs.LEGAL.txt',
        '/src/apps/web/dist',
      ].sort(),
    );
    expect(runtime?.ins.some((i) => i.op === 'RUN')).toBe(false); // nothing installed at runtime
  });

  it('runs as a numeric non-root user with the documented ENV, EXPOSE, HEALTHCHECK and CMD', () => {
    const user = runtime?.ins.filter((i) => i.op === 'USER').at(-1)?.args ?? '';
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
    const env = envOf(runtime as Stage);
    expect(env.WHEELHOUSE_HOST).toBe('0.0.0.0');
    expect(env.WHEELHOUSE_STATIC_DIR).toBe('/app/public');
    expect(env.HOME).toBe('/tmp'); // the only writable place under readOnlyRootFilesystem
    expect(runtime?.ins.find((i) => i.op === 'WORKDIR')?.args).toBe('/app');
    expect(runtime?.ins.find((i) => i.op === 'EXPOSE')?.args).toBe('7070');
    const hc = runtime?.ins.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    expect(hc).toMatch(/CMD \["node",/);
    expect(hc).toContain('/healthz');
    expect(hc).not.toMatch(/curl|wget/);
    expect(runtime?.ins.filter((i) => i.op === 'CMD').at(-1)?.args).toBe('["node", "server.mjs"]');
  });

  it('.dockerignore keeps node_modules, dist, .git and artifacts out of the build context', () => {
    const ignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const p of ['**/node_modules', '**/dist', '.git', 'artifacts']) expect(ignore).toContain(p);
  });
});

/** .dockerignore → predicate on context-relative paths (Docker's rules: `**`, `*`, `?`; a match on a directory excludes what is in it). */
function dockerignore(text: string): (rel: string) => boolean {
  const res = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((p) => {
      if (p.startsWith('!')) throw new Error(`exceptions (${p}) are not handled by this check`);
      const body = p
        .replace(/^\/+/, '')
        .replace(/\/+$/, '')
        .split(/(\*\*\/|\*\*|\*|\?)/)
        .map((t) =>
          t === '**/'
            ? '(?:.*/)?'
            : t === '**'
              ? '.*'
              : t === '*'
                ? '[^/]*'
                : t === '?'
                  ? '[^/]'
                  : t.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
      return new RegExp(`^${body}(?:/.*)?$`);
    });
  return (rel) => res.some((r) => r.test(rel));
}

describe('the build stage, replayed without a Docker engine', () => {
  let dir: string;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('in a copy of the build context (.dockerignore applied), its COPY and RUN steps build what the runtime stage copies', async () => {
    const ignored = dockerignore(readFileSync(path.join(ROOT, '.dockerignore'), 'utf8'));
    const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    expect(listed.code, listed.stderr).toBe(0);
    const files = listed.stdout.split('\0').filter((f) => f && existsSync(path.join(ROOT, f)) && !ignored(f));
    expect(files).toContain('pnpm-lock.yaml');
    expect(files.some((f) => f.includes('node_modules/') || f.startsWith('.git/'))).toBe(false);
    dir = mkdtempSync(path.join(tmpdir(), 'wheelhouse-build-'));
    const context = path.join(dir, 'context');
    for (const f of files) cpSync(path.join(ROOT, f), path.join(context, f));
    const fsRoot = path.join(dir, 'fs'); // the build stage's filesystem
    let workdir = '/';
    const at = (p: string) => path.join(fsRoot, path.posix.resolve(workdir, p));
    for (const i of build?.ins ?? []) {
      if (i.op === 'WORKDIR') {
        workdir = path.posix.resolve(workdir, i.args);
        mkdirSync(at('.'), { recursive: true });
      } else if (i.op === 'COPY') {
        const parts = i.args.split(/\s+/).filter((a) => !a.startsWith('--'));
        const dest = parts.pop() ?? '.';
        for (const src of parts) {
          const from = path.join(context, src);
          const to =
            src === '.' || dest.endsWith('/') || dest === '.' || parts.length > 1
              ? path.join(at(dest), src === '.' ? '' : path.basename(src))
              : at(dest);
          expect(existsSync(from), `COPY ${src}: not in the build context`).toBe(true);
          cpSync(from, to, { recursive: true });
        }
      } else if (i.op === 'RUN') {
        const cmd = i.args.replace(/^(--\S+\s+)+/, '');
        // The toolchain already provides the pinned pnpm (the version is checked above).
        if (/^npm install --global\b.*\bpnpm@/.test(cmd)) continue;
        const r = await run('sh', ['-c', cmd], {
          cwd: at('.'),
          timeoutMs: 600_000,
          env: { ...process.env, CI: 'true' },
        });
        expect(r.code, `RUN ${cmd}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`).toBe(0);
      }
    }
    for (const c of runtime?.ins.filter((x) => x.op === 'COPY') ?? []) {
      const sources = c.args
        .split(/\s+/)
        .filter((a) => !a.startsWith('--'))
        .slice(0, -1);
      for (const src of sources) expect(existsSync(path.join(fsRoot, src)), `runtime COPY ${src}`).toBe(true);
    }
    expect(existsSync(path.join(fsRoot, '/src/apps/web/dist/index.html'))).toBe(true);
  });
});

/** A copy of the image's /app: server.mjs (+ LEGAL) and public/ = apps/web/dist, nothing else. */
function imageLayout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wheelhouse-image-'));
  chmodSync(dir, 0o755);
  const app = path.join(dir, 'app');
  mkdirSync(app);
  cpSync(SERVER_BUNDLE, path.join(app, 'server.mjs'));
  cpSync(`${SERVER_BUNDLE}.LEGAL.txt`, path.join(app, 'server.mjs.LEGAL.txt'));
  cpSync(WEB_DIST, path.join(app, 'public'), { recursive: true });
  mkdirSync(path.join(dir, 'tmp'));
  return dir;
}

function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(dir, p)} ${statSync(p).size} ${statSync(p).mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('the built output, run the way the image runs it', () => {
  let dir: string;
  let kubeconfigPath: string;
  beforeAll(async () => {
    ({ kubeconfigPath } = await ensureCluster());
    dir = imageLayout();
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts from CMD as the image USER (when run as root) with the image ENV (paths mapped into a copy of /app), answers /healthz, /readyz, the SPA and the HEALTHCHECK, writes nothing under /app, and stops on SIGTERM', async () => {
    const app = path.join(dir, 'app');
    const imageEnv = envOf(runtime as Stage);
    const env: Record<string, string> = {
      ...imageEnv,
      HOME: path.join(dir, 'tmp'),
      TMPDIR: path.join(dir, 'tmp'),
      WHEELHOUSE_STATIC_DIR: imageEnv.WHEELHOUSE_STATIC_DIR?.replace(/^\/app/, app) ?? '',
      // The one deviation: tests bind loopback only (the image binds 0.0.0.0 inside its own netns).
      WHEELHOUSE_HOST: '127.0.0.1',
      KUBECONFIG: kubeconfigPath,
      WHEELHOUSE_LOG_LEVEL: 'warn',
    };
    delete env.WHEELHOUSE_PORT;
    // As root (CI), run it as the image's USER, like the container: its own copy of node (the
    // toolchain's lives under /root), the files root-owned and read-only to it, only tmp/ and its
    // kubeconfig its own. Otherwise run as the current user.
    const [uid, gid] = (runtime?.ins.filter((i) => i.op === 'USER').at(-1)?.args ?? '')
      .split(':')
      .map(Number);
    let asUser: { node: string; uid: number; gid: number } | undefined;
    if (process.getuid?.() === 0 && uid) {
      mkdirSync(path.join(dir, 'bin'));
      const node = path.join(dir, 'bin', 'node');
      cpSync(process.execPath, node);
      chmodSync(node, 0o755);
      const kube = path.join(dir, 'kube');
      mkdirSync(kube, { mode: 0o700 });
      cpSync(kubeconfigPath, path.join(kube, 'config'));
      for (const p of [kube, path.join(kube, 'config'), path.join(dir, 'tmp')]) chownSync(p, uid, gid ?? uid);
      env.KUBECONFIG = path.join(kube, 'config');
      asUser = { node, uid, gid: gid ?? uid };
    }
    const before = snapshot(app);
    const cmd = JSON.parse(runtime?.ins.filter((i) => i.op === 'CMD').at(-1)?.args ?? '[]') as string[];
    expect(cmd[0]).toBe('node');
    const srv = await startBffProcess({ cwd: app, script: cmd[1], env, ...asUser });
    if (asUser) expect(statSync(`/proc/${srv.child.pid}`).uid).toBe(asUser.uid);
    try {
      expect(await (await fetch(`${srv.url}/healthz`)).text()).toBe('ok');
      expect((await fetch(`${srv.url}/readyz`)).status).toBe(200);
      const index = await fetch(`${srv.url}/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toContain('text/html');
      // An asset the SPA shell references is served from the copied public/ directory.
      const asset = /(?:src|href)="(\/assets\/[^"]+)"/.exec(await index.text())?.[1];
      expect(asset, 'index.html references /assets/…').toBeDefined();
      expect((await fetch(`${srv.url}${asset}`)).status).toBe(200);
      // The HEALTHCHECK's own command, with the same environment.
      const hc = runtime?.ins.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
      const argv = JSON.parse(hc.slice(hc.indexOf('CMD ') + 4)) as string[];
      const probe = await run(process.execPath, argv.slice(1), {
        env: { ...env, WHEELHOUSE_PORT: new URL(srv.url).port },
        cwd: app,
        timeoutMs: 10_000,
      });
      expect(probe.code, probe.stderr).toBe(0);
    } finally {
      expect(await srv.stop()).toBe(0);
    }
    expect(snapshot(app)).toEqual(before);
    // …and the HEALTHCHECK fails once the server is gone (it is not a no-op either).
    const hc = runtime?.ins.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    const argv = JSON.parse(hc.slice(hc.indexOf('CMD ') + 4)) as string[];
    const down = await run(process.execPath, argv.slice(1), {
      env: { ...env, WHEELHOUSE_PORT: new URL(srv.url).port },
      cwd: app,
      timeoutMs: 10_000,
    });
    expect(down.code).not.toBe(0);
  });
});

describe('docker-compose.yml', () => {
  let config: {
    services: Record<
      string,
      {
        image: string;
        user: string;
        read_only: boolean;
        tmpfs: string[];
        ports: string[];
        volumes: string[];
        environment: Record<string, string>;
      }
    >;
  };
  beforeAll(async () => {
    // Debian's docker-compose (installed by scripts/setup.sh): validates against the compose schema
    // and resolves variables, offline; no engine needed.
    const r = await run('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      env: { ...process.env, KUBECONFIG_FILE: '/nonexistent/kubeconfig' },
    });
    expect(r.code, r.stderr).toBe(0);
    config = loadYaml(r.stdout);
  });

  it('runs the image read-only, tmpfs /tmp, numeric user, on 127.0.0.1:7070, kubeconfig mounted read-only', () => {
    const svc = config.services.wheelhouse;
    expect(svc).toBeDefined();
    if (!svc) return;
    expect(svc.image).toBe('wheelhouse:0.1.0');
    expect(svc.read_only).toBe(true);
    expect(svc.tmpfs).toContain('/tmp');
    expect(svc.user).toMatch(/^10001(:\d+)?$/);
    expect(svc.ports).toEqual(['127.0.0.1:7070:7070/tcp']);
    const mount = svc.volumes.find((v) => v.startsWith('/nonexistent/kubeconfig:'));
    expect(mount).toBe(`/nonexistent/kubeconfig:${svc.environment.KUBECONFIG}:ro`);
  });

  it("gives the server an environment it accepts: the bundle starts with compose's env and reaches the apiserver", async () => {
    const { kubeconfigPath } = await ensureCluster();
    const dir = imageLayout();
    try {
      const env = { ...config.services.wheelhouse?.environment };
      env.KUBECONFIG = kubeconfigPath; // the mounted file, here on the host
      env.WHEELHOUSE_HOST = '127.0.0.1';
      env.WHEELHOUSE_LOG_LEVEL = 'warn';
      env.HOME = path.join(dir, 'tmp');
      delete env.WHEELHOUSE_PORT;
      const srv = await startBffProcess({ cwd: path.join(dir, 'app'), env });
      try {
        expect((await fetch(`${srv.url}/readyz`)).status).toBe(200);
        const session = (await (await fetch(`${srv.url}/api/session`)).json()) as { mode: string };
        expect(session.mode).toBe('kubeconfig');
      } finally {
        expect(await srv.stop()).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an invalid compose file (the validator is not a no-op)', async () => {
    const bad = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8').replace(
      'read_only: true',
      'read_only: maybe',
    );
    const r = await run('docker-compose', ['-f', '-', 'config', '-q'], { input: bad });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('read_only');
  });
});
