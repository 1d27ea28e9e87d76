/**
 * Hand-checkable games for the revenue-sharing tests. Values are winning bids in numéraire;
 * tables are indexed by bitmask (bit i = rollup i), entry 0 = v(∅) = 0.
 */

/**
 * Three rollups with cross-rollup synergy: A = 0 and B = 1 are DEX rollups, C = 2 a lending rollup
 * with no standalone MEV. v(A) = 4, v(B) = 2, v(C) = 0; v(AB) = 8 (A–B arbitrage adds 2),
 * v(AC) = 5, v(BC) = 3 (liquidations routed through a DEX add 1); v(ABC) = 12 (a three-leg route
 * adds 2 more). Harsanyi dividends (Harsanyi 1963): d_A = 4, d_B = 2, d_C = 0, d_AB = 2,
 * d_AC = d_BC = 1, d_ABC = 12 − 10 = 2.
 */
export const synergy = Float64Array.from([0, 4, 2, 8, 0, 5, 3, 12]);

/** Shapley = Σ_{T ∋ i} d_T / |T|: A = 4 + 1 + ½ + ⅔ = 37/6, B = 25/6, C = 10/6; Σ = 12 = v(N). */
export const synergyShapley = [37 / 6, 25 / 6, 10 / 6];

/** Banzhaf (q = ½) = Σ_{T ∋ i} d_T / 2^(|T|−1): A = 6, B = 4, C = 3/2; Σ = 11.5 ≠ 12. */
export const synergyBanzhaf = [6, 4, 1.5];

/**
 * Glove game: rollup 0 holds the only "left glove" (say, the only oracle), rollups 1 and 2 are
 * interchangeable "right gloves"; v(S) = 1 iff 0 ∈ S and S contains 1 or 2.
 */
export const glove = Float64Array.from([0, 0, 0, 1, 0, 1, 0, 1]);

/**
 * Per-round mean and variance of the marginal contribution m_i(S) = v(S ∪ {i}) − v(S) when S ⊆
 * N∖{i} has probability weightBySize[|S|]: mean = Σ p_S m, variance = Σ p_S m² − mean².
 */
export function marginalMoments(
  n: number,
  table: Float64Array,
  weightBySize: readonly number[],
): { mean: number[]; variance: number[] } {
  const mean = new Array<number>(n).fill(0);
  const second = new Array<number>(n).fill(0);
  for (let mask = 0; mask < table.length; mask++) {
    let size = 0;
    for (let j = 0; j < n; j++) size += (mask >>> j) & 1;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) continue;
      const m = table[mask | (1 << i)]! - table[mask]!;
      mean[i]! += weightBySize[size]! * m;
      second[i]! += weightBySize[size]! * m * m;
    }
  }
  return { mean, variance: second.map((s, i) => s - mean[i]! ** 2) };
}
