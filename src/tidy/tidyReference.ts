import { documentedSummaryFields, type SummaryField } from '../marketModel/summaryFields.js';
import { agentKinds, bidderColumn, type AgentKind } from './agentKinds.js';

/** One documented column of a tidy table: its name, the agent kinds that have it (agents table), unit and meaning. */
export interface TidyColumnDoc {
  readonly name: string;
  readonly kinds: readonly string[];
  readonly unit: string;
  readonly meaning: string;
}

/** Columns before the metrics, in both tables (the agents table adds `kind` and `agent`). */
export const tidyIdentityDocs: readonly TidyColumnDoc[] = [
  { name: 'run_id', kinds: [], unit: '', meaning: 'The run: first 12 hex digits of the SHA-256 of its resolved config (seed included), as in results.<format>.' },
  { name: 'cell', kinds: [], unit: '', meaning: 'The grid point (sweeps only), 0-based, the last axis changing fastest.' },
  { name: 'seed', kinds: [], unit: '', meaning: 'The run’s master seed (int64, or string when a seed is a text).' },
  { name: '<axis path>', kinds: [], unit: '', meaning: 'One column per sweep axis, named by its path (`rollups.0.pool.fee`), typed by the axis’ values: whole numbers int64, other numbers double, texts string, booleans bool.' },
  { name: '<axis path> (objects)', kinds: [], unit: '', meaning: 'An axis of objects or lists (a mechanism, a sharing rule, a list of builders): `<path>` holds a readable label — the name (`name`, `id` or `kind`) with the other fields in parentheses, e.g. `tullock(alpha=1)` — and `<path>.json` the value as JSON.' },
  { name: '<axis path> (mixed)', kinds: [], unit: '', meaning: 'An axis whose values differ in kind (`0.2` and `"strategic"`): `<path>` holds every value’s label as text (`"0.2"`, `"strategic"`), `<path>.number` the numeric values (double; null for the others), and `<path>.json` when some values are objects.' },
];

/** The runs table's own columns after the identity. */
export const runStatusDocs: readonly TidyColumnDoc[] = [
  { name: 'status', kinds: [], unit: '', meaning: '`ok`, or `failed` (its metrics are null and it has no agent rows).' },
  { name: 'error', kinds: [], unit: '', meaning: 'Why a failed run failed (one line); empty for ok runs.' },
];

/** The agents table's own columns after the identity. */
export const agentIdentityDocs: readonly TidyColumnDoc[] = [
  { name: 'kind', kinds: [], unit: '', meaning: `The agent’s kind: ${agentKinds.map((k) => `\`${k.kind}\``).join(', ')}.` },
  { name: 'agent', kinds: [], unit: '', meaning: 'The agent’s id in the config (a rollup’s, builder’s, searcher’s or validator’s `id`).' },
];

/** The fields of one list of summary.json (`searchers[].x` → `x`), its id field left out. */
function listFields(fields: readonly SummaryField[], list: string, idField: string): SummaryField[] {
  const prefix = `${list}[].`;
  return fields.filter((f) => f.path.startsWith(prefix) && f.path !== `${prefix}${idField}`).map((f) => ({ ...f, path: f.path.slice(prefix.length) }));
}

/** The metric columns of one agent kind, from the documented summary fields. */
function kindColumns(fields: readonly SummaryField[], kind: AgentKind): TidyColumnDoc[] {
  const own = listFields(fields, kind.list, kind.idField);
  const ownNames = new Set(own.map((f) => f.path));
  const cols = own.map((f) => ({ name: kind.renames[f.path] ?? f.path, kinds: [kind.kind], unit: f.unit, meaning: f.meaning }));
  if (!kind.bids) return cols;
  for (const f of listFields(fields, 'bidders', 'bidder')) {
    const name = bidderColumn(f.path, ownNames);
    if (name !== null && !f.path.includes('[]')) cols.push({ name, kinds: [kind.kind], unit: f.unit, meaning: `(bidding) ${f.meaning}` });
  }
  return cols;
}

/** The agents table's metric columns: every kind's, one entry per column name with the kinds that have it (meanings joined where they differ). */
export function agentMetricDocs(): TidyColumnDoc[] {
  const fields = documentedSummaryFields();
  const byName = new Map<string, TidyColumnDoc>();
  for (const col of agentKinds.flatMap((k) => kindColumns(fields, k))) {
    const seen = byName.get(col.name);
    if (!seen) byName.set(col.name, col);
    else byName.set(col.name, { ...seen, kinds: [...seen.kinds, ...col.kinds], meaning: seen.meaning === col.meaning ? seen.meaning : `${seen.meaning} (${col.kinds[0]}: ${col.meaning})` });
  }
  return [...byName.values()];
}

/** The runs table's metric columns: every summary.json field outside the per-agent lists, by its dotted path. */
export function runMetricDocs(): TidyColumnDoc[] {
  return documentedSummaryFields()
    .filter((f) => !f.path.includes('[]'))
    .map((f) => ({ name: f.path, kinds: [], unit: f.unit, meaning: f.meaning }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The tidy tables' section of docs/reference/outputs.md. */
export function tidyReferenceMarkdown(): string[] {
  const rows = (docs: readonly TidyColumnDoc[], kinds: boolean) =>
    docs.map((d) => `| \`${d.name}\` |${kinds ? ` ${d.kinds.join(', ')} |` : ''} ${cell(d.unit)} | ${cell(d.meaning)} |`);
  return [
    '## Tidy tables: runs and agents',
    '',
    'Every sweep folder holds, beside `results.<format>` (one wide row per run), two tidy tables in the',
    'same format: `runs.<format>`, one row per run, and `agents.<format>`, one row per run and agent.',
    'A market run folder holds `agents.<format>`; `runSimulation` and `runSweep` return both tables',
    '(rows and Arrow-compatible columns). Every axis is its own typed column in both tables, so a',
    'data frame groups by it directly; a failed run keeps its `runs` row (status `failed`) and has no',
    'agent rows. Columns that no run of the table has are left out; a metric whose name an identity',
    'column already takes gets the prefix `metric.` (and, as in results.<format>, `summary.` when an',
    'axis takes it: sweeping `slots` gives the axis `slots` and the metric `summary.slots`).',
    'In all three tables a summed count of the slot table (`user_swaps`, `totals.leg_failures`, …) is',
    'typed int64 (Parquet INT64), other numbers double.',
    '',
    '### Identity columns (both tables)',
    '',
    '| column | unit | meaning |',
    '|---|---|---|',
    ...rows(tidyIdentityDocs, false),
    '',
    '### runs: after the identity',
    '',
    '| column | unit | meaning |',
    '|---|---|---|',
    ...rows(runStatusDocs, false),
    ...rows(runMetricDocs(), false),
    '',
    '### agents: after the identity',
    '',
    'Long, not wide: an agent’s metric is one column whatever the agent (`pnl_y`, not',
    '`searchers.arb-A.pnl_y`); a column an agent’s kind does not have is empty. Builders and searchers',
    'also carry their `bidders[]` entry of summary.json (marked *bidding*); a bidding field named like',
    'one of the agent’s own gets the prefix `auction_` (`auction_wins`: auctions won as a bidder).',
    '',
    '| column | kinds | unit | meaning |',
    '|---|---|---|---|',
    ...rows(agentIdentityDocs, true),
    ...rows(agentMetricDocs(), true),
    '',
  ];
}
