import { UserInputError } from '../../config/errors.js';

/** The table formats seqsim writes: `csv` (RFC 4180), `jsonl` (one JSON object a line), `parquet`. */
export const tableFormats = ['csv', 'jsonl', 'parquet'] as const;

/** One of {@link tableFormats}; also the file extension of the table. */
export type TableFormat = (typeof tableFormats)[number];

/**
 * Checks a user-given format (a `--format` flag or an API option); `undefined` gives `fallback`.
 * @throws UserInputError naming the flag, what was given and the allowed values.
 */
export function parseTableFormat(value: unknown, fallback: TableFormat = 'csv', what = '--format'): TableFormat {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (tableFormats as readonly string[]).includes(value)) return value as TableFormat;
  throw new UserInputError(
    `${what} must be one of ${tableFormats.join(', ')}, but got ${JSON.stringify(value)}. ` +
      'Use csv for spreadsheets, jsonl for line-by-line tools, parquet for DuckDB, pandas or polars.',
  );
}
