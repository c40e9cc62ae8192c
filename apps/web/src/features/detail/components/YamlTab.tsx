import type { KindObject, WritableKind, WriteResult } from '@wheelhouse/shared-types';
import { typeMeta } from '@wheelhouse/shared-types/constants';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { PageMessage as Message } from '../../../components/notices';
import { withHiddenSecretValues } from '../../../lib/kubectl/secret-yaml';
import { rolloutPath } from '../../../lib/paths';
import { EditYamlButton } from '../../edit/components/EditYamlButton';

const YamlView = lazy(() => import('./YamlView'));
// The editor (CodeMirror with lint and merge views) is its own chunk, loaded on "Edit YAML".
const EditYamlPanel = lazy(() => import('../../edit/components/EditYamlPanel'));

/** The YAML tab when not editing: "Edit YAML" (RBAC permitting), what the last apply did, the read-only YAML. */
export function YamlTab({
  kind,
  object,
  title,
  applied,
  onEdit,
}: {
  kind: WritableKind;
  object: KindObject;
  title: string;
  /** "Applied: deployment/web is now at resourceVersion 42." */
  applied: string | undefined;
  onEdit: () => void;
}) {
  const namespace = object.metadata?.namespace ?? '';
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <EditYamlButton kind={kind} namespace={namespace} onEdit={onEdit} />
        {applied && (
          <p role="status" data-testid="applied" className="text-emerald-800 text-sm dark:text-emerald-300">
            {applied}{' '}
            {kind === 'deployments' && (
              <Link to={rolloutPath(namespace, object.metadata?.name ?? '')} className="underline">
                Follow the rollout
              </Link>
            )}
          </p>
        )}
      </div>
      {kind === 'secrets' && (
        <p className="text-slate-600 text-sm dark:text-slate-400" data-testid="secret-values-note">
          Values are hidden. Reveal one key at a time on the Overview tab (each reveal is audited).
        </p>
      )}
      <Suspense fallback={<Message>Loading the YAML view…</Message>}>
        <YamlView
          object={{ ...typeMeta(kind), ...withHiddenSecretValues(object) }}
          label={`${title} as YAML`}
        />
      </Suspense>
    </>
  );
}

/**
 * The editor, while an edit is open. Hidden, not unmounted, on other tabs: the user's edit is never
 * thrown away by looking elsewhere.
 */
export function YamlEditing({
  kind,
  editing,
  live,
  visible,
  onClose,
  onApplied,
}: {
  kind: WritableKind;
  /** The object as it was when "Edit YAML" was pressed. */
  editing: KindObject;
  live: KindObject | undefined;
  visible: boolean;
  onClose: () => void;
  onApplied: (message: string) => void;
}) {
  const label = `${typeMeta(kind).kind.toLowerCase()}/${editing.metadata?.name ?? ''}`;
  return (
    <div hidden={!visible}>
      <Suspense fallback={<Message>Loading the editor…</Message>}>
        <EditYamlPanel
          kind={kind}
          object={editing as KindObject<WritableKind>}
          live={live as KindObject<WritableKind> | undefined}
          onClose={onClose}
          onApplied={(result: WriteResult) =>
            onApplied(
              `Applied: ${label} is now at resourceVersion ${result.object.metadata?.resourceVersion ?? '?'}.`,
            )
          }
        />
      </Suspense>
    </div>
  );
}
