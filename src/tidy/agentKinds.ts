import type { Row } from '../engine/recorder.js';

/**
 * The kinds of agent the `agents` table has a row for, each read from its list in summary.json
 * (the registry the table and its documentation are generated from). Builders and searchers also
 * bid: their `bidders[]` entry (same id and role) joins their row.
 */
export interface AgentKind {
  /** The `kind` column's value. */
  readonly kind: 'rollup' | 'builder' | 'searcher' | 'validator';
  /** The list in summary.json and in the config (`config[list][i].id` is the agent's id). */
  readonly list: 'rollups' | 'builders' | 'searchers' | 'validators';
  /** The field of a summary entry that holds the agent's id (not a column: it is `agent`). */
  readonly idField: string;
  /** True when the agent's `bidders[]` entry (role = kind) joins its row. */
  readonly bids: boolean;
  /** Summary fields written under another column name (a field named like a column of the table's identity). */
  readonly renames: Readonly<Record<string, string>>;
}

export const agentKinds: readonly AgentKind[] = [
  { kind: 'rollup', list: 'rollups', idField: 'rollup', bids: false, renames: {} },
  { kind: 'builder', list: 'builders', idField: 'builder', bids: true, renames: {} },
  { kind: 'searcher', list: 'searchers', idField: 'searcher', bids: true, renames: { kind: 'searcher_kind' } },
  { kind: 'validator', list: 'validators', idField: 'validator', bids: false, renames: {} },
];

/** Fields of a `bidders[]` entry that are not columns: the id and role (the row's `agent` and `kind`) and the per-window list. */
const bidderSkipped = new Set(['bidder', 'role']);
const bidderListField = 'shade_by_window';

/**
 * The column of a `bidders[]` field in an agent's row: as is, or `auction_<field>` when the agent's
 * own entry has a field of that name (`wins`: positions won by a searcher, blocks won by a builder;
 * `auction_wins`: auctions won as a bidder). Null: not a column.
 */
export function bidderColumn(field: string, ownFields: ReadonlySet<string>): string | null {
  if (bidderSkipped.has(field) || field === bidderListField || field.startsWith(`${bidderListField}.`)) return null;
  return ownFields.has(field) ? `auction_${field}` : field;
}

/** The flattened fields under `prefix` (`searchers.arb-A.`), keyed by the rest of their name. */
function fieldsUnder(row: Readonly<Row>, keys: readonly string[], prefix: string): Map<string, Row[string]> {
  const out = new Map<string, Row[string]>();
  for (const k of keys) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), row[k]!);
  return out;
}

/**
 * The prefix of an entry of `list` in a flattened summary: by id (`searchers.arb-A.`), as
 * flattenSummary keys lists of records with distinct ids, else by position (`bidders.3.`).
 */
function entryPrefix(row: Readonly<Row>, list: string, idField: string, id: string, position: number): string {
  return row[`${list}.${id}.${idField}`] === undefined && row[`${list}.${position}.${idField}`] === id ? `${list}.${position}.` : `${list}.${id}.`;
}

/** One agent's ids: its kind, id and position in its list, and (bidders) its position among the bidders. */
export interface AgentRef {
  readonly kind: AgentKind;
  readonly id: string;
  readonly position: number;
  readonly bidderPosition: number;
}

/** The agents of a run, kind by kind, from its config (`rollups`, `builders`, `searchers`, `validators`, each entry's `id`). */
export function agentsOf(config: Readonly<Record<string, unknown>>): AgentRef[] {
  const idsOf = (list: string) => ((config[list] as { id: string }[] | undefined) ?? []).map((e) => e.id);
  const builders = idsOf('builders').length;
  return agentKinds.flatMap((kind) =>
    idsOf(kind.list).map((id, position) => ({ kind, id, position, bidderPosition: kind.kind === 'searcher' ? builders + position : position })),
  );
}

/**
 * One agent's metrics from a flattened summary (flattenSummary's row, or a results-table row):
 * its entry's fields (less its id, renamed by {@link AgentKind.renames} and `rename`), joined for
 * bidders by its `bidders[]` entry's fields (see {@link bidderColumn}). `keys`: the row's keys, or
 * those of them under the agents' lists (passed in so that a run's agents share one list).
 */
export function agentMetrics(row: Readonly<Row>, agent: AgentRef, rename: (column: string) => string, keys: readonly string[] = Object.keys(row)): Row {
  const { kind } = agent;
  const own = fieldsUnder(row, keys, entryPrefix(row, kind.list, kind.idField, agent.id, agent.position));
  own.delete(kind.idField);
  const out: Row = {};
  for (const [field, v] of own) out[rename(kind.renames[field] ?? field)] = v;
  if (kind.bids) {
    const bidder = fieldsUnder(row, keys, entryPrefix(row, 'bidders', 'bidder', agent.id, agent.bidderPosition));
    const ownFields = new Set(own.keys());
    for (const [field, v] of bidder) {
      const column = bidderColumn(field, ownFields);
      if (column !== null) out[rename(column)] = v;
    }
  }
  return out;
}

/** Prefixes of the flattened summary that belong to the agents table, not to the run's row. */
export const agentPrefixes: readonly string[] = [...agentKinds.map((k) => `${k.list}.`), 'bidders.', 'conservation.rollups.'];
