import type { z } from 'zod';
import { getMechanism } from '../market/mechanisms/registry.js';
import { revealsAtLeast, type FeedbackPolicy } from '../market/mechanisms/types.js';
import { hasEquilibrium } from '../market/theory/equilibriumBid.js';
import type { MechanismConfig } from '../market/mechanisms/config.js';
import type { choicesSchema, StrategyConfig } from './strategySchema.js';

/** What the searchers' position sales (direct, or through builders' greedy blocks) reveal: a sealed sale per position. */
export const POSITION_SALE_REVEALS: FeedbackPolicy = 'min-to-win';

/** The strategies that need no more than the mechanism offers (for error messages). */
const ALWAYS_AVAILABLE = 'fixed-fraction, truthful, epsilon-greedy, ucb1, exp3';

/** Most arms a searcher's choices may have (each is a bandit arm to try). */
export const MAX_CHOICE_ARMS = 64;

interface Bidders {
  readonly mechanism: MechanismConfig;
  readonly bidding: { readonly feedback: FeedbackPolicy };
  readonly sequencing: { readonly mode: 'shared' | 'separate' };
  readonly builders: readonly { readonly id: string; readonly strategy: StrategyConfig }[];
  readonly searchers: readonly { readonly kind: string; readonly rollups?: readonly string[]; readonly strategy: StrategyConfig; readonly choices?: z.output<typeof choicesSchema> }[];
}

/**
 * A cross-rollup searcher's `payOnRatio` is read only when its atomic bids may be paid on both legs:
 * `payOn: "both"` (configured, or among `choices.payOn`) and bundles that may be atomic.
 */
function checkPayOnRatio(cfg: Bidders, ctx: z.RefinementCtx): void {
  cfg.searchers.forEach((s, i) => {
    const f = s as { payOn?: string; payOnRatio?: number; bundling?: string };
    if (f.payOnRatio === undefined) return;
    const path = ['searchers', i, 'payOnRatio'];
    const both = f.payOn === 'both' || (s.choices?.payOn?.includes('both') ?? false);
    const atomic = cfg.sequencing.mode === 'shared' && (s.choices?.bundling ? s.choices.bundling.includes('atomic') : f.bundling !== 'split');
    if (!both) ctx.addIssue({ code: 'custom', path, message: 'payOnRatio is read only with payOn "both" (the share of an atomic bid paid on the first rollup); set payOn to "both" or drop payOnRatio' });
    else if (!atomic) ctx.addIssue({ code: 'custom', path, message: 'payOnRatio only matters for atomic bundles, and this searcher never sends one (bundling "split", or separate sequencing); drop payOnRatio' });
  });
}

/**
 * Cross-field checks of the bidders' strategies: the feedback policy is one the mechanism can
 * provide; Hedge gets the payoff of every action and Q-learning its state (the winning bid); an
 * equilibrium strategy has an equilibrium to play; a searcher's choices are options it has.
 */
