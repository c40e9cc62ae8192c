/**
 * The zod-free entry of the wire contract, `@wheelhouse/shared-types/constants`: the plain values
 * both apps need at run time. The web imports them from here, so a constant never brings the schemas
 * (and zod) into its bundle; the main entry re-exports them beside the schemas. Nothing reachable
 * from this file may import zod (test/constants.test.ts checks).
 *
 * Kubernetes name rules (DNS-1123 label and subdomain) are @wheelhouse/core's `names`, zod-free too.
 */
export * from './exec-limits';
export * from './kinds';
export * from './permissions';
export * from './write-values';

/** The socket.io path the BFF serves the live protocol (protocol.ts) on. */
export const SOCKET_PATH = '/api/socket';

/** Header that carries the CSRF token on every mutating request (rest.ts). */
export const CSRF_HEADER = 'x-wheelhouse-csrf';
