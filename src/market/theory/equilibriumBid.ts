import type { MechanismConfig, MechanismConfigOf } from '../mechanisms/config.js';
import { ticketsBought } from '../mechanisms/executionTickets.js';
import { nonNegativeInteger, requireParam } from '../mechanisms/paramChecks.js';
import { getMechanism, mechanismNames, type MechanismName } from '../mechanisms/registry.js';
import type { Mechanism, Source } from '../mechanisms/types.js';
import { allPayEquilibrium, allPayEquilibriumBidAt } from './allPay.js';
import { indexOfHighest } from './contestEquilibrium.js';
import { tullockEquilibrium } from './tullock.js';
import { tullockBids, tullockFallbackReason } from './tullockBids.js';

/**
 * The increment ε by which a bidder outbids a tie, relative to the highest value: ε = 1e-9 · v(1).
 * Every winner-take-all mechanism here breaks ties uniformly (`winnerTakeAll`), so bidding exactly
 * v(2) would win only half the time; v(2) + ε wins outright (Neuder, Garimidi & Roughgarden 2024,
 * "On block-space distribution mechanisms", Aside #1: "b1 = b2 + ε").
 */
export const TIE_BREAK_INCREMENT = 1e-9;

/** Whether a mechanism has a known equilibrium bid (see `hasEquilibrium`). */
export type EquilibriumSupport =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string };

/** How one mechanism's bidders bid in equilibrium. */
interface EquilibriumStrategy<C> {
  /** Uniform draws one bidder's bid consumes: 0 for a pure equilibrium, 1 for a mixed one. */
  readonly draws: 0 | 1;
  /**
   * Bidder i's bid at uniform u (ignored when pure) given n ≥ 2 values, all > 0. Computes one
   * bid, not the profile: builders and searchers each ask for their own every slot.
   */
  readonly bidOf: (config: C, values: readonly number[], i: number, u: number) => number;
  /** Bid of the only bidder with a positive value (every other bidder has value 0 and bids 0). */
  readonly loneBid: (config: C, value: number) => number;
  /** Why no equilibrium is known for `players` bidders (undefined: for every count); or null. */
  readonly unsupported?: (config: C, players: number | undefined) => string | null;
}

/** A bid that beats bids of 0 outright (no tie to break, a Tullock weight of 1 against 0s). */
const beatZero = (_config: unknown, value: number) => TIE_BREAK_INCREMENT * value;

/**
 * Complete-information first price (the essay's Aside #1; `firstPriceEquilibrium`): the top value
 * bids v(2) + ε, ε = min(TIE_BREAK_INCREMENT · v(1), v(1) − v(2)) (never above the gap, 0 when the
 * top ties), everyone else its own value; revenue v(2) + ε. Bidder i's entry of
 * `firstPriceEquilibrium(values, ε).bids`, by the same arithmetic, without building the profile.
 */
const firstPriceLike: EquilibriumStrategy<unknown> = {
  draws: 0,
  bidOf: (_config, values, i) => {
    const first = indexOfHighest(values);
    const second = indexOfHighest(values, first);
    const gap = values[first]! - values[second]!;
    if (i !== first || !(gap > 0)) return values[i]!;
    return values[second]! + Math.min(TIE_BREAK_INCREMENT * values[first]!, gap);
  },
  loneBid: beatZero,
};

/** Vickrey (1961): truthful bidding is weakly dominant, so also the lone bidder bids its value. */
const truthful: EquilibriumStrategy<unknown> = {
  draws: 0,
  bidOf: (_config, values, i) => values[i]!,
  loneBid: (_config, value) => value,
};

const byPricing = (config: { readonly pricing: 'first-price' | 'second-price' }) =>
  config.pricing === 'first-price' ? firstPriceLike : truthful;

type Strategies = { readonly [N in MechanismName]?: EquilibriumStrategy<MechanismConfigOf<N>> };

