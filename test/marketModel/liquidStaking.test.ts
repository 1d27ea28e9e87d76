import { describe, expect, it } from 'vitest';
import { expectResumesExactly } from './fixtures.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { allocateLst } from '../../src/marketModel/liquidStaking.js';
import { MarketRun } from '../../src/marketModel/marketRun.js';
import { runMarket } from '../../src/marketModel/runMarket.js';

/** One rollup, one CEX-DEX arbitrageur selling to the proposer directly; pools of one or more validators (`opsPerPool`). */
function lstWorld(seed: number, pools: Record<string, unknown>[], liquidStaking: Record<string, unknown>, staking: Record<string, unknown> = {}, slots = 320, ownStake = 1e-6) {
  return resolveMarketConfig({
    seed,
    slots,
    clock: { slotMs: 2000, slotsPerEpoch: 16 },
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.5 },
    rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users: { arrivalsPerSlot: 1 } }],
    searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A', bidFraction: 0.8 }],
    validators: pools.flatMap((p, i) => ((p.operators as string[] | undefined) ?? [`v${i}`]).map((id) => ({ id, stake: ownStake }))),
    staking: {
      pools: pools.map((p, i) => ({ id: `p${i}`, operators: [`v${i}`], ...p })),
      delegators: { count: 3000, stake: 1 },
      windowEpochs: 4,
      speed: 0.3,
      outsideReturnY: 0.01,
      issuancePerBlockY: 1,
      liquidStaking,
      ...staking,
    },
  });
}

describe('liquid staking: allocation rules (pure)', () => {
  it('equal: supply ÷ k to each member, nothing buffered', () => {
    expect(allocateLst('equal', 3000, [1, 2, 5], [[9, 1, 0]])).toEqual({ allocation: [1000, 1000, 1000], buffered: 0 });
  });

  it('performance: proportional to the window-mean returns (by hand: means 3 and 1 → 3/4 and 1/4), equal when nothing is seen or all are 0', () => {
    // Window of two epochs: member 0 returned 2 then 4 (mean 3), member 1 returned 0 then 2 (mean 1).
    expect(allocateLst('performance', 1000, [1, 1], [[2, 0], [4, 2]]).allocation).toEqual([750, 250]);
    expect(allocateLst('performance', 1000, [1, 1], []).allocation).toEqual([500, 500]);
    expect(allocateLst('performance', 1000, [1, 1], [[0, 0]]).allocation).toEqual([500, 500]);
    expect(allocateLst('performance', 1000, [1, 1], [[-1, 1]]).allocation).toEqual([0, 1000]);
  });

  it('router: members filled in priority order up to cap × operators, the rest buffered', () => {
    // cap 10 per operator, members with 2, 1, 3 operators: capacities 20, 10, 30.
    expect(allocateLst('router', 35, [2, 1, 3], [], 10)).toEqual({ allocation: [20, 10, 5], buffered: 0 });
    expect(allocateLst('router', 70, [2, 1, 3], [], 10)).toEqual({ allocation: [20, 10, 30], buffered: 10 });
  });
});

