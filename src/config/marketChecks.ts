import type { z } from 'zod';
import type { MarketShape } from './schema.js';

/* Cross-field checks of a market config that need several of its fields (schema.ts applies them). */

/** Timeboost's parameters: only on a timeboost rollup, and a round at least a slot long with its auction closing inside the previous round. */
export function checkTimeboost(cfg: MarketShape, ctx: z.RefinementCtx): void {
  cfg.rollups.forEach((r, i) => {
    const at = (...path: string[]) => ['rollups', i, 'timeboost', ...path];
    if (r.timeboost === undefined) return;
    if (r.ordering !== 'timeboost') {
      ctx.addIssue({ code: 'custom', path: at(), message: `Timeboost's parameters are read only under \`ordering: "timeboost"\`, but this rollup's ordering is "${r.ordering}"; set rollups.${i}.ordering to "timeboost" or remove rollups.${i}.timeboost` });
      return;
    }
    const { roundSeconds, closingSeconds } = r.timeboost;
    if (roundSeconds * 1000 < cfg.clock.slotMs)
      ctx.addIssue({ code: 'custom', path: at('roundSeconds'), message: `a round of ${roundSeconds} s is shorter than a slot (clock.slotMs = ${cfg.clock.slotMs} ms): control changes at most once a slot; make roundSeconds at least ${cfg.clock.slotMs / 1000}` });
    if (closingSeconds >= roundSeconds)
      ctx.addIssue({ code: 'custom', path: at('closingSeconds'), message: `the auction must close within the round before (closingSeconds < roundSeconds = ${roundSeconds}), but got ${closingSeconds}` });
  });
}

/** The config's work within `limits`: each excess named with the limit that would allow it. */
export function checkLimits(cfg: MarketShape, ctx: z.RefinementCtx): void {
  const l = cfg.limits;
  const over = (path: (string | number)[], what: string, limit: keyof typeof l) =>
    ctx.addIssue({ code: 'custom', path, message: `${what}, more than limits.${limit} (${l[limit]}) allows; if you mean it, raise limits.${limit} deliberately (the run's time and memory grow with it)` });
  const agents = cfg.searchers.length + cfg.builders.length + cfg.validators.length;
  if (agents > l.maxAgents) over(['searchers'], `${agents} agents (searchers + builders + validators)`, 'maxAgents');
  if (cfg.rollups.length > l.maxRollups) over(['rollups'], `${cfg.rollups.length} rollups`, 'maxRollups');
  cfg.rollups.forEach((r, i) => {
    if (r.users.arrivalsPerSlot > l.maxArrivalsPerSlot) over(['rollups', i, 'users', 'arrivalsPerSlot'], `${r.users.arrivalsPerSlot} user arrivals per slot`, 'maxArrivalsPerSlot');
  });
  const committees: [(string | number)[], number | undefined][] = [
    [['mechanism', 'committeeSize'], (cfg.mechanism as { committeeSize?: number }).committeeSize],
    [['revenueSharing', 'reporting', 'detection', 'committee', 'committeeSize'], cfg.revenueSharing.reporting.detection.committee?.committeeSize],
  ];
  for (const [path, size] of committees) if (size !== undefined && size > l.maxCommitteeSize) over(path, `a committee of ${size}`, 'maxCommitteeSize');
  if (cfg.slots * cfg.rollups.length > l.maxTableRows) over(['slots'], `${cfg.slots} slots × ${cfg.rollups.length} rollups of table rows`, 'maxTableRows');
}