const strategies: Strategies = {
  'first-price': firstPriceLike,
  'second-price': truthful,
  // Baye, Kovenock & de Vries (1996): the top two mix, one independent draw per bidder.
  'all-pay': {
    draws: 1,
    bidOf: (_config, values, i, u) => allPayEquilibriumBidAt(allPayEquilibrium(values), i, u),
    loneBid: beatZero,
  },
  tullock: {
    draws: 0,
    bidOf: (config, values, i) => tullockBids(values, config.alpha).bids[i]!,
    loneBid: beatZero,
    unsupported: (config, players) => tullockFallbackReason(config.alpha, players),
  },
  // A Tullock α = 1 contest in tickets: the α = 1 equilibrium spend, rounded down to whole tickets
  // (what the mechanism would buy with it); so every payoff stays ≥ 0, as the total spend stays
  // below each active value. The lone bidder buys one ticket if it is worth its price.
  'execution-tickets': {
    draws: 0,
    bidOf: (config, values, i) => {
      const price = config.ticketPrice;
      return ticketsBought(tullockEquilibrium(values).bids[i]!, price) * price;
    },
    loneBid: (config, value) => (value >= config.ticketPrice ? config.ticketPrice : 0),
  },
  // The committee's floor is an observed bid, so at most the top bid: the top bid always wins and
  // pays itself. Bidders face a first-price auction whatever the timing; the floor only splits
  // the payment (burned or to the committee) from the proposer's part.
  'mev-burn': firstPriceLike,
  'mev-smoothing': firstPriceLike,
  // First price on what each sells (the top-of-block slice; the slot ahead; the built block); APS-burn
  // is the slot ahead with mev-burn's floor, which splits the payment but never binds the top bid.
  'partial-block': firstPriceLike,
  'slot-auction': firstPriceLike,
  'aps-burn': firstPriceLike,
  'block-auction': firstPriceLike,
  // The rebate goes to the user, not a bidder: the pricing rule alone sets the bids.
  'order-flow-auction': {
    draws: 0,
    bidOf: (config, values, i, u) => byPricing(config).bidOf(config, values, i, u),
    loneBid: (config, value) => byPricing(config).loneBid(config, value),
  },
};

/** Names of the mechanisms with an equilibrium bid here, in registry order. */
export const EQUILIBRIUM_MECHANISMS: readonly MechanismName[] = mechanismNames.filter(
  (name) => strategies[name] !== undefined,
);

/** The strategy of a config's mechanism, with the config's parameters checked (RangeError). */
function strategyOf(mechanism: MechanismConfig): EquilibriumStrategy<MechanismConfig> | undefined {
  // An own property only (a name such as "constructor" is not a mechanism). As in runMechanism,
  // the union member of `mechanism` is not correlated with the table's, hence the widening.
  if (!Object.hasOwn(strategies, mechanism.name)) return undefined;
  const strategy = strategies[mechanism.name] as EquilibriumStrategy<MechanismConfig> | undefined;
  if (strategy === undefined) return undefined;
  (getMechanism(mechanism.name) as Mechanism<MechanismConfig>).validateParams(mechanism);
  return strategy;
}

function noStrategyReason(name: string): string {
  const known = EQUILIBRIUM_MECHANISMS.join(', ');
  return `no equilibrium bid is known for mechanism "${name}" (known: ${known})`;
}

/**
 * Whether `equilibriumBids` knows an equilibrium under `mechanism` with `players` bidders
 * (undefined: with any number of bidders). ok: false when the mechanism has no strategy here, or
 * when every value profile would get the documented fallback — Tullock with α ≠ 1 and more than
 * two bidders (or `players` undefined), or α > 2. ok: true may still depend on the values: two-player Tullock with
 * 1 < α ≤ 2 falls back when v_low/v_high < (α − 1)^(1/α) (see `equilibriumBidFor`).
 * Throws a RangeError if the parameters are invalid or `players` is not an integer ≥ 0.
 */
export function hasEquilibrium(mechanism: MechanismConfig, players?: number): EquilibriumSupport {
  if (players !== undefined) requireParam(nonNegativeInteger, 'players', players);
  const strategy = strategyOf(mechanism);
  if (strategy === undefined) return { ok: false, reason: noStrategyReason(mechanism.name) };
  const reason = strategy.unsupported?.(mechanism, players) ?? null;
  return reason === null ? { ok: true } : { ok: false, reason };
}

/** The strategy of a config's mechanism, its parameters checked (RangeError for either). */
function requireStrategy(mechanism: MechanismConfig): EquilibriumStrategy<MechanismConfig> {
  const strategy = strategyOf(mechanism);
  if (strategy === undefined) throw new RangeError(noStrategyReason(mechanism.name));
  return strategy;
}

/** How many values are > 0; throws a RangeError naming the first that is not finite and ≥ 0. */
function countPositive(values: readonly number[]): number {
  let active = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`value ${i} is ${v}: must be a finite number >= 0`);
    if (v > 0) active++;
  }
  return active;
}

/**
 * Bidder `me`'s bid at uniform `u`, `active` of the values being > 0. Bidders with value 0 bid 0 (a
 * positive bid can only lose them money); the others play the equilibrium of their own values, as
 * bids of 0 never win against a positive bid.
 */
