import type { CoalitionValueTable } from './coalitionValue.js';

/**
 * Largest n for the exact values (Shapley, Banzhaf): they sum n·2^(n−1) marginal contributions,
 * and the model must run 2^n counterfactual auctions to fill the table; 2^12 = 4096 is the most
 * we expect a slot to afford. Beyond it, use the `drop-out` sampling estimator.
 */
export const MAX_EXACT_ROLLUPS = 12;

/**
 * The semivalue with size weights p_k (Dubey, Neyman & Weber 1981, "Value theory without
 * efficiency", Math. Oper. Res. 6(1)):
 *
 *   ψ_i = Σ_{S ⊆ N∖{i}} p_{|S|} · (v(S ∪ {i}) − v(S)),
 *
 * for every rollup i, in the numéraire of `table`. Shapley takes p_k = k!(n−k−1)!/n!, Banzhaf-type
 * values take p_k = q^k (1−q)^(n−1−k). `weightBySize[k]` is p_k for k = 0..n−1.
 * Cost: n·2^n table reads. The caller checks n (≤ `MAX_EXACT_ROLLUPS`) and the table.
 */
export function semivalue(
  n: number,
  table: CoalitionValueTable,
  weightBySize: readonly number[],
): number[] {
  const size = popcounts(table.length);
  // Sum marginals per (rollup, |S|) first and weight once: exact for integer-valued games
  // (amounts in wei) until the final n products, instead of 2^(n−1) rounded products.
  const bySize = scratchBySize(n);
  // Each (i, |S|) sum takes its terms in ascending S, as a loop over all S then i would: the same sums.
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    const row = i * n;
    for (let mask = 0; mask < table.length; mask++) {
      if ((mask & bit) !== 0) continue;
      bySize[row + size[mask]!]! += table[mask | bit]! - table[mask]!;
    }
  }
  // Each value summed from 0 in size order, then pushed (a zero-filled array turns to doubles on its first sum).
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    let value = 0;
    for (let k = 0; k < n; k++) value += weightBySize[k]! * bySize[i * n + k]!;
    values.push(value);
  }
  return values;
}

const bySizeScratch: Float64Array[] = [];

/**
 * A zeroed n × n table of marginal sums, one per n reused call after call: a fresh typed array
 * every slot cost more than the sums themselves. Nothing keeps it past `semivalue`'s return.
 */
function scratchBySize(n: number): Float64Array {
  const bySize = (bySizeScratch[n] ??= new Float64Array(n * n));
  for (let k = 0; k < bySize.length; k++) bySize[k] = 0; // a loop: `fill` is a builtin call, dearer for so few entries
  return bySize;
}

const popcountTables: Uint8Array[] = [];

/** The popcount of every mask below `length` (a power of two), tabulated once per length: the split runs every slot. */
function popcounts(length: number): Uint8Array {
  let size = popcountTables[length];
  if (size === undefined) {
    size = new Uint8Array(length);
    for (let mask = 1; mask < length; mask++) size[mask] = size[mask >>> 1]! + (mask & 1);
    popcountTables[length] = size;
  }
  return size;
}

/** Throws a RangeError unless n ≤ `MAX_EXACT_ROLLUPS`, naming the value and suggesting drop-out. */
export function requireExactSize(n: number, valueName: string, suggestion: string): void {
  if (n > MAX_EXACT_ROLLUPS) {
    throw new RangeError(
      `exact ${valueName} supports n <= ${MAX_EXACT_ROLLUPS} rollups (2^n coalitions), got ` +
        `n = ${n}; use ${suggestion} instead`,
    );
  }
}
