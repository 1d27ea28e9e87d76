import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { checkDepth, describeValue, UserInputError } from './errors.js';
import { knownKeysAt } from './knownKeys.js';
import { formatIssues } from './formatIssues.js';
import { applySet } from './overrides.js';
import { withoutSchemaKey } from './schemaKey.js';
import { configKinds, type ConfigKind, type ResolvedConfig } from './kinds.js';
import type { MarketConfig } from './schema.js';

/** 1-based line and column of character `pos` in `text`. */
function lineColumn(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Where a `JSON.parse` error points in `text`: the position V8 reports ("at position 12", or
 * "(line 2 column 5)"), else the end of the text (unexpected end of input).
 */
function errorPosition(text: string, message: string): number {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    const line = Math.min(Number(lc[1]), lines.length);
    return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
  }
  const at = /at position (\d+)/.exec(message);
  return at ? Math.min(Number(at[1]), text.length) : text.length;
}

/**
 * Parses JSON text, turning a syntax error into a UserInputError that names the line and column and
 * shows the offending line with a caret under the spot. `what` names the file (`Config file "x.json"`).
 */
export function parseJsonText(text: string, what: string, fix = 'Fix the syntax (JSON allows no comments or trailing commas).'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = (err as Error).message.replace(/\s*\n[\s\S]*$/, '');
    const pos = errorPosition(text, message);
    const { line, column } = lineColumn(text, pos);
    const source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
    // Long lines are shown around the spot only.
    const from = Math.max(0, column - 60);
    const shown = (from > 0 ? '…' : '') + source.slice(from, from + 120);
    const caret = ' '.repeat(column - 1 - from + (from > 0 ? 1 : 0)) + '^';
    throw new UserInputError(`${what} is not valid JSON at line ${line}, column ${column}: ${message}. ${fix}\n  ${line} | ${shown}\n  ${' '.repeat(String(line).length)} | ${caret}`);
  }
}

/** Reads and JSON-parses a config file, turning a missing or unparsable file into a clear error. */
export function readConfigFile(path: string, what = 'Config file'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : String(code ?? err);
    throw new UserInputError(`Cannot read ${what.toLowerCase()} "${path}": ${why}. Check the path (configs/baseline.json is the default scenario).`);
  }
  return parseJsonText(text, `${what} "${path}"`);
}

function kindOf(raw: unknown, source: string): ConfigKind {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new UserInputError(`Invalid config ${source}: the top level must be a JSON object, but got ${Array.isArray(raw) ? 'a list' : typeof raw}.`);
  const kind = (raw as { kind?: unknown }).kind ?? 'market';
  if (typeof kind !== 'string' || !Object.hasOwn(configKinds, kind))
    throw new UserInputError(
      `Invalid config ${source}: kind must be one of ${Object.keys(configKinds).map((k) => `"${k}"`).join(', ')}, but got ${describeValue(kind)}.`,
    );
  return kind as ConfigKind;
}

const inputSchemas = new Map<z.ZodType, Record<string, unknown>>();

/** The JSON Schema (input side) of `schema`, computed once: what unknown-field messages list. */
function inputSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let json = inputSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    inputSchemas.set(schema, json);
  }
  return json;
}

function parseWith(schema: z.ZodType, raw: unknown, source: string): unknown {
  const result = schema.safeParse(raw);
  if (!result.success) throw new UserInputError(formatIssues(source, result.error.issues, raw, (path) => knownKeysAt(inputSchemaOf(schema), raw, path)));
  return result.data;
}

/**
 * Validates a raw config, fills defaults, applies `--set` overrides to the filled config (so any
 * field with a default can be overridden) and validates again. The editor-only `$schema` key is
 * validated and then dropped, so it changes neither the resolved config nor its hash.
 */
export function resolveConfig(raw: unknown, opts: { source?: string; sets?: readonly string[] } = {}): ResolvedConfig {
  const source = opts.source ?? '(inline config)';
  checkDepth(raw, source);
  const kind = kindOf(raw, source);
  const schema = configKinds[kind] as z.ZodType;
  let config = withoutSchemaKey(parseWith(schema, raw, source));
  const sets = opts.sets ?? [];
  if (sets.length > 0) {
    for (const s of sets) config = applySet(config, s, (path) => knownKeysAt(inputSchemaOf(schema), config, path));
    config = parseWith(schema, config, `${source} after --set ${sets.join(' ')}`);
  }
  return config as ResolvedConfig;
}

/** Reads, validates and resolves a config file. */
export function loadConfig(path: string, sets: readonly string[] = []): ResolvedConfig {
  return resolveConfig(readConfigFile(path), { source: `"${path}"`, sets });
}

/** The JSON Schema of one config kind, titled by its kind (no `$schema` of its own: it is nested). */
function kindJsonSchema(kind: ConfigKind): Record<string, unknown> {
  const { $schema: _nested, ...schema } = z.toJSONSchema(configKinds[kind] as z.ZodType, { io: 'input', unrepresentable: 'any' });
  return { title: `${kind} config`, ...schema };
}

/**
 * JSON Schema of every config kind (input side: defaults shown, fields optional where defaulted),
 * one `oneOf` branch per kind; every property carries a description. Committed as
 * `docs/reference/config.schema.json` for editors (`npm run docs`).
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'seqsim config',
    description: 'A seqsim config file: a market simulation (`kind` "market", the default) or a mev-boost bidding war (`kind` "bidding-war").',
    oneOf: (Object.keys(configKinds) as ConfigKind[]).map(kindJsonSchema),
  };
}

/** Resolves a config that must be a market simulation (the library API and most tests). */
export function resolveMarketConfig(raw: unknown, opts: { source?: string; sets?: readonly string[] } = {}): MarketConfig {
  const config = resolveConfig(raw, opts);
  if (config.kind !== 'market')
    throw new UserInputError(`Config ${opts.source ?? '(inline config)'} is of kind "${config.kind}", but a market simulation config is needed here.`);
  return config;
}
