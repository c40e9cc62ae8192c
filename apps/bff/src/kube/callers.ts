import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { KubeConfig } from '@kubernetes/client-node';
import { parse as parseCookie } from 'cookie';
import type { Config } from '../config';
import { HttpError } from '../http/errors';
import { kubeRequest } from './client';
import type { KubeContexts } from './contexts';

/** The HttpOnly, SameSite=Strict cookie that carries a user's bearer token in token mode. */
export const TOKEN_COOKIE = 'wh_token';
export const MAX_TOKEN_LENGTH = 16_384;

/** Who a request acts as, and the credentials to act with. */
export interface Caller {
  kc: KubeConfig;
  /** Key for sharing informers: callers with the same identity share watches and caches. */
  identity: string;
  context: string;
  /** The Kubernetes user name, when known. */
  user?: string;
}

interface TokenEntry {
  kc: KubeConfig;
  user: string;
  lastUsed: number;
}

/**
 * Resolves the caller of a request. In kubeconfig and in-cluster modes everyone acts as the BFF's
 * own credentials for the chosen context (identity = context). In token mode each user's bearer
 * token (from the cookie) is used for their apiserver calls and watches, so the cluster's RBAC
 * decides; informers are then keyed by the token's hash, so users never share a cache: a view
 * cannot leak objects that the viewer's RBAC would not list.
 */
export class Callers {
  private readonly tokens = new Map<string, TokenEntry>();

  constructor(
    private readonly config: Pick<Config, 'mode'>,
    readonly contexts: KubeContexts,
    private readonly maxTokens = 500,
  ) {}

  get tokenMode(): boolean {
    return this.config.mode === 'token';
  }

  /** From request headers (REST) or the socket.io handshake headers. */
  resolve(headers: IncomingHttpHeaders, context?: string): Caller {
    if (!this.tokenMode) {
      const name = context ?? this.contexts.defaultContext;
      return { kc: this.contexts.get(name), identity: `context:${name}`, context: name };
    }
    const token = tokenFromHeaders(headers);
    if (!token) throw new HttpError(401, 'Unauthorized', 'log in with a Kubernetes bearer token first');
    const hash = hashToken(token);
    const entry = this.tokens.get(hash);
    if (!entry) throw new HttpError(401, 'Unauthorized', 'your session has expired: log in again');
    entry.lastUsed = Date.now();
    return {
      kc: entry.kc,
      identity: `token:${hash}`,
      context: this.contexts.defaultContext,
      user: entry.user,
    };
  }

  /**
   * Checks a token with the apiserver (SelfSubjectReview: who does this token say I am?) and
   * remembers it. Throws the apiserver's 401 when the token is not accepted.
   */
  async login(token: string): Promise<{ user: string }> {
    const kc = this.kubeConfigForToken(token);
    const review = await kubeRequest<{ status?: { userInfo?: { username?: string } } }>(
      kc,
      '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      { method: 'POST', body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } },
    );
    const user = review.status?.userInfo?.username ?? 'unknown';
    if (this.tokens.size >= this.maxTokens) this.evictOldest();
    this.tokens.set(hashToken(token), { kc, user, lastUsed: Date.now() });
    return { user };
  }

  logout(headers: IncomingHttpHeaders): void {
    const token = tokenFromHeaders(headers);
    if (token) this.tokens.delete(hashToken(token));
  }

  private kubeConfigForToken(token: string): KubeConfig {
    const base = this.contexts.get();
    const cluster = base.getCurrentCluster();
    if (!cluster) throw new Error('no cluster in the base configuration');
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'bearer', token }],
      contexts: [{ name: 'bearer', cluster: cluster.name, user: 'bearer' }],
      currentContext: 'bearer',
    });
    return kc;
  }

  private evictOldest(): void {
    let oldest: [string, number] | undefined;
    for (const [k, v] of this.tokens) if (!oldest || v.lastUsed < oldest[1]) oldest = [k, v.lastUsed];
    if (oldest) this.tokens.delete(oldest[0]);
  }
}

export function tokenFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers.cookie;
  if (!raw) return undefined;
  const value = parseCookie(raw)[TOKEN_COOKIE];
  return value && value.length <= MAX_TOKEN_LENGTH ? value : undefined;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}
