import type { V1ConfigMap } from '@kubernetes/client-node';
import type { SecretSummary } from '@wheelhouse/shared-types';
import { useState } from 'react';
import { describeError } from '../../../lib/api';
import { saveBytes } from '../../../lib/save-file';
import { EditKeysButton } from '../../edit/components/EditKeysButton';
import { KeyEditor } from '../../edit/components/KeyEditor';
import { useRevealSecret } from '../api/reveal-secret';
import { base64Size, type DecodedValue, decodeSecretValue, formatBytes, hexDump } from '../lib/secret-value';
import { UsedBy } from './UsedBy';
import { Muted, Section } from './ui';

const buttonClass =
  'rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

/** What the key editor said after saving: "Saved: set a, remove b." */
function Saved({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="status" data-testid="keys-saved" className="mb-3 text-emerald-800 text-sm dark:text-emerald-300">
      {message} Pods using it see the change as “Used by pods” below says.
    </p>
  );
}

export function ConfigMapSections({ configMap: cm }: { configMap: V1ConfigMap }) {
  const namespace = cm.metadata?.namespace ?? '';
  const data = Object.entries(cm.data ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const binary = Object.entries(cm.binaryData ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  // The ConfigMap as it was when the key editor opened (its resourceVersion is the save's precondition).
  const [editing, setEditing] = useState<V1ConfigMap | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  return (
    <>
      <Section
        title={`Data (${data.length + binary.length})`}
        testId="data"
        actions={
          editing === undefined && (
            <EditKeysButton
              kind="configmaps"
              namespace={namespace}
              onEdit={() => {
                setSaved(undefined);
                setEditing(cm);
              }}
            />
          )
        }
      >
        <Saved message={saved} />
        {editing !== undefined ? (
          <KeyEditor
            target={{ kind: 'configmaps', object: editing }}
            onClose={() => setEditing(undefined)}
            onSaved={(message) => {
              setEditing(undefined);
              setSaved(message);
            }}
          />
        ) : data.length + binary.length === 0 ? (
          <Muted>No data.</Muted>
        ) : (
          <ul className="space-y-3">
            {data.map(([key, value]) => (
              <li key={key} data-testid={`data-${key}`}>
                <h3 className="mb-1 font-medium font-mono text-xs">
                  {key}{' '}
                  <span className="font-normal font-sans text-slate-500 dark:text-slate-400">
                    {formatBytes(new TextEncoder().encode(value).length)}
                  </span>
                </h3>
                <pre className="max-h-72 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900">
                  {value}
                </pre>
              </li>
            ))}
            {binary.map(([key, value]) => (
              <li key={key} data-testid={`data-${key}`}>
                <h3 className="font-medium font-mono text-xs">
                  {key}{' '}
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 font-normal font-sans text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                    binary, {formatBytes(base64Size(value))}
                  </span>
                </h3>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <UsedBy kind="configmaps" namespace={namespace} name={cm.metadata?.name ?? ''} />
    </>
  );
}

function RevealedValue({ name, value }: { name: string; value: DecodedValue }) {
  const [copied, setCopied] = useState(false);
  if (value.text === undefined) {
    return (
      <div className="mt-1">
        <p className="mb-1 text-slate-600 text-xs dark:text-slate-300">
          Binary value ({formatBytes(value.bytes.length)}), shown as hex.{' '}
          <button type="button" className={buttonClass} onClick={() => saveBytes(name, value.bytes)}>
            Download
          </button>
        </p>
        <pre
          data-testid="secret-hex"
          className="max-h-72 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900"
        >
          {hexDump(value.bytes)}
        </pre>
      </div>
    );
  }
  const text = value.text;
  return (
    <div className="mt-1 flex items-start gap-2">
      <pre
        data-testid="secret-value"
        className="max-h-72 min-w-0 flex-1 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900"
      >
        {text}
      </pre>
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

/**
 * A Secret's keys with their sizes; values stay on the server until one key is revealed
 * (POST …/reveal, audited). Revealed values live in this component only: leaving the page hides them.
 */
export function SecretSections({ secret }: { secret: SecretSummary }) {
  const namespace = secret.metadata?.namespace ?? '';
  const name = secret.metadata?.name ?? '';
  const reveal = useRevealSecret(namespace, name);
  const [values, setValues] = useState<ReadonlyMap<string, DecodedValue>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = useState<string | undefined>();
  const keys = Object.entries(secret.dataSizes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const [editing, setEditing] = useState<SecretSummary | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const show = async (key: string) => {
    setBusy(key);
    try {
      const res = await reveal.mutateAsync(key);
      setValues((prev) => new Map(prev).set(key, decodeSecretValue(res.base64)));
      setErrors((prev) => {
        const next = new Map(prev);
        next.delete(key);
        return next;
      });
    } catch (error) {
      setErrors((prev) => new Map(prev).set(key, describeError(error).message));
    } finally {
      setBusy(undefined);
    }
  };
  const hide = (key: string) =>
    setValues((prev) => {
      const next = new Map(prev);
      next.delete(key);
      return next;
    });

  return (
    <>
      <Section
        title={`Data (${keys.length})`}
        testId="data"
        actions={
          editing === undefined && (
            <EditKeysButton
              kind="secrets"
              namespace={namespace}
              onEdit={() => {
                setSaved(undefined);
                setEditing(secret);
              }}
            />
          )
        }
      >
        <Saved message={saved} />
        <p className="mb-3 text-slate-600 text-sm dark:text-slate-300">
          Type <span className="font-mono text-xs">{secret.type ?? 'Opaque'}</span>. Values are not sent to
          the browser until you reveal one key; each reveal is audited.
        </p>
        {editing !== undefined ? (
          <KeyEditor
            target={{ kind: 'secrets', object: editing }}
            reveal={async (key) => (await reveal.mutateAsync(key)).base64}
            onClose={() => setEditing(undefined)}
            onSaved={(message) => {
              setEditing(undefined);
              setSaved(message);
              setValues(new Map()); // what was revealed may be stale now
            }}
          />
        ) : keys.length === 0 ? (
          <Muted>No data.</Muted>
        ) : (
          <ul className="space-y-2">
            {keys.map(([key, size]) => {
              const value = values.get(key);
              const error = errors.get(key);
              return (
                <li
                  key={key}
                  data-testid={`secret-key-${key}`}
                  className="rounded-md border border-slate-200 p-2 dark:border-slate-800"
                >
                  <div className="flex items-center gap-3">
                    <span className="font-medium font-mono text-xs">{key}</span>
                    <span className="text-slate-500 text-xs dark:text-slate-400">{formatBytes(size)}</span>
                    {!value && (
                      <span className="font-mono text-slate-500 text-xs tracking-widest dark:text-slate-400">
                        <span aria-hidden="true">••••••••</span>
                        <span className="sr-only">value hidden</span>
                      </span>
                    )}
                    <button
                      type="button"
                      className={`ml-auto ${buttonClass}`}
                      disabled={busy === key}
                      aria-label={value ? `Hide ${key}` : `Reveal ${key}`}
                      onClick={() => (value ? hide(key) : void show(key))}
                    >
                      {value ? 'Hide' : busy === key ? 'Revealing…' : 'Reveal'}
                    </button>
                  </div>
                  {error && (
                    <p role="alert" className="mt-1 text-red-700 text-xs dark:text-red-400">
                      {error}
                    </p>
                  )}
                  {value && <RevealedValue name={key} value={value} />}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <UsedBy kind="secrets" namespace={namespace} name={name} />
    </>
  );
}
