import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig, runSimulation } from '../../../src/index.js';
import { reporterNames } from '../../../src/marketModel/reporters/namedReporters.js';
import type { RunSummary } from '../../../src/marketModel/summary.js';
import { cli, tempDir, writeConfig } from '../../cli/helpers.js';

/*
 * Each named reporter's value, checked against a computation by hand from the run's own outputs:
 * slots.csv for the reporters folded over the slots (price-gap, revenue-cv, searcher-win-rate),
 * summary.json's builders[] and bidders[] entries for those read from the world at the end
 * (builder-margin, bid-shading). The run: the builder-equilibrium scenario (3 builders bidding for
 * blocks, 5 searchers on 2 rollups) cut to 300 slots.
 */
const scenario = JSON.parse(readFileSync('configs/scenarios/builder-equilibrium.json', 'utf8')) as Record<string, unknown>;
const config = { ...scenario, slots: 300 };
const all = reporterNames.join(',');

/** slots.csv as rows of named cells (numbers where they parse). */
function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
}

const groupBySlot = (rows: Record<string, string>[]) => {
  const out = new Map<string, Record<string, string>[]>();
  for (const r of rows) out.set(r.slot!, [...(out.get(r.slot!) ?? []), r]);
  return [...out.values()];
};

/** Relative closeness: the CSV holds each number to its shortest round-trip digits, the sums differ only by rounding order. */
const close = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('named reporters (output.reporters, --reporters)', async () => {
  const out = join(tempDir(), 'run');
  const r = await cli('run', writeConfig(config), '--out', out, '--quiet', '--reporters', all);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as RunSummary;
  const rep = summary.reporters as unknown as Record<string, unknown> & Record<'searcher-win-rate' | 'builder-margin' | 'bid-shading', Record<string, Record<string, number | null>>>;
  const slots = groupBySlot(readCsv(join(out, 'slots.csv')));
  const agents = readCsv(join(out, 'agents.csv'));

  it('the run succeeds and summary.json holds every listed reporter', () => {
    expect(r.code).toBe(0);
    expect(Object.keys(rep)).toEqual([...reporterNames]);
    expect(slots).toHaveLength(300);
  });

  it('price-gap = mean over slots of 10⁴ (max − min pool_price) ÷ ref_price (bps), from slots.csv', () => {
    const gaps = slots.map((rows) => {
      const p = rows.map((x) => Number(x.pool_price));
      return (1e4 * (Math.max(...p) - Math.min(...p))) / Number(rows[0]!.ref_price);
    });
    close(rep['price-gap'], gaps.reduce((a, g) => a + g, 0) / gaps.length);
    expect(rep['price-gap']).toBeGreaterThan(0);
  });

  it('revenue-cv = population std ÷ mean of Σ proposer_revenue_y per slot, from slots.csv', () => {
    const y = slots.map((rows) => rows.reduce((a, x) => a + Number(x.proposer_revenue_y), 0));
    const mean = y.reduce((a, v) => a + v, 0) / y.length;
    const sd = Math.sqrt(y.reduce((a, v) => a + (v - mean) ** 2, 0) / y.length);
    close(rep['revenue-cv'], sd / mean);
  });

  it('searcher-win-rate = slots where the searcher is in some row’s winner ÷ slots, from slots.csv', () => {
    const ids = Object.keys(rep['searcher-win-rate'].searcher!);
    expect(ids).toEqual(['arb-A', 'arb-B', 'backrun-A', 'backrun-B', 'cross']);
    for (const id of ids) {
      const won = slots.filter((rows) => rows.some((x) => x.winner!.split(';').includes(id))).length;
      expect(rep['searcher-win-rate'].searcher![id]).toBe(won / slots.length);
    }
    expect(Object.values(rep['searcher-win-rate'].searcher!).some((v) => v! > 0)).toBe(true);
  });

  it('builder-margin = (received_y − paid_y) ÷ received_y of each builders[] entry (null when nothing received)', () => {
    for (const b of summary.builders) {
      const want = b.received_y === 0 ? null : (b.received_y - b.paid_y) / b.received_y;
      if (want === null) expect(rep['builder-margin'].builder![b.builder]).toBeNull();
      else close(rep['builder-margin'].builder![b.builder], want);
    }
    expect(summary.builders.some((b) => b.received_y > 0)).toBe(true);
  });

  it('bid-shading = the last non-null shade_by_window of each bidders[] entry', () => {
    for (const b of summary.bidders) {
      const last = [...b.shade_by_window].reverse().find((s) => s !== null) ?? null;
      expect(rep['bid-shading'][b.role]![b.bidder]).toBe(last);
    }
  });

  it('agent-level values are columns reporters.<name> of agents.csv, empty for the kinds they do not cover', () => {
    const row = (kind: string, id: string) => agents.find((a) => a.kind === kind && a.agent === id)!;
    expect(Number(row('searcher', 'arb-A')['reporters.searcher-win-rate'])).toBe(rep['searcher-win-rate'].searcher!['arb-A']);
    expect(Number(row('builder', 'builder-1')['reporters.builder-margin'])).toBe(rep['builder-margin'].builder!['builder-1']);
    expect(Number(row('builder', 'builder-2')['reporters.bid-shading'])).toBe(rep['bid-shading'].builder!['builder-2']);
    expect(row('rollup', 'A')['reporters.searcher-win-rate']).toBe('');
    expect(Object.keys(agents[0]!)).not.toContain('reporters.price-gap');
  });

  it('a run without reporters has no reporters field; the rest of its summary is the same', async () => {
    const plain = join(tempDir(), 'plain');
    expect((await cli('run', writeConfig(config), '--out', plain, '--quiet')).code).toBe(0);
    const s = JSON.parse(readFileSync(join(plain, 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect('reporters' in s).toBe(false);
    const { reporters: _r, ...rest } = summary;
    expect(rest).toEqual(s);
  });

  it('a run stopped and resumed gives the reporters of a straight run (their states are in the checkpoint)', async () => {
    const dir = join(tempDir(), 'pieces');
    expect((await cli('run', writeConfig({ ...config, slots: 120 }), '--out', dir, '--quiet', '--reporters', all, '--checkpoint-every', '50')).code).toBe(0);
    expect((await cli('run', '--resume', dir, '--slots', '300', '--quiet')).code).toBe(0);
    const resumed = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { reporters: unknown };
    expect(resumed.reporters).toEqual(rep);
  });
});

describe('named reporters: bad names exit 2 naming the field and listing the names', () => {
  const known = /price-gap \(model, bps\).*bid-shading \(builder\/searcher/;
  it('--reporters with an unknown name', async () => {
    const out = join(tempDir(), 'never');
    const r = await cli('run', writeConfig(config), '--out', out, '--reporters', 'price-gap,nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--reporters: unknown reporter "nope"/);
    expect(r.stderr).toMatch(known);
    expect(existsSync(out)).toBe(false);
  });

  it('output.reporters in the config with an unknown name', async () => {
    const out = join(tempDir(), 'never');
    const r = await cli('run', writeConfig({ ...config, output: { reporters: ['price-gap', 'nope'] } }), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/output\.reporters\.1: unknown reporter "nope"/);
    expect(r.stderr).toMatch(known);
    expect(existsSync(out)).toBe(false);
  });

  it('a reporter listed twice (it would run twice and be written once)', async () => {
    const out = join(tempDir(), 'never');
    const r = await cli('run', writeConfig(config), '--out', out, '--reporters', 'price-gap,revenue-cv,price-gap');
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/output\.reporters\[2\]: reporter "price-gap" is listed twice; list each reporter once/)]);
    expect(existsSync(out)).toBe(false);
  });

  it('the library refuses an unknown name too (UserInputError)', () => {
    const c = resolveMarketConfig({ ...config, slots: 5, output: { reporters: ['nope'] } });
    expect(() => runSimulation(c)).toThrow(/output\.reporters\.0: unknown reporter "nope"/);
  });
});

describe('runSimulation: a reporter of one’s own folding the slots, beside the named ones', () => {
  it('a slot-folding model reporter counts the slots; named ones appear in the summary and the tables', () => {
    const c = resolveMarketConfig({ ...config, slots: 40, output: { reporters: ['price-gap', 'searcher-win-rate'] } });
    const { summary, tables } = runSimulation(c, {
      reporters: { model: { my_slots: { name: 'ignored', level: 'model', unit: 'slots', meaning: '', init: () => ({ n: 0 }), slot: (s: { n: number }) => void s.n++, value: (s: { n: number }) => s.n } as never } },
    });
    expect(tables.runs.rows[0]!.my_slots).toBe(40);
    expect(tables.runs.rows[0]!['reporters.price-gap']).toBe(summary.reporters!['price-gap']);
    const arbA = tables.agents.rows.find((r) => r.agent === 'arb-A')!;
    expect(arbA['reporters.searcher-win-rate']).toBe((summary.reporters!['searcher-win-rate'] as Record<string, Record<string, number>>).searcher!['arb-A']);
  });
});
