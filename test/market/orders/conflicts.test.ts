import { describe, expect, it } from 'vitest';
import { conflicts, positionsOf } from '../../../src/market/orders/positions.js';
import type { Bundle, BundleTarget } from '../../../src/market/orders/types.js';

/*
 * `conflicts` decides overlap without building position keys; its definition is `positionsOf`:
 * two bundles conflict exactly when their key lists share a key. Every pair of a set of targets
 * covering each kind, shared and distinct rollups and users, is checked against that definition.
 */
const targets: BundleTarget[] = [
  { kind: 'top', rollups: [0] },
  { kind: 'top', rollups: [1] },
  { kind: 'top', rollups: [0, 1] },
  { kind: 'top', rollups: [1, 2] },
  { kind: 'top', rollups: [2] },
  { kind: 'backrun', rollup: 0, userId: 0 },
  { kind: 'backrun', rollup: 0, userId: 1 },
  { kind: 'backrun', rollup: 1, userId: 1 },
  { kind: 'sandwich', rollup: 0, userId: 0 },
  { kind: 'sandwich', rollup: 1, userId: 1 },
  { kind: 'sandwich', rollup: 0, userId: 2 },
];
const bundle = (target: BundleTarget) => ({ target }) as unknown as Bundle;
const byKeys = (a: BundleTarget, b: BundleTarget) => positionsOf(a).some((k) => positionsOf(b).includes(k));

describe('conflicts', () => {
  it('is true exactly when the two bundles share a position key (positionsOf)', () => {
    let overlapping = 0;
    for (const a of targets)
      for (const b of targets) {
        expect({ a, b, conflict: conflicts(bundle(a), bundle(b)) }).toEqual({ a, b, conflict: byKeys(a, b) });
        if (byKeys(a, b)) overlapping++;
      }
    // Both answers occur: the check would notice a constant.
    expect(overlapping).toBeGreaterThan(targets.length);
    expect(overlapping).toBeLessThan(targets.length ** 2);
  });
});
