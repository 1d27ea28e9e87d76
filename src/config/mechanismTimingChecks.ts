import type { z } from 'zod';
import { getMechanism } from '../market/mechanisms/registry.js';
import type { Mechanism } from '../market/mechanisms/types.js';
import type { MechanismConfig } from '../market/mechanisms/config.js';

/** What the timing checks read of a market config. */
interface TimedConfig {
  readonly slots: number;
  readonly clock: { readonly slotMs: number };
  readonly mechanism: MechanismConfig;
  readonly builders: readonly unknown[];
}

/**
 * Cross-field checks of a mechanism's market timing (`MarketTiming`) against the run: a commitment
 * deadline must fall inside the slot (at or after its end it would change nothing), a slot sold
 * ahead must be sold within the run, and an execution ticket's lookahead must be shorter than the run
 * (src/marketModel/tickets.ts; otherwise every slot is drawn at the first).
 */
export function checkMechanismTiming(cfg: TimedConfig, ctx: z.RefinementCtx): void {
  const timing = (getMechanism(cfg.mechanism.name) as Mechanism<MechanismConfig>).timing(cfg.mechanism);
  if (timing.commitDeadlineMs !== null && timing.commitDeadlineMs >= cfg.clock.slotMs)
    ctx.addIssue({ code: 'custom', path: ['mechanism', 'bidDeadlineMs'], message: `builders commit to their blocks ${timing.commitDeadlineMs} ms into the slot, but a slot lasts clock.slotMs = ${cfg.clock.slotMs} ms, so nothing would arrive after the deadline; set bidDeadlineMs below ${cfg.clock.slotMs} (e.g. ${Math.floor(cfg.clock.slotMs / 2)})` });
  if (timing.leadSlots > 0 && timing.leadSlots >= cfg.slots)
    ctx.addIssue({ code: 'custom', path: ['mechanism', 'leadSlots'], message: `each slot is sold ${timing.leadSlots} slots ahead, but the run has only ${cfg.slots} slots, so every sale would happen at slot 0; set leadSlots below ${cfg.slots} or run more slots` });
  const m = cfg.mechanism;
  if (m.name === 'execution-tickets' && cfg.builders.length > 0 && m.lookaheadSlots >= cfg.slots)
    ctx.addIssue({ code: 'custom', path: ['mechanism', 'lookaheadSlots'], message: `a lookahead of ${m.lookaheadSlots} slots is not shorter than the run (slots: ${cfg.slots}), so every slot would be drawn at the first one and the lookahead would never act; use lookaheadSlots < ${cfg.slots} or run more slots` });
}
