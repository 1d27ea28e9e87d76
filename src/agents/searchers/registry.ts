import { backrun } from './backrunner.js';
import { cexDex } from './cexDexArbitrageur.js';
import { crossRollup } from './crossRollupArbitrageur.js';
import { sandwich } from './sandwicher.js';
import { cappedCexDex } from './cappedCexDexArbitrageur.js';
import type { SearcherKind } from './searcherKind.js';

/**
 * Every searcher kind. The config's searcher union, the model's dispatch and the kinds' columns are
 * derived from this list: adding a kind is one file (see cappedCexDexArbitrageur.ts) and one entry here.
 */
export const searcherKinds = [cexDex, crossRollup, backrun, sandwich, cappedCexDex] as const;

/** The name of a registered searcher kind. */
export type SearcherKindName = (typeof searcherKinds)[number]['kind'];

const byName = new Map<string, SearcherKind>(searcherKinds.map((k) => [k.kind, k as unknown as SearcherKind]));

/** The kind registered as `name` (a RangeError naming the known kinds otherwise). */
export function searcherKind(name: string): SearcherKind {
  const k = byName.get(name);
  if (!k) throw new RangeError(`unknown searcher kind "${name}"; known kinds: ${searcherKinds.map((x) => x.kind).join(', ')}`);
  return k;
}
