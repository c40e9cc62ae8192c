/**
 * Component-test harness for the edit feature: a fake live server holding the objects, the real
 * LiveStore and query client, and `fetch` stubbed at the lib/api boundary with a route table, so
 * tests drive the real components and assert the requests they send.
 */
import { EditorView } from '@codemirror/view';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup } from '@testing-library/react';
import type { ResourceKind } from '@wheelhouse/shared-types';
import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import { LiveStore } from '../../../lib/live/live-store';
import { FakeLiveServer } from '../../../lib/live/testing/fake-socket';
import { jsonResponse, session } from '../../../test-support/bff-responses';
import { renderRoutes, Where } from '../../../test-support/live-render';

export interface Call {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: Call) => { status?: number; body: unknown } | undefined;

export function apiError(code: number, reason: string, message: string, causes?: unknown[]) {
  return {
    status: code,
    body: { error: { code, reason, message, source: 'apiserver', ...(causes ? { causes } : {}) } },
  };
}

/** Every permission check allowed, unless `denied` names it ("delete:pods"). */
export function permissions(url: string, denied: readonly string[] = []) {
  const params = new URL(url, 'http://x').searchParams;
  const checks = (params.get('checks') ?? '').split(',');
  return {
    body: {
      namespace: params.get('namespace'),
      results: checks.map((check) => ({ check, allowed: !denied.includes(check) })),
    },
  };
}

export class Harness {
  readonly server = new FakeLiveServer();
  readonly client = new QueryClient();
  readonly store = new LiveStore(this.server.client, this.client);
  readonly calls: Call[] = [];
  private handler: Handler = () => undefined;
  denied: string[] = [];

  constructor() {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const call: Call = {
          method: init?.method ?? 'GET',
          url,
          body: init?.body ? JSON.parse(String(init.body)) : undefined,
          headers: (init?.headers ?? {}) as Record<string, string>,
        };
        this.calls.push(call);
        if (url === '/api/session') {
          return jsonResponse(session);
        }
        if (url.startsWith('/api/permissions')) return jsonResponse(permissions(url, this.denied).body);
        if (url.startsWith('/api/events/')) return jsonResponse({ items: [] });
        const answer = this.handler(call);
        if (answer) return jsonResponse(answer.body, answer.status ?? 200);
        // An object page reads the whole object by GET (live lists hold slim ones): the stored one.
        const one = /^\/api\/([a-z]+)\/([^/?]+)\/([^/?]+)$/.exec(url);
        const found =
          call.method === 'GET' && one
            ? this.server.get(one[1] as ResourceKind, one[2] ?? '', decodeURIComponent(one[3] ?? ''))
            : undefined;
        if (found) return jsonResponse(found);
        return jsonResponse(
          { error: { code: 404, reason: 'NotFound', message: `no ${url}`, source: 'bff' } },
          404,
        );
      }),
    );
  }

  /** What the BFF answers (besides session, permissions and events). */
  route(handler: Handler): void {
    this.handler = handler;
  }

  writes(): Call[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }

  render(url: string, routes: ReactNode) {
    return renderRoutes(
      this,
      url,
      <>
        {routes}
        <Route path="*" element={<Where />} />
      </>,
    );
  }

  dispose(): void {
    restoreLayout();
    this.store.dispose();
    this.client.clear();
    vi.unstubAllGlobals();
  }
}

/**
 * Registers the file's hooks: before each test, layout stubbed and a new Harness handed to `ready`
 * (to keep and to fill); after it, what the test rendered is unmounted and the harness disposed.
 */
export function harnessEachTest(ready: (h: Harness) => void): void {
  let current: Harness | undefined;
  beforeEach(() => {
    stubLayout();
    current = new Harness();
    ready(current);
  });
  afterEach(() => {
    cleanup();
    current?.dispose();
  });
}

/** The CodeMirror view inside `host` (the editor's container). */
export function editorIn(host: HTMLElement): EditorView {
  const content = host.querySelector<HTMLElement>('.cm-content');
  const view = content ? EditorView.findFromDOM(content) : null;
  if (!view) throw new Error('no CodeMirror editor here');
  return view;
}

/** Replaces `find` with `replace` in the editor's document, as typing would. */
export function typeInto(host: HTMLElement, find: string, replace: string): void {
  const view = editorIn(host);
  const text = view.state.doc.toString();
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`"${find}" is not in the editor`);
  act(() => view.dispatch({ changes: { from: at, to: at + find.length, insert: replace } }));
}

const saved = new Map<string, PropertyDescriptor | undefined>();

/**
 * jsdom has no layout: CodeMirror measures ranges, so give them empty rectangles; the virtualised
 * tables need a viewport, so give elements a size. `restoreLayout` undoes the sizes.
 */
export function stubLayout(): void {
  for (const [prop, value] of Object.entries({ clientHeight: 800, clientWidth: 1200 })) {
    if (!saved.has(prop)) saved.set(prop, Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop));
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
  const rect = { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) };
  Range.prototype.getClientRects = () =>
    ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => rect as DOMRect;
}

export function restoreLayout(): void {
  for (const [prop, descriptor] of saved) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, prop, descriptor);
  }
  saved.clear();
}
