import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressLine } from '../../src/cli/progress.js';
import { bin, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

describe('progress', () => {
  it('formats a plain line with done, share, rate and ETA', () => {
    expect(progressLine('sweep', 'runs', 0, 30, 0)).toBe('sweep: 0/30 runs');
    expect(progressLine('sweep', 'runs', 12, 30, 6)).toBe('sweep: 12/30 runs (40%), 2.00 runs/s, ETA 9 s');
    expect(progressLine('sweep', 'runs', 30, 30, 14.31)).toBe('sweep: 30/30 runs (100%) in 14.3 s');
    expect([formatDuration(59.4), formatDuration(185), formatDuration(3720)]).toEqual(['59 s', '3 min 5 s', '1 h 2 min']);
  });

  it('off a terminal prints a line at the start, every 10% or interval, and at the end', () => {
    let t = 0;
    let err = '';
    const p = createProgress({ total: 100, unit: 'slots', label: 'run', io: { stdout: () => {}, stderr: (s) => void (err += s) }, mode: 'lines', intervalMs: 5000, now: () => t });
    for (let i = 1; i <= 100; i++) {
      t += 10; // 10 ms a slot: deciles print, the 5 s interval never fires
      p.update(i);
    }
    p.stop();
    const lines = err.trim().split('\n');
    expect(lines.length).toBe(11); // start, 10%..90%, end
    expect(lines[0]).toBe('run: 0/100 slots');
    expect(lines[1]).toBe('run: 10/100 slots (10%), 100 slots/s, ETA 1 s');
    expect(lines[10]).toBe('run: 100/100 slots (100%) in 1.0 s');
    let slow = '';
    t = 0;
    const q = createProgress({ total: 1000, unit: 'runs', label: 'sweep', io: { stdout: () => {}, stderr: (s) => void (slow += s) }, mode: 'lines', now: () => t });
    t = 11_000;
    q.update(1); // under 10%, but the default 10 s passed
    expect(slow.trim().split('\n')).toEqual(['sweep: 0/1000 runs', 'sweep: 1/1000 runs (0%), 0.0909 runs/s, ETA 3 h 3 min']);
  });

  it('with a clock stride (seqsim run: src/io/wallDeadline.ts) reads the clock once per stride of updates, and still prints deciles at once', () => {
    let t = 0;
    let reads = 0;
    let err = '';
    const p = createProgress({ total: 1000, unit: 'slots', label: 'run', io: { stdout: () => {}, stderr: (s) => void (err += s) }, mode: 'timed', intervalMs: 100, now: () => (reads++, t), clockStride: 16 });
    const before = reads;
    for (let i = 1; i <= 15; i++) {
      t = i * 50; // the 100 ms interval passes at update 2 but is looked at only at update 16
      p.update(i);
    }
    expect(reads - before).toBe(0);
    expect(err).toBe('');
    t = 16 * 50;
    p.update(16);
    expect(err).toBe('run: 16/1000 slots (1%), 20.0 slots/s, ETA 49 s\n');
  });

  // These two need a real process: off a terminal means the binary's stderr is a pipe.
  it('seqsim sweep piped: progress lines on stderr, only the summary and the table path on stdout', () => {
    const out = join(tempDir(), 'p');
    const r = bin('sweep', writeSweep(smallSweep({ slots: 20 })), '--out', out, '--workers', '2', '--format', 'parquet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^4 cells × 3 seeds = 12 runs on 2 workers in [\\d.]+ s\\nwrote ${out}/results\\.parquet\\nwrote ${out}/runs\\.parquet and ${out}/agents\\.parquet \\(tidy tables[^)]*\\)\\n$`));
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('sweep: 0/12 runs');
    expect(lines.at(-1)).toMatch(/^sweep: 12\/12 runs \(100%\) in [\d.]+ s$/);
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/^sweep: \d+\/12 runs \(\d+%\), [\d.]+ runs\/s, ETA /);
  });

  it('seqsim run --progress reports slots done on stderr and keeps stdout as before', () => {
    const out = join(tempDir(), 'r');
    const r = bin('run', 'configs/baseline.json', '--slots', '100', '--out', out, '--progress');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('run: 0/100 slots');
    expect(lines.at(-1)).toMatch(/^run: 100\/100 slots \(100%\) in [\d.]+ s$/);
    expect(r.stdout).toMatch(/^100 slots/);
    expect(r.stdout).not.toContain('run:');
  });
});
