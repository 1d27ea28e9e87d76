import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adaptive } from '../../../src/agents/relay/strategies/adaptive.js';
import { bluff, bluffDecoyEth } from '../../../src/agents/relay/strategies/bluff.js';
import { lastMinute } from '../../../src/agents/relay/strategies/lastMinute.js';
import { naive } from '../../../src/agents/relay/strategies/naive.js';
import { STRATEGIES, STRATEGY_NAMES } from '../../../src/agents/relay/strategies/registry.js';
import { revealTimeMs } from '../../../src/agents/relay/strategies/revealTime.js';
import { stealth } from '../../../src/agents/relay/strategies/stealth.js';
import type { BluffParams, BuilderView, RevealParams, StrategyDraws } from '../../../src/agents/relay/types.js';

const view = (over: Partial<BuilderView> = {}): BuilderView => ({
  timeMs: 5000,
  valueEth: 0.1,
  publicValueEth: 0.04,
  visibleBestBidEth: 0.05,
  visibleBestIsOwn: false,
  lastBidEth: null,
  submissionDelayMs: 20,
  ...over,
});
const draws: StrategyDraws = { revealU: 0.5, bluffU: 0.25 };
const reveal: RevealParams = { marginEth: 0.01, expectedCallMs: 12_000, revealLeadMinMs: 400, revealLeadMaxMs: 500 };
// Reveal at 12000 − (400 + 0.5·100) − 20 = 11530 ms.
const REVEAL_MS = 11_530;
const bluffParams: BluffParams = { ...reveal, bluffMinEth: 0.3, bluffMaxEth: 0.4 };

describe('strategy decision rules on hand-made views', () => {
  it('naive bids value minus margin, nothing when the margin eats the value', () => {
    expect(naive(view(), { marginEth: 0.01 }, draws)).toBe(0.1 - 0.01);
    expect(naive(view({ valueEth: 0.01 }), { marginEth: 0.01 }, draws)).toBeNull();
    expect(naive(view({ valueEth: 0 }), { marginEth: 0 }, draws)).toBeNull();
  });

  it('adaptive bids just above the visible best, capped at value minus margin', () => {
    const p = { marginEth: 0.01, deltaEth: 0.001, outbidSelf: false };
    expect(adaptive(view(), p, draws)).toBe(0.05 + 0.001);
    expect(adaptive(view({ visibleBestBidEth: 0.095 }), p, draws)).toBe(0.1 - 0.01);
    expect(adaptive(view({ visibleBestBidEth: null }), p, draws)).toBe(0.001);
    expect(adaptive(view({ valueEth: 0.005 }), p, draws)).toBeNull();
  });

  it('adaptive keeps its own leading bid unless told to outbid itself', () => {
    const own = view({ visibleBestIsOwn: true, lastBidEth: 0.06, visibleBestBidEth: 0.05 });
    expect(adaptive(own, { marginEth: 0.01, deltaEth: 0.001, outbidSelf: false }, draws)).toBe(0.06);
    expect(adaptive(own, { marginEth: 0.01, deltaEth: 0.001, outbidSelf: true }, draws)).toBe(0.05 + 0.001);
  });

  it('the reveal time is expected call − lead − own submission delay', () => {
    expect(revealTimeMs(view(), reveal, draws)).toBe(REVEAL_MS);
    expect(revealTimeMs(view(), reveal, { revealU: 0, bluffU: 0 })).toBe(12_000 - 400 - 20);
  });

  it('last-minute stays silent until the reveal, then bids naively', () => {
    expect(lastMinute(view({ timeMs: REVEAL_MS - 1 }), reveal, draws)).toBeNull();
    expect(lastMinute(view({ timeMs: REVEAL_MS }), reveal, draws)).toBe(0.1 - 0.01);
  });

  it('stealth bids only the public value until the reveal, then its full value', () => {
    expect(stealth(view({ timeMs: REVEAL_MS - 1 }), reveal, draws)).toBe(0.04 - 0.01);
    expect(stealth(view({ timeMs: REVEAL_MS - 1, publicValueEth: 0.005 }), reveal, draws)).toBeNull();
    expect(stealth(view({ timeMs: REVEAL_MS }), reveal, draws)).toBe(0.1 - 0.01);
  });

  it('bluff shows a decoy in [bluffMin, bluffMax] until the reveal, then bids naively', () => {
    expect(bluffDecoyEth(bluffParams, 0.25)).toBe(0.3 + 0.25 * (0.4 - 0.3));
    expect(bluff(view({ timeMs: 0 }), bluffParams, draws)).toBe(bluffDecoyEth(bluffParams, 0.25));
    expect(bluff(view({ timeMs: REVEAL_MS - 1 }), bluffParams, draws)).toBe(bluffDecoyEth(bluffParams, 0.25));
    expect(bluff(view({ timeMs: REVEAL_MS }), bluffParams, draws)).toBe(0.1 - 0.01);
  });

  it('the registry names every strategy once, in order', () => {
    expect(STRATEGY_NAMES).toEqual(['naive', 'adaptive', 'last-minute', 'stealth', 'bluff']);
    expect(Object.keys(STRATEGIES)).toEqual([...STRATEGY_NAMES]);
  });
});

