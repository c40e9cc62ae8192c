import type { V1Deployment } from '@kubernetes/client-node';
import { REVISION_ANNOTATION } from '@wheelhouse/core';
import { containerImages } from '../lib/rollout-view';

/** What the user sees of the Deployment when the apiserver said it changed in between. */
export function ConflictNotice({ live, seen }: { live: V1Deployment | undefined; seen: V1Deployment }) {
  const rows: Array<[string, string, string]> = [];
  if (live) {
    const images = (d: V1Deployment) =>
      containerImages(d)
        .map((c) => `${c.name}=${c.image}`)
        .join(', ');
    rows.push(
      ['resourceVersion', seen.metadata?.resourceVersion ?? '', live.metadata?.resourceVersion ?? ''],
      ['generation', String(seen.metadata?.generation ?? ''), String(live.metadata?.generation ?? '')],
      ['replicas', String(seen.spec?.replicas ?? ''), String(live.spec?.replicas ?? '')],
      ['paused', String(seen.spec?.paused === true), String(live.spec?.paused === true)],
      ['images', images(seen), images(live)],
      [
        'revision',
        seen.metadata?.annotations?.[REVISION_ANNOTATION] ?? '',
        live.metadata?.annotations?.[REVISION_ANNOTATION] ?? '',
      ],
    );
  }
  return (
    <div
      role="alert"
      data-testid="conflict-notice"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40"
    >
      <p className="font-medium text-amber-900 dark:text-amber-200">
        The Deployment changed since you looked — here is the new state. Nothing was written.
      </p>
      <table className="w-full font-mono text-xs">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="font-normal" />
            <th className="font-normal">you saw</th>
            <th className="font-normal">now</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([field, before, now]) => (
            <tr
              key={field}
              className={before !== now ? 'font-semibold text-amber-900 dark:text-amber-200' : ''}
            >
              <td className="pr-3">{field}</td>
              <td className="pr-3">{before}</td>
              <td>{now}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Shown while the dialog is open and the Deployment's spec or metadata moved under it (another
 * user, `kubectl scale`): a write now would be refused with 409, so the dialog says so before the
 * user confirms, with what changed, and offers to continue from the new state. Status-only writes
 * (the controller, every few seconds during a rollout) do not count: see resourceVersionFor.
 */
export function StaleNotice({
  seen,
  live,
  onRefresh,
}: {
  seen: V1Deployment;
  live: V1Deployment;
  onRefresh: () => void;
}) {
  const images = (d: V1Deployment) =>
    containerImages(d)
      .map((c) => `${c.name}=${c.image}`)
      .join(', ');
  const fields: Array<[string, string, string]> = [
    ['replicas', String(seen.spec?.replicas ?? 1), String(live.spec?.replicas ?? 1)],
    ['paused', String(seen.spec?.paused === true), String(live.spec?.paused === true)],
    ['images', images(seen), images(live)],
    [
      'revision',
      seen.metadata?.annotations?.[REVISION_ANNOTATION] ?? '',
      live.metadata?.annotations?.[REVISION_ANNOTATION] ?? '',
    ],
  ];
  const changed = fields.filter(([, a, b]) => a !== b).map(([k, a, b]) => `${k} ${a} → ${b}`);
  return (
    <div
      role="status"
      data-testid="dialog-stale"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900 text-sm dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span className="min-w-0 flex-1">
        The Deployment changed since you opened this dialog
        {changed.length > 0 ? `: ${changed.join(', ')}` : ' (its spec or metadata)'}. Confirming now would be
        refused.
      </span>
      <button type="button" onClick={onRefresh} className="font-medium underline">
        Use the new state
      </button>
    </div>
  );
}
