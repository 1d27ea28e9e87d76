import { z } from 'zod';
import type { AnyMechanismDefinition } from './defineMechanism.js';
import { mechanisms, type MechanismName, type MechanismParamsByName } from './registry.js';

/** Each definition's `configSchema`, as a tuple (what `z.discriminatedUnion` needs). */
export type ConfigSchemasOf<T extends readonly unknown[]> = {
  -readonly [K in keyof T]: T[K] extends { readonly configSchema: infer C } ? C : never;
};

/**
 * The config union of a list of mechanism definitions: discriminated on `name`, each member the
 * mechanism's parameters (strict, with defaults) plus its `name`. An unknown name is reported on
 * `name` with the list's names as the alternatives.
 */
export function mechanismConfigUnion<
  const T extends readonly [AnyMechanismDefinition, ...AnyMechanismDefinition[]],
>(list: T) {
  return z.discriminatedUnion('name', list.map((m) => m.configSchema) as unknown as ConfigSchemasOf<T>);
}

/**
 * Config schema for a mechanism: a discriminated union on `name` whose other fields are the
 * mechanism's parameters (flat), each with its default, derived from the registry's `mechanisms`
 * list. Parameter errors carry the same messages as the zod-free `validate…Params` functions (both
 * come from `paramChecks.ts`); an unknown parameter is rejected with the mechanism's known ones.
 *
 * Example: `{ "name": "tullock", "alpha": 1 }`, `{ "name": "mev-burn", "committeeSize": 32 }`.
 */
export const mechanismConfigSchema = mechanismConfigUnion(mechanisms).describe(
  'The auction mechanism: `name` selects a registered mechanism, the other fields are its parameters.',
);

/** A parsed mechanism config (all defaults filled in). */
export type MechanismConfig = z.output<typeof mechanismConfigSchema>;
/** A mechanism config as written (parameters optional). */
export type MechanismConfigInput = z.input<typeof mechanismConfigSchema>;
/** The parsed config of mechanism `N`. */
export type MechanismConfigOf<N extends MechanismName> = Extract<MechanismConfig, { name: N }>;

// Compile-time checks: the schema covers exactly the registered names, and each config is a
// valid parameter object for its mechanism.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _namesMatch: Equal<MechanismConfig['name'], MechanismName> = true;
type ConfigFitsParams = {
  [N in MechanismName]: MechanismConfigOf<N> extends MechanismParamsByName[N] ? true : false;
}[MechanismName];
const _paramsFit: Equal<ConfigFitsParams, true> = true;

/** The default config of mechanism `name` (every parameter at its default). */
export function defaultMechanismConfig<N extends MechanismName>(name: N): MechanismConfigOf<N> {
  return mechanismConfigSchema.parse({ name }) as MechanismConfigOf<N>;
}
