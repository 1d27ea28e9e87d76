import { buildBlock } from '../agents/builders/buildBlock.js';
import type { Pool } from '../market/amm/types.js';
import type { Bundle } from '../market/orders/types.js';
import type { Source } from '../engine/randomStreams.js';
import { clearBlocks, componentBlocks, getBlock, setBlock, targetMask, type ComponentBlocks } from './coalitionBlocks.js';
import { sumFromZero } from './sumFromZero.js';

/*
 * A builder's rebuilt blocks for the counterfactual coalitions of one slot, each computed once.
 *
 * `buildBlock` on the bundles a builder saw that act only on coalition S decides each bundle by the
 * pools and positions of the rollups the bundle acts on, which only bundles acting on those rollups
 * change. So the rollups of S fall into components (linked by bundles spanning several rollups),
 * and each component's block — bundles, inclusions and the value booked on each of its rollups, in
 * the same order of additions — is the block of the component's bundles alone. Coalitions sharing
 * a component (A alone and A with C, when no bundle spans A and C) share its block. This holds when:
 *
 * - the order is the bids' order whatever the shuffle draws: no two bundles bid the same (else the
 *   builder's tie-break shuffle decides, and every coalition is rebuilt as it would be, drawing);
 * - a bundle's legs and bid are on rollups of its target (`rollupsOf`), which decides whether it is
 *   in a coalition.
 *
 * The coalition's stream still advances by the draws `buildBlock`'s shuffle would have taken, so
 * every later draw of it is the same as without the shortcut.
 */

/** Draws nothing the order could depend on: only used when no two bundles bid the same. */
const UNUSED_SHUFFLE: Source = () => 0;

/**
 * One builder's view this slot: what it saw, each bundle's rollups, and its blocks by component.
 * One per builder and run, refilled each slot by `refillRebuilds` (no objects per slot).
 */
export interface BuilderRebuilds {
  seen: readonly Bundle[];
  /** Each seen bundle's rollups as a bitmask (entries from `seen.length` on are unused). */
  masks: Int32Array;
  /** False when rebuilds must draw (see above): every coalition is then rebuilt in full. */
  separable: boolean;
  /** Σ per rollup of each component's block (length n), by component bitmask, filled on first use. */
  readonly byComponent: ComponentBlocks;
  /**
   * The last separable `rebuiltGrossY` call's coalition, pools, value and bundle count (`lastPools`
   * null: none this slot). Builders that saw the same list share one state, so each coalition asks
   * for the same value once per builder in a row.
   */
  lastMask: number;
  lastPools: readonly Pool[] | null;
  lastGross: number;
  lastCount: number;
  /**
   * With at most `TABLED_ROLLUPS` rollups: every coalition's Σ (`gross[mask]`) and bundle count
   * (`count[mask]`), filled whole on the slot's first ask (`tabledOn`: the pools they were filled
   * on, null before). Filling draws nothing; each ask still takes its shuffle's draws.
   */
  readonly gross: Float64Array;
  readonly count: Int32Array;
  tabledOn: readonly Pool[] | null;
  /** The real block's bundles and values when seeded this slot (`seedWithRealBlock`), else null. */
  realIncluded: readonly Bundle[] | null;
  realValues: readonly number[] | null;
}

/** The bitmask of the rollups a bundle's legs and bid touch (its target's, its legs', its bid's). */
function touchedMask(b: Bundle, target: number): number {
  let m = target | (1 << b.bidRollup);
  if (b.bidSplit !== undefined) m |= 1 << b.bidSplit.rollup;
  for (let k = 0; k < b.legs.length; k++) m |= 1 << b.legs[k]!.rollup;
  return m;
}

/** True when the blocks of this builder's coalitions split by component (see above). */
function separable(seen: readonly Bundle[], masks: Int32Array): boolean {
  if (bidScratch.length < seen.length) bidScratch = new Float64Array(Math.max(seen.length, 2 * bidScratch.length));
  // masks[k] for k < seen.length only: the buffer may be longer.
  for (let k = 0; k < seen.length; k++) {
    const b = seen[k]!;
    const bid = b.bidY;
    if (!Number.isFinite(bid) || touchedMask(b, masks[k]!) !== masks[k]) return false;
    bidScratch[k] = bid; // each bid read once: bundles come in several shapes, so each read is a slow lookup
  }
  return distinctBids(bidScratch, seen.length);
}

/** Each seen bundle's bid (entries from the list's length on unused), for `distinctBids`. */
let bidScratch = new Float64Array(16);

/** No two of the first `count` bids are equal (`===`; pairwise for the few a builder usually sees, else sorted). */
function distinctBids(bids: Float64Array, count: number): boolean {
  if (count <= 16) {
    for (let k = 1; k < count; k++) for (let j = 0; j < k; j++) if (bids[k] === bids[j]) return false;
    return true;
  }
  const sorted = bids.slice(0, count).sort();
  for (let k = 1; k < count; k++) if (sorted[k] === sorted[k - 1]) return false;
  return true;
}

