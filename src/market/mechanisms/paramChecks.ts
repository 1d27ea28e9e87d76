import { z } from 'zod';

/**
 * Parameter checks shared by the zod-free `validate…Params` functions and the zod config schema
 * (`config.ts`), so that both report the same message. A check returns null when the value is
 * valid and otherwise a message that names the parameter.
 */
export type ParamCheck = (name: string, value: number) => string | null;

/** Finite and > 0 (e.g. Tullock's `alpha`, a ticket price). */
export const positiveFinite: ParamCheck = (name, v) =>
  Number.isFinite(v) && v > 0 ? null : `${name} must be a finite number > 0, got ${v}`;

/** Finite and ≥ 0 (e.g. a latency in ms). */
export const nonNegativeFinite: ParamCheck = (name, v) =>
  Number.isFinite(v) && v >= 0 ? null : `${name} must be a finite number >= 0, got ${v}`;

/** Any finite number (e.g. a time on the slot clock). */
export const finite: ParamCheck = (name, v) =>
  Number.isFinite(v) ? null : `${name} must be a finite number, got ${v}`;

/** In the closed interval [0, 1] (e.g. `rebateFraction`). */
export const fraction: ParamCheck = (name, v) =>
  Number.isFinite(v) && v >= 0 && v <= 1 ? null : `${name} must be in [0, 1], got ${v}`;

/** In the half-open interval (0, 1] (e.g. `topOfBlockShare`). */
export const positiveFraction: ParamCheck = (name, v) =>
  Number.isFinite(v) && v > 0 && v <= 1 ? null : `${name} must be in (0, 1], got ${v}`;

/** An integer ≥ 1 (e.g. `committeeSize`, `leadSlots`). */
export const positiveInteger: ParamCheck = (name, v) =>
  Number.isInteger(v) && v >= 1 ? null : `${name} must be an integer >= 1, got ${v}`;

/** An integer ≥ 0 (e.g. `lookaheadSlots`). */
export const nonNegativeInteger: ParamCheck = (name, v) =>
  Number.isInteger(v) && v >= 0 ? null : `${name} must be an integer >= 0, got ${v}`;

/** Throws a RangeError carrying the check's message if `value` fails it. */
export function requireParam(check: ParamCheck, name: string, value: number): void {
  const problem = check(name, value);
  if (problem !== null) throw new RangeError(problem);
}

/** A zod number schema that reports the same message as `requireParam(check, name, ·)`. */
export function zParam(check: ParamCheck, name: string) {
  return z.number().superRefine((value, ctx) => {
    const problem = check(name, value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** Throws a RangeError unless `value` is one of `allowed` (for string-valued params). */
export function requireOneOf<T extends string>(
  name: string,
  value: T,
  allowed: readonly T[],
): void {
  if (!allowed.includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  }
}
