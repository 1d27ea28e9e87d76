import { drawUserSwap } from '../../agents/users/drawUserSwap.js';
import type { SlotContext } from '../../engine/simulation.js';
import type { UserSwap } from '../../market/orders/types.js';
import { INSERTION_SORT_MAX } from '../../market/orders/allocateBundles.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';

/**
 * Under `order-flow-auction`, each arrival is sent through the OFA's channel with probability
 * `userShare`: one uniform draw per arrival from the rollup's own stream `ofa/<rollup id>` (so every
 * other stream's draws stay as without the OFA); a private swap stays private.
 */
function withOfaChannel(rt: ModelRuntime, world: WorldState, rollupId: string, swaps: UserSwap[]): UserSwap[] {
  const m = world.config.mechanism;
  if (m.name !== 'order-flow-auction' || swaps.length === 0) return swaps;
  const d = rt.distOf('ofa/', rollupId);
  return swaps.map((u) => {
    const chosen = d.uniform() < m.userShare;
    return { id: u.id, rollup: u.rollup, arrivalMs: u.arrivalMs, tokenIn: u.tokenIn, amountIn: u.amountIn, minAmountOut: u.minAmountOut, isPrivate: u.isPrivate, viaOfa: chosen && !u.isPrivate };
  });
}

/**
 * Sorts the first `n` numbers of `times` ascending in place: by insertion for a usual slot's few
 * arrivals (Array#sort's comparator calls cost more there).
 */
function sortAscending(times: number[], n: number): void {
  if (n > INSERTION_SORT_MAX) {
    const sorted = times.slice(0, n).sort((a, b) => a - b);
    for (let i = 0; i < n; i++) times[i] = sorted[i]!;
    return;
  }
  for (let i = 1; i < n; i++) {
    const t = times[i]!;
    let j = i;
    while (j > 0 && times[j - 1]! > t) {
      times[j] = times[j - 1]!;
      j--;
    }
    times[j] = t;
  }
}

/**
 * Phase 2 (decide): users arrive on each rollup as a Poisson process — a Poisson count per slot,
 * arrival times uniform in the slot (the order statistics of a Poisson process), sorted by time.
 * Returns each rollup's arrivals, numbered on from the world's next user id.
 */
export function drawArrivals(rt: ModelRuntime): (world: WorldState, ctx: SlotContext) => UserSwap[][] {
  // Scratch: one rollup's arrival times in its first `n` entries, refilled for each (never shortened:
  // setting an array's length is a runtime call).
  const times: number[] = [];
  return (world, ctx) => {
    let nextId = world.nextUserId;
    const out: UserSwap[][] = [];
    for (const rollup of world.rollups) {
      const users = world.config.rollups[rollup.index]!.users;
      const d = rt.distOf('users/', rollup.id);
      const n = d.poisson(users.arrivalsPerSlot);
      for (let i = 0; i < n; i++) times[i] = ctx.startMs + Math.floor(d.uniform(0, ctx.clock.slotMs));
      sortAscending(times, n);
      // Every draw is made (the stream stays aligned); a swap whose size overflowed is not sent.
      const swaps: UserSwap[] = [];
      for (let i = 0; i < n; i++) {
        const arrivalMs = times[i]!;
        const u = drawUserSwap(d, users, rollup.pool, world.refPriceYPerX, { id: nextId++, rollup: rollup.index, arrivalMs });
        if (Number.isFinite(u.amountIn) && Number.isFinite(u.minAmountOut)) swaps.push(u);
      }
      out.push(withOfaChannel(rt, world, rollup.id, swaps));
    }
    return out;
  };
}

/** Phase 2 (apply): the arrivals join each rollup's pending swaps; user ids move on. */
export function admitArrivals(world: WorldState, arrivals: readonly UserSwap[][]): void {
  for (let r = 0; r < arrivals.length; r++) {
    const arrived = arrivals[r]!;
    const pending = world.rollups[r]!.pending;
    for (const tx of arrived) pending.push(tx);
    world.nextUserId += arrived.length;
  }
}
