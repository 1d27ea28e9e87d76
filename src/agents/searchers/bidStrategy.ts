/** What a searcher knows about an opportunity when it decides its bid. */
export interface Opportunity {
  /** Value of the opportunity to the searcher, in Y at the reference price. */
  readonly valueY: number;
  /** Rollup on which the bid is paid. */
  readonly rollup: number;
}

/** A searcher's bid for an opportunity (Y at the reference price) and the id of that decision in the slot. */
export interface BidDecision {
  readonly bidY: number;
  /** Carried by the opportunity's bundles (`Bundle.decision`), so that the searcher learns from their outcome. */
  readonly decision: number;
}

/**
 * Decides the bid for an opportunity, in Y at the reference price (the kind converts it to the
 * gas token); never more than the opportunity's value. The search phase gives each searcher one
 * for the slot, playing its configured strategy (src/agents/bidding).
 */
export interface BidStrategy {
  bid(opportunity: Opportunity): BidDecision;
}

/** Bids a fixed fraction of the opportunity's value (every decision id −1: nothing to learn). */
export function fixedFractionBid(fraction: number): BidStrategy {
  return { bid: (o) => ({ bidY: Math.max(0, Math.min(o.valueY, o.valueY * fraction)), decision: -1 }) };
}
