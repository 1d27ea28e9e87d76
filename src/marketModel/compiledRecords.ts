/*
 * Per-slot record code generated from the column registry. The registry is data; these functions turn
 * it, once per run, into plain functions with object literals and fixed property accesses — what V8
 * runs fastest (a loop over the registry with dynamic keys was about a fifth of a slot's time). Only
 * field names that are plain identifiers from the registry go into the generated code.
 */

const identifier = /^[A-Za-z_$][\w$]*$/;

function checked(field: string): string {
  if (!identifier.test(field)) throw new Error(`column field "${field}" is not a plain identifier`);
  return field;
}

/** A function returning a fresh object with each field set to its initial value (0 or false). */
export function compileZero(fields: readonly { readonly field: string; readonly flag: boolean }[]): () => Record<string, number | boolean> {
  const body = fields.map((f) => `${checked(f.field)}: ${f.flag ? 'false' : '0'}`).join(', ');
  return new Function(`return () => ({ ${body} });`)() as () => Record<string, number | boolean>;
}

/** A function setting each field of an object made by `compileZero(fields)` back to its initial value, in place. */
export function compileReset(fields: readonly { readonly field: string; readonly flag: boolean }[]): (o: object) => void {
  const body = fields.map((f) => `o.${checked(f.field)} = ${f.flag ? 'false' : '0'};`).join(' ');
  return new Function(`return (o) => { ${body} };`)() as (o: object) => void;
}

/**
 * A function building one row from `(e, r)`: each cell either the record's field `r.<field>` or a
 * derived value `values[i](e, r)`.
 */
export function compileRow<E, R>(cells: readonly { readonly name: string; readonly field?: string; readonly value?: (e: E, r: R) => unknown }[]): (e: E, r: R) => Record<string, unknown> {
  const values = cells.map((c) => c.value);
  const body = cells.map((c, i) => `${JSON.stringify(c.name)}: ${c.value ? `values[${i}](e, r)` : `r.${checked(c.field!)}`}`).join(', ');
  return new Function('values', `return (e, r) => ({ ${body} });`)(values) as (e: E, r: R) => Record<string, unknown>;
}

/** A function adding each record field `r.<field>` into the sum `s[<name>]`. */
export function compileSum(sums: readonly { readonly field: string; readonly name: string }[]): (s: Record<string, number>, r: object) => void {
  const body = sums.map((c) => `s[${JSON.stringify(c.name)}] += r.${checked(c.field)};`).join(' ');
  return new Function(`return (s, r) => { ${body} };`)() as (s: Record<string, number>, r: object) => void;
}

/**
 * A function merging objects into one record, field by field in the given order: the first
 * argument's `fields[0]`, then the second's `fields[1]`, and so on (what spreading them does, without
 * the spread's per-call shape work).
 */
export function compileMerge(fields: readonly (readonly string[])[]): (...parts: readonly object[]) => Record<string, unknown> {
  const args = fields.map((_, i) => `p${i}`);
  const body = fields.flatMap((list, i) => list.map((f) => `${checked(f)}: p${i}.${f}`)).join(', ');
  return new Function(`return (${args.join(', ')}) => ({ ${body} });`)() as (...parts: readonly object[]) => Record<string, unknown>;
}

/** How a cell is stored in a column block (engine/columnBlock.ts): a number, a flag (1, 0, −1) or text. */
export type StoredAs = 'number' | 'flag' | 'text';

/** A cell of a generated fill: the field `field` of the source argument named `from`, or a derived value computed from the row's arguments. */
export type FillCell<E, S extends readonly unknown[]> =
  | { readonly from: string; readonly field: string; readonly storedAs: StoredAs }
  | { readonly value: (e: E, ...sources: S) => unknown; readonly storedAs: StoredAs };

/** A generated fill bound to a block's column arrays: stores one row, `(i, e, ...sources)`, into row `i`. */
export type BoundFill<E, S extends readonly unknown[]> = (i: number, e: E, ...sources: S) => void;

/** Where a packed block keeps a cell (engine/columnBlock.ts `packedTypedArrays`): its column's first element in the one array of its kind. */
type PackedLayout = { readonly numbers: Float64Array | null; readonly flags: Int8Array | null; readonly starts: readonly number[]; readonly key: string };

/**
 * The layout of `data` when every number column is a `Float64Array` of one buffer and every flag an
 * `Int8Array` of one buffer (a packed block), with the whole buffers as one array each; else null.
 */
