/** ln(pool / reference) in basis points (1e4 × log gap; ≈ the relative gap for small gaps). */
export function gapBps(poolPrice: number, refPrice: number): number {
  return 1e4 * Math.log(poolPrice / refPrice);
}

/**
 * True when the reference price lies inside the pool's no-arbitrage band: |ln(P/S)| ≤ −ln(1 − fee)
 * (Milionis, Moallemi & Roughgarden 2023, the band within which a CPMM is not arbitraged).
 */
export function inFeeBand(poolPrice: number, refPrice: number, fee: number): boolean {
  return Math.abs(Math.log(poolPrice / refPrice)) <= -Math.log(1 - fee) + 1e-12;
}
