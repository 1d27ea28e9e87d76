/**
 * Sampling statistics for simulation-vs-theory checks. Tolerances are Z standard errors of the
 * sample mean with Z = 4: for a correct implementation a row fails with probability
 * P(|N(0,1)| > 4) ≈ 6.3e-5 (CLT), so ~50 rows fail together with probability < 0.4% for a random
 * seed — and, the stream being seeded, a run that passes passes every time.
 */
export const TOLERANCE_STANDARD_ERRORS = 4;

/** Relative floating-point slack added to every tolerance, so exact rows compare with ~1e-9. */
export const FLOATING_POINT_SLACK = 1e-9;

/** A sample mean and its standard error. */
export interface MeanEstimate {
  readonly mean: number;
  readonly standardError: number;
}

/**
 * Sample mean of `samples` and its standard error max(s, σ_theory) / √R, with s the sample sd
 * (R − 1 divisor) and σ_theory the per-round sd the theory predicts, when known (default 0).
 * Taking the larger guards against rare events: an outcome of probability 1e-7 almost never shows
 * up in 20 000 rounds, so s misses its share of the variance while the mean still carries it.
 */
export function meanAndStandardError(samples: readonly number[], theorySd = 0): MeanEstimate {
  const r = samples.length;
  if (r < 2) throw new RangeError(`need at least 2 samples, got ${r}`);
  const mean = samples.reduce((s, x) => s + x, 0) / r;
  const sampleVariance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / (r - 1);
  return { mean, standardError: Math.max(Math.sqrt(sampleVariance), theorySd) / Math.sqrt(r) };
}

/** Per-round sd of a win indicator of theoretical probability x: sqrt(x (1 − x)) (Bernoulli). */
export function bernoulliSd(x: number): number {
  return Math.sqrt(Math.max(0, x * (1 - x)));
}

/** Tolerance for a mean: Z·SE + floating-point slack + any known bias bound (≥ 0). */
export function meanTolerance(standardError: number, theory: number, biasBound = 0): number {
  return (
    TOLERANCE_STANDARD_ERRORS * standardError +
    FLOATING_POINT_SLACK * Math.max(1, Math.abs(theory)) +
    biasBound
  );
}

/**
 * Tolerance for the two-player fairness sqrt(f1·f2) of empirical win frequencies: each f_i is
 * moved to the ends of its own Z·SE band, clipped to [0, 1]; since sqrt(a·b) is increasing in both
 * arguments, the extreme values are at the (low, low) and (high, high) corners. This propagates
 * the allocation bands without the delta method, which degenerates at f = 1/2 and f ∈ {0, 1}.
 */
export function fairnessTolerance(f1: MeanEstimate, f2: MeanEstimate): number {
  const band = (f: MeanEstimate, sign: number): number =>
    Math.min(1, Math.max(0, f.mean + sign * TOLERANCE_STANDARD_ERRORS * f.standardError));
  const simulated = Math.sqrt(f1.mean * f2.mean);
  const low = Math.sqrt(band(f1, -1) * band(f2, -1));
  const high = Math.sqrt(band(f1, 1) * band(f2, 1));
  return Math.max(simulated - low, high - simulated) + FLOATING_POINT_SLACK;
}

/** A row passes iff |simulated − theory| ≤ tolerance. */
export function judge(simulated: number, theory: number, tolerance: number): boolean {
  return Math.abs(simulated - theory) <= tolerance;
}
