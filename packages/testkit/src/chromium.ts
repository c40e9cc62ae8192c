/**
 * How the e2e suite, the benches and the chaos tabs launch chromium: Debian's build (WHEELHOUSE_CHROMIUM
 * overrides the path), headless in a container without a GPU, no background traffic of its own. QUIC is
 * off so every request goes over the loopback HTTP/1.1 or WebSocket the BFF serves.
 * Plain data (Playwright's LaunchOptions shape), so the kit needs no Playwright of its own.
 */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return {
    executablePath: process.env.WHEELHOUSE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}
