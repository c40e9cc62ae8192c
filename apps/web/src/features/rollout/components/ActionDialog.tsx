import type { V1Deployment } from '@kubernetes/client-node';
import type { ActionResponse, DeploymentAction, DeploymentRevision } from '@wheelhouse/shared-types';
import { useId, useRef, useState } from 'react';
import { primaryButton, secondaryButton } from '../../../components/buttons';
import { useFocusTrap } from '../../../components/dialog/use-focus-trap';
import { describeError } from '../../../lib/api';
import { type ActionTarget, isConflict, useDeploymentAction } from '../api/post-action';
import { containerImages, resourceVersionFor } from '../lib/rollout-view';
import { ConflictNotice, StaleNotice } from './ConflictNotice';
import { TemplateDiff } from './TemplateDiff';
import { UndoForm } from './UndoForm';

export interface DialogRequest {
  action: DeploymentAction;
  /** For undo: the revision chosen in the history (undefined: the previous one). */
  toRevision?: number;
}

const TITLES: Record<DeploymentAction, string> = {
  scale: 'Scale',
  restart: 'Restart',
  pause: 'Pause rollout',
  resume: 'Resume rollout',
  undo: 'Roll back',
  image: 'Set image',
};

/**
 * The confirmation for one action. The resourceVersion sent is the one of the Deployment as it was
 * when the dialog opened (`seen`), moved forward only over status updates (`resourceVersionFor`): if
 * its spec or metadata changed since, the apiserver answers 409 and the dialog shows the new state;
 * "Review again" starts over from it.
 */
