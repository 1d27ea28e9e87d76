import { describe, expect, it } from 'vitest';
import { bindDistributions } from '../../src/engine/distributions.js';
import { createStream } from '../../src/engine/randomStreams.js';
import { checkProbability, StreamDraws } from '../../src/biddingWar/streamDraws.js';

describe('StreamDraws: the bidding war\'s allocation-free draws', () => {
  it('draws exactly what bindDistributions (d3-random) draws from the same stream, in any mix', () => {
    const a = new StreamDraws(createStream(7, 'test/draws').next);
    const b = bindDistributions(createStream(7, 'test/draws').next);
    for (let k = 0; k < 3000; k++) {
      switch (k % 7) {
        case 0: expect(a.uniform()).toBe(b.uniform()); break;
        case 1: expect(a.uniform(10_000, 13_000)).toBe(b.uniform(10_000, 13_000)); break;
        case 2: expect(a.normal(12_000, 100)).toBe(b.normal(12_000, 100)); break;
        case 3: expect(a.logNormal(-11.66306, 3.0545)).toBe(b.logNormal(-11.66306, 3.0545)); break;
        case 4: expect(a.exponential(0.0082)).toBe(b.exponential(0.0082)); break;
        case 5: expect(a.bernoulli(0.9)).toBe(b.bernoulli(0.9)); break;
        default: expect(a.normal()).toBe(b.normal());
      }
    }
  });

  it('bernoulli at the ends of [0, 1], and d3\'s check of p', () => {
    const a = new StreamDraws(createStream(8, 'test/bernoulli').next);
    for (let k = 0; k < 200; k++) {
      expect(a.bernoulli(0)).toBe(false);
      expect(a.bernoulli(1)).toBe(true);
    }
    expect(checkProbability(0.3)).toBe(0.3);
    expect(() => checkProbability(1.0000001)).toThrow(RangeError);
    expect(() => checkProbability(-0.1)).toThrow(RangeError);
  });
});
