import { UserInputError, describeValue } from '../config/errors.js';

/** The most slots (or auctions) one `seqsim run` does; longer runs are split with --resume. */
export const maxSlots = 100_000_000;

/**
 * Parses a whole-number flag as given on the command line (text, so that `abc` is reported as
 * typed, not as NaN). `undefined` stays undefined. Accepts `1000`, `1e6`, `1_000`.
 * @throws UserInputError naming the flag, what was given and what is expected.
 */
export function parseWholeFlag(flag: string, raw: unknown, opts: { min: number; max?: number; hint?: string }): number | undefined {
  if (raw === undefined) return undefined;
  const expected = `a whole number >= ${opts.min}${opts.max !== undefined ? ` and <= ${opts.max.toLocaleString('en-US')}` : ''}`;
  if (Array.isArray(raw)) throw new UserInputError(`${flag} was given ${raw.length} times (${raw.map((r) => describeValue(r)).join(', ')}); give it once.`);
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().replace(/_/g, '') : '';
  if (raw === '' || raw === true) throw new UserInputError(`${flag} was given without a value; give ${expected} after it (e.g. ${flag} ${Math.max(opts.min, 1000)}).`);
  const n = text === '' ? NaN : Number(text);
  if (!Number.isSafeInteger(n) || n < opts.min)
    throw new UserInputError(`${flag} must be ${expected}, but got ${describeValue(raw)}.${opts.hint ? ` ${opts.hint}` : ''}`);
  if (opts.max !== undefined && n > opts.max) throw new UserInputError(`${flag} must be ${expected}, but got ${describeValue(raw)}.${opts.hint ? ` ${opts.hint}` : ''}`);
  return n;
}
