import { z } from 'zod';
import { mechanismConfigSchema } from '../market/mechanisms/config.js';
import { splitRuleSchema } from '../market/revenueSharing/config.js';
import { governanceSchema, reportingSchema } from './trustSchema.js';
import { builderSchema, searcherSchema, sequencingSchema, validatorSchema } from './agentsSchema.js';

/** The two risky assets; prices are quoted in Y per X. */
export const tokenSchema = z.enum(['X', 'Y']);

const positive = () => z.number().positive().finite();
const nonNegative = () => z.number().nonnegative().finite();
const probability = () => z.number().min(0).max(1);

export const clockSchema = z
  .object({
    /** Slot length in simulated milliseconds. */
    slotMs: z.number().int().positive().default(2000),
    slotsPerEpoch: z.number().int().positive().default(32),
  })
  .strict();

export const referenceSchema = z
  .object({
    /** Starting reference (CEX) price, Y per X. */
    initialPriceYPerX: positive().default(1),
    /** Volatility of log price per year of simulated time. */
    sigmaPerYear: positive().default(0.8),
    /** Drift of log price per year (GBM drift mu; the log drift is mu - sigma^2/2). */
    driftPerYear: z.number().finite().default(0),
    /**
     * How long the price moves between consecutive blocks: `fixed`, one slot; `exponential`, an
     * exponential draw with the slot length as mean — Poisson block production, the model of
     * Milionis, Moallemi & Roughgarden (2023). Only the reference price sees the random interval.
     */
    blockIntervals: z.enum(['fixed', 'exponential']).default('fixed'),
    jumps: z
      .object({
        /** Poisson rate of jumps per year; 0 turns jumps off. */
        ratePerYear: nonNegative().default(0),
        /** Mean and standard deviation of the log jump size. */
        meanLog: z.number().finite().default(0),
        sdLog: nonNegative().default(0.05),
      })
      .strict()
      .default({ ratePerYear: 0, meanLog: 0, sdLog: 0.05 }),
  })
  .strict();

export const poolSchema = z
  .object({
    reserveX: positive(),
    reserveY: positive(),
    /** Swap fee as a fraction of the input, in [0, 1). */
    fee: z.number().min(0).lt(1).default(0.003),
  })
  .strict();

export const usersSchema = z
  .object({
    /** Mean number of user swaps per slot on this rollup (Poisson). */
    arrivalsPerSlot: nonNegative().default(1),
    /** Median swap size in Y at the reference price (log-normal). */
    medianSizeY: positive().default(1000),
    /** Standard deviation of log size. */
    sizeLogSd: nonNegative().default(1),
    /** Probability a user buys X (pays Y); otherwise sells X. */
    buyXProbability: probability().default(0.5),
    /** Maximum accepted execution price worse than the quoted spot, as a fraction. */
    slippageTolerance: nonNegative().default(0.01),
    /** Fraction of users who send privately rather than to the public mempool. */
    privateFraction: probability().default(0),
  })
  .strict();

export const feeModelSchema = z
  .object({
    /** Starting base fee, in gas-token units per byte of transaction data. */
    initialBaseFeePerByte: nonNegative().default(1e-6),
    /** Floor of the base fee (EIP-1559's update is multiplicative, so it needs one above 0). */
    minBaseFeePerByte: nonNegative().default(1e-9),
    /** Bytes per block the base fee steers toward. */
    targetBytesPerBlock: positive().default(2000),
    /** EIP-1559's denominator: the fee moves at most 1/d per block. */
    maxChangeDenominator: positive().default(8),
    /** Data size of one swap (a user swap or one leg of a bundle), in bytes. */
    bytesPerSwap: positive().default(200),
  })
  .strict();

export const rollupSchema = z
  .object({
    id: z.string().min(1).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
    /** The token fees and bids on this rollup are paid in. */
    gasToken: tokenSchema,
    pool: poolSchema,
    users: usersSchema.default(usersSchema.parse({})),
    feeModel: feeModelSchema.default(feeModelSchema.parse({})),
    /**
     * How this rollup orders its part of the block, whoever builds it: `auction` (the builder orders
     * freely: positions are sold), `fcfs` (by arrival time; bundles only behind their target,
     * latency decides who is first), `encrypted` (order committed before contents are revealed: no
     * bundle can target a transaction of the same block).
     */
    ordering: z.enum(['auction', 'fcfs', 'encrypted']).default('auction'),
  })
  .strict();

/**
 * Mechanisms the market model's per-position auction among searchers runs today. The whole
 * library (`mechanismConfigSchema`) validates here, so a config names any known mechanism with its
 * parameters; the others are run by `seqsim validate` and reach the market when builders bid for
 * whole blocks.
 */
export const marketMechanisms = ['first-price', 'second-price'] as const;
export { builderSchema, searcherSchema, sequencingSchema, validatorSchema };

export const disposalSchema = z
  .object({
    /** `hold` keeps received gas tokens; `sell` sells `sellFractionPerSlot` of holdings each slot. */
    policy: z.enum(['hold', 'sell']).default('hold'),
    sellFractionPerSlot: probability().default(0.1),
  })
  .strict();

