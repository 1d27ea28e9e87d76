/**
 * An error in what the user gave us (a config, a flag, a file): printed as one paragraph with no
 * stack trace, exit code 2. Anything else that escapes is a bug and keeps its stack.
 */
export class UserInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    // Of bounded length, whatever text of the user's it quotes.
    super(message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 30)} … (message shortened)` : message);
    this.name = 'UserInputError';
  }
}

/** The longest message a UserInputError carries. */
export const MAX_MESSAGE_CHARS = 2000;

/** `text` cut to at most `max` characters (with `...`), for quoting user text in messages. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** `a.b[2].c` style rendering of a path into a config (long keys and deep paths shortened). */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole config)';
  const shown = path.length > 12 ? [...path.slice(0, 6), '…', ...path.slice(-5)] : path;
  const plain = (k: string) => /^[A-Za-z0-9_$-]+$/.test(k) || k === '…';
  return shown
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : !plain(String(k)) ? `[${JSON.stringify(clip(String(k), 40))}]` : i === 0 ? clip(String(k), 40) : `.${clip(String(k), 40)}`))
    .join('');
}

/** A compact JSON-like rendering of `value`, never deeper than `depth` levels nor longer than ~`max` characters. */
function render(value: unknown, depth: number, max: number): string {
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'string' ? JSON.stringify(clip(value, max)) : String(value);
    return clip(text, max);
  }
  if (depth <= 0) return Array.isArray(value) ? '[…]' : '{…}';
  const parts: string[] = [];
  let length = 2;
  const entries = Array.isArray(value) ? value.map((v) => [null, v] as const) : Object.entries(value).map(([k, v]) => [k, v] as const);
  for (const [k, v] of entries) {
    const part = (k === null ? '' : `${JSON.stringify(clip(k, 20))}:`) + render(v, depth - 1, 20);
    if (length + part.length > max) {
      parts.push('…');
      break;
    }
    parts.push(part);
    length += part.length + 1;
  }
  return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

/** A short, single-line rendering of a value the user gave, for error messages (safe for any depth). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  return render(value, 3, 60);
}

/** The deepest nesting a config may have (the schema needs about 6 levels; JSON tools break past a few thousand). */
export const MAX_CONFIG_DEPTH = 32;

/**
 * Throws a UserInputError naming where `raw` nests deeper than {@link MAX_CONFIG_DEPTH} levels
 * (checked iteratively, so no depth overflows the check itself).
 */
export function checkDepth(raw: unknown, source: string): void {
  const stack: { v: unknown; path: PropertyKey[] }[] = [{ v: raw, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= MAX_CONFIG_DEPTH)
      throw new UserInputError(`Invalid config ${source}: ${formatPath(path)} nests deeper than ${MAX_CONFIG_DEPTH} levels; no field of a config is nested that deep (\`seqsim config schema\` lists every field).`);
    for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, Array.isArray(v) ? Number(k) : k] });
  }
}