describe('liquid staking in a run', () => {
  it('equal: each member holds exactly supply ÷ k of the protocol\'s stake, split evenly over its operators, at every epoch', () => {
    const pools = [{ operators: ['a', 'b'] }, { operators: ['c'] }, { operators: ['d', 'e', 'f'] }];
    const config = lstWorld(4, pools, { delegators: 1000, members: ['p0', 'p1', 'p2'], fee: 0.1 }, { delegators: { count: 600, stake: 3 } }, 160);
    const supply = 1000 * 3;
    const run = MarketRun.start(config);
    for (let slot = 16; slot <= 160; slot += 16) {
      run.step(slot);
      const world = run.snapshot().world;
      expect(world.staking!.lst!.allocation).toEqual([supply / 3, supply / 3, supply / 3]);
    }
    const s = run.result().staking!;
    const lst = s.liquid_staking!;
    expect(lst.allocation.map((a) => a.stake)).toEqual([supply / 3, supply / 3, supply / 3]);
    // Validator a (pool p0, 2 operators): own 1e-6 + p0's delegators × 3 ÷ 2 + (supply ÷ 3) ÷ 2.
    const p0 = s.pools[0]!;
    expect(s.validator_stakes[0]!.stake).toBeCloseTo(1e-6 + (p0.delegators * 3) / 2 + supply / 3 / 2, 9);
    for (const e of s.epochs) expect(e.lst_allocation).toEqual([supply / 3, supply / 3, supply / 3]);
    expect(lst.stake_share).toBeCloseTo(supply / s.total_stake, 12);
  });

  it('exchange rate = 1 + Σ net rewards ÷ supply (closed form: one pool, nearly all its stake the protocol\'s, issuance only)', () => {
    // One validator of own stake ε = 2⁻³⁰ in one pool; one independent delegator of stake 1 that never moves (speed 0), so the
    // protocol holds 1024 of the pool's 1025 + ε and earns that share of every block's issuance (1 Y; no MEV captured: sophistication 0) after the pool's
    // commission ½, and keeps its fee ½ of it: net per block ¼ · 1024 ÷ (1025 + ε), the same to the fee. After E epochs of 16
    // one-block slots the rate is 1 + 16E · net per block ÷ 1024 (the reward-accruing exchange rate of Gogol et al. 2024,
    // arXiv:2404.00644, §3). Agreement to 1e-14 relative (floating sums over the blocks).
    const eps = 2 ** -30;
    const config = lstWorld(5, [{ commission: 0.5, mevSophistication: 0 }], { delegators: 1024, members: ['p0'], fee: 0.5 }, { delegators: { count: 1, stake: 1 }, speed: 0 }, 100, eps);
    const s = runMarket(config);
    const lst = s.staking!.liquid_staking!;
    const epochs = Math.floor(100 / 16); // the unfinished seventh epoch is not booked
    expect(s.staking!.epochs.length).toBe(epochs);
    expect(lst.supply).toBe(1024);
    const perBlock = (0.25 * 1024) / (1025 + eps);
    const close = (x: number, y: number) => expect(Math.abs(x - y) / y).toBeLessThan(1e-14);
    close(lst.net_reward_y, 16 * epochs * perBlock);
    close(lst.fee_y, 16 * epochs * perBlock);
    close(lst.exchange_rate - 1, (16 * epochs * perBlock) / 1024);
    s.staking!.epochs.forEach((e, i) => close(e.lst_exchange_rate! - 1, (16 * (i + 1) * perBlock) / 1024));
    close(lst.stake_share, 1024 / (1025 + eps));
  });

  it('stake is conserved with the protocol: delegators in pools + idle = count at every epoch, allocation + buffered = supply, and the stakes add up', () => {
    const config = lstWorld(3, [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.2, mevSophistication: 0.3 }, { commission: 0, mevSophistication: 0.6 }], { delegators: 500, members: ['p0', 'p2'], rule: 'performance', fee: 0.05 }, { delegators: { count: 997, stake: 3 }, speed: 1 }, 480);
    const run = MarketRun.start(config);
    let moved = 0;
    for (let slot = 16; slot <= 480; slot += 16) {
      run.step(slot);
      const st = run.snapshot().world.staking!;
      expect(st.delegators.reduce((a, d) => a + d, 0) + st.idle).toBe(997);
      expect(st.lst!.allocation.reduce((a, x) => a + x, 0) + st.lst!.buffered).toBeCloseTo(1500, 9);
      moved = st.moves;
    }
    expect(moved).toBeGreaterThan(0);
    const s = run.result().staking!;
    expect(s.total_stake + s.idle_stake).toBeCloseTo(997 * 3 + 1500 + 3e-6, 9);
    expect(s.pools.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 12);
    expect(s.liquid_staking!.exchange_rate).toBeGreaterThan(1);
  });

  it('router: a cap leaves the rest buffered, out of the stake proposers are drawn by', () => {
    const config = lstWorld(2, [{}, { operators: ['v1', 'w1'] }], { delegators: 100, members: ['p1', 'p0'], rule: 'router', router: { capPerOperator: 30 } }, { speed: 0 }, 64);
    const s = runMarket(config).staking!;
    // p1 (priority) takes 2 × 30, p0 the remaining 40 of its cap 30 → 30, buffered 10.
    expect(s.liquid_staking!.allocation.map((a) => a.stake)).toEqual([60, 30]);
    expect(s.liquid_staking!.buffered_stake).toBe(10);
    expect(s.total_stake).toBeCloseTo(3000 + 90 + 3e-6, 9);
  });

  it('performance moves the protocol\'s stake toward the pool with the higher net return', () => {
    // Same commission; p0 captures all the MEV its proposers are paid, p1 none: p0's return per unit of stake is higher.
    const config = lstWorld(6, [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.1, mevSophistication: 0 }], { delegators: 2000, members: ['p0', 'p1'], rule: 'performance' }, { speed: 0 }, 640);
    const s = runMarket(config).staking!;
    const late = s.epochs.slice(10);
    const meanShare0 = late.reduce((a, e) => a + e.lst_allocation![0]! / 2000, 0) / late.length;
    expect(s.epochs[0]!.lst_allocation).toEqual([1000, 1000]);
    expect(meanShare0).toBeGreaterThan(0.6);
    // An equal-rule twin keeps the halves.
    const equal = runMarket(lstWorld(6, [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.1, mevSophistication: 0 }], { delegators: 2000, members: ['p0', 'p1'] }, { speed: 0 }, 640)).staking!;
    expect(equal.liquid_staking!.allocation.map((a) => a.stake)).toEqual([1000, 1000]);
  });

  it('without staking.liquidStaking the summary has no liquid_staking and the epochs no lst_ fields (outputs as before)', () => {
    const config = lstWorld(2, [{}, {}], undefined as unknown as Record<string, unknown>, {}, 64);
    expect(config.staking!.liquidStaking).toBeUndefined();
    const s = runMarket(config).staking!;
    expect('liquid_staking' in s).toBe(false);
    expect(Object.keys(s.epochs[0]!).filter((k) => k.startsWith('lst_'))).toEqual([]);
  });

  it('a run with a liquid-staking protocol stopped mid-epoch and restored from its JSON snapshot continues byte-identically', () => {
    const config = lstWorld(7, [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.1, mevSophistication: 0.4 }], { members: ['p0', 'p1'], rule: 'performance', fee: 0.1 }, { switchingCostY: 0.02 }, 400);
    const straight = expectResumesExactly(config, 183, 400);
    const alloc = straight.staking!.epochs.map((e) => e.lst_allocation![0]);
    expect(new Set(alloc).size).toBeGreaterThan(1);
  });
});
