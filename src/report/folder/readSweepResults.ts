import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../../config/errors.js';
import { parseCsv, type CsvValue } from '../data/parseCsv.js';
import type { SweepRow } from '../specs/sweepTradeoffSpec.js';

/** The result files a sweep folder may hold, in the order they are preferred. */
export const SWEEP_RESULT_FILES = ['results.csv', 'results.jsonl', 'results.parquet'] as const;

/** A sweep's per-run table, whichever format it was read from. */
export interface SweepResults {
  readonly file: (typeof SWEEP_RESULT_FILES)[number];
  readonly columns: string[];
  readonly rows: SweepRow[];
}

/** Flattens nested objects to dotted names (`{totals: {a: 1}}` → `totals.a`); BigInts to numbers. */
export function flattenRecord(value: Record<string, unknown>, prefix = '', out: Record<string, CsvValue> = {}): Record<string, CsvValue> {
  for (const [k, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flattenRecord(v as Record<string, unknown>, name, out);
    else if (typeof v === 'bigint') out[name] = Number(v);
    else if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out[name] = v;
    else out[name] = v === undefined ? null : JSON.stringify(v);
  }
  return out;
}

function fromRecords(file: SweepResults['file'], records: Record<string, unknown>[]): SweepResults {
  const rows = records.map((r) => flattenRecord(r));
  return { file, columns: rows.length ? Object.keys(rows[0]!) : [], rows };
}

async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  let hyparquet: typeof import('hyparquet');
  try {
    hyparquet = await import('hyparquet');
  } catch {
    throw new UserInputError(
      `The sweep folder holds only ${path}, and reading Parquet needs the hyparquet package, which is not installed here. Install it (npm install hyparquet) or write the sweep's results as CSV or JSON lines.`,
    );
  }
  const file = await hyparquet.asyncBufferFromFile(path);
  return (await hyparquet.parquetReadObjects({ file })) as Record<string, unknown>[];
}

/**
 * Reads a sweep folder's results: `results.csv` if present, else `results.jsonl`, else
 * `results.parquet` (with hyparquet, when installed). Returns null when none exists.
 */
export async function readSweepResults(dir: string): Promise<SweepResults | null> {
  const file = SWEEP_RESULT_FILES.find((f) => existsSync(join(dir, f)));
  if (!file) return null;
  const path = join(dir, file);
  if (file === 'results.csv') return { file, ...parseCsv(readFileSync(path, 'utf8')) };
  if (file === 'results.jsonl') {
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
    return fromRecords(
      file,
      lines.map((l, i) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch (err) {
          throw new UserInputError(`${path} line ${i + 1} is not valid JSON (${(err as Error).message}).`);
        }
      }),
    );
  }
  return fromRecords(file, await readParquet(path));
}
