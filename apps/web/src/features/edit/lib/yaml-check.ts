/**
 * The YAML editor's checks while the user types, as positioned problems (CodeMirror shows them as
 * lint diagnostics at their line and column): syntax errors from the `yaml` parser, input over the
 * size limit, more than one document where one object is edited, and a document of another kind,
 * name or namespace than the page's object (renaming is not editing: the BFF refuses it too, with a
 * 400). Pure: the editor and the tests call the same function.
 */
import { MAX_YAML_BYTES } from '@wheelhouse/shared-types/constants';
import { type Document, isMap, LineCounter, parseAllDocuments } from 'yaml';

export interface YamlProblem {
  /** Character offsets in the text. */
  from: number;
  to: number;
  /** 1-based, for the words under the editor. */
  line: number;
  column: number;
  message: string;
}

export interface ExpectedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

function at(text: string, counter: LineCounter, from: number, to: number, message: string): YamlProblem {
  const pos = counter.linePos(Math.min(from, text.length));
  return { from, to: Math.max(from, Math.min(to, text.length)), line: pos.line, column: pos.col, message };
}

/** The range of the value at `path` in a document (or of the document itself when it is missing). */
function rangeOf(doc: Document.Parsed, path: string[]): [number, number] {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (node?.range) return [node.range[0], node.range[1]];
  const root = doc.contents as { range?: [number, number, number] } | null;
  return root?.range ? [root.range[0], root.range[0]] : [0, 0];
}

/** Whether a parsed document is empty (only comments or "---"). */
function isEmpty(doc: Document.Parsed): boolean {
  return doc.contents === null;
}

/** Problems in `text`; none means it can be sent. `expected`: the one object a single edit must stay. */
export function checkYaml(text: string, expected?: ExpectedObject): YamlProblem[] {
  const counter = new LineCounter();
  const problem = (from: number, to: number, message: string) => at(text, counter, from, to, message);
  const problems: YamlProblem[] = [];
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_YAML_BYTES) {
    problems.push(problem(0, 0, `The YAML is ${bytes} bytes; at most ${MAX_YAML_BYTES} may be sent.`));
  }
  const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const error of doc.errors) {
      problems.push(problem(error.pos[0], error.pos[1], error.message.split('\n')[0] ?? error.message));
    }
  }
  if (problems.length > 0) return problems;
  const documents = list.filter((d) => !isEmpty(d));
  if (documents.length === 0) {
    return [problem(0, 0, 'The YAML is empty.')];
  }
  for (const doc of documents) {
    if (!isMap(doc.contents)) {
      const [from, to] = rangeOf(doc, []);
      problems.push(
        problem(from, to, 'A document must be a mapping (an object with apiVersion, kind, metadata…).'),
      );
    }
  }
  if (expected === undefined || problems.length > 0) return problems;

  if (documents.length > 1) {
    const second = documents[1] as Document.Parsed;
    const [from] = rangeOf(second, []);
    return [
      problem(
        from,
        from,
        `One object is edited here: remove the other ${documents.length - 1} document(s) (use Create for more).`,
      ),
    ];
  }
  const doc = documents[0] as Document.Parsed;
  const fields: Array<[string[], string, string]> = [
    [['apiVersion'], expected.apiVersion, 'apiVersion'],
    [['kind'], expected.kind, 'kind'],
    [['metadata', 'name'], expected.name, 'metadata.name'],
    [['metadata', 'namespace'], expected.namespace, 'metadata.namespace'],
  ];
  for (const [path, want, label] of fields) {
    const got = doc.getIn(path);
    if (got === want) continue;
    const [from, to] = rangeOf(doc, path);
    problems.push(
      problem(
        from,
        to,
        got === undefined
          ? `${label} is missing: it must stay "${want}".`
          : `${label} must stay "${want}" (this edits ${expected.kind.toLowerCase()}/${expected.name}; renaming or moving is not editing).`,
      ),
    );
  }
  return problems;
}

/** The documents of a valid text as plain objects (empty documents left out). */
export function parseDocuments(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  return (Array.isArray(docs) ? docs : []).filter((d) => !isEmpty(d)).map((d) => d.toJS());
}
