import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { resolveConfig } from '../../src/config/loadConfig.js';
import { MAX_MESSAGE_CHARS } from '../../src/config/errors.js';
import { nextBaseFee } from '../../src/market/fees/eip1559.js';
import { runSimulation } from '../../src/index.js';
import { smallConfig } from '../cli/helpers.js';


const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

describe('config validation is bounded and explicit (robustness issue)', () => {
  it('5,000-deep nesting is one short paragraph naming where, not a stack overflow', () => {
    const m = messageOf(() => resolveMarketConfig(smallConfig({ reference: { initialPriceYPerX: 2000, sigmaPerYear: nested(5000) } })));
    expect(m).toMatch(/reference\.sigmaPerYear\[0\].*nests deeper than 32 levels/);
    expect(m.length).toBeLessThan(400);
  });

  it('a 1 MB unknown key gives a message of bounded length, one paragraph', () => {
    const m = messageOf(() => resolveMarketConfig({ ...smallConfig(), ['k'.repeat(1_000_000)]: 1 }));
    expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(m).not.toContain('\n');
    expect(m).toMatch(/unknown field/);
  });

  it('a misspelled field names the known fields at its place', () => {
    const m = messageOf(() => resolveMarketConfig(smallConfig({ reference: { initialPriceYPerX: 2000, sigmaPerYr: 0.5 } })));
    expect(m).toContain('reference.sigmaPerYr: unknown field(s) "sigmaPerYr" (known fields here: initialPriceYPerX, sigmaPerYear, driftPerYear, blockIntervals, jumps)');
  });

  it('a misspelled searcher field lists that kind’s fields', () => {
    const c = smallConfig();
    const m = messageOf(() => resolveMarketConfig({ ...c, searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundlng: 'split' }] }));
    expect(m).toMatch(/searchers\[0\]\.bundlng: unknown field\(s\) "bundlng" \(known fields here: kind, rollups, bundling, payOn, payOnRatio, unwind, id,/);
  });

  for (const list of ['searchers', 'builders', 'validators'] as const) {
    it(`duplicate ${list} ids are refused`, () => {
      const agents = { searchers: [{ kind: 'cex-dex', id: 'same', rollup: 'A' }, { kind: 'cex-dex', id: 'same', rollup: 'B' }], builders: [{ id: 'same' }, { id: 'same' }], validators: [{ id: 'same', stake: 1 }, { id: 'same', stake: 1 }] };
      const m = messageOf(() => resolveMarketConfig(smallConfig({ [list]: agents[list] })));
      expect(m).toMatch(new RegExp(`${list}\\[1\\]\\.id: duplicate \\w+ id "same"`));
    });
  }

  it('an id with ";" (the winner column’s separator) is refused', () => {
    const m = messageOf(() => resolveMarketConfig(smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a;b', rollup: 'A' }] })));
    expect(m).toMatch(/searchers\[0\]\.id .*letters, digits, - and _ only/);
  });

  it('a rollup called "constructor" costs what the config says, not an inherited function', () => {
    const c = smallConfig({
      slots: 64,
      rollups: [
        { id: 'constructor', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000 } },
        { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000 } },
      ],
      searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'B' }],
      revenueSharing: { rule: { name: 'fixed', shares: [0.5, 0.5] }, governance: { enabled: true, ownSequencerCostY: { B: 1 } } },
    });
    const { summary } = runSimulation(resolveMarketConfig(c));
    expect(summary.rollups.every((r) => Number.isFinite(r.own_sequencer_cost_y) && Number.isFinite(r.revenue_share_y))).toBe(true);
  });

  it('work beyond the limits is refused naming the limit to raise; raising it deliberately is accepted', () => {
    const busy = { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000 }, users: { arrivalsPerSlot: 100_000 } };
    const m = messageOf(() => resolveMarketConfig(smallConfig({ rollups: [busy] , searchers: [] })));
    expect(m).toMatch(/rollups\[0\]\.users\.arrivalsPerSlot: 100000 user arrivals per slot, more than limits\.maxArrivalsPerSlot \(200\) allows; if you mean it, raise limits\.maxArrivalsPerSlot deliberately/);
    expect(() => resolveMarketConfig(smallConfig({ rollups: [busy], searchers: [], limits: { maxArrivalsPerSlot: 100_000 } }))).not.toThrow();
    const committee = messageOf(() => resolveMarketConfig(smallConfig({ builders: [{ id: 'b' }], mechanism: { name: 'mev-burn', committeeSize: 1e9 } })));
    expect(committee).toMatch(/mechanism\.committeeSize: a committee of 1000000000, more than limits\.maxCommitteeSize/);
    const agents = messageOf(() => resolveMarketConfig(smallConfig({ validators: Array.from({ length: 2000 }, (_, i) => ({ id: `v${i}`, stake: 1 })) })));
    expect(agents).toMatch(/limits\.maxAgents \(1000\)/);
  });

  it('--set may create an optional field the schema knows (filled with its defaults), never an unknown one', () => {
    const rollup = { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000 }, ordering: 'timeboost' };
    const searchers = [{ kind: 'cex-dex', id: 'arb', rollup: 'A' }];
    const c = smallConfig({ rollups: [rollup], searchers });
    const set = resolveConfig(c, { sets: ['rollups.0.timeboost.roundSeconds=30'] }) as { rollups: { timeboost: Record<string, number> }[] };
    // The same as writing it in the file.
    const inFile = smallConfig({ rollups: [{ ...rollup, timeboost: { roundSeconds: 30 } }], searchers });
    expect(set).toEqual(resolveConfig(inFile));
    const whole = resolveConfig(c, { sets: ['rollups.0.timeboost={"closingSeconds":5}'] }) as { rollups: { timeboost: Record<string, number> }[] };
    expect(whole.rollups[0]!.timeboost.closingSeconds).toBe(5);
    const typo = messageOf(() => resolveConfig(c, { sets: ['rollups.0.timebost.roundSeconds=30'] }));
    expect(typo).toMatch(/"rollups\.0\.timebost" does not exist in the config\. Known at this level: .*"timeboost"/);
  });

  it('--set cannot change a list’s length (searchers.length=0 would silently remove every searcher)', () => {
    const m = messageOf(() => resolveConfig(smallConfig(), { sets: ['searchers.length=0'] }));
    expect(m).toMatch(/"searchers\.length" does not exist in the config\. Known at this level: indices 0\.\.1/);
  });
});

