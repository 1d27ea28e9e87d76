import { buildBlock } from '../agents/builders/buildBlock.js';
import { builderRebuilds, rebuiltGrossY, refillRebuilds, seedWithRealBlock, within, type BuilderRebuilds } from './coalitionBuilds.js';
import { targetMask } from './coalitionBlocks.js';
import { poolsBuiltOn } from './phases/build.js';
import { fixedFractionBids, fixedFractionFirstPrice, fixedFractionFirstPriceEvery } from './fixedFractionValue.js';
import { blockMechanism, builderBids, builderChoices } from './bidding.js';
import { runMechanism } from '../market/mechanisms/runMechanism.js';
import { allocateBundles, type PaymentRule } from '../market/orders/allocateBundles.js';
import { rollupsOf } from '../market/orders/positions.js';
import type { Bundle } from '../market/orders/types.js';
import { sellOrderFlow } from './orderFlow.js';
import { pendingOfaUsers, placedOutsideBlock } from './orderingPolicy.js';
import { partialRules, partialSale } from './partialBlock.js';
import type { Source } from '../engine/randomStreams.js';
import type { Pool } from '../market/amm/types.js';
import type { ModelRuntime } from './runtime.js';
import type { Candidate } from './slot.js';
import type { WorldState } from './types.js';

const inMask = (b: Bundle, mask: number) => rollupsOf(b.target).every((r) => (mask >> r) & 1);

/**
 * The revenue of this slot's auction had only the rollups in `mask` (a bitmask over rollup
 * indices) shared the sequencer: v(S), DESIGN.md §6. With builders, each builder re-builds its block
 * from the bundles it saw that act only on S (an atomic bundle spanning a rollup outside S drops
 * out) and bids for it by its strategy (a learner as it would now, drawing from this stream); the mechanism runs on those bids. Without builders, the proposer sells S's
 * positions to the searchers. Counterfactuals read the pools before execution, draw only from their
 * own streams (`counterfactual/<mask>`) and change nothing: the real outcome is the same with or
 * without them. Under `partial-block` builders bid on their rebuilt blocks' tops and v(S) adds the
 * bids of the proposer's local part (partialBlock.ts), as the real proposer receives them. v(S) is what the proposer would have received (Y): the winning bid under
 * first-price; under a burning mechanism the burn is not revenue the rollups could share, so it is
 * left out, as it is from the real revenue that is split. Positions placed outside the block by
 * their rollups' rules (arrival order, priority fees kept by the rollup) are not the proposer's and
 * stay out; under `order-flow-auction` v(S) adds the proposer's part, (1 − rebateFraction) × the
 * clearing price, of the OFA's sales of S's swaps, as the real revenue does.
 */
export function counterfactualValue(world: WorldState, rt: ModelRuntime, bundles: readonly Bundle[], candidates: readonly Candidate[], mask: number): number {
  return counterfactualValueIn(slotBundles(world, bundles, candidates), world, mask, coalitionSource(rt, mask));
}

/** One slot's bundles with each one's rollups as a bitmask, computed once for all of the slot's coalitions. */
interface SlotBundles {
  readonly bundles: readonly Bundle[];
  /** Each of `bundles`' rollups as a bitmask (only where read: no builders, or partial-block). */
  readonly masks: Int32Array;
  readonly candidates: readonly Candidate[];
  /** `masks` of each candidate's `seen` (entries from `seen.length` on unused): every candidate's under partial-block, else only those of a list no earlier builder saw. */
  readonly seenMasks: readonly Int32Array[];
  /** Each builder's blocks by component, shared by the slot's coalitions (coalitionBuilds.ts). */
  readonly rebuilds: readonly BuilderRebuilds[];
  /** The pools the blocks are built on (before execution). */
  readonly pools: readonly Pool[];
  /** Every builder bids `fixed-fraction` (its bid a function of its block's value alone). */
  readonly fixedFraction: boolean;
  /** Scratch for the builders' bid amounts of one coalition (`fixedFractionAmounts`). */
  readonly amounts: Float64Array;
  /** Every builder's `bidTimeMs` is finite or absent (else its bids take the mechanism's path, which rejects them). */
  readonly bidTimesFinite: boolean;
  /**
   * Builders, every one `fixed-fraction`, under plain `first-price` (no partial block, no order-flow
   * auction): v(S) is `fixedFractionFirstPrice`, what `blockValue` would reach after its tests.
   */
  readonly fixedFractionFirstPrice: boolean;
}

