import type { EpochHook } from '../../engine/simulation.js';
import type { WorldState } from '../types.js';

/**
 * One rollup governance's decision at an epoch's end: the epoch counts as bad when the other option
 * paid more (`alternativeY` > `receivedY`); after `patience` bad epochs in a row a member leaves the
 * shared sequencer and a rollup outside returns (if it may). Pure: returns the new counter and
 * whether the rollup switches.
 */
export function governanceDecision(
  badEpochs: number,
  receivedY: number,
  alternativeY: number,
  patience: number,
  isMember: boolean,
  canReturn: boolean,
): { badEpochs: number; switches: boolean } {
  const bad = alternativeY > receivedY ? badEpochs + 1 : 0;
  if (bad < patience || (!isMember && !canReturn)) return { badEpochs: bad, switches: false };
  return { badEpochs: 0, switches: true };
}

/**
 * Epoch phase (DESIGN.md §4, §6): each rollup's governance compares the epoch's tally and may leave
 * or return; the change takes effect from the next slot. The tallies restart.
 */
export function governanceHook(): EpochHook<WorldState> {
  return {
    name: 'governance',
    run(state) {
      const { enabled, patienceEpochs, canReturn } = state.config.revenueSharing.governance;
      if (!enabled) return;
      const g = state.governance;
      for (let r = 0; r < g.member.length; r++) {
        const wasMember = g.member[r]!;
        const d = governanceDecision(g.badEpochs[r]!, g.receivedY[r]!, g.alternativeY[r]!, patienceEpochs, wasMember, canReturn);
        g.badEpochs[r] = d.badEpochs;
        if (d.switches) {
          g.member[r] = !wasMember;
          if (wasMember) g.departures[r]!++;
          else g.returns[r]!++;
        }
        g.receivedY[r] = 0;
        g.alternativeY[r] = 0;
      }
    },
  };
}
