import { checkNetwork } from './checkNetwork.js';
import { forEachCoalition, indicesOf, profitOf } from './coalitions.js';
import type { RestakingNetwork } from './types.js';

/** Most validators {@link worstCaseLoss} accepts: it searches every shock and every cascade. */
export const MAX_CASCADE_VALIDATORS = 10;
/** Most services {@link worstCaseLoss} accepts. */
export const MAX_CASCADE_SERVICES = 5;

/** The worst a shock can set off (Durvasula & Roughgarden 2025, §2: R_ψ(G)). */
export interface CascadeLoss {
  /** Stake lost, shock included, as a fraction of the network's total stake. */
  readonly fraction: number;
  /** Validators removed by the shock (indices). */
  readonly shock: readonly number[];
  /** The attacks that follow, in order: each valid and profitable in the network left by those before it. */
  readonly attacks: readonly { readonly validators: readonly number[]; readonly services: readonly number[] }[];
}

/**
 * R_ψ(G): the largest fraction of the total stake that can be lost when a shock removes validators
 * holding at most ψ of the total stake and then, one after another, coalitions of the remaining
 * validators attack: an attack (A, B) is valid when A holds at least α_s of the stake still restaked
 * to each s ∈ B, profitable when π(B) ≥ σ(A); its validators are slashed (their stake lost) and its
 * services are gone. Exhaustive (every shock, every B ⊆ what A controls, memoised on what is left),
 * so for small networks only — a measure and a check of the bound R_ψ(G) < (1 + 1/γ)ψ for
 * γ-overcollateralized networks (Durvasula & Roughgarden 2025, Thm. 3.2).
 * @param psi the shock's size, a fraction of the total stake in [0, 1].
 * @throws RangeError for more than {@link MAX_CASCADE_VALIDATORS} validators or {@link MAX_CASCADE_SERVICES} services.
 */
export function worstCaseLoss(net: RestakingNetwork, psi: number): CascadeLoss {
  checkNetwork(net);
  if (!(psi >= 0 && psi <= 1)) throw new RangeError(`psi must be in [0, 1], got ${psi}`);
  const nV = net.stakes.length;
  const nS = net.services.length;
  if (nV > MAX_CASCADE_VALIDATORS || nS > MAX_CASCADE_SERVICES) throw new RangeError(`worstCaseLoss takes at most ${MAX_CASCADE_VALIDATORS} validators and ${MAX_CASCADE_SERVICES} services`);
  const total = net.stakes.reduce((a, b) => a + b, 0);
  const allV = 2 ** nV - 1;
  const allS = 2 ** nS - 1;
  const stakeOf = (mask: number) => indicesOf(mask, nV).reduce((a, v) => a + net.stakes[v]!, 0);
  type Plan = { lost: number; attacks: { validators: number; services: number }[] };
  const memo = new Map<number, Plan>();
  const cascade = (aliveV: number, aliveS: number): Plan => {
    const key = aliveV * 2 ** nS + aliveS;
    const known = memo.get(key);
    if (known) return known;
    let best: Plan = { lost: 0, attacks: [] };
    const options: { members: number; cost: number; controlled: number }[] = [];
    forEachCoalition(net, (members, cost, controlled) => { if (controlled !== 0) options.push({ members, cost, controlled }); }, aliveV, aliveS);
    for (const { members, cost, controlled } of options) {
      // every non-empty B ⊆ controlled (a smaller B can leave services for later attacks)
      for (let b = controlled; b > 0; b = (b - 1) & controlled) {
        if (profitOf(net, b) < cost) continue;
        const rest = cascade(aliveV & ~members, aliveS & ~b);
        if (cost + rest.lost > best.lost) {
          best = { lost: cost + rest.lost, attacks: [{ validators: members, services: b }, ...rest.attacks] };
        }
      }
    }
    memo.set(key, best);
    return best;
  };
  let worst: CascadeLoss = { fraction: 0, shock: [], attacks: [] };
  for (let shock = 0; shock <= allV; shock += 1) {
    const shocked = stakeOf(shock);
    if (shocked > psi * total * (1 + 1e-12)) continue;
    const plan = cascade(allV & ~shock, allS);
    const fraction = total > 0 ? (shocked + plan.lost) / total : 0;
    if (fraction > worst.fraction) {
      worst = {
        fraction,
        shock: indicesOf(shock, nV),
        attacks: plan.attacks.map((a) => ({ validators: indicesOf(a.validators, nV), services: indicesOf(a.services, nS) })),
      };
    }
  }
  return worst;
}
