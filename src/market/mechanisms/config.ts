import { z } from 'zod';
import { allPayParamsSchema } from './allPay.js';
import { blockAuctionParamsSchema } from './blockAuction.js';
import { executionTicketsParamsSchema } from './executionTickets.js';
import { firstPriceParamsSchema } from './firstPrice.js';
import { mevBurnParamsSchema } from './mevBurn.js';
import { mevSmoothingParamsSchema } from './mevSmoothing.js';
import { orderFlowAuctionParamsSchema } from './orderFlowAuction.js';
import { partialBlockParamsSchema } from './partialBlock.js';
import { secondPriceParamsSchema } from './secondPrice.js';
import { slotAuctionParamsSchema } from './slotAuction.js';
import { tullockParamsSchema } from './tullock.js';
import type { MechanismName, MechanismParamsByName } from './registry.js';

/**
 * Config schema for a mechanism: a discriminated union on `name` whose other fields are the
 * mechanism's parameters (flat), each with its default. Parameter errors carry the same messages
 * as the zod-free `validate…Params` functions (both come from `paramChecks.ts`).
 *
 * Example: `{ "name": "tullock", "alpha": 1 }`, `{ "name": "mev-burn", "committeeSize": 32 }`.
 */
export const mechanismConfigSchema = z.discriminatedUnion('name', [
  firstPriceParamsSchema.extend({ name: z.literal('first-price') }),
  secondPriceParamsSchema.extend({ name: z.literal('second-price') }),
  allPayParamsSchema.extend({ name: z.literal('all-pay') }),
  tullockParamsSchema.extend({ name: z.literal('tullock') }),
  executionTicketsParamsSchema.extend({ name: z.literal('execution-tickets') }),
  mevBurnParamsSchema.extend({ name: z.literal('mev-burn') }),
  mevSmoothingParamsSchema.extend({ name: z.literal('mev-smoothing') }),
  partialBlockParamsSchema.extend({ name: z.literal('partial-block') }),
  slotAuctionParamsSchema.extend({ name: z.literal('slot-auction') }),
  blockAuctionParamsSchema.extend({ name: z.literal('block-auction') }),
  orderFlowAuctionParamsSchema.extend({ name: z.literal('order-flow-auction') }),
]);

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
