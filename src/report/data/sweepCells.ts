import type { CsvValue } from './parseCsv.js';
import { sweptParameters } from './sweepColumns.js';

/** One swept parameter of a sweep: its path name (`rollups.0.pool.fee`) and its values in file order. */
export interface SweepAxisInfo {
  readonly name: string;
  readonly values: readonly unknown[];
}

/** One cell of a sweep as the report names it. */
export interface SweepCellInfo {
  /** The cell number as in the results table's `cell` column. */
  readonly cell: number;
  /** Each axis' value, keyed by the axis name. */
  readonly params: Readonly<Record<string, unknown>>;
  /** `short axis name=value label` for every axis, joined by `, ` (e.g. `mechanism=tullock(alpha=1), builders=3×exp3`). */
  readonly label: string;
}

/** The axes and cells of a sweep, and where the axes were read from. */
export interface SweepLayout {
  readonly axes: readonly SweepAxisInfo[];
  /** The cells in numeric order. */
  readonly cells: readonly SweepCellInfo[];
  /** `sweep.json` (the plan the sweep ran), or `columns` (guessed from the table's columns, for folders without it). */
  readonly from: 'sweep.json' | 'columns';
  /** Each axis' short name: the shortest trailing part of its path that no other axis shares. */
  readonly shortNames: ReadonlyMap<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The `axes` and `cells` of a sweep.json manifest, or null when it has none in the expected shape. */
function fromManifest(sweep: unknown): { axes: SweepAxisInfo[]; cells: { cell: number; params: Obj }[] } | null {
  if (!isObj(sweep) || !Array.isArray(sweep['axes']) || !Array.isArray(sweep['cells'])) return null;
  const axes = sweep['axes'] as unknown[];
  const cells = sweep['cells'] as unknown[];
  if (!axes.every((a) => isObj(a) && typeof a['name'] === 'string' && Array.isArray(a['values']))) return null;
  if (!cells.every((c) => isObj(c) && Number.isInteger(c['cell']) && isObj(c['params']))) return null;
  return {
    axes: (axes as Obj[]).map((a) => ({ name: a['name'] as string, values: a['values'] as unknown[] })),
    cells: (cells as Obj[]).map((c) => ({ cell: c['cell'] as number, params: c['params'] as Obj })),
  };
}

/** A name for one element of a list-valued axis: its `name`, else a `name` one level down, else its JSON. */
function elementName(v: unknown): string {
  if (!isObj(v)) return JSON.stringify(v);
  if (typeof v['name'] === 'string') return v['name'];
  const inner = Object.values(v).find((x) => isObj(x) && typeof x['name'] === 'string') as Obj | undefined;
  return inner ? (inner['name'] as string) : 'item';
}

/**
 * A short, readable label of one axis value: scalars as they are; `{name, …}` as `name(k=v, …)` with
 * its scalar fields; a list of objects as `count×names` (`3×exp3`); other lists and objects as JSON.
 */
export function briefValue(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.some(isObj) ? `${v.length}×${[...new Set(v.map(elementName))].join('+')}` : JSON.stringify(v);
  const o = v as Obj;
  if (typeof o['name'] !== 'string') return JSON.stringify(o);
  const params = Object.entries(o).filter(([k, x]) => k !== 'name' && (x === null || typeof x !== 'object'));
  return params.length ? `${o['name']}(${params.map(([k, x]) => `${k}=${String(x)}`).join(', ')})` : o['name'];
}

/**
 * The labels of an axis' values, one per value in order: {@link briefValue}, or `#k brief` (k its
 * 1-based place in the sweep file) where two values would share a brief label.
 */
export function axisValueLabels(values: readonly unknown[]): string[] {
  const brief = values.map(briefValue);
  return new Set(brief).size === brief.length ? brief : brief.map((b, i) => `#${i + 1} ${b}`);
}

/**
 * For each name, the shortest dotted suffix of at least two parts (`detection.committee.enabled` →
 * `committee.enabled`) that no other name ends with, and that does not start with a list index.
 */
export function shortAxisNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const parts = name.split('.');
    let k = Math.min(2, parts.length);
    const suffix = () => parts.slice(-k).join('.');
    while (k < parts.length && names.some((o) => o !== name && (o === suffix() || o.endsWith(`.${suffix()}`)))) k++;
    // A numeric last part (`rollups.0`) says little alone: keep its parent.
    while (k < parts.length && /^\d+$/.test(parts[parts.length - k]!)) k++;
    out.set(name, suffix());
  }
  return out;
}

/** An axis value as the table's column holds it: objects and lists as JSON text. */
const asCell = (v: unknown): string => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * The sweep's axes and cells: from `sweep.json` (the plan the sweep ran) when it has them, else
 * guessed from the table (the columns between `seed` and the first metric, each value as found).
 * Cells are in numeric order and labelled by their axis values.
 */
export function sweepLayout(sweep: unknown, columns: readonly string[], rows: readonly Readonly<Record<string, CsvValue | undefined>>[]): SweepLayout {
  const manifest = fromManifest(sweep);
  const cellNumbers = [...new Set(rows.map((r) => Number(r['cell'])))].filter(Number.isFinite).sort((a, b) => a - b);
  let axes: SweepAxisInfo[];
  let paramsOf: (cell: number) => Obj;
  if (manifest) {
    axes = manifest.axes;
    const byCell = new Map(manifest.cells.map((c) => [c.cell, c.params]));
    paramsOf = (cell) => byCell.get(cell) ?? {};
  } else {
    const names = sweptParameters([...columns]);
    const first = (cell: number) => rows.find((r) => Number(r['cell']) === cell) ?? {};
    axes = names.map((n) => ({ name: n, values: [...new Set(cellNumbers.map((c) => first(c)[n] ?? null))] }));
    paramsOf = (cell) => Object.fromEntries(names.map((n) => [n, first(cell)[n] ?? null]));
  }
  const shortNames = shortAxisNames(axes.map((a) => a.name));
  const labels = new Map(axes.map((a) => [a.name, new Map(a.values.map((v, i) => [asCell(v), axisValueLabels(a.values)[i]!]))]));
  const label = (params: Obj) =>
    axes.map((a) => `${shortNames.get(a.name)}=${labels.get(a.name)!.get(asCell(params[a.name])) ?? briefValue(params[a.name])}`).join(', ');
  const cells = cellNumbers.map((cell) => ({ cell, params: paramsOf(cell), label: axes.length ? label(paramsOf(cell)) : `cell ${cell}` }));
  return { axes, cells, from: manifest ? 'sweep.json' : 'columns', shortNames };
}
