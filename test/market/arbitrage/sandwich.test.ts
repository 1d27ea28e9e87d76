import { describe, expect, it } from 'vitest';
import { createPool, quoteExactIn } from '../../../src/market/amm/index.js';
import fc from 'fast-check';
import { optimalSandwich, sandwichProfit, simulateSandwich } from '../../../src/market/arbitrage/sandwich.js';
import { gridThenGoldenMax } from './maximize.js';
import { edgePoolAndVictim, optimalSandwichOnObjects, ordinaryPoolAndVictim } from './sandwichReference.js';

const pool = createPool(1000, 2_000_000, 0.003);

describe('optimal sandwich', () => {
  it('front-runs no further than the victim’s slippage limit and beats every smaller or larger admissible front-run', () => {
    const amountIn = 20_000; // Y, buys ~10 X
    const victim = { tokenIn: 'Y' as const, amountIn, minAmountOut: quoteExactIn(pool, 'Y', amountIn) * 0.98 };
    const s = optimalSandwich(pool, victim)!;
    expect(s).not.toBeNull();
    expect(s.victimOut).toBeGreaterThanOrEqual(victim.minAmountOut);
    // An independent numerical maximisation of the same profit over the admissible range agrees.
    const admissible = (a: number) => simulateSandwich(pool, victim, a)?.profitInTokenIn ?? -1e18;
    const grid = Array.from({ length: 2001 }, (_, i) => (i / 2000) * 200_000).filter((a) => simulateSandwich(pool, victim, a));
    const aMax = Math.max(...grid);
    const best = gridThenGoldenMax(admissible, 0, aMax + 200_000 / 2000, 400);
    expect(s.profitInTokenIn).toBeGreaterThanOrEqual(best.value - 1e-6 * Math.abs(best.value));
    // The attacker's gain is the victim's loss net of fees: the victim gets less than without it.
    expect(s.victimOut).toBeLessThan(quoteExactIn(pool, 'Y', amountIn));
  });

  it('with zero slippage tolerance there is nothing to take', () => {
    const victim = { tokenIn: 'X' as const, amountIn: 5, minAmountOut: quoteExactIn(pool, 'X', 5) };
    expect(optimalSandwich(pool, victim)).toBeNull();
  });

  it('a victim that would revert anyway is not sandwiched', () => {
    const victim = { tokenIn: 'X' as const, amountIn: 5, minAmountOut: quoteExactIn(pool, 'X', 5) * 1.01 };
    expect(optimalSandwich(pool, victim)).toBeNull();
  });
});

/** A trade size: ordinary, or one that reverts or overflows (0, negative, huge, ±∞, NaN). */
const size = fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constantFrom(0, -1, 1e300, Infinity, NaN));

/** A random pool and a victim whose minimum output is `slip` (drawn from [slipMin, 1]) × the fair quote. */
function poolAndVictim(slipMin: number) {
  return fc
    .tuple(
      fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
      fc.constantFrom(0, 0.0005, 0.003, 0.01),
      fc.constantFrom('X' as const, 'Y' as const),
      size,
      fc.double({ min: slipMin, max: 1, noNaN: true }),
    )
    .map(([rx, ry, fee, tokenIn, amountIn, slip]) => {
      const pool = createPool(rx, ry, fee);
      const fair = Number.isFinite(amountIn) && amountIn > 0 ? quoteExactIn(pool, tokenIn, amountIn) : 0;
      return { pool, victim: { tokenIn, amountIn, minAmountOut: fair * slip } };
    });
}

describe('sandwichProfit (optimalSandwich\'s step on numbers, runSandwich)', () => {
  it('is exactly simulateSandwich(...)?.profitInTokenIn ?? −∞, bit for bit, on random pools, victims and front-runs, reverting and overflowing ones included', () => {
    fc.assert(
      fc.property(poolAndVictim(0), size, ({ pool, victim }, frontIn) => {
        const expected = simulateSandwich(pool, victim, frontIn)?.profitInTokenIn ?? -Infinity;
        expect(Object.is(sandwichProfit(pool, victim, frontIn), expected)).toBe(true);
      }),
      { numRuns: 3000, seed: 18 },
    );
  });
});

describe('optimalSandwich on numbers', () => {
  it('is exactly the same search on simulateSandwich’s objects, every field bit for bit', () => {
    fc.assert(
      fc.property(poolAndVictim(0.9), ({ pool, victim }) => {
        const expected = optimalSandwichOnObjects(pool, victim);
        const got = optimalSandwich(pool, victim);
        expect(got === null).toBe(expected === null);
        if (got && expected) for (const k of Object.keys(expected) as (keyof typeof expected)[]) expect(Object.is(got[k], expected[k])).toBe(true);
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});

/** Runs `optimalSandwich` against the search on objects on `cases`; returns how many were sandwiched. */
function sandwichedLikeObjectSearch(cases: typeof ordinaryPoolAndVictim, numRuns: number, seed: number): number {
  let sandwiched = 0;
  fc.assert(
    fc.property(cases, ({ pool, victim }) => {
      const expected = optimalSandwichOnObjects(pool, victim);
      const got = optimalSandwich(pool, victim);
      expect(got === null).toBe(expected === null);
      if (got && expected) {
        sandwiched++;
        for (const k of Object.keys(expected) as (keyof typeof expected)[]) expect(Object.is(got[k], expected[k])).toBe(true);
      }
    }),
    { numRuns, seed },
  );
  return sandwiched;
}

describe('optimalSandwich with its closed-form shortcuts (sandwichBounds.ts)', () => {
  it('is exactly the search on simulateSandwich’s objects on ordinary pools and victims: small, large, and at the never-pays and slippage limits', () => {
    expect(sandwichedLikeObjectSearch(ordinaryPoolAndVictim, 3000, 29)).toBeGreaterThan(300); // both outcomes are exercised
  });

  it('is exactly the search on simulateSandwich’s objects at the edges of the admitted range: tiny and huge reserves, fees to 50 %, whole-reserve victims', () => {
    expect(sandwichedLikeObjectSearch(edgePoolAndVictim, 2000, 31)).toBeGreaterThan(100);
  });
});
