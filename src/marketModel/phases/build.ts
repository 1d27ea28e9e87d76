import { blockBuiltAgain, buildBlock, orderedByBidsAlone, visibleBundles, type BuiltBlock } from '../../agents/builders/buildBlock.js';
import type { Bundle } from '../../market/orders/types.js';
import type { Pool } from '../../market/amm/types.js';
import type { Source } from '../../engine/randomStreams.js';
import { builderSources, withChoice } from '../bidding.js';
import { placedOutsideBlock } from '../orderingPolicy.js';
import type { ModelRuntime } from '../runtime.js';
import type { Candidate } from '../slot.js';
import type { WorldState } from '../types.js';

/** The prefix of each builder's stream for what it sees and how it orders its block (`builder/<id>`). */
const BUILD_STREAM = 'builder/';

/**
 * Phase 4 (decide): each builder assembles its candidate block from the bundles it sees (exclusive
 * flow, skill) on the auctioned rollups; bundles whose place is not the block's to sell are left out
 * (`placedOutsideBlock`) — on rollups ordered by arrival (fcfs, timeboost) every block carries them
 * in arrival order (the rollup's rule, DESIGN.md §3), on priority-fee rollups the rollup sells them
 * by fee, and the backruns of the order-flow auction's users are sold by the OFA. No candidates
 * without builders.
 */
export function buildCandidates(rt: ModelRuntime): (world: WorldState, bundles: readonly Bundle[], arms?: readonly number[]) => Candidate[] {
  let configured: (number | undefined)[] | null = null; // the config never changes: resolved once
  return (world, bundles, arms) => {
    if (world.builders.length === 0) return [];
    configured ??= world.config.searchers.map((s) => builderIndex(world, s.exclusiveBuilder));
    // A searcher learning which builder gets its flow has this slot's arm's builder instead.
    const exclusive = arms === undefined || !anyArm(arms) ? configured : withArms(world, configured, arms);
    // Loops, not filter/map with closures: this runs every slot.
    const forSale: Bundle[] = [];
    for (let k = 0; k < bundles.length; k++) if (!placedOutsideBlock(world, bundles[k]!)) forSale.push(bundles[k]!);
    const pools: Pool[] = [];
    for (let r = 0; r < world.rollups.length; r++) pools.push(world.rollups[r]!.pool);
    const candidates: Candidate[] = [];
    const sources = builderSources(rt, world, BUILD_STREAM); // once per run, not two map lookups per builder and slot
    for (let i = 0; i < world.builders.length; i++) {
      const source = sources[i]!;
      const seen = visibleBundles(forSale, exclusive, i, world.config.builders[i]!.skill, source);
      const block = sameBlockAs(candidates, seen, source) ?? buildBlock(seen, pools, source);
      candidates.push({ included: block.included, valueByRollupY: block.valueByRollupY, seen });
    }
    lastCandidates = candidates;
    lastPools = pools;
    return candidates;
  };
}

/**
 * The block of a builder that saw the same bundles, in the same order, as an earlier builder of the
 * slot (on the same pools), when their bids alone order them: that builder's block, which
 * `buildBlock` would rebuild bit for bit (with the same draws, `blockBuiltAgain`). Else null. Most
 * slots' builders all see the same few bundles: this skips their simulation, not their draws.
 */
function sameBlockAs(candidates: readonly Candidate[], seen: readonly Bundle[], source: Source): BuiltBlock | null {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (!sameList(c.seen, seen)) continue;
    return orderedByBidsAlone(seen) ? blockBuiltAgain(c, seen.length, source) : null;
  }
  return null;
}

/** The same bundles in the same order (compared by identity). */
function sameList(a: readonly Bundle[], b: readonly Bundle[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** True when some searcher plays an arm of its choices this slot (−1: none). */
function anyArm(arms: readonly number[]): boolean {
  for (const a of arms) if (a >= 0) return true;
  return false;
}

/** The index of the builder `id` (undefined for none). */
function builderIndex(world: WorldState, id: string | undefined): number | undefined {
  return id === undefined ? undefined : world.builders.findIndex((b) => b.id === id);
}

/** Each searcher's exclusive builder with this slot's arms applied (a searcher without an arm, −1, keeps its configured one). */
function withArms(world: WorldState, configured: readonly (number | undefined)[], arms: readonly number[]): (number | undefined)[] {
  return configured.map((e, i) => (arms[i]! < 0 ? e : builderIndex(world, withChoice(world, i, arms[i]!).exclusiveBuilder)));
}

/*
 * The last candidates built (by any run) and the pools they were built on. Only the slot's own
 * candidates are asked about, by the counterfactual phase of the same slot step, so one entry
 * answers every question; older candidates get undefined (as if unknown), and the counterfactual
 * phase then rebuilds without the seed, which gives the same values. One entry, not a WeakMap entry
 * per slot, whose table grows between collections (~0.5 µs a slot).
 */
let lastCandidates: readonly Candidate[] | null = null;
let lastPools: readonly Pool[] | undefined;

/** The pools `candidates` were built on when they are the last candidates built, else undefined (pools are immutable values: compare by identity). */
export function poolsBuiltOn(candidates: readonly Candidate[]): readonly Pool[] | undefined {
  return candidates === lastCandidates ? lastPools : undefined;
}
