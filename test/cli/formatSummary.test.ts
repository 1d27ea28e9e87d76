import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decimalsFor, fitTable, fmtFixed, formatRunSummary, SUMMARY_WIDTH, wrapLine } from '../../src/cli/formatSummary.js';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { cli, tempDir } from './helpers.js';

describe('console summary number formats', () => {
  it('writes numbers with thousands separators and fixed decimals, never in exponent form', () => {
    expect(fmtFixed(6.71e7, 2)).toBe('67,100,000.00');
    expect(fmtFixed(15246.774, 2)).toBe('15,246.77');
    expect(fmtFixed(-0.001, 2)).toBe('0.00');
    expect(fmtFixed(null, 2)).toBe('-');
    expect(fmtFixed(Number.NaN, 3)).toBe('-');
  });
  it("chooses one column's decimals from its largest magnitude (6 significant digits, 2 to 8 decimals)", () => {
    expect(decimalsFor([2005.19, 0.0005])).toBe(2);
    expect(decimalsFor([0.033, 129.343])).toBe(3);
    expect(decimalsFor([0.0005])).toBe(8);
    expect(decimalsFor([6.71e7])).toBe(2);
    expect(decimalsFor([null, 0])).toBe(5);
  });
  it('splits a table too wide into tables that fit, repeating the first column', () => {
    const rows = [
      ['name', 'aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'],
      ['x', '1.00', '22.00', '333.00'],
    ];
    const out = fitTable(rows, 30);
    expect(out.split('\n').every((l) => l.length <= 30)).toBe(true);
    expect(out).toBe(['name  aaaaaaaaaa  bbbbbbbbbb', 'x           1.00       22.00', '', 'name  cccccccccc', 'x         333.00'].join('\n'));
  });
  it('wraps a sentence after "; " or ", ", indenting the continuation, losing no word', () => {
    const text = 'winners\' concentration: HHI 0.307, top-3 share 0.894, Nakamoto coefficient 2; MEV-oracle accuracy (payments / value won) 0.583';
    const out = wrapLine(text, 60);
    expect(out.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(out.split('\n')[0]).toMatch(/[;,]$/);
    expect(out.replace(/\n {2}/g, ' ')).toBe(text);
  });
  it('aligns one column in one format: 6.71e7 and 15246.77 as 67,100,000.00 and 15,246.77, right-aligned', () => {
    const config = loadConfig('configs/baseline.json', ['slots=20']) as MarketConfig;
    const s = runMarket(config);
    s.rollups[0]!.user_volume_y = 6.71e7;
    s.rollups[1]!.user_volume_y = 15246.774;
    const lines = formatRunSummary(s).split('\n');
    const a = lines.find((l) => l.includes('67,100,000.00'))!;
    const b = lines.find((l) => l.startsWith('B ') && l.includes('15,246.77'))!;
    expect(a.indexOf('67,100,000.00') + '67,100,000.00'.length).toBe(b.indexOf('15,246.77') + '15,246.77'.length);
    expect(lines.join('\n')).not.toMatch(/\d[eE][+-]\d/);
  });
});

const configs = ['configs/baseline.json', ...readdirSync('configs/scenarios').filter((f) => f.endsWith('.json')).map((f) => join('configs/scenarios', f))];

describe.each(configs)('seqsim run %s --slots 30', (config) => {
  it(`prints a summary no wider than ${SUMMARY_WIDTH} columns, without exponent numbers; --json prints the summary as JSON`, async () => {
    const dir = join(tempDir('s-'), 'o');
    const r = await cli('run', config, '--slots', '30', '--out', dir);
    expect(r.code, r.stderr).toBe(0);
    // The wrote line holds the folder the user chose: measured with it written as `runs/x` (the README's length).
    const wide = r.stdout.replaceAll(dir, 'runs/x').split('\n').filter((l) => l.length > SUMMARY_WIDTH);
    expect(wide).toEqual([]);
    expect(r.stdout).not.toMatch(/\d[eE][+-]\d/);
    const j = await cli('run', config, '--slots', '30', '--out', `${dir}-json`, '--json');
    expect(j.code, j.stderr).toBe(0);
    const doc = JSON.parse(j.stdout) as { out: string; files: string[]; summary: unknown };
    expect(doc.out).toBe(`${dir}-json`);
    expect(doc.files).toContain('summary.json');
    expect(doc.summary).toEqual(JSON.parse(readFileSync(join(`${dir}-json`, 'summary.json'), 'utf8')));
  }, 60_000);
});
