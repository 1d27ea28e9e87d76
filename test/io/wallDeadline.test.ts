import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { WallDeadline } from '../../src/io/wallDeadline.js';

describe('WallDeadline', () => {
  it('reads the clock only on every stride-th pass, and is due once the period has passed', () => {
    let t = 0;
    let reads = 0;
    const now = () => (reads++, t);
    const d = new WallDeadline(now, 25, 4);
    expect(reads).toBe(1); // the first period starts at construction
    const seen: boolean[] = [];
    for (let pass = 1; pass <= 12; pass++) {
      t = pass * 5; // 5 ms a pass: the period (25 ms) ends at pass 5, first seen at pass 8
      seen.push(d.due());
    }
    expect(reads).toBe(1 + 3); // passes 4, 8, 12
    expect(seen.map((x, i) => (x ? i + 1 : 0)).filter(Boolean)).toEqual([8, 12]);
    d.restart(); // t = 60: the next period ends at 85
    t = 84;
    for (let pass = 0; pass < 4; pass++) expect(d.due()).toBe(false);
    t = 85;
    for (let pass = 0; pass < 3; pass++) expect(d.due()).toBe(false);
    expect(d.due()).toBe(true);
  });

  it('refuses a stride that is not a whole number >= 1', () => {
    for (const stride of [0, -1, 1.5, NaN]) expect(() => new WallDeadline(() => 0, 10, stride)).toThrow(/stride must be a whole number >= 1/);
  });

  it('progress with a clock stride reads the clock once per stride of updates, and still prints deciles at once', () => {
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
});
