import { inspect } from 'node:util';

export interface WaitOptions {
  /** Give up after this long (the whole wait, attempts included). */
  timeoutMs: number;
  /** Pause between attempts. */
  intervalMs: number;
  /** What is awaited, for the error message: "3 pods to be Ready". */
  what: string;
}

const NOT_YET = Symbol('not yet');

function describe(value: unknown): string {
  return inspect(value, { depth: 3, breakLength: Infinity, maxArrayLength: 10, maxStringLength: 500 });
}

/**
 * Polls `fn` until it returns something other than `undefined` or `false`, and returns that. An attempt that
 * throws counts as "not yet". Bounded: after `timeoutMs` it rejects with an Error naming `what` and the last
 * value or error seen; a single attempt that hangs is cut off at the deadline too.
 */
export async function waitFor<T>(
  fn: () => Promise<T | undefined | false>,
  { timeoutMs, intervalMs, what }: WaitOptions,
): Promise<T> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let attempts = 0;
  let last: { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown } | undefined;
  const maxAttempts = Math.ceil(timeoutMs / Math.max(intervalMs, 1)) + 2;

  while (attempts < maxAttempts) {
    attempts++;
    const remaining = deadline - Date.now();
    if (remaining <= 0 && attempts > 1) break;
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = await Promise.race([
        fn(),
        new Promise<typeof NOT_YET>((resolve) => {
          timer = setTimeout(() => resolve(NOT_YET), Math.max(remaining, 0));
        }),
      ]);
      if (outcome === NOT_YET) {
        last = { kind: 'error', error: new Error(`the attempt was still running at the deadline`) };
        break;
      }
      if (outcome !== undefined && outcome !== false) return outcome as T;
      last = { kind: 'value', value: outcome };
    } catch (error) {
      last = { kind: 'error', error };
    } finally {
      clearTimeout(timer);
    }
    const pause = Math.min(intervalMs, deadline - Date.now());
    if (pause <= 0) break;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }

  const elapsed = Date.now() - started;
  let lastText = 'no attempt finished';
  if (last?.kind === 'value') lastText = `last value: ${describe(last.value)}`;
  if (last?.kind === 'error') {
    const e = last.error;
    lastText = `last error: ${e instanceof Error ? e.message : describe(e)}`;
  }
  throw new Error(`Timed out after ${elapsed}ms (${attempts} attempts) waiting for ${what}; ${lastText}`);
}
