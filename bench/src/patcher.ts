/**
 * Paced annotation patches on a set of pods: `rate` per second for `durationMs`, round-robin over the
 * pods, at most `maxInFlight` outstanding. Each patch carries its sequence number and the moment it was
 * sent (`now()`, milliseconds since the epoch with sub-millisecond precision) in annotations.
 */
import type { Kube } from './kube';
import { sleep } from './kube';

export const SEQ_ANNOTATION = 'bench.wheelhouse.dev/seq';
export const SENT_ANNOTATION = 'bench.wheelhouse.dev/sent';

export const now = (): number => performance.timeOrigin + performance.now();

export interface PatchRun {
  /** Patches requested by the schedule. */
  scheduled: number;
  /** Patches the apiserver accepted. */
  sent: number;
  errors: number;
  /** Sent per second over the run (including the tail of in-flight requests). */
  achievedRate: number;
  /** Times the schedule had to wait because maxInFlight requests were outstanding. */
  throttled: number;
  /** Median apiserver response time of a patch. */
  patchP50Ms: number;
  seqs: number[];
  firstErrors: string[];
}

export async function patchLoop(
  kube: Kube,
  namespace: string,
  pods: string[],
  rate: number,
  durationMs: number,
  opts: { maxInFlight?: number; seqStart?: number } = {},
): Promise<PatchRun> {
  const maxInFlight = opts.maxInFlight ?? 128;
  let seq = opts.seqStart ?? 0;
  const total = Math.round((rate * durationMs) / 1000);
  let scheduled = 0;
  let sent = 0;
  let errors = 0;
  let throttled = 0;
  let inFlight = 0;
  const firstErrors: string[] = [];
  const seqs: number[] = [];
  const responseMs: number[] = [];
  const pending = new Set<Promise<void>>();
  const t0 = performance.now();
  const hardStop = t0 + durationMs * 3 + 10_000;

  const one = (podName: string, n: number) => {
    const sentAt = now();
    const p = kube
      .request(
        'PATCH',
        `/api/v1/namespaces/${namespace}/pods/${podName}`,
        { metadata: { annotations: { [SEQ_ANNOTATION]: String(n), [SENT_ANNOTATION]: sentAt.toFixed(3) } } },
        'application/merge-patch+json',
      )
      .then(
        (res) => {
          if (res.status < 300) {
            sent++;
            seqs.push(n);
            responseMs.push(now() - sentAt);
          } else {
            errors++;
            if (firstErrors.length < 3) firstErrors.push(`${res.status} ${res.text.slice(0, 200)}`);
          }
        },
        (err: Error) => {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(err.message);
        },
      )
      .finally(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  };

  while (scheduled < total && performance.now() < hardStop) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
    while (scheduled < due) {
      if (inFlight >= maxInFlight) {
        throttled++;
        break;
      }
      inFlight++;
      one(pods[scheduled % pods.length] as string, ++seq);
      scheduled++;
    }
    await sleep(Math.max(1, Math.min(10, 1000 / rate)));
  }
  await Promise.race([Promise.all(pending), sleep(30_000)]);
  const elapsed = (performance.now() - t0) / 1000;
  responseMs.sort((a, b) => a - b);
  return {
    scheduled,
    sent,
    errors,
    achievedRate: sent / elapsed,
    throttled,
    patchP50Ms: responseMs[Math.floor(responseMs.length / 2)] ?? Number.NaN,
    seqs,
    firstErrors,
  };
}

/** The (seq, sent) pair a pod carries, if it carries one. */
export function stamp(obj: unknown): { seq: number; sent: number } | undefined {
  const a = (obj as { metadata?: { annotations?: Record<string, string> } })?.metadata?.annotations;
  const seq = a?.[SEQ_ANNOTATION];
  const sent = a?.[SENT_ANNOTATION];
  if (seq === undefined || sent === undefined) return undefined;
  return { seq: Number(seq), sent: Number(sent) };
}
