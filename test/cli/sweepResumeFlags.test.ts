import { describe, expect, it } from 'vitest';
import { resumeFlags } from '../../src/cli/commands/sweep.js';

/*
 * The "Continue with: seqsim sweep FILE --resume DIR" hint of an interrupted or partly failed sweep
 * repeats the flags a resume needs again: --columns, --record-every and --reporters are part of every
 * run's config (and so of its run id), --runs and --slots-table say which tables the runs write.
 */
describe('the resume hint repeats the flags that shape the runs', () => {
  it('every such flag as given, lists joined by commas; none when none was given', () => {
    expect(resumeFlags({})).toBe('');
    expect(resumeFlags({ runs: false, slotsTable: false })).toBe('');
    expect(resumeFlags({ runs: true, slotsTable: true, columns: 'pool_price,bids', recordEvery: '10', reporters: ['price-gap', 'revenue-cv'] })).toBe(
      ' --runs --slots-table --columns pool_price,bids --record-every 10 --reporters price-gap,revenue-cv',
    );
  });
});