export function ActionDialog({
  request,
  target,
  live,
  history,
  onClose,
  onDone,
}: {
  request: DialogRequest;
  target: ActionTarget;
  live: V1Deployment | undefined;
  history: readonly DeploymentRevision[] | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const titleId = useId();
  const [seen, setSeen] = useState<V1Deployment | undefined>(live);
  // The newest state, for a retry decided after the render that sent the request.
  const latest = useRef({ seen: live, live });
  const nextVersion = (sent: string) => {
    const { seen: s, live: l } = latest.current;
    if (s === undefined) return undefined;
    const next = resourceVersionFor(s, l);
    return next !== sent && next !== s.metadata?.resourceVersion ? next : undefined;
  };
  const mutation = useDeploymentAction(target, nextVersion);
  const dryRun = useDeploymentAction(target, nextVersion);
  const containers = seen ? containerImages(seen) : [];
  const [replicas, setReplicas] = useState(String(seen?.spec?.replicas ?? 1));
  const [container, setContainer] = useState(containers[0]?.name ?? '');
  const [image, setImage] = useState(containers[0]?.image ?? '');
  const [preview, setPreview] = useState<ActionResponse | undefined>();
  const current = history?.find((r) => r.current);
  const previous = [...(history ?? [])].filter((r) => !r.current).sort((a, b) => b.revision - a.revision)[0];
  const [toRevision, setToRevision] = useState<number | undefined>(request.toRevision ?? previous?.revision);
  const dialogRef = useRef<HTMLDivElement>(null);

  useFocusTrap(dialogRef, { onEscape: onClose, initialFocus: 'input, select, button[data-confirm]' });

  latest.current = { seen, live };
  if (seen === undefined) return null;
  const name = seen.metadata?.name ?? '';
  const resourceVersion = resourceVersionFor(seen, live);
  // The spec or metadata moved since the dialog opened: the write would be refused (409).
  const stale =
    live !== undefined &&
    live.metadata?.uid === seen.metadata?.uid &&
    resourceVersion !== live.metadata?.resourceVersion;
  const conflict = isConflict(mutation.error) || isConflict(dryRun.error);
  const otherError = !conflict ? (mutation.error ?? dryRun.error) : null;
  const selectedImage = containers.find((c) => c.name === container)?.image;

  let body: React.ReactNode = null;
  let confirmLabel = TITLES[request.action];
  let payload: Record<string, unknown> | undefined = { resourceVersion };
  let doneMessage = '';
  switch (request.action) {
    case 'scale': {
      const n = Number(replicas);
      const valid = replicas.trim() !== '' && Number.isInteger(n) && n >= 0;
      payload = valid ? { replicas: n, resourceVersion } : undefined;
      confirmLabel = valid ? `Scale to ${n}` : 'Scale';
      doneMessage = `Scaled deployment/${name} to ${n} replicas.`;
      body = (
        <label className="block text-sm">
          Replicas (now {(live ?? seen).spec?.replicas ?? 1})
          <input
            type="number"
            min={0}
            step={1}
            value={replicas}
            onChange={(e) => setReplicas(e.target.value)}
            data-testid="scale-input"
            className="mt-1 block w-32 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          />
          {!valid && <span className="mt-1 block text-rose-600 text-xs">A whole number, 0 or more.</span>}
        </label>
      );
      break;
    }
    case 'restart':
      doneMessage = `Restarting every pod of deployment/${name}.`;
      body = (
        <p className="text-sm">
          Replace every pod of <b>deployment/{name}</b> with a rolling update, as{' '}
          <code>kubectl rollout restart</code> does (a new <code>kubectl.kubernetes.io/restartedAt</code>{' '}
          template annotation).
        </p>
      );
      break;
    case 'pause':
      doneMessage = `Paused deployment/${name}.`;
      body = (
        <p className="text-sm">
          Pause <b>deployment/{name}</b>: the controller stops moving pods between ReplicaSets until it is
          resumed. Template changes made meanwhile are rolled out on resume.
        </p>
      );
      break;
    case 'resume':
      doneMessage = `Resumed deployment/${name}.`;
      body = (
        <p className="text-sm">
          Resume <b>deployment/{name}</b>: the rollout continues from where it stopped.
        </p>
      );
      break;
    case 'undo':
      payload = toRevision === undefined ? undefined : { toRevision, resourceVersion };
      confirmLabel = toRevision === undefined ? 'Roll back' : `Roll back to revision ${toRevision}`;
      doneMessage = `Rolling deployment/${name} back to revision ${toRevision}.`;
      body = (
        <UndoForm
          history={history}
          toRevision={toRevision}
          onChange={setToRevision}
          previous={previous}
          current={current}
        />
      );
      break;
    case 'image': {
      const changed = image.trim() !== '' && image.trim() !== selectedImage;
      payload = changed ? { container, image: image.trim(), resourceVersion } : undefined;
      confirmLabel = preview ? 'Apply' : 'Preview changes';
      doneMessage = `Set ${container}=${image.trim()} on deployment/${name}.`;
      body = (
        <div className="space-y-3">
          <div className="flex flex-wrap gap-3">
            <label className="block text-sm">
              Container
              <select
                value={container}
                onChange={(e) => {
                  setContainer(e.target.value);
                  setImage(containers.find((c) => c.name === e.target.value)?.image ?? '');
                  setPreview(undefined);
                }}
                className="mt-1 block rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              >
                {containers.map((c) => (
                  <option key={c.name}>{c.name}</option>
                ))}
              </select>
            </label>
            <label className="block min-w-72 flex-1 text-sm">
              Image
              <input
                value={image}
                onChange={(e) => {
                  setImage(e.target.value);
                  setPreview(undefined);
                  dryRun.reset();
                }}
                spellCheck={false}
                data-testid="image-input"
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
              />
            </label>
          </div>
          {preview && (
            <>
              <p className="text-slate-600 text-sm dark:text-slate-400">
                What the apiserver would store (server-side dry run):
              </p>
              <TemplateDiff
                from={seen.spec?.template}
                to={preview.deployment.spec?.template}
                fromLabel="now"
                toLabel="after"
              />
            </>
          )}
        </div>
      );
      break;
    }
  }

  const confirm = () => {
    if (payload === undefined) return;
    if (request.action === 'image' && !preview) {
      dryRun.mutate(
        { action: 'image', body: { ...payload, dryRun: true } },
        { onSuccess: (res) => setPreview(res) },
      );
      return;
    }
    mutation.mutate(
      { action: request.action, body: payload },
      {
        onSuccess: (res) => {
          onDone(res.skipped ?? doneMessage);
          onClose();
        },
      },
    );
  };

  const reviewAgain = () => {
    mutation.reset();
    dryRun.reset();
    setPreview(undefined);
    setSeen(live);
  };

  const busy = mutation.isPending || dryRun.isPending;
  return (
    <div className="fixed inset-0 z-20 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="action-dialog"
        className="w-full max-w-2xl space-y-4 rounded-lg bg-white p-5 shadow-xl dark:bg-slate-900"
      >
        <h2 id={titleId} className="font-semibold text-lg">
          {TITLES[request.action]} deployment/{name}
        </h2>
        {body}
        {stale && !conflict && <StaleNotice seen={seen} live={live} onRefresh={reviewAgain} />}
        {conflict && <ConflictNotice live={live} seen={seen} />}
        {otherError && (
          <p
            role="alert"
            className="rounded-md bg-rose-50 p-3 text-rose-800 text-sm dark:bg-rose-950/50 dark:text-rose-300"
          >
            <b>{describeError(otherError).title}:</b> {describeError(otherError).message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={onClose}>
            Cancel
          </button>
          {conflict ? (
            <button type="button" className={primaryButton} onClick={reviewAgain} data-confirm>
              Review again with the new state
            </button>
          ) : (
            <button
              type="button"
              className={primaryButton}
              disabled={payload === undefined || busy}
              onClick={confirm}
              data-confirm
              data-testid="confirm-action"
            >
              {busy ? 'Working…' : confirmLabel}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
