import type { RestakingNetwork } from './types.js';

/**
 * Checks a network's shape: stakes and profits finite and ≥ 0, thresholds in (0, 1], edges naming
 * services that exist.
 * @throws RangeError naming the first violated condition.
 */
export function checkNetwork(net: RestakingNetwork): void {
  if (net.restakedTo.length !== net.stakes.length) throw new RangeError(`restakedTo has ${net.restakedTo.length} entries for ${net.stakes.length} validators`);
  net.stakes.forEach((s, v) => {
    if (!(Number.isFinite(s) && s >= 0)) throw new RangeError(`validator ${v}'s stake must be finite and >= 0, got ${s}`);
  });
  net.services.forEach((s, i) => {
    if (!(Number.isFinite(s.profit) && s.profit >= 0)) throw new RangeError(`service ${i}'s profit must be finite and >= 0, got ${s.profit}`);
    if (!(s.threshold > 0 && s.threshold <= 1)) throw new RangeError(`service ${i}'s threshold must be in (0, 1], got ${s.threshold}`);
  });
  net.restakedTo.forEach((edges, v) => {
    for (const s of edges) if (!Number.isInteger(s) || s < 0 || s >= net.services.length) throw new RangeError(`validator ${v} restakes to unknown service ${s}`);
  });
}

/** Stake restaked to each service, σ(N(s)), counting only the validators in `alive` (all when absent). */
export function stakeBehind(net: RestakingNetwork, alive?: (v: number) => boolean): number[] {
  const behind = net.services.map(() => 0);
  net.restakedTo.forEach((edges, v) => {
    if (alive && !alive(v)) return;
    for (const s of edges) behind[s]! += net.stakes[v]!;
  });
  return behind;
}
