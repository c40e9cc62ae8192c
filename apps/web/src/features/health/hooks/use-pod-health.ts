import type { CoreV1Event, V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';
import { useMemo } from 'react';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { type Membership, membershipOf, servicesSelecting } from '../lib/membership';
import {
  type BackOff,
  backOffsByContainer,
  groupProbeEvents,
  type ProbeEventGroup,
} from '../lib/probe-events';
import { type LintFinding, lintProbes } from '../lib/probe-lint';

export interface PodHealth {
  /** The live list the pod comes from: its loading and error states are the page's. */
  list: { isPending: boolean; isError: boolean; error: unknown };
  notice: string | undefined;
  pod: V1Pod | undefined;
  /** Whether each Service selecting the pod has it in its EndpointSlices, and why not. */
  membership: readonly Membership[];
  /** The names of the Services selecting the pod. */
  services: readonly string[];
  /** Probe failures and kills from the pod's Events, per container and probe. */
  probeEvents: readonly ProbeEventGroup[];
  /** The kubelet's restart back-offs per container, shown with the container's restarts. */
  backOffs: ReadonlyMap<string, BackOff>;
  findings: readonly LintFinding[];
}

/** What the health view reads about one pod, live: the pod, its Services and their EndpointSlices, its Events. */
export function usePodHealth(namespace: string, name: string): PodHealth {
  const pods = useLiveList({ kind: 'pods', namespace });
  const events = useLiveList({ kind: 'events', namespace });
  const services = useLiveList({ kind: 'services', namespace });
  const slices = useLiveList({ kind: 'endpointslices', namespace });
  const notice = useLiveNotice({ kind: 'pods', namespace });

  const pod = useMemo(
    () => (pods.data ? (listItems(pods.data) as V1Pod[]).find((p) => p.metadata?.name === name) : undefined),
    [pods.data, name],
  );
  const selecting = useMemo(
    () => (pod && services.data ? servicesSelecting(pod, listItems(services.data) as V1Service[]) : []),
    [pod, services.data],
  );
  const membership = useMemo(
    () =>
      pod && slices.data ? membershipOf(pod, selecting, listItems(slices.data) as V1EndpointSlice[]) : [],
    [pod, selecting, slices.data],
  );
  const mine = useMemo(() => {
    if (!pod || !events.data) return [];
    const uid = pod.metadata?.uid;
    return (listItems(events.data) as CoreV1Event[]).filter(
      (e) =>
        e.involvedObject?.kind === 'Pod' &&
        (e.involvedObject.uid === uid ||
          (e.involvedObject.uid === undefined && e.involvedObject.name === name)),
    );
  }, [pod, events.data, name]);
  const probeEvents = useMemo(() => groupProbeEvents(mine), [mine]);
  const backOffs = useMemo(() => backOffsByContainer(mine), [mine]);
  const serviceNames = useMemo(() => selecting.map((s) => s.metadata?.name ?? ''), [selecting]);
  const findings = useMemo(
    () => (pod ? lintProbes(pod, { services: serviceNames }) : []),
    [pod, serviceNames],
  );

  return { list: pods, notice, pod, membership, services: serviceNames, probeEvents, backOffs, findings };
}
