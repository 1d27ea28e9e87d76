import { checkLimits, checkTimeboost } from './marketChecks.js';
import { checkRestaking, restakingSchema } from './restakingSchema.js';
import { z } from 'zod';
import { checkStaking, stakingSchema } from './stakingSchema.js';
import { searcherKind } from '../agents/searchers/registry.js';
import { mechanismConfigSchema } from '../market/mechanisms/config.js';
import { splitRuleSchema } from '../market/revenueSharing/config.js';
import { governanceSchema, reportingSchema } from './trustSchema.js';
import { builderSchema, searcherSchema, sequencingSchema, validatorSchema } from './agentsSchema.js';
import { schemaKeyField } from './schemaKey.js';
import { checkBidding } from './biddingChecks.js';
import { inclusionFailureDescription } from './legRiskSchema.js';
import { timeboostSchema } from './timeboostSchema.js';
import { checkCapital } from './capitalSchema.js';
export { timeboostOf, timeboostSchema, type TimeboostConfig } from './timeboostSchema.js';
import { checkMechanismTiming } from './mechanismTimingChecks.js';
import { biddingSchema } from './strategySchema.js';
import { outputSchema } from './outputSchema.js';

/** The two risky assets; prices are quoted in Y per X. */
export const tokenSchema = z.enum(['X', 'Y']);

const positive = () => z.number().positive().finite();
const nonNegative = () => z.number().nonnegative().finite();
const probability = () => z.number().min(0).max(1);

export const clockSchema = z
  .object({
    slotMs: z.number().int().positive().max(86_400_000).default(2000).describe('Slot length in simulated milliseconds (at most one day); user swaps arrive uniformly within the slot, and the reference price moves by one slot per block (or an exponential draw with this mean).'),
    slotsPerEpoch: z.number().int().positive().max(1_000_000).default(32).describe('Slots per epoch. Rollup governance (`revenueSharing.governance`) decides, and delegators (`staking`) move stake, at the end of each epoch.'),
  })
  .strict();

export const referenceSchema = z
  .object({
    initialPriceYPerX: positive().min(1e-12).max(1e12).default(1).describe('Starting reference (CEX) price, in Y per X, in [1e-12, 1e12].'),
    sigmaPerYear: positive().max(100).default(0.8).describe('Volatility of the log reference price per year of simulated time (GBM sigma), at most 100 (10,000 %: beyond it the price leaves floating point within a run).'),
    driftPerYear: z.number().min(-100).max(100).default(0).describe('Drift of the reference price per year (GBM drift mu, in [-100, 100]; the log price drifts by mu − sigma²/2).'),
    blockIntervals: z.enum(['fixed', 'exponential']).default('fixed').describe('How long the price moves between consecutive blocks: `fixed`, one slot; `exponential`, an exponential draw with the slot length as mean (Poisson block production, Milionis, Moallemi & Roughgarden 2023). Only the reference price sees the random interval.'),
    jumps: z
      .object({
        ratePerYear: nonNegative().max(1e7).default(0).describe('Poisson rate of jumps in the reference price, per year, at most 1e7 (about one a slot); 0 turns jumps off.'),
        meanLog: z.number().min(-1).max(1).default(0).describe('Mean of the log jump size, in [-1, 1].'),
        sdLog: nonNegative().max(1).default(0.05).describe('Standard deviation of the log jump size, at most 1.'),
      })
      .strict()
      .default({ ratePerYear: 0, meanLog: 0, sdLog: 0.05 })
      .describe('Jumps added to the GBM reference price (a compound Poisson process; off by default).'),
  })
  .strict();

export const poolSchema = z
  .object({
    reserveX: positive().min(1e-6).max(1e15).describe('Starting reserve of X in the rollup\'s X/Y constant-product pool, in [1e-6, 1e15].'),
    reserveY: positive().min(1e-6).max(1e15).describe('Starting reserve of Y in the pool, in [1e-6, 1e15]; reserveY / reserveX is the pool\'s starting price in Y per X.'),
    fee: z.number().min(0).lt(1).default(0.003).describe('Swap fee as a fraction of the input, in [0, 1) (0.003 = 30 bp).'),
  })
  .strict();

