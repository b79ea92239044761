// Main-to-renderer events. Services emit typed events; each transport (Electron webContents,
// the browser preview's WebSocket) subscribes once and forwards them.

import { eventChannels } from '../../../shared/ipc-contract';
import type { EventName, EventPayload } from '../../../shared/ipc-contract';

export type EventForwarder = (channel: string, payload: unknown) => void;

export class EventHub {
  private readonly forwarders = new Set<EventForwarder>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const { channel } = eventChannels[name];
    for (const forward of this.forwarders) forward(channel, payload);
  }

  /** Returns the unsubscribe function. */
  forward(forwarder: EventForwarder): () => void {
    this.forwarders.add(forwarder);
    return () => this.forwarders.delete(forwarder);
  }
}
