import type { MarketConfig } from '../../config/schema.js';

type Disposal = MarketConfig['proposer']['disposal'];

/**
 * How much of a held gas-token balance the recipient sells into the rollup's pool this slot:
 * nothing under `hold`, a fixed fraction of the holding under `sell`.
 */
export function amountToSell(heldGas: number, policy: Disposal): number {
  if (policy.policy === 'hold' || heldGas <= 0) return 0;
  return heldGas * policy.sellFractionPerSlot;
}