/** A builder's rebuild state for one slot (no block computed yet). */
export function builderRebuilds(seen: readonly Bundle[], masks: Int32Array): BuilderRebuilds {
  const size = 1 << TABLED_ROLLUPS;
  return { seen, masks, separable: separable(seen, masks), byComponent: componentBlocks(), lastMask: 0, lastPools: null, lastGross: 0, lastCount: 0, gross: new Float64Array(size), count: new Int32Array(size), tabledOn: null, realIncluded: null, realValues: null };
}

/**
 * `r` made the rebuild state of a new slot's `seen`, its bundles' rollup `masks` (at least
 * `seen.length` entries): the same state `builderRebuilds(seen, masks)` gives, in the same object,
 * its component blocks forgotten.
 */
export function refillRebuilds(r: BuilderRebuilds, seen: readonly Bundle[], masks: Int32Array): BuilderRebuilds {
  r.seen = seen;
  r.masks = masks;
  r.separable = separable(seen, masks);
  clearBlocks(r.byComponent);
  r.lastPools = null;
  r.tabledOn = null;
  r.realIncluded = null;
  r.realValues = null;
  return r;
}

/** Scratch for the components of one coalition (at most one per rollup; rollup indices are < 31). */
const components = new Int32Array(32);

/**
 * Seeds the builder's blocks with its real block of the slot, `buildBlock(seen, pools, ·)` on the
 * same pools: with no ties it is the grand coalition's rebuild, so each component of all it saw has
 * that block's values on its rollups (and smaller components may too: `componentBlock`). Nothing
 * for a builder whose rebuilds must draw.
 */
export function seedWithRealBlock(r: BuilderRebuilds, block: { readonly included: readonly Bundle[]; readonly valueByRollupY: readonly number[] }): void {
  if (!r.separable) return;
  let nc = 0;
  for (let k = 0; k < r.seen.length; k++) nc = mergeInto(nc, r.masks[k]!);
  for (let j = 0; j < nc; j++) setBlock(r.byComponent, components[j]!, block.valueByRollupY);
  r.realIncluded = block.included;
  r.realValues = block.valueByRollupY;
}

/** Merges bundle mask `m` into the first `nc` entries of `components`; returns the new count. Components are disjoint, so one pass merges every one the bundle touches. */
function mergeInto(nc: number, m: number): number {
  let merged = m;
  let kept = 0;
  for (let j = 0; j < nc; j++) {
    const c = components[j]!;
    if ((c & merged) !== 0) merged |= c;
    else components[kept++] = c;
  }
  components[kept++] = merged;
  return kept;
}

/** The bundles of `list` (with their rollup `masks`) that act only on rollups in `mask`, in order: the same as filtering by `rollupsOf(b.target) ⊆ mask`. */
export function within(list: readonly Bundle[], masks: Int32Array, mask: number): Bundle[] {
  const out: Bundle[] = [];
  for (let k = 0; k < list.length; k++) if ((masks[k]! & ~mask) === 0) out.push(list[k]!);
  return out;
}

/**
 * Σ over rollups (in index order) of the value of the builder's block rebuilt from the bundles it
 * saw that act only on `mask`: what `buildBlock(within(seen, mask), pools, source)`'s
 * `valueByRollupY` sums to, bit for bit, with the same draws taken from `source`.
 */
export function rebuiltGrossY(r: BuilderRebuilds, mask: number, pools: readonly Pool[], source: Source): number {
  if (!r.separable) return sumFromZero(buildBlock(within(r.seen, r.masks, mask), pools, source).valueByRollupY);
  if (mask > 0 && mask < 1 << pools.length && tabled(r, pools)) {
    takeShuffleDraws(source, r.count[mask]!);
    return r.gross[mask]!;
  }
  if (r.lastPools === pools && r.lastMask === mask) {
    // The same coalition again (a builder that saw the same list): the same value, the same draws.
    takeShuffleDraws(source, r.lastCount);
    return r.lastGross;
  }
  const gross = separableGross(r, mask, pools);
  takeShuffleDraws(source, counted);
  r.lastMask = mask;
  r.lastPools = pools;
  r.lastGross = gross;
  r.lastCount = counted;
  return gross;
}

/** The draws `buildBlock`'s shuffle takes for a block of `bundles` bundles (none for 0 or 1), whose values a separable rebuild never reads. */
export function takeShuffleDraws(source: Source, bundles: number): void {
  for (let d = 1; d < bundles; d++) source();
}

