import { describe, expect, it } from 'vitest';
import { applyPodChanges } from './use-workload-log';

const pod = (name: string, phase = 'Running') => ({ name, containers: ['app'], phase });

describe('applyPodChanges', () => {
  it('adds joined pods with the next colour, replaces updated ones, and marks gone ones without forgetting them', () => {
    let pods = applyPodChanges([], { joined: [pod('a'), pod('b', 'Pending')], gone: [] });
    pods = applyPodChanges(pods, { joined: [pod('c', 'Pending')], updated: [pod('b')], gone: ['a'] });
    expect(pods).toEqual([
      { ...pod('a'), gone: true, index: 0 },
      { ...pod('b'), gone: false, index: 1 },
      { ...pod('c', 'Pending'), gone: false, index: 2 },
    ]);
    // Back again (its labels flipped back): same colour, not gone.
    expect(applyPodChanges(pods, { joined: [pod('a')], gone: [] })[0]).toEqual({
      ...pod('a'),
      gone: false,
      index: 0,
    });
  });
});
