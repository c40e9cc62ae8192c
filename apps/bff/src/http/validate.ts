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
