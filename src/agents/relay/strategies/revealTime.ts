import type { BuilderView, RevealParams, StrategyDraws } from '../types.js';

/**
 * The time a timing strategy starts showing its true value, ms: the expected call time minus the
 * lead ε minus its own submission delay, so the revealing bid lands about ε before the expected call
 * (Wu et al. 2024, arXiv:2312.14510: reveal at `T̂ − ε − Δ_global − Δ_individual`).
 */
export function revealTimeMs(
  view: Readonly<BuilderView>,
  params: RevealParams,
  draws: StrategyDraws,
): number {
  const leadMs =
    params.revealLeadMinMs + draws.revealU * (params.revealLeadMaxMs - params.revealLeadMinMs);
  return params.expectedCallMs - leadMs - view.submissionDelayMs;
}
