import { everyKth, strideFor } from './everyKth.js';

/** The columns of a `slots.csv` row (or a `runSimulation` row) that the price chart reads. */
export interface PriceRow {
  readonly slot: number;
  readonly rollup: string;
  /** Reference (CEX) price, Y per X. */
  readonly ref_price: number;
  /** The rollup's pool spot price at the end of the slot, Y per X. */
  readonly pool_price: number;
}

/** One point of a price series in long form: `series` is `reference` or `pool <rollup>`. */
export interface PricePoint {
  readonly slot: number;
  readonly series: string;
  /** Y per X. */
  readonly price: number;
}

/**
 * Long-form price series: the reference price once per slot and each rollup's pool price, keeping
 * every k-th slot (plus the last) so that each series has at most about `maxPointsPerSeries` points.
 * Deterministic; series order is reference first, then rollups in order of first appearance.
 */
export function priceSeries(rows: readonly PriceRow[], maxPointsPerSeries = 2000): PricePoint[] {
  const bySlot = new Map<number, PriceRow[]>();
  for (const r of rows) {
    const list = bySlot.get(r.slot);
    if (list) list.push(r);
    else bySlot.set(r.slot, [r]);
  }
  const slots = [...bySlot.keys()].sort((a, b) => a - b);
  const kept = everyKth(slots, strideFor(slots.length, maxPointsPerSeries));
  const rollups = [...new Set(rows.map((r) => r.rollup))];
  const points: PricePoint[] = [];
  for (const slot of kept) points.push({ slot, series: 'reference', price: bySlot.get(slot)![0]!.ref_price });
  for (const rollup of rollups)
    for (const slot of kept) {
      const row = bySlot.get(slot)!.find((r) => r.rollup === rollup);
      if (row) points.push({ slot, series: `pool ${rollup}`, price: row.pool_price });
    }
  return points;
}
