import { createHash } from 'node:crypto';
import type { MarketConfig } from '../config/schema.js';

/** The `manifest.json` of one market run, with the same fields `seqsim run` writes. */
export function marketRunManifest(config: MarketConfig, seqsimVersion: string, nodeVersion: string): Record<string, unknown> {
  return {
    seqsim_version: seqsimVersion,
    node_version: nodeVersion,
    kind: config.kind,
    seed: config.seed,
    slots: config.slots,
    config_sha256: createHash('sha256').update(JSON.stringify(config)).digest('hex'),
    config,
  };
}
