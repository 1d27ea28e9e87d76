import { allPay } from './allPay.js';
import { apsBurn } from './apsBurn.js';
import { blockAuction } from './blockAuction.js';
import type { AnyMechanismDefinition, ParamsOf } from './defineMechanism.js';
import { executionTickets } from './executionTickets.js';
import { firstPrice } from './firstPrice.js';
import { mevBurn } from './mevBurn.js';
import { mevSmoothing } from './mevSmoothing.js';
import { orderFlowAuction } from './orderFlowAuction.js';
import { partialBlock } from './partialBlock.js';
import { secondPrice } from './secondPrice.js';
import { slotAuction } from './slotAuction.js';
import { tullock } from './tullock.js';
import type { Mechanism } from './types.js';

/**
 * Every registered mechanism, in the order they are listed (in `seqsim config schema`, in
 * `seqsim validate`, …). Adding a mechanism is one file exporting `defineMechanism({...})` plus
 * one entry here (docs/extending-mechanisms.md); everything below and the config union
 * (`mechanismConfigSchema`) derive from this list.
 */
export const mechanisms = [
  firstPrice,
  secondPrice,
  allPay,
  tullock,
  executionTickets,
  mevBurn,
  mevSmoothing,
  partialBlock,
  slotAuction,
  apsBurn,
  blockAuction,
  orderFlowAuction,
] as const;

/** The registered definitions, as a union. */
export type RegisteredMechanism = (typeof mechanisms)[number];

/** The `name` of each element of a tuple of definitions, as a tuple of string literals. */
export type NamesOf<T extends readonly AnyMechanismDefinition[]> = {
  readonly [K in keyof T]: T[K] extends { readonly name: infer N } ? N : never;
};

/**
 * Names of every registered mechanism, as a readonly tuple of string literals (usable as
 * `z.enum(mechanismNames)`), in registry order.
 */
export const mechanismNames = mechanisms.map((m) => m.name) as unknown as NamesOf<typeof mechanisms>;

/** A registered mechanism's name. */
export type MechanismName = RegisteredMechanism['name'];

/** The registered definition named `N` (with its summary and zod schemas). */
export type MechanismDefinitionOf<N extends MechanismName> = Extract<RegisteredMechanism, { name: N }>;

/** Each mechanism's parameter object, by name. */
export type MechanismParamsByName = {
  [M in RegisteredMechanism as M['name']]: ParamsOf<M['params']>;
};

/** The mechanism registered under `N`, typed with its own parameters. */
export type MechanismOf<N extends MechanismName> = Mechanism<MechanismParamsByName[N]>;

const registry = new Map<string, RegisteredMechanism>();
for (const m of mechanisms) {
  if (registry.has(m.name)) throw new Error(`mechanism "${m.name}" is registered twice`);
  registry.set(m.name, m);
}

/** True if `name` is a registered mechanism name. */
export function isMechanismName(name: string): name is MechanismName {
  return registry.has(name);
}

/**
 * The mechanism registered under `name`. Throws a RangeError (an Error) listing the known names
 * when `name` is not registered. For a parsed config of unknown name, see `runMechanism`.
 */
export function getMechanism<N extends MechanismName>(name: N): MechanismOf<N>;
export function getMechanism(name: string): MechanismOf<MechanismName>;
export function getMechanism(name: string): MechanismOf<MechanismName> {
  const mechanism = registry.get(name);
  if (mechanism === undefined) {
    throw new RangeError(
      `unknown mechanism "${name}"; known mechanisms: ${mechanismNames.join(', ')}`,
    );
  }
  return mechanism;
}
