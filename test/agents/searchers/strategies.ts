import type { BidStrategy, Opportunity } from '../../../src/agents/searchers/bidStrategy.js';

/** A strategy bidding `fraction` of the value that records every opportunity it was asked about. */
export function recordingBid(fraction: number): BidStrategy & { readonly seen: Opportunity[] } {
  const seen: Opportunity[] = [];
  return { seen, bidY: (o) => (seen.push(o), fraction * o.valueY) };
}
