import { createStream } from '../../../src/engine/randomStreams.js';
import type { Bid, Source } from '../../../src/market/mechanisms/types.js';

/** Bids from amounts, bidder ids `b0`, `b1`, … */
export function bidsOf(amounts: readonly number[], timesMs?: readonly number[]): Bid[] {
  return amounts.map((amount, i) => ({ bidderId: `b${i}`, amount, timeMs: timesMs?.[i] }));
}

/** A seeded uniform source for one test. */
export function seeded(path: string): Source {
  return createStream('mechanism-tests', path).next;
}

/** A source that always returns `u`, to pin down tie-breaking exactly. */
export const constant = (u: number): Source => () => u;

/**
 * Binomial tolerance for an empirical frequency over `rounds` independent draws with true
 * probability p: 4 standard errors, 4·sqrt(p(1−p)/rounds) (normal approximation to the binomial;
 * a correct implementation exceeds it with probability ≈ 6e-5).
 */
export function binomialTolerance(p: number, rounds: number): number {
  return 4 * Math.sqrt((p * (1 - p)) / rounds);
}
