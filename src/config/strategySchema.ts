import { z } from 'zod';
import type { ChoiceSpec } from '../agents/bidding/choices.js';
import type { LearningSpec, StrategySpec } from '../agents/bidding/types.js';
import { FEEDBACK_POLICIES } from '../market/mechanisms/types.js';

const DEFAULT_GRID = Array.from({ length: 21 }, (_, i) => i / 20);

const grid = z
  .array(z.number().nonnegative('grid values must be >= 0 (a bid is never negative)').max(1e15, 'grid values must be <= 1e15 (a shading factor, or a bid in Y)'))
  .min(1, 'the grid needs at least one action, e.g. [0, 0.25, 0.5, 0.75, 1]')
  .max(1001, 'at most 1001 actions')
  .refine((g) => g.every((x, i) => i === 0 || x > g[i - 1]!), 'the grid must be sorted strictly ascending (no repeats), e.g. [0, 0.25, 0.5, 0.75, 1]')
  .default(DEFAULT_GRID)
  .describe('The actions the learner chooses among: shading factors of the value (`actions: shading`, e.g. 0.5 bids half of it) or bids in Y (`absolute`); sorted ascending, each >= 0. Default 0, 0.05, …, 1.');

const learnerCommon = {
  grid,
  actions: z.enum(['shading', 'absolute']).default('shading').describe('`shading`: a grid value is a fraction of the opportunity\'s value; `absolute`: a bid in Y.'),
};
const rate = (what: string) => z.number().finite().gt(0, `${what} must be > 0`);
const probability = (what: string) => z.number().min(0, `${what} must be in [0, 1]`).max(1, `${what} must be in [0, 1]`);

/*
 * The learners, one member each. The market's `strategy` and the bidding war's `shading` share
 * these members (through `learnerStrategySchema`), so a learner is written, defaulted and checked
 * the same everywhere.
 */
const epsilonGreedyMember = z.strictObject({ name: z.literal('epsilon-greedy').describe('ε-greedy over the grid (Sutton & Barto 2018, §2.2).'), epsilon: probability('epsilon').default(0.1).describe('Probability of exploring a uniformly random action, in [0, 1].'), ...learnerCommon });
const ucb1Member = z.strictObject({ name: z.literal('ucb1').describe('UCB1 over the grid (Auer, Cesa-Bianchi & Fischer 2002).'), ...learnerCommon });
const exp3Member = z.strictObject({ name: z.literal('exp3').describe('EXP3 over the grid (Auer et al. 2002): adversarial bandit.'), gamma: probability('gamma').refine((g) => g > 0, 'gamma must be in (0, 1]').default(0.1).describe('Share of uniform exploration γ, in (0, 1].'), ...learnerCommon });
const hedgeMember = z.strictObject({ name: z.literal('hedge').describe('Hedge over the grid (Freund & Schapire 1997): needs the payoff of every action, so in the market feedback of at least the mechanism\'s `counterfactualFrom` (in the bidding war the relay\'s public bids give it).'), learningRate: rate('learningRate').default(0.1).describe('Learning rate η, > 0.'), ...learnerCommon });
const qLearningMember = z.strictObject({
  name: z.literal('q-learning').describe('Q-learning with the last winning bid as its state (Banchio & Skrzypacz 2022); in the market it needs feedback of at least `winning-bid` (the bidding war\'s relay reveals it).'),
  learningRate: rate('learningRate').refine((a) => a <= 1, 'learningRate must be in (0, 1]').default(0.05).describe('Learning rate α, in (0, 1].'),
  discount: z.number().min(0, 'discount must be in [0, 1)').lt(1, 'discount must be in [0, 1)').default(0.95).describe('Discount factor δ, in [0, 1).'),
  epsilon: probability('epsilon').default(1).describe('Initial exploration probability, in [0, 1].'),
  epsilonDecay: z.number().finite().nonnegative('epsilonDecay must be >= 0').default(2e-4).describe('Exploration decays as epsilon·exp(−epsilonDecay·t) with t the auctions learned from; >= 0.'),
  ...learnerCommon,
});

/**
 * A learning strategy alone (a learner over a grid), chosen by `name`: the learners of
 * `strategySchema`, and of the bidding war's `shading` (its `options`, in this order).
 */
export const learnerStrategySchema = z
  .discriminatedUnion('name', [epsilonGreedyMember, ucb1Member, exp3Member, hedgeMember, qLearningMember])
  .describe('A learner over a grid of actions, chosen by `name`: epsilon-greedy, ucb1, exp3, hedge or q-learning.');