export const usersSchema = z
  .object({
    arrivalsPerSlot: nonNegative().default(1).describe('Mean number of user swaps per slot on this rollup (Poisson).'),
    medianSizeY: positive().max(1e15).default(1000).describe('Median swap size, in Y at the reference price (sizes are log-normal), at most 1e15.'),
    sizeLogSd: nonNegative().max(5).default(1).describe('Standard deviation of the log swap size, at most 5.'),
    buyXProbability: probability().default(0.5).describe('Probability that a user buys X (pays Y); otherwise the user sells X.'),
    slippageTolerance: nonNegative().max(1).default(0.01).describe('Largest execution price worse than the quoted spot price that a user accepts, as a fraction (0.01 = 1%); it also bounds what a sandwich can take.'),
    privateFraction: probability().default(0).describe('Fraction of users who send their swap privately rather than to the public mempool; searchers cannot see private swaps (no backrun or sandwich).'),
  })
  .strict();

export const feeModelSchema = z
  .object({
    initialBaseFeePerByte: nonNegative().default(1e-6).describe('Starting base fee, in gas-token units per byte of transaction data.'),
    minBaseFeePerByte: nonNegative().default(1e-9).describe('Floor of the base fee, in gas-token units per byte (EIP-1559\'s update is multiplicative, so it needs a floor above 0).'),
    maxBaseFeePerByte: positive().default(1).describe('Ceiling of the base fee, in gas-token units per byte: a long congested run stays finite (must be ≥ the floor and the initial fee).'),
    targetBytesPerBlock: positive().default(2000).describe('Bytes of transaction data per block that the EIP-1559 base fee steers toward.'),
    maxChangeDenominator: z.number().min(1).finite().default(8).describe('EIP-1559\'s denominator d (≥ 1): the base fee moves at most 1/d per block (a block\'s relative excess over its target counts at most ±1, as in EIP-1559 where blocks hold at most twice their target).'),
    bytesPerSwap: positive().default(200).describe('Data size of one swap (a user swap or one leg of a bundle), in bytes.'),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.minBaseFeePerByte > f.maxBaseFeePerByte)
      ctx.addIssue({ code: 'custom', path: ['maxBaseFeePerByte'], message: `the ceiling (${f.maxBaseFeePerByte}) must be at least the floor minBaseFeePerByte (${f.minBaseFeePerByte})` });
    if (f.initialBaseFeePerByte > f.maxBaseFeePerByte)
      ctx.addIssue({ code: 'custom', path: ['initialBaseFeePerByte'], message: `the starting fee (${f.initialBaseFeePerByte}) is above the ceiling maxBaseFeePerByte (${f.maxBaseFeePerByte}); lower it or raise the ceiling` });
  });

/**
 * Bounds on the work a config asks for, so that a typo (an extra zero) fails fast with a message
 * instead of a run that hangs or exhausts memory. Raise one deliberately when a study needs it.
 */
export const limitsSchema = z
  .object({
    maxAgents: z.number().int().positive().default(1000).describe('Most searchers + builders + validators a config may have (the run\'s time grows with each).'),
    maxRollups: z.number().int().positive().max(30).default(16).describe('Most rollups a config may have, at most 30 (counterfactual auctions index subsets of rollups by bit masks).'),
    maxArrivalsPerSlot: positive().default(200).describe('Largest mean number of user swaps per slot on one rollup (every backrunner and sandwicher bids on each public swap, so the slot\'s work grows with the square of it).'),
    maxCommitteeSize: z.number().int().positive().default(10_000).describe('Largest committee (mev-burn, mev-smoothing, the committee detector): each member is simulated every slot.'),
    maxTableRows: z.number().int().positive().default(100_000_000).describe('Most rows of the per-slot table: slots × rollups (about 1 KB of CSV each).'),
  })
  .strict();

/** How a rollup may order its part of the block (`rollups[].ordering`). */
export const rollupOrderings = ['auction', 'fcfs', 'encrypted', 'timeboost', 'priority-fee'] as const;


