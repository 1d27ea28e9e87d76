import { searcherKinds } from '../agents/searchers/registry.js';
import { slotColumns, tableColumns, type ColumnSpec } from './columns.js';
import { documentedSummaryFields } from './summaryFields.js';
import { tidyReferenceMarkdown } from '../tidy/tidyReference.js';
import { namedReporters } from './reporters/namedReporters.js';

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

/** The named reporters' section: one row per registry entry (reporters/namedReporters.ts). */
function reportersMarkdown(): string[] {
  const rows = namedReporters.map((r) => {
    const where = r.level === 'model' ? `\`reporters.${r.name}\`` : `\`reporters.${r.name}.<kind>.<id>\``;
    const column = r.level === 'model' ? `runs: \`reporters.${r.name}\`` : `agents: \`reporters.${r.name}\``;
    return `| \`${r.name}\` | ${r.level === 'model' ? 'model' : r.kinds.join(', ')} | ${cell(r.unit)} | ${where} | ${column} | ${cell(r.meaning)} |`;
  });
  return [
    '## Named reporters (output.reporters)',
    '',
    'Values a config asks for by name, `output.reporters: ["price-gap", "bid-shading"]` (or the CLI flag',
    '`--reporters price-gap,bid-shading` of `seqsim run` and `seqsim sweep`): each is added to summary.json',
    'under `reporters` — a model-level one as `reporters.<name>`, an agent-level one as',
    '`reporters.<name>.<kind>.<agent id>` — and becomes a column `reporters.<name>` of the tidy `runs` table',
    '(model level) or of the `agents` table (agent level; empty for the kinds it does not cover), in runs and',
    'sweeps alike. A value is null where there is nothing to measure. Without `output.reporters` summary.json',
    'has no `reporters` field. The library’s `runSimulation(config, { reporters })` takes reporters of one’s',
    'own of the same shape (src/marketModel/reporters/reporter.ts).',
    '',
    '| name | level | unit | in summary.json | tidy column | meaning |',
    '|---|---|---|---|---|---|',
    ...rows,
  ];
}

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
    ...reportersMarkdown(),
    '',
    ...tidyReferenceMarkdown(),
  ].join('\n');
}
