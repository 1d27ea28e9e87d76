import { epochOf, isEpochEnd, slotStartMs, type ClockSpec } from './clock.js';
import { EventQueue, type Scheduled } from './eventQueue.js';

/** What a phase or event handler knows about the slot being stepped. */
export interface SlotContext<E> {
  readonly slot: number;
  readonly epoch: number;
  readonly startMs: number;
  /** Exclusive end of the slot in simulated ms. */
  readonly endMs: number;
  readonly clock: ClockSpec;
  /** Schedules an event; events due before `endMs` are dispatched after the current phase. */
  schedule(timeMs: number, event: E, priority?: number): void;
}

/** One step of a slot (DESIGN.md §4): reads and updates the state of type S. */
export interface Phase<S, E = never> {
  readonly name: string;
  run(state: S, ctx: SlotContext<E>): void;
}

/** Runs after the last slot of every epoch (DESIGN.md §4, "Epoch phase"). */
export interface EpochHook<S> {
  readonly name: string;
  run(state: S, epoch: number, clock: ClockSpec): void;
}

/** A model the engine can step: its state, its phases, its epoch hooks and its event handler. */
export interface Simulation<S, E = never> {
  readonly clock: ClockSpec;
  readonly state: S;
  readonly phases: readonly Phase<S, E>[];
  readonly epochHooks: readonly EpochHook<S>[];
  readonly queue: EventQueue<E>;
  /** Handles one due event (may schedule more). Required if any phase schedules events. */
  handle?(state: S, scheduled: Scheduled<E>, ctx: SlotContext<E>): void;
}

/** Creates a simulation with an empty event queue. */
export function createSimulation<S, E = never>(
  spec: Omit<Simulation<S, E>, 'queue' | 'epochHooks'> & { epochHooks?: readonly EpochHook<S>[] },
): Simulation<S, E> {
  const sim: Simulation<S, E> = {
    clock: spec.clock,
    state: spec.state,
    phases: spec.phases,
    epochHooks: spec.epochHooks ?? [],
    queue: new EventQueue<E>(),
  };
  return spec.handle ? { handle: spec.handle, ...sim } : sim;
}

/** Dispatches, in (time, priority, seq) order, every queued event due before the slot ends. */
function dispatchDue<S, E>(sim: Simulation<S, E>, ctx: SlotContext<E>): void {
  for (let next = sim.queue.peek(); next && next.timeMs < ctx.endMs; next = sim.queue.peek()) {
    const item = sim.queue.pop()!;
    if (!sim.handle) throw new Error(`event scheduled at ${item.timeMs} ms but the simulation has no handler`);
    sim.handle(sim.state, item, ctx);
  }
}

/** Steps one slot: each phase in order, with due events dispatched after each; then epoch hooks. */
export function stepSlot<S, E>(sim: Simulation<S, E>, slot: number): void {
  const startMs = slotStartMs(sim.clock, slot);
  const ctx: SlotContext<E> = {
    slot,
    epoch: epochOf(sim.clock, slot),
    startMs,
    endMs: startMs + sim.clock.slotMs,
    clock: sim.clock,
    schedule: (timeMs, event, priority = 0) => {
      sim.queue.push(timeMs, event, priority);
    },
  };
  for (const phase of sim.phases) {
    phase.run(sim.state, ctx);
    dispatchDue(sim, ctx);
  }
  if (isEpochEnd(sim.clock, slot)) {
    for (const hook of sim.epochHooks) hook.run(sim.state, ctx.epoch, sim.clock);
  }
}

/** Steps slots `fromSlot` … `toSlot − 1`, calling `afterSlot` (progress, checkpoints) after each. */
export function runSlots<S, E>(
  sim: Simulation<S, E>,
  fromSlot: number,
  toSlot: number,
  afterSlot?: (slot: number) => void,
): void {
  for (let slot = fromSlot; slot < toSlot; slot++) {
    stepSlot(sim, slot);
    afterSlot?.(slot);
  }
}
