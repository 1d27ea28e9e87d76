/*
 * The summed columns of summary.json, per rollup, as one Float64Array indexed by sum name (the
 * summary's accumulator adds every slot's tallies into them).
 *
 * Why not an object with one property per sum: V8 keeps a number property of a plain object as a
 * boxed double, and in some runs the generated `s["name"] += r.field` code allocated a fresh box per
 * store — revenue-sharing-3-rollups' summary took ~750 bytes and 3–4 µs a slot against under 1 µs for
 * the baseline's (sampling heap profile and in-process phase timings, session 31). A typed array
 * stores the doubles themselves: no box, no field representation to generalise, no allocation.
 *
 * The numbers are the same: each sum adds the same values in the same order starting from +0, and a
 * double holds every integer count exactly; the object form (`sumsObject`) lists the names in the
 * order `Object.fromEntries` gave them (first occurrence), for summary.json and checkpoints.
 */

/** Per rollup: what the summary derives besides the summed columns (kept in a plain object). */
export interface Aggregates {
  absGapSum: number;
  inBand: number;
  memberSlots: number;
  maxDriftX: number;
  maxDriftY: number;
}

export const zeroAggregates = (): Aggregates => ({ absGapSum: 0, inBand: 0, memberSlots: 0, maxDriftX: 0, maxDriftY: 0 });

/** The aggregates of `s` (a checkpoint's sums object, or an accumulator's), a fresh object in this key order. */
export const aggregatesOf = (s: Readonly<Aggregates>): Aggregates => ({ absGapSum: s.absGapSum, inBand: s.inBand, memberSlots: s.memberSlots, maxDriftX: s.maxDriftX, maxDriftY: s.maxDriftY });

/** The sums' names and each one's index (a name summed from two columns shares one entry, as a property did). */
export interface SumLayout {
  readonly names: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/** The layout of the summed columns' names, in first-occurrence order. */
export function sumLayout(summed: readonly { readonly name: string }[]): SumLayout {
  const indexOf = new Map<string, number>();
  const names: string[] = [];
  for (const c of summed) {
    if (indexOf.has(c.name)) continue;
    indexOf.set(c.name, names.length);
    names.push(c.name);
  }
  return { names, indexOf };
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/** Adds a step tally's summed fields into a rollup's sums. */
export type IndexedSum = (s: Float64Array, tally: object) => void;

/**
 * A function adding each column's tally field into its sum, `s[k] += r.field`, in the columns'
 * order (generated once per run: fixed property loads, what V8 runs fastest).
 */
export function compileIndexedSum(layout: SumLayout, columns: readonly { readonly field: string; readonly name: string }[]): IndexedSum {
  const body = columns
    .map((c) => {
      if (!identifier.test(c.field)) throw new Error(`column field "${c.field}" is not a plain identifier`);
      return `s[${layout.indexOf.get(c.name)!}] += r.${c.field};`;
    })
    .join(' ');
  return new Function(`return (s, r) => { ${body} };`)() as IndexedSum;
}

/** The sums as an object, one property per name in the layout's order. */
export function sumsObject(layout: SumLayout, sums: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = 0; k < layout.names.length; k++) out[layout.names[k]!] = sums[k]!;
  return out;
}

/** `sumsObject`'s inverse: the layout's names read from `object` (a checkpoint's sums). */
export function sumsFrom(layout: SumLayout, object: Readonly<Record<string, number>>): Float64Array {
  const sums = new Float64Array(layout.names.length);
  for (let k = 0; k < layout.names.length; k++) sums[k] = object[layout.names[k]!]!;
  return sums;
}
