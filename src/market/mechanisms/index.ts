/** Public surface of the mechanism library (DESIGN.md §5). */
export type { Allocation, Bid, Mechanism, Payments, Source } from './types.js';
export { validateBids } from './validateBids.js';
export * from './paramChecks.js';
export { defineMechanism } from './defineMechanism.js';
export type {
  AnyMechanismDefinition,
  MechanismDefinition,
  MechanismSpec,
  ParamsOf,
  ParamsSchema,
} from './defineMechanism.js';
export { mechanisms, mechanismNames, getMechanism, isMechanismName } from './registry.js';
export type {
  MechanismDefinitionOf,
  MechanismName,
  MechanismOf,
  MechanismParamsByName,
  RegisteredMechanism,
} from './registry.js';
export { mechanismConfigSchema, defaultMechanismConfig } from './config.js';
export type { MechanismConfig, MechanismConfigInput, MechanismConfigOf } from './config.js';
export { runMechanism, type MechanismOutcome } from './runMechanism.js';
export * from './firstPrice.js';
export * from './secondPrice.js';
export * from './allPay.js';
export * from './tullock.js';
export * from './executionTickets.js';
export * from './ticketLedger.js';
export * from './committee.js';
export * from './mevBurn.js';
export * from './mevSmoothing.js';
export * from './partialBlock.js';
export * from './slotAuction.js';
export * from './blockAuction.js';
export * from './orderFlowAuction.js';