export const proposerSchema = z
  .object({ disposal: disposalSchema.default({ policy: 'hold', sellFractionPerSlot: 0.1 }) })
  .strict();

export const revenueSharingSchema = z
  .object({
    /**
     * Run counterfactual auctions each slot — the same bundles, builders and mechanism restricted to
     * subsets of rollups — so that v(S) is known: every subset up to `exactUpTo` rollups, else the
     * singletons and the whole set (DESIGN.md §6).
     */
    counterfactuals: z.boolean().default(false),
    exactUpTo: z.number().int().min(1).max(12).default(4),
    /**
     * How each slot's proposer revenue is split among the rollups (after `proposerCut`); none keeps
     * it all with the proposer. Value-based rules (variable, shapley, banzhaf, drop-out) run the
     * counterfactual auctions they need.
     */
    rule: splitRuleSchema.optional(),
    /** Fraction of the revenue the proposer keeps before the split. */
    proposerCut: z.number().min(0).max(1).default(0),
    /** What the proposer reports of its revenue, and how the rollups check it. */
    reporting: reportingSchema.default(reportingSchema.parse({})),
    /** Rollups that leave the shared sequencer when they are worse off, and may return. */
    governance: governanceSchema.default(governanceSchema.parse({})),
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
    kind: z.literal('market').default('market'),
    /** Free-text description shown in the manifest. */
    description: z.string().default(''),
    /** Master seed: every random stream derives from it and a stable path. */
    seed: z.union([z.number().int(), z.string().min(1)]).default(1),
    /** Number of slots to simulate. */
    slots: z.number().int().positive().default(1000),
    clock: clockSchema.default(clockSchema.parse({})),
    reference: referenceSchema.default(referenceSchema.parse({})),
    rollups: z.array(rollupSchema).min(1),
    searchers: z.array(searcherSchema).default([]),
    mechanism: mechanismConfigSchema.default({ name: 'first-price' }),
    proposer: proposerSchema.default(proposerSchema.parse({})),
    sequencing: sequencingSchema.default(sequencingSchema.parse({})),
    /** Stake-weighted validators; each slot's proposer is drawn from them. */
    validators: z.array(validatorSchema).min(1).default([{ id: 'validator-0', stake: 1 }]),
    /**
     * Builders. Empty: the proposer sells positions to searchers directly. Otherwise searchers send
     * bundles to builders, builders build blocks and bid for them with the configured mechanism.
     */
    builders: z.array(builderSchema).default([]),
    revenueSharing: revenueSharingSchema.default(revenueSharingSchema.parse({})),
  })
  .strict();

/** A market simulation config (`kind: "market"`, the default). */
export const marketConfigSchema = marketShape.superRefine((cfg, ctx) => {
    const ids = knownRollupIds(cfg);
    cfg.rollups.forEach((r, i) => {
      if (cfg.rollups.findIndex((o) => o.id === r.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['rollups', i, 'id'], message: `duplicate rollup id "${r.id}"; give each rollup a unique id` });
    });
    if (cfg.builders.length === 0 && !(marketMechanisms as readonly string[]).includes(cfg.mechanism.name))
      ctx.addIssue({
        code: 'custom',
        path: ['mechanism', 'name'],
        message: `"${cfg.mechanism.name}" is in the mechanism library (\`seqsim validate\` runs it), but without builders the proposer sells positions to searchers directly, which supports only ${marketMechanisms.map((m) => `"${m}"`).join(' and ')}; add builders (\`builders: [...]\`) to auction whole blocks with it`,
      });
    const known = [...ids].map((x) => `"${x}"`).join(', ');
    const check = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown rollup "${id}"; known rollups are ${known}` });
    };
    cfg.searchers.forEach((s, i) => {
      if (s.kind === 'cross-rollup') {
        s.rollups.forEach((id, j) => check(id, ['searchers', i, 'rollups', j]));
        if (s.rollups[0] === s.rollups[1])
          ctx.addIssue({ code: 'custom', path: ['searchers', i, 'rollups'], message: 'a cross-rollup searcher needs two different rollups' });
        if (s.payOn !== undefined && !s.rollups.includes(s.payOn))
          ctx.addIssue({ code: 'custom', path: ['searchers', i, 'payOn'], message: `payOn must be one of the searcher's rollups (${s.rollups.join(', ')}), but got "${s.payOn}"` });
      } else check(s.rollup, ['searchers', i, 'rollup']);
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
    if (cfg.validators.reduce((a, v) => a + v.stake, 0) <= 0)
      ctx.addIssue({ code: 'custom', path: ['validators'], message: 'the validators\' total stake must be > 0: give at least one validator a positive stake' });
});

export type MarketConfig = z.output<typeof marketConfigSchema>;
export type MarketConfigInput = z.input<typeof marketConfigSchema>;
export type RollupConfig = MarketConfig['rollups'][number];
export type SearcherConfig = MarketConfig['searchers'][number];
