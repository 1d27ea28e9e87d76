/** A path into a config: object keys and list indices, e.g. `["rollups", 0, "pool", "fee"]`. */
export type ConfigPath = readonly (string | number)[];

/** The column and display name of a path: `rollups.0.pool.fee` (the `--set` spelling). */
export function pathName(path: ConfigPath): string {
  return path.join('.');
}

/** True when `path` starts with `prefix`. */
export function startsWith(path: readonly PropertyKey[], prefix: ConfigPath): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}

/** A plain JSON object (not a list, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A copy of `root` with the value at `path` replaced (the path must exist up to its parent). */
export function setAt(root: unknown, path: ConfigPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, value);
  return copy;
}
