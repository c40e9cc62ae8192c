import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { shellContainers } from './containers';

const pod = (status: V1Pod['status']): V1Pod => ({
  spec: {
    initContainers: [
      { name: 'migrate', image: 'x' },
      { name: 'wait-db', image: 'x' },
    ],
    containers: [
      { name: 'app', image: 'x' },
      { name: 'proxy', image: 'x' },
    ],
    ephemeralContainers: [{ name: 'debugger', image: 'busybox' }],
  },
  status,
});

describe('shellContainers', () => {
  it('offers the regular containers, and no init or ephemeral one that is not running', () => {
    const done = { terminated: { exitCode: 0 } };
    expect(
      shellContainers(
        pod({
          initContainerStatuses: [
            { name: 'migrate', image: 'x', imageID: '', ready: false, restartCount: 0, state: done },
          ],
          ephemeralContainerStatuses: [
            { name: 'debugger', image: 'x', imageID: '', ready: false, restartCount: 0, state: done },
          ],
        }),
      ),
    ).toEqual([
      { name: 'app', kind: 'container' },
      { name: 'proxy', kind: 'container' },
    ]);
  });

  it('offers a running init container (the pod is still starting) and a running debug container', () => {
    const run = { running: { startedAt: new Date() } };
    const names = shellContainers(
      pod({
        initContainerStatuses: [
          { name: 'wait-db', image: 'x', imageID: '', ready: false, restartCount: 0, state: run },
        ],
        ephemeralContainerStatuses: [
          { name: 'debugger', image: 'x', imageID: '', ready: false, restartCount: 0, state: run },
        ],
      }),
    ).map((c) => `${c.kind}:${c.name}`);
    expect(names).toEqual(['container:app', 'container:proxy', 'init:wait-db', 'ephemeral:debugger']);
  });
});
