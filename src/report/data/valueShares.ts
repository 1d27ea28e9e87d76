/** The parts of a market run's `summary.json` that the value-shares chart reads (all optional). */
export interface ValueSummary {
  readonly final_ref_price?: number;
  readonly totals?: { readonly winning_bids_y?: number; readonly user_surplus_y?: number };
  readonly rollups?: readonly { readonly rollup: string; readonly gas_token: string; readonly fees_gas?: number }[];
  readonly searchers?: readonly { readonly pnl_y?: number }[];
}

/** Who received how much value over a run, in Y. */
export interface ValueShare {
  /** Bar label, e.g. `proposer (winning bids)`, `rollup A fees`. */
  readonly recipient: string;
  /** `proposer`, `searchers`, `users` or `rollups`: the bar's colour. */
  readonly group: string;
  /** Value received in Y at the reference price; negative when the party lost value. */
  readonly valueY: number;
  /** valueY ÷ the sum of the positive values (so the gains' shares add up to 1). */
  readonly share: number;
}

/**
 * Splits a run's value among its parties: the proposer's winning bids, the searchers' summed PnL
 * (after bids), the users' surplus against the reference price and each rollup's data fees (gas
 * token valued at the final reference price when it is X). Parties missing from the summary are left
 * out.
 */
export function valueSharesFromSummary(s: ValueSummary): ValueShare[] {
  const price = s.final_ref_price ?? 1;
  const raw: Omit<ValueShare, 'share'>[] = [];
  if (s.totals?.winning_bids_y !== undefined)
    raw.push({ recipient: 'proposer (winning bids)', group: 'proposer', valueY: s.totals.winning_bids_y });
  if (s.searchers && s.searchers.length > 0)
    raw.push({ recipient: "searchers' PnL", group: 'searchers', valueY: s.searchers.reduce((a, x) => a + (x.pnl_y ?? 0), 0) });
  if (s.totals?.user_surplus_y !== undefined)
    raw.push({ recipient: 'users (surplus vs reference)', group: 'users', valueY: s.totals.user_surplus_y });
  for (const r of s.rollups ?? [])
    if (r.fees_gas !== undefined)
      raw.push({ recipient: `rollup ${r.rollup} fees`, group: 'rollups', valueY: r.fees_gas * (r.gas_token === 'X' ? price : 1) });
  const gains = raw.reduce((a, r) => a + Math.max(0, r.valueY), 0);
  return raw.map((r) => ({ ...r, share: gains > 0 ? r.valueY / gains : 0 }));
}
