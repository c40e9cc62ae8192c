/**
 * The YAML a user edits or pastes, read without the cluster: every problem located, nothing
 * ambiguous read silently, and the parser's time bounded.
 */
import { describe, expect, it } from 'vitest';
import { HttpError } from '../src/http/errors';
import { MAX_YAML_FLOW_DEPTH, MAX_YAML_TOKENS, readYamlDocuments } from '../src/kube/yaml-documents';

function problemOf(text: string, index = 0) {
  const doc = readYamlDocuments(text)[index];
  if (!doc || doc.ok) throw new Error(`document ${index} was read without a problem`);
  return doc.problem;
}

function refusal(text: string): HttpError {
  try {
    readYamlDocuments(text);
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('the text was not refused');
}

describe('readYamlDocuments', () => {
  it('reads each non-empty document in order, skipping empty and comment-only ones', () => {
    const docs = readYamlDocuments('---\nkind: A\n---\n# only a comment\n---\nkind: B\n---\n');
    expect(docs).toEqual([
      { index: 0, ok: true, value: { kind: 'A' } },
      { index: 1, ok: true, value: { kind: 'B' } },
    ]);
  });

  it('reads what the web YAML view wrote back exactly (YAML 1.2: "yes", dates and times stay strings)', () => {
    const [doc] = readYamlDocuments('data:\n  a: yes\n  b: on\n  c: 2024-01-01\n  d: 1:20\n  n: 1\n');
    expect(doc).toEqual({
      index: 0,
      ok: true,
      value: { data: { a: 'yes', b: 'on', c: '2024-01-01', d: '1:20', n: 1 } },
    });
  });

  it('locates a syntax error at its line and column, with its offset', () => {
    const text = 'kind: Pod\nmetadata:\n  name: [web\n';
    const problem = problemOf(text);
    expect(problem.message).toMatch(/^invalid YAML at line \d+, column \d+: /);
    expect(problem.position).toBeGreaterThanOrEqual(text.indexOf('['));
  });

  it('refuses a duplicate key at the second one', () => {
    const text = 'kind: Pod\nmetadata:\n  name: a\n  name: b\n';
    expect(problemOf(text)).toEqual({
      message: 'invalid YAML at line 4, column 3: duplicate key "name"',
      position: text.lastIndexOf('name'),
    });
  });

  it('refuses a number with a leading zero, which kubectl reads as octal, saying both spellings', () => {
    const text = 'spec:\n  volumes:\n  - secret:\n      defaultMode: 0400\n';
    expect(problemOf(text)).toEqual({
      message:
        'invalid YAML at line 4, column 20: the number 0400 has a leading zero, which YAML 1.1 (kubectl) and 1.2 read differently: write 0o400 for octal (kubectl reads it so) or 400 for decimal',
      position: text.indexOf('0400'),
    });
    // Quoted, or written as 1.2 octal, it means one thing.
    expect(readYamlDocuments('a: "0400"\nb: 0o400\nc: 0\n')[0]).toEqual({
      index: 0,
      ok: true,
      value: { a: '0400', b: 256, c: 0 },
    });
  });

  it('refuses a key that is not a string, an unknown tag, a document that is not a mapping', () => {
    expect(problemOf('? [a, b]\n: c\n').message).toMatch(/a key must be a plain string/);
    expect(problemOf('a: !!js/function "x"\n').message).toMatch(/tag/i);
    expect(problemOf('- a\n- b\n').message).toMatch(/must be one object.*not a list/);
    expect(problemOf('just text\n').message).toMatch(/must be one object.*not the string value/);
  });

  it('reads the other documents when one has a problem', () => {
    const docs = readYamlDocuments('kind: A\n---\nkind: [B\n---\nkind: C\n');
    expect(docs.map((d) => d.ok)).toEqual([true, false, true]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++)
      lines.push(
        `${'bcdefg'[i]}: &${'bcdefg'[i]} [${Array(10)
          .fill(`*${i === 0 ? 'a' : 'bcdefg'[i - 1]}`)
          .join(', ')}]`,
      );
    expect(problemOf(`${lines.join('\n')}\n`).message).toMatch(/alias/i);
  });

  it('refuses, as a whole and at once, text with too many tokens or flow nesting too deep', () => {
    const started = Date.now();
    const many = refusal(`[${'1,'.repeat(MAX_YAML_TOKENS)}]`);
    expect(many).toMatchObject({ code: 400, extra: { field: 'yaml' } });
    expect(many.message).toMatch(/too complex/);
    const deep = refusal(`${'['.repeat(500_000)}${']'.repeat(500_000)}`);
    expect(deep.message).toBe(`the YAML nests "[" and "{" deeper than ${MAX_YAML_FLOW_DEPTH} levels`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses text without a document', () => {
    expect(refusal('# nothing here\n').message).toBe('the YAML holds no document');
    expect(refusal('---\n---\n').message).toBe('the YAML holds no document');
  });
});
