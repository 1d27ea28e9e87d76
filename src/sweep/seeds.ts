import { UserInputError, describeValue } from '../config/errors.js';

/** A master seed, as a market config takes it: a whole number or a non-empty text. */
export type Seed = number | string;

/**
 * Checks a sweep file's `seeds`: a non-empty list of distinct seeds.
 * @throws UserInputError naming `seeds` (or the offending item) and showing the expected form.
 */
export function parseSeeds(value: unknown, source: string): Seed[] {
  const example = 'e.g. "seeds": [1, 2, 3, 4, 5]';
  if (value === undefined)
    throw new UserInputError(`Invalid sweep ${source}: it needs a top-level "seeds" list, the seeds every cell of the grid runs with (${example}).`);
  if (!Array.isArray(value))
    throw new UserInputError(
      `Invalid sweep ${source}: seeds must be a list of seeds (${example}), but got ${describeValue(value)}. Write a single seed as a one-item list, e.g. [${describeValue(value)}].`,
    );
  if (value.length === 0) throw new UserInputError(`Invalid sweep ${source}: seeds is an empty list, so the sweep would have no runs. Give at least one seed (${example}).`);
  const seen = new Set<string>();
  value.forEach((s: unknown, i) => {
    if (!(Number.isSafeInteger(s) || (typeof s === 'string' && s.length > 0)))
      throw new UserInputError(`Invalid sweep ${source}: seeds[${i}] must be a whole number or a non-empty text, but got ${describeValue(s)}. Fix that seed in the list.`);
    const key = JSON.stringify(s);
    if (seen.has(key)) throw new UserInputError(`Invalid sweep ${source}: seeds lists ${key} twice; each seed must appear once. Remove the duplicate.`);
    seen.add(key);
  });
  return value as Seed[];
}
