import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { tableColumns, zeroTally } from '../../src/marketModel/columns.js';
import { holdingsOf, supplyOf } from '../../src/marketModel/conservation.js';
import { chargeDataFee, executeLegs, type BlockExecution } from '../../src/marketModel/executeBundle.js';
import { unwindOpenLegs } from '../../src/marketModel/legRisk.js';
import { executeUser } from '../../src/marketModel/phases/execute.js';
import { MAX_BID_PURCHASE_SHARE, payBid, settleSlot } from '../../src/marketModel/phases/settle.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import type { AuctionOutcome, ExecutionOutcome, WinningBlock } from '../../src/marketModel/slot.js';
import type { WorldState } from '../../src/marketModel/types.js';
import { createWorld } from '../../src/marketModel/world.js';
import type { Bundle } from '../../src/market/orders/types.js';

/*
 * Token conservation, flow by flow: each apply step only moves X and Y between holders on a rollup
 * (pool, users, treasury, proposer, burned, committee, searchers, builders), so the sum over holders
 * is the same before and after it (to 1e-9 relative: the flows' own rounding is ~1e-16).
 */

const P = 2000; // reference price, Y per X

function world(opts: { builders?: boolean; mechanism?: string; disposal?: 'hold' | 'sell'; reserveX?: number } = {}): WorldState {
  const x = opts.reserveX ?? 1000;
  const config = resolveMarketConfig({
    seed: 1,
    reference: { initialPriceYPerX: P },
    rollups: [
      { id: 'A', gasToken: 'X', pool: { reserveX: x, reserveY: x * P, fee: 0.003 }, feeModel: { initialBaseFeePerByte: 1e-6 } },
      { id: 'B', gasToken: 'Y', pool: { reserveX: x, reserveY: x * P, fee: 0.003 }, feeModel: { initialBaseFeePerByte: 1e-3 } },
    ],
    searchers: [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A' }, { kind: 'cex-dex', id: 'arb-B', rollup: 'B' }],
    builders: opts.builders ? [{ id: 'b1' }, { id: 'b2' }] : [],
    mechanism: { name: opts.mechanism ?? 'first-price' },
    proposer: { disposal: { policy: opts.disposal ?? 'hold', sellFractionPerSlot: 0.25 } },
  });
  const w = createWorld(config);
  w.refPriceYPerX = P;
  return w;
}

/** Σ over holders of X and Y on each rollup. */
const supplies = (w: WorldState) => w.rollups.map((r) => [supplyOf(w, r.index, 'X'), supplyOf(w, r.index, 'Y')] as const);

/** The sums over holders are what they were, to 1e-9 relative. */
function expectConserved(w: WorldState, before: ReturnType<typeof supplies>): void {
  supplies(w).forEach((after, r) =>
    after.forEach((v, t) => {
      const was = before[r]![t]!;
      expect(Math.abs(v - was), `rollup ${r} token ${t ? 'Y' : 'X'}`).toBeLessThanOrEqual(1e-9 * Math.abs(was));
    }),
  );
}

const blockExecution = (w: WorldState): BlockExecution => ({ world: w, tally: w.rollups.map(() => zeroTally('execute', tableColumns(['cex-dex']))) });
const noExecution = (w: WorldState, executed: ExecutionOutcome['executed'] = []): ExecutionOutcome => ({ trace: [], executed, tally: blockExecution(w).tally });
const balanceOf = (w: WorldState, r: number, holder: string) => holdingsOf(w, r).find((h) => h.holder === holder)!.balances;

const bundle = (over: Partial<Bundle>): Bundle => ({
  searcher: 0,
  kind: 'cex-dex',
  target: { kind: 'top', rollups: [0] },
  legs: [],
  valueY: 100,
  bidRollup: 0,
  bidGas: 0,
  bidY: 0,
  hedge: true,
  arrivalMs: 0,
  ...over,
});

describe('token conservation, flow by flow', () => {
  it('at slot 0 the only holder is the pool, and the sum over holders is its reserves', () => {
    const w = world({ builders: true });
    expect(w.rollups.map((r) => r.initialSupply)).toEqual([{ X: 1000, Y: 1000 * P }, { X: 1000, Y: 1000 * P }]);
    expect(supplies(w)).toEqual([[1000, 1000 * P], [1000, 1000 * P]]);
  });

  it('a user swap: the users pay the input and the data fee and receive the output', () => {
    const w = world();
    const before = supplies(w);
    const x = blockExecution(w);
    for (const r of [0, 1]) expect(executeUser(x, w.rollups[r]!, { id: r, rollup: r, arrivalMs: 0, tokenIn: 'Y', amountIn: 5000, minAmountOut: 0, isPrivate: false })).toBe(true);
    expectConserved(w, before);
    expect(w.rollups[0]!.users.Y).toBe(-5000);
    expect(w.rollups[0]!.users.X).toBeGreaterThan(2); // the output less the data fee in X
    expect(w.rollups[0]!.treasury.X).toBeGreaterThan(0);
    expect(w.rollups[1]!.treasury.Y).toBeGreaterThan(0);
  });

  it('a data fee: from the payer (users or a searcher) to the treasury', () => {
    const w = world();
    const before = supplies(w);
    const x = blockExecution(w);
    const fee = chargeDataFee(x, 1, w.rollups[1]!.users);
    chargeDataFee(x, 0, w.searchers[0]!.onchain[0]!);
    expectConserved(w, before);
    expect(w.rollups[1]!.users.Y).toBe(-fee);
    expect(w.rollups[1]!.treasury.Y).toBe(fee);
  });

  it('a searcher swap (bundle legs): the pool and the searcher’s inventory, the fee to the treasury', () => {
    const w = world();
    const before = supplies(w);
    const x = blockExecution(w);
    expect(executeLegs(x, bundle({ legs: [{ rollup: 0, tokenIn: 'Y', amountIn: 20_000, minAmountOut: 0 }] }))).not.toBeNull();
    expectConserved(w, before);
    expect(w.searchers[0]!.onchain[0]!.Y).toBe(-20_000);
  });

  it('an unwind of a lone leg: sold back into its pool', () => {
    const w = world();
    const x = blockExecution(w);
    const leg = executeLegs(x, bundle({ legs: [{ rollup: 1, tokenIn: 'Y', amountIn: 20_000, minAmountOut: 0 }] }))!;
    const out = leg[0]!.amountOut;
    w.searchers[0]!.openLegs.push({ rollup: 1, token: 'X', amount: out, deltaX: out, deltaY: -20_000, heldBlocks: 0 });
    const before = supplies(w);
    unwindOpenLegs(x, 0);
    expectConserved(w, before);
    expect(w.searchers[0]!.onchain[1]!.X).toBeCloseTo(0, 12);
  });

  it('a disposal sale: the proposer sells its gas token into the pool', () => {
    const w = world({ disposal: 'sell' });
    w.proposer.holdings[0]!.X = 4; // received earlier (the setup itself is not a flow)
    const before = supplies(w);
    const tally = settleSlot(w, { blocks: [], allocated: [], proposers: [0, 0], tally: [], sales: [] }, noExecution(w));
    expectConserved(w, before);
    expect(tally[0]!.disposalSoldGas).toBe(1);
    expect(w.proposer.holdings[0]!.X).toBe(3);
    expect(w.proposer.holdings[0]!.Y).toBeGreaterThan(0);
  });

  it('a bid paid directly to the proposer, bought on the pool by a payer short of the gas token', () => {
    const w = world();
    const before = supplies(w);
    const won = { bundle: bundle({ bidGas: 0.5 }), paymentGas: 0.5 };
    const block: WinningBlock = { rollups: [0, 1], proposer: 0, builder: null, bidsY: [], valuesY: [], choices: [], draws: [], payments: null };
    const tally = settleSlot(w, { blocks: [block], allocated: [won], proposers: [0, 0], tally: [], sales: [] }, noExecution(w, [won]));
    expectConserved(w, before);
    expect(tally[0]!.bidPurchaseGas).toBe(0.5);
    expect(w.proposer.holdings[0]!.X).toBe(0.5);
  });

  /** Two searchers pay the winning builder on both rollups; the builder pays `price` (Y) split as given. */
  function viaBuilder(mechanism: string, priceY: number, split: { toProposerY: number; burnedY: number; toCommitteeY: number; rebateToUserY: number }) {
    const w = world({ builders: true, mechanism });
    const before = supplies(w);
    const won = [
      { bundle: bundle({ searcher: 0, bidGas: 0.5 }), paymentGas: 0.5 }, // 1,000 Y at P
      { bundle: bundle({ searcher: 1, target: { kind: 'top', rollups: [1] }, bidRollup: 1, bidGas: 1000 }), paymentGas: 1000 },
    ];
    const block: WinningBlock = { rollups: [0, 1], proposer: 0, builder: 0, bidsY: [priceY, priceY / 2], valuesY: [priceY, priceY / 2], choices: [], draws: [], payments: { perBidderY: [priceY, 0], ...split } };
    const auction: AuctionOutcome = { blocks: [block], allocated: won, proposers: [0, 0], tally: [], sales: [] };
    const tally = settleSlot(w, auction, noExecution(w, won));
    expectConserved(w, before);
    return { w, tally };
  }

  it('a bid via a builder (first-price): the proposer gets the price’s share of each token, the builder keeps the rest', () => {
    const { w } = viaBuilder('first-price', 1500, { toProposerY: 1500, burnedY: 0, toCommitteeY: 0, rebateToUserY: 0 });
    // The builder received 0.5 X and 1,000 Y (2,000 Y at P) and pays 1,500 Y: f = 3/4 of each token.
    expect(w.proposer.holdings[0]!.X).toBeCloseTo(0.375, 12);
    expect(w.proposer.holdings[1]!.Y).toBeCloseTo(750, 9);
    expect(w.builders[0]!.holdings[0]!.X).toBeCloseTo(0.125, 12);
    expect(w.builders[0]!.holdings[1]!.Y).toBeCloseTo(250, 9);
    expect(balanceOf(w, 1, 'builder:b1').Y).toBeCloseTo(250, 9);
  });

  it('a bid via a builder (mev-burn): the floor is burned on each rollup, the rest to the proposer', () => {
    const { w, tally } = viaBuilder('mev-burn', 1500, { toProposerY: 500, burnedY: 1000, toCommitteeY: 0, rebateToUserY: 0 });
    expect(w.rollups[0]!.burned.X).toBeCloseTo(0.25, 12);
    expect(w.rollups[1]!.burned.Y).toBeCloseTo(500, 9);
    expect(w.proposer.holdings[1]!.Y).toBeCloseTo(250, 9);
    expect(tally[0]!.burnedY + tally[1]!.burnedY).toBeCloseTo(1000, 9);
  });

  it('a bid via a builder (mev-smoothing, order-flow rebate): committee and users accounts', () => {
    const { w } = viaBuilder('mev-smoothing', 1500, { toProposerY: 500, burnedY: 0, toCommitteeY: 700, rebateToUserY: 300 });
    expect(w.rollups[1]!.committee.Y).toBeCloseTo(350, 9);
    expect(w.rollups[1]!.users.Y).toBeCloseTo(150, 9);
  });

  it('a price above what the winner received: all of it is passed on, the excess is off-chain Y', () => {
    const { w } = viaBuilder('first-price', 5000, { toProposerY: 5000, burnedY: 0, toCommitteeY: 0, rebateToUserY: 0 });
    expect(w.proposer.holdings[0]!.X).toBeCloseTo(0.5, 12);
    expect(w.proposer.holdings[1]!.Y).toBeCloseTo(1000, 9);
    expect(w.builders[0]!.holdings[1]!.Y).toBe(0);
  });

  it('a bid larger than the pool can sell: paid up to half the reserve, the rest recorded as unpaid', () => {
    const w = world({ reserveX: 10 });
    const before = supplies(w);
    const stats = zeroTally('settle');
    const paid = payBid(w, w.rollups[0]!, 0, 25, w.proposer.holdings[0]!, stats);
    expectConserved(w, before);
    expect(MAX_BID_PURCHASE_SHARE).toBe(0.5);
    expect(paid).toBe(5);
    expect(stats.bidPurchaseGas).toBe(5);
    expect(stats.unpaidBidGas).toBe(20);
    expect(stats.winningBidGas).toBe(5);
    expect(w.rollups[0]!.pool.reserveX).toBe(5);
  });
});

describe('a bid the pool cannot sell never crashes (regression)', () => {
  // One small pool far from the reference price: the CEX-DEX searcher's bids in X exceeded the pool's
  // X reserve, and buying them threw `RangeError: amountOut must be < reserveX`.
  for (const variant of [{ name: 'direct, gas in X', gasToken: 'X', builders: [] }, { name: 'via builders, gas in Y', gasToken: 'Y', builders: [{ id: 'b1' }, { id: 'b2' }] }]) {
    it(`one rollup with reserves (10000, 10000) and a CEX-DEX searcher runs 200 slots (${variant.name})`, () => {
      const config = resolveMarketConfig({
        seed: 1,
        slots: 200,
        rollups: [{ id: 'A', gasToken: variant.gasToken, pool: { reserveX: 10000, reserveY: 10000 } }],
        searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A' }],
        builders: variant.builders,
      });
      const summary = runMarket(config);
      expect(summary.slots).toBe(200);
      expect(summary.conservation.max_relative_drift).toBeLessThan(1e-12);
      if (variant.gasToken === 'X') expect(summary.rollups[0]!.unpaid_bid_gas).toBeGreaterThan(0);
    });
  }
});
