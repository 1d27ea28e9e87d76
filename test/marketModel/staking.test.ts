import { describe, expect, it } from 'vitest';
import { expectResumesExactly } from './fixtures.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { MarketRun } from '../../src/marketModel/marketRun.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import type { StakingSummary } from '../../src/marketModel/stakingSummary.js';

/** One rollup, one CEX-DEX arbitrageur selling to the proposer directly; one validator (operator) per pool, with negligible own stake. */
function stakingWorld(seed: number, pools: { commission: number; mevSophistication: number }[], staking: Record<string, unknown> = {}, slots = 1920) {
  return resolveMarketConfig({
    seed,
    slots,
    clock: { slotMs: 2000, slotsPerEpoch: 16 },
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.5 },
    rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users: { arrivalsPerSlot: 1 } }],
    searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A', bidFraction: 0.8 }],
    validators: pools.map((_, i) => ({ id: `v${i}`, stake: 1e-6 })),
    staking: {
      pools: pools.map((p, i) => ({ id: `p${i}`, operators: [`v${i}`], ...p })),
      delegators: { count: 20_000, stake: 1 },
      windowEpochs: 8,
      speed: 0.3,
      outsideReturnY: 0.01,
      issuancePerBlockY: 1,
      ...staking,
    },
  });
}

