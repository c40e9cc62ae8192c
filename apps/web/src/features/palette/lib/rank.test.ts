import { describe, expect, it } from 'vitest';
import { bestMatch, MATCH, matchClass, matchedIndices } from './rank';

describe('matchClass', () => {
  it('ranks exact > prefix > word-prefix > substring > subsequence > none', () => {
    expect(matchClass('api', 'api')).toBe(MATCH.exact);
    expect(matchClass('api', 'api-7c9d8b5f4d')).toBe(MATCH.prefix);
    expect(matchClass('api', 'payments-api')).toBe(MATCH.wordPrefix);
    expect(matchClass('api', 'rapid')).toBe(MATCH.substring);
    expect(matchClass('api', 'a-pod-image')).toBe(MATCH.subsequence);
    expect(matchClass('api', 'frontend')).toBe(MATCH.none);
    const order = ['api', 'api-7c9d8b5f4d', 'payments-api', 'rapid', 'a-pod-image', 'frontend'].map((n) =>
      matchClass('api', n),
    );
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('ignores case in the name (the query comes lowercase)', () => {
    expect(matchClass('replicasets', 'ReplicaSets')).toBe(MATCH.exact);
    expect(matchClass('conf', 'ConfigMaps')).toBe(MATCH.prefix);
  });

  it('starts words after - . _ / : and spaces, and finds a later word when an earlier hit is mid-word', () => {
    expect(matchClass('crt', 'kube-root-ca.crt')).toBe(MATCH.wordPrefix);
    expect(matchClass('token', 'default_token')).toBe(MATCH.wordPrefix);
    // "pay" inside "repay" is not a word start; the later "-pay…" is.
    expect(matchClass('pay', 'repay-payments')).toBe(MATCH.wordPrefix);
  });

  it('needs the letters in order for a subsequence', () => {
    expect(matchClass('pmts', 'payments')).toBe(MATCH.subsequence);
    expect(matchClass('stmp', 'payments')).toBe(MATCH.none);
    expect(matchClass('ppp', 'payments')).toBe(MATCH.none);
  });

  it('matches everything with an empty query, below every real match', () => {
    expect(matchClass('', 'anything')).toBe(MATCH.any);
    expect(MATCH.any).toBeLessThan(MATCH.subsequence);
    expect(MATCH.any).toBeGreaterThan(MATCH.none);
  });
});

describe('bestMatch', () => {
  it('takes the best of several names', () => {
    expect(bestMatch('deploy', ['Deployments', 'deployments', 'deployment', 'deploy'])).toBe(MATCH.exact);
    expect(bestMatch('svc', ['Services', 'services', 'service', 'svc'])).toBe(MATCH.exact);
    expect(bestMatch('zzz', ['Pods', 'po'])).toBe(MATCH.none);
  });
});

describe('matchedIndices', () => {
  it('marks the part that matched, at the class it matched', () => {
    expect(matchedIndices('api', 'api-7c9d')).toEqual([0, 1, 2]);
    expect(matchedIndices('pay', 'repay-payments')).toEqual([6, 7, 8]);
    expect(matchedIndices('pid', 'rapid')).toEqual([2, 3, 4]);
    expect(matchedIndices('pmts', 'payments')).toEqual([0, 3, 6, 7]);
    expect(matchedIndices('zz', 'payments')).toEqual([]);
    expect(matchedIndices('', 'payments')).toEqual([]);
  });
});