export const rollupSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only').describe('Unique rollup id (letters, digits, - and _), used by searchers, split rules and outputs to name the rollup.'),
    gasToken: tokenSchema.describe('The token in which fees and bids on this rollup are paid.'),
    pool: poolSchema.describe('The rollup\'s X/Y constant-product DEX pool.'),
    users: usersSchema.default(usersSchema.parse({})).describe('The users who swap on this rollup\'s pool.'),
    feeModel: feeModelSchema.default(feeModelSchema.parse({})).describe('The rollup\'s EIP-1559-style base fee per byte of transaction data.'),
    ordering: z.enum(rollupOrderings).default('auction').describe('How this rollup orders its part of the block, whoever builds it: `auction`, the builder orders freely (positions are sold); `fcfs`, by arrival time (bundles only behind their target; latency decides who is first); `encrypted`, order committed before contents are revealed (no bundle can target a transaction of the same block); `timeboost`, Arbitrum\'s Timeboost: `fcfs` except that every transaction but the express-lane controller\'s takes its place `timeboost.nonExpressDelayMs` later, control of each round being sold in a second-price auction (see `timeboost`); `priority-fee`, the rollup\'s sequencer orders by priority fee (OP Stack, Base): searchers pay their bids as priority fees, each position goes to the highest fee (first-price; sandwiches remain possible) and the rollup\'s treasury keeps the fee — builders and the proposer do not sell these positions (Robinson & White 2024, "Priority Is All You Need").'),
    timeboost: timeboostSchema.optional().describe('Timeboost\'s rounds, auction and delay; only with `ordering: "timeboost"` (absent: the defaults).'),
    inclusionFailureProbability: z.number().min(0).max(1).default(0).describe(inclusionFailureDescription),
  })
  .strict();

/**
 * Mechanisms the market model's per-position auction among searchers runs today (the order-flow
 * auction sells its users' backruns and the rest first-price: `orderFlow.ts`). The whole
 * library (`mechanismConfigSchema`) validates here, so a config names any known mechanism with its
 * parameters; the others are run by `seqsim validate` and reach the market when builders bid for
 * whole blocks.
 */
export const marketMechanisms = ['first-price', 'second-price', 'order-flow-auction'] as const;
export { builderSchema, searcherSchema, sequencingSchema, validatorSchema };

export const disposalSchema = z
  .object({
    policy: z.enum(['hold', 'sell']).default('hold').describe('What the proposer does with the gas tokens it receives: `hold` keeps them; `sell` sells `sellFractionPerSlot` of its holdings into each rollup\'s pool every slot (so bidding moves prices).'),
    sellFractionPerSlot: probability().default(0.1).describe('Under `sell`: fraction of its gas-token holdings the proposer sells each slot, in [0, 1].'),
  })
  .strict();

export const proposerSchema = z
  .object({
    disposal: disposalSchema.default({ policy: 'hold', sellFractionPerSlot: 0.1 }).describe('How the proposer disposes of the gas tokens it is paid in.'),
  })
  .strict();

export const revenueSharingSchema = z
  .object({
    counterfactuals: z.boolean().default(false).describe('Run counterfactual auctions each slot (the same bundles, builders and mechanism restricted to subsets of rollups) so that v(S) is known: every subset when there are at most `exactUpTo` rollups, else the singletons and the whole set (DESIGN.md §6).'),
    exactUpTo: z.number().int().min(1).max(12).default(4).describe('Largest number of rollups for which every subset\'s counterfactual value v(S) is computed (all 2^n − 1 subsets); exact `shapley` and `banzhaf` need the rollup count within it.'),
    rule: splitRuleSchema.optional().describe('How each slot\'s proposer revenue is split among the rollups (after `proposerCut`), chosen by `name`; absent, the proposer keeps it all. Value-based rules (variable, shapley, banzhaf, drop-out) run the counterfactual auctions they need.'),
    proposerCut: z.number().min(0).max(1).default(0).describe('Fraction of the revenue the proposer keeps before the split, in [0, 1].'),
    reporting: reportingSchema.default(reportingSchema.parse({})).describe('What the proposer reports of its revenue (the split is paid out of the report), and how the rollups check it.'),
    governance: governanceSchema.default(governanceSchema.parse({})).describe('Rollups that leave the shared sequencer when they are worse off, and may return.'),
  })
  .strict();

