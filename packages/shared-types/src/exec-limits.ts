/**
 * The plain values of the exec protocol (exec.ts), zod-free so the web takes them from
 * `@wheelhouse/shared-types/constants` without bundling the schemas.
 */

/**
 * The largest `execInput` one message may carry, in UTF-8 bytes. Half of the socket's packet bound
 * (socket/server.ts: engine.io closes a connection whose packet is over 64 KiB, ending every stream
 * on it), so an oversized input is refused with an error the user can read instead of dropping the
 * connection. The web sends a paste in chunks of EXEC_INPUT_CHUNK_BYTES, one after the other.
 */
export const EXEC_INPUT_MAX_BYTES = 32 * 1024;
export const EXEC_INPUT_CHUNK_BYTES = 8 * 1024;

/** What the BFF tries, in order, when the user names no command (as most dashboards and k9s do). */
export const EXEC_DEFAULT_SHELLS = ['bash', 'sh', 'ash'] as const;

/** The terminal sizes a resize may ask for (xterm's own bounds are far below). */
export const EXEC_MAX_COLS = 1000;
export const EXEC_MAX_ROWS = 1000;

/**
 * What a shell needs, as permission checks (`verb:resource`, actions.ts): `create` on pods/exec, and
 * `get` because the WebSocket upgrade is a GET that the apiserver authorizes as both (the built-in
 * edit and admin roles grant both). The BFF asks these before opening a shell; the UI before offering one.
 */
export const EXEC_PERMISSIONS = ['create:pods/exec', 'get:pods/exec'] as const;
