import { describe, expect, it } from 'vitest';
import { bidderTable, reportMarkdown } from '../../src/report/reportMarkdown.js';

const bidders = [
  { bidder: 'b1', role: 'builder', strategy: 'ucb1', mean_shade: 0.91234, payoff_y: 12.5, regret_y: 3, converged_at_slot: 2000, shade_by_window: [0.9] },
  { bidder: 's1', role: 'searcher', strategy: 'fixed-fraction', mean_shade: null, payoff_y: 0, regret_y: 0, converged_at_slot: null, shade_by_window: [] },
];

describe('bidderTable', () => {
  it('has one row per bidder: role, strategy, mean shade, payoff, regret, converged at slot', () => {
    expect(bidderTable({ bidders }).split('\n')).toEqual([
      '| bidder | role | strategy | mean shade (bid ÷ value) | payoff Y | regret Y | converged at slot |',
      '|---|---|---|---|---|---|---|',
      '| b1 | builder | ucb1 | 0.912 | 12.5 | 3 | 2,000 |',
      '| s1 | searcher | fixed-fraction | – | 0 | 0 | – |',
    ]);
  });
  it('is empty for a summary without bidders', () => {
    expect(bidderTable({})).toBe('');
  });
});

describe('reportMarkdown of a market run', () => {
  const md = (summary: Record<string, unknown>) => reportMarkdown({ kind: 'market', dir: 'run', summary, slots: [], manifest: null }, []);
  it('lists the bidders after the rollups when the summary has them, and not otherwise', () => {
    const text = md({ slots: 10, bidders });
    expect(text).toContain('| b1 | builder | ucb1 | 0.912 |');
    expect(text.indexOf('| rollup |')).toBeLessThan(text.indexOf('| bidder |'));
    expect(md({ slots: 10 })).not.toContain('mean shade');
  });
});
