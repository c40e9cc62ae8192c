import { parseSelector, SelectorParseError, selectorToString } from '@wheelhouse/core';
import type { z } from 'zod';
import { HttpError } from './errors';

/**
 * The one "validation failed → 400" of the BFF, for REST handlers and socket handlers alike: the
 * value parsed by its zod schema, or an HttpError naming the offending field (which the error
 * middleware and socket acks turn into the one error body with toErrorBody).
 *
 * `what` names the input in the message ("namespace", "body", "subscribe request"); `field` is the
 * field reported when the whole input is wrong rather than one of its fields (default: `what`; `null`
 * when the input is not a field the client could fix, like a whole socket payload).
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
  field: string | null = what,
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const reason = issue?.message ?? 'invalid';
  if (path) {
    throw new HttpError(400, 'BadRequest', `invalid ${what}: ${path}: ${reason}`, { field: path });
  }
  // A scalar is shown (cut short) so the user sees what was refused; an object is not.
  const shown =
    typeof value === 'string' || typeof value === 'number' ? ` "${String(value).slice(0, 100)}"` : '';
  throw new HttpError(400, 'BadRequest', `invalid ${what}${shown}: ${reason}`, field ? { field } : {});
}

/**
 * A label selector in kubectl grammar, parsed with the apiserver's rules and returned in canonical
 * form (so equal selectors share one informer key); '' when it selects everything. A 400 naming
 * `labelSelector` and the error's position otherwise.
 */
export function canonicalSelector(text: string): string {
  try {
    return selectorToString(parseSelector(text));
  } catch (err) {
    const position = err instanceof SelectorParseError ? { position: err.position } : {};
    throw new HttpError(400, 'BadRequest', `invalid label selector: ${(err as Error).message}`, {
      field: 'labelSelector',
      ...position,
    });
  }
}

/** JSON bodies nest no deeper than this (the deepest body the API takes nests 3 levels). */
export const MAX_BODY_DEPTH = 32;

/**
 * express.json's `verify`: refuses a body nested deeper than MAX_BODY_DEPTH with a 400 before it is
 * parsed, so no later step (validation, logging, an error message) recurses into a 60,000-deep array.
 * One pass over the bytes, skipping strings.
 */
export function verifyBodyDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_BODY_DEPTH) {
        throw Object.assign(new Error(`request body is nested deeper than ${MAX_BODY_DEPTH} levels`), {
          status: 400,
          type: 'entity.too.deep',
        });
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}
