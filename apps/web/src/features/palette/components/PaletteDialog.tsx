import { KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';
import { type KeyboardEvent, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useFocusTrap } from '../../../components/dialog/use-focus-trap';
import { currentContext } from '../../../lib/kube-context';
import { useViewParams } from '../../../lib/url-state';
import { NAV_VIEWS, OBJECT_VIEWS } from '../../../lib/views';
import { usePaletteObjects } from '../hooks/use-palette-objects';
import { verbHint } from '../lib/parse';
import { search } from '../lib/search';
import { isPaletteChord } from '../lib/typing-target';
import { PaletteOption } from './PaletteOption';

/** How far PageUp/PageDown move the active option. */
const PAGE = 10;

function Status({
  hint,
  shown,
  more,
  loading,
  failed,
}: {
  hint: string | undefined;
  shown: number;
  more: number;
  loading: string[];
  failed: { noun: string; message: string }[];
}) {
  return (
    <div className="space-y-0.5 border-slate-200 border-t px-3 py-2 text-slate-600 text-xs dark:border-slate-800 dark:text-slate-400">
      <p role="status" data-testid="palette-count">
        {shown === 0 && 'No matches'}
        {shown > 0 && more === 0 && `${shown} ${shown === 1 ? 'match' : 'matches'}`}
        {more > 0 && `${shown} shown · ${more} more — keep typing`}
        {loading.length > 0 && ` · loading ${loading.join(', ')}…`}
      </p>
      {hint && <p className="font-mono text-slate-700 dark:text-slate-300">{hint}</p>}
      {failed.map((f) => (
        <p key={f.noun} className="text-amber-700 dark:text-amber-400">
          {f.noun} not searched: {f.message}
        </p>
      ))}
      <p className="text-slate-500 dark:text-slate-400">
        ↑↓ move · Enter open · Esc close · <kbd className="font-mono">rollout api</kbd>,{' '}
        <kbd className="font-mono">logs web -n demo</kbd>, <kbd className="font-mono">pods demo</kbd>
      </p>
    </div>
  );
}

/**
 * The command palette (WAI-ARIA combobox with a listbox popup, in a modal dialog): finds views and
 * objects from the live caches as the user types. The active option is the input's
 * aria-activedescendant, so focus stays in the input; Enter or a click opens the option's view.
 */
export function PaletteDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, { onEscape: onClose, initialFocus: 'input' });
  const listId = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { namespace } = useViewParams();
  const data = usePaletteObjects();
  const [text, setText] = useState('');
  // The active option by its id, so a live update that reorders the results keeps it under the
  // cursor; none (the best result) after every new query.
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  // Ranking thousands of names must never delay the keystroke itself.
  const query = useDeferredValue(text);

  const currentList =
    NAV_VIEWS.find((v) => pathname === v.pathname || pathname.startsWith(`${v.pathname}/`)) ?? NAV_VIEWS[0];
  const results = useMemo(
    () =>
      search(query, {
        navViews: NAV_VIEWS,
        objectViews: OBJECT_VIEWS,
        objects: data.objects,
        namespaces: data.namespaces,
        currentNamespace: namespace,
        currentList,
      }),
    [query, data.objects, data.namespaces, namespace, currentList],
  );
  const hint = verbHint(query, OBJECT_VIEWS, (kind) => KINDS[kind as ViewableKind].kind);
  const count = results.shown.length;
  const index = Math.max(
    0,
    results.shown.findIndex((r) => r.id === activeId),
  );
  const current = results.shown[index];
  const optionId = (i: number) => `${listId}-option-${i}`;

  // A new query starts at its best result.
  useEffect(() => setActiveId(undefined), [query]);
  // Scrolled into view when it changes, not on every live update (the user may be scrolling).
  const activeElementId = current ? optionId(index) : undefined;
  useEffect(() => {
    if (activeElementId) document.getElementById(activeElementId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeElementId]);

  const open = (href: string) => {
    onClose();
    // Like the nav's links, keep a non-default context in the URL, so a reload stays in it.
    const context = currentContext();
    navigate(context ? `${href}${href.includes('?') ? '&' : '?'}ctx=${encodeURIComponent(context)}` : href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE,
      PageUp: index - PAGE,
      Home: 0,
      End: count - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      if (count === 0) return;
      // Arrows wrap around, as in the APG's combobox examples; pages stop at the ends.
      const wrapped = event.key.startsWith('Arrow')
        ? (to + count) % count
        : Math.min(count - 1, Math.max(0, to));
      setActiveId(results.shown[wrapped]?.id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) open(current.href);
    } else if (isPaletteChord(event.nativeEvent)) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center p-4 pt-[12vh]">
      {/* A click beside the palette closes it; keyboard users have Escape. */}
      <button
        type="button"
        tabIndex={-1}
        aria-label="Close"
        onClick={onClose}
        className="absolute inset-0 cursor-default bg-slate-900/40"
      />
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label="Jump to anything"
        data-testid="palette"
        className="relative flex max-h-[70vh] w-full max-w-2xl flex-col overflow-hidden rounded-lg border border-slate-200 bg-white text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <input
          type="text"
          role="combobox"
          aria-label="Find an object or a view"
          aria-expanded={count > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(index) : undefined}
          data-testid="palette-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Jump to… a name, or “rollout api”, “pods demo”, “logs web”"
          spellCheck={false}
          autoComplete="off"
          className="h-12 w-full border-slate-200 border-b bg-transparent px-4 text-base placeholder:text-slate-500 focus:outline-none dark:border-slate-800 dark:placeholder:text-slate-400"
        />
        <div
          id={listId}
          role="listbox"
          aria-label="Results"
          hidden={count === 0}
          className="min-h-0 flex-1 overflow-y-auto py-1"
        >
          {results.shown.map((result, i) => (
            <PaletteOption
              key={result.id}
              id={optionId(i)}
              result={result}
              active={i === index}
              onPoint={() => setActiveId(result.id)}
              onPick={() => open(result.href)}
            />
          ))}
        </div>
        <Status hint={hint} shown={count} more={results.more} loading={data.loading} failed={data.failed} />
      </div>
    </div>
  );
}
