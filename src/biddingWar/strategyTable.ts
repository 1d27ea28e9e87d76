import { bluffDecoyEth } from '../agents/relay/strategies/bluff.js';
import { revealTimeMs } from '../agents/relay/strategies/revealTime.js';
import { STRATEGY_NAMES } from '../agents/relay/strategies/registry.js';
import type { BuilderView, StrategyDraws } from '../agents/relay/types.js';
import type { BiddingWarConfig } from '../config/biddingWarSchema.js';
import type { BoundStrategy } from './context.js';

// Strategy codes: their index in STRATEGY_NAMES.
const NAIVE = STRATEGY_NAMES.indexOf('naive');
const ADAPTIVE = STRATEGY_NAMES.indexOf('adaptive');
const LAST_MINUTE = STRATEGY_NAMES.indexOf('last-minute');
const STEALTH = STRATEGY_NAMES.indexOf('stealth');
const BLUFF = STRATEGY_NAMES.indexOf('bluff');

/**
 * Every builder's strategy for one auction as struct-of-arrays, and the step loop's form of the
 * strategies in src/agents/relay/strategies: `bidEth` computes what `STRATEGIES[name](view, params,
 * draws)` returns, with the same operations in the same order, so the same bid to the bit
 * (test/biddingWar/strategyTable.test.ts checks it against them on random views), but from numbers
 * instead of a view object, with NaN for "no bid" and the per-auction constants (reveal time,
 * decoy) computed once by the strategies' own helpers. A strategy added to the registry needs a
 * case here (`set`'s switch is exhaustive).
 *
 * NaN stands for null (no bid, no visible bid, no last bid): values are sums of log-normal sizes
 * with bounded parameters, hence finite, so no strategy can compute a NaN bid.
 */
export class StrategyTable {
  /** Index of each builder's strategy in STRATEGY_NAMES (fixed for the run). */
  readonly code: Uint8Array;
  readonly marginEth: Float64Array;
  /** The learned shading factor (NaN: the margin rule). */
  readonly shade: Float64Array;
  /** When a timing strategy reveals (`revealTimeMs`), ms. */
  readonly revealMs: Float64Array;
  /** The bluff's decoy (`bluffDecoyEth`), ETH. */
  readonly decoyEth: Float64Array;
  readonly deltaEth: Float64Array;
  readonly outbidSelf: Uint8Array;
  /** This auction's reveal times in ascending order (the first `revealCount`), and the next one not yet passed. */
  private readonly revealOrder: Float64Array;
  private revealCount = 0;
  private revealNext = 0;

  constructor(config: BiddingWarConfig) {
    const n = config.builders.length;
    this.code = Uint8Array.from(config.builders, (b) => STRATEGY_NAMES.indexOf(b.strategy));
    this.marginEth = new Float64Array(n);
    this.shade = new Float64Array(n);
    this.revealMs = new Float64Array(n);
    this.decoyEth = new Float64Array(n);
    this.deltaEth = new Float64Array(n);
    this.outbidSelf = new Uint8Array(n);
    this.revealOrder = new Float64Array(n);
  }

  /** Builder `i`'s parameters for this auction; `view` gives its submission delay. */
  set(i: number, strategy: BoundStrategy, draws: StrategyDraws, view: Readonly<BuilderView>): void {
    const { params } = strategy;
    this.marginEth[i] = params.marginEth;
    this.shade[i] = params.shade ?? Number.NaN;
    this.revealMs[i] = Number.NaN;
    switch (strategy.name) {
      case 'naive':
        return;
      case 'adaptive':
        this.deltaEth[i] = strategy.params.deltaEth;
        this.outbidSelf[i] = strategy.params.outbidSelf ? 1 : 0;
        return;
      case 'last-minute':
      case 'stealth':
        this.revealMs[i] = revealTimeMs(view, strategy.params, draws);
        return;
      case 'bluff':
        this.revealMs[i] = revealTimeMs(view, strategy.params, draws);
        this.decoyEth[i] = bluffDecoyEth(strategy.params, draws.bluffU);
        return;
      default: {
        const unknown: never = strategy;
        throw new RangeError(`no step-loop form for strategy ${String(unknown)}`);
      }
    }
  }

  /** After `set` for every builder: orders the auction's reveal times for `passesReveal`. */
  prepare(): void {
    this.revealCount = 0;
    for (const ms of this.revealMs) if (!Number.isNaN(ms)) this.revealOrder[this.revealCount++] = ms;
    this.revealOrder.subarray(0, this.revealCount).sort();
    this.revealNext = 0;
  }

  /**
   * Whether a reveal time lies in (the previous call's `toMs`, `toMs`] (since `prepare` for the
   * first call): the only way time alone changes a strategy's bid, so without one, a builder whose
   * view did not change wants the same bid as at the previous step. Call with increasing `toMs`.
   */
  passesReveal(toMs: number): boolean {
    const start = this.revealNext;
    while (this.revealNext < this.revealCount && this.revealOrder[this.revealNext]! <= toMs) this.revealNext++;
    return this.revealNext > start;
  }

  /**
   * The bid each builder wants standing after this step (NaN: none), ETH, into `wantedEth`: its
   * strategy applied to its view, given field by field (`visibleBestBidEth` and `lastBidEth` NaN
   * for null; `visibleBestIsOwn` 1 for true). One loop over typed arrays: no number crosses a call
   * that V8 might not inline, so none is boxed.
   */
  wantedBids(
    timeMs: number,
    publicValueEth: number,
    valueEth: Float64Array,
    visibleBestBidEth: Float64Array,
    visibleBestIsOwn: Uint8Array,
    lastBidEth: Float64Array,
    wantedEth: Float64Array,
  ): void {
    const { code, marginEth, shade, revealMs } = this;
    for (let i = 0; i < code.length; i++) {
      const c = code[i]!;
      const s = shade[i]!;
      const margin = marginEth[i]!;
      const value = valueEth[i]!;
      // capEth.ts: value − margin, or shade × value; naive.ts: that cap when positive.
      const cap = Number.isNaN(s) ? value - margin : s * value;
      const naive = cap > 0 ? cap : Number.NaN;
      let bid: number;
      if (c === NAIVE) bid = naive;
      else if (c === ADAPTIVE) {
        const last = lastBidEth[i]!;
        const visible = visibleBestBidEth[i]!;
        if (cap <= 0) bid = Number.NaN;
        else if (visibleBestIsOwn[i] === 1 && this.outbidSelf[i] === 0 && !Number.isNaN(last)) bid = Math.min(last, cap);
        else {
          const target = (Number.isNaN(visible) ? 0 : visible) + this.deltaEth[i]!;
          bid = target < cap ? target : cap;
        }
      } else if (c === LAST_MINUTE) bid = timeMs < revealMs[i]! ? Number.NaN : naive;
      else if (c === STEALTH) {
        if (timeMs >= revealMs[i]!) bid = naive;
        else {
          const publicCap = Number.isNaN(s) ? publicValueEth - margin : s * publicValueEth;
          bid = publicCap > 0 ? publicCap : Number.NaN;
        }
      } else if (c === BLUFF) bid = timeMs < revealMs[i]! ? this.decoyEth[i]! : naive;
      else throw new RangeError(`no step-loop form for strategy ${STRATEGY_NAMES[c]}`);
      wantedEth[i] = bid;
    }
  }
}
