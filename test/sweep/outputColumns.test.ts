import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { smallSweep } from './helpers.js';

describe('a sweep whose output.columns names an unknown column', () => {
  it('is refused at planning, naming the column and listing the known ones (not failed run by run)', () => {
    expect(() => expandSweep({ ...smallSweep(), output: { columns: ['pool_price', 'nope'] } })).toThrow(/output\.columns\[1\]: unknown column "nope"; the columns of this run are: slot, time_s/);
  });
  it('a cell made invalid only by its own column list is a failed cell, the others run', () => {
    const plan = expandSweep({ ...smallSweep(), output: { columns: [['pool_price'], ['nope']] } });
    expect(plan.runs.filter((r) => r.invalid !== undefined).every((r) => /unknown column "nope"/.test(r.invalid!))).toBe(true);
    expect(plan.runs.some((r) => r.invalid === undefined)).toBe(true);
  });
});
