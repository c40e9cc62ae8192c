import { parseSelector, SelectorParseError } from '@wheelhouse/core';

export type SelectorCheck =
  | { ok: true /** The text to send as `labelSelector`, trimmed; '' selects everything. */; text: string }
  | { ok: false; message: string /** Index in the input where the problem is. */; position: number };

/** Checks a selector typed by the user with kubectl's grammar (the rules the apiserver applies). */
export function checkSelector(input: string): SelectorCheck {
  try {
    parseSelector(input);
    return { ok: true, text: input.trim() };
  } catch (error) {
    if (error instanceof SelectorParseError) {
      return { ok: false, message: error.message, position: error.position };
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error), position: 0 };
  }
}

/**
 * The selector with `key=value` added (what clicking a label chip does). Nothing is added when the
 * selector already requires exactly that; an invalid selector is replaced by the requirement alone.
 */
export function addRequirement(selector: string, key: string, value: string): string {
  const requirement = `${key}=${value}`;
  const current = selector.trim();
  if (current === '') return requirement;
  try {
    const parsed = parseSelector(current);
    const already = parsed.requirements.some(
      (r) =>
        r.key === key &&
        (r.operator === 'Equals' || r.operator === 'DoubleEquals' || r.operator === 'In') &&
        r.values.length === 1 &&
        r.values[0] === value,
    );
    return already ? current : `${current},${requirement}`;
  } catch {
    return requirement;
  }
}
