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
