import { biddingWarConfigSchema, type BiddingWarConfig } from './biddingWarSchema.js';
import { marketConfigSchema, type MarketConfig } from './schema.js';

/** Every kind of config `seqsim run` accepts, selected by the top-level `kind` field. */
export const configKinds = {
  market: marketConfigSchema,
  'bidding-war': biddingWarConfigSchema,
} as const;

export type ConfigKind = keyof typeof configKinds;
export type ResolvedConfig = MarketConfig | BiddingWarConfig;
