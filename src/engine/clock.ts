/** Simulated time: slots of `slotMs` milliseconds grouped into epochs of `slotsPerEpoch`. */
export interface ClockSpec {
  /** Length of one slot in simulated milliseconds (default 2000). */
  readonly slotMs: number;
  /** Slots per epoch (default 32). */
  readonly slotsPerEpoch: number;
}

export const DEFAULT_CLOCK: ClockSpec = { slotMs: 2000, slotsPerEpoch: 32 };

/** Simulated start time of `slot`, in ms since the run began. */
export function slotStartMs(clock: ClockSpec, slot: number): number {
  return slot * clock.slotMs;
}

/** The epoch that `slot` belongs to. */
export function epochOf(clock: ClockSpec, slot: number): number {
  return Math.floor(slot / clock.slotsPerEpoch);
}

/** True for the last slot of an epoch: epoch hooks run after it. */
export function isEpochEnd(clock: ClockSpec, slot: number): boolean {
  return (slot + 1) % clock.slotsPerEpoch === 0;
}

/** Milliseconds in a (365-day) year; volatilities are quoted per year of simulated time. */
export const MS_PER_YEAR = 365 * 24 * 3600 * 1000;

/** Length of one slot as a fraction of a year. */
export function slotYears(clock: ClockSpec): number {
  return clock.slotMs / MS_PER_YEAR;
}
