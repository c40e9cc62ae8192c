import { describe, expect, it } from 'vitest';
import { NAV_VIEWS, OBJECT_VIEWS } from '../../../lib/views';
import { parseQuery, verbHint } from './parse';

const parse = (text: string) => parseQuery(text, NAV_VIEWS, OBJECT_VIEWS);

describe('parseQuery', () => {
  it('reads a verb of an object view, then the name', () => {
    const q = parse('rollout api');
    expect(q.view?.id).toBe('rollout');
    expect(q.kind).toBeUndefined();
    expect(q.name).toBe('api');
    expect(q.namespace).toBeUndefined();
  });

  it('knows every verb the registry lists, aliases included', () => {
    expect(parse('health payments-').view?.id).toBe('health');
    expect(parse('logs web').view?.id).toBe('logs');
    expect(parse('log web').view?.id).toBe('logs');
    expect(parse('exec web').view?.id).toBe('shell');
    expect(parse('describe api').view?.id).toBe('open');
    expect(parse('yaml api').view?.id).toBe('yaml');
  });

  it('reads a kind word (kubectl names, short names, the label) then a namespace or a name', () => {
    for (const word of ['pods', 'pod', 'po', 'Pods']) {
      const q = parse(`${word} demo`);
      expect(q.kind?.id, word).toBe('pods');
      expect(q.name).toBe('demo');
    }
    expect(parse('deploy x').kind?.id).toBe('deployments');
    expect(parse('rs x').kind?.id).toBe('replicasets');
    expect(parse('svc x').kind?.id).toBe('services');
    expect(parse('cm x').kind?.id).toBe('configmaps');
    expect(parse('secret x').kind?.id).toBe('secrets');
  });

  it('takes a leading word as a verb or kind only once something follows it', () => {
    expect(parse('rollout').view).toBeUndefined();
    expect(parse('rollout').name).toBe('rollout');
    expect(parse('rollout ').view?.id).toBe('rollout');
    expect(parse('rollout ').name).toBe('');
    expect(parse('pods').kind).toBeUndefined();
    expect(parse('pods ').kind?.id).toBe('pods');
  });

  it('reads the namespace as kubectl writes it: -n, --namespace, --namespace=, -nX, ns/name', () => {
    expect(parse('logs web -n demo')).toMatchObject({ name: 'web', namespace: 'demo' });
    expect(parse('api --namespace demo')).toMatchObject({ name: 'api', namespace: 'demo' });
    expect(parse('api --namespace=demo')).toMatchObject({ name: 'api', namespace: 'demo' });
    expect(parse('api -ndemo')).toMatchObject({ name: 'api', namespace: 'demo' });
    expect(parse('rollout demo/api')).toMatchObject({ name: 'api', namespace: 'demo' });
    expect(parse('rollout demo/api').view?.id).toBe('rollout');
  });

  it('lowercases, trims and keeps further terms for the namespace', () => {
    expect(parse('  API   Demo ')).toMatchObject({ name: 'api', more: ['demo'] });
    expect(parse('')).toMatchObject({ view: undefined, kind: undefined, name: '', more: [] });
  });
});

describe('verbHint', () => {
  const name = (kind: string) => kind.slice(0, -1);
  it('tells how to finish a bare verb, naming the kinds it applies to', () => {
    expect(verbHint('rollout', OBJECT_VIEWS, name)).toBe('rollout <name>: the Rollout of a deployment');
    expect(verbHint('Logs', OBJECT_VIEWS, name)).toBe(
      'logs <name>: the Logs of a pod, deployment, replicaset, service',
    );
  });
  it('says nothing once the verb is followed by a space, or for other words', () => {
    expect(verbHint('rollout ', OBJECT_VIEWS, name)).toBeUndefined();
    expect(verbHint('api', OBJECT_VIEWS, name)).toBeUndefined();
    expect(verbHint('', OBJECT_VIEWS, name)).toBeUndefined();
  });
});
