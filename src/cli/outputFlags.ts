import { UserInputError, describeValue } from '../config/errors.js';
import type { MarketConfig } from '../config/schema.js';
import type { TableFormat } from '../io/formats/formats.js';
import { estimateTableBytes, formatBytes, parseSize } from '../io/outputSize.js';
import { listColumns, recordedColumns, unknownColumns } from '../marketModel/recording.js';
import { configReporters, listReporters, unknownReporters } from '../marketModel/reporters/reporterRun.js';
import { parseWholeFlag } from './numbers.js';

/** The flags of `seqsim run` that shape the per-slot table and warn about its size, as typed. */
export interface OutputFlags {
  columns?: string | string[];
  reporters?: string | string[];
  recordEvery?: string;
  warnAbove?: string;
  quiet?: boolean;
}

/** Default of `--warn-above`: a run whose table would pass 1 GB gets a warning first. */
export const defaultWarnAboveBytes = 1e9;

/** The yargs options behind {@link OutputFlags}. */
export const outputOptions = {
  columns: { type: 'string', describe: 'market runs: write only these columns of the slots table, comma-separated (slot and rollup are always kept; sets output.columns)' },
  reporters: { type: 'string', describe: 'market runs: add these named reporters to summary.json and the tidy tables, comma-separated (price-gap, revenue-cv, searcher-win-rate, builder-margin, bid-shading; sets output.reporters)' },
  'record-every': { type: 'string', describe: 'market runs: write every K-th slot to the slots table (slots 0, K, 2K, ...); summary.json still covers every slot (sets output.recordEvery)' },
  'warn-above': { type: 'string', describe: `warn before a run whose slots table would be larger than this: 500MB, 2GB, a number of bytes, or off (default ${formatBytes(defaultWarnAboveBytes)})` },
} as const;

/** `--columns a,b --columns c` → `['a', 'b', 'c']`. */
export function columnList(raw: string | string[]): string[] {
  const names = [raw].flat().flatMap((r) => String(r).split(',')).map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UserInputError('--columns was given without column names; give them comma-separated, e.g. --columns slot,rollup,pool_price,winning_bid_y.');
  return names;
}

/**
 * `--reporters a,b --reporters c` → `['a', 'b', 'c']`, checked against the registry.
 * @throws UserInputError (exit 2) naming the flag and listing the named reporters.
 */
export function reporterList(raw: string | string[]): string[] {
  const names = [raw].flat().flatMap((r) => String(r).split(',')).map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UserInputError(`--reporters was given without names; give them comma-separated, e.g. --reporters price-gap,bid-shading; ${listReporters()}.`);
  const unknown = unknownReporters(names);
  if (unknown.length > 0) throw new UserInputError(`--reporters: unknown reporter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => describeValue(n)).join(', ')}; ${listReporters()}.`);
  return names;
}

/**
 * `--columns`, `--reporters` and `--record-every` as `--set` overrides of `output.columns`, `output.reporters` and `output.recordEvery`
 * (so the manifest records them and `--resume` keeps them), checked first against the run's columns
 * so that a bad name is reported as the flag the user typed.
 * @throws UserInputError (exit 2) listing the valid column names, or for a bad K.
 */
export function outputSets(flags: OutputFlags, config: MarketConfig): string[] {
  const sets: string[] = [];
  if (flags.columns === undefined) recordedColumns(config); // the config file's own output.columns, checked before anything is written
  else {
    const names = columnList(flags.columns);
    const unknown = unknownColumns(names, config);
    if (unknown.length > 0) throw new UserInputError(`--columns: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => describeValue(n)).join(', ')}; ${listColumns(config)}.`);
    sets.push(`output.columns=${JSON.stringify(names)}`);
  }
  if (flags.reporters === undefined) configReporters(config); // the config file's own output.reporters, checked before anything is written
  else sets.push(`output.reporters=${JSON.stringify(reporterList(flags.reporters))}`);
  const every = parseWholeFlag('--record-every', flags.recordEvery, { min: 1, hint: '1 records every slot; 10 records slots 0, 10, 20, ...' });
  if (every !== undefined) sets.push(`output.recordEvery=${every}`);
  return sets;
}

