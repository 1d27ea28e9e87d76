import type { WorldState } from './types.js';

/** The rollups in the shared sequencer now, ascending (none under `separate` sequencing). */
export function sharedMembers(state: WorldState): number[] {
  const out: number[] = [];
  state.governance.member.forEach((m, r) => m && out.push(r));
  return out;
}

/** True when every rollup in `rollups` is sequenced by the same (shared) sequencer. */
export function sameSequencer(state: WorldState, rollups: readonly number[]): boolean {
  const member = state.governance.member;
  return rollups.every((r) => member[r]);
}

/**
 * The slot's block auctions: one for the shared sequencer's members, one for each rollup running
 * its own sequencer (every rollup under `separate` sequencing, or one that left).
 */
export function sequencingGroups(state: WorldState): { key: string; rollups: number[] }[] {
  const members = sharedMembers(state);
  const groups = members.length > 0 ? [{ key: 'shared', rollups: members }] : [];
  for (const r of state.rollups) if (!state.governance.member[r.index]) groups.push({ key: r.id, rollups: [r.index] });
  return groups;
}
