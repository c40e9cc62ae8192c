import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_YAML_BYTES } from '@wheelhouse/shared-types';
import express from 'express';
import helmet from 'helmet';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { DEFAULT_EXEC_LIMITS, type ExecLimits } from './exec/session';
import { applyRoutes } from './http/apply';
import { dataKeyRoutes } from './http/data-keys';
import { deploymentActionRoutes } from './http/deployment-actions';
import { historyRoutes } from './http/deployment-history';
import { errorHandler, HttpError } from './http/errors';
import { objectWriteRoutes } from './http/object-writes';
import { permissionRoutes } from './http/permissions';
import { apiRoutes } from './http/routes';
import { buildOriginPolicy, hostCheck, mutationGuard, newCsrfToken } from './http/security';
import { verifyBodyDepth } from './http/validate';
import { Callers } from './kube/callers';
import { kubeRequest } from './kube/client';
import { KubeContexts } from './kube/contexts';
import { DEFAULT_WORKLOAD_LIMITS } from './logs/workload-logs';
import { createMetrics } from './metrics';
import { registerExecHandlers } from './socket/exec';
import { registerLogHandlers } from './socket/logs';
import { limitSocketsPerClient, Quota } from './socket/quotas';
import { createSocketServer, trackBacklog } from './socket/server';
import { registerSubscriptionHandlers } from './socket/subscriptions';
import { WatchHub } from './watch/hub';
import { DEFAULT_LIMITS, type SessionLimits } from './watch/socket-session';

export const VERSION = '0.1.0';

/**
 * Body limit of the write routes (/api/objects/…, whatever WHEELHOUSE_BODY_LIMIT says): a YAML of
 * MAX_YAML_BYTES characters grows when JSON-escaped (a newline or a quote takes two bytes, a non-ASCII
 * character two to four in UTF-8); twice its size leaves room for ordinary text.
 */
export const WRITE_BODY_LIMIT = 2 * MAX_YAML_BYTES;

export interface AppDeps {
  log?: Logger;
  hub?: WatchHub;
  limits?: SessionLimits;
  /** Shell limits (tests lower them). */
  execLimits?: Partial<ExecLimits>;
}

/**
 * The composition root: every dependency comes in through `config`/`deps`, so tests start a real
 * server on port 0 against the real local cluster.
 */
export function createApp(config: Config, deps: AppDeps = {}) {
  const log =
    deps.log ??
    pino({
      level: config.logLevel,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', '*.token', '*.data'],
        remove: true,
      },
    });
  const contexts = new KubeContexts(config);
  const callers = new Callers(config, contexts);
  const hub =
    deps.hub ??
    new WatchHub({
      graceMs: config.informerGraceMs,
      maxInformersPerIdentity: config.maxInformersPerCaller,
      listChunk: config.listChunk,
    });
  const metrics = createMetrics(hub);
  const policy = buildOriginPolicy({
    host: config.host,
    extraHosts: config.allowedHosts,
    extraOrigins: config.allowedOrigins,
  });
  const csrfToken = config.csrfToken ?? newCsrfToken();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  // Security headers on every answer, probes included.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      hsts: false,
      // What frame-ancestors 'none' says, for browsers that only read X-Frame-Options.
      xFrameOptions: { action: 'deny' },
    }),
  );
  // The liveness probe answers any Host (kubelet probes by pod IP) and says nothing but "ok".
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  // Everything else, /readyz and /metrics included, only for an allowed Host: a DNS-rebinding page
  // must not read the apiserver's state or the server's metrics. (The chart's readinessProbe sends
  // `Host: localhost`.)
  app.use(hostCheck(policy));
  app.get('/readyz', async (_req, res) => {
    try {
      const text = await kubeRequest<unknown>(contexts.get(), '/readyz', {}).catch(async (err) => {
        // /readyz answers plain "ok", which is not JSON: a parse error means it answered 200.
        if (err instanceof SyntaxError) return 'ok';
        throw err;
      });
      res.type('text/plain').send(typeof text === 'string' ? text : 'ok');
    } catch (err) {
      res
        .status(503)
        .type('text/plain')
        .send(`apiserver not reachable: ${(err as Error).message}`);
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // API answers carry objects, the session's CSRF token, revealed values: never stored by a cache.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', mutationGuard(policy, csrfToken));
  // The write routes take YAML of up to MAX_YAML_BYTES (1 MiB), JSON-escaped in the body: a larger
  // limit for them alone (a body parsed here is not parsed again below).
  app.use('/api/objects', express.json({ limit: WRITE_BODY_LIMIT, strict: true, verify: verifyBodyDepth }));
  app.use('/api', express.json({ limit: config.bodyLimit, strict: true, verify: verifyBodyDepth }));
  app.use(
    '/api',
    objectWriteRoutes({ callers, metrics, log }),
    applyRoutes({ callers, metrics, log }),
    dataKeyRoutes({ callers, metrics, log }),
    deploymentActionRoutes({ callers, metrics, log }),
    historyRoutes({ callers, metrics }),
    permissionRoutes({ callers, metrics }),
  );
  app.use(
    '/api',
    apiRoutes({
      callers,
      metrics,
      log,
      secureCookies: config.secureCookies,
      session: () => ({ mode: config.mode, csrfToken, version: VERSION }),
    }),
  );

  if (config.staticDir) {
    const dir = path.resolve(config.staticDir);
    app.use(
      '/assets',
      express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
    );
    app.use(express.static(dir, { index: false, maxAge: 0 }));
    // Client-side routes fall back to the SPA shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dir, 'index.html'));
    });
  }
  app.use((req, _res, next) => next(new HttpError(404, 'NotFound', `nothing at ${req.method} ${req.path}`)));
  app.use(errorHandler(log));

  const server: HttpServer = createServer(app);
  const io = createSocketServer(server, { policy, log, pingIntervalMs: config.socketPingMs });
  limitSocketsPerClient(io, callers, config.maxSocketsPerClient);
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const execLimits: ExecLimits = { ...DEFAULT_EXEC_LIMITS, ...deps.execLimits };
  const perCaller = new Quota(config.maxSubscriptionsPerCaller, 'live subscriptions for one user');
  io.on('connection', (socket) => {
    metrics.sockets.inc();
    socket.on('disconnect', () => metrics.sockets.dec());
    const backlog = trackBacklog(socket);
    registerSubscriptionHandlers(io, socket, { hub, callers, log, metrics, limits, perCaller, backlog });
    registerLogHandlers(io, socket, {
      callers,
      hub,
      log,
      backlog,
      upstreams: metrics.logUpstreams,
      perCaller,
      workloadLimits: { ...DEFAULT_WORKLOAD_LIMITS, maxPods: config.maxLogPods },
    });
    registerExecHandlers(io, socket, {
      callers,
      hub,
      log,
      metrics,
      csrfToken,
      pingMs: config.execPingMs,
      limits: execLimits,
      backlog,
    });
  });

  async function listen(): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return server.address() as AddressInfo;
  }

  async function close(): Promise<void> {
    await new Promise<void>((resolve) => {
      io.close(() => resolve());
    });
    hub.stopAll();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  return { app, server, io, hub, metrics, contexts, callers, log, csrfToken, listen, close };
}
export type WheelhouseApp = ReturnType<typeof createApp>;