/** Mean and standard error over independent seeds. */
function meanSe(xs: readonly number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

/** Each pool's stake share averaged over the second half of the run's epochs (the stationary part). */
function stationaryShares(s: StakingSummary): number[] {
  const late = s.epochs.slice(Math.floor(s.epochs.length / 2));
  return late[0]!.pool_shares.map((_, p) => late.reduce((a, e) => a + e.pool_shares[p]!, 0) / late.length);
}

/**
 * The Nash equilibrium of the Tullock staking game (Bahrani, Garimidi & Roughgarden 2024,
 * arXiv:2401.12120, §3: player i earns vᵢ·sᵢ/S − c·sᵢ; the contest with heterogeneous prizes of
 * Hillman & Riley 1989 and Stein 2002). Derivation: the first-order condition vᵢ(S − sᵢ)/S² = c
 * gives the share xᵢ = sᵢ/S = 1 − cS/vᵢ for every active player; summing over the k active players,
 * 1 = k − cS·Σⱼ 1/vⱼ, so cS = (k − 1)/Σⱼ 1/vⱼ and xᵢ = 1 − (k − 1)/(vᵢ·Σⱼ 1/vⱼ). The active set is
 * the largest prefix of the players by decreasing vᵢ whose shares are all positive. Computed here,
 * not by the code under test.
 */
function tullockShares(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  let k = order.length;
  for (; k >= 1; k--) {
    const inv = order.slice(0, k).reduce((a, o) => a + 1 / o.v, 0);
    if (1 - (k - 1) / (order[k - 1]!.v * inv) > 0) break;
  }
  const inv = order.slice(0, k).reduce((a, o) => a + 1 / o.v, 0);
  const shares = values.map(() => 0);
  for (const o of order.slice(0, k)) shares[o.i] = 1 - (k - 1) / (o.v * inv);
  return shares;
}

describe('stake pools and delegators', () => {
  it('stake is conserved exactly: delegators in pools plus idle ones equal the configured count at every epoch, and validators\' stakes add up to own + delegated', () => {
    const config = stakingWorld(3, [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.2, mevSophistication: 0.3 }, { commission: 0, mevSophistication: 0.6 }], { delegators: { count: 997, stake: 3 }, speed: 1 }, 480);
    const run = MarketRun.start(config);
    let moved = 0;
    for (let slot = 16; slot <= 480; slot += 16) {
      run.step(slot);
      const st = run.snapshot().world.staking!;
      expect(st.delegators.reduce((a, d) => a + d, 0) + st.idle).toBe(997);
      for (const d of st.delegators) expect(Number.isInteger(d) && d >= 0).toBe(true);
      moved = st.moves;
    }
    expect(moved).toBeGreaterThan(0);
    const s = run.result().staking!;
    expect(s.total_stake + s.idle_stake).toBeCloseTo(997 * 3 + 3e-6, 9);
    expect(s.pools.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 12);
  });

  it('a run with staking stopped mid-epoch and restored from its JSON snapshot continues byte-identically', () => {
    const config = stakingWorld(7, [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.1, mevSophistication: 0.4 }], { switchingCostY: 0.02 }, 400);
    const straight = expectResumesExactly(config, 183, 400);
    expect(straight.staking!.delegator_moves).toBeGreaterThan(0);
  });

  it('speed 0: no delegator ever moves and the pools keep their even split', () => {
    const s = runMarket(stakingWorld(2, [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.1, mevSophistication: 0 }], { speed: 0 }, 160)).staking!;
    expect(s.delegator_moves).toBe(0);
    expect(s.pools.map((p) => p.delegators)).toEqual([10_000, 10_000]);
  });

  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  it('equal pools: each pool\'s stationary stake share is 1/3 in expectation (within 4 SE over 8 seeds)', () => {
    const equal = { commission: 0.1, mevSophistication: 0.5 };
    const shares = seeds.map((seed) => stationaryShares(runMarket(stakingWorld(seed, [equal, equal, equal], {}, 960)).staking!));
    for (let p = 0; p < 3; p++) {
      const { mean, se } = meanSe(shares.map((s) => s[p]!));
      expect(se).toBeLessThan(0.02);
      expect(Math.abs(mean - 1 / 3)).toBeLessThan(4 * se);
    }
  }, 60_000);

  it('heterogeneous MEV sophistication: stationary shares match the Tullock equilibrium xᵢ = 1 − (k−1)/(vᵢ Σ 1/vⱼ) (BGR 2024 §3) within 4 SE over 8 seeds', () => {
    const pools = [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.2, mevSophistication: 0.6 }, { commission: 0.1, mevSophistication: 0.4 }];
    const runs = seeds.map((seed) => runMarket(stakingWorld(seed, pools)));
    const shares = runs.map((r) => stationaryShares(r.staking!));
    // vᵢ: what proposing every block of an epoch pays pool i's delegators, (1 − commissionᵢ)·(issuance + sophisticationᵢ·m)·16,
    // m the mean MEV the market paid a proposer per block (one block per slot), measured over all runs.
    const m = runs.reduce((a, r) => a + r.validators.reduce((b, v) => b + v.revenue_y, 0), 0) / runs.reduce((a, r) => a + r.slots, 0);
    expect(m).toBeGreaterThan(0.5);
    const theory = tullockShares(pools.map((p) => (1 - p.commission) * (1 + p.mevSophistication * m) * 16));
    for (let p = 0; p < 3; p++) {
      const { mean, se } = meanSe(shares.map((s) => s[p]!));
      expect(se).toBeLessThan(0.02);
      expect(Math.abs(mean - theory[p]!), `pool ${p}: simulated ${mean} ± ${se}, theory ${theory[p]}`).toBeLessThan(4 * se);
    }
    // Sophistication concentrates stake: the most sophisticated pool holds the largest share.
    expect(theory[0]!).toBeGreaterThan(theory[1]!);
  }, 120_000);
});

describe('staking summary shape', () => {
  it('a one-slot run (a sweep\'s probe) has every mean, as null, so sweep columns keep staking.mean.*', () => {
    const pools = [{ commission: 0.1, mevSophistication: 1 }, { commission: 0.1, mevSophistication: 0.5 }];
    const probe = runMarket(stakingWorld(3, pools, {}, 1)).staking!;
    const long = runMarket(stakingWorld(3, pools, {}, 64)).staking!;
    expect(Object.keys(probe.mean)).toEqual(Object.keys(long.mean));
    expect(probe.mean.pool_hhi).toBeNull();
    expect(probe.mean.pool_shares).toEqual([null, null]);
    expect(typeof long.mean.pool_hhi).toBe('number');
    expect(long.mean.pool_shares).toHaveLength(2);
  });
});
