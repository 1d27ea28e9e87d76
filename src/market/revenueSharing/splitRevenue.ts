import { fraction, nonNegativeFinite, requireParam } from '../mechanisms/paramChecks.js';
import { requireRollupCount } from './coalitionValue.js';
import type { SplitRule } from './config.js';
import { ruleShares } from './ruleShares.js';
import type { RevenueSplit, SplitInput } from './types.js';

/**
 * Splits one slot's revenue between the proposer (shared sequencer) and the n rollups:
 *
 *   proposer    = proposerCut · revenue                      (taken first)
 *   perRollup_r = s_r · (revenue − proposer),   Σ_r s_r = 1  (s from `ruleShares`)
 *
 * so proposer + Σ perRollup = revenue. Value-based rules (`shapley`, `banzhaf`, `drop-out`)
 * rescale their values onto the remainder as s_i = φ_i / Σ_j φ_j (= φ_i / v(N) for exact
 * Shapley): v is used only for proportions, because the revenue actually paid (e.g. a
 * second-price payment) need not equal the winning bid v(N). Their shares may be negative on a
 * non-monotone v (see `valueShares`). `drop-out` draws from `input.source` only.
 *
 * Throws a RangeError naming `revenue` (finite, ≥ 0), `proposerCut` (in [0, 1]) or `n`.
 */
export function splitRevenue(rule: SplitRule, input: SplitInput): RevenueSplit {
  requireParam(nonNegativeFinite, 'revenue', input.revenue);
  requireParam(fraction, 'proposerCut', input.proposerCut);
  requireRollupCount(input.n);
  const proposer = input.proposerCut * input.revenue;
  const remainder = input.revenue - proposer;
  const shares = ruleShares(rule, input);
  return { proposer, perRollup: shares.map((s) => s * remainder), shares };
}
