import { expect } from 'vitest';
import type { MarketConfig } from '../../src/config/schema.js';
import type { Row } from '../../src/engine/recorder.js';
import { MarketRun } from '../../src/marketModel/marketRun.js';
import type { RunSummary } from '../../src/marketModel/summary.js';

/**
 * The two-rollup market the revenue-sharing tests share: A pays gas in X, B in Y (fee 10 bp), both
 * pools at 2,000 Y per X with two users per slot, and one CEX-DEX arbitrageur on each.
 */
export const twoRollups = [
  { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000 }, users: { arrivalsPerSlot: 2 } },
  { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users: { arrivalsPerSlot: 2 } },
];

export const arbitrageurs = [
  { kind: 'cex-dex', id: 'arb-A', rollup: 'A' },
  { kind: 'cex-dex', id: 'arb-B', rollup: 'B' },
];

/**
 * Runs `config` straight to slot `total`, and again stopped at `stopAt`, restored from its JSON
 * snapshot (as a checkpoint file holds it) and stepped to `total`; expects the same rows and the same
 * summary, byte for byte. Returns the straight run's summary, for checks that the state that had to
 * carry over was really exercised.
 */
export function expectResumesExactly(config: MarketConfig, stopAt: number, total: number): RunSummary {
  const straightRows: Row[] = [];
  const straight = MarketRun.start(config, { onRow: (r) => void straightRows.push(r) });
  straight.step(total);
  const rows: Row[] = [];
  const first = MarketRun.start(config, { onRow: (r) => void rows.push(r) });
  first.step(stopAt);
  const resumed = MarketRun.restore(config, JSON.parse(JSON.stringify(first.snapshot())), { onRow: (r) => void rows.push(r) });
  resumed.step(total);
  expect(JSON.stringify(rows)).toBe(JSON.stringify(straightRows));
  expect(JSON.stringify(resumed.result())).toBe(JSON.stringify(straight.result()));
  return straight.result();
}
