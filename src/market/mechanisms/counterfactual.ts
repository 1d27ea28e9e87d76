import type { MechanismConfig } from './config.js';
import { getMechanism } from './registry.js';
import type { Bid, Mechanism, Source } from './types.js';

/** A source that also keeps every number it hands out (to replay an auction's draws). */
export function recordingSource(source: Source): { readonly source: Source; readonly draws: number[] } {
  const draws: number[] = [];
  return {
    draws,
    source: () => {
      const u = source();
      draws.push(u);
      return u;
    },
  };
}

/** A source handing out `draws` in order, then 0.5 (a mechanism whose draws depend on the bids may ask for more). */
export function replaySource(draws: readonly number[]): Source {
  let i = 0;
  return () => (i < draws.length ? draws[i++]! : 0.5);
}

/**
 * What bidder `me` would expect to earn bidding any amount in an auction where the other bids are
 * `bids` (its own entry replaced) and the mechanism draws `draws` (the realised auction's, so a
 * committee or a lottery sees the same randomness): Σ over possible winners w of x_w·(1[w = me]·value
 * − p_me(w)), with x the allocation's win probabilities and p the mechanism's payments were w to
 * win. With no winner, minus what `me` pays anyway. The mechanism's own allocate and pay; when
 * `losersPay` is false (the mechanism's `losersPay`) a bid that cannot win is worth 0 without asking `pay`,
 * and under a mechanism whose outcome depends on the rivals only through their best bid
 * (`counterfactualFrom: 'min-to-win'`: winner-take-all, the highest bid wins) a bid below that best
 * bid is known to lose without running the mechanism.
 */
export function payoffOfBid(
  config: MechanismConfig,
  bids: readonly Bid[],
  me: number,
  valueY: number,
  draws: readonly number[],
  losersPay = true,
  // The registered mechanism of `config`: a caller replaying one auction for several bidders looks it up once.
  mechanism: Mechanism<MechanismConfig> = getMechanism(config.name) as Mechanism<MechanismConfig>,
): (amount: number) => number {
  // Loops instead of a reduce and per-trial scans: this runs for every builder every slot, then for
  // each action of its grid. Math.max as before (a NaN rival makes no bid surely lose: `allocate` rejects it).
  let bestRival = -Infinity;
  for (let i = 0; i < bids.length; i++) if (i !== me) bestRival = Math.max(bestRival, bids[i]!.amount);
  const minToWin = !losersPay && mechanism.counterfactualFrom === 'min-to-win';
  const firstPrice = (config.name === 'first-price' || config.name === 'slot-auction') && !losersPay && rivalsValid(bids, me);
  // The shortcut skips `allocate`, which is where a mechanism checks its parameters: check them here.
  if (firstPrice) mechanism.validateParams(config);
  let atBest = 0;
  if (firstPrice) for (let i = 0; i < bids.length; i++) if (i !== me && bids[i]!.amount === bestRival) atBest++;
  // Copied on the first trial that runs the mechanism (the first-price shortcut never does).
  let trial: Bid[] | null = null;
  return (amount) => {
    if (minToWin && amount < bestRival) return 0;
    if (firstPrice && Number.isFinite(amount) && amount >= 0) return firstPricePayoff(bestRival, atBest, amount, valueY);
    trial ??= [...bids];
    trial[me] = { ...bids[me]!, amount };
    const allocation = mechanism.allocate(trial, config, replaySource(draws));
    if (!losersPay && !(allocation.winProbabilities[me]! > 0)) return 0;
    if (allocation.winnerIndex === null) return -mechanism.pay(trial, allocation, config).perBidder[me]!;
    let payoff = 0;
    const x = allocation.winProbabilities;
    for (let w = 0; w < x.length; w++) {
      if (!(x[w]! > 0) || (!losersPay && w !== me)) continue;
      const paid = mechanism.pay(trial, w === allocation.winnerIndex ? allocation : { ...allocation, winnerIndex: w }, config).perBidder[me]!;
      payoff += x[w]! * ((w === me ? valueY : 0) - paid);
    }
    return payoff;
  };
}

/** Every bid but `me`'s amount is one `validateBids` accepts (`me`'s amount is checked per trial). */
function rivalsValid(bids: readonly Bid[], me: number): boolean {
  for (let i = 0; i < bids.length; i++) {
    const b = bids[i]!;
    if (i !== me && !(Number.isFinite(b.amount) && b.amount >= 0)) return false;
    if (b.timeMs !== undefined && !Number.isFinite(b.timeMs)) return false;
  }
  return true;
}

/**
 * `payoffOfBid`'s answer under first-price (and slot-auction, which allocates and pays as first-price;
 * only its timing differs) when losers pay nothing, without running the mechanism
 * (every learn step replays each builder's grid of bids): bidding `amount`, `me` is among the top
 * bids or wins nothing; among k tied top bids it wins with probability 1/k and pays its bid. The
 * rivals enter only through their best bid `bestRival` and how many bid it, `atBest` (−∞ and 0
 * without rivals). The same arithmetic as the general path (0 + x·(value − paid)), so bit for bit
 * the same number.
 */
function firstPricePayoff(bestRival: number, atBest: number, amount: number, valueY: number): number {
  if (bestRival > amount) return 0;
  const tied = bestRival === amount ? 1 + atBest : 1;
  return 0 + (1 / tied) * (valueY - amount);
}
