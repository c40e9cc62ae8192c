import type { ApiErrorBody, ServerToClientEvents } from '@wheelhouse/shared-types';
import type { LiveSocket } from './live-store';

/**
 * How a stream over the tab's socket (logs, workload logs, a shell) hears its messages: listeners
 * registered before the stream is asked for, and an inbox that holds what arrives before the ack
 * names the stream.
 */

/** Why a stream ended when the tab's connection to the server dropped (the server forgot it). */
export const CONNECTION_LOST: ApiErrorBody = {
  code: 503,
  reason: 'ServiceUnavailable',
  message: 'the connection to the server was lost',
  source: 'bff',
};

type Listeners = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] } & {
  disconnect?: () => void;
};
type Untyped = { on(event: string, fn: unknown): unknown; off(event: string, fn: unknown): unknown };

/** Registers the listeners on the socket; returns what takes them all off again. */
export function listen(socket: LiveSocket, listeners: Listeners): () => void {
  // socket.io's typed `on` cannot relate an event name taken from an object to its listener.
  const untyped = socket as unknown as Untyped;
  const entries = Object.entries(listeners);
  for (const [event, fn] of entries) untyped.on(event, fn);
  return () => {
    for (const [event, fn] of entries) untyped.off(event, fn);
  };
}

/**
 * A stream's messages, routed by its id. The server may send the first ones (the head of a log, the
 * first prompt) before the ack is handled, when the id is not known yet: those are held, and `open`
 * passes on the ones that are this stream's, in the order they came.
 */
export class StreamInbox {
  private id: string | undefined;
  private readonly early: Array<{ id: string; deliver: () => void }> = [];

  /** The stream's id, once the ack named it. */
  get streamId(): string | undefined {
    return this.id;
  }

  /** Runs `deliver` if the message is this stream's; holds it while the stream's id is not known. */
  take(id: string, deliver: () => void): void {
    if (this.id === undefined) this.early.push({ id, deliver });
    else if (id === this.id) deliver();
  }

  /** The ack named the stream: passes on what was held for it. */
  open(id: string): void {
    this.id = id;
    for (const message of this.early.splice(0)) if (message.id === id) message.deliver();
  }
}
