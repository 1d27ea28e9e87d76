/** `count + 1` evenly spaced points on [0, max], plus any `extra` points. */
export function grid(max: number, count: number, extra: readonly number[] = []): number[] {
  return [...Array.from({ length: count + 1 }, (_, k) => (max * k) / count), ...extra];
}

/** The largest payoff gain from a unilateral deviation over `deviations` (≤ 0 at an equilibrium). */
export function bestDeviationGain(
  payoffAt: (bid: number) => number,
  equilibriumBid: number,
  deviations: readonly number[],
): number {
  const base = payoffAt(equilibriumBid);
  return Math.max(...deviations.map((b) => payoffAt(b) - base));
}