export function checkBidding(cfg: Bidders, ctx: z.RefinementCtx): void {
  const feedback = cfg.bidding.feedback;
  const withBuilders = cfg.builders.length > 0;
  // The block's rule: under order-flow-auction builders bid first-price for the block (the OFA sells
  // only its users' backruns; marketModel/bidding.ts `blockMechanism`).
  const ofa = cfg.mechanism.name === 'order-flow-auction';
  const mech = getMechanism(ofa ? 'first-price' : cfg.mechanism.name);
  const sale = withBuilders
    ? { what: `"${mech.name}"`, reveals: mech.reveals, counterfactualFrom: mech.counterfactualFrom }
    : { what: 'the direct sale of positions', reveals: POSITION_SALE_REVEALS, counterfactualFrom: POSITION_SALE_REVEALS };
  if (!revealsAtLeast(sale.reveals, feedback))
    ctx.addIssue({ code: 'custom', path: ['bidding', 'feedback'], message: `feedback "${feedback}" is more than ${sale.what} reveals to bidders (at most "${sale.reveals}"); use "${sale.reveals}" or less, or a mechanism that reveals every bid (tullock, execution-tickets, mev-burn, mev-smoothing)` });
  const agentChecks = (list: 'builders' | 'searchers', counterfactualFrom: FeedbackPolicy) =>
    cfg[list].forEach((a, i) => {
      const s = a.strategy;
      const at = [list, i, 'strategy', 'name'];
      if (s.name === 'hedge' && !revealsAtLeast(feedback, counterfactualFrom))
        ctx.addIssue({ code: 'custom', path: at, message: `hedge needs the payoff of every action of its grid, which takes feedback of at least "${counterfactualFrom}" here, but bidding.feedback is "${feedback}"; raise bidding.feedback or use a bandit learner (epsilon-greedy, ucb1, exp3)` });
      if (s.name === 'q-learning' && !revealsAtLeast(feedback, 'winning-bid'))
        ctx.addIssue({ code: 'custom', path: at, message: `q-learning's state is the last winning bid, so it needs bidding.feedback of at least "winning-bid" (it is "${feedback}"); raise bidding.feedback or use ${ALWAYS_AVAILABLE}` });
      if (s.name === 'equilibrium' && list === 'searchers' && s.rivals === 'history')
        ctx.addIssue({ code: 'custom', path: [list, i, 'strategy', 'rivals'], message: 'a searcher\'s rivals for an opportunity are the other searchers that see it this slot, so its equilibrium uses `rivals: "exact"`; `history` is for builders' });
    });
  agentChecks('builders', mech.counterfactualFrom);
  // Execution tickets in the market have no counterfactual payoffs nor a winning bid (learn.ts, `ticketBuyerLearns`).
  if (withBuilders && mech.name === 'execution-tickets')
    cfg.builders.forEach((b, i) => {
      if (b.strategy.name === 'hedge' || b.strategy.name === 'q-learning')
        ctx.addIssue({ code: 'custom', path: ['builders', i, 'strategy', 'name'], message: `${b.strategy.name} learns from ${b.strategy.name === 'hedge' ? 'every action\'s payoff' : 'the last winning bid'}, which execution tickets do not have (a purchase pays off in later draws, and the slot goes to a ticket drawn ahead, not to a bid); use fixed-fraction, truthful, equilibrium, epsilon-greedy, ucb1 or exp3` });
    });
  cfg.searchers.forEach((s, i) => {
    const c = s.choices;
    if (c === undefined) return;
    const at = (field: string) => ['searchers', i, 'choices', field];
    if (c.bundling === undefined && c.payOn === undefined && c.exclusiveBuilder === undefined)
      ctx.addIssue({ code: 'custom', path: ['searchers', i, 'choices'], message: 'choices lists nothing to choose: give bundling, payOn or exclusiveBuilder (a list of options each)' });
    for (const field of ['bundling', 'payOn'] as const)
      if (c[field] !== undefined && s.kind !== 'cross-rollup')
        ctx.addIssue({ code: 'custom', path: at(field), message: `only cross-rollup searchers choose ${field}; this searcher is "${s.kind}"` });
    if (c.bundling !== undefined && cfg.sequencing.mode === 'separate')
      ctx.addIssue({ code: 'custom', path: at('bundling'), message: 'under separate sequencing every cross-rollup opportunity is bid leg by leg, so there is no bundling to choose; drop choices.bundling or use shared sequencing' });
    const canBeAtomic = c.bundling ? c.bundling.includes('atomic') : (s as { bundling?: string }).bundling !== 'split';
    if (c.payOn !== undefined && !canBeAtomic)
      ctx.addIssue({ code: 'custom', path: at('payOn'), message: 'payOn only matters for atomic bundles, and this searcher never bundles atomically; add "atomic" to choices.bundling or drop choices.payOn' });
    const own = s.rollups ?? [];
    for (const id of c.payOn ?? []) if (id !== 'both' && !own.includes(id)) ctx.addIssue({ code: 'custom', path: at('payOn'), message: `payOn option "${id}" is not one of the searcher's rollups (${own.join(', ')}) nor "both"` });
    const builders = cfg.builders.map((b) => b.id);
    for (const id of c.exclusiveBuilder ?? [])
      if (id !== null && !builders.includes(id)) ctx.addIssue({ code: 'custom', path: at('exclusiveBuilder'), message: `unknown builder "${id}"; known builders are ${builders.map((b) => `"${b}"`).join(', ') || '(none)'} (null: every builder)` });
    const arms = (c.bundling?.length ?? 1) * (c.payOn?.length ?? 1) * (c.exclusiveBuilder?.length ?? 1);
    if (arms > MAX_CHOICE_ARMS) ctx.addIssue({ code: 'custom', path: ['searchers', i, 'choices'], message: `${arms} combinations of choices, more than ${MAX_CHOICE_ARMS}; list fewer options` });
  });
  agentChecks('searchers', POSITION_SALE_REVEALS);
  checkPayOnRatio(cfg, ctx);
  // Invalid mechanism parameters are reported on their own field by the mechanism's schema; the equilibrium check needs valid ones.
  const paramsValid = (() => {
    try {
      getMechanism(cfg.mechanism.name).validateParams(cfg.mechanism);
      return true;
    } catch {
      return false;
    }
  })();
  if (withBuilders && paramsValid && cfg.builders.some((b) => b.strategy.name === 'equilibrium')) {
    const eq = hasEquilibrium(ofa ? { name: 'first-price' } : cfg.mechanism, cfg.builders.length);
    if (!eq.ok) {
      const i = cfg.builders.findIndex((b) => b.strategy.name === 'equilibrium');
      ctx.addIssue({ code: 'custom', path: ['builders', i, 'strategy', 'name'], message: `no equilibrium is known for ${cfg.builders.length} builders under "${mech.name}" (${eq.reason}); use ${ALWAYS_AVAILABLE}${revealsAtLeast(feedback, mech.counterfactualFrom) ? ', hedge' : ''} or q-learning there` });
    }
  }
}
