import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/kinds.js';

/**
 * The `manifest.json` of a run: the resolved config with its SHA-256, the seed, the run's length and
 * the seqsim and Node versions. No wall clock, so two runs of one config match byte for byte.
 */
export function runManifest(config: ResolvedConfig, versions: { seqsim: string; node: string }): Record<string, unknown> {
  return {
    seqsim_version: versions.seqsim,
    node_version: versions.node,
    kind: config.kind,
    seed: config.seed,
    ...(config.kind === 'bidding-war' ? { auctions: config.auctions } : { slots: config.slots }),
    config_sha256: createHash('sha256').update(JSON.stringify(config)).digest('hex'),
    config,
  };
}
