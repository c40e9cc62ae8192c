import type { ApplyResponse } from '@wheelhouse/shared-types';
import { useMemo, useState } from 'react';
import { primaryButton, secondaryButton } from '../../../components/buttons';
import { Dialog } from '../../../components/dialog/Dialog';
import { usePermissionChecks } from '../../../lib/permissions';
import { useApplyYaml } from '../api/writes';
import { CREATE_CHECKS } from '../lib/create-checks';
import { checkYaml, parseDocuments } from '../lib/yaml-check';
import { ApplyResults } from './ApplyResults';
import { YamlEditor } from './code/YamlEditor';
import { WriteError } from './WriteError';

/**
 * Create (or update) objects from YAML: pasted or uploaded, one or many documents; documents without
 * a namespace go to the one chosen here (the one in view by default). Review is a server-side dry
 * run that says per document what would be created or changed, or why not; Apply reports per
 * document. Loaded on demand with the editor.
 */
export default function CreateDialog({
  namespace: initial,
  onClose,
}: {
  namespace: string;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [namespace, setNamespace] = useState(initial);
  const [result, setResult] = useState<ApplyResponse | undefined>();
  const apply = useApplyYaml();
  const problems = useMemo(() => (text.trim() === '' ? [] : checkYaml(text)), [text]);
  const submitted = useMemo(
    () => (problems.length === 0 && text.trim() !== '' ? parseDocuments(text) : []),
    [text, problems],
  );
  const permissions = usePermissionChecks(namespace, CREATE_CHECKS, namespace !== '');
  const denied = CREATE_CHECKS.filter((c) => permissions[c].allowed === false).map((c) =>
    c.slice('create:'.length),
  );
  const ready = text.trim() !== '' && problems.length === 0 && namespace !== '';
  const applied = result !== undefined && !result.dryRun;

  const send = (dryRun: boolean) => {
    apply.mutate({ yaml: text, namespace, dryRun }, { onSuccess: setResult });
  };
  const edit = (next: string) => {
    setText(next);
    setResult(undefined);
    apply.reset();
  };
  const upload = async (files: FileList | null) => {
    const file = files?.[0];
    if (file) edit(await file.text());
  };

  return (
    <Dialog
      title="Create from YAML"
      onClose={onClose}
      testId="create-dialog"
      wide
      footer={
        applied ? (
          <button type="button" className={primaryButton} onClick={onClose} data-testid="create-done">
            Done
          </button>
        ) : (
          <>
            <button type="button" className={secondaryButton} onClick={onClose}>
              Cancel
            </button>
            {result?.dryRun ? (
              <button
                type="button"
                className={primaryButton}
                onClick={() => send(false)}
                disabled={
                  apply.isPending ||
                  result.results.every((r) => r.outcome === 'error' || r.outcome === 'unchanged')
                }
                data-testid="create-apply"
              >
                {apply.isPending ? 'Applying…' : 'Apply'}
              </button>
            ) : (
              <button
                type="button"
                className={primaryButton}
                onClick={() => send(true)}
                disabled={!ready || apply.isPending}
                data-testid="create-review"
              >
                {apply.isPending ? 'Reviewing…' : 'Review'}
              </button>
            )}
          </>
        )
      }
    >
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <label className="block">
          Namespace for documents that name none
          <input
            value={namespace}
            onChange={(e) => {
              setNamespace(e.target.value.trim());
              setResult(undefined);
            }}
            spellCheck={false}
            data-testid="create-namespace"
            className="mt-1 block w-56 rounded-md border border-slate-300 px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <label className="block">
          Or upload a file
          <input
            type="file"
            accept=".yaml,.yml,.json,text/yaml,application/json"
            onChange={(e) => void upload(e.target.files)}
            data-testid="create-file"
            className="mt-1 block text-xs file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-2 file:py-1 dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-200"
          />
        </label>
      </div>
      {denied.length > 0 && (
        <p className="text-slate-600 text-xs dark:text-slate-300" data-testid="create-denied">
          You may not create {denied.join(', ')} in namespace {namespace}.
        </p>
      )}
      {applied ? null : (
        <YamlEditor
          value={text}
          onChange={edit}
          label="YAML to create or update, one or more documents"
          minHeight="14rem"
        />
      )}
      {problems.length > 0 && (
        <ul
          aria-live="polite"
          data-testid="yaml-problems"
          className="space-y-0.5 text-red-800 text-xs dark:text-red-300"
        >
          {problems.map((p) => (
            <li key={`${p.from}:${p.message}`}>
              Line {p.line}, column {p.column}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {apply.error && <WriteError error={apply.error} what="Refused" />}
      {result && (
        <>
          <p className="text-slate-600 text-sm dark:text-slate-300">
            {result.dryRun
              ? 'What the apiserver would do (server-side dry run; nothing is written until you apply):'
              : 'What the apiserver did:'}
          </p>
          <ApplyResults response={result} submitted={submitted} />
        </>
      )}
    </Dialog>
  );
}
