import { z } from 'zod';

/*
 * Restaking for the shared sequencer (issue 19 item 3; seed 004's panel on economic security in
 * liquid staking and restaking). Operators (the validators) opt in to the shared sequencer by
 * restaking: only they propose its super-blocks, they share a part of its revenue, and their
 * restaked stake is slashable. Each epoch the run measures whether a coalition of operators could
 * profit from corrupting the sequencer (and the other services the same stake secures): profit from
 * corruption vs cost of corruption, after Durvasula & Roughgarden, "Robust Restaking Networks"
 * (ITCS 2025). Absent: every validator may propose, nothing is measured — the model before it.
 */

const nonNegative = () => z.number().nonnegative().finite();
const threshold = () => z.number().gt(0).max(1);
const operators = () =>
  z
    .union([z.literal('all'), z.array(z.string().min(1)).min(1)])
    .default('all');

export const restakedServiceSchema = z
  .object({
    id: z.string().min(1).describe('Name of the service (unique among `restaking.services`).'),
    profitFromCorruptionY: nonNegative().describe('What a coalition controlling the service can take from it, in Y (≥ 0).'),
    threshold: threshold().default(2 / 3).describe('Fraction of the stake restaked to the service a coalition needs to corrupt it, in (0, 1].'),
    operators: operators().describe('Validator ids that restake to this service (`"all"`: every validator).'),
  })
  .strict();

export const restakingSchema = z
  .object({
    operators: operators().describe('Validator ids that opt in to the shared sequencer by restaking (`"all"`: every validator). Only they propose the shared super-block (drawn by stake among them); rollups running their own sequencer still draw from every validator.'),
    stakeValueY: nonNegative().default(1).describe('Value of one unit of validator stake, in Y.'),
    slashFraction: z.number().min(0).max(1).default(1).describe('Fraction of an operator\'s restaked stake slashed for a proven attack, in [0, 1]: its stake at risk is slashFraction × stake × stakeValueY.'),
    threshold: threshold().default(1 / 3).describe('Fraction of the sequencer\'s restaked stake a coalition needs to corrupt it, in (0, 1]: 1/3 halts or censors a BFT committee, 2/3 can equivocate.'),
    valueAtRiskY: nonNegative().default(0).describe('What a corrupt sequencer can take besides its revenue (e.g. bridged value in flight), in Y (≥ 0).'),
    revenueEpochs: nonNegative().default(1).describe('Epochs of the sequencer\'s revenue a corrupt coalition can divert before it is slashed (≥ 0): its profit from corruption is valueAtRiskY + revenueEpochs × the last epoch\'s proposer revenue.'),
    revenueShare: z.number().min(0).max(1).default(0).describe('Share of each epoch\'s proposer revenue paid to the opted-in operators in proportion to stake (their restaking reward), in [0, 1]; moves `validators[].revenue_y` from the epoch\'s proposers to the operators.'),
    optIn: z
      .object({
        requiredYieldPerEpoch: nonNegative().describe('Reward per unit of stake value and epoch (Y per Y) an operator needs to stay restaked (≥ 0): its opportunity cost and the price of accepting slashing.'),
      })
      .strict()
      .optional()
      .describe('Operators decide: at each epoch\'s end each of `operators`, in validator order, restakes when last epoch\'s reward (revenueShare × revenue) over the restaked stake with it in, per unit of stake value, reaches requiredYieldPerEpoch, and leaves when it does not (the last one in stays). Absent: every operator listed stays in.'),
    services: z.array(restakedServiceSchema).default([]).describe('Other services the same stake is restaked to: their profits add to what a coalition controlling them gains, against the same stake at risk.'),
  })
  .strict();

export type RestakingConfig = z.output<typeof restakingSchema>;

/** Most distinct operators (sequencer and services together): the security check searches every coalition of them. */
export const MAX_RESTAKING_OPERATORS = 20;

interface Checked {
  /** With stake pools, delegated stake can back operators of no own stake. */
  readonly hasStaking?: boolean;
  readonly validators: readonly { readonly id: string; readonly stake: number }[];
  readonly sequencing: { readonly mode: string };
  readonly restaking?: RestakingConfig;
}

/** Cross-field checks: known, distinct operator ids; unique service ids; a shared sequencer to restake to. */
export function checkRestaking(cfg: Checked, ctx: z.RefinementCtx): void {
  const r = cfg.restaking;
  if (r === undefined) return;
  if (cfg.sequencing.mode !== 'shared')
    ctx.addIssue({ code: 'custom', path: ['restaking'], message: 'restaking secures the shared sequencer, but sequencing.mode is "separate"; set sequencing.mode to "shared" or drop restaking' });
  const ids = new Set(cfg.validators.map((v) => v.id));
  const known = [...ids].map((v) => `"${v}"`).join(', ');
  const checkIds = (list: RestakingConfig['operators'], path: (string | number)[]) => {
    if (list === 'all') return;
    list.forEach((id, i) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown validator "${id}"; known validators are ${known}` });
      else if (list.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [...path, i], message: `validator "${id}" is listed twice; list each operator once` });
    });
  };
  checkIds(r.operators, ['restaking', 'operators']);
  const ofList = (list: RestakingConfig['operators']) => (list === 'all' ? [...ids] : list);
  const operatorIds = new Set([...ofList(r.operators), ...r.services.flatMap((s) => ofList(s.operators))]);
  if (operatorIds.size > MAX_RESTAKING_OPERATORS)
    ctx.addIssue({ code: 'custom', path: ['restaking', 'operators'], message: `${operatorIds.size} distinct operators restake, more than ${MAX_RESTAKING_OPERATORS}: the security check searches every coalition of them (2^n); group validators into at most ${MAX_RESTAKING_OPERATORS} operators` });
  const optedStake = cfg.validators.filter((v) => r.operators === 'all' || r.operators.includes(v.id)).reduce((a, v) => a + v.stake, 0);
  if (!(optedStake > 0) && !cfg.hasStaking)
    ctx.addIssue({ code: 'custom', path: ['restaking', 'operators'], message: 'the opted-in operators hold no stake, so no one can propose the shared super-block; opt in at least one validator with a positive stake' });
  r.services.forEach((s, i) => {
    checkIds(s.operators, ['restaking', 'services', i, 'operators']);
    if (r.services.findIndex((o) => o.id === s.id) !== i)
      ctx.addIssue({ code: 'custom', path: ['restaking', 'services', i, 'id'], message: `duplicate service id "${s.id}"; give each service a unique id` });
  });
}
