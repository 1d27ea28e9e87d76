import type { WorldState } from './types.js';

/** The rollups in the shared sequencer now, ascending (none under `separate` sequencing). */
export function sharedMembers(state: WorldState): number[] {
  const out: number[] = [];
  state.governance.member.forEach((m, r) => m && out.push(r));
  return out;
}

/** The bitmask of the rollups in the shared sequencer now (bit r: rollup r; rollup indices are < 31). */
export function sharedMask(state: WorldState): number {
  const member = state.governance.member;
  let mask = 0;
  for (let r = 0; r < member.length; r++) if (member[r]) mask |= 1 << r;
  return mask;
}

/** Member lists by mask and rollup count, built once: `membersIn` runs every slot. */
const listsByN: (readonly number[])[][] = [];

/**
 * The rollups whose bits are set in `mask`, ascending, as one shared read-only list per mask (up to
 * 12 rollups; beyond, a fresh list): the same as `sharedMembers` when `mask` is `sharedMask`.
 */
export function membersIn(mask: number, n: number): readonly number[] {
  if (n > 12) return bitsOf(mask, n);
  const lists = (listsByN[n] ??= []);
  return (lists[mask] ??= bitsOf(mask, n)); // shared: typed read-only, never changed
}

function bitsOf(mask: number, n: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < n; r++) if ((mask >>> r) & 1) out.push(r);
  return out;
}

/** True when every rollup in `rollups` is sequenced by the same (shared) sequencer. */
export function sameSequencer(state: WorldState, rollups: readonly number[]): boolean {
  const member = state.governance.member;
  return rollups.every((r) => member[r]);
}

/** A sequencing group: `shared` (the shared sequencer's members) or a rollup's id, and its rollups, ascending. */
export interface SequencingGroup {
  readonly key: string;
  readonly rollups: readonly number[];
}

/**
 * The groups by membership mask, per run (they depend on the rollups' ids): the same few lists every
 * slot. Keyed by the run's world, not by the config object, which a library user may edit.
 */
const groupsByRun = new WeakMap<WorldState, SequencingGroup[][]>();

/**
 * The slot's block auctions: one for the shared sequencer's members, one for each rollup running
 * its own sequencer (every rollup under `separate` sequencing, or one that left). Shared lists,
 * one per membership (up to 12 rollups): read-only.
 */
export function sequencingGroups(state: WorldState): readonly SequencingGroup[] {
  if (state.rollups.length > 12) return groupsOf(state);
  let byMask = groupsByRun.get(state);
  if (byMask === undefined) groupsByRun.set(state, (byMask = []));
  return (byMask[sharedMask(state)] ??= groupsOf(state));
}

function groupsOf(state: WorldState): SequencingGroup[] {
  const members = sharedMembers(state);
  const groups: SequencingGroup[] = members.length > 0 ? [{ key: 'shared', rollups: members }] : [];
  for (const r of state.rollups) if (!state.governance.member[r.index]) groups.push({ key: r.id, rollups: [r.index] });
  return groups;
}
