import { banzhaf } from './banzhaf.js';
import { standaloneValues, type CoalitionGame } from './coalitionValue.js';
import type { SplitRule } from './config.js';
import { dropOut } from './dropOut.js';
import { fixedShares } from './fixedShares.js';
import { proportionalToFees } from './proportionalToFees.js';
import { shapley } from './shapley.js';
import type { SplitInput } from './types.js';
import { valueShares } from './valueShares.js';
import { variableShares } from './variableShares.js';

function requireField<T>(value: T | undefined, field: string, rule: string): T {
  if (value === undefined) throw new TypeError(`split rule '${rule}' needs input.${field}`);
  return value;
}

function requireLength(values: readonly number[], field: string, n: number): readonly number[] {
  if (values.length !== n) {
    throw new RangeError(`${field} must have one entry per rollup (n = ${n}), got ${values.length}`);
  }
  return values;
}

/**
 * The shares of the remainder (after the proposer's cut) under `rule`, one per rollup, summing
 * to 1. Fee/standalone/fixed shares are ≥ 0; value-based shares go through `valueShares` and may
 * be negative for a non-monotone v. Throws a TypeError naming a missing input field and a
 * RangeError for out-of-range inputs.
 */
export function ruleShares(rule: SplitRule, input: SplitInput): number[] {
  const { n } = input;
  const game = (): CoalitionGame => requireField(input.v, 'v', rule.name);
  switch (rule.name) {
    case 'fixed':
      return fixedShares(requireLength(rule.shares, 'shares', n));
    case 'proportional-to-fees':
      return proportionalToFees(
        requireLength(requireField(input.feesByRollup, 'feesByRollup', rule.name), 'feesByRollup', n),
      );
    case 'variable': {
      const standalone = input.standaloneByRollup ?? standaloneValues(n, game());
      return variableShares(requireLength(standalone, 'standaloneByRollup', n));
    }
    case 'shapley':
      return valueShares(shapley(n, game()));
    case 'banzhaf':
      return valueShares(banzhaf(n, game(), rule.q));
    case 'drop-out': {
      const source = requireField(input.source, 'source', rule.name);
      return valueShares(dropOut(n, game(), rule, source).estimate);
    }
  }
}
