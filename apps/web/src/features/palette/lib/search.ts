import { KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';
import type { NavView, ObjectView } from '../../../lib/views';
import { type ParsedQuery, parseQuery } from './parse';
import { bestMatch, MATCH, type MatchClass, matchClass, matchedIndices } from './rank';
import { topK } from './top-k';

/** One object the palette can find: what the live lists hold, by name only (never a value). */
export interface FoundObject {
  readonly kind: ViewableKind;
  readonly namespace: string;
  readonly name: string;
}

/** What the palette searches: the registry's views and the objects in the live caches. */
export interface SearchSource {
  readonly navViews: readonly NavView[];
  readonly objectViews: readonly ObjectView[];
  readonly objects: readonly FoundObject[];
  /** The namespaces the objects are in, sorted. */
  readonly namespaces: readonly string[];
  /** The namespace in view (ties go to it), and the list in view (where a namespace jump leads). */
  readonly currentNamespace: string | undefined;
  readonly currentList: NavView | undefined;
}

/** One line of the palette: what it is, and the view it opens. */
export interface PaletteResult {
  readonly id: string;
  /** "Deployment", "View", "Namespace". */
  readonly type: string;
  readonly namespace: string | undefined;
  readonly name: string;
  /** Where it leads: "Rollout", "Object page", "List". */
  readonly opens: string;
  readonly href: string;
  readonly match: MatchClass;
  /** The characters of `name` the query matched. */
  readonly marks: readonly number[];
}

export interface SearchResults {
  readonly shown: readonly PaletteResult[];
  /** How many more matched than are shown. */
  readonly more: number;
}

/** How many results the palette renders: more than this asks the user to keep typing. */
export const RESULT_LIMIT = 50;

const KIND_ORDER = new Map<string, number>(Object.keys(KINDS).map((kind, i) => [kind, i]));

function listHref(view: NavView, namespace: string | undefined): string {
  return namespace && view.namespaced
    ? `${view.pathname}?ns=${encodeURIComponent(namespace)}`
    : view.pathname;
}

function namespaceMatches(query: ParsedQuery, namespace: string): boolean {
  if (query.namespace !== undefined && matchClass(query.namespace, namespace) < MATCH.prefix) return false;
  return query.more.every((term) => matchClass(term, namespace) > MATCH.none);
}

/**
 * A candidate while ranking: the keys the order reads, kept flat and cheap (a query may match every
 * one of tens of thousands of names); the result line itself is built only for the ones shown.
 */
interface Ranked {
  match: MatchClass;
  /** Views before namespaces before objects, at the same match class. */
  group: number;
  /** In the namespace in view. */
  here: boolean;
  /** Order among equals: the nav's for views, the kinds record's for objects. */
  order: number;
  name: string;
  namespace: string;
  /** A view's line, built at once (there are few); an object's is built from `object` when shown. */
  result?: PaletteResult;
  object?: FoundObject;
  view?: ObjectView;
}

function viewRanked(result: PaletteResult, group: number, here: boolean, order: number): Ranked {
  return { match: result.match, group, here, order, name: result.name, namespace: '', result };
}

/** A list view's line; `typed` is what matched: the label, or the namespace ("Pods in demo"). */
function viewResult(
  view: NavView,
  namespace: string | undefined,
  match: MatchClass,
  typed: { label: string } | { namespace: string },
): PaletteResult {
  const id = `view:${view.id}:${namespace ?? ''}`;
  const name = namespace && view.namespaced ? `${view.label} in ${namespace}` : view.label;
  const marks =
    'label' in typed
      ? matchedIndices(typed.label, view.label)
      : matchedIndices(typed.namespace, namespace ?? '').map(
          (i) => name.length - (namespace ?? '').length + i,
        );
  return {
    id,
    type: 'View',
    namespace: undefined,
    name,
    opens: 'List',
    href: listHref(view, namespace),
    match,
    marks,
  };
}

/** The views that match: lists by their label or kubectl's names, and a list in another namespace. */
function viewResults(query: ParsedQuery, source: SearchSource, out: Ranked[]): void {
  if (query.view !== undefined) return;
  const here = source.currentNamespace;
  let list = query.kind;
  if (list === undefined) {
    // A bare word: a view by its label ("deploy"), or the list in view in a namespace ("payments").
    if (query.namespace !== undefined || query.more.length > 0) return;
    source.navViews.forEach((view, order) => {
      const match = bestMatch(query.name, [view.label, ...view.aliases]);
      if (match !== MATCH.none)
        out.push(viewRanked(viewResult(view, here, match, { label: query.name }), 0, true, order));
    });
    list = source.currentList;
    if (list === undefined || query.name === '') return;
  } else if (query.name === '' && query.namespace === undefined) {
    out.push(viewRanked(viewResult(list, here, MATCH.exact, { label: '' }), 0, true, 0));
  }
  // "ns demo", as k9s's `:ns`: the list in view, in that namespace.
  if (list.id === 'namespaces' && query.kind !== undefined) list = source.currentList ?? list;
  if (!list.namespaced) return;
  const wanted = query.namespace ?? query.name;
  // After a kind word a loose match is meant ("pods dmo"); a bare word jumps on a word's start only.
  const least = query.kind === undefined ? MATCH.wordPrefix : MATCH.subsequence;
  for (const namespace of source.namespaces) {
    const match = matchClass(wanted, namespace);
    if (wanted === '' || match < least) continue;
    out.push(viewRanked(viewResult(list, namespace, match, { namespace: wanted }), 1, namespace === here, 0));
  }
}

function objectResults(query: ParsedQuery, source: SearchSource, out: Ranked[]): void {
  const view = query.view ?? source.objectViews[0];
  if (view === undefined) return;
  // Nothing typed yet: the views only, rather than the first fifty names of the cluster.
  const asked = query.view ?? query.kind ?? query.namespace ?? (query.name || undefined);
  if (asked === undefined) return;
  const kinds = new Set<string>(view.kinds);
  const only = query.kind?.id;
  for (const object of source.objects) {
    if (!kinds.has(object.kind) || (only !== undefined && object.kind !== only)) continue;
    const match = matchClass(query.name, object.name);
    if (match === MATCH.none || !namespaceMatches(query, object.namespace)) continue;
    out.push({
      match,
      group: 2,
      here: object.namespace === source.currentNamespace,
      order: KIND_ORDER.get(object.kind) ?? 0,
      name: object.name,
      namespace: object.namespace,
      object,
      view,
    });
  }
}

function objectResult(
  object: FoundObject,
  view: ObjectView,
  match: MatchClass,
  typed: string,
): PaletteResult {
  return {
    id: `${view.id}:${object.kind}:${object.namespace}/${object.name}`,
    type: KINDS[object.kind].kind,
    namespace: object.namespace,
    name: object.name,
    opens: view.label,
    href: view.path(object.kind, object.namespace, object.name),
    match,
    marks: matchedIndices(typed, object.name),
  };
}

/** Code-unit order: names are ASCII (DNS-1123), and localeCompare is too slow for 30k of them. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compare(a: Ranked, b: Ranked): number {
  return (
    b.match - a.match ||
    a.group - b.group ||
    Number(b.here) - Number(a.here) ||
    // Views keep the nav's order; objects go shortest name first (the closest to what was typed).
    (a.group === 0 ? a.order - b.order : 0) ||
    a.name.length - b.name.length ||
    byText(a.namespace, b.namespace) ||
    a.order - b.order ||
    byText(a.name, b.name)
  );
}

/**
 * The results for a query, best first: by match class, then views before objects, the namespace in
 * view first, shorter names, then by namespace and kind (the nav's order), so one namespace's hits sit together.
 */
export function search(text: string, source: SearchSource, limit = RESULT_LIMIT): SearchResults {
  const query = parseQuery(text, source.navViews, source.objectViews);
  const ranked: Ranked[] = [];
  viewResults(query, source, ranked);
  objectResults(query, source, ranked);
  const shown = topK(ranked, limit, compare).map((r) =>
    r.object && r.view ? objectResult(r.object, r.view, r.match, query.name) : (r.result as PaletteResult),
  );
  return { shown, more: Math.max(0, ranked.length - limit) };
}
