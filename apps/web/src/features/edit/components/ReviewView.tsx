import type { WritableKind, WriteResult } from '@wheelhouse/shared-types';
import { useMemo } from 'react';
import { editDoc, toYaml } from '../lib/edit-doc';
import { changedPaths, formatPath } from '../lib/three-way';
import { YamlDiff } from './code/YamlDiff';

/** A list of field paths under a heading, or nothing. */
export function FieldList({
  title,
  fields,
  testId,
}: {
  title: string;
  fields: readonly string[];
  testId: string;
}) {
  if (fields.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3 className="font-medium text-sm">{title}</h3>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {fields.map((f) => (
          <li key={f} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">
            {f}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What the apiserver would store (the dry run's answer) next to what is stored now: the diff, what
 * the user changed, and what the apiserver changes on its own (defaulting, admission) — the part a
 * client-side diff cannot show.
 */
export function ReviewView({
  kind,
  live,
  edited,
  result,
  mine,
}: {
  kind: WritableKind;
  /** What the edit started from, as the editor shows it. */
  live: object;
  /** The user's document. */
  edited: unknown;
  result: WriteResult;
  mine: readonly string[];
}) {
  const before = useMemo(() => editDoc(kind, result.live ?? live), [kind, result.live, live]);
  const after = useMemo(() => editDoc(kind, result.object), [kind, result.object]);
  const byServer = useMemo(
    () =>
      edited === undefined
        ? []
        : changedPaths(edited, after)
            // A Secret's answer carries placeholders, never values: a value the user set is not the server's change.
            .filter((p) => kind !== 'secrets' || p[0] !== 'data')
            .map(formatPath),
    [edited, after, kind],
  );
  const nothing = changedPaths(before, after).length === 0;
  return (
    <div className="space-y-3" data-testid="review">
      <p className="text-slate-600 text-sm dark:text-slate-300">
        What the apiserver would store (a server-side dry run: defaulting and admission included), next to
        what is stored now. Nothing is written until you apply.
      </p>
      {nothing ? (
        <p
          role="status"
          className="rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800"
          data-testid="review-nothing"
        >
          Nothing would change.
        </p>
      ) : (
        <>
          <FieldList title="Your changes" fields={mine} testId="review-mine" />
          <FieldList
            title="Changed by the apiserver on its own (defaults, admission)"
            fields={byServer}
            testId="review-server"
          />
        </>
      )}
      <YamlDiff
        before={toYaml(before)}
        after={toYaml(after)}
        beforeLabel="Stored now"
        afterLabel="After apply (dry run)"
      />
    </div>
  );
}