/** Mechanisms whose proposer revenue never falls when bids are added: the public-bids bound is valid. */
const publicBidsMechanisms = ['first-price', 'second-price', 'all-pay', 'tullock'] as const;

/** Cross-field checks of `revenueSharing.reporting` and `revenueSharing.governance`. */
function checkTrust(cfg: z.output<typeof marketShape>, ctx: z.RefinementCtx): void {
  const { reporting, governance, rule } = cfg.revenueSharing;
  const at = (...path: (string | number)[]) => ['revenueSharing', ...path];
  const validatorIds = new Set(cfg.validators.map((v) => v.id));
  reporting.dishonestValidators?.forEach((id, i) => {
    if (!validatorIds.has(id))
      ctx.addIssue({ code: 'custom', path: at('reporting', 'dishonestValidators', i), message: `unknown validator "${id}"; known validators are ${[...validatorIds].map((v) => `"${v}"`).join(', ')}` });
  });
  const lies = reporting.delta !== 0;
  const detectors = Object.entries(reporting.detection).filter(([, d]) => d?.enabled).map(([k]) => k);
  if ((lies || detectors.length > 0) && cfg.sequencing.mode !== 'shared')
    ctx.addIssue({ code: 'custom', path: at('reporting'), message: 'a dishonest proposer under-reports the shared block\'s revenue to the rollups sharing it, but sequencing.mode is "separate"; set sequencing.mode to "shared" or remove revenueSharing.reporting' });
  if (lies && rule === undefined)
    ctx.addIssue({ code: 'custom', path: at('reporting', 'delta'), message: 'with no revenueSharing.rule the proposer keeps all revenue, so there is nothing to under-report; add a split rule (e.g. {"name": "shapley"}) or set delta to 0' });
  if (detectors.includes('publicBids') || detectors.includes('committee')) {
    if (cfg.builders.length === 0)
      ctx.addIssue({ code: 'custom', path: at('reporting', 'detection'), message: `the ${detectors.filter((d) => d !== 'stakeBound').join(' and ')} detector(s) watch builders' bids for the shared block, but there are no builders; add builders or disable those detectors` });
  }
  const name = cfg.mechanism.name;
  if (detectors.includes('publicBids') && !(publicBidsMechanisms as readonly string[]).includes(name))
    ctx.addIssue({ code: 'custom', path: at('reporting', 'detection', 'publicBids'), message: `the public-bids detector bounds the proposer's revenue by the mechanism's revenue on the public bids alone, a lower bound only when revenue grows with the set of bids (${publicBidsMechanisms.join(', ')}), not under "${name}"; switch the mechanism or disable publicBids` });
  if (detectors.includes('committee') && name !== 'first-price')
    ctx.addIssue({ code: 'custom', path: at('reporting', 'detection', 'committee'), message: `the committee attests the best bid it saw, which bounds the proposer's revenue only under first-price (the winner pays its bid), not under "${name}"; use the first-price mechanism or disable the committee detector` });
  const bound = reporting.detection.stakeBound;
  if (bound?.enabled && cfg.validators.some((v) => !Number.isFinite(v.stake * bound.stakeValueY)))
    ctx.addIssue({ code: 'custom', path: at('reporting', 'detection', 'stakeBound', 'stakeValueY'), message: `a validator's bond, stake × stakeValueY (${bound.stakeValueY}), overflows a floating-point number; use a smaller stakeValueY or smaller stakes` });
  if (governance.enabled && cfg.sequencing.mode !== 'shared')
    ctx.addIssue({ code: 'custom', path: at('governance', 'enabled'), message: 'rollups can only leave a shared sequencer, but sequencing.mode is "separate"; set it to "shared" or disable governance' });
  const cost = governance.ownSequencerCostY;
  if (typeof cost === 'object') {
    const ids = knownRollupIds(cfg);
    for (const id of Object.keys(cost))
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: at('governance', 'ownSequencerCostY', id), message: `unknown rollup "${id}"; known rollups are ${[...ids].map((x) => `"${x}"`).join(', ')}` });
  }
}

