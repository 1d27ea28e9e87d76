import { listColumns, unknownColumns } from '../marketModel/recording.js';
import { listReporters, unknownReporters } from '../marketModel/reporters/reporterRun.js';
import { createHash } from 'node:crypto';
import { UserInputError, describeValue } from '../config/errors.js';
import { describeIssue } from '../config/formatIssues.js';
import { marketConfigSchema, type MarketConfig } from '../config/schema.js';
import type { z } from 'zod';
import { findSweepAxes, rejectUnknownListFields, type SweepAxis } from './findAxes.js';
import { isObject, pathName, setAt, startsWith } from './paths.js';
import { parseSeeds, type Seed } from './seeds.js';

/** One point of the grid: a value for every axis, keyed by the axis' path name (`rollups.0.pool.fee`). */
export interface SweepCell {
  readonly cell: number;
  readonly params: Readonly<Record<string, unknown>>;
}

/** One simulation of a sweep: a cell run with a seed, identified by the hash of its resolved config. */
export interface SweepRun {
  /** Position in (cell, seed) order: the row's place in the results table. */
  readonly index: number;
  /** First 12 hex digits of the SHA-256 of the resolved config (seed included) as JSON. */
  readonly runId: string;
  readonly cell: number;
  readonly seed: Seed;
  /**
   * The resolved config. When {@link SweepRun.invalid} is set, it is the cell as the sweep file gives
   * it (with the seed), which is not a valid market config: such a run is recorded as failed, never run.
   */
  readonly config: MarketConfig;
  /** Why the cell's config is not a valid market config (one line); absent for a valid cell. */
  readonly invalid?: string;
}

