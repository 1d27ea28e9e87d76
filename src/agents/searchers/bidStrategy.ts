/** What a searcher knows about an opportunity when it decides its bid. */
export interface Opportunity {
  /** Value of the opportunity to the searcher, in Y at the reference price. */
  readonly valueY: number;
  /** Rollup on which the bid is paid. */
  readonly rollup: number;
}

/**
 * Decides the bid for an opportunity, in Y at the reference price (the caller converts it to the
 * gas token). An interface so learning strategies (bandits over bid shading) can replace the
 * fixed fraction later: they would keep their own state and learn from `observe`.
 */
export interface BidStrategy {
  bidY(opportunity: Opportunity): number;
  /** Feedback after the auction: whether the bid won and what was realised. Optional. */
  observe?(outcome: { won: boolean; bidY: number; profitY: number }): void;
}

/** Bids a fixed fraction of the opportunity's value. */
export function fixedFractionBid(fraction: number): BidStrategy {
  return { bidY: (o) => Math.max(0, o.valueY * fraction) };
}
