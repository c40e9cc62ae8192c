/**
 * The 409 path of the YAML editor, as pure functions (no React, no I/O): what the user changed
 * (original → edited), what changed underneath meanwhile (original → current), whether the two
 * touch the same fields, and — when they do not — the user's change replayed onto the current
 * version. Changes are sets of JSON paths to the deepest differing values; two changes overlap when
 * one path is a prefix of the other (changing `spec.replicas` and `spec` overlap, `spec.replicas`
 * and `spec.paused` do not). An array whose length differs is one change as a whole (which element
 * moved is unknowable without keys), so a concurrent edit inside it overlaps any of the user's.
 */

export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/**
 * Fields the apiserver and controllers own: never part of what anyone "changed". The status is
 * ignored by the write (the apiserver keeps the stored status on an update of the main resource);
 * resourceVersion, generation and managedFields move on every write.
 */
const IGNORED: readonly JsonPath[] = [
  ['status'],
  ['metadata', 'resourceVersion'],
  ['metadata', 'generation'],
  ['metadata', 'managedFields'],
];

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ignored(path: JsonPath): boolean {
  return IGNORED.some((p) => p.length <= path.length && p.every((seg, i) => path[i] === seg));
}

/** The paths where `a` and `b` differ, deepest first-level-of-difference (see the module comment). */
export function changedPaths(a: Json, b: Json, prefix: JsonPath = []): JsonPath[] {
  if (ignored(prefix)) return [];
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].sort().flatMap((k) => {
      const path = [...prefix, k];
      if (!Object.hasOwn(a, k) || !Object.hasOwn(b, k)) return ignored(path) ? [] : [path];
      return changedPaths(a[k], b[k], path);
    });
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [prefix];
    return a.flatMap((item, i) => changedPaths(item, b[i], [...prefix, i]));
  }
  return Object.is(a, b) ? [] : [prefix];
}

function isPrefix(p: JsonPath, q: JsonPath): boolean {
  return p.length <= q.length && p.every((seg, i) => q[i] === seg);
}

/** `spec.template.spec.containers[0].image` */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(the whole object)' : out;
}

/** The paths of `mine` that overlap a path of `theirs` (either is a prefix of the other), formatted. */
export function overlaps(mine: readonly JsonPath[], theirs: readonly JsonPath[]): string[] {
  const out = new Set<string>();
  for (const p of mine) {
    for (const q of theirs) {
      if (isPrefix(p, q) || isPrefix(q, p)) out.add(formatPath(p.length <= q.length ? p : q));
    }
  }
  return [...out];
}

function getAt(value: Json, path: JsonPath): { found: boolean; value?: Json } {
  let node: Json = value;
  for (const seg of path) {
    if (typeof seg === 'number' ? !Array.isArray(node) || seg >= node.length : !isPlainObject(node)) {
      return { found: false };
    }
    const container = node as Record<PathSegment, Json>;
    if (!Object.hasOwn(container, seg)) return { found: false };
    node = container[seg];
  }
  return { found: true, value: node };
}

/** Sets (or, when `found` is false, removes) the value at `path`, creating missing objects on the way. */
function setAt(root: Record<string, Json>, path: JsonPath, found: boolean, value: Json): void {
  let node: Record<PathSegment, Json> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i] as PathSegment;
    let next = node[seg];
    if (typeof next !== 'object' || next === null) {
      if (!found) return; // nothing to remove below a missing parent
      next = typeof path[i + 1] === 'number' ? [] : {};
      node[seg] = next;
    }
    node = next as Record<PathSegment, Json>;
  }
  const last = path.at(-1) as PathSegment;
  // Array elements are only ever replaced, never removed one by one: arrays of another length are
  // one change as a whole (changedPaths), so a missing value here is an object's key.
  if (found) node[last] = structuredClone(value);
  else delete node[last];
}

export type RebaseResult =
  | {
      ok: true;
      /** The current object with the user's change applied, at the current resourceVersion. */
      object: Record<string, Json>;
      /** What the user changed, formatted. */
      mine: string[];
      /** What changed underneath, formatted. */
      theirs: string[];
    }
  | { ok: false; overlapping: string[]; mine: string[]; theirs: string[] };

/**
 * Replays the user's change (original → edited) onto `current`, or refuses with the overlapping
 * fields when the concurrent change (original → current) touched any of them. The result carries
 * the current resourceVersion: it is what the next write must be conditioned on.
 */
export function rebaseEdit(
  original: Json,
  edited: Json,
  current: Json,
  /** Concurrent changes the objects cannot show (a Secret value whose size changed behind its placeholder). */
  alsoTheirs: readonly JsonPath[] = [],
): RebaseResult {
  const mine = changedPaths(original, edited);
  const theirs = [...changedPaths(original, current), ...alsoTheirs];
  const formattedMine = mine.map(formatPath);
  const formattedTheirs = theirs.map(formatPath);
  const overlapping = overlaps(mine, theirs);
  if (overlapping.length > 0) {
    return { ok: false, overlapping, mine: formattedMine, theirs: formattedTheirs };
  }
  const object = structuredClone(isPlainObject(current) ? current : {}) as Record<string, Json>;
  for (const path of mine) {
    const at = getAt(edited, path);
    setAt(object, path, at.found, at.value);
  }
  return { ok: true, object, mine: formattedMine, theirs: formattedTheirs };
}
