import type { ResolvedConfig } from '../config/kinds.js';
import { sha256 } from './integrity.js';

/** SHA-256 of a resolved config's JSON: the manifest's `config_sha256`, also stamped into checkpoints. */
export function configSha256(config: unknown): string {
  return sha256(JSON.stringify(config));
}

/**
 * SHA-256 of a market config with its length (`slots`) left out: what a checkpoint vouches it was
 * made under. The length is left out because `--resume --slots N` may raise it; every slot already
 * written is the same whatever the total.
 */
export function configSha256SansSlots(config: unknown): string {
  return configSha256({ ...(config as Record<string, unknown>), slots: null });
}

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
    config_sha256: configSha256(config),
    config,
  };
}
