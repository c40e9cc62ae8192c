import type { SOCKET_PATH as ProtocolSocketPath } from '@wheelhouse/shared-types';

/**
 * The socket.io path of the live protocol. Spelled out rather than imported: @wheelhouse/shared-types'
 * entry point also builds the zod schemas, and a value import would ship zod in the initial bundle.
 * The type annotation makes the compiler hold this literal equal to the protocol's constant.
 */
export const SOCKET_PATH: typeof ProtocolSocketPath = '/api/socket';
