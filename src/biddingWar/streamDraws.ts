import { StreamDistributions } from '../engine/distributions.js';

/**
 * The draws the bidding war makes, from one stream, without allocating: the engine's
 * {@link StreamDistributions} (d3-random 3.0.x's formulas written out, draw for draw;
 * test/biddingWar/streamDraws.test.ts compares them with d3), except that a Bernoulli draw does not
 * check its probability every time — the caller checks it once ({@link checkProbability}); the
 * bidding war draws about 700 variates an auction.
 */
export class StreamDraws extends StreamDistributions {
  /** True with probability `p` (d3 `randomBernoulli`: floor(u + p) is 1); `p` in [0, 1], checked by the caller. */
  override bernoulli(p: number): boolean {
    return Math.floor(this.source() + p) === 1;
  }
}

/** d3 `randomBernoulli`'s precondition, with its message. */
export function checkProbability(p: number): number {
  if (p < 0 || p > 1) throw new RangeError('invalid p');
  return p;
}