function masksOf(list: readonly Bundle[]): Int32Array {
  return masksInto(new Int32Array(list.length), list);
}

/** `list`'s rollup masks written into `buffer` (grown when too short); returns the buffer. */
function masksInto(buffer: Int32Array, list: readonly Bundle[]): Int32Array {
  const masks = buffer.length >= list.length ? buffer : new Int32Array(Math.max(list.length, 2 * buffer.length));
  for (let k = 0; k < list.length; k++) masks[k] = targetMask(list[k]!);
  return masks;
}

const NO_MASKS = new Int32Array(0);

/** The per-run buffers a slot's `SlotBundles` is refilled into (one set per run, not per slot). */
interface SlotBuffers {
  seenMasks: Int32Array[];
  /** Each builder's rebuild state, refilled each slot. */
  rebuildState: BuilderRebuilds[];
  /** The slot's rebuilds (none under partial-block). */
  rebuilds: BuilderRebuilds[];
  pools: Pool[];
  amounts: Float64Array;
  fixedFraction: boolean | undefined;
  bidTimesFinite: boolean | undefined;
}

function slotBuffers(): SlotBuffers {
  return { seenMasks: [], rebuildState: [], rebuilds: [], pools: [], amounts: new Float64Array(0), fixedFraction: undefined, bidTimesFinite: undefined };
}

function slotBundles(world: WorldState, bundles: readonly Bundle[], candidates: readonly Candidate[], buffers: SlotBuffers = slotBuffers()): SlotBundles {
  const { seenMasks, pools, rebuilds, rebuildState } = buffers;
  const partial = partialRules(world) !== null;
  // Plain loops, lengths set only when they change: this runs every slot.
  if (seenMasks.length !== candidates.length) seenMasks.length = candidates.length;
  // Every candidate's masks under partial-block (it reads them all); else only those of a list no earlier builder saw (below).
  if (partial) for (let i = 0; i < candidates.length; i++) seenMasks[i] = masksInto(seenMasks[i] ?? NO_MASKS, candidates[i]!.seen);
  if (pools.length !== world.rollups.length) pools.length = world.rollups.length;
  for (let r = 0; r < pools.length; r++) pools[r] = world.rollups[r]!.pool;
  // Rebuilds overwritten in place, the list cut only when longer (`length = 0` would drop its storage).
  const rebuilt = partial ? 0 : candidates.length;
  if (rebuilds.length > rebuilt) rebuilds.length = rebuilt;
  for (let i = 0; i < rebuilt; i++) {
    const seen = candidates[i]!.seen;
    // A builder that saw the same list as an earlier one rebuilds the same blocks: it shares that one's state.
    const same = sameListBefore(candidates, i);
    if (same >= 0) {
      rebuilds[i] = rebuilds[same]!;
      continue;
    }
    seenMasks[i] = masksInto(seenMasks[i] ?? NO_MASKS, seen);
    const r = rebuildState[i];
    rebuilds[i] = r === undefined ? (rebuildState[i] = builderRebuilds(seen, seenMasks[i]!)) : refillRebuilds(r, seen, seenMasks[i]!);
  }
  // The builders' real blocks were built on these pools (the build phase ran on the same, unexecuted pools): they are the grand coalition's rebuilds.
  if (samePools(poolsBuiltOn(candidates), pools)) for (let i = 0; i < rebuilds.length; i++) if (rebuilds[i] === rebuildState[i]) seedWithRealBlock(rebuilds[i]!, candidates[i]!);
  // Every builder's strategy is configuration: decided once per run.
  const fixedFraction = (buffers.fixedFraction ??= world.config.builders.every((b) => b.strategy.name === 'fixed-fraction'));
  const bidTimesFinite = (buffers.bidTimesFinite ??= world.config.builders.every((b) => b.bidTimeMs === undefined || Number.isFinite(b.bidTimeMs)));
  if (buffers.amounts.length !== world.builders.length) buffers.amounts = new Float64Array(world.builders.length);
  // The slot's own bundles are filtered by coalition only without builders or under partial-block.
  const masks = world.builders.length === 0 || partial ? masksOf(bundles) : NO_MASKS;
  const firstPrice = fixedFraction && world.builders.length > 0 && world.config.mechanism.name === 'first-price';
  return { bundles, masks, candidates, seenMasks, rebuilds, pools, fixedFraction, amounts: buffers.amounts, bidTimesFinite, fixedFractionFirstPrice: firstPrice };
}

