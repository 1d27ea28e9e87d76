/**
 * An error in what the user gave us (a config, a flag, a file): printed as one paragraph with no
 * stack trace, exit code 2. Anything else that escapes is a bug and keeps its stack.
 */
export class UserInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** `a.b[2].c` style rendering of a path into a config. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole config)';
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

/** A short, single-line rendering of a value the user gave, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
