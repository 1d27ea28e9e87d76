/** Restaking networks: who can corrupt which service, at what cost (Durvasula & Roughgarden 2025). */
export type { RestakingNetwork, RestakedService, Attack } from './types.js';
export { checkNetwork, stakeBehind } from './checkNetwork.js';
export { forEachCoalition, MAX_COALITION_VALIDATORS } from './coalitions.js';
export { securityReport, type SecurityReport } from './securityReport.js';
export { eigenLayerOvercollateralization } from './eigenLayerCondition.js';
export { worstCaseLoss, type CascadeLoss, MAX_CASCADE_VALIDATORS, MAX_CASCADE_SERVICES } from './worstCaseLoss.js';
