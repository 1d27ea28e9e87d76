import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import type { BackrunView } from '../../../src/agents/searchers/backrunner.js';
import { proposeSandwiches } from '../../../src/agents/searchers/sandwicher.js';
import { createPool } from '../../../src/market/amm/index.js';
import type { UserSwap } from '../../../src/market/orders/types.js';

/*
 * Hand-derived sandwich on pool (100, 100) without a fee (k = 10⁴). A victim pays 20 of a token
 * with slippage limit m = k·20/(105·125) = 320/21. With no fee the attacker's profit only grows
 * with the front-run, so the best front-run is the largest the victim tolerates (Zhou et al. 2021,
 * §V): a = 5, which puts the input reserve at 105 and leaves the victim exactly m.
 *   front-run: 5 in, 100 − k/105 = 100/21 out; victim: 20 in → reserves (80, 125), 2000/21 − 80 = 320/21 out;
 *   back-run: 100/21 in → 125 − k/(80 + 100/21) = 625/89 out; profit 625/89 − 5 = 180/89 (in the victim's input token).
 */
const m = (1e4 * 20) / (105 * 125);
const victim = (over: Partial<UserSwap>): UserSwap => ({ id: 9, rollup: 2, arrivalMs: 500, tokenIn: 'Y', amountIn: 20, minAmountOut: m, isPrivate: false, ...over });
const view = (over: Partial<BackrunView>): BackrunView => ({
  searcher: 1,
  rollup: 2,
  pool: createPool(100, 100, 0),
  gasToken: 'Y',
  refPriceYPerX: 2,
  publicPending: [victim({})],
  minProfitY: 0,
  latencyMs: 25,
  ...over,
});

describe('proposeSandwiches', () => {
  it('a Y-paying victim: front-runs up to its slippage limit, value 180/89 Y, bidding for the spots around it', () => {
    const bundles = proposeSandwiches(view({}), fixedFractionBid(0.5));
    expect(bundles).toHaveLength(1);
    const b = bundles[0]!;
    expect(b).toMatchObject({ searcher: 1, kind: 'sandwich', target: { kind: 'sandwich', rollup: 2, userId: 9 }, bidRollup: 2, hedge: false, arrivalMs: 525 });
    expect(b.legs).toHaveLength(1); // the front-run only
    expect(b.legs[0]!.rollup).toBe(2);
    expect(b.legs[0]!.tokenIn).toBe('Y');
    expect(b.legs[0]!.amountIn).toBeCloseTo(5, 6);
    expect(b.legs[0]!.minAmountOut).toBeCloseTo(100 / 21, 6);
    expect(b.valueY).toBeCloseTo(180 / 89, 6);
    expect(b.bidY).toBeCloseTo(90 / 89, 6);
    expect(b.bidGas).toBeCloseTo(90 / 89, 6); // gas token Y
  });

  it('an X-paying victim (the mirror image): the profit of 180/89 X is valued at the reference price, 2 Y per X', () => {
    const [b] = proposeSandwiches(view({ publicPending: [victim({ tokenIn: 'X' })], gasToken: 'X' }), fixedFractionBid(0.5));
    expect(b!.legs[0]!.tokenIn).toBe('X');
    expect(b!.legs[0]!.amountIn).toBeCloseTo(5, 6);
    expect(b!.valueY).toBeCloseTo((2 * 180) / 89, 6);
    expect(b!.bidY).toBeCloseTo(180 / 89, 6);
    expect(b!.bidGas).toBeCloseTo(90 / 89, 6); // 180/89 Y at 2 Y per X
  });

  it('leaves alone a victim that would revert anyway, or whose sandwich pays at most the threshold', () => {
    // 20 Y into (100, 100) pays 100·20/120 = 50/3 X; asking for more reverts without any front-run.
    expect(proposeSandwiches(view({ publicPending: [victim({ minAmountOut: 50 / 3 + 0.01 })] }), fixedFractionBid(0.5))).toEqual([]);
    expect(proposeSandwiches(view({ minProfitY: 2.03 }), fixedFractionBid(0.5))).toEqual([]); // 180/89 ≈ 2.0225
    expect(proposeSandwiches(view({ minProfitY: 2.02 }), fixedFractionBid(0.5))).toHaveLength(1);
  });

  it('one bundle per victim shown, none without victims; never bids more than the value', () => {
    expect(proposeSandwiches(view({ publicPending: [] }), fixedFractionBid(0.5))).toEqual([]);
    const two = proposeSandwiches(view({ publicPending: [victim({ id: 1 }), victim({ id: 2, arrivalMs: 800 })] }), fixedFractionBid(5));
    expect(two.map((b) => [b.target, b.arrivalMs])).toEqual([
      [{ kind: 'sandwich', rollup: 2, userId: 1 }, 525],
      [{ kind: 'sandwich', rollup: 2, userId: 2 }, 825],
    ]);
    for (const b of two) expect(b.bidY).toBe(b.valueY);
  });
});
