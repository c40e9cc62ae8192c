import type { ReactNode } from 'react';
import type { PodRow } from '../../lib/kubectl/rows';
import { Age } from '../live-table/Age';
import { Status } from './PodStatus';
import { ReadyRatio } from './ReadyRatio';
import { Restarts } from './Restarts';

/** The headers of `podStateCells`, as the small pod tables of the object pages title them. */
export const POD_STATE_HEADERS = ['Ready', 'Status', 'Restarts', 'Age', 'IP'];

/**
 * A pod's READY, STATUS, RESTARTS, AGE and IP as `kubectl get pods -o wide` prints them, for the
 * small tables of pods on an object's page (a workload's, a Service's, a node's).
 */
export function podStateCells(row: PodRow): ReactNode[] {
  return [
    <span className="tabular-nums">
      <ReadyRatio ready={row.ready} />
    </span>,
    <Status status={row.status} />,
    <span className="tabular-nums">
      <Restarts count={row.restarts} last={row.lastRestart} />
    </span>,
    <Age since={row.created} />,
    <span className="font-mono text-xs">{row.ip}</span>,
  ];
}