const knownRollupIds = (cfg: { rollups: { id: string }[] }) => new Set(cfg.rollups.map((r) => r.id));

const marketShape = z
  .object({
    $schema: schemaKeyField(),
    kind: z.literal('market').default('market').describe('Config kind: `market`, a market simulation (the default when `kind` is absent).'),
    description: z.string().default('').describe('Free-text description of the scenario, copied into the run\'s manifest.'),
    seed: z.union([z.number().int(), z.string().min(1)]).default(1).describe('Master seed (an integer or a non-empty string): every random stream derives from it and a stable path, so one seed gives one run.'),
    slots: z.number().int().positive().default(1000).describe('Number of slots to simulate.'),
    clock: clockSchema.default(clockSchema.parse({})).describe('Slot and epoch lengths of the simulated clock.'),
    reference: referenceSchema.default(referenceSchema.parse({})).describe('The reference (CEX) price of X in Y that arbitrageurs trade against: geometric Brownian motion with optional jumps.'),
    rollups: z.array(rollupSchema).min(1).describe('The rollups (at least one), each with its gas token, DEX pool, users and fee model.'),
    searchers: z.array(searcherSchema).default([]).describe('The searchers, chosen by `kind`: each finds MEV opportunities and bids for them with bundles.'),
    mechanism: mechanismConfigSchema.default({ name: 'first-price' }).describe('The auction mechanism, chosen by `name`, with its parameters as sibling fields. Without builders the proposer sells positions to searchers directly, which supports only first-price, second-price and order-flow-auction (the OFA sells its users\' backruns, the rest is sold first-price); with builders, builders bid for whole blocks with any mechanism (under order-flow-auction, first-price for the block).'),
    proposer: proposerSchema.default(proposerSchema.parse({})).describe('The slot proposer\'s behaviour.'),
    sequencing: sequencingSchema.default(sequencingSchema.parse({})).describe('Whether the rollups share one sequencer (one proposer and one auction for the super-block) or each has its own.'),
    validators: z.array(validatorSchema).min(1).default([{ id: 'validator-0', stake: 1 }]).describe('Stake-weighted validators; each slot\'s proposer is drawn from them in proportion to stake (the total must be > 0).'),
    builders: z.array(builderSchema).default([]).describe('Block builders. Empty: the proposer sells positions to searchers directly. Otherwise searchers send bundles to builders, who build blocks and bid for them with the configured mechanism.'),
    bidding: biddingSchema.default(biddingSchema.parse({})),
    limits: limitsSchema.default(limitsSchema.parse({})).describe('Bounds on the work the config may ask for; raise one deliberately when a study needs it.'),
    revenueSharing: revenueSharingSchema.default(revenueSharingSchema.parse({})).describe('How the shared sequencer\'s revenue is split among the rollups, what the proposer reports of it and whether rollups may leave.'),
    restaking: restakingSchema.optional().describe('Restaking for the shared sequencer: which validators opt in (only they propose its super-blocks), their reward, and each epoch\'s profit from corruption vs cost of corruption (Durvasula & Roughgarden 2025). Absent: every validator proposes and nothing is measured.'),
    output: outputSchema.optional().describe('What the per-slot table records: a column selection and every how many slots (absent: every column of every slot); and named reporters added to the summary. Leaves the simulation unchanged.'),
    staking: stakingSchema.optional(),
  })
  .strict();

/** A market config's fields before the cross-field checks (marketChecks.ts reads them). */
export type MarketShape = z.output<typeof marketShape>;