function bidAmongActive(strategy: EquilibriumStrategy<MechanismConfig>, mechanism: MechanismConfig, values: readonly number[], active: number, me: number, u: number): number {
  const own = values[me]!;
  if (!(own > 0)) return 0;
  if (active < 2) return strategy.loneBid(mechanism, own);
  if (active === values.length) return strategy.bidOf(mechanism, values, me, u);
  const activeValues: number[] = [];
  let rank = 0; // me's index among the active
  for (let j = 0; j < values.length; j++) {
    if (!(values[j]! > 0)) continue;
    if (j < me) rank++;
    activeValues.push(values[j]!);
  }
  return strategy.bidOf(mechanism, activeValues, rank, u);
}

/**
 * Bidder `me`'s complete-information equilibrium bid under `mechanism` (a parsed config), in the
 * numéraire of `values`: each bidder's value for what the mechanism sells (for partial-block the
 * top-of-block slice, for slot-auction the expected value of the slot), finite, ≥ 0 and common
 * knowledge. Uses exactly one uniform from `source` under all-pay, whatever the values, and
 * none under every other mechanism.
 *
 * - first-price, block-auction, slot-auction, partial-block, and order-flow-auction with
 *   first-price pricing: the top value bids v(2) + ε (ε = min(TIE_BREAK_INCREMENT · v(1),
 *   v(1) − v(2))), the others their values (`firstPriceEquilibrium`; the essay's Aside #1).
 *   Revenue v(2) + ε.
 * - mev-burn, mev-smoothing: the same bids. The committee's floor is a bid some members observed,
 *   so never above the top bid; the top bid therefore always wins and pays itself, whatever the
 *   bid times, and the floor only decides how the payment splits between burn (or committee) and
 *   proposer. If every bid is seen by the deadline, the floor is the top bid and all of it is burned.
 * - second-price, and order-flow-auction with second-price pricing: truthful (Vickrey 1961).
 *   The order-flow rebate goes to the user, so it does not change the bids.
 * - all-pay: Baye, Kovenock & de Vries (1996), `me`'s own marginal by inverse CDF
 *   (`allPayEquilibriumBidAt`); a product of marginals, so bidders may draw independently.
 * - tullock: `tullockBids` (α = 1: Hillman & Riley 1989, Stein 2002; α ≠ 1: Nti 1999 for two
 *   bidders, Pérez-Castrillo & Verdier 1992 for equal values).
 * - execution-tickets: the Tullock α = 1 equilibrium spend rounded down to whole tickets
 *   (⌊b / ticketPrice⌋ · ticketPrice, what the mechanism would spend of b). Each bid is below the
 *   equilibrium spend by less than one ticket price; with tickets that are coarse against the
 *   spends this is far from an equilibrium of the whole-ticket game.
 *
 * Bidders with value 0 bid 0. With fewer than two positive values, the lone positive bidder bids
 * the least bid that wins against the zeros: TIE_BREAK_INCREMENT · v under winner-take-all rules
 * and Tullock, one ticket under execution tickets (none if ticketPrice > v); under second-price
 * pricing it bids its value (truthful; it pays 0).
 *
 * Fallback, so that a market run never stops: Tullock with α ≠ 1 and values neither closed form
 * covers bids the α = 1 equilibrium of the same values (not an equilibrium of the α contest);
 * `hasEquilibrium` reports the configs under which that happens for every value profile. Throws a
 * RangeError for a mechanism without a strategy, invalid parameters or values, or `me` out of range.
 */
export function equilibriumBidFor(
  mechanism: MechanismConfig,
  values: readonly number[],
  me: number,
  source: Source,
): number {
  const strategy = requireStrategy(mechanism);
  const active = countPositive(values);
  if (!(Number.isInteger(me) && me >= 0 && me < values.length)) {
    throw new RangeError(`me must be an index into ${values.length} values, got ${me}`);
  }
  return bidAmongActive(strategy, mechanism, values, active, me, strategy.draws === 1 ? source() : 0);
}

/**
 * One draw of every bidder's equilibrium bid (see `equilibriumBidFor`): the same as calling
 * `equilibriumBidFor` for bidders 0, 1, … in turn with `source`, so under all-pay each bid is an
 * independent draw from its own marginal (values.length draws) and otherwise no draw is made.
 * Each bid solves the contest afresh (all-pay, Tullock: O(n log n) each, so O(n² log n) for the
 * profile): the model asks for one bidder's bid at a time, and a market has a few builders.
 */
export function equilibriumBids(
  mechanism: MechanismConfig,
  values: readonly number[],
  source: Source,
): number[] {
  const strategy = requireStrategy(mechanism);
  const active = countPositive(values);
  return values.map((_, i) => bidAmongActive(strategy, mechanism, values, active, i, strategy.draws === 1 ? source() : 0));
}
