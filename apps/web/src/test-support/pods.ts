import type { V1Pod } from '@kubernetes/client-node';
import { minutesAgo } from './live-render';

export interface PodOptions {
  /** The node it is bound to; `null`: not scheduled yet, so Pending with no container status. */
  node?: string | null;
  /** The container's waiting reason (CrashLoopBackOff…); without one it is running and ready. */
  waiting?: string;
  restarts?: number;
  ip?: string;
  rv?: string;
  /** Minutes since it was created. */
  age?: number;
}

/**
 * A pod as `kubectl get pod -o json` shows it: one container `app` (image app:1), labelled
 * app=<its name up to the first dash>, on kwok-node-0, 5 minutes old unless `opts` say otherwise.
 * Screens get its row from the fake server, computed as the BFF does.
 */
export function makePod(namespace: string, name: string, opts: PodOptions = {}): V1Pod {
  const node = opts.node === undefined ? 'kwok-node-0' : opts.node;
  const running = opts.waiting === undefined;
  return {
    metadata: {
      name,
      namespace,
      uid: `${namespace}/${name}`,
      resourceVersion: opts.rv ?? '1',
      creationTimestamp: minutesAgo(opts.age ?? 5),
      labels: { app: name.split('-')[0] ?? name },
    },
    spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'app', image: 'app:1' }] },
    status:
      node === null
        ? { phase: 'Pending' }
        : {
            phase: 'Running',
            podIP: opts.ip ?? '10.0.0.1',
            containerStatuses: [
              {
                name: 'app',
                image: 'app:1',
                imageID: '',
                ready: running,
                restartCount: opts.restarts ?? 0,
                state: running ? { running: {} } : { waiting: { reason: opts.waiting } },
              },
            ],
          },
  };
}
