import { z } from 'zod';

/**
 * The optional top-level `"$schema"` key of a config file, which points editors at the JSON Schema
 * (`docs/reference/config.schema.json`) so they complete and check the file. Every config kind
 * accepts it; `resolveConfig` drops it after validation, so it changes no output or hash.
 */
export const schemaKeyField = () =>
  z
    .string()
    .optional()
    .describe('Path or URL of the JSON Schema that editors use to complete and check this file (e.g. "../docs/reference/config.schema.json"). Ignored by the model: dropped on loading, it changes no output.');

/** `config` without its top-level `$schema` key (the same object when it has none). */
export function withoutSchemaKey<T>(config: T): T {
  if (config === null || typeof config !== 'object' || !('$schema' in config)) return config;
  const { $schema: _dropped, ...rest } = config as Record<string, unknown>;
  return rest as T;
}
