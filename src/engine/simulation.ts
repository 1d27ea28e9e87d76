import { epochOf, isEpochEnd, slotStartMs, type ClockSpec } from './clock.js';

/** What a model's slot step knows about the slot being stepped. */
export interface SlotContext {
  readonly slot: number;
  readonly epoch: number;
  readonly startMs: number;
  /** Exclusive end of the slot in simulated ms. */
  readonly endMs: number;
  readonly clock: ClockSpec;
}

/** Runs after the last slot of every epoch (DESIGN.md §4, "Epoch phase"). */
export interface EpochHook<S> {
  readonly name: string;
  run(state: S, epoch: number, clock: ClockSpec): void;
}

/**
 * A model the engine can step: its state, the step that carries it through one slot (the model's
 * ordered phases: each decides from the state, and its apply step changes the state), and the hooks
 * that run at every epoch's end. Events inside a slot are ordered by the model with the engine's
 * `EventQueue` (time, priority, insertion order).
 */
export interface Simulation<S> {
  readonly clock: ClockSpec;
  readonly state: S;
  step(state: S, ctx: SlotContext): void;
  readonly epochHooks: readonly EpochHook<S>[];
}

/** The context of slot `slot` on `clock`. */
export function slotContext(clock: ClockSpec, slot: number): SlotContext {
  const startMs = slotStartMs(clock, slot);
  return { slot, epoch: epochOf(clock, slot), startMs, endMs: startMs + clock.slotMs, clock };
}

/** Steps one slot, then the epoch hooks if the slot ends an epoch. */
export function stepSlot<S>(sim: Simulation<S>, slot: number): void {
  const ctx = slotContext(sim.clock, slot);
  sim.step(sim.state, ctx);
  if (isEpochEnd(sim.clock, slot)) {
    for (const hook of sim.epochHooks) hook.run(sim.state, ctx.epoch, sim.clock);
  }
}

/** Steps slots `fromSlot` … `toSlot − 1`, calling `afterSlot` (progress, checkpoints) after each. */
export function runSlots<S>(sim: Simulation<S>, fromSlot: number, toSlot: number, afterSlot?: (slot: number) => void): void {
  for (let slot = fromSlot; slot < toSlot; slot++) {
    stepSlot(sim, slot);
    afterSlot?.(slot);
  }
}
