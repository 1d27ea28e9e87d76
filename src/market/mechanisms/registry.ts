import { allPay, type AllPayParams } from './allPay.js';
import { blockAuction, type BlockAuctionParams } from './blockAuction.js';
import { executionTickets, type ExecutionTicketsParams } from './executionTickets.js';
import { firstPrice, type FirstPriceParams } from './firstPrice.js';
import { mevBurn, type MevBurnParams } from './mevBurn.js';
import { mevSmoothing, type MevSmoothingParams } from './mevSmoothing.js';
import { orderFlowAuction, type OrderFlowAuctionParams } from './orderFlowAuction.js';
import { partialBlock, type PartialBlockParams } from './partialBlock.js';
import { secondPrice, type SecondPriceParams } from './secondPrice.js';
import { slotAuction, type SlotAuctionParams } from './slotAuction.js';
import { tullock, type TullockParams } from './tullock.js';
import type { Mechanism } from './types.js';

/**
 * Names of every registered mechanism, as a readonly tuple of string literals (usable as
 * `z.enum(mechanismNames)`). Adding a mechanism is one file plus one entry here and in `registry`.
 */
export const mechanismNames = [
  'first-price',
  'second-price',
  'all-pay',
  'tullock',
  'execution-tickets',
  'mev-burn',
  'mev-smoothing',
  'partial-block',
  'slot-auction',
  'block-auction',
  'order-flow-auction',
] as const;

/** A registered mechanism's name. */
export type MechanismName = (typeof mechanismNames)[number];

/** Each mechanism's parameter object, by name. */
export interface MechanismParamsByName {
  'first-price': FirstPriceParams;
  'second-price': SecondPriceParams;
  'all-pay': AllPayParams;
  tullock: TullockParams;
  'execution-tickets': ExecutionTicketsParams;
  'mev-burn': MevBurnParams;
  'mev-smoothing': MevSmoothingParams;
  'partial-block': PartialBlockParams;
  'slot-auction': SlotAuctionParams;
  'block-auction': BlockAuctionParams;
  'order-flow-auction': OrderFlowAuctionParams;
}

/** The mechanism registered under `N`, typed with its own parameters. */
export type MechanismOf<N extends MechanismName> = Mechanism<MechanismParamsByName[N]>;

const registry: { readonly [N in MechanismName]: MechanismOf<N> } = {
  'first-price': firstPrice,
  'second-price': secondPrice,
  'all-pay': allPay,
  tullock,
  'execution-tickets': executionTickets,
  'mev-burn': mevBurn,
  'mev-smoothing': mevSmoothing,
  'partial-block': partialBlock,
  'slot-auction': slotAuction,
  'block-auction': blockAuction,
  'order-flow-auction': orderFlowAuction,
};

/** True if `name` is a registered mechanism name. */
export function isMechanismName(name: string): name is MechanismName {
  return (mechanismNames as readonly string[]).includes(name);
}

/**
 * The mechanism registered under `name`. Throws a RangeError (an Error) listing the known names
 * when `name` is not registered. For a parsed config of unknown name, see `runMechanism`.
 */
export function getMechanism<N extends MechanismName>(name: N): MechanismOf<N>;
export function getMechanism(name: string): MechanismOf<MechanismName>;
export function getMechanism(name: string): MechanismOf<MechanismName> {
  if (!isMechanismName(name)) {
    throw new RangeError(
      `unknown mechanism "${name}"; known mechanisms: ${mechanismNames.join(', ')}`,
    );
  }
  return registry[name] as MechanismOf<MechanismName>;
}
