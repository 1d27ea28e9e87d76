import type { Candidate } from './slot.js';
import type { WorldState } from './types.js';

/**
 * What a builder expects a block it has not yet seen to be worth: the average of the value of its
 * own candidate blocks, per rollup — the plain mean of the slots seen while there are fewer than
 * 1 / `bidding.historyWeight`, then exponential with that weight on the latest slot (a
 * bias-corrected moving average: the first slot, often the run's largest opportunity as pools
 * start away from the reference price, does not weigh 1 / w times). A block sold ahead of time (a slot auction, an execution ticket drawn
 * with lookahead) is bid on this — what the builder knows at sale time — and built with what exists
 * when its slot comes.
 */
export interface BlockExpectation {
  /** Slots observed so far. */
  slots: number;
  /** Expected Σ bids of the block's bundles paid on each rollup, Y at the reference price. */
  readonly valueByRollupY: number[];
}

/** A builder's expectation before it has seen any slot: nothing. */
export function createExpectation(rollups: number): BlockExpectation {
  return { slots: 0, valueByRollupY: Array.from({ length: rollups }, () => 0) };
}

/**
 * Builder `i`'s expected gross value (Y, before its cost) of a future block covering `group`;
 * with no history yet, the value of its current candidate (what it sees at sale time).
 */
export function expectedGrossY(world: WorldState, i: number, group: readonly number[], candidate: Candidate | undefined): number {
  const e = world.builders[i]!.expectation;
  const by = e.slots === 0 && candidate ? candidate.valueByRollupY : e.valueByRollupY;
  let sum = 0;
  for (const r of group) sum += by[r] ?? 0;
  return sum;
}

/** Apply step (in the learn phase): every builder's expectation takes in this slot's candidate. */
export function updateExpectations(world: WorldState, candidates: readonly Candidate[]): void {
  const w = world.config.bidding.historyWeight;
  world.builders.forEach((b, i) => {
    const c = candidates[i];
    if (!c) return;
    const e = b.expectation;
    const k = Math.max(w, 1 / (e.slots + 1));
    for (let r = 0; r < e.valueByRollupY.length; r++) e.valueByRollupY[r] = (1 - k) * e.valueByRollupY[r]! + k * (c.valueByRollupY[r] ?? 0);
    e.slots++;
  });
}
