import type { MechanismConfig } from './config.js';
import { getMechanism } from './registry.js';
import type { Bid, Mechanism, MechanismOutcome, Source } from './types.js';

export type { MechanismOutcome } from './types.js';

/**
 * Runs the mechanism named by a parsed config over `bids`: `allocate` (drawing from `source`) then
 * `pay`, or the mechanism's own `run` where it has one. The config object is the parameter object
 * (its extra `name` field is ignored).
 */
export function runMechanism(
  config: MechanismConfig,
  bids: readonly Bid[],
  source: Source,
): MechanismOutcome {
  // The registry pairs each name with its own params type; TypeScript cannot correlate the union
  // member of `config` with the union member of the mechanism, hence the widening here.
  const mechanism = getMechanism(config.name) as Mechanism<MechanismConfig>;
  if (mechanism.run) return mechanism.run(bids, config, source);
  const allocation = mechanism.allocate(bids, config, source);
  return { allocation, payments: mechanism.pay(bids, allocation, config) };
}
