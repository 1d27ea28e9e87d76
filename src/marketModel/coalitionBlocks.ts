/*
 * A builder's blocks of one slot by component bitmask (coalitionBuilds.ts): a table indexed by the
 * mask for rollups 0..11 (forgotten by resetting the entries set, so a slot allocates nothing), a Map
 * for masks beyond; and a bundle's target rollups as a mask. Split from coalitionBuilds.ts.
 */
import type { Bundle } from '../market/orders/types.js';

/** Blocks by component bitmask (Σ per rollup of each component's block, length n). */
export interface ComponentBlocks {
  readonly table: (readonly number[] | undefined)[];
  /** The masks set in `table` since the last reset: the first `keyCount` entries (kept, not emptied, so its storage stays). */
  readonly keys: number[];
  keyCount: number;
  map: Map<number, readonly number[]> | null;
}

const TABLE_MASKS = 1 << 12;

export function componentBlocks(): ComponentBlocks {
  return { table: [], keys: [], keyCount: 0, map: null };
}

export function getBlock(c: ComponentBlocks, mask: number): readonly number[] | undefined {
  return mask >= 0 && mask < TABLE_MASKS ? c.table[mask] : (c.map?.get(mask) ?? undefined);
}

export function setBlock(c: ComponentBlocks, mask: number, values: readonly number[]): void {
  if (!(mask >= 0 && mask < TABLE_MASKS)) {
    (c.map ??= new Map()).set(mask, values);
    return;
  }
  while (c.table.length <= mask) c.table.push(undefined); // kept dense (packed), grown once per run
  if (c.table[mask] === undefined) c.keys[c.keyCount++] = mask;
  c.table[mask] = values;
}

export function clearBlocks(c: ComponentBlocks): void {
  for (let k = 0; k < c.keyCount; k++) c.table[c.keys[k]!] = undefined;
  c.keyCount = 0;
  if (c.map !== null && c.map.size > 0) c.map.clear();
}

/** A bundle's target rollups as a bitmask. */
export function targetMask(b: Bundle): number {
  const t = b.target;
  if (t.kind !== 'top') return 1 << t.rollup;
  let m = 0;
  for (let k = 0; k < t.rollups.length; k++) m |= 1 << t.rollups[k]!;
  return m;
}
