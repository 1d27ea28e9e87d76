import type { Arbitrary } from 'fast-check';

export interface FuzzCase {
  /** The generated config (JSON-able; deep nesting is a marker string, see checkCase.expandDeep). */
  readonly config: Record<string, unknown>;
  /** How it was made: the base file and the mutations, or a one-line description of a scratch config. */
  readonly label: string;
}
export interface ShippedConfig {
  readonly file: string;
  readonly kind: string;
  readonly config: Record<string, unknown>;
}
export function shippedConfigs(): ShippedConfig[];
export const specialIds: readonly string[];
export function deepNesting(depth: number): string;
export const weirdValue: Arbitrary<unknown>;
export function applyMutation(config: unknown, m: { op: string } & Record<string, unknown>): [unknown, string];
export function mutatedConfig(kinds?: readonly string[]): Arbitrary<FuzzCase>;
export function mechanismArb(names: readonly string[]): Arbitrary<Record<string, unknown>>;
export function scratchConfig(mechanismNames: readonly string[]): Arbitrary<FuzzCase>;
export function anyConfig(mechanismNames: readonly string[]): Arbitrary<FuzzCase>;
