import { searcherKinds } from '../agents/searchers/registry.js';
import { slotColumns, tableColumns, type ColumnSpec } from './columns.js';
import { documentedSummaryFields } from './summaryFields.js';
import { tidyReferenceMarkdown } from '../tidy/tidyReference.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** Which step of the slot gives a column its value, in words. */
const sourceName: Record<ColumnSpec['source'], string> = {
  state: 'state at slot end',
  auction: 'auction (decide)',
  counterfactual: 'counterfactual (decide)',
  execute: 'execute (apply)',
  settle: 'settle (apply)',
  share: 'share (apply)',
};

/**
 * docs/reference/outputs.md: the per-slot table (slots.csv, one row per slot and rollup) and
 * summary.json of a market run, generated from the column registry and the summary fields.
 */
export function outputsReferenceMarkdown(): string {
  const kindOf = new Map(searcherKinds.flatMap((k) => (k.columns ?? []).map((c) => [c.name, k.kind] as const)));
  const columns = tableColumns(searcherKinds.map((k) => k.kind)).map(
    (c) => `| \`${c.name}\` | ${c.type} | ${cell(c.unit)} | ${sourceName[c.source]} | ${c.summary ? `Σ → \`rollups[].${c.summary.sum}\`${c.summary.total ? ', `totals`' : ''}` : ''} | ${kindOf.has(c.name) ? `(only in runs with a \`${kindOf.get(c.name)}\` searcher) ` : ''}${cell(c.meaning)} |`,
  );
  const fields = documentedSummaryFields().map((s) => `| \`${s.path}\` | ${cell(s.unit)} | ${cell(s.meaning)} |`);
  return [
    '# Output reference (market runs)',
    '',
    '<!-- Generated from src/marketModel/columns.ts, src/marketModel/summaryFields.ts and src/tidy/ by `npm run docs`; do not edit. -->',
    '',
    'A run folder holds `manifest.json` (config, seed, versions, config hash), the per-slot table',
    '`slots.csv` (or `.jsonl` / `.parquet`), `summary.json`, and `checkpoint.json` for resumable runs.',
    '',
    '## slots.csv: one row per slot and rollup',
    '',
    'Values in Y are at the reference price of the slot; gas-token amounts are in the rollup’s own',
    'token. *From* says which step of the slot computed the value (see docs/model.md). The first',
    `${slotColumns.length} columns are in every run; a searcher kind may add its own after them.`,
    '',
    '| column | type | unit | from | summary.json | meaning |',
    '|---|---|---|---|---|---|',
    ...columns,
    '',
    '## summary.json',
    '',
    '| field | unit | meaning |',
    '|---|---|---|',
    ...fields,
    '',
    ...tidyReferenceMarkdown(),
  ].join('\n');
}
