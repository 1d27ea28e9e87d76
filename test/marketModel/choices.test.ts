import { describe, expect, it } from 'vitest';
import { choiceArms, armLabel } from '../../src/agents/bidding/choices.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { runSimulation } from '../../src/index.js';
import { smallConfig } from '../cli/helpers.js';

/*
 * Searchers learning discrete choices with a bandit, one arm per combination of options, rewarded
 * each slot by its payoff ÷ value. The test sets up a choice with a known better arm: sending flow
 * exclusively to a builder that sees nothing else (skill 0) means its bundle rides in a block that
 * loses to the builder that sees everyone's flow, so it never executes; sending to every builder
 * does. UCB1's regret is logarithmic (Auer, Cesa-Bianchi & Fischer 2002), so the better arm takes
 * nearly all slots.
 */
describe('searchers learn discrete choices', () => {
  it('the arms are every combination of the options, in a fixed order', () => {
    const arms = choiceArms({ bundling: ['atomic', 'split'], exclusiveBuilder: ['b1', null] });
    expect(arms.map(armLabel)).toEqual([
      'bundling=atomic, exclusiveBuilder=b1',
      'bundling=atomic, exclusiveBuilder=none',
      'bundling=split, exclusiveBuilder=b1',
      'bundling=split, exclusiveBuilder=none',
    ]);
  });

  it('UCB1 learns not to send its flow exclusively to a builder whose blocks never win', () => {
    const config = resolveMarketConfig(
      smallConfig({
        slots: 1500,
        reference: { initialPriceYPerX: 2000, sigmaPerYear: 2 },
        rollups: [
          { id: 'A', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.0001 }, users: { arrivalsPerSlot: 0 } },
          { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.0001 }, users: { arrivalsPerSlot: 0 } },
        ],
        searchers: [
          { kind: 'cex-dex', id: 'learner', rollup: 'A', choices: { learner: { name: 'ucb1' }, exclusiveBuilder: ['blind', null] } },
          { kind: 'cex-dex', id: 'other', rollup: 'B', bidFraction: 0.9 },
        ],
        builders: [{ id: 'seer', skill: 1 }, { id: 'blind', skill: 0 }],
      }),
    );
    const s = runSimulation(config).summary;
    const learner = s.bidders.find((b) => b.bidder === 'learner')!;
    expect(learner.choice).toBe('exclusiveBuilder=none');
    expect(learner.choice_share!).toBeGreaterThan(0.8);
    expect(s.bidders.find((b) => b.bidder === 'other')!.choice).toBeNull();
  });
});
