/**
 * Σ xs, left to right from 0: the same double as `xs.reduce((a, x) => a + x, 0)`, without the
 * closure, and an index loop (a `for…of` kept its iterator here, about 25 ns a call). Shared by the
 * auction, ahead-of-time sales and the counterfactual builds, which must all add in this order.
 */
export function sumFromZero(xs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}
