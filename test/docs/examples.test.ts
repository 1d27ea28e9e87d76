import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The runnable examples of docs/library-api.md: each docs/examples/*.mjs imports the built dist/
// (run `npm run build` first; `npm test` does) and must exit 0 printing the line the page documents.
const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const dir = join(root, 'docs/examples');

/** The key line of each example's output, as docs/library-api.md shows it. */
const expected: Record<string, RegExp> = {
  'run-simulation.mjs': /^500 slots; proposer revenue \d+\.\d\d Y$/m,
  'resolve-market-config.mjs': /^seed 1, mechanism first-price, A's fee 0\.003, A's arrivals 3$/m,
  'keep-rows.mjs': /^400 rows \(200 for rollup B\); B's widest gap to the reference \d+\.\d bp$/m,
  'simulate.mjs': /^the reference price ended \d+ of 300 slots above 2000$/m,
  'slot-rows.mjs': /^winning bids over 50 slots: \d+\.\d\d Y$/m,
  'run-sweep.mjs': /^2 cells × 2 seeds = 4 runs$/m,
  'tidy-tables.mjs': /^4 runs, 32 agent rows; written to runs\.csv and agents\.csv\nmechanism column: string, values first-price, second-price$/m,
  'bidding-war.mjs': /^200 auctions, mean efficiency 0\.\d{3}$/m,
  'validate-mechanisms.mjs': /^82\/82 rows pass$|^(\d+)\/\1 rows pass$/m,
};

const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
const page = readFileSync(join(root, 'docs/library-api.md'), 'utf8');

describe('docs/examples', () => {
  it('has an expected output line for every example file, and a file for every expectation', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('docs/library-api.md includes %s verbatim', (file) => {
    expect(page).toContain(readFileSync(join(dir, file), 'utf8').trim());
  });

  it.each(files)('%s runs with node, exits 0 and prints its documented line', async (file) => {
    const { stdout } = await run(process.execPath, [join(dir, file)], { cwd: root, timeout: 120_000 });
    expect(stdout).toMatch(expected[file]!);
  }, 180_000);
});
