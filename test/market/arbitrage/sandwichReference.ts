import fc from 'fast-check';
import { createPool, quoteExactIn } from '../../../src/market/amm/index.js';
import { simulateSandwich } from '../../../src/market/arbitrage/sandwich.js';

/** optimalSandwich's search written on simulateSandwich's objects (as it was before it ran on numbers). */
export function optimalSandwichOnObjects(p: ReturnType<typeof createPool>, victim: Parameters<typeof simulateSandwich>[1]) {
  if (!simulateSandwich(p, victim, 0)) return null;
  const profit = (a: number) => simulateSandwich(p, victim, a)?.profitInTokenIn ?? -Infinity;
  let lo = 0;
  let hi = (victim.tokenIn === 'X' ? p.reserveX : p.reserveY) * 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (profit(mid) !== -Infinity) lo = mid;
    else hi = mid;
  }
  const phi = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [0, lo];
  for (let i = 0; i < 100 && b - a > 1e-12 * Math.max(1, b); i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (profit(c) < profit(d)) a = c;
    else b = d;
  }
  const best = [(a + b) / 2, lo].map((x) => simulateSandwich(p, victim, x)).filter((s) => s !== null);
  const top = best.reduce<(typeof best)[number] | null>((m, s) => (!m || s.profitInTokenIn > m.profitInTokenIn ? s : m), null);
  return top && top.profitInTokenIn > 0 ? top : null;
}

/**
 * An ordinary pool (reserves 1e-6 to 1e12, fees 0 to 1 %) and a victim paying `v` of its input
 * reserve x, with v/x from 1e-8 to 0.3 or within 0.1 % of x·(1/γ − 1) (the never-pays limit of a
 * sandwich: below about fee·x no front-run pays), its minimum output 90 % to 100 % of the fair quote
 * (half of them within 1e-9 of it, at the slippage limit's edge).
 */
export const ordinaryPoolAndVictim = fc
  .tuple(
    fc.double({ min: -6, max: 12, noNaN: true }),
    fc.double({ min: -6, max: 12, noNaN: true }),
    fc.constantFrom(0, 0.0005, 0.003, 0.01),
    fc.constantFrom('X' as const, 'Y' as const),
    fc.oneof(fc.double({ min: -8, max: Math.log10(0.3), noNaN: true }).map((e) => ({ atLimit: false, k: 10 ** e })), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }).map((k) => ({ atLimit: true, k }))),
    fc.oneof(fc.double({ min: 0.9, max: 1, noNaN: true }), fc.double({ min: 1 - 1e-9, max: 1, noNaN: true })),
  )
  .map(([ex, ey, fee, tokenIn, size, slip]) => {
    const pool = createPool(10 ** ex, 10 ** ey, fee);
    const x = tokenIn === 'X' ? pool.reserveX : pool.reserveY;
    const amountIn = size.atLimit ? x * (1 / (1 - fee) - 1) * (1 + size.k) : x * size.k;
    const fair = amountIn > 0 ? quoteExactIn(pool, tokenIn, amountIn) : 0;
    return { pool, victim: { tokenIn, amountIn, minAmountOut: fair * slip } };
  });

/**
 * Pools and victims at the edges of the range `sandwichBounds.ts` admits (and just outside it):
 * reserves 1e-31 to 1e31, fees up to 50 % (γ ≥ ½ is admitted; above, the plain search runs),
 * victims up to the whole input reserve, minimum outputs down to 1e-200 of the fair quote.
 */
export const edgePoolAndVictim = fc
  .tuple(
    fc.double({ min: -31, max: 31, noNaN: true }),
    fc.double({ min: -31, max: 31, noNaN: true }),
    fc.oneof(fc.constantFrom(0, 0.1, 0.3, 0.5, 0.5000001, 0.6), fc.double({ min: 0, max: 0.55, noNaN: true })),
    fc.constantFrom('X' as const, 'Y' as const),
    fc.oneof(fc.double({ min: -12, max: 0, noNaN: true }), fc.constant(0)),
    fc.oneof(fc.double({ min: -200, max: 0, noNaN: true }), fc.constantFrom(0, -1e-12)),
  )
  .map(([ex, ey, fee, tokenIn, size, slip]) => {
    const pool = createPool(10 ** ex, 10 ** ey, fee);
    const x = tokenIn === 'X' ? pool.reserveX : pool.reserveY;
    const amountIn = x * 10 ** size;
    const fair = quoteExactIn(pool, tokenIn, amountIn);
    return { pool, victim: { tokenIn, amountIn, minAmountOut: fair * 10 ** slip } };
  });
