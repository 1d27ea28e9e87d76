import { z } from 'zod';
import { fraction, positiveInteger, zParam } from '../mechanisms/paramChecks.js';
import { checkShares } from './fixedShares.js';

/** Default number of rounds of the `drop-out` estimator (standard error ≈ σ/31.6 per rollup). */
export const DEFAULT_DROP_OUT_ROUNDS = 1000;

const sharesSchema = z.array(z.number()).superRefine((shares, ctx) => {
  const problem = checkShares(shares);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Config schema of a revenue split rule (DESIGN.md §6): a discriminated union on `name` whose
 * other fields are the rule's parameters, each with its default. Error messages match the
 * zod-free checks (`checkShares`, `paramChecks.ts`).
 *
 * - `fixed`: `shares` (required; ≥ 0, summing to 1 within 1e-9; one per rollup).
 * - `proportional-to-fees`, `variable`, `shapley`: no parameters.
 * - `banzhaf`: `q` ∈ [0, 1], default 0.5 (the classical Banzhaf value).
 * - `drop-out`: `rounds` integer ≥ 1, default 1000; `q` ∈ [0, 1] optional — absent draws
 *   q ~ U(0,1) each round (estimates Shapley), present fixes it (estimates Banzhaf-type φ^B(q)).
 *
 * Example: `{ "name": "drop-out", "rounds": 20000 }`, `{ "name": "fixed", "shares": [0.5, 0.5] }`.
 */
export const splitRuleSchema = z.discriminatedUnion('name', [
  z.object({
    name: z.literal('fixed').describe('Split rule `fixed`: each rollup gets a fixed share.'),
    shares: sharesSchema.describe('One share per rollup, in `rollups` order: each ≥ 0, summing to 1 (within 1e-9).'),
  }),
  z.object({ name: z.literal('proportional-to-fees').describe('Split rule `proportional-to-fees`: shares proportional to the fees each rollup collected in the slot.') }),
  z.object({ name: z.literal('variable').describe('Split rule `variable`: shares proportional to each rollup\'s standalone value v({r}) (runs counterfactual auctions).') }),
  z.object({ name: z.literal('shapley').describe('Split rule `shapley`: the exact Shapley value of the game v(S) (needs at most `exactUpTo` rollups).') }),
  z.object({
    name: z.literal('banzhaf').describe('Split rule `banzhaf`: the exact (normalised) Banzhaf-type value φ^B(q) of the game v(S) (needs at most `exactUpTo` rollups).'),
    q: zParam(fraction, 'q').default(0.5).meta({ minimum: 0, maximum: 1 }).describe('Probability with which each other rollup joins a coalition, in [0, 1]; 0.5 gives the classical Banzhaf value.'),
  }),
  z.object({
    name: z.literal('drop-out').describe('Split rule `drop-out`: a sampled estimate of the Shapley (or Banzhaf-type) value, for any number of rollups.'),
    rounds: zParam(positiveInteger, 'rounds').default(DEFAULT_DROP_OUT_ROUNDS).meta({ minimum: 1 }).describe('Number of sampled rounds per estimate, an integer ≥ 1 (standard error ≈ σ/√rounds per rollup).'),
    q: zParam(fraction, 'q').optional().meta({ minimum: 0, maximum: 1 }).describe('Join probability in [0, 1]: absent, q ~ U(0, 1) is drawn each round (estimates Shapley); present, it is fixed (estimates the Banzhaf-type φ^B(q)).'),
  }),
]);

/** A parsed split rule (defaults filled in). */
export type SplitRule = z.output<typeof splitRuleSchema>;
/** A split rule as written (parameters with defaults optional). */
export type SplitRuleInput = z.input<typeof splitRuleSchema>;
/** The names of the split rules. */
export type SplitRuleName = SplitRule['name'];
