/**
 * Coalition value functions over rollups sharing a sequencer (DESIGN.md §6).
 *
 * `v(S)` is the winning bid, in numéraire, of the auction restricted to the rollups in S
 * (rollup indices 0..n−1). By definition v(∅) = 0: an auction with no rollups sells nothing, so
 * `v` is never called on the empty set. The model fills these values from counterfactual
 * auctions ("run auctions for A alone, B alone and A+B together", Quintus, seed talk 003).
 */

/** v(S) as a function: `members` are distinct rollup indices in ascending order, never empty. */
export type CoalitionValue = (members: readonly number[]) => number;

/**
 * v(S) as a table: entry `m` is v({i : bit i of m is set}); length 2^n; entry 0 is v(∅) = 0.
 * Example for n = 2: `[v(∅), v({0}), v({1}), v({0,1})]`.
 */
export type CoalitionValueTable = Float64Array;

/** Either representation; rules that need every coalition turn a function into a table. */
export type CoalitionGame = CoalitionValue | CoalitionValueTable;

/** Largest n for which a table is built: 2^20 doubles = 8 MiB (and 2^20 counterfactual auctions). */
export const MAX_TABLE_ROLLUPS = 20;

/** Throws a RangeError unless n is an integer in [1, max]. */
export function requireRollupCount(n: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new RangeError(`n (number of rollups) must be an integer in [1, ${max}], got ${n}`);
  }
}

/** The rollup indices whose bits are set in `mask`, ascending. */
export function membersOf(mask: number, n: number): number[] {
  const members: number[] = [];
  for (let i = 0; i < n; i++) if ((mask >>> i) & 1) members.push(i);
  return members;
}

/** The bitmask of a set of rollup indices (each < 31). */
export function maskOf(members: readonly number[]): number {
  let mask = 0;
  for (const i of members) mask |= 1 << i;
  return mask;
}

function requireFiniteValue(value: number, mask: number, n: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`v({${membersOf(mask, n).join(',')}}) is ${value}: values must be finite`);
  }
}

/**
 * Tabulates `v` on all 2^n coalitions (n ≤ `MAX_TABLE_ROLLUPS`), calling it once per non-empty
 * coalition; entry 0 is v(∅) = 0. Throws a RangeError naming the coalition of a non-finite value.
 */
export function valueTable(n: number, v: CoalitionValue): CoalitionValueTable {
  requireRollupCount(n, MAX_TABLE_ROLLUPS);
  const table = new Float64Array(2 ** n);
  for (let mask = 1; mask < table.length; mask++) {
    const value = v(membersOf(mask, n));
    requireFiniteValue(value, mask, n);
    table[mask] = value;
  }
  return table;
}

/**
 * The game as a validated table: a function is tabulated with `valueTable`; a table must have
 * length 2^n, entry 0 equal to 0 and finite entries (else RangeError).
 */
export function toValueTable(n: number, game: CoalitionGame): CoalitionValueTable {
  if (typeof game === 'function') return valueTable(n, game);
  requireRollupCount(n, MAX_TABLE_ROLLUPS);
  // 1 << n, not 2 ** n (a call to pow every slot): n is an integer in [1, 20] here.
  if (game.length !== 1 << n) {
    throw new RangeError(`value table must have length 2^n = ${2 ** n}, got ${game.length}`);
  }
  if (game[0] !== 0) throw new RangeError(`value table entry 0 is v(∅) and must be 0, got ${game[0]}`);
  // A plain loop, not `forEach` with a closure: the split runs every slot.
  for (let mask = 0; mask < game.length; mask++) requireFiniteValue(game[mask]!, mask, n);
  return game;
}

/** The standalone values v({r}) for r = 0..n−1 (the per-rollup auctions), in numéraire. */
export function standaloneValues(n: number, game: CoalitionGame): number[] {
  if (typeof game !== 'function') {
    const table = toValueTable(n, game);
    return Array.from({ length: n }, (_, r) => table[1 << r]!);
  }
  requireRollupCount(n);
  return Array.from({ length: n }, (_, r) => {
    const value = game([r]);
    if (!Number.isFinite(value)) throw new RangeError(`v({${r}}) is ${value}: values must be finite`);
    return value;
  });
}
