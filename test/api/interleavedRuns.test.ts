import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { MarketRun } from '../../src/marketModel/marketRun.js';

/*
 * The hot paths keep scratch at module scope (the last candidates' pools, per-run scratch keyed by
 * the world or the runtime, the sandwich search's amounts, the committee's cut-offs). A library user
 * or a sweep worker may hold two runs and step them in turn, one slot each: every run must then
 * write exactly what it writes alone. The pairs cover the scenarios whose phases keep such state
 * (builders, counterfactuals, the committee, sandwiches, tickets), against another scenario and
 * against the same scenario with another seed.
 */

const SLOTS = 60;
const scenario = (name: string, sets: string[] = []): MarketConfig =>
  resolveMarketConfig(JSON.parse(readFileSync(new URL(`../../configs/scenarios/${name}.json`, import.meta.url), 'utf8')), { sets: [`slots=${SLOTS}`, ...sets] });

function started(config: MarketConfig): { run: MarketRun; rows: string[] } {
  const rows: string[] = [];
  return { run: MarketRun.start(config, { onRow: (r) => void rows.push(JSON.stringify(r)) }), rows };
}

/** The run's rows and result as one text. */
const written = ({ run, rows }: { run: MarketRun; rows: string[] }): string => `${rows.join('\n')}\n${JSON.stringify(run.result())}`;

function alone(config: MarketConfig): string {
  const r = started(config);
  r.run.step(SLOTS);
  return written(r);
}

const pairs: [string, string[], string, string[]][] = [
  ['dishonest-proposer', [], 'revenue-sharing-3-rollups', []],
  ['revenue-sharing-3-rollups', [], 'revenue-sharing-3-rollups', ['seed=9']],
  ['ahead-of-time', [], 'builder-equilibrium', []],
  ['encrypted', [], 'fcfs-vs-auction', []],
  ['dishonest-proposer', [], 'dishonest-proposer', ['seed=11']],
];

describe('two runs stepped in turn, one slot each', () => {
  it.each(pairs)('%s %j with %s %j: each writes what it writes alone', (a, setsA, b, setsB) => {
    const wantA = alone(scenario(a, setsA));
    const wantB = alone(scenario(b, setsB));
    expect(wantA).not.toBe(wantB);
    const A = started(scenario(a, setsA));
    const B = started(scenario(b, setsB));
    for (let slot = 1; slot <= SLOTS; slot++) {
      A.run.step(slot);
      B.run.step(slot);
    }
    expect(written(A)).toBe(wantA);
    expect(written(B)).toBe(wantB);
  });
});
