import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSweepCharts } from '../../src/report/charts.js';
import { axisValueLabels, briefValue, shortAxisNames, sweepLayout } from '../../src/report/data/sweepCells.js';
import { readReportInput } from '../../src/report/folder/readReportInput.js';
import { reportMarkdown } from '../../src/report/reportMarkdown.js';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { pathName } from '../../src/sweep/paths.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import runSweepTask from '../../src/sweep/worker.js';
import { tempDir } from '../cli/helpers.js';

type Layer = { data?: { values: { group: string }[] }; encoding: { color: { scale: { domain: string[] }; legend: { title: string } } } };
/** The y and x columns a sweep chart's caption names (`(\`y\` against \`x\`)`). */
const columnsOf = (caption: string) => /\(`([^`]+)` against `([^`]+)`\)/.exec(caption)!.slice(1, 3) as [string, string];
const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('sweep cell labels', () => {
  it('shortens object- and list-valued axis values and keeps them distinct', () => {
    expect(briefValue({ name: 'tullock', alpha: 1 })).toBe('tullock(alpha=1)');
    expect(briefValue({ name: 'fixed', shares: [0.5, 0.5] })).toBe('fixed');
    expect(briefValue([{ id: 'b1', strategy: { name: 'exp3' } }, { id: 'b2', strategy: { name: 'exp3' } }])).toBe('2×exp3');
    expect(briefValue(0.003)).toBe('0.003');
    expect(axisValueLabels([{ name: 'x', l: [1] }, { name: 'x', l: [2] }])).toEqual(['#1 x', '#2 x']);
  });
  it('names axes by their shortest distinct suffix of two parts or more, never starting at a list index', () => {
    const names = ['revenueSharing.reporting.detection.publicBids.enabled', 'revenueSharing.reporting.detection.committee.enabled', 'mechanism', 'searchers.0.bidFraction', 'rollups.0.pool.fee'];
    expect([...shortAxisNames(names).values()]).toEqual(['publicBids.enabled', 'committee.enabled', 'mechanism', 'searchers.0.bidFraction', 'pool.fee']);
  });
  it('takes the axes from sweep.json, also those the column guess treats as metrics (searchers.*), cells in numeric order', () => {
    const columns = ['run_id', 'cell', 'seed', 'searchers.0.bidFraction', 'status', 'error', 'totals.winning_bids_y'];
    const rows = [10, 2, 0, 1].map((cell) => ({ run_id: String(cell), cell, seed: 1, 'searchers.0.bidFraction': cell / 20 }));
    const sweep = { axes: [{ name: 'searchers.0.bidFraction', values: [0, 0.05, 0.1, 0.5] }], cells: [0, 1, 2, 10].map((c) => ({ cell: c, params: { 'searchers.0.bidFraction': c / 20 } })) };
    const layout = sweepLayout(sweep, columns, rows);
    expect(layout.from).toBe('sweep.json');
    expect(layout.cells.map((c) => c.label)).toEqual(['searchers.0.bidFraction=0', 'searchers.0.bidFraction=0.05', 'searchers.0.bidFraction=0.1', 'searchers.0.bidFraction=0.5']);
    // Without a plan the columns between `seed` and `status` are the axes; a table without `status`
    // (older seqsim) stops at the first metric-like name, `searchers.` included: the fallback's known limit.
    const guessed = sweepLayout({}, columns, rows);
    expect([guessed.from, guessed.axes.map((a) => a.name)]).toEqual(['columns', ['searchers.0.bidFraction']]);
    expect(sweepLayout({}, columns.filter((c) => c !== 'status'), rows).axes).toEqual([]);
  });
});

/** Every shipped sweep, shrunk to one seed and 40 slots, run in-process. */
const shipped = readdirSync('configs/sweeps').filter((f) => f.endsWith('.json'));

describe.each(shipped)('the report of the shipped sweep %s (1 seed, 40 slots)', (file) => {
  it('names every axis in report.md and draws one mark per cell, each legend label naming every axis', async () => {
    const raw = JSON.parse(readFileSync(join('configs/sweeps', file), 'utf8')) as Record<string, unknown>;
    const plan = expandSweep({ ...raw, slots: 40, seeds: (raw['seeds'] as unknown[]).slice(0, 1) }, file);
    const out = join(tempDir(), 'sweep');
    await runSweep(plan, { out, workers: 1, runTask: runSweepTask });
    const input = await readReportInput(out);
    if (input.kind !== 'sweep') throw new Error('not read as a sweep');
    const { charts } = planSweepCharts(input);
    const md = reportMarkdown(input, charts);
    const axes = plan.axes.map((a) => pathName(a.path));
    for (const axis of axes) expect(md).toContain(`\`${axis}\``);
    expect(md).toContain(`${plan.runs.length} runs in ${plan.cells.length} cells`);
    expect(charts.length).toBeGreaterThan(0);
    const short = [...shortAxisNames(axes).values()];
    for (const chart of charts) {
      const [runs, means] = layersOf(chart.spec);
      const legend = runs!.encoding.color;
      expect(legend.scale.domain).toHaveLength(plan.cells.length);
      expect(new Set(legend.scale.domain).size).toBe(plan.cells.length);
      for (const label of legend.scale.domain) for (const s of short) expect(label).toContain(`${s}=`);
      for (const s of short) expect(legend.legend.title).toContain(s);
      // One mean mark per cell that has a run with both values (a cell whose proposer told no lie in
      // 40 slots has no detection rate), each named in the legend; the caption names the others.
      const [y, x] = columnsOf(chart.caption);
      const marks = means!.data!.values.map((v) => v.group);
      const withPoint = new Set(input.results.rows.filter((r) => Number.isFinite(r[x]) && Number.isFinite(r[y])).map((r) => Number(r['cell'])));
      expect(marks).toHaveLength(withPoint.size);
      expect(new Set(marks).size).toBe(marks.length);
      for (const m of marks) expect(legend.scale.domain).toContain(m);
      for (const cell of plan.cells) if (!withPoint.has(cell.cell)) expect(chart.caption).toMatch(new RegExp(`Cells? [\\d, ]*\\b${cell.cell}\\b`));
    }
  }, 120_000);
});

describe('a sweep chart whose cells all sit at one point', () => {
  it('is left out, with a note saying so, while a chart of metrics the axes move is drawn', () => {
    // Detectors do not change the auction: revenue and HHI are the same in every cell, the lost revenue is not.
    const rows = [0, 1, 2, 3].map((cell) => ({ run_id: String(cell), cell, seed: 1, 'totals.winning_bids_y': 414, 'concentration.hhi': 0.34, 'reporting.any.detection_rate': cell / 4, 'reporting.lost_y': 70 - 10 * cell }));
    const sweep = { axes: [{ name: 'a.enabled', values: [false, true] }, { name: 'b.enabled', values: [false, true] }], cells: [0, 1, 2, 3].map((c) => ({ cell: c, params: { 'a.enabled': c >= 2, 'b.enabled': c % 2 === 1 } })) };
    const input = { kind: 'sweep' as const, dir: 'x', results: { file: 'results.csv' as const, columns: Object.keys(rows[0]!), rows }, sweep };
    const plan = planSweepCharts(input);
    expect(plan.charts.map((c) => c.name)).toEqual(['sweep-lost-vs-detection']);
    expect(plan.omitted).toEqual([expect.stringMatching(/^No chart of revenue against the winners' concentration .*all 4 cells have the same mean \(0\.34, 414\)/)]);
    expect(reportMarkdown(input, plan.charts)).toContain(plan.omitted[0]);
    expect(layersOf(plan.charts[0]!.spec)[0]!.encoding.color.scale.domain).toEqual([
      'a.enabled=false, b.enabled=false',
      'a.enabled=false, b.enabled=true',
      'a.enabled=true, b.enabled=false',
      'a.enabled=true, b.enabled=true',
    ]);
  });
});
