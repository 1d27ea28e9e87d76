import { checkNetwork } from './checkNetwork.js';
import { forEachCoalition, indicesOf, profitOf } from './coalitions.js';
import type { Attack, RestakingNetwork } from './types.js';

/** How well a restaking network's stake covers what its services can lose (exact, by exhaustive search). */
export interface SecurityReport {
  /** No valid attack is profitable: every coalition's stake exceeds the profit of all it controls. */
  readonly secure: boolean;
  /**
   * γ = min over valid attacks with π(B) > 0 of σ(A)/π(B) − 1: the network is γ-overcollateralized
   * (Durvasula & Roughgarden 2025, Def. 3.1). Infinity when no coalition controls anything of value.
   */
  readonly overcollateralization: number;
  /**
   * min over valid attacks (B ≠ ∅) of σ(A) − π(B), in the stake's unit: cost of corruption less
   * profit from it, at its tightest. Infinity only for a network without services.
   */
  readonly margin: number;
  /** The attack achieving `margin` (null for a network without services). */
  readonly tightest: Attack | null;
}

/**
 * Checks a restaking network for profitable attacks. A coalition attacks every service it controls
 * (more services only add profit), so the search visits each coalition once: 2^|V| coalitions.
 * Cost of corruption = the coalition's stake at risk σ(A); profit from corruption = π(B). The network
 * is secure when σ(A) > π(B) for every valid attack (an attack with π(B) ≥ σ(A) is profitable).
 * @throws RangeError for a malformed network or more than 20 validators.
 */
export function securityReport(net: RestakingNetwork): SecurityReport {
  checkNetwork(net);
  let margin = Infinity;
  let ratio = Infinity;
  let tightest: Attack | null = null;
  const attacks = controllingCoalitions(net);
  for (let k = 0; k < attacks.members.length; k++) {
    const members = attacks.members[k]!;
    const cost = attacks.cost[k]!;
    const controlled = attacks.controlled[k]!;
    const profit = profitOf(net, controlled);
    if (profit > 0) ratio = Math.min(ratio, cost / profit);
    if (cost - profit < margin) {
      margin = cost - profit;
      tightest = { validators: indicesOf(members, net.stakes.length), services: indicesOf(controlled, net.services.length), cost, profit };
    }
  }
  return { secure: margin > 0, overcollateralization: ratio - 1, margin, tightest };
}

/** The coalitions that control at least one service, in `forEachCoalition`'s order: members and controlled services as bit masks, σ(A). */
interface ControllingCoalitions {
  readonly members: number[];
  readonly cost: number[];
  readonly controlled: number[];
}

/** The last few networks' controlling coalitions, by shape (what `forEachCoalition` reads: stakes, thresholds, edges; not profits). */
const byShape = new Map<string, ControllingCoalitions>();
const SHAPES_KEPT = 8;

/**
 * The coalitions of `net` that control something. They do not depend on the services' profits, which
 * change every epoch in the market model while the stakes and edges rarely do: the search runs once
 * per shape (the same sums in the same order, so the same costs), and each report reads the profits.
 */
function controllingCoalitions(net: RestakingNetwork): ControllingCoalitions {
  // String(x) round-trips every double, so equal keys mean equal inputs.
  const key = `${net.stakes.join(',')}|${net.services.map((s) => s.threshold).join(',')}|${net.restakedTo.map((e) => e.join('.')).join(';')}`;
  let found = byShape.get(key);
  if (found === undefined) {
    const c: ControllingCoalitions = { members: [], cost: [], controlled: [] };
    forEachCoalition(net, (members, cost, controlled) => {
      if (controlled === 0) return;
      c.members.push(members);
      c.cost.push(cost);
      c.controlled.push(controlled);
    });
    if (byShape.size >= SHAPES_KEPT) byShape.clear();
    byShape.set(key, (found = c));
  }
  return found;
}