function packedLayout(storedAs: readonly StoredAs[], data: readonly unknown[]): PackedLayout | null {
  let numbers: Float64Array | null = null;
  let flags: Int8Array | null = null;
  const starts: number[] = [];
  for (let k = 0; k < storedAs.length; k++) {
    const d = data[k];
    if (storedAs[k] === 'number') {
      if (!(d instanceof Float64Array) || (numbers && d.buffer !== numbers.buffer)) return null;
      numbers ??= new Float64Array(d.buffer);
      starts.push(d.byteOffset / 8);
    } else if (storedAs[k] === 'flag') {
      if (!(d instanceof Int8Array) || (flags && d.buffer !== flags.buffer)) return null;
      flags ??= new Int8Array(d.buffer);
      starts.push(d.byteOffset);
    } else starts.push(-1);
  }
  return { numbers, flags, starts, key: starts.join(',') };
}

/**
 * A function storing one row's cells into row `i` of a block's column arrays: cell `k` (the field
 * `<from>.<field>` of one of the source arguments, named by `sources`, or a derived value
 * `values[k](e, ...sources)`) into `data[k][i]`. A value of another type than the column's is stored
 * as missing (NaN, −1, null), as the writers render a missing cell; text that is not a string is
 * stored as `String(value)`, what a CSV field of it is.
 *
 * Bound to a packed block (every block a run fills, engine/columnBlock.ts), the numbers are stored
 * through one array over their shared buffer at constant offsets, `N[start + i]`, not through a
 * typed array per column: reading ~95 arrays' headers (a cache line each) for every row cost more
 * than the stores, after the model's slot had evicted them. The code for a layout is generated on
 * its first bind and kept (a run's blocks all share one layout); other blocks take per-column arrays.
 */
export function compileFill<E, S extends readonly unknown[]>(cells: readonly FillCell<E, S>[], sources: readonly string[]): (data: readonly unknown[]) => BoundFill<E, S> {
  const params = sources.map(checked);
  const values = cells.map((c) => ('value' in c ? c.value : undefined));
  const storedAs = cells.map((c) => c.storedAs);
  const valueOf = (c: FillCell<E, S>, k: number) => {
    if (!('value' in c) && !params.includes(c.from)) throw new Error(`fill cell reads "${c.from}", which is not one of its sources (${params.join(', ')})`);
    return 'value' in c ? `values[${k}](e, ${params.join(', ')})` : `${c.from}.${checked(c.field)}`;
  };
  /** Cell k's store into the target `at` (an element expression). */
  const store = (c: FillCell<E, S>, k: number, at: string) => {
    if (c.storedAs === 'number') return `v = ${valueOf(c, k)}; ${at} = typeof v === 'number' ? v : NaN;`;
    if (c.storedAs === 'flag') return `v = ${valueOf(c, k)}; ${at} = v === true ? 1 : v === false ? 0 : -1;`;
    return `v = ${valueOf(c, k)}; ${at} = typeof v === 'string' ? v : v == null ? null : String(v);`;
  };
  const fill = (targets: readonly string[], locals: readonly number[], bases: string) => {
    const declared = locals.length ? `const ${locals.map((k) => `d${k} = data[${k}]`).join(', ')};` : '';
    const body = cells.map((c, k) => store(c, k, targets[k]!)).join(' ');
    return new Function('values', `return (data${bases}) => { ${declared} return (i, e, ${params.join(', ')}) => { let v; ${body} }; };`)(values);
  };
  const perColumn = fill(cells.map((_, k) => `d${k}[i]`), cells.map((_, k) => k), '') as (data: readonly unknown[]) => BoundFill<E, S>;
  const byLayout = new Map<string, (data: readonly unknown[], N: Float64Array | null, F: Int8Array | null) => BoundFill<E, S>>();
  return (data) => {
    const layout = packedLayout(storedAs, data);
    if (!layout) return perColumn(data);
    let bind = byLayout.get(layout.key);
    if (!bind) {
      const targets = storedAs.map((as, k) => (as === 'number' ? `N[${layout.starts[k]} + i]` : as === 'flag' ? `F[${layout.starts[k]} + i]` : `d${k}[i]`));
      bind = fill(targets, storedAs.flatMap((as, k) => (as === 'text' ? [k] : [])), ', N, F');
      byLayout.set(layout.key, bind!);
    }
    return bind!(data, layout.numbers, layout.flags);
  };
}
