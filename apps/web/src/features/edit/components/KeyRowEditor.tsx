import { smallButton } from '../../../components/buttons';
import { saveBytes } from '../../../lib/save-file';
import { bytesToBase64, type KeyRow, type KeyValue, utf8OrUndefined } from '../lib/key-changes';

/** What the browser holds of a stored value: a ConfigMap's text or bytes, a revealed Secret value. */
export type StoredValue = { text: string } | { base64: string } | { hidden: number };

const input =
  'rounded-md border border-slate-300 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900';

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function fileValue(file: File, binaryOnly: boolean): Promise<KeyValue> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = binaryOnly ? undefined : utf8OrUndefined(bytes);
  return text === undefined ? { base64: bytesToBase64(bytes) } : { text };
}

/**
 * One key of the key editor: its name (renaming it moves the stored value on the server), its value
 * (text in a multi-line box, binary as a file to download or upload; a Secret's stays hidden until
 * revealed or replaced), and Remove.
 */
export function KeyRowEditor({
  row,
  stored,
  secret,
  problem,
  onChange,
  onReveal,
  revealing,
}: {
  row: KeyRow;
  stored: StoredValue | undefined;
  secret: boolean;
  problem: string | undefined;
  onChange: (row: KeyRow) => void;
  onReveal: (() => void) | undefined;
  revealing: boolean;
}) {
  const label = row.name || 'new key';
  const value = row.value;
  const shownText =
    value && 'text' in value ? value.text : stored && 'text' in stored ? stored.text : undefined;
  const bytes =
    value && 'base64' in value ? value.base64 : stored && 'base64' in stored ? stored.base64 : undefined;
  return (
    <li
      data-testid={`key-row-${row.stored ?? row.id}`}
      className={`space-y-1.5 rounded-md border p-2 ${row.removed ? 'border-dashed border-slate-300 opacity-60 dark:border-slate-700' : 'border-slate-200 dark:border-slate-800'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label={`Name of ${row.stored ? `key ${row.stored}` : 'the new key'}`}
          value={row.name}
          disabled={row.removed}
          onChange={(e) => onChange({ ...row, name: e.target.value })}
          spellCheck={false}
          className={`${input} w-64`}
        />
        {row.stored !== undefined && row.name !== row.stored && !row.removed && (
          <span className="text-slate-500 text-xs">renamed from {row.stored}</span>
        )}
        <button
          type="button"
          className={`ml-auto ${smallButton}`}
          onClick={() => onChange({ ...row, removed: !row.removed })}
          aria-label={row.removed ? `Keep ${label}` : `Remove ${label}`}
        >
          {row.removed ? 'Keep' : 'Remove'}
        </button>
      </div>
      {problem && (
        <p role="alert" className="text-red-700 text-xs dark:text-red-400">
          {problem}
        </p>
      )}
      {!row.removed && (
        <div className="flex flex-wrap items-start gap-2">
          {shownText !== undefined ? (
            <textarea
              aria-label={`Value of ${label}`}
              value={shownText}
              onChange={(e) => onChange({ ...row, value: { text: e.target.value } })}
              rows={Math.min(12, Math.max(2, shownText.split('\n').length))}
              spellCheck={false}
              className={`${input} min-w-0 flex-1`}
            />
          ) : bytes !== undefined ? (
            <span className="text-slate-600 text-xs dark:text-slate-300">
              {value ? 'New binary value' : 'Binary value'}, {base64Bytes(bytes).length} B{' '}
              <button
                type="button"
                className={smallButton}
                onClick={() => saveBytes(row.name, base64Bytes(bytes))}
              >
                Download
              </button>
            </span>
          ) : stored && 'hidden' in stored ? (
            <span className="text-slate-600 text-xs dark:text-slate-300">
              Hidden value, {stored.hidden} B: kept as stored unless you reveal or replace it.{' '}
              {onReveal && (
                <button
                  type="button"
                  className={smallButton}
                  onClick={onReveal}
                  disabled={revealing}
                  aria-label={`Reveal to edit ${label}`}
                >
                  {revealing ? 'Revealing…' : 'Reveal to edit'}
                </button>
              )}
            </span>
          ) : null}
          <div className="flex gap-2">
            {value !== undefined && row.stored !== undefined ? (
              <button
                type="button"
                className={smallButton}
                onClick={() => onChange({ ...row, value: undefined })}
              >
                Undo change
              </button>
            ) : shownText === undefined ? (
              <button
                type="button"
                className={smallButton}
                onClick={() => onChange({ ...row, value: { text: '' } })}
              >
                Type a new value
              </button>
            ) : null}
            <label className={`${smallButton} cursor-pointer`}>
              Upload a file
              <input
                type="file"
                className="sr-only"
                aria-label={`Upload a file for ${label}`}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void fileValue(file, secret).then((v) => onChange({ ...row, value: v }));
                }}
              />
            </label>
          </div>
        </div>
      )}
    </li>
  );
}
