import type { z } from 'zod';
import { clip, describeValue, formatPath } from './errors.js';

/** The value at `path` inside `input`, or undefined when the path does not exist there. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function bound(kind: 'min' | 'max', issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string }): string {
  const limit = kind === 'min' ? issue.minimum : issue.maximum;
  if (issue.origin === 'array') return kind === 'min' ? `a list with at least ${String(limit)} item(s)` : `a list with at most ${String(limit)} item(s)`;
  if (issue.origin === 'string') return kind === 'min' ? `a non-empty text of at least ${String(limit)} character(s)` : `a text of at most ${String(limit)} characters`;
  const op = kind === 'min' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  return `a number ${op} ${String(limit)}`;
}

/** What the field expected, in words a config author understands. */
function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'a whole number' : `a value of type ${issue.expected}`;
    case 'too_small':
      return bound('min', issue);
    case 'too_big':
      return bound('max', issue);
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options))
        return `one of ${(issue.options as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      // A schema may name what it expects in its own words (zod's default is "Invalid input").
      if (issue.message && issue.message !== 'Invalid input') return issue.message;
      return 'a value matching one of the allowed shapes';
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

/** One sentence for one issue: the field, what was expected, what was given. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, knownKeys?: (path: readonly PropertyKey[]) => readonly string[]): string {
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.keys.slice(0, 5).map((k) => formatPath([...issue.path, k])).join(', ');
    const keys = issue.keys.slice(0, 5).map((k) => JSON.stringify(clip(k, 40))).join(', ') + (issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '');
    // A schema may list its known fields in its own message (zod's default only repeats the keys).
    const listed = knownKeys?.(issue.path).filter((k) => !issue.keys.includes(k)) ?? [];
    const known =
      issue.message && !issue.message.startsWith('Unrecognized key')
        ? ` (${issue.message})`
        : listed.length > 0
          ? ` (known fields here: ${listed.join(', ')})`
          : '';
    return `${fields}: unknown field(s) ${keys}${known}; remove them or fix their spelling (\`seqsim config schema\` lists every field)`;
  }
  if (issue.code === 'custom') return `${where}: ${issue.message}`;
  return `${where} must be ${expectation(issue)}, but got ${describeValue(valueAt(input, issue.path))}`;
}

/**
 * Renders zod issues as one paragraph naming each field path, what was expected and what was
 * given, followed by how to fix it.
 */
export function formatIssues(source: string, issues: readonly z.core.$ZodIssue[], input: unknown, knownKeys?: (path: readonly PropertyKey[]) => readonly string[]): string {
  const sentences = issues.slice(0, 8).map((i) => describeIssue(i, input, knownKeys));
  const more = issues.length > 8 ? ` (and ${issues.length - 8} more problem(s))` : '';
  return (
    `Invalid config ${source}: ${sentences.join('; ')}${more}. ` +
    'Fix the value in the file or override it with --set path=value; `seqsim config schema` prints every field with its type and default.'
  );
}
