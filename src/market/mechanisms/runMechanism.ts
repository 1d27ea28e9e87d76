import type { MechanismConfig } from './config.js';
import { runFirstPrice } from './firstPrice.js';
import { getMechanism } from './registry.js';
import { runSlotAuction } from './slotAuction.js';
import type { Allocation, Bid, Mechanism, Payments, Source } from './types.js';

/** The allocation and payments of one run of a mechanism. */
export interface MechanismOutcome {
  readonly allocation: Allocation;
  readonly payments: Payments;
}

/**
 * Runs the mechanism named by a parsed config over `bids`: `allocate` (drawing from `source`) then
 * `pay`. The config object is the parameter object (its extra `name` field is ignored).
 */
export function runMechanism(
  config: MechanismConfig,
  bids: readonly Bid[],
  source: Source,
): MechanismOutcome {
  // The common cases (first-price, and slot-auction, which allocates and pays as first-price),
  // validating the bids once rather than in both allocate and pay: every slot's auction runs here.
  if (config.name === 'first-price') return runFirstPrice(bids, source);
  if (config.name === 'slot-auction') return runSlotAuction(bids, config, source);
  // The registry pairs each name with its own params type; TypeScript cannot correlate the union
  // member of `config` with the union member of the mechanism, hence the widening here.
  const mechanism = getMechanism(config.name) as Mechanism<MechanismConfig>;
  const allocation = mechanism.allocate(bids, config, source);
  return { allocation, payments: mechanism.pay(bids, allocation, config) };
}
