import type { Source } from '../engine/randomStreams.js';
import type { LocalBuild } from '../market/mechanisms/partialBlock.js';
import { shuffledIndices } from '../market/orders/allocateBundles.js';
import { positionsOf } from '../market/orders/positions.js';
import type { Allocated, Bundle } from '../market/orders/types.js';
import type { Candidate } from './slot.js';
import type { WorldState } from './types.js';

/*
 * The partial-block auction in the market (issue 13, item 3): only the top `topOfBlockShare` of the
 * block's space is auctioned to builders; the proposer builds the rest itself.
 *
 * Block space is counted in bundles. The space for sale on a group of rollups this slot is
 * N = the number of its bundles for sale (`placedOutsideBlock` false: not on a rollup ordered by arrival
 * or by priority fee) that could all be in one block by
 * position: every top-of-block bundle (tops do not share a position; they conflict only in
 * execution, which the builders' simulation resolves) plus one bundle per user swap that a backrun
 * or sandwich targets (they all need the spot right behind it). No block holds more than N of the
 * slot's bundles. The auctioned part is at most k = ⌈share × N⌉ of them: each builder's k
 * highest-bid bundles of its greedy block (`buildBlock` includes them in bid order, so they are the
 * first k), executed at the top of the block; each builder values and bids on that part only
 * (builders are told N, as a proposer announcing the space it sells would). The local part is at
 * most N − k bundles, taken by the proposer from every bundle for sale outside the winning auctioned
 * part (searchers send their bundles to the proposer's local build too; exclusivity with a builder
 * covers only the auctioned part), without a position the auctioned part or an earlier local bundle
 * holds (as `allocateBundles` resolves conflicts): `greedy` by bid, executed after the auctioned
 * part; `fcfs` by arrival, executed at arrival times. Its bundles pay their bids to the proposer
 * directly, as in a direct sale. With share = 1 the auctioned part is the whole block (k = N holds
 * every builder's block) and there is no local part: the outcome is first-price's.
 */

/** A partial-block auction's rules: the auctioned share of the block and how the proposer builds the rest. */
export interface PartialRules {
  readonly share: number;
  readonly localBuild: LocalBuild;
}

/** The partial-block rules of the configured mechanism, or null when the whole block is sold. */
export function partialRules(world: WorldState): PartialRules | null {
  const m = world.config.mechanism;
  return m.name === 'partial-block' ? { share: m.topOfBlockShare, localBuild: m.localBuild } : null;
}

/** N: the bundles for sale that could all be in one block by position (every top, one per targeted user swap). */
export function blockSpace(forSale: readonly Bundle[]): number {
  const users = new Set<number>();
  let tops = 0;
  for (const b of forSale) {
    if (b.target.kind === 'top') tops++;
    else users.add(b.target.userId);
  }
  return tops + users.size;
}

/** k = ⌈share × N⌉, with share × N rounded to 1e-9 first (so 0.3 × 10 is 3, not 4); N when share = 1. */
export function auctionedSpace(share: number, n: number): number {
  return Math.min(n, Math.ceil(Math.round(share * n * 1e9) / 1e9));
}

/** A builder's auctioned part: the first `k` bundles of its block (its highest bids, top of block first). */
export function auctionedPart(included: readonly Bundle[], k: number): readonly Bundle[] {
  return included.length <= k ? included : included.slice(0, k);
}

/**
 * The proposer's local part: at most `capacity` bundles of `rest`, each needing no position that
 * `auctioned` or a bundle taken before it holds; taken by bid (`greedy`) or by arrival time
 * (`fcfs`), ties in a random order (one shuffle from `source`). Returned in the order taken.
 */
export function localPart(rest: readonly Bundle[], auctioned: readonly Bundle[], capacity: number, rule: LocalBuild, source: Source): Bundle[] {
  if (capacity <= 0 || rest.length === 0) return [];
  const order = shuffledIndices(rest.length, source);
  order.sort(rule === 'greedy' ? (i, j) => rest[j]!.bidY - rest[i]!.bidY : (i, j) => rest[i]!.arrivalMs - rest[j]!.arrivalMs);
  const taken = new Set(auctioned.flatMap((b) => positionsOf(b.target)));
  const out: Bundle[] = [];
  for (const i of order) {
    if (out.length >= capacity) break;
    const spots = positionsOf(rest[i]!.target);
    if (spots.some((p) => taken.has(p))) continue;
    for (const p of spots) taken.add(p);
    out.push(rest[i]!);
  }
  return out;
}

/** One group's partial-block sale: each builder's auctioned part and its gross value, and how to build the rest. */
export interface PartialSale {
  /** Per builder, the bundles of its block it sells in the auction (top of block first). */
  readonly parts: readonly (readonly Bundle[])[];
  /** Per builder, Σ bids of its part (Y): what it values and bids on, before its cost. */
  readonly grossY: readonly number[];
  /** The local part around the winner's auctioned part, as allocations paid to the proposer; ties drawn from `sourceOf()` (asked for only when there is local space). */
  local(won: readonly Bundle[], sourceOf: () => Source): Allocated[];
}

/**
 * The partial-block sale of one group's block, or null when the mechanism sells whole blocks.
 * `forSale` are the group's bundles for sale (not on an fcfs rollup), `inGroup` tells a bundle acting
 * only on the group. A builder whose block fits the auctioned space keeps `fullGrossY` (so share = 1
 * reproduces the whole-block sale exactly).
 */
export function partialSale(
  world: WorldState,
  forSale: readonly Bundle[],
  candidates: readonly Candidate[],
  inGroup: (b: Bundle) => boolean,
  fullGrossY: readonly number[],
): PartialSale | null {
  const rules = partialRules(world);
  if (rules === null) return null;
  const n = blockSpace(forSale);
  const k = auctionedSpace(rules.share, n);
  const blocks = candidates.map((c) => c.included.filter(inGroup));
  const parts = blocks.map((b) => auctionedPart(b, k));
  const grossY = parts.map((part, i) => (part.length === blocks[i]!.length ? fullGrossY[i]! : part.reduce((a, b) => a + b.bidY, 0)));
  return {
    parts,
    grossY,
    local(won, sourceOf) {
      if (n - k <= 0) return [];
      const inPart = new Set(won);
      const rest = forSale.filter((b) => !inPart.has(b));
      return localPart(rest, won, n - k, rules.localBuild, sourceOf()).map((bundle) => ({ bundle, paymentGas: bundle.bidGas, localBuild: rules.localBuild }));
    },
  };
}
