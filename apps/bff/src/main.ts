import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`wheelhouse: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config);
  } catch (err) {
    process.stderr.write(`wheelhouse: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const addr = await app.listen().catch((err: NodeJS.ErrnoException) => {
    const why =
      err.code === 'EADDRINUSE' ? `port ${config.port} is already in use (set WHEELHOUSE_PORT)` : err.message;
    process.stderr.write(`wheelhouse: cannot listen on ${config.host}:${config.port}: ${why}\n`);
    process.exit(1);
  });
  const url = `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}/`;
  app.log.info(
    { url, mode: config.mode, context: app.contexts.defaultContext },
    `Wheelhouse listening on ${url}`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: closing sockets and stopping informers');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
