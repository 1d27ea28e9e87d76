import type { Subscription } from 'rxjs';
import type { BusEvent, EventBus } from './eventBus.js';

/** A flat row: column name → number, string, boolean or null (missing). Recorders produce these. */
export type Row = Record<string, number | string | boolean | null>;

/**
 * A recorder declares what to record and when (the Agents.jl `adata`/`when` idea): it subscribes to
 * one event type and turns each event into zero or more flat rows for a sink.
 */
export interface RecorderSpec<E extends BusEvent, T extends E['type']> {
  readonly eventType: T;
  toRows(event: Extract<E, { type: T }>): Row[];
}

/** Subscribes a recorder to the bus; every row produced is passed to `sink`. */
export function attachRecorder<E extends BusEvent, T extends E['type']>(
  bus: EventBus<E>,
  spec: RecorderSpec<E, T>,
  sink: (row: Row) => void,
): Subscription {
  return bus.on(spec.eventType, (event) => {
    for (const row of spec.toRows(event)) sink(row);
  });
}
