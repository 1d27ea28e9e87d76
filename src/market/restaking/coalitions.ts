import type { RestakingNetwork } from './types.js';

/** Relative slack on the threshold test, so that σ(A ∩ N(s)) = α·σ(N(s)) up to rounding counts as control. */
const SLACK = 1e-12;

/** Most validators an exhaustive search over coalitions accepts (2^20 ≈ 10^6 coalitions). */
export const MAX_COALITION_VALIDATORS = 20;
/** Most services a coalition's control set can name (a 30-bit mask). */
export const MAX_SERVICES = 30;

/**
 * Calls `visit(members, cost, controlled)` for every coalition of the `alive` validators (the empty
 * one included): `members` and `controlled` are bit masks of validators and of the `aliveServices`
 * the coalition controls — it holds at least `threshold` of the alive stake restaked to them
 * (Durvasula & Roughgarden 2025, Def. 2.1: a valid attack on B needs σ(A ∩ N(s)) ≥ α_s σ(N(s)) for
 * every s ∈ B). A service with no alive stake behind it is controlled by every coalition. Sums run
 * over validators in index order along the search path, so results do not depend on the platform.
 * @throws RangeError with more than {@link MAX_COALITION_VALIDATORS} alive validators or more than
 *   {@link MAX_SERVICES} services.
 */
export function forEachCoalition(
  net: RestakingNetwork,
  visit: (members: number, cost: number, controlled: number) => void,
  alive: number = 2 ** Math.min(net.stakes.length, 31) - 1,
  aliveServices: number = net.services.length === 0 ? 0 : 2 ** net.services.length - 1,
): void {
  if (net.stakes.length > MAX_SERVICES) throw new RangeError(`coalitions are bit masks of at most ${MAX_SERVICES} validators, got ${net.stakes.length}`);
  if (net.services.length > MAX_SERVICES) throw new RangeError(`at most ${MAX_SERVICES} services, got ${net.services.length}`);
  const order = net.stakes.map((_, v) => v).filter((v) => (alive >>> v) & 1);
  if (order.length > MAX_COALITION_VALIDATORS) throw new RangeError(`an exhaustive search takes at most ${MAX_COALITION_VALIDATORS} validators, got ${order.length}`);
  const behind = net.services.map(() => 0);
  for (const v of order) for (const s of net.restakedTo[v]!) behind[s]! += net.stakes[v]!;
  const need = net.services.map((svc, s) => svc.threshold * behind[s]! * (1 - SLACK));
  const held: Float64Array[] = order.map(() => new Float64Array(net.services.length));
  held.push(new Float64Array(net.services.length));
  const descend = (depth: number, members: number, cost: number): void => {
    const at = held[depth]!;
    if (depth === order.length) {
      let controlled = 0;
      for (let s = 0; s < net.services.length; s += 1) if ((aliveServices >>> s) & 1 && at[s]! >= need[s]!) controlled |= 1 << s;
      visit(members, cost, controlled);
      return;
    }
    const next = held[depth + 1]!;
    next.set(at);
    descend(depth + 1, members, cost);
    const v = order[depth]!;
    next.set(at);
    for (const s of net.restakedTo[v]!) next[s]! += net.stakes[v]!;
    descend(depth + 1, members | (1 << v), cost + net.stakes[v]!);
  };
  descend(0, 0, 0);
}

/** Total profit π(B) of the services in a bit mask. */
export function profitOf(net: RestakingNetwork, services: number): number {
  let total = 0;
  for (let s = 0; s < net.services.length; s += 1) if ((services >>> s) & 1) total += net.services[s]!.profit;
  return total;
}

/** The indices set in a bit mask, ascending. */
export function indicesOf(mask: number, size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i += 1) if ((mask >>> i) & 1) out.push(i);
  return out;
}