describe('EIP-1559 base fee (Buterin et al. 2019) stays bounded', () => {
  const params = { targetBytesPerBlock: 1000, maxChangeDenominator: 8, minBaseFeePerByte: 1e-9, maxBaseFeePerByte: 1 };
  it('moves by exactly (used − target)/target/d within twice the target, and by at most 1/d beyond it', () => {
    expect(nextBaseFee(1e-3, 1500, params)).toBeCloseTo(1e-3 * (1 + 0.5 / 8), 15);
    expect(nextBaseFee(1e-3, 2000, params)).toBeCloseTo(1e-3 * 1.125, 15);
    expect(nextBaseFee(1e-3, 100_000, params)).toBeCloseTo(1e-3 * 1.125, 15);
    expect(nextBaseFee(1e-3, 0, params)).toBeCloseTo(1e-3 * 0.875, 15);
  });
  it('never leaves [floor, ceiling]', () => {
    expect(nextBaseFee(0.99, 100_000, params)).toBe(1);
    expect(nextBaseFee(1e-9, 0, params)).toBe(1e-9);
  });
  it('500 arrivals a slot for 300 slots: every base fee is finite and at most the ceiling', () => {
    const c = resolveMarketConfig(smallConfig({
      slots: 300,
      limits: { maxArrivalsPerSlot: 500 },
      searchers: [],
      rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 5000, reserveY: 10_000_000 }, users: { arrivalsPerSlot: 500, medianSizeY: 10 }, feeModel: { initialBaseFeePerByte: 1e-3 } }],
    }));
    const { rows } = runSimulation(c, { keepRows: true });
    const fees = rows.map((r) => r.base_fee_per_byte as number);
    expect(fees.every((f) => Number.isFinite(f) && f <= 1)).toBe(true);
    expect(Math.max(...fees)).toBe(1); // the ceiling is reached (1.125^k from 1e-3 passes 1 after ~59 blocks)
  });
});
