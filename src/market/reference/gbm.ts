/** Parameters of the reference (CEX) price process. */
export interface GbmParams {
  /** Volatility of the log price per year. */
  readonly sigmaPerYear: number;
  /** Arithmetic drift mu per year: E[S_t] = S_0 e^{mu t} without jumps. */
  readonly driftPerYear: number;
}

/**
 * One exact step of geometric Brownian motion:
 * S_{t+dt} = S_t · exp((mu − sigma²/2)·dt + sigma·sqrt(dt)·z), z ~ N(0, 1)
 * (the exact solution of dS = mu S dt + sigma S dW; e.g. Glasserman, "Monte Carlo Methods in
 * Financial Engineering", 2003, §3.2.1). `logJump` adds a Merton-style jump to the log price.
 */
export function gbmStep(priceYPerX: number, params: GbmParams, dtYears: number, z: number, logJump = 0): number {
  const { sigmaPerYear: s, driftPerYear: mu } = params;
  return priceYPerX * Math.exp((mu - 0.5 * s * s) * dtYears + s * Math.sqrt(dtYears) * z + logJump);
}