/** The first builder before `i` that saw the same bundles in the same order (compared by identity), or −1. */
function sameListBefore(candidates: readonly Candidate[], i: number): number {
  const seen = candidates[i]!.seen;
  for (let j = 0; j < i; j++) {
    const other = candidates[j]!.seen;
    if (other.length !== seen.length) continue;
    let k = 0;
    while (k < seen.length && seen[k] === other[k]) k++;
    if (k === seen.length) return j;
  }
  return -1;
}

/** The same pools, one for one (pools are immutable values: compared by identity). */
function samePools(builtOn: readonly Pool[] | undefined, pools: readonly Pool[]): boolean {
  if (builtOn === undefined || builtOn.length !== pools.length) return false;
  for (let r = 0; r < pools.length; r++) if (builtOn[r] !== pools[r]) return false;
  return true;
}

const sourcesByRuntime = new WeakMap<ModelRuntime, Source[]>();

/** The stream `counterfactual/<mask>`'s source, looked up once per run and mask rather than by building its path every call. */
function coalitionSource(rt: ModelRuntime, mask: number): Source {
  let sources = sourcesByRuntime.get(rt);
  if (!sources) sourcesByRuntime.set(rt, (sources = []));
  return (sources[mask] ??= rt.dist(`counterfactual/${mask}`).source);
}

/** v(S) for `mask`, drawing from its stream's `source` (`coalitionSource`). */
function counterfactualValueIn(slot: SlotBundles, world: WorldState, mask: number, source: Source): number {
  if (mask === 0) return 0;
  // `+ 0`: what adding `orderFlowValue`'s 0 does (a −0 from the mechanism's path becomes 0).
  if (slot.fixedFractionFirstPrice) return fixedFractionFirstPrice(world, slot, mask, source) + 0;
  return blockValue(world, slot, mask, source) + orderFlowValue(world, slot.bundles, mask, source);
}

/** The proposer's part of the order-flow auction's sales of S's swaps, in Y (0 under any other mechanism). */
function orderFlowValue(world: WorldState, bundles: readonly Bundle[], mask: number, source: Source): number {
  const m = world.config.mechanism;
  if (m.name !== 'order-flow-auction') return 0;
  const group = world.rollups.map((r) => r.index).filter((r) => (mask >> r) & 1);
  const sold = sellOrderFlow(world, bundles, group, pendingOfaUsers(world), () => source);
  return sold.reduce((a, w) => a + (1 - m.rebateFraction) * w.bundle.bidY * (w.bundle.bidGas > 0 ? w.paymentGas / w.bundle.bidGas : 0), 0);
}

/** What the proposer would receive for the block of S's rollups (see `counterfactualValue`). */
function blockValue(world: WorldState, slot: SlotBundles, mask: number, source: Source): number {
  const { bundles, candidates } = slot;
  if (world.builders.length === 0) {
    const forSale = within(bundles, slot.masks, mask).filter((b) => !placedOutsideBlock(world, b));
    return allocateBundles(forSale, blockMechanism(world).name as PaymentRule, source).reduce((a, w) => a + w.bundle.bidY * (w.bundle.bidGas > 0 ? w.paymentGas / w.bundle.bidGas : 0), 0);
  }
  const pools = slot.pools;
  if (partialRules(world) === null) {
    // The whole block is sold: only each rebuilt block's total value matters, shared across coalitions by component.
    if (slot.fixedFraction) {
      const mechanism = blockMechanism(world);
      if (mechanism.name === 'first-price') return fixedFractionFirstPrice(world, slot, mask, source);
      return runMechanism(mechanism, fixedFractionBids(world, slot, mask, source), source).payments.toProposer;
    }
    const grossY = slot.rebuilds.map((r) => rebuiltGrossY(r, mask, pools, source));
    return runMechanism(blockMechanism(world), builderBids(world, builderChoices(world, grossY, () => source).choices.map((c) => c.bidY)), source).payments.toProposer;
  }
  const inS = (b: Bundle) => inMask(b, mask);
  // Field by field, not `{ ...c, ...built }` (a V8 slow path, bench/README.md).
  const rebuilt = candidates.map((c, i): Candidate => {
    const { included, valueByRollupY } = buildBlock(within(c.seen, slot.seenMasks[i]!, mask), pools, source);
    return { included, valueByRollupY, seen: c.seen };
  });
  const fullGrossY = rebuilt.map((c) => c.valueByRollupY.reduce((a, v) => a + v, 0));
  // A partial-block auction sells each builder's top of block and the proposer keeps its local part's bids.
  const partial = partialSale(world, within(bundles, slot.masks, mask).filter((b) => !placedOutsideBlock(world, b)), rebuilt, inS, fullGrossY)!;
  const { choices } = builderChoices(world, partial.grossY, () => source);
  const bids = builderBids(world, choices.map((c) => c.bidY));
  const { allocation, payments } = runMechanism(blockMechanism(world), bids, source);
  const w = allocation.winnerIndex;
  const local = partial.local(w === null ? [] : partial.parts[w]!, () => source);
  return local.reduce((a, l) => a + l.bundle.bidY, payments.toProposer);
}

