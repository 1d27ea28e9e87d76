import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { cli, smallConfig, writeConfig } from '../cli/helpers.js';
import { messageOf } from './messageOf.js';

const withTickets = (mechanism: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  smallConfig({ builders: [{ id: 'b1' }, { id: 'b2' }], mechanism: { name: 'execution-tickets', ...mechanism }, ...extra });

describe('execution tickets: bad input names the field and the fix', () => {
  it('a lookahead not shorter than the run', () => {
    const m = messageOf(() => resolveMarketConfig(withTickets({ lookaheadSlots: 200 }, { slots: 200 })));
    expect(m).toMatch(/mechanism\.lookaheadSlots.*a lookahead of 200 slots is not shorter than the run \(slots: 200\).*use lookaheadSlots < 200 or run more slots/);
    expect(m).not.toContain('\n');
    expect(resolveMarketConfig(withTickets({ lookaheadSlots: 199 }, { slots: 200 })).mechanism).toMatchObject({ lookaheadSlots: 199, resale: true });
  });

  it('the CLI exits 2 on a lookahead longer than --slots', async () => {
    const r = await cli('run', writeConfig(withTickets({ lookaheadSlots: 32 })), '--slots', '20');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mechanism\.lookaheadSlots/);
  });

  it('a non-boolean resale, and an unknown parameter with the known names', () => {
    expect(messageOf(() => resolveMarketConfig(withTickets({ resale: 'yes' })))).toMatch(/mechanism\.resale/);
    expect(messageOf(() => resolveMarketConfig(withTickets({ lookahead: 3 })))).toMatch(/ticketPrice, lookaheadSlots, resale/);
  });

  it('hedge and q-learning builders, which need counterfactuals or a winning bid that tickets do not have', () => {
    for (const name of ['hedge', 'q-learning'])
      expect(messageOf(() => resolveMarketConfig(smallConfig({ builders: [{ id: 'b1', strategy: { name } }], mechanism: { name: 'execution-tickets' }, bidding: { feedback: 'all-bids' } })))).toMatch(/builders\[0\]\.strategy\.name.*execution tickets do not have/);
  });
});
