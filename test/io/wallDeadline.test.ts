import { describe, expect, it } from 'vitest';
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
});
