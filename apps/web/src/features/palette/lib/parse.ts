import type { NavView, ObjectView } from '../../../lib/views';

/**
 * What a palette query asks for, read like a short kubectl line:
 * - `rollout api`, `logs web -n demo`: a verb of an object view, then the object;
 * - `pods demo`, `deploy`: a kind word (kubectl's names and short names), then a namespace or a name;
 * - `demo/api`, `api -n demo`, `--namespace=demo`: the namespace, as kubectl and its output write it;
 * - anything else: a name (or a view's label) to find.
 * Terms are lowercase; `name` is the first, the others must each match the namespace.
 */
export interface ParsedQuery {
  /** Set when the query starts with an object view's verb ("rollout"). */
  readonly view: ObjectView | undefined;
  /** Set when the query starts with a kind word ("pods", "po", "deploy"). */
  readonly kind: NavView | undefined;
  /** The namespace written with `-n`, `--namespace` or `ns/name` (lowercase). */
  readonly namespace: string | undefined;
  /** The first remaining term: the name to find ('' for none). */
  readonly name: string;
  /** Further terms: each must match the object's namespace ("api demo"). */
  readonly more: readonly string[];
}

function lookup<T>(items: readonly T[], words: (item: T) => readonly string[], word: string): T | undefined {
  return items.find((item) => words(item).includes(word));
}

export function parseQuery(
  text: string,
  navViews: readonly NavView[],
  objectViews: readonly ObjectView[],
): ParsedQuery {
  const tokens = text.toLowerCase().trim().split(/\s+/).filter(Boolean);
  // A leading word is a verb or a kind only once something follows it (a space, then a name):
  // "rollout" alone may still be the start of an object's name, "rollout " or "rollout api" is not.
  const leadsSomething = tokens.length > 1 || /\s$/.test(text);
  let view: ObjectView | undefined;
  let kind: NavView | undefined;
  const first = tokens[0];
  if (first !== undefined && leadsSomething) {
    view = lookup(objectViews, (v) => v.verbs, first);
    kind =
      view === undefined ? lookup(navViews, (v) => [v.label.toLowerCase(), ...v.aliases], first) : undefined;
    if (view !== undefined || kind !== undefined) tokens.shift();
  }

  let namespace: string | undefined;
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    if (token === '-n' || token === '--namespace') {
      namespace = tokens[i + 1] ?? '';
      i += 1;
    } else if (token.startsWith('--namespace=')) {
      namespace = token.slice('--namespace='.length);
    } else if (token.startsWith('-n') && token.length > 2 && !token.startsWith('-n-')) {
      namespace = token.slice(2); // kubectl takes `-ndemo` too
    } else if (token.includes('/')) {
      const [ns = '', name = ''] = token.split('/', 2);
      namespace = ns;
      terms.push(name);
    } else {
      terms.push(token);
    }
  }
  const [name = '', ...more] = terms;
  return { view, kind, namespace: namespace || undefined, name, more };
}

/**
 * What to say while the query is a bare verb ("rollout", before the space that makes it one):
 * how to finish it, naming the kinds it applies to.
 */
export function verbHint(
  text: string,
  objectViews: readonly ObjectView[],
  kindName: (kind: string) => string,
) {
  const word = text.trim().toLowerCase();
  if (word === '' || /\s$/.test(text)) return undefined;
  const view = objectViews.find((v) => v.verbs.includes(word));
  if (view === undefined) return undefined;
  return `${word} <name>: the ${view.label} of a ${view.kinds.map(kindName).join(', ')}`;
}
