import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { cli, smallConfig, writeConfig } from '../cli/helpers.js';

const withBuilders = (mechanism: Record<string, unknown>, extra: Record<string, unknown> = {}) => smallConfig({ builders: [{ id: 'b1' }, { id: 'b2' }], mechanism, ...extra });

describe('mechanisms that sell ahead or commit early: bad input names the field and the fix', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a negative leadSlots', withBuilders({ name: 'slot-auction', leadSlots: -1 }), /mechanism\.leadSlots.*integer >= 1/],
    ['a leadSlots of 0 (that is a block auction)', withBuilders({ name: 'slot-auction', leadSlots: 0 }), /mechanism\.leadSlots.*integer >= 1/],
    ['a leadSlots as long as the run', withBuilders({ name: 'aps-burn', leadSlots: 200 }), /mechanism\.leadSlots: each slot is sold 200 slots ahead, but the run has only 200 slots.*set leadSlots below 200/],
    ['a deadline at the slot\'s end', withBuilders({ name: 'block-auction', bidDeadlineMs: 2000 }), /mechanism\.bidDeadlineMs: builders commit to their blocks 2000 ms into the slot, but a slot lasts clock\.slotMs = 2000 ms.*set bidDeadlineMs below 2000/],
    ['a negative deadline', withBuilders({ name: 'block-auction', bidDeadlineMs: -5 }), /mechanism\.bidDeadlineMs.*>= 0/],
    ['a negative leadSlots with equilibrium builders (the equilibrium check must not throw on it)', smallConfig({ builders: [{ id: 'b1', strategy: { name: 'equilibrium' } }, { id: 'b2' }], mechanism: { name: 'slot-auction', leadSlots: -1 } }), /mechanism\.leadSlots.*integer >= 1/],
    ['a zero topOfBlockShare with equilibrium builders', smallConfig({ builders: [{ id: 'b1', strategy: { name: 'equilibrium' } }, { id: 'b2' }], mechanism: { name: 'partial-block', topOfBlockShare: 0 } }), /mechanism\.topOfBlockShare/],
    ['a misspelled aps-burn parameter', withBuilders({ name: 'aps-burn', leadSlot: 4 }), /mechanism\.leadSlot: unknown field.*known parameters of aps-burn: committeeSize, memberLatencyMs, latencyJitterMs, deadlineMs, floorRule, leadSlots/],
  ];
  for (const [what, config, pattern] of cases) {
    it(what, () => {
      const m = messageOf(() => resolveMarketConfig(config));
      expect(m).toMatch(pattern);
      expect(m).not.toContain('\n');
    });
  }

  it('valid timings resolve', () => {
    expect(resolveMarketConfig(withBuilders({ name: 'slot-auction', leadSlots: 8 })).mechanism).toEqual({ name: 'slot-auction', leadSlots: 8 });
    expect(resolveMarketConfig(withBuilders({ name: 'block-auction' })).mechanism).toEqual({ name: 'block-auction', bidDeadlineMs: 1000 });
  });

  it('the CLI exits 2 with the message and writes nothing', async () => {
    const path = writeConfig(withBuilders({ name: 'block-auction', bidDeadlineMs: 5000 }));
    const r = await cli('run', path, '--slots', '5');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mechanism\.bidDeadlineMs/);
  });
});
