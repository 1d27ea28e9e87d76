import { UserInputError } from './errors.js';

/** Splits `rollups.0.pool.fee` or `rollups[0].pool.fee` into path segments. */
export function parseSetPath(path: string): (string | number)[] {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (parts.some((p) => p === '')) throw new UserInputError(`Invalid --set path "${path}": empty segment. Write it as a.b.c=value, e.g. --set rollups.0.pool.fee=0.001.`);
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Parses the right-hand side of `--set`: JSON when it parses (numbers, booleans, lists), else text. */
export function parseSetValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Applies one `path=value` override to a resolved (defaults-filled) config, returning a copy.
 * The path must already exist there — a typo must not silently add a field nobody reads — or name
 * an optional field the config's schema knows at that place (`knownAt`, e.g. `rollups.0.timeboost`
 * absent from the file): it is created, as an empty object when the path goes on below it, and the
 * schema then validates the result and fills its defaults.
 */
export function applySet(config: unknown, assignment: string, knownAt: (path: readonly PropertyKey[]) => readonly string[] = () => []): unknown {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new UserInputError(`Invalid --set "${assignment}": expected path=value, e.g. --set reference.sigmaPerYear=0.5.`);
  const path = parseSetPath(assignment.slice(0, eq));
  const value = parseSetValue(assignment.slice(eq + 1));
  const copy = structuredClone(config) as Record<PropertyKey, unknown>;
  let node: Record<PropertyKey, unknown> = copy;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const here = path.slice(0, i + 1).join('.');
    // A list is indexed by position only: `searchers.length=0` must not empty it behind the user's back.
    const exists = node !== null && typeof node === 'object' && (!Array.isArray(node) || typeof key === 'number') && Object.prototype.hasOwnProperty.call(node, key);
    const optional = !exists && isPlainObject(node) && typeof key === 'string' && knownAt(path.slice(0, i)).includes(key);
    if (optional && i < path.length - 1) node[key] = {};
    if (!exists && !optional) {
      const known = node && typeof node === 'object' ? [...new Set([...Object.keys(node), ...(isPlainObject(node) ? knownAt(path.slice(0, i)) : [])])] : [];
      const hint = Array.isArray(node) ? `indices 0..${node.length - 1}` : known.map((k) => `"${k}"`).join(', ');
      throw new UserInputError(
        `Invalid --set path "${assignment.slice(0, eq)}": "${here}" does not exist in the config. ` +
          `Known at this level: ${hint || '(nothing: the parent is not an object)'}. Use \`seqsim config show <file>\` to see every path.`,
      );
    }
    if (i === path.length - 1) node[key] = value;
    else node = node[key] as Record<PropertyKey, unknown>;
  }
  return copy;
}

const isPlainObject = (v: unknown): v is Record<PropertyKey, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
