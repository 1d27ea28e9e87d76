import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { cappedCexDex } from '../../../src/agents/searchers/cappedCexDexArbitrageur.js';
import { cexDex } from '../../../src/agents/searchers/cexDexArbitrageur.js';
import type { SearcherView } from '../../../src/agents/searchers/searcherKind.js';
import { resolveMarketConfig } from '../../../src/config/loadConfig.js';
import { createPool } from '../../../src/market/amm/index.js';
import { runSimulation } from '../../../src/index.js';

const p = 2000; // reference price, Y per X
const view = (reserveX: number, reserveY: number, fee = 0): SearcherView => ({
  searcher: 0,
  rollups: [{ index: 0, id: 'A', pool: createPool(reserveX, reserveY, fee), gasToken: 'Y', pending: [] }],
  refPriceYPerX: p,
  minProfitY: 0,
  latencyMs: 50,
  arrivalMs: 50,
  atomicAllowed: true,
  group: -1,
});
const strategy = fixedFractionBid(0.5);

describe('capped-cex-dex searcher (the one-file searcher kind of docs/extending-searchers.md)', () => {
  it('under its cap it proposes exactly the cex-dex bundle', () => {
    const v = view(1000, 1000 * p * 0.9); // pool price 1,800: X is cheap on the pool
    const [plain] = cexDex.propose(v, { rollup: 'A' }, strategy);
    const [capped] = cappedCexDex.propose(v, { rollup: 'A', maxTradeY: 1e12 }, strategy);
    expect(capped!.legs).toEqual(plain!.legs);
    expect(capped!.valueY).toBeCloseTo(plain!.valueY, 9);
    expect(capped!.bidY).toBeCloseTo(0.5 * plain!.valueY, 9);
  });

  it('at its cap it buys maxTradeY of X on a zero-fee pool and its value is the constant-product output at the reference price', () => {
    const [x, y, cap] = [1000, 1_800_000, 5000];
    const [b] = cappedCexDex.propose(view(x, y), { rollup: 'A', maxTradeY: cap }, strategy);
    // Constant product, no fee: Δx = x·a / (y + a) for a of Y in (Uniswap v2 whitepaper, Adams et al. 2020).
    const out = (x * cap) / (y + cap);
    expect(b!.legs[0]).toMatchObject({ tokenIn: 'Y', amountIn: cap });
    expect(b!.valueY).toBeCloseTo(out * p - cap, 9);
    expect(b!.kind).toBe('capped-cex-dex');
  });

  it('sells X (input capped at maxTradeY ÷ price) when X is dear on the pool', () => {
    const [x, y, cap] = [1000, 2_200_000, 4000];
    const [b] = cappedCexDex.propose(view(x, y), { rollup: 'A', maxTradeY: cap }, strategy);
    const a = cap / p;
    expect(b!.legs[0]).toMatchObject({ tokenIn: 'X', amountIn: a });
    expect(b!.valueY).toBeCloseTo((y * a) / (x + a) - a * p, 9);
  });

  it('in the market its trades fill its own columns, and a cap slows how fast the gap closes', () => {
    const market = (searcher: Record<string, unknown>) =>
      resolveMarketConfig({
        seed: 3,
        slots: 5,
        reference: { initialPriceYPerX: p, sigmaPerYear: 1e-9 },
        rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 1000, reserveY: 1000 * p * 0.8, fee: 0 }, users: { arrivalsPerSlot: 0 } }],
        searchers: [{ id: 's', rollup: 'A', ...searcher }],
      });
    const capped = runSimulation(market({ kind: 'capped-cex-dex', maxTradeY: 20_000 }), { keepRows: true });
    const rows = capped.rows as Record<string, number>[];
    expect(rows.every((r) => r.capped_arb_trades === 1 && r.arb_trades === 0)).toBe(true);
    const gaps = rows.map((r) => Math.abs(r.gap_bps!));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]!);
    expect((capped.summary.rollups[0] as unknown as Record<string, number>).capped_arb_trades).toBe(5);
    // Uncapped, the first block closes the 20 % gap to within the price impact of paying its bid (< 2 %);
    // capped, more than half of it is still open after the first block.
    const plain = runSimulation(market({ kind: 'cex-dex' }), { keepRows: true }).rows as Record<string, number>[];
    expect(Math.abs(plain[0]!.gap_bps!)).toBeLessThan(200);
    expect(gaps[0]).toBeGreaterThan(1000);
  });

  it('the extension guide shows the kind’s file verbatim', () => {
    const doc = readFileSync('docs/extending-searchers.md', 'utf8');
    expect(doc).toContain(readFileSync('src/agents/searchers/cappedCexDexArbitrageur.ts', 'utf8').trim());
  });
});
