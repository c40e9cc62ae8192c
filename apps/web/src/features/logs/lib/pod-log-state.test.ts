import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { noLogYet } from './pod-log-state';

const spec = { containers: [{ name: 'main' }] };

describe('noLogYet', () => {
  it('says a pod not scheduled yet is not running, where the apiserver answers 204', () => {
    const pod: V1Pod = { spec, status: { phase: 'Pending' } };
    expect(noLogYet(pod, 'main')).toBe('No logs yet: the pod is not running (Pending)');
  });

  it('says a scheduled container waits to start, with the reason', () => {
    const pod: V1Pod = {
      spec: { ...spec, nodeName: 'n' },
      status: {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'main',
            image: 'x',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ContainerCreating' } },
          },
        ],
      },
    };
    expect(noLogYet(pod, 'main')).toBe('No logs yet: container main is waiting to start (ContainerCreating)');
  });

  it('has nothing to say once the container runs or has run', () => {
    const pod: V1Pod = {
      spec: { ...spec, nodeName: 'n' },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'main', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
    };
    expect(noLogYet(pod, 'main')).toBeUndefined();
  });
});
