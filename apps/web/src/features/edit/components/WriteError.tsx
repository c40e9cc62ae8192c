import { ApiError, describeError } from '../../../lib/api';

/**
 * A refused write, as the apiserver said it: its reason and code, its message, and each cause with
 * the field it names (a 422's "spec.selector: field is immutable", strict validation's unknown field).
 */
export function WriteError({ error, what }: { error: unknown; what: string }) {
  const { title, message } = describeError(error);
  // A cause that names no field and only repeats the message (an admission refusal) adds nothing.
  const causes = (error instanceof ApiError ? (error.body.causes ?? []) : []).filter(
    (c) => c.field || !message.includes(c.message),
  );
  const forbidden = error instanceof ApiError && error.body.code === 403;
  return (
    <div
      role="alert"
      data-testid="write-error"
      className={`rounded-md border px-3 py-2 text-sm ${
        forbidden
          ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100'
          : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800/60 dark:bg-red-950/40 dark:text-red-200'
      }`}
    >
      <p className="font-medium">
        {what}: {title}
      </p>
      <p className="mt-1 whitespace-pre-wrap break-words font-mono text-xs">{message}</p>
      {causes.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-xs" data-testid="write-error-causes">
          {causes.map((c, i) => (
            <li key={i}>
              {c.field && <span className="font-mono font-semibold">{c.field}</span>}
              {c.field ? ': ' : ''}
              {c.message}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs opacity-80">Nothing was written. Your YAML is kept.</p>
    </div>
  );
}
