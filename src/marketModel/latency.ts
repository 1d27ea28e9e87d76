import type { LatencyJitter } from '../config/latencySchema.js';
import type { Distributions } from '../engine/distributions.js';
import type { Bundle } from '../market/orders/types.js';
import type { ModelRuntime } from './runtime.js';
import type { WorldState } from './types.js';

/** An agent's latency settings: the base, an optional colocation advantage and optional jitter. */
export interface LatencySettings {
  /** Base latency (searchers' `latencyMs`) or bid time (builders' `bidTimeMs`), ms. */
  readonly baseMs: number;
  readonly colocationMs?: number | undefined;
  readonly jitter?: LatencyJitter | undefined;
}

/** Whether `s` ever differs from its base: only then is anything drawn or moved. */
export function hasLatencyModel(s: LatencySettings): boolean {
  return s.jitter !== undefined || (s.colocationMs ?? 0) > 0;
}

/**
 * One drawn latency, ms: base − colocation + jitter (log-normal: base × factor − colocation),
 * never below 0 so nothing arrives before its opportunity. Draws exactly one variate of its
 * distribution from `d` when there is jitter (none without), whatever the parameters, so the
 * agent's stream stays aligned across parameter values; normal and log-normal variates come from
 * d3-random's polar method (a rejection loop on the same stream).
 */
export function drawLatencyMs(s: LatencySettings, d: Distributions | undefined): number {
  const base = s.baseMs - (s.colocationMs ?? 0);
  const j = s.jitter;
  if (j === undefined || d === undefined) return clampLatency(base);
  switch (j.dist) {
    case 'normal':
      return clampLatency(base + d.normal(0, Math.min(j.sdMs + j.cv * s.baseMs, Number.MAX_VALUE)));
    case 'lognormal':
      // Mean-preserving: E[exp(σZ − σ²/2)] = 1, so the mean latency stays the base.
      return clampLatency(s.baseMs * d.logNormal(-(j.sigma * j.sigma) / 2, j.sigma) - (s.colocationMs ?? 0));
    case 'exponential':
      return clampLatency(base + j.meanMs * d.exponential(1));
    case 'empirical':
      return clampLatency(base + j.samplesMs[d.int(0, j.samplesMs.length)]!);
  }
}

/** A latency in [0, Number.MAX_VALUE]: never before the opportunity, never infinite (on huge configured bases). */
function clampLatency(ms: number): number {
  return Math.min(Math.max(0, ms), Number.MAX_VALUE);
}

/**
 * The bundles with their own drawn latency in place of the base: each arrives at its opportunity's
 * time (slot start, or its target swap's arrival) plus one draw (`drawLatencyMs`), one draw per
 * bundle in the order proposed, from the searcher's own stream (the legs of a split opportunity go
 * to different sequencers, so each draws its own). Drawing is runtime state, not the world's.
 * Called only for searchers with a latency model, so the copy's spread (a V8 slow path,
 * bench/README.md) costs the other runs nothing.
 */
export function withDrawnLatency(bundles: readonly Bundle[], latency: LatencySettings, d: Distributions | undefined): Bundle[] {
  return bundles.map((b) => ({ ...b, arrivalMs: b.arrivalMs - latency.baseMs + drawLatencyMs(latency, d) }));
}

/**
 * Each builder's bid time for one block sold in the slot, ms after the slot's start: `bidTimeMs`
 * with its `bidTimeJitter` (one draw per builder with jitter from `latency/builder/<id>`, in builder
 * order; none for the others). Undefined when no builder has jitter: nothing drawn, every bid at its
 * `bidTimeMs`.
 */
export function drawBidTimesMs(world: WorldState, rt: ModelRuntime): number[] | undefined {
  const builders = world.config.builders;
  if (!builders.some((b) => b.bidTimeJitter !== undefined)) return undefined;
  return builders.map((b, i) => (b.bidTimeJitter ? drawLatencyMs({ baseMs: b.bidTimeMs, jitter: b.bidTimeJitter }, rt.distOf('latency/builder/', world.builders[i]!.id)) : b.bidTimeMs));
}
