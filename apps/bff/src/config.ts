import { z } from 'zod';

/**
 * All configuration, read from the environment in this module only and validated once at start-up.
 * A bad value stops the process with a message naming the variable.
 */
const csv = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .optional();

const EnvSchema = z.object({
  WHEELHOUSE_HOST: z.string().default('127.0.0.1'),
  WHEELHOUSE_PORT: z.coerce.number().int().min(0).max(65535).default(7070),
  /** kubeconfig | in-cluster | token (per-user bearer token). */
  WHEELHOUSE_MODE: z.enum(['kubeconfig', 'in-cluster', 'token']).default('kubeconfig'),
  KUBECONFIG: z.string().optional(),
  /** Context to use instead of the kubeconfig's current-context. */
  WHEELHOUSE_CONTEXT: z.string().optional(),
  /** Extra Host header values accepted besides the bind address and localhost (comma-separated). */
  WHEELHOUSE_ALLOWED_HOSTS: csv,
  /** Extra browser origins accepted for sockets and mutations (comma-separated, e.g. the vite dev server). */
  WHEELHOUSE_ALLOWED_ORIGINS: csv,
  /** Directory of the built SPA to serve; unset in development (vite serves it). */
  WHEELHOUSE_STATIC_DIR: z.string().optional(),
  WHEELHOUSE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Largest JSON body accepted on REST calls. */
  WHEELHOUSE_BODY_LIMIT: z.string().default('256kb'),
  /** How long an informer outlives its last subscriber. */
  WHEELHOUSE_INFORMER_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * First page of an informer's LIST (limit/continue; later pages are larger, up to 1,000): the first
   * viewer of a large list sees these rows while the rest loads. 0 lists in one request.
   */
  WHEELHOUSE_LIST_CHUNK: z.coerce.number().int().min(0).default(500),
  /** Sockets one client (a logged-in user in token mode, else a peer address) may hold open. */
  WHEELHOUSE_MAX_SOCKETS_PER_CLIENT: z.coerce.number().int().min(1).default(256),
  /** Live subscriptions one caller identity may hold across its sockets. */
  WHEELHOUSE_MAX_SUBSCRIPTIONS_PER_CALLER: z.coerce.number().int().min(1).default(2000),
  /** Different lists (informers: a LIST + WATCH each on the apiserver) one caller identity may watch. */
  WHEELHOUSE_MAX_INFORMERS_PER_CALLER: z.coerce.number().int().min(1).default(100),
  /** Pods one workload log view streams at once (each container a pods/log request); more wait. */
  WHEELHOUSE_MAX_LOG_PODS: z.coerce.number().int().min(1).max(500).default(50),
  /**
   * WebSocket pings to the apiserver on every open shell (pods/exec), so an idle session outlives
   * the idle timeouts of whatever sits between (a load balancer, a proxy). 0 turns them off.
   */
  WHEELHOUSE_EXEC_PING_MS: z.coerce.number().int().min(0).default(20_000),
  /** socket.io's heartbeat to the browser (its pingInterval): also what keeps an idle tab's proxies open. */
  WHEELHOUSE_SOCKET_PING_MS: z.coerce.number().int().min(100).default(25_000),
  /** Set by Kubernetes inside a pod. */
  KUBERNETES_SERVICE_HOST: z.string().optional(),
  /** Mark the token cookie Secure (when served over HTTPS, e.g. behind an Ingress). */
  WHEELHOUSE_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /**
   * The CSRF token every replica hands out and checks (a random one per process when unset). Replicas
   * behind one Service need the same one: a browser reads it from one replica and may send its next
   * write (or its token-mode login) to another. The chart sets it from a Secret when replicas > 1.
   */
  WHEELHOUSE_CSRF_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,256}$/, 'must be 32–256 characters of A–Z, a–z, 0–9, - or _')
    .optional(),
});

export type Config = {
  host: string;
  port: number;
  mode: 'kubeconfig' | 'in-cluster' | 'token';
  kubeconfigPath: string | undefined;
  context: string | undefined;
  allowedHosts: string[];
  allowedOrigins: string[];
  staticDir: string | undefined;
  logLevel: string;
  bodyLimit: string;
  informerGraceMs: number;
  listChunk: number;
  maxSocketsPerClient: number;
  maxSubscriptionsPerCaller: number;
  maxInformersPerCaller: number;
  maxLogPods: number;
  execPingMs: number;
  socketPingMs: number;
  /** Use the pod's ServiceAccount/cluster (in-cluster mode, or token mode inside a pod). */
  inCluster: boolean;
  secureCookies: boolean;
  /** Shared CSRF token (WHEELHOUSE_CSRF_TOKEN), or undefined for a random one per process. */
  csrfToken: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.WHEELHOUSE_HOST,
    port: e.WHEELHOUSE_PORT,
    mode: e.WHEELHOUSE_MODE,
    kubeconfigPath: e.KUBECONFIG,
    context: e.WHEELHOUSE_CONTEXT,
    allowedHosts: e.WHEELHOUSE_ALLOWED_HOSTS ?? [],
    allowedOrigins: e.WHEELHOUSE_ALLOWED_ORIGINS ?? [],
    staticDir: e.WHEELHOUSE_STATIC_DIR,
    logLevel: e.WHEELHOUSE_LOG_LEVEL,
    bodyLimit: e.WHEELHOUSE_BODY_LIMIT,
    informerGraceMs: e.WHEELHOUSE_INFORMER_GRACE_MS,
    listChunk: e.WHEELHOUSE_LIST_CHUNK,
    maxSocketsPerClient: e.WHEELHOUSE_MAX_SOCKETS_PER_CLIENT,
    maxSubscriptionsPerCaller: e.WHEELHOUSE_MAX_SUBSCRIPTIONS_PER_CALLER,
    maxInformersPerCaller: e.WHEELHOUSE_MAX_INFORMERS_PER_CALLER,
    maxLogPods: e.WHEELHOUSE_MAX_LOG_PODS,
    execPingMs: e.WHEELHOUSE_EXEC_PING_MS,
    socketPingMs: e.WHEELHOUSE_SOCKET_PING_MS,
    inCluster:
      e.WHEELHOUSE_MODE === 'in-cluster' ||
      (e.WHEELHOUSE_MODE === 'token' && !e.KUBECONFIG && Boolean(e.KUBERNETES_SERVICE_HOST)),
    secureCookies: e.WHEELHOUSE_SECURE_COOKIES === 'true',
    csrfToken: e.WHEELHOUSE_CSRF_TOKEN,
  };
}
