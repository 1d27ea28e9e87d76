import { everyKth, strideFor } from './everyKth.js';

/** The restaking columns of a slots.csv row (one per rollup; they are slot-level, so any rollup's row serves). */
export interface RestakingRow {
  readonly slot: number;
  readonly restaking_pfc_y: number;
  readonly restaking_coc_y: number;
}

/** One point of a restaking line: the slot, which line, its value (Y). */
export interface RestakingPoint {
  readonly slot: number;
  readonly series: 'profit from corruption' | 'cost of corruption';
  readonly valueY: number;
}

/**
 * Profit from corruption and cost of corruption per slot (each slot once: the first row of each
 * slot), downsampled to at most about `maxPoints` slots (every k-th, the last kept).
 */
export function restakingSeries(rows: readonly RestakingRow[], maxPoints = 2000): RestakingPoint[] {
  const perSlot: RestakingRow[] = [];
  for (const r of rows) if (perSlot.length === 0 || perSlot[perSlot.length - 1]!.slot !== r.slot) perSlot.push(r);
  return everyKth(perSlot, strideFor(perSlot.length, maxPoints)).flatMap((r) => [
    { slot: r.slot, series: 'profit from corruption' as const, valueY: r.restaking_pfc_y },
    { slot: r.slot, series: 'cost of corruption' as const, valueY: r.restaking_coc_y },
  ]);
}
