import type { BidStrategy, Opportunity } from '../../../src/agents/searchers/bidStrategy.js';

/** A strategy bidding `fraction` of the value that records every opportunity it was asked about (decision ids 0, 1, …). */
export function recordingBid(fraction: number): BidStrategy & { readonly seen: Opportunity[] } {
  const seen: Opportunity[] = [];
  return { seen, bid: (o) => ({ bidY: fraction * o.valueY, decision: seen.push(o) - 1 }) };
}
