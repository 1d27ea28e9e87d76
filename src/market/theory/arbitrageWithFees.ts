/**
 * Arbitrage against a constant-product pool with a trading fee, when arbitrageurs can only trade
 * at discrete block times.
 *
 * Source: Milionis, Moallemi, Roughgarden (2023), "Automated Market Making and Arbitrage Profits
 * in the Presence of Fees", arXiv:2305.14604 (FC 2024 workshops) — "MMR 2023" below.
 *
 * Model (MMR 2023): the reference price P follows GBM with volatility σ; blocks arrive as a
 * Poisson process of rate λ = 1/Δt (Δt = mean interblock time); at each block one arbitrageur
 * trades the pool to the edge of its no-trade band if that is profitable. The log mispricing
 * z = log(P / pool price) then diffuses freely inside the band |z| ≤ γ and is reset to ±γ by a
 * trade, where γ is the fee in log units. For a seqsim pool (fee fraction f charged on the input
 * token) the band [spot·(1−f), spot/(1−f)] is exactly |z| ≤ γ with γ = −ln(1−f) ≈ f.
 *
 * Formulas implemented (log price driftless, i.e. GBM drift μ = σ²/2):
 *   η        = √(2λ/σ²) = √2 / (σ√Δt)                    rate of the exponential tails of z
 *   P_trade  = 1 / (1 + η·γ) = σ / (σ + γ·√(2/Δt))         probability a block carries an arb
 *   ARB      = LVR · P_trade · F(γ) / (1 − σ²Δt/8),        finite iff σ²Δt < 8
 *   LVR      = (σ²/8)·V(P),   F = e^{γ/2} (fee on the input token) or cosh(γ/2) (fee in Y)
 * P_trade is the paper's closed form for the fraction of blocks with an arbitrage (it appears as
 * σ/(σ + γ√(2/Δt)) in secondary sources quoting v2 of the paper); ARB is the closed form of the
 * paper's constant-product corollary (the corollary that carries the σ²Δt < 8 condition), here
 * re-derived: the stationary density of z is uniform on [−γ, γ] with mass ηγ/(1 + ηγ) and
 * exponential with rate η outside; blocks see it (PASTA); the optimal trade at mispricing
 * |z| > γ earns 2V·e^{γ/2}·sinh²((|z| − γ)/4) with the fee on the input token (e^{+γ/2} buying
 * and e^{−γ/2} selling with the fee in Y), V = V(P); integrating gives the line above. Equation
 * numbers could not be checked against the paper's text; test/market/theory checks both
 * formulas by Monte Carlo. Limits: fee → 0 gives P_trade → 1 and ARB → LVR/(1 − σ²Δt/8) → LVR
 * as Δt → 0; with fast blocks and small fees ARB ≈ LVR·P_trade (the paper's headline asymptotic),
 * the rest of LVR being paid to the pool as fees. A GBM drift μ ≠ σ²/2 changes both by terms of
 * second order in σ√Δt (Monte Carlo with μ = 0: +4% in P_trade and +15% in ARB at
 * σ√Δt = γ = 0.3, +0.2% at 0.03, negligible at seqsim's σ√Δt ~ 10⁻⁴).
 *
 * Block-time assumption: the closed forms are exact for Poisson blocks only. For fixed block
 * times Nezlobin & Tassy (2025), "Loss-Versus-Rebalancing under Deterministic and Generalized
 * block-times", arXiv:2505.05113, give ARB per block ≈ σ_b²/(2 + √(2π)·s/(|ζ(1/2)|·σ_b)) per unit
 * of liquidity (σ_b = σ√Δt, s = their "AMM spread", which we read as the full log width 2γ of
 * the band: that reading, not s = γ, matches our Monte Carlo), i.e.
 *   ARB_fixed ≈ LVR / (1 + γ/(ρ·σ_b)),   ρ = |ζ(1/2)|/√(2π) ≈ 0.5826,
 * accurate up to O(e^{−c·γ/σ_b}) (our Monte Carlo agrees to < 1% at γ = σ_b, where the Poisson
 * formula is 12% higher). They also show the trade probability tends to a universal limit for
 * γ ≫ σ_b, so P_trade above also serves fixed blocks asymptotically (Monte Carlo: fixed blocks
 * trade ≈ 8% more often than the formula at γ = σ_b, ≈ 2% at γ = 10σ_b).
 * `arbProfitToLvrRatioFixedBlocks` implements that approximation.
 */
import { lvrRatePerYear } from './lvr.js';

/** How the pool charges its fee. seqsim pools charge on the input token ('input'). */
export type FeeCharging = 'input' | 'numeraire';

/** Parameters of the MMR 2023 model. */
export interface BlockArbParams {
  /** Volatility of the log reference price, per √year; finite, > 0. */
  readonly sigmaPerYear: number;
  /** Pool fee fraction f in [0, 1); the log fee is γ = −ln(1−f). */
  readonly fee: number;
  /** Mean (Poisson) or exact (fixed) time between blocks, in years; finite, > 0. */
  readonly meanBlockTimeYears: number;
  /**
   * 'input' (default): fee taken from the token paid in, as in seqsim's Uniswap v2 pools;
   * 'numeraire': fee always charged in Y. Only changes ARB, by the factor e^{γ/2} vs cosh(γ/2).
   */
  readonly feeCharging?: FeeCharging;
}

