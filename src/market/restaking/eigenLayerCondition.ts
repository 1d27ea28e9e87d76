import { checkNetwork, stakeBehind } from './checkNetwork.js';
import type { RestakingNetwork } from './types.js';

/**
 * The largest γ for which the per-validator sufficient condition holds (EigenLayer's check, as
 * stated by Durvasula & Roughgarden 2025, §3): for every validator v with stake,
 *   Σ_{s ∈ N(v)} (σ_v / σ(N(s))) · π_s / α_s ≤ σ_v / (1 + γ),
 * i.e. γ* = min_v 1 / (Σ_{s∈N(v)} π_s / (α_s σ(N(s)))) − 1. It implies γ-overcollateralization:
 * for a valid attack (A, B), π(B) ≤ Σ_{s∈B} π_s σ(A∩N(s)) / (α_s σ(N(s))) = Σ_{v∈A} σ_v Σ_{s∈B∩N(v)}
 * π_s / (α_s σ(N(s))) ≤ σ(A) / (1 + γ). Polynomial time, so it serves where the exhaustive search
 * cannot (more than 20 validators). Infinity when no validator backs a service with profit; −1
 * when a service with profit has no stake behind it.
 */
export function eigenLayerOvercollateralization(net: RestakingNetwork): number {
  checkNetwork(net);
  const behind = stakeBehind(net);
  // A service with profit and no stake behind it is taken for free: no γ > −1 holds.
  if (net.services.some((s, i) => s.profit > 0 && !(behind[i]! > 0))) return -1;
  let worst = 0; // max over validators of Σ π_s / (α_s σ(N(s)))
  net.restakedTo.forEach((edges, v) => {
    if (!(net.stakes[v]! > 0)) return;
    let load = 0;
    for (const s of edges) load += net.services[s]!.profit / (net.services[s]!.threshold * behind[s]!);
    worst = Math.max(worst, load);
  });
  return worst > 0 ? 1 / worst - 1 : Infinity;
}
