// The cost of bidders that learn: the baseline scenario with three builders, every searcher and
// builder on its fixed rule, against the same market with a learner on every searcher and builder
// (Hedge on min-to-win feedback, the most work per auction: every grid action's payoff each time).
// Runs alternate A, B, A, B … in this process so that drifting machine speed hits both alike; the
// report is the ratio of the medians and the median of the pair-by-pair ratios.
import { readFileSync } from 'node:fs';
import { resolveMarketConfig, runSimulation } from '../dist/index.js';
import { BASELINE_PATH } from './baselineConfig.js';
import { summarize } from './stats.js';

const builders = [{ id: 'b1', skill: 1 }, { id: 'b2', skill: 0.8 }, { id: 'b3', skill: 0.6 }];

/** The two configs compared: fixed rules, and a learner on every bidder (`regret`: bidding.regret of both). */
export function learnerConfigs(slots, regret = true) {
  const raw = JSON.parse(readFileSync(BASELINE_PATH, 'utf8'));
  const fixed = { ...raw, slots, builders, bidding: { regret } };
  const hedge = { name: 'hedge', learningRate: 0.1 };
  const learning = {
    ...fixed,
    bidding: { feedback: 'min-to-win', regret },
    searchers: raw.searchers.map((s) => ({ ...s, strategy: hedge })),
    builders: builders.map((b) => ({ ...b, strategy: hedge })),
  };
  const resolve = (c) => resolveMarketConfig(c, { source: BASELINE_PATH });
  return { fixed: resolve(fixed), learning: resolve(learning) };
}

/** Wall ms of `reps` alternating runs of each config (after one warm-up of each). */
export function measureLearners({ slots, reps, regret = true }) {
  const { fixed, learning } = learnerConfigs(slots, regret);
  const time = (config) => {
    const t0 = performance.now();
    runSimulation(config);
    return performance.now() - t0;
  };
  time(fixed);
  time(learning);
  const a = [];
  const b = [];
  for (let i = 0; i < reps; i++) {
    b.push(time(fixed));
    a.push(time(learning));
  }
  return { fixed: summarize(b), learning: summarize(a), pairRatio: summarize(a.map((x, i) => x / b[i])), slots };
}
