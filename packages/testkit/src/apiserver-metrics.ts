/**
 * Readings of the apiserver's own /metrics text, for tests and benches that count what the BFF
 * holds open against it (one shared watch per resource and namespace, however many sockets).
 */

/** Namespace-scoped WATCH requests open for `resource`, summed over apiserver_longrunning_requests. */
export function namespacedWatchCount(metricsText: string, resource: string): number {
  let n = 0;
  for (const line of metricsText.split('\n')) {
    if (
      line.startsWith('apiserver_longrunning_requests{') &&
      line.includes(`resource="${resource}"`) &&
      line.includes('scope="namespace"') &&
      line.includes('verb="WATCH"')
    ) {
      n += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return n;
}
