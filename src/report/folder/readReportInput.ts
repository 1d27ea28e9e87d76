import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../../config/errors.js';
import { parseCsv, type CsvRecord } from '../data/parseCsv.js';
import { readSweepResults, type SweepResults } from './readSweepResults.js';

/** What `seqsim report` found in a folder, read and checked. */
export type ReportInput =
  | {
      readonly kind: 'market';
      readonly dir: string;
      readonly summary: Record<string, unknown>;
      readonly slots: CsvRecord[];
      /** manifest.json (the resolved config under `config`); null when missing or not a JSON object. */
      readonly manifest: Record<string, unknown> | null;
    }
  | { readonly kind: 'bidding-war'; readonly dir: string; readonly summary: Record<string, unknown>; readonly auctions: CsvRecord[] }
  | { readonly kind: 'sweep'; readonly dir: string; readonly results: SweepResults; readonly sweep: unknown };

const WHAT_FITS =
  'seqsim report takes a run folder (manifest.json, slots.csv or auctions.csv, and summary.json, as `seqsim run` writes them) or a sweep folder (results.csv, results.jsonl or results.parquet, and sweep.json, as `seqsim sweep` writes them).';

const SLOT_COLUMNS = ['slot', 'rollup', 'ref_price', 'pool_price', 'winning_bid_y'];
const AUCTION_COLUMNS = ['auction', 'winner', 'efficiency'];

function readJson(path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (err) {
    throw new UserInputError(`${path} is not a valid summary (${(err as Error).message}). ${WHAT_FITS}`);
  }
}

/**
 * An optional JSON object: null when the file is missing or unreadable. The charts only take
 * details from it (the bidding window), so a folder without one still gets its report.
 */
function readOptionalJson(path: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function readTable(dir: string, file: string, needed: string[]): CsvRecord[] {
  const path = join(dir, file);
  const { columns, rows } = parseCsv(readFileSync(path, 'utf8'));
  const missing = needed.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new UserInputError(
      `${path} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (it has ${columns.slice(0, 12).join(', ') || 'no header'}). ` +
        `If the run was made with \`--columns\` (or \`output.columns\`), the report needs at least ${needed.join(', ')}: run again with them in the list, or without it. ${WHAT_FITS}`,
    );
  if (rows.length === 0) throw new UserInputError(`${path} has no rows: there is nothing to chart. ${WHAT_FITS}`);
  return rows;
}

function describeContents(dir: string): string {
  const names = readdirSync(dir).sort();
  if (names.length === 0) return 'it is empty';
  return `it holds ${names.slice(0, 8).join(', ')}${names.length > 8 ? `, … (${names.length} entries)` : ''}`;
}

/**
 * Tells a run folder from a sweep folder and reads what the charts need. Throws a
 * {@link UserInputError} (exit 2, nothing written) when `dir` is missing, is a file, is neither kind,
 * or its files are incomplete or malformed.
 */
export async function readReportInput(dir: string): Promise<ReportInput> {
  if (!existsSync(dir)) throw new UserInputError(`Folder "${dir}" does not exist. ${WHAT_FITS}`);
  if (!statSync(dir).isDirectory()) throw new UserInputError(`"${dir}" is a file, not a folder. ${WHAT_FITS}`);
  const has = (f: string) => existsSync(join(dir, f));
  const results = await readSweepResults(dir);
  if (results) {
    const sweep = has('sweep.json') ? readJson(join(dir, 'sweep.json')) : null;
    return { kind: 'sweep', dir, results, sweep };
  }
  const table = has('slots.csv') ? 'slots.csv' : has('auctions.csv') ? 'auctions.csv' : null;
  if (!table || !has('summary.json')) {
    const partial = table ? ` It has ${table} but no summary.json: was the run interrupted?` : '';
    throw new UserInputError(`"${dir}" is neither a run folder nor a sweep folder: ${describeContents(dir)}.${partial} ${WHAT_FITS}`);
  }
  const summary = readJson(join(dir, 'summary.json'));
  if (table === 'slots.csv')
    return { kind: 'market', dir, summary, slots: readTable(dir, table, SLOT_COLUMNS), manifest: readOptionalJson(join(dir, 'manifest.json')) };
  return { kind: 'bidding-war', dir, summary, auctions: readTable(dir, table, AUCTION_COLUMNS) };
}