/** |ζ(1/2)|, the Riemann zeta function at 1/2 in absolute value. */
const ABS_ZETA_HALF = 1.4603545088095868;

/** ρ = |ζ(1/2)|/√(2π) ≈ 0.5826: expected overshoot of a Gaussian random walk, in step units. */
export const GAUSSIAN_OVERSHOOT_CONSTANT = ABS_ZETA_HALF / Math.sqrt(2 * Math.PI);

/**
 * The fee in log-price units, γ = −ln(1 − f): the half-width of the no-trade band
 * [spot·(1−f), spot/(1−f)] in log price. γ ≈ f for small fees.
 *
 * @throws RangeError unless `fee` is in [0, 1).
 */
export function logFee(fee: number): number {
  if (!(Number.isFinite(fee) && fee >= 0 && fee < 1)) {
    throw new RangeError(`fee must be in [0, 1), got ${fee}`);
  }
  return -Math.log1p(-fee);
}

/** σ_b = σ·√Δt, the standard deviation of the log price over one (mean) block interval. */
export function blockVolatility(params: BlockArbParams): number {
  const { sigmaPerYear, meanBlockTimeYears } = params;
  if (!(Number.isFinite(sigmaPerYear) && sigmaPerYear > 0)) {
    throw new RangeError(`sigmaPerYear must be a finite number > 0, got ${sigmaPerYear}`);
  }
  if (!(Number.isFinite(meanBlockTimeYears) && meanBlockTimeYears > 0)) {
    throw new RangeError(`meanBlockTimeYears must be a finite number > 0, got ${meanBlockTimeYears}`);
  }
  return sigmaPerYear * Math.sqrt(meanBlockTimeYears);
}

/**
 * Probability that a block (Poisson arrivals) finds a profitable arbitrage, in steady state:
 * P_trade = 1/(1 + ηγ) with η = √2/σ_b (MMR 2023). In (0, 1]; 1 iff fee = 0; decreasing in the
 * fee, increasing in σ and Δt.
 *
 * @throws RangeError on invalid parameters.
 */
export function arbTradeProbability(params: BlockArbParams): number {
  const sigmaBlock = blockVolatility(params);
  const eta = Math.SQRT2 / sigmaBlock;
  return 1 / (1 + eta * logFee(params.fee));
}

/**
 * Steady-state arbitrage profit rate over LVR, Poisson blocks (MMR 2023, constant product):
 * ARB/LVR = P_trade · F(γ) / (1 − σ_b²/8), F = e^{γ/2} ('input') or cosh(γ/2) ('numeraire').
 *
 * @throws RangeError on invalid parameters or if σ_b² ≥ 8 (the expected profit is then infinite).
 */
export function arbProfitToLvrRatio(params: BlockArbParams): number {
  const sigmaBlock = blockVolatility(params);
  const varianceTerm = 1 - (sigmaBlock * sigmaBlock) / 8;
  if (!(varianceTerm > 0)) {
    throw new RangeError(`σ²Δt must be < 8 for a finite profit rate, got ${sigmaBlock * sigmaBlock}`);
  }
  const gamma = logFee(params.fee);
  const feeFactor = (params.feeCharging ?? 'input') === 'input' ? Math.exp(gamma / 2) : Math.cosh(gamma / 2);
  return (arbTradeProbability(params) * feeFactor) / varianceTerm;
}

/**
 * Steady-state arbitrage profit rate in Y per year, Poisson blocks: LVR × `arbProfitToLvrRatio`.
 *
 * @param poolValueY V(P) = 2√(reserveX·reserveY·P), the pool's value in Y at the reference price.
 * @throws RangeError on invalid parameters.
 */
export function arbProfitRatePerYear(params: BlockArbParams, poolValueY: number): number {
  return lvrRatePerYear(params.sigmaPerYear, poolValueY) * arbProfitToLvrRatio(params);
}

/**
 * Fixed block times: ARB/LVR ≈ 1/(1 + γ/(ρσ_b)), ρ = |ζ(1/2)|/√(2π) (Nezlobin & Tassy 2025,
 * arXiv:2505.05113, with their spread = 2γ). An approximation, accurate up to O(e^{−cγ/σ_b})
 * and to leading order in σ_b; it ignores the e^{γ/2} fee factor.
 *
 * @throws RangeError on invalid parameters.
 */
export function arbProfitToLvrRatioFixedBlocks(params: BlockArbParams): number {
  const sigmaBlock = blockVolatility(params);
  return 1 / (1 + logFee(params.fee) / (GAUSSIAN_OVERSHOOT_CONSTANT * sigmaBlock));
}

/**
 * Fixed block times: arbitrage profit rate in Y per year, LVR × `arbProfitToLvrRatioFixedBlocks`.
 *
 * @throws RangeError on invalid parameters.
 */
export function arbProfitRatePerYearFixedBlocks(params: BlockArbParams, poolValueY: number): number {
  return lvrRatePerYear(params.sigmaPerYear, poolValueY) * arbProfitToLvrRatioFixedBlocks(params);
}
