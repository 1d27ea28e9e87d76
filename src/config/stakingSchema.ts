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
 * A liquid-staking protocol (issue 19 item 2): a pool of pools. Its own delegators' stake is
 * allocated over member pools by a rule; its token's exchange rate accrues the rewards it earns net
 * of its fee (Gogol et al. 2024, "SoK: Liquid Staking Tokens (LSTs) and Emerging Trends in
 * Restaking", arXiv:2404.00644, §3: reward-accruing LSTs).
 */
export const liquidStakingSchema = z
  .object({
    id: agentId().default('lst').describe('The protocol\'s id (in outputs).'),
    delegators: z.number().int().min(1).max(1_000_000).default(1000).describe('Delegators holding the protocol\'s token, each with `staking.delegators.stake`, on top of `staking.delegators.count`. They never leave: the token supply is fixed at this × stake (the initial stake, exchange rate 1).'),
    members: z.array(z.string().min(1)).min(1).describe('Ids of the member pools (`staking.pools[].id`), at least one, each once; under `router` also the priority order.'),
    rule: z.enum(['equal', 'performance', 'router']).default('equal').describe('How the stake is allocated over the members, again at each epoch\'s end: `equal` (stake ÷ members each), `performance` (in proportion to each member\'s net return per unit of stake — its delegators\' reward ÷ its stake — averaged over the last `staking.windowEpochs` epochs; equal until one is seen or when all are 0), `router` (members filled in order up to `router.capPerOperator` × their operators; what no member can take stays buffered, earning nothing, like Lido\'s buffered ether).'),
    router: z
      .object({ capPerOperator: nonNegative().describe('Most stake the protocol puts on one operator (validator) of a member pool (the unit of `validators[].stake`).') })
      .strict()
      .optional()
      .describe('The staking router\'s cap; required with `rule: "router"`, refused with the other rules.'),
    fee: probability().default(0.1).describe('Share of the protocol\'s rewards (what its stake earns in the member pools, after their commission) the protocol keeps, in [0, 1]; token holders get the rest through the exchange rate.'),
  })
  .strict();

export type LiquidStakingConfig = z.output<typeof liquidStakingSchema>;

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
    liquidStaking: liquidStakingSchema.optional().describe('A liquid-staking protocol (a pool of pools) delegating its own delegators\' stake to member pools; absent: none.'),
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
  const lst = staking.liquidStaking;
  if (lst === undefined) return;
  const pools = staking.pools.map((p) => p.id);
  lst.members.forEach((id, j) => {
    const path = ['staking', 'liquidStaking', 'members', j];
    if (!pools.includes(id)) ctx.addIssue({ code: 'custom', path, message: `unknown pool "${id}"; known pools are ${pools.map((p) => `"${p}"`).join(', ')}` });
    else if (lst.members.indexOf(id) !== j) ctx.addIssue({ code: 'custom', path, message: `pool "${id}" is listed twice; list each member once` });
  });
  if (lst.rule === 'router' && lst.router === undefined)
    ctx.addIssue({ code: 'custom', path: ['staking', 'liquidStaking', 'router'], message: 'rule "router" needs `router: { capPerOperator }`, the most stake per operator' });
  if (lst.rule !== 'router' && lst.router !== undefined)
    ctx.addIssue({ code: 'custom', path: ['staking', 'liquidStaking', 'router'], message: `is only read with rule "router" (the rule is "${lst.rule}"); remove it or set rule: "router"` });
}
