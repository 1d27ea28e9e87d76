import { describe, expect, it } from 'vitest';
import { governanceDecision } from '../../src/marketModel/phases/governance.js';

// An epoch is bad when the other option paid more (alternative > received); after `patience` bad
// epochs in a row a member leaves, and an outsider returns if it may (DESIGN.md §4, §6).

describe('governanceDecision', () => {
  it('a bad epoch increments the counter', () => {
    expect(governanceDecision(0, 10, 11, 3, true, true)).toEqual({ badEpochs: 1, switches: false });
    expect(governanceDecision(1, 10, 11, 3, true, true)).toEqual({ badEpochs: 2, switches: false });
  });

  it('a good or equal epoch resets the counter', () => {
    expect(governanceDecision(2, 10, 9, 3, true, true)).toEqual({ badEpochs: 0, switches: false });
    // Equal pay is not bad.
    expect(governanceDecision(2, 10, 10, 3, true, true)).toEqual({ badEpochs: 0, switches: false });
    expect(governanceDecision(0, 0, 0, 1, true, true)).toEqual({ badEpochs: 0, switches: false });
  });

  it('switches exactly when the counter reaches patience, then restarts at 0', () => {
    expect(governanceDecision(2, 10, 11, 3, true, true)).toEqual({ badEpochs: 0, switches: true });
    expect(governanceDecision(0, 10, 11, 1, true, true)).toEqual({ badEpochs: 0, switches: true });
    // A non-member that may return switches (returns) the same way.
    expect(governanceDecision(2, 10, 11, 3, false, true)).toEqual({ badEpochs: 0, switches: true });
  });

  it('a non-member that may not return never switches', () => {
    let bad = 0;
    for (let epoch = 0; epoch < 10; epoch++) {
      const d = governanceDecision(bad, 10, 11, 3, false, false);
      expect(d.switches, `epoch ${epoch}`).toBe(false);
      bad = d.badEpochs;
    }
    // canReturn only restricts outsiders: a member still leaves.
    expect(governanceDecision(2, 10, 11, 3, true, false).switches).toBe(true);
  });

  it('K bad epochs in a row with patience K switch on the K-th call exactly', () => {
    for (let K = 1; K <= 6; K++) {
      let bad = 0;
      for (let call = 1; call <= K; call++) {
        const d = governanceDecision(bad, 5, 7, K, true, true);
        expect(d.switches, `K = ${K}, call ${call}`).toBe(call === K);
        expect(d.badEpochs).toBe(call === K ? 0 : call);
        bad = d.badEpochs;
      }
    }
  });

  it('a good epoch in between restarts the count', () => {
    // Patience 3: bad, bad, good, bad, bad → no switch; a third bad in a row then switches.
    const epochs: [number, number][] = [[10, 11], [10, 11], [10, 10], [10, 11], [10, 11]];
    let bad = 0;
    for (const [received, alternative] of epochs) {
      const d = governanceDecision(bad, received, alternative, 3, true, true);
      expect(d.switches).toBe(false);
      bad = d.badEpochs;
    }
    expect(bad).toBe(2);
    expect(governanceDecision(bad, 10, 11, 3, true, true).switches).toBe(true);
  });
});