/**
 * v(S) slot by slot: `forSlot(world, bundles, candidates, every)` starts a slot and returns v for it,
 * each v(S) computed on first use and remembered for the rest of the slot. One per run: its table and
 * the slot's buffers are refilled each slot, not allocated (the v of a slot is valid until the next
 * `forSlot`). `every`: the caller will ask for every coalition this slot; then, with fixed-fraction
 * builders under first-price, all values are computed at once (`fixedFractionFirstPriceEvery`: each
 * coalition has its own stream, so the order they are computed in changes no draw).
 */
export function coalitionValues(rt: ModelRuntime): (world: WorldState, bundles: readonly Bundle[], candidates: readonly Candidate[], every?: boolean) => (mask: number) => number {
  let values = new Float64Array(0);
  // values[mask] is this slot's when knownIn[mask] === slotStamp: a new slot forgets them all by a new stamp, not by clearing.
  let knownIn = new Uint32Array(0);
  let slotStamp = 0;
  let size = 0;
  // Beyond 12 rollups (as many as the exact rules take) values are remembered in a Map.
  const others = new Map<number, number>();
  const buffers = slotBuffers();
  const sources: Source[] = []; // by mask: `coalitionSource` without its per-call lookup of the run
  let world: WorldState | null = null;
  let bundles: readonly Bundle[] = [];
  let candidates: readonly Candidate[] = [];
  let slot: SlotBundles | null = null;
  const sourceOf = (mask: number): Source => (sources[mask] ??= coalitionSource(rt, mask));
  const v = (mask: number): number => {
    if (mask === 0) return 0; // v(∅), by definition: no stream
    const inTable = mask >= 0 && mask < size;
    if (inTable && knownIn[mask] === slotStamp) return values[mask]!;
    const remembered = inTable ? undefined : others.get(mask);
    if (remembered !== undefined) return remembered;
    slot ??= slotBundles(world!, bundles, candidates, buffers);
    const value = counterfactualValueIn(slot, world!, mask, sourceOf(mask));
    if (inTable) {
      values[mask] = value;
      knownIn[mask] = slotStamp;
    } else others.set(mask, value);
    return value;
  };
  return (w, b, c, every = false) => {
    const n = w.rollups.length;
    const wanted = n <= 12 ? 1 << n : 0;
    slotStamp = slotStamp === 0xffffffff ? 1 : slotStamp + 1; // stamps start at 1: a fresh table (all 0) knows nothing
    if (wanted !== size || slotStamp === 1) {
      size = wanted;
      values = new Float64Array(size);
      knownIn = new Uint32Array(size);
    }
    if (others.size > 0) others.clear();
    world = w;
    bundles = b;
    candidates = c;
    slot = null;
    if (every && size > 1) {
      slot = slotBundles(w, b, c, buffers);
      if (slot.fixedFractionFirstPrice && fixedFractionFirstPriceEvery(w, slot, sourceOf, values)) knownIn.fill(slotStamp, 1);
    }
    return v;
  };
}
