import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlannedUsers } from '../../src/marketModel/executionPlan.js';
import type { UserSwap } from '../../src/market/orders/types.js';

const user = (id: number): UserSwap => ({ id, rollup: 0, arrivalMs: 0, tokenIn: 'X', amountIn: 1, minAmountOut: 0, isPrivate: false });

describe('PlannedUsers', () => {
  it('finds a user by id as a Map of the last index set per id would, over slots reusing it (ids in any order, repeated)', () => {
    const planned = new PlannedUsers();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), fc.array(fc.integer({ min: -2, max: 45 }), { maxLength: 20 }), (ids, lookups) => {
        planned.clear();
        const byId = new Map<number, number>();
        for (const id of ids) byId.set(id, planned.add(user(id)));
        for (const id of [...ids, ...lookups]) expect(planned.indexOf(id)).toBe(byId.get(id) ?? -1);
        for (const [id, i] of byId) expect(planned.byIndex[i]!.id).toBe(id);
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});