const eth = fc.double({ min: 0, max: 10, noNaN: true });
const viewArb = fc
  .record({
    timeMs: fc.double({ min: 0, max: 13_000, noNaN: true }),
    publicValueEth: eth,
    privateEth: eth,
    visibleBestBidEth: fc.option(eth, { nil: null }),
    visibleBestIsOwn: fc.boolean(),
    lastBidEth: fc.option(eth, { nil: null }),
    submissionDelayMs: fc.double({ min: 0, max: 200, noNaN: true }),
  })
  .map(({ privateEth, ...v }): BuilderView => ({ ...v, valueEth: v.publicValueEth + privateEth }));
const drawsArb = fc.record({
  revealU: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  bluffU: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});
const revealArb = fc
  .record({
    marginEth: fc.double({ min: 0, max: 0.1, noNaN: true }),
    expectedCallMs: fc.double({ min: 0, max: 13_000, noNaN: true }),
    lead: fc.tuple(fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true })),
  })
  .map(({ lead, ...p }): RevealParams => ({
    ...p,
    revealLeadMinMs: Math.min(...lead),
    revealLeadMaxMs: Math.max(...lead),
  }));

describe('bids never exceed the value, except the bluff decoy', () => {
  const atMostValue = (bid: number | null, v: BuilderView, margin: number) =>
    bid === null || (bid >= 0 && bid <= v.valueEth - margin);

  it('honest strategies bid in [0, value − margin] or not at all', () => {
    fc.assert(
      fc.property(viewArb, drawsArb, revealArb, fc.double({ min: 1e-6, max: 0.01, noNaN: true }), fc.boolean(),
        (v, d, p, deltaEth, outbidSelf) => {
          expect(atMostValue(naive(v, p, d), v, p.marginEth)).toBe(true);
          expect(atMostValue(adaptive(v, { ...p, deltaEth, outbidSelf }, d), v, p.marginEth)).toBe(true);
          expect(atMostValue(lastMinute(v, p, d), v, p.marginEth)).toBe(true);
          expect(atMostValue(stealth(v, p, d), v, p.marginEth)).toBe(true);
        }),
    );
  });

  it('bluff: at most bluffMaxEth before its reveal, at most the value from the reveal on', () => {
    fc.assert(
      fc.property(viewArb, drawsArb, revealArb, eth, eth, (v, d, p, a, b) => {
        const params: BluffParams = { ...p, bluffMinEth: Math.min(a, b), bluffMaxEth: Math.max(a, b) };
        const bid = bluff(v, params, d);
        if (v.timeMs < revealTimeMs(v, params, d)) {
          expect(bid).not.toBeNull();
          expect(bid!).toBeGreaterThanOrEqual(params.bluffMinEth);
          expect(bid!).toBeLessThanOrEqual(params.bluffMaxEth);
        } else {
          expect(atMostValue(bid, v, p.marginEth)).toBe(true);
        }
      }),
    );
  });
});