/** A market simulation config (`kind: "market"`, the default). */
export const marketConfigSchema = marketShape
  .superRefine((cfg, ctx) => {
    const ids = knownRollupIds(cfg);
    for (const [list, what] of [['rollups', 'rollup'], ['searchers', 'searcher'], ['builders', 'builder'], ['validators', 'validator']] as const)
      cfg[list].forEach((x: { id: string }, i: number) => {
        if (cfg[list].findIndex((o: { id: string }) => o.id === x.id) !== i)
          ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate ${what} id "${x.id}"; give each ${what} a unique id` });
      });
    if (cfg.builders.length === 0 && !(marketMechanisms as readonly string[]).includes(cfg.mechanism.name))
      ctx.addIssue({
        code: 'custom',
        path: ['mechanism', 'name'],
        message: `"${cfg.mechanism.name}" is in the mechanism library (\`seqsim validate\` runs it), but without builders the proposer sells positions to searchers directly, which supports only ${marketMechanisms.map((m) => `"${m}"`).join(', ')}; add builders (\`builders: [...]\`) to auction whole blocks with it`,
      });
    const known = [...ids].map((x) => `"${x}"`).join(', ');
    const check = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown rollup "${id}"; known rollups are ${known}` });
    };
    cfg.searchers.forEach((s, i) => {
      const kind = searcherKind(s.kind);
      const many = (s as { rollups?: unknown }).rollups !== undefined;
      kind.rollupsOf(s).forEach((id, j) => check(id, many ? ['searchers', i, 'rollups', j] : ['searchers', i, 'rollup']));
      for (const problem of kind.check?.(s) ?? []) ctx.addIssue({ code: 'custom', path: ['searchers', i, problem.field], message: problem.message });
      if (s.exclusiveBuilder !== undefined && !cfg.builders.some((b) => b.id === s.exclusiveBuilder))
        ctx.addIssue({ code: 'custom', path: ['searchers', i, 'exclusiveBuilder'], message: `unknown builder "${s.exclusiveBuilder}"; known builders are ${cfg.builders.map((b) => `"${b.id}"`).join(', ') || '(none)'}` });
    });
    const rule = cfg.revenueSharing.rule;
    if (rule?.name === 'fixed' && rule.shares.length !== cfg.rollups.length)
      ctx.addIssue({ code: 'custom', path: ['revenueSharing', 'rule', 'shares'], message: `give one share per rollup (${cfg.rollups.length}), but got ${rule.shares.length}` });
    if ((rule?.name === 'shapley' || rule?.name === 'banzhaf') && cfg.rollups.length > cfg.revenueSharing.exactUpTo)
      ctx.addIssue({
        code: 'custom',
        path: ['revenueSharing', 'rule', 'name'],
        message: `exact ${rule.name} needs v(S) for all 2^${cfg.rollups.length} subsets, more than revenueSharing.exactUpTo (${cfg.revenueSharing.exactUpTo}) rollups allow; use the sampled estimator {"name": "drop-out", "rounds": 1000} or raise exactUpTo (at most 12)`,
      });
    checkTrust(cfg, ctx);
    checkTimeboost(cfg, ctx);
    checkBidding(cfg, ctx);
    checkCapital(cfg, (kind) => searcherKind(kind).hedges === true, ctx);
    checkMechanismTiming(cfg, ctx);
    checkRestaking({ ...cfg, hasStaking: cfg.staking !== undefined }, ctx);
    checkLimits(cfg, ctx);
    checkStaking(cfg, ctx);
    if (cfg.validators.reduce((a, v) => a + v.stake, 0) <= 0)
      ctx.addIssue({ code: 'custom', path: ['validators'], message: 'the validators\' total stake must be > 0: give at least one validator a positive stake' });
  })
  .describe('A market simulation: rollups with DEX pools and users, searchers and builders competing for block positions, a proposer selling them with an auction mechanism, and optionally revenue sharing among the rollups of a shared sequencer.');

export type MarketConfig = z.output<typeof marketConfigSchema>;
export type MarketConfigInput = z.input<typeof marketConfigSchema>;
export type RollupConfig = MarketConfig['rollups'][number];
export type SearcherConfig = MarketConfig['searchers'][number];