/** Refuses the table flags and `--reporters` on a run without a per-slot table or market reporters (a bidding war). */
export function refuseOutputFlags(flags: OutputFlags, kind: string): void {
  const given = [flags.columns !== undefined && '--columns', flags.recordEvery !== undefined && '--record-every'].filter(Boolean);
  if (given.length > 0) throw new UserInputError(`${given.join(' and ')} ${given.length > 1 ? 'shape' : 'shapes'} the slots table of a market run; this is a ${kind} config. Drop ${given.join(' and ')}.`);
  if (flags.reporters !== undefined) throw new UserInputError(`--reporters adds named reporters to a market run's summary; this is a ${kind} config. Drop --reporters.`);
}

/**
 * Parses `--warn-above`: bytes, Infinity for `off`; the default when absent.
 * @throws UserInputError naming the flag and examples.
 */
export function parseWarnAbove(raw: string | undefined): number {
  if (raw === undefined) return defaultWarnAboveBytes;
  const bytes = parseSize(String(raw));
  if (bytes === undefined) throw new UserInputError(`--warn-above must be a size such as 500MB, 2GB or 1e9 (bytes), or off, but got ${describeValue(raw)}.`);
  return bytes;
}

/** The flags that shrink a slots table, with the Parquet estimate when the format is another. */
function shrinkFixes(format: TableFormat, parquetBytes: number, how: { columns: string; recordEvery: string }): string {
  return [
    format !== 'parquet' && `--format parquet (about ${formatBytes(parquetBytes)})`,
    `${how.columns} (only the columns you need)`,
    `${how.recordEvery} (every K-th slot; summary.json still covers every slot)`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The one-line warning printed before a market run whose slots table would exceed `thresholdBytes`
 * (see `estimateTableBytes`), naming what it would write and the flags that shrink it; undefined
 * when it stays below.
 */
export function sizeWarning(config: MarketConfig, format: TableFormat, thresholdBytes: number): string | undefined {
  const est = estimateTableBytes(config, format);
  if (est.bytes <= thresholdBytes) return undefined;
  const every = config.output?.recordEvery ?? 1;
  const slots = `${config.slots.toLocaleString('en-US')} slots${every > 1 ? ` recorded every ${every}` : ''}`;
  const fixes = shrinkFixes(format, estimateTableBytes(config, 'parquet').bytes, { columns: '--columns a,b,c', recordEvery: '--record-every K' });
  return (
    `seqsim: warning: this run will write about ${formatBytes(est.bytes)} to slots.${format} (${slots} × ${config.rollups.length} rollup${config.rollups.length > 1 ? 's' : ''} × ${est.columns} columns); ` +
    `to write less use ${fixes}. This warning shows above --warn-above (now ${formatBytes(thresholdBytes)}); --quiet hides it.`
  );
}

/**
 * The same warning before a sweep with `--runs` or `--slots-table`, whose runs each write a slots
 * table (`copies` of it: 2 with both flags): the sum of their estimates (`configs`: the configs of
 * the runs to do) against `thresholdBytes`; undefined below it. The flags that shrink it are the
 * sweep's own (`--columns`, `--record-every`), or leaving out `--runs` and `--slots-table`.
 */
export function sweepSizeWarning(configs: readonly MarketConfig[], format: TableFormat, thresholdBytes: number, copies = 1): string | undefined {
  let bytes = 0;
  let parquet = 0;
  for (const c of configs) {
    bytes += copies * estimateTableBytes(c, format).bytes;
    parquet += copies * estimateTableBytes(c, 'parquet').bytes;
  }
  if (bytes <= thresholdBytes) return undefined;
  const fixes = shrinkFixes(format, parquet, { columns: '--columns a,b,c', recordEvery: '--record-every K' });
  return (
    `seqsim: warning: this sweep will write about ${formatBytes(bytes)} to its runs' slots tables (${configs.length.toLocaleString('en-US')} runs${copies > 1 ? ', each twice: --runs and --slots-table' : ''}, ${format}); ` +
    `to write less use ${fixes}, or leave out --runs and --slots-table (the results, runs and agents tables stay). This warning shows above --warn-above (now ${formatBytes(thresholdBytes)}); --quiet hides it.`
  );
}
