import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserInputError } from './errors.js';
import { formatIssues } from './formatIssues.js';
import { applySet } from './overrides.js';
import { withoutSchemaKey } from './schemaKey.js';
import { configKinds, type ConfigKind, type ResolvedConfig } from './kinds.js';
import type { MarketConfig } from './schema.js';

/** Reads and JSON-parses a config file, turning a missing or unparsable file into a clear error. */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : String(code ?? err);
    throw new UserInputError(`Cannot read config file "${path}": ${why}. Check the path (configs/baseline.json is the default scenario).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UserInputError(`Config file "${path}" is not valid JSON: ${(err as Error).message}. Fix the syntax (JSON allows no comments or trailing commas).`);
  }
}

function kindOf(raw: unknown, source: string): ConfigKind {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new UserInputError(`Invalid config ${source}: the top level must be a JSON object, but got ${Array.isArray(raw) ? 'a list' : typeof raw}.`);
  const kind = (raw as { kind?: unknown }).kind ?? 'market';
  if (typeof kind !== 'string' || !(kind in configKinds))
    throw new UserInputError(
      `Invalid config ${source}: kind must be one of ${Object.keys(configKinds).map((k) => `"${k}"`).join(', ')}, but got ${JSON.stringify(kind)}.`,
    );
  return kind as ConfigKind;
}

function parseWith(schema: z.ZodType, raw: unknown, source: string): unknown {
  const result = schema.safeParse(raw);
  if (!result.success) throw new UserInputError(formatIssues(source, result.error.issues, raw));
  return result.data;
}

/**
 * Validates a raw config, fills defaults, applies `--set` overrides to the filled config (so any
 * field with a default can be overridden) and validates again. The editor-only `$schema` key is
 * validated and then dropped, so it changes neither the resolved config nor its hash.
 */
export function resolveConfig(raw: unknown, opts: { source?: string; sets?: readonly string[] } = {}): ResolvedConfig {
  const source = opts.source ?? '(inline config)';
  const kind = kindOf(raw, source);
  const schema = configKinds[kind] as z.ZodType;
  let config = withoutSchemaKey(parseWith(schema, raw, source));
  const sets = opts.sets ?? [];
  if (sets.length > 0) {
    for (const s of sets) config = applySet(config, s);
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
