import { z } from 'zod';
import { agentId } from './agentsSchema.js';

const nonNegative = () => z.number().nonnegative().finite();
const probability = () => z.number().min(0).max(1);

/** One stake pool: the validators it operates, what it keeps and how much of a block's MEV it captures. */
export const stakePoolSchema = z
  .object({
    id: agentId().describe('Unique pool id (letters, digits, - and _).'),
    commission: probability().default(0.1).describe('Share of the pool\'s rewards (issuance and captured MEV) its operators keep, in [0, 1]; delegators get the rest.'),
    operators: z.array(z.string().min(1)).min(1).describe('Ids of the validators (`validators[].id`) the pool runs, at least one; each validator belongs to at most one pool. The pool\'s delegated stake is split evenly over them, on top of each validator\'s own `stake`.'),
    mevSophistication: probability().default(1).describe('Share of the proposer\'s MEV revenue the pool captures when one of its validators proposes, in [0, 1] (better builders, vertical integration): 1 captures all the market pays the proposer.'),
  })
  .strict();

/**
 * Stake pools and delegators (issue 19; Bahrani, Garimidi & Roughgarden 2024, arXiv:2401.12120,
 * §3's staking game). Each epoch (`clock.slotsPerEpoch`) a pool's delegators, acting as one
 * coalition, move stake toward the pool's best response: more stake while the marginal return of a
 * unit of stake beats the outside option, less when it falls short.
 */
export const stakingSchema = z
  .object({
    pools: z.array(stakePoolSchema).min(1).describe('The stake pools, at least one.'),
    delegators: z
      .object({
        count: z.number().int().min(1).max(1_000_000).default(1000).describe('Number of delegators (stake moves in whole delegators).'),
        stake: nonNegative().max(1e12).default(32).describe('Stake of each delegator (≥ 0, the unit of `validators[].stake`).'),
      })
      .strict()
      .default({ count: 1000, stake: 32 })
      .describe('The delegators: all start delegated, split as evenly as whole delegators allow over the pools in order.'),
    windowEpochs: z.number().int().min(1).max(1000).default(4).describe('Epochs of rewards a pool\'s delegators look back over to estimate what the pool earns per block.'),
    speed: probability().default(0.25).describe('Fraction of the gap to the best response that moves each epoch, in [0, 1] (0: stake never moves).'),
    switchingCostY: nonNegative().default(0).describe('One-off cost of moving a unit of stake (Y), amortised over `windowEpochs`: stake moves only while the marginal return beats the outside option by more than switchingCostY ÷ windowEpochs per epoch.'),
    outsideReturnY: z.number().positive().finite().default(0.01).describe('What a unit of undelegated stake earns per epoch elsewhere (Y, > 0): the cost of capital the marginal return of delegated stake is compared with.'),
    issuancePerBlockY: nonNegative().default(0).describe('Issuance paid to the pool of each block\'s proposer (Y per block), on top of the MEV it captures.'),
  })
  .strict()
  .describe('Stake pools and delegators (absent: validators keep their configured stakes). Validators\' stakes become their own `stake` plus their pool\'s delegated stake split over its operators; each epoch delegators move stake between the pools and the outside option.');

export type StakingConfig = z.output<typeof stakingSchema>;

/** The pools' operators must be known validators, each in at most one pool; pool ids unique. */
export function checkStaking(cfg: { validators: { id: string }[]; staking?: StakingConfig }, ctx: z.RefinementCtx): void {
  const staking = cfg.staking;
  if (staking === undefined) return;
  const known = new Set(cfg.validators.map((v) => v.id));
  const owner = new Map<string, string>();
  staking.pools.forEach((p, i) => {
    if (staking.pools.findIndex((o) => o.id === p.id) !== i)
      ctx.addIssue({ code: 'custom', path: ['staking', 'pools', i, 'id'], message: `duplicate pool id "${p.id}"; give each pool a unique id` });
    p.operators.forEach((id, j) => {
      const path = ['staking', 'pools', i, 'operators', j];
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown validator "${id}"; known validators are ${[...known].map((v) => `"${v}"`).join(', ')}` });
      else if (owner.has(id)) ctx.addIssue({ code: 'custom', path, message: `validator "${id}" already operates for pool "${owner.get(id)}"; a validator belongs to at most one pool` });
      else owner.set(id, p.id);
    });
  });
}
