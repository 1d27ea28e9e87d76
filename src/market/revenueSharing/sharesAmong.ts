import type { Source } from '../mechanisms/types.js';
import type { SplitRule } from './config.js';
import { banzhaf } from './banzhaf.js';
import { ruleShares } from './ruleShares.js';
import { MAX_EXACT_ROLLUPS } from './semivalue.js';
import { shapley } from './shapley.js';
import { valueShares } from './valueShares.js';

/** What `sharesAmong` needs; indices are the rollups' indices among all n. */
export interface SharesAmongInput {
  /** v(S) for a bitmask S over all rollups (value-based rules). */
  readonly v?: ((mask: number) => number) | undefined;
  /** Fees paid on every rollup (length n; `proportional-to-fees`). */
  readonly feesByRollup?: readonly number[] | undefined;
  readonly source?: Source | undefined;
}

/**
 * A split rule applied to the rollups in `members` only (the ones sharing the sequencer now): the
 * rule sees the game of the members — v restricted to subsets of them, their fees, and for `fixed`
 * their configured shares renormalised to sum to 1 (an even split if those are all 0). Returns one
 * share per rollup of all n, 0 outside `members`.
 */
export function sharesAmong(rule: SplitRule, members: readonly number[], n: number, input: SharesAmongInput): number[] {
  const v = input.v;
  if (members.length > 0 && v && (rule.name === 'shapley' || rule.name === 'banzhaf') && members.length <= MAX_EXACT_ROLLUPS) {
    // What `ruleShares` does for these two rules on the members' table, without its input object and closure (every slot).
    const table = membersTable(members, v);
    return spread(valueShares(rule.name === 'shapley' ? shapley(members.length, table) : banzhaf(members.length, table, rule.q)), members, n);
  }
  const out: number[] = [];
  for (let r = 0; r < n; r++) out.push(0); // not `new Array(n).fill(0)`, a slow builtin on a holey array (every slot)
  if (members.length === 0) return out;
  const local: SplitRule =
    rule.name === 'fixed' ? { name: 'fixed', shares: renormalised(members.map((r) => rule.shares[r]!)) } : rule;
  const shares = ruleShares(local, {
    revenue: 1,
    proposerCut: 0,
    n: members.length,
    // Shapley and Banzhaf on few enough members took the table above; the rest read v by subset.
    v: v && ((subset: readonly number[]) => v(subset.reduce((m, i) => m | (1 << members[i]!), 0))),
    feesByRollup: input.feesByRollup && members.map((r) => input.feesByRollup![r]!),
    source: input.source,
  });
  for (let i = 0; i < members.length; i++) out[members[i]!] = shares[i]!;
  return out;
}

/**
 * The members' `shares` (in `members`' order, ascending) placed among all n rollups, 0 elsewhere:
 * pushed in rollup order, so that a list whose first entry is a fractional share is made of doubles
 * from the start (zeros first, then a share, would move every entry to a new store, every slot).
 */
function spread(shares: readonly number[], members: readonly number[], n: number): number[] {
  const out: number[] = [];
  let k = 0;
  for (let r = 0; r < n; r++) out.push(k < members.length && members[k] === r ? shares[k++]! : 0);
  // Members not in ascending order (no caller's are) are placed one by one.
  if (k < members.length) for (let i = 0; i < members.length; i++) out[members[i]!] = shares[i]!;
  return out;
}

/**
 * The members' game as a table (entry m: v of the members whose local bits are set in m), filled in
 * mask order as `valueTable` would call the function; the rule validates it (`toValueTable`). The
 * table is scratch, one per size, refilled call after call: the rules read it and return fresh
 * shares, so nothing keeps it.
 */
function membersTable(members: readonly number[], v: (mask: number) => number): Float64Array {
  const globals = globalMasks(members);
  const table = (tableScratch[members.length] ??= new Float64Array(globals.length));
  for (let m = 1; m < table.length; m++) table[m] = v(globals[m]!);
  return table;
}

const tableScratch: Float64Array[] = [];

/** Local mask → global mask of each members set, by the set's global mask: a function of the set alone, built once. */
const globalMasksBySet = new Map<number, Int32Array>();

/** Entry m: the bitmask over all rollups of the members whose local bits (their places in `members`) are set in m. */
function globalMasks(members: readonly number[]): Int32Array {
  let set = 0;
  let ascending = true;
  for (let i = 0; i < members.length; i++) {
    set |= 1 << members[i]!;
    if (i > 0 && members[i]! <= members[i - 1]!) ascending = false;
  }
  // Only an ascending list is the set's one order (the callers' lists are): any other is built afresh.
  const cached = ascending ? globalMasksBySet.get(set) : undefined;
  if (cached !== undefined) return cached;
  const globals = new Int32Array(2 ** members.length);
  for (let m = 1; m < globals.length; m++) {
    let global = 0;
    for (let i = 0; i < members.length; i++) if ((m >>> i) & 1) global |= 1 << members[i]!;
    globals[m] = global;
  }
  if (ascending) globalMasksBySet.set(set, globals);
  return globals;
}

function renormalised(shares: readonly number[]): number[] {
  const total = shares.reduce((a, s) => a + s, 0);
  return total > 0 ? shares.map((s) => s / total) : shares.map(() => 1 / shares.length);
}
