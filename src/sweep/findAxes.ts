import type { z } from 'zod';
import { UserInputError, describeValue, formatPath } from '../config/errors.js';
import { valueAt } from '../config/formatIssues.js';
import { marketConfigSchema } from '../config/schema.js';
import { isObject, setAt, startsWith, type ConfigPath } from './paths.js';

/** One swept parameter: where it sits in the market config and the values it takes, in file order. */
export interface SweepAxis {
  readonly path: ConfigPath;
  readonly values: readonly unknown[];
}

type Issue = z.core.$ZodIssue;

function issuesOf(config: unknown): Issue[] {
  const r = marketConfigSchema.safeParse(config);
  return r.success ? [] : r.error.issues;
}

/** An issue saying the value at exactly `path` has the wrong shape (e.g. a list where a number goes). */
const isShapeIssueAt = (i: Issue, path: ConfigPath) =>
  i.path.length === path.length && startsWith(i.path, path) && (i.code === 'invalid_type' || i.code === 'invalid_union');

/**
 * Decides whether the list at `path` is a sweep axis: it is when the config rejects the list there
 * but accepts its first element in its place (a list where the schema wants a scalar, an object or
 * a tuple). Lists the schema accepts as they are — `rollups`, `searchers`, a cross-rollup
 * searcher's `rollups: ["A","B"]` — are fields, not axes.
 */
function isAxis(work: unknown, path: ConfigPath, list: readonly unknown[], source: string): boolean {
  const withList = issuesOf(work).filter((i) => startsWith(i.path, path));
  if (withList.length === 0) return false;
  if (list.length === 0) {
    if (withList.some((i) => isShapeIssueAt(i, path)))
      throw new UserInputError(
        `Invalid sweep ${source}: ${formatPath(path)} is an empty list, so the sweep would have no runs. ` +
          'Give the values to sweep over (e.g. [0.001, 0.003]), or a single value (not a list) to keep it fixed.',
      );
    return false;
  }
  return !issuesOf(setAt(work, path, list[0])).some((i) => isShapeIssueAt(i, path));
}

/**
 * Finds the sweep axes of a sweep body (a market config whose leaves may be lists), in file
 * order, outer lists before the lists inside them (a list of values is not searched further).
 * Returns the axes and the body with every axis replaced by its first value.
 */
export function findSweepAxes(body: Record<string, unknown>, source: string): { axes: SweepAxis[]; base: Record<string, unknown> } {
  let work: unknown = body;
  const axes: SweepAxis[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      if (isAxis(work, path, node, source)) {
        axes.push({ path, values: node });
        work = setAt(work, path, node[0]);
        return;
      }
      node.forEach((v, i) => visit(v, [...path, i]));
    } else if (isObject(node)) for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
  };
  visit(body, []);
  for (const axis of axes) {
    const seen = new Set<string>();
    for (const v of axis.values) {
      const key = JSON.stringify(v);
      if (seen.has(key))
        throw new UserInputError(`Invalid sweep ${source}: ${formatPath(axis.path)} lists the value ${describeValue(v)} twice; each value of a sweep axis must appear once. Remove the duplicate.`);
      seen.add(key);
    }
  }
  return { axes, base: work as Record<string, unknown> };
}

/**
 * When the base config names an unknown field that holds a list (a sweep over a parameter that
 * does not exist), throws an error naming the path and the fields that do exist there.
 */
export function rejectUnknownListFields(base: Record<string, unknown>, source: string): void {
  for (const issue of issuesOf(base)) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = issue.path as (string | number)[];
    const here = valueAt(base, parent) as Record<string, unknown>;
    const listKey = issue.keys.find((k) => Array.isArray(here[k]));
    if (listKey === undefined) continue;
    // The fields that exist there: those of the resolved config, defaults included, when it resolves.
    const cleaned = setAt(base, parent, Object.fromEntries(Object.entries(here).filter(([k]) => !issue.keys.includes(k))));
    const resolved = marketConfigSchema.safeParse(cleaned);
    const known = Object.keys((resolved.success ? valueAt(resolved.data, parent) : here) as object).filter((k) => !issue.keys.includes(k));
    throw new UserInputError(
      `Invalid sweep ${source}: ${formatPath([...parent, listKey])} holds a list of values to sweep over, but a market config has no field "${listKey}" ` +
        `at ${formatPath(parent)} (its fields: ${known.map((k) => `"${k}"`).join(', ') || 'none'}). ` +
        'Fix the spelling of the path or remove it; `seqsim config schema` lists every field.',
    );
  }
}
