/** What the recipient of bids does with gas tokens: keep them, or sell a fraction each slot. */
export interface DisposalPolicy {
  readonly policy: 'hold' | 'sell';
  /** Share of the holding sold each slot under `sell`, in [0, 1]. */
  readonly sellFractionPerSlot: number;
}

/**
 * How much of a held gas-token balance the recipient sells into the rollup's pool this slot:
 * nothing under `hold`, a fixed fraction of the holding under `sell`.
 */
export function amountToSell(heldGas: number, policy: DisposalPolicy): number {
  if (policy.policy === 'hold' || heldGas <= 0) return 0;
  return heldGas * policy.sellFractionPerSlot;
}
