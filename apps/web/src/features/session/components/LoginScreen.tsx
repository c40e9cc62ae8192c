import { type FormEvent, useState } from 'react';
import { describeError } from '../../../lib/api';
import { ThemeToggle } from '../../theme/components/ThemeToggle';
import { useLogin } from '../api/login';

/**
 * Token mode before login: the user pastes a bearer token; the server checks it with the apiserver
 * and keeps it in an HttpOnly cookie. A refusal shows the server's message (401 with the reason).
 */
export function LoginScreen({ context }: { context: string }) {
  const [token, setToken] = useState('');
  const login = useLogin();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) login.mutate(token.trim());
  };
  const error = login.error ? describeError(login.error) : undefined;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <title>Sign in — Wheelhouse</title>
      <div className="absolute top-3 right-4">
        <ThemeToggle />
      </div>
      <form
        onSubmit={submit}
        data-testid="login-form"
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h1 className="font-semibold text-lg tracking-tight">Sign in to Wheelhouse</h1>
        <p className="mt-1 text-slate-600 text-sm dark:text-slate-300">
          This server acts with your own Kubernetes credentials on context{' '}
          <span className="font-mono text-xs">{context}</span>: paste a bearer token (for example from{' '}
          <code className="font-mono text-xs">kubectl create token &lt;serviceaccount&gt;</code>). Your RBAC
          decides what you see.
        </p>
        <label className="mt-4 block font-medium text-sm" htmlFor="login-token">
          Bearer token
        </label>
        <textarea
          id="login-token"
          data-testid="login-token"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          className="mt-1 w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-950"
        />
        {error && (
          <p role="alert" data-testid="login-error" className="mt-2 text-red-700 text-sm dark:text-red-400">
            {error.title}: {error.message}
          </p>
        )}
        <button
          type="submit"
          disabled={login.isPending || token.trim() === ''}
          className="mt-4 rounded-md bg-sky-700 px-4 py-1.5 font-medium text-sm text-white hover:bg-sky-800 disabled:opacity-50"
        >
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
