import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { runSimulation } from '../../src/index.js';

/*
 * The model works some things out once per run (the mechanism's timing, the committee's latencies,
 * the sequencing groups, a searcher's choice arms) rather than every slot. A library user may run a
 * config, edit it and run it again (a notebook's parameter cell): the second run must see the edit,
 * exactly as a freshly resolved config with that value does. Each case's edit changes the outcome
 * (checked), so a cache that outlived its run would fail here.
 */

const scenario = (name: string, sets: string[]): MarketConfig =>
  resolveMarketConfig(JSON.parse(readFileSync(new URL(`../../configs/scenarios/${name}.json`, import.meta.url), 'utf8')), { sets: ['slots=120', ...sets] });

type Edit = (c: MarketConfig) => void;

const cases: [string, string, Edit, string][] = [
  ['ahead-of-time', 'mechanism.leadSlots', (c) => void ((c.mechanism as { leadSlots: number }).leadSlots = 2), 'mechanism.leadSlots=2'],
  [
    'dishonest-proposer',
    'committee.memberLatencyMs',
    (c) => void ((c.revenueSharing.reporting.detection.committee as { memberLatencyMs: number }).memberLatencyMs += 1400),
    'revenueSharing.reporting.detection.committee.memberLatencyMs=1500',
  ],
  [
    'learning-searchers',
    'a searcher\'s choices',
    (c) => void ((c.searchers.find((s) => s.choices)!.choices as { bundling: string[] }).bundling = ['split']),
    '',
  ],
  [
    'stake-pools',
    'a pool\'s operators',
    (c) => {
      const [a, b] = c.staking!.pools as { operators: string[] }[];
      [a!.operators[0], b!.operators[0]] = [b!.operators[0]!, a!.operators[0]!];
    },
    '',
  ],
  ['restaking-security', 'a service\'s operators', (c) => void ((c.restaking!.services[0] as { operators: string[] }).operators = ['op-1']), ''],
];

describe('a config edited between two runs', () => {
  it.each(cases)('%s: editing %s takes effect in the next run', (name, _field, edit, set) => {
    const config = scenario(name, []);
    const before = JSON.stringify(runSimulation(config).summary);
    edit(config);
    const after = JSON.stringify(runSimulation(config).summary);
    expect(after).not.toBe(before);
    const fresh = scenario(name, set === '' ? [] : [set]);
    if (set === '') edit(fresh);
    expect(after).toBe(JSON.stringify(runSimulation(fresh).summary));
  });
});

/*
 * runSimulation makes its tidy tables on first read of `tables` (building them costs a run with many
 * staking epochs a few per cent). A caller who edits the config for the next run, or the summary,
 * before reading them must still get the tables of the run as it ran: the same as reading them at once.
 */
describe('tables read after the config and the summary were edited', () => {
  it('equal the tables read straight after the run (stake-pools)', () => {
    const config = scenario('stake-pools', []);
    const atOnce = JSON.stringify(runSimulation(config).tables);
    const late = runSimulation(config);
    config.seed = 987_654;
    (config.searchers[0] as { id: string }).id = 'renamed';
    (late.summary as unknown as Record<string, unknown>).slots = -1;
    for (const key of Object.keys(late.summary)) delete (late.summary as unknown as Record<string, unknown>)[key];
    expect(JSON.stringify(late.tables)).toBe(atOnce);
    expect(atOnce).toContain('"seed"');
  });
});
