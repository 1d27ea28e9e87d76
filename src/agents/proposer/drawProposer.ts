import type { Source } from '../../engine/randomStreams.js';

/** Draws a validator index with probability proportional to stake (inverse-CDF on one uniform). */
export function drawProposer(stakes: readonly number[], source: Source): number {
  const total = stakes.reduce((a, s) => a + s, 0);
  let u = source() * total;
  for (let i = 0; i < stakes.length; i++) {
    u -= stakes[i]!;
    if (u < 0) return i;
  }
  return stakes.length - 1;
}

/**
 * What a proposer reports of the revenue it received. Honest by default; the interface lets a
 * dishonest proposer under-report (the revenue-sharing issue's `(1 − δ)`).
 */
export interface ProposerBehaviour {
  reportRevenueY(trueRevenueY: number): number;
}

export const honestProposer: ProposerBehaviour = { reportRevenueY: (y) => y };
