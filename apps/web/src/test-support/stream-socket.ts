import type { LiveSocket } from '../lib/live/live-store';

type Listener = (...args: unknown[]) => void;

/** Hands `payload` to the client's listeners for `event`, as socket.io does when a packet arrives. */
export type Deliver = (event: string, payload?: unknown) => void;

/**
 * How the fake server acknowledges a request, per event. An answer may `deliver` packets first:
 * they reach the client before the ack, as on the wire. `req` is typed by each answer.
 */
export type Answers = Record<string, (deliver: Deliver, req: never) => unknown>;

export interface StreamSocketFake {
  /** The typed socket the stream functions and the LiveStore take. */
  socket: LiveSocket;
  deliver: Deliver;
  /** Every request the client sent, acknowledged or not, in order: [event, request]. */
  sent: Array<[string, unknown]>;
  /** How many listeners the client still holds (0 once a stream has cleaned up after itself). */
  listening: () => number;
}

/**
 * The part of socket.io-client's Socket that the streams (logs, workload logs, shell) use: `on`/`off`,
 * `timeout().emitWithAck` and `emit` with an optional ack callback. A request whose event has no
 * answer is refused by `emitWithAck` and left unacknowledged by `emit`, so a test notices a request
 * it did not expect.
 */
export function fakeStreamSocket(answers: Answers): StreamSocketFake {
  const listeners = new Map<string, Set<Listener>>();
  const deliver: Deliver = (event, payload) => {
    for (const fn of [...(listeners.get(event) ?? [])]) fn(payload);
  };
  const sent: Array<[string, unknown]> = [];
  const socket = {
    connected: true,
    on(event: string, fn: Listener) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(fn));
      return socket;
    },
    off(event: string, fn: Listener) {
      listeners.get(event)?.delete(fn);
      return socket;
    },
    timeout: () => ({
      emitWithAck: async (event: string, req: unknown) => {
        sent.push([event, req]);
        const answer = answers[event];
        if (answer === undefined) throw new Error(`unexpected ${event}`);
        return answer(deliver, req as never);
      },
    }),
    emit(event: string, req: unknown, ack?: (res: unknown) => void) {
      sent.push([event, req]);
      const answer = answers[event];
      if (ack && answer) void Promise.resolve(answer(deliver, req as never)).then(ack);
      return socket;
    },
  };
  const listening = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { socket: socket as unknown as LiveSocket, deliver, sent, listening };
}
