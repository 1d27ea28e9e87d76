import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPool, quoteExactIn } from '../../../src/market/amm/index.js';
import { boundsOf, profitOrder } from '../../../src/market/arbitrage/sandwichBounds.js';
import { profitAt, runSandwich, termsOf } from '../../../src/market/arbitrage/sandwichTerms.js';
import { optimalSandwichOnObjects, ordinaryPoolAndVictim } from './sandwichReference.js';

/** A fraction in [0, 1], uniform (fc.double favours the ends). */
const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 1_000_000);

/** An ordinary pool and victim with its terms and (in range) bounds, and a fraction in [0, 1]. */
const withBounds = fc.tuple(ordinaryPoolAndVictim, fraction).map(([pv, u]) => {
  const t = termsOf(pv.pool, pv.victim);
  return { ...pv, t, bounds: boundsOf(t), u };
});

describe('sandwichBounds', () => {
  it('the closed-form profit a·n(a)/den(a) is runSandwich’s profit to within 1e-12·a', () => {
    fc.assert(
      fc.property(withBounds, ({ t, bounds, u }) => {
        if (!bounds) return;
        const a = u * t.reserveIn * 10;
        if (a < 1e-13 || !runSandwich(t, a)) return; // the search runs no front-run in (0, 1e-13)
        const den = bounds.x * bounds.x + bounds.q1 * a + bounds.gamma2 * a * a;
        expect(Math.abs(profitAt(t, a) - (a * (bounds.e0 + bounds.e1 * a)) / den)).toBeLessThanOrEqual(1e-12 * a);
      }),
      { numRuns: 2000, seed: 29 },
    );
  });

  it('never pays only where the full search finds no sandwich, and does say so of a small victim on a 0.05 % pool', () => {
    fc.assert(
      fc.property(withBounds, ({ pool, victim, bounds }) => {
        if (bounds?.neverPays) expect(optimalSandwichOnObjects(pool, victim)).toBeNull();
      }),
      { numRuns: 2000, seed: 29 },
    );
    const pool = createPool(2500, 5_000_000, 0.0005);
    const victim = { tokenIn: 'Y' as const, amountIn: 2000, minAmountOut: quoteExactIn(pool, 'Y', 2000) * 0.99 };
    expect(boundsOf(termsOf(pool, victim))!.neverPays).toBe(true);
    const large = { tokenIn: 'Y' as const, amountIn: 3000, minAmountOut: quoteExactIn(pool, 'Y', 3000) * 0.99 };
    expect(boundsOf(termsOf(pool, large))!.neverPays).toBe(false); // above fee·x = 2,500 Y a front-run pays
  });

  it('every front-run up to admissibleTo passes runSandwich and every one from revertsFrom fails, and the two lie within 1e-9·x of each other', () => {
    fc.assert(
      fc.property(withBounds, ({ t, bounds, u }) => {
        if (!bounds) return;
        if (bounds.admissibleTo >= 0) {
          expect(runSandwich(t, bounds.admissibleTo)).toBe(true);
          expect(runSandwich(t, u * bounds.admissibleTo)).toBe(true);
        }
        if (bounds.revertsFrom <= t.reserveIn * 1e3) {
          expect(runSandwich(t, bounds.revertsFrom)).toBe(false);
          expect(runSandwich(t, bounds.revertsFrom + u * (t.reserveIn * 1e3 - bounds.revertsFrom))).toBe(false);
        }
        if (bounds.admissibleTo > 0 && bounds.revertsFrom < t.reserveIn * 1e3) expect(bounds.revertsFrom - bounds.admissibleTo).toBeLessThan(1e-9 * t.reserveIn);
      }),
      { numRuns: 3000, seed: 29 },
    );
  });

  it('profitOrder, where it decides, orders runSandwich’s profits as they compare, near the optimum and far from it', () => {
    let decided = 0;
    fc.assert(
      fc.property(withBounds, fraction, ({ t, bounds, u }, w) => {
        if (!bounds || bounds.admissibleTo <= 0) return;
        // c < d in [0, admissibleTo], d − c from the whole range down to 1e-12 of it.
        const d = u * bounds.admissibleTo;
        const c = d * (1 - 10 ** (-12 * w));
        const order = profitOrder(bounds, c, d);
        if (order === -1) return;
        decided++;
        expect(order).toBe(profitAt(t, c) < profitAt(t, d) ? 1 : 0);
      }),
      { numRuns: 5000, seed: 29 },
    );
    expect(decided).toBeGreaterThan(1000);
  });

  it('no bounds outside the range they are proven on: a subnormal victim, a reserve above 1e30, a 60 % fee', () => {
    const victim = (amountIn: number) => ({ tokenIn: 'X' as const, amountIn, minAmountOut: 1e-3 });
    expect(boundsOf(termsOf(createPool(1, 1, 0.003), victim(5e-324)))).toBeNull();
    expect(boundsOf(termsOf(createPool(1e31, 1, 0.003), victim(1)))).toBeNull();
    expect(boundsOf(termsOf(createPool(1, 1, 0.6), victim(0.1)))).toBeNull();
    expect(boundsOf(termsOf(createPool(1, 1, 0.003), victim(0.1)))).not.toBeNull();
  });
});
