/**
 * The YAML a user edits or pastes, read into plain objects with every problem located (line, column,
 * character offset), before anything is sent to the apiserver.
 *
 * YAML 1.2 (the `yaml` package's default core schema): the web's YAML view writes objects with the
 * same package and version, so what the user saw is read back exactly ("yes" stays a string, a date
 * stays a string). kubectl reads YAML 1.1, which differs where it is dangerous: `0644` is octal (420)
 * to kubectl and decimal (644) in 1.2, so a pasted `defaultMode: 0400` would silently become other
 * permissions. Such a number is refused with its position and both spellings that mean one thing.
 *
 * The `yaml` package costs microseconds per token and checks duplicate keys in quadratic time, so a
 * 1 MiB input could hold the event loop for seconds: one pass of its lexer bounds the tokens and the
 * flow nesting first, and duplicate keys are found here with a Set (the apiserver's strict decoding
 * refuses them too, but without saying where).
 */
import { type Document, isScalar, Lexer, LineCounter, type Node, parseAllDocuments, visit } from 'yaml';
import { HttpError } from '../http/errors';

/** More tokens than a paste of dozens of large Deployments; bounds the parser's time (~1 s at worst). */
export const MAX_YAML_TOKENS = 200_000;
/** Flow collections (`[…]`, `{…}`) nested deeper than any Kubernetes object needs. */
export const MAX_YAML_FLOW_DEPTH = 64;

export interface YamlProblem {
  /** "invalid YAML at line 3, column 7: …" */
  message: string;
  /** Character offset in the whole text. */
  position: number;
}

/** One non-empty document, in text order: its value, or the first problem found in it. */
export type YamlDocument =
  | { index: number; ok: true; value: Record<string, unknown> }
  | { index: number; ok: false; problem: YamlProblem };

/**
 * Every non-empty document of `text` (comment-only and empty documents are skipped). Throws a 400
 * (field `yaml`) when the text as a whole is refused: too many tokens, nesting too deep, no document.
 */
export function readYamlDocuments(text: string): YamlDocument[] {
  checkComplexity(text);
  const lineCounter = new LineCounter();
  const at = (offset: number, what: string): YamlProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { message: `invalid YAML at line ${line}, column ${col}: ${what}`, position: offset };
  };
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const out: YamlDocument[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (isEmpty(doc)) continue;
    const index = out.length;
    const problem = firstProblem(doc, at);
    if (problem) {
      out.push({ index, ok: false, problem });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      out.push({ index, ok: false, problem: at(doc.range[0], (err as Error).message) });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const what = Array.isArray(value) ? 'a list' : `the ${value === null ? 'null' : typeof value} value`;
      out.push({
        index,
        ok: false,
        problem: at(
          doc.range[0],
          `a document must be one object (a mapping with apiVersion, kind and metadata), not ${what}`,
        ),
      });
      continue;
    }
    out.push({ index, ok: true, value: value as Record<string, unknown> });
  }
  if (out.length === 0)
    throw new HttpError(400, 'BadRequest', 'the YAML holds no document', { field: 'yaml' });
  return out;
}

/** Nothing but comments or whitespace (an empty plain scalar): not a document a user wrote. */
function isEmpty(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return (
    doc.errors.length === 0 && (c === null || (isScalar(c) && c.value === null && (c.source ?? '') === ''))
  );
}

function checkComplexity(text: string): void {
  let tokens = 0;
  let depth = 0;
  for (const token of new Lexer().lex(text)) {
    if (++tokens > MAX_YAML_TOKENS) {
      throw new HttpError(
        400,
        'BadRequest',
        `the YAML is too complex: more than ${MAX_YAML_TOKENS} tokens (keys, values, indicators)`,
        { field: 'yaml' },
      );
    }
    if (token === '[' || token === '{') {
      if (++depth > MAX_YAML_FLOW_DEPTH) {
        throw new HttpError(
          400,
          'BadRequest',
          `the YAML nests "[" and "{" deeper than ${MAX_YAML_FLOW_DEPTH} levels`,
          { field: 'yaml' },
        );
      }
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
  }
}

/** The first syntax error, unresolved tag, duplicate or non-string key, or ambiguous octal number. */
function firstProblem(doc: Document.Parsed, at: (offset: number, what: string) => YamlProblem) {
  const reported = doc.errors[0] ?? doc.warnings[0];
  if (reported) return at(reported.pos[0], reported.message.split('\n')[0] ?? reported.code);
  let problem: YamlProblem | undefined;
  const found = (node: Node | null | undefined, fallback: number, what: string) => {
    problem = at(node?.range?.[0] ?? fallback, what);
    return visit.BREAK;
  };
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        const start = map.range?.[0] ?? 0;
        if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
          return found(key, start, 'a key must be a plain string');
        }
        const name = String(key.value);
        if (seen.has(name)) return found(key, start, `duplicate key "${name}"`);
        seen.add(name);
      }
      return undefined;
    },
    Scalar(_, scalar) {
      const source = scalar.source ?? '';
      if (scalar.type === 'PLAIN' && typeof scalar.value === 'number' && /^[-+]?0[0-9]+$/.test(source)) {
        const digits = source.replace(/^[-+]/, '');
        const octal = /^[0-7]+$/.test(digits)
          ? `: write 0o${digits.slice(1)} for octal (kubectl reads it so) or ${Number(source)} for decimal`
          : '';
        return found(
          scalar,
          0,
          `the number ${source} has a leading zero, which YAML 1.1 (kubectl) and 1.2 read differently${octal}`,
        );
      }
      return undefined;
    },
  });
  return problem;
}
