/**
 * Golden-section search for the maximum of a unimodal function on [lo, hi] (Kiefer 1953;
 * Press et al., "Numerical Recipes", 3rd ed., §10.2). Test helper: an optimiser that knows nothing
 * of the closed forms it is used to check.
 */
export function goldenSectionMax(
  f: (x: number) => number,
  lo: number,
  hi: number,
  iterations = 200,
): { x: number; value: number } {
  const invPhi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - invPhi * (b - a);
  let d = a + invPhi * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < iterations && b - a > 1e-15 * Math.max(1, Math.abs(a) + Math.abs(b)); i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - invPhi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + invPhi * (b - a);
      fd = f(d);
    }
  }
  const x = (a + b) / 2;
  return { x, value: f(x) };
}

/** Maximum of f over a dense grid of `points` on [lo, hi], refined by golden section around it. */
export function gridThenGoldenMax(
  f: (x: number) => number,
  lo: number,
  hi: number,
  points = 400,
): { x: number; value: number } {
  const step = (hi - lo) / points;
  let best = 0;
  for (let i = 1; i <= points; i++) {
    if (f(lo + i * step) > f(lo + best * step)) best = i;
  }
  return goldenSectionMax(f, lo + Math.max(0, best - 1) * step, lo + Math.min(points, best + 1) * step);
}
