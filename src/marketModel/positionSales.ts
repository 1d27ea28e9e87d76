import type { Source } from '../engine/randomStreams.js';
import { allocateBundles, type PaymentRule } from '../market/orders/allocateBundles.js';
import type { Allocated, Bundle } from '../market/orders/types.js';
import { blockMechanism } from './bidding.js';
import type { Placement } from './orderingPolicy.js';
import type { WorldState } from './types.js';

// The auction phase's sales of positions without a builder (phases/auction.ts): which of a
// sequencing group's bundles each placement rule takes, and how the proposer, a priority-fee
// sequencer or arrival order hands out their positions.

/** True when every rollup the bundle acts on is in `group` (a loop: it runs for every bundle and group in every slot). */
export function within(b: Bundle, group: readonly number[]): boolean {
  const t = b.target;
  if (t.kind !== 'top') return group.includes(t.rollup);
  for (const r of t.rollups) if (!group.includes(r)) return false;
  return true;
}

/** Appends to `out` the group's bundles on rollups ordered by arrival (fcfs, timeboost): carried by every block in arrival order, unsold (they pay nothing). */
export function pushFcfsBundles(out: Allocated[], bundles: readonly Bundle[], placements: readonly Placement[], group: readonly number[]): void {
  for (let i = 0; i < bundles.length; i++) if (placements[i] === 'fcfs' && within(bundles[i]!, group)) out.push({ bundle: bundles[i]!, paymentGas: 0 });
}

/** The bundles of `group` placed `placement`, in order. */
export function inGroupWhere(bundles: readonly Bundle[], placements: readonly Placement[], group: readonly number[], placement: Placement): Bundle[] {
  const out: Bundle[] = [];
  for (let i = 0; i < bundles.length; i++) if (placements[i] === placement && within(bundles[i]!, group)) out.push(bundles[i]!);
  return out;
}

/**
 * Priority-fee ordering (OP Stack, Base): the rollup's sequencer orders its block by priority fee, so
 * each position (top of block, the spot behind a user, a sandwich's pair) goes to the highest fee —
 * the searchers' bids, paid as priority fees, first-price (ties uniform, from the group's stream
 * `priority-fee/<key>`); the others lose the position (their transactions would revert: they pay
 * nothing). The fee is the rollup's
 * (its treasury), not the proposer's nor a builder's (Robinson & White 2024, "Priority Is All You
 * Need", paradigm.xyz/2024/06/priority-is-all-you-need: with competitive searchers the priority fee
 * bids up to the opportunity's value). An atomic bundle across such a rollup and another pays its
 * whole fee to the treasury of the rollup it pays on (`bidRollup`).
 */
export function sellByPriorityFee(bundles: readonly Bundle[], placements: readonly Placement[], group: readonly number[], sourceOf: () => Source): Allocated[] {
  const mine = inGroupWhere(bundles, placements, group, 'priority-fee');
  // The stream is created only when used (a run without priority-fee bundles keeps its streams).
  return mine.length === 0 ? [] : allocateBundles(mine, 'first-price', sourceOf()).map((a) => ({ bundle: a.bundle, paymentGas: a.paymentGas, payee: 'rollup' as const }));
}

/** Direct mode: the proposer sells the positions its block sells to searchers (not those placed by arrival — fcfs, timeboost — by priority fee or by the OFA). */
export function sellPositions(world: WorldState, bundles: readonly Bundle[], placements: readonly Placement[], group: readonly number[], source: Source): Allocated[] {
  const forSale = inGroupWhere(bundles, placements, group, 'block');
  return allocateBundles(forSale, blockMechanism(world).name as PaymentRule, source);
}

