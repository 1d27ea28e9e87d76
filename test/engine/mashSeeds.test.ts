import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { mashSeeds } from '../../src/engine/mashSeeds.js';
import { createSources, createStream, streamSeed } from '../../src/engine/randomStreams.js';

// Seeds of different lengths (so the side-by-side hashing runs some seeds past the end of others),
// a numeric and a string master seed, and characters outside ASCII.
const paths = ['proposer', 'flow/public', 'flow/private', 'builder/a', 'builder/naive-fast', `builder/${'x'.repeat(90)}`, '', 'é/✓/𝔸'];

describe('alea seeded several seeds at a time', () => {
  it('mashSeeds gives seedrandom alea\'s own state for each seed, bit for bit', () => {
    for (const master of [2312, 'seed-ü', 0, -7]) {
      const seeds = paths.map((p) => streamSeed(master, p));
      const states = mashSeeds(seeds);
      seeds.forEach((seed, j) => expect(states[j]).toEqual(seedrandom.alea(seed, { state: true }).state()));
    }
  });

  it('createSources draws exactly what createStream draws, path by path', () => {
    for (let auction = 0; auction < 20; auction++) {
      const ps = paths.map((p) => `biddingWar/auction/${auction}/${p}`);
      const sources = createSources(2312, ps);
      ps.forEach((p, j) => {
        const reference = createStream(2312, p).next;
        for (let k = 0; k < 50; k++) expect(sources[j]!()).toBe(reference());
      });
    }
  });

  it('handles no seeds and one seed', () => {
    expect(mashSeeds([])).toEqual([]);
    expect(mashSeeds(['x'])).toEqual([seedrandom.alea('x', { state: true }).state()]);
  });
});
