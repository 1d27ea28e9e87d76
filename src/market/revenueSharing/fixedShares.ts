/** Tolerance on |Σ shares − 1| for the `fixed` rule. */
export const SHARES_SUM_TOLERANCE = 1e-9;

/**
 * Checks `fixed` shares: every share finite and ≥ 0, and |Σ shares − 1| ≤ 1e-9. Returns null when
 * valid, else a message naming `shares` (and the sum); shared by `fixedShares` and the zod schema.
 */
export function checkShares(shares: readonly number[]): string | null {
  if (shares.length === 0) return 'shares must not be empty';
  const bad = shares.findIndex((s) => !Number.isFinite(s) || s < 0);
  if (bad >= 0) return `shares[${bad}] is ${shares[bad]}: every share must be a finite number >= 0`;
  const sum = shares.reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 1) > SHARES_SUM_TOLERANCE) {
    return `shares must sum to 1 (within ${SHARES_SUM_TOLERANCE}), got sum ${sum}`;
  }
  return null;
}

/** `fixed` rule: the given shares (a copy), after `checkShares`; throws a RangeError otherwise. */
export function fixedShares(shares: readonly number[]): number[] {
  const problem = checkShares(shares);
  if (problem !== null) throw new RangeError(problem);
  return [...shares];
}