/**
 * Whether `r`'s coalition table applies on `pools` (a separable builder, at most `TABLED_ROLLUPS`
 * rollups), filling it first if not yet filled this slot: `rebuiltGrossY(r, mask, pools, source)` is
 * then `r.gross[mask]`, after `r.count[mask] − 1` draws (none for 0 or 1 bundle).
 */
export function tabled(r: BuilderRebuilds, pools: readonly Pool[]): boolean {
  if (!r.separable || pools.length > TABLED_ROLLUPS) return false;
  if (r.tabledOn !== pools) fillTable(r, pools);
  return true;
}

/**
 * Coalition tables are filled whole up to this many rollups (16 masks): with n ≤ `exactUpTo`
 * (default 4) every coalition is asked for each slot, so a whole table wastes nothing, and each
 * builder's ask (builders that saw the same list share a state) is then two reads.
 */
const TABLED_ROLLUPS = 4;

/**
 * Fills `r`'s table for every coalition of the `pools.length` rollups (no draws: see `rebuiltGrossY`).
 * Coalition S is S′ = S less its highest rollup t, plus t: when no bundle of S joins t to another
 * rollup, S's components are S′'s and perhaps {t}, so its Σ is S′'s Σ then t's value added last, as
 * `separableGross` adds them (in index order), and its count is S′'s plus t's own bundles. Else
 * `separableGross` computes S in full.
 */
function fillTable(r: BuilderRebuilds, pools: readonly Pool[]): void {
  const size = 1 << pools.length;
  r.gross[0] = 0;
  r.count[0] = 0;
  for (let mask = 1; mask < size; mask++) {
    const top = 31 - Math.clz32(mask);
    const bit = 1 << top;
    let own = 0; // bundles acting on t alone
    let joined = false;
    for (let k = 0; k < r.seen.length; k++) {
      const m = r.masks[k]!;
      if ((m & bit) === 0 || (m & ~mask) !== 0) continue;
      if (m === bit) own++;
      else joined = true;
    }
    if (joined) {
      r.gross[mask] = separableGross(r, mask, pools);
      r.count[mask] = counted;
    } else {
      const rest = mask & ~bit;
      r.gross[mask] = own > 0 ? r.gross[rest]! + componentBlock(r, bit, pools)[top]! : r.gross[rest]!;
      r.count[mask] = r.count[rest]! + own;
    }
  }
  r.tabledOn = pools;
}

/** How many of its bundles the last `separableGross` rebuilt (module scratch: read right after the call). */
let counted = 0;

/** A separable builder's Σ over rollups (in index order) of its blocks by component for coalition `mask`, drawing nothing; sets `counted`. */
function separableGross(r: BuilderRebuilds, mask: number, pools: readonly Pool[]): number {
  let count = 0;
  let nc = 0;
  for (let k = 0; k < r.seen.length; k++) {
    const m = r.masks[k]!;
    if ((m & ~mask) !== 0) continue;
    count++;
    nc = mergeInto(nc, m);
  }
  let gross = 0;
  for (let rollup = 0; rollup < pools.length; rollup++) {
    const bit = 1 << rollup;
    let value = 0;
    for (let j = 0; j < nc; j++) {
      if ((components[j]! & bit) !== 0) {
        value = componentBlock(r, components[j]!, pools)[rollup]!;
        break;
      }
    }
    gross += value;
  }
  counted = count;
  return gross;
}

/**
 * The block of one component's bundles (no ties, so the shuffle cannot matter), built once per slot.
 *
 * Or read off the real block, when seeded and none of its bundles straddles the component (acts on
 * rollups inside it and outside). Greedy by bid, a bundle left out changes nothing (the reserves and
 * spots move only for bundles put in), so the real block is also the block of the seen bundles
 * less every bundle it left out. When no bundle it put in straddles the component, that list has
 * no straddling bundle at all: the component is then a component of that list, and its block (the
 * same bundles in, in the same order, so the same sums per rollup) is that of its own bundles.
 */
function componentBlock(r: BuilderRebuilds, component: number, pools: readonly Pool[]): readonly number[] {
  let values = getBlock(r.byComponent, component);
  if (values === undefined) {
    const real = r.realValues !== null && !straddles(r.realIncluded!, component) ? r.realValues : null;
    values = real ?? buildBlock(within(r.seen, r.masks, component), pools, UNUSED_SHUFFLE).valueByRollupY;
    setBlock(r.byComponent, component, values);
  }
  return values;
}

/** True when a bundle of `included` acts on rollups both inside and outside `component` (by its target's rollups: what `separable` checked its legs and bid against). */
function straddles(included: readonly Bundle[], component: number): boolean {
  for (let k = 0; k < included.length; k++) {
    const m = targetMask(included[k]!);
    if ((m & component) !== 0 && (m & ~component) !== 0) return true;
  }
  return false;
}