/** A sweep file expanded into its grid and runs. */
export interface SweepPlan {
  /** Where the sweep came from, for messages (`"configs/sweeps/x.json"`). */
  readonly source: string;
  /** The sweep file's content as given. */
  readonly sweep: Readonly<Record<string, unknown>>;
  readonly axes: readonly SweepAxis[];
  readonly seeds: readonly Seed[];
  readonly cells: readonly SweepCell[];
  readonly runs: readonly SweepRun[];
  /** SHA-256 of the axes, seeds and run ids: the sweep's identity (file formatting does not change it). */
  readonly sha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sweepBody(raw: unknown, source: string): Record<string, unknown> {
  if (!isObject(raw)) throw new UserInputError(`Invalid sweep ${source}: the top level must be a JSON object (a market config plus "seeds"), but got ${describeValue(raw)}.`);
  const { kind, seeds: _seeds, ...body } = raw;
  if (kind !== undefined && kind !== 'sweep' && kind !== 'market')
    throw new UserInputError(`Invalid sweep ${source}: kind must be "sweep" (or absent), but got ${describeValue(kind)}; a sweep runs market simulations only.`);
  if ('seed' in body) throw new UserInputError(`Invalid sweep ${source}: a sweep file takes "seeds" (a list), not "seed"; move the seed into the list, e.g. "seeds": [${describeValue(body.seed)}].`);
  return body;
}

type Issue = z.core.$ZodIssue;

/** The issues' sentences, at most 8 of them. */
function describeIssues(issues: readonly Issue[], raw: unknown): string {
  const more = issues.length > 8 ? ` (and ${issues.length - 8} more problem(s))` : '';
  return `${issues.slice(0, 8).map((i) => describeIssue(i, raw)).join('; ')}${more}`;
}

/** Validates and resolves one cell's config: the config, or the issues that make it invalid. */
function resolveCell(raw: unknown): { config: MarketConfig; issues?: undefined } | { config?: undefined; issues: Issue[] } {
  const r = marketConfigSchema.safeParse(raw);
  if (!r.success) return { issues: r.error.issues };
  // output.columns names the model's columns, which the config schema cannot see (layering): check here,
  // so a cell that would fail every run with --runs is refused at planning.
  const names = r.data.output?.columns ?? [];
  const unknown = unknownColumns(names, r.data);
  if (unknown.length > 0)
    return { issues: unknown.map((n) => ({ code: 'custom', path: ['output', 'columns', names.indexOf(n)], message: `unknown column "${n}"; ${listColumns(r.data)}`, input: n }) as unknown as Issue) };
  // output.reporters likewise names the model's reporters (reporters/namedReporters.ts).
  const reporters = r.data.output?.reporters ?? [];
  const unknownNamed = unknownReporters(reporters);
  if (unknownNamed.length > 0)
    return { issues: unknownNamed.map((n) => ({ code: 'custom', path: ['output', 'reporters', reporters.indexOf(n)], message: `unknown reporter "${n}"; ${listReporters()}`, input: n }) as unknown as Issue) };
  return { config: r.data };
}

/** The cell's parameter values: cell `c` in mixed radix, the last axis changing fastest. */
function cellValues(axes: readonly SweepAxis[], c: number): unknown[] {
  const values: unknown[] = [];
  for (let a = axes.length - 1; a >= 0; a--) {
    const n = axes[a]!.values.length;
    values.unshift(axes[a]!.values[c % n]);
    c = Math.floor(c / n);
  }
  return values;
}

/**
 * Expands a sweep file (a market config whose leaves may be lists, plus a top-level `seeds` list and
 * optionally `kind: "sweep"`) into its cells and runs in (cell, seed) order, validating every cell.
 * A cell made invalid by its axis values (e.g. a fee of 1.5 in a list of fees) does not stop the
 * sweep: its runs carry `invalid` and are recorded as failed.
 * @throws UserInputError for a malformed sweep, a problem outside the axes (which every cell would
 * share), or a sweep none of whose cells is valid.
 */
export function expandSweep(raw: unknown, source = '(inline sweep)'): SweepPlan {
  const body = sweepBody(raw, source);
  const seeds = parseSeeds((raw as Record<string, unknown>).seeds, source);
  const { axes, base } = findSweepAxes(body, source);
  rejectUnknownListFields(base, source);
  // Problems outside the axes are every cell's: the sweep itself is invalid.
  const baseIssues = (resolveCell(base).issues ?? []).filter((i) => !axes.some((a) => startsWith(i.path, a.path)));
  if (baseIssues.length > 0)
    throw new UserInputError(`Invalid sweep ${source}: ${describeIssues(baseIssues, base)}. Fix the value in the sweep file; \`seqsim config schema\` prints every field with its type and default.`);
  const cellCount = axes.reduce((n, a) => n * a.values.length, 1);
  const cells: SweepCell[] = [];
  const runs: SweepRun[] = [];
  let firstInvalid: string | undefined;
  for (let c = 0; c < cellCount; c++) {
    const values = cellValues(axes, c);
    const params = Object.fromEntries(axes.map((a, i) => [pathName(a.path), values[i]]));
    const cellRaw = axes.reduce<unknown>((cfg, a, i) => setAt(cfg, a.path, values[i]), base);
    const where = `cell ${c} (${Object.entries(params).map(([k, v]) => `${k}=${describeValue(v)}`).join(', ')}) is not a valid market config: `;
    const resolved = resolveCell(cellRaw);
    const invalid = resolved.issues ? `invalid config: ${describeIssues(resolved.issues, cellRaw)}` : undefined;
    if (invalid) firstInvalid ??= `${where}${describeIssues(resolved.issues!, cellRaw)}`;
    cells.push({ cell: c, params });
    for (const seed of seeds) {
      const withSeed = { ...((resolved.config ?? cellRaw) as MarketConfig), seed };
      runs.push({ index: runs.length, runId: sha256(JSON.stringify(withSeed)).slice(0, 12), cell: c, seed, config: withSeed, ...(invalid ? { invalid } : {}) });
    }
  }
  if (runs.every((r) => r.invalid !== undefined))
    throw new UserInputError(`Invalid sweep ${source}: no cell is a valid market config; ${firstInvalid}. Change or remove that value of the sweep axis.`);
  if (new Set(runs.map((r) => r.runId)).size !== runs.length) throw new Error('two runs of the sweep resolve to the same config: a bug in the sweep expansion');
  const identity = { axes: axes.map((a) => ({ path: a.path, values: a.values })), seeds, runs: runs.map((r) => r.runId) };
  return { source, sweep: raw as Record<string, unknown>, axes, seeds, cells, runs, sha256: sha256(JSON.stringify(identity)) };
}
