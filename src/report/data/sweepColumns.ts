/** Flattened summary metrics that may follow the swept parameters in `results.csv`. */
const METRIC = /^(simulated_seconds|initial_ref_price|final_ref_price|mev_oracle_accuracy)$|^(totals|concentration|searchers)\./;

/**
 * A guess, for sweep folders without a `sweep.json` plan (see `sweepLayout`): the swept parameters' columns of a sweep's `results.csv`, the ones between `seed` and the first
 * of `status` or, in a table without it, the first summary metric (`slots` right before
 * `simulated_seconds` is the summary's, not a parameter).
 */
export function sweptParameters(columns: readonly string[]): string[] {
  const start = columns.indexOf('seed') >= 0 ? columns.indexOf('seed') + 1 : columns.indexOf('cell') + 1;
  // Tables written since `status` was added end the axes with it; older ones with the first metric.
  const status = columns.indexOf('status', start);
  let end = status >= 0 ? status : columns.findIndex((c, i) => i >= start && METRIC.test(c));
  if (end < 0) end = columns.length;
  if (end > start && columns[end - 1] === 'slots' && columns[end] === 'simulated_seconds') end--;
  return columns.slice(start, end);
}

/** The fairness/concentration metrics a sweep chart can put against revenue, if the table has them. */
export const SWEEP_X_METRICS = ['concentration.hhi', 'mev_oracle_accuracy'] as const;

/** The revenue metric of the sweep charts. */
export const SWEEP_REVENUE = 'totals.winning_bids_y';