/** A bidder's strategy, chosen by `name` (src/agents/bidding/types.ts). */
export const strategySchema = z
  .discriminatedUnion('name', [
    z.strictObject({ name: z.literal('fixed-fraction').describe('Today\'s fixed rule: a searcher bids `bidFraction` of the value; a builder bids (1 − margin)·value − costY.') }),
    z.strictObject({ name: z.literal('truthful').describe('Bids its value (a builder: value − costY).') }),
    z.strictObject({
      name: z.literal('equilibrium').describe('The mechanism\'s complete-information equilibrium bid given the values it knows.'),
      rivals: z.enum(['exact', 'history']).default('exact').describe('How it knows its rivals\' values: `exact` (this slot\'s); `history` (an exponential average of their past slots\' values, builders only).'),
    }),
    ...learnerStrategySchema.options,
  ])
  .describe('How the agent bids, chosen by `name`: fixed-fraction (default), truthful, equilibrium, or a learner (epsilon-greedy, ucb1, exp3, hedge, q-learning) over a grid of actions.');

export type StrategyConfig = z.output<typeof strategySchema>;

/** The bandit a searcher learns its discrete choices with (no grid: its arms are the choices). */
export const choiceLearnerSchema = z
  .discriminatedUnion('name', [
    z.strictObject({ name: z.literal('epsilon-greedy').describe('ε-greedy over the arms.'), epsilon: probability('epsilon').default(0.1).describe('Probability of a uniformly random choice, in [0, 1].') }),
    z.strictObject({ name: z.literal('ucb1').describe('UCB1 over the arms (Auer, Cesa-Bianchi & Fischer 2002).') }),
    z.strictObject({ name: z.literal('exp3').describe('EXP3 over the arms (Auer et al. 2002).'), gamma: probability('gamma').refine((g) => g > 0, 'gamma must be in (0, 1]').default(0.1).describe('Share of uniform exploration γ, in (0, 1].') }),
  ])
  .describe('A bandit (epsilon-greedy, ucb1 or exp3): only the payoff of the choice made is ever seen.');

const distinct = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

/** A searcher's discrete choices, learned slot by slot (src/agents/bidding/choices.ts). */
export const choicesSchema = z
  .strictObject({
    learner: choiceLearnerSchema,
    bundling: z.array(z.enum(['atomic', 'split'])).min(1).refine(distinct, 'bundling lists a value twice; give each option once').optional().describe('Cross-rollup searchers: bundle atomically or leg by leg, e.g. ["atomic", "split"].'),
    payOn: z.array(z.string().min(1)).min(1).refine(distinct, 'payOn lists a rollup twice; give each once').optional().describe('Cross-rollup searchers: the rollups whose gas token may pay an atomic bid (of its `rollups`), or `both` (split by its `payOnRatio`).'),
    exclusiveBuilder: z.array(z.string().min(1).nullable()).min(1).refine(distinct, 'exclusiveBuilder lists a builder twice; give each once').optional().describe('Builders it may send its flow to exclusively; null = every builder.'),
  })
  .describe('Discrete choices the searcher learns with a bandit, one arm per combination of the listed options, chosen each slot and rewarded by the slot\'s payoff ÷ value of its opportunities.');

/** What every bidder learns after each auction, and how its bidding is recorded. */
export const biddingSchema = z
  .strictObject({
    feedback: z.enum(FEEDBACK_POLICIES).default('own').describe('What each bidder learns after every auction: `own` (its own outcome), `winning-bid`, `min-to-win` (the least bid that would have won), `all-bids`. At most what the mechanism reveals (`seqsim config schema` lists each mechanism\'s); searchers\' position sales reveal up to `min-to-win`.'),
    windowSlots: z.number().int().min(1).default(100).describe('Slots per window of the per-bidder time series in summary.json (`bidders[].shade_by_window`); a run that would need more than 1,000 windows doubles it as often as needed (`bidders[].window_slots` gives the length used).'),
    regret: z.boolean().default(true).describe('Measure every bidder\'s regret: what each action of its grid would have earned in every auction (for builders, the auction replayed once per action). Off, `bidders[].regret_y` and `best_fixed_action` are null and runs with builders are faster; learners that need every action\'s payoff (Hedge) still compute it.'),
    historyWeight: z.number().gt(0).max(1).default(0.1).describe('Weight of the latest slot in exponential averages, in (0, 1]: `equilibrium` with `rivals: history` averages each rival\'s value; builders average their candidate blocks\' values (a plain mean over the first 1/w slots) to bid on blocks sold ahead of time (slot auctions, execution tickets with lookahead).'),
  })
  .describe('How bidders learn from auctions and how their bids are recorded.');

/** A parsed learning strategy. */
export type LearnerStrategyConfig = z.output<typeof learnerStrategySchema>;

// Compile-time checks: a parsed strategy is a StrategySpec, a parsed learner a LearningSpec, a parsed `choices` a ChoiceSpec.
const _fits: StrategyConfig extends StrategySpec ? true : false = true;
const _learnerFits: LearnerStrategyConfig extends LearningSpec ? true : false = true;
const _choicesFit: z.output<typeof choicesSchema> extends ChoiceSpec ? true : false = true;
void _fits;
void _learnerFits;
void _choicesFit;
