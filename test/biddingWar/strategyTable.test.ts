import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATEGIES, STRATEGY_NAMES } from '../../src/agents/relay/strategies/registry.js';
import type { BuilderView, StrategyDraws } from '../../src/agents/relay/types.js';
import type { BoundStrategy } from '../../src/biddingWar/context.js';
import { StrategyTable } from '../../src/biddingWar/strategyTable.js';
import { parseBiddingWarConfig } from '../../src/config/biddingWarSchema.js';

// One builder per strategy, in the registry's order.
const config = parseBiddingWarConfig({ kind: 'bidding-war', builders: STRATEGY_NAMES.map((strategy) => ({ id: strategy, strategy })) });

const eth = fc.double({ min: 0, max: 2, noNaN: true });
const viewArb = fc
  .record({
    timeMs: fc.oneof(fc.double({ min: 0, max: 13_000, noNaN: true }), fc.integer({ min: 0, max: 1300 }).map((k) => k * 10)),
    publicValueEth: eth,
    privateEth: eth,
    visibleBestBidEth: fc.option(eth, { nil: null }),
    visibleBestIsOwn: fc.boolean(),
    lastBidEth: fc.option(eth, { nil: null }),
    submissionDelayMs: fc.double({ min: 0, max: 200, noNaN: true }),
  })
  .map(({ privateEth, ...v }): BuilderView => ({ ...v, valueEth: v.publicValueEth + privateEth }));
const paramsArb = fc.record({
  marginEth: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.1, noNaN: true })),
  shade: fc.option(fc.double({ min: 0, max: 1.5, noNaN: true }), { nil: undefined }),
  deltaEth: fc.double({ min: 1e-6, max: 0.01, noNaN: true }),
  outbidSelf: fc.boolean(),
  expectedCallMs: fc.double({ min: 0, max: 13_000, noNaN: true }),
  lead: fc.tuple(fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true })),
  bluff: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
});
const drawsArb = fc.record({
  revealU: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  bluffU: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});

type P = typeof paramsArb extends fc.Arbitrary<infer T> ? T : never;
function bind(name: (typeof STRATEGY_NAMES)[number], p: P): BoundStrategy {
  const { marginEth, shade, deltaEth, outbidSelf, expectedCallMs } = p;
  const reveal = { marginEth, shade, expectedCallMs, revealLeadMinMs: Math.min(...p.lead), revealLeadMaxMs: Math.max(...p.lead) };
  switch (name) {
    case 'naive': return { name, params: { marginEth, shade } };
    case 'adaptive': return { name, params: { marginEth, shade, deltaEth, outbidSelf } };
    case 'last-minute': return { name, params: reveal };
    case 'stealth': return { name, params: reveal };
    case 'bluff': return { name, params: { ...reveal, bluffMinEth: Math.min(...p.bluff), bluffMaxEth: Math.max(...p.bluff) } };
  }
}
const strategyFn = (s: BoundStrategy, view: BuilderView, draws: StrategyDraws): number | null => {
  switch (s.name) {
    case 'naive': return STRATEGIES.naive(view, s.params, draws);
    case 'adaptive': return STRATEGIES.adaptive(view, s.params, draws);
    case 'last-minute': return STRATEGIES['last-minute'](view, s.params, draws);
    case 'stealth': return STRATEGIES.stealth(view, s.params, draws);
    case 'bluff': return STRATEGIES.bluff(view, s.params, draws);
  }
};

describe('StrategyTable: the step loop\'s form of the strategies', () => {
  it('wants exactly the bid each strategy function returns on the same view, parameters and draws (NaN for null)', () => {
    const n = STRATEGY_NAMES.length;
    fc.assert(
      fc.property(fc.array(fc.tuple(viewArb, paramsArb, drawsArb), { minLength: n, maxLength: n }), fc.double({ min: 0, max: 13_000, noNaN: true }), (cases, publicEth) => {
        const table = new StrategyTable(config);
        // The step loop gives every builder the same public value and time.
        const views = cases.map(([v]) => ({ ...v, publicValueEth: publicEth, timeMs: cases[0]![0].timeMs, valueEth: publicEth + v.valueEth }));
        const bound = cases.map(([, p], i) => bind(STRATEGY_NAMES[i]!, p));
        cases.forEach(([, , d], i) => table.set(i, bound[i]!, d, views[i]!));
        const orNaN = (x: number | null) => x ?? Number.NaN;
        const wanted = new Float64Array(n);
        table.wantedBids(
          views[0]!.timeMs,
          publicEth,
          Float64Array.from(views, (v) => v.valueEth),
          Float64Array.from(views, (v) => orNaN(v.visibleBestBidEth)),
          Uint8Array.from(views, (v) => (v.visibleBestIsOwn ? 1 : 0)),
          Float64Array.from(views, (v) => orNaN(v.lastBidEth)),
          wanted,
        );
        views.forEach((v, i) => {
          const expected = strategyFn(bound[i]!, v, cases[i]![2]);
          expect(Number.isNaN(wanted[i]!) ? null : wanted[i]).toBe(expected);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('passesReveal reports each reveal time once, in the step it falls in (previous time, time]', () => {
    const table = new StrategyTable(config);
    const view: BuilderView = { timeMs: 0, valueEth: 0, publicValueEth: 0, visibleBestBidEth: null, visibleBestIsOwn: false, lastBidEth: null, submissionDelayMs: 20 };
    const d = { revealU: 0.5, bluffU: 0.5 };
    const p = { marginEth: 0, shade: undefined, expectedCallMs: 1000, revealLeadMinMs: 100, revealLeadMaxMs: 100 };
    table.set(0, { name: 'naive', params: { marginEth: 0, shade: undefined } }, d, view);
    table.set(1, { name: 'adaptive', params: { marginEth: 0, shade: undefined, deltaEth: 1e-4, outbidSelf: false } }, d, view);
    table.set(2, { name: 'last-minute', params: p }, d, view); // reveals at 1000 − 100 − 20 = 880
    table.set(3, { name: 'stealth', params: { ...p, expectedCallMs: 500 } }, d, view); // 380
    table.set(4, { name: 'bluff', params: { ...p, bluffMinEth: 0.3, bluffMaxEth: 0.4 } }, d, view); // 880
    table.prepare();
    const passed = [0, 370, 380, 390, 870, 880, 890, 2000].map((t) => table.passesReveal(t));
    expect(passed).toEqual([false, false, true, false, false, true, false, false]);
  });
});
