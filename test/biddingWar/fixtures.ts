import type { BiddingWarConfigInput } from '../../src/config/biddingWarSchema.js';

type BuilderInput = BiddingWarConfigInput['builders'][number];

/** One builder of each strategy, two latencies; small enough for quick runs. */
export const MIXED_BUILDERS: BuilderInput[] = [
  { id: 'n1', strategy: 'naive', latencyMs: 10 },
  { id: 'a1', strategy: 'adaptive', latencyMs: 10 },
  { id: 'a2', strategy: 'adaptive', latencyMs: 30 },
  { id: 'l1', strategy: 'last-minute', latencyMs: 20 },
  { id: 's1', strategy: 'stealth', latencyMs: 20 },
  { id: 'b1', strategy: 'bluff', latencyMs: 10 },
];

export function mixedConfig(over: Partial<BiddingWarConfigInput> = {}): BiddingWarConfigInput {
  return { kind: 'bidding-war', seed: 11, auctions: 40, builders: MIXED_BUILDERS, ...over };
}
