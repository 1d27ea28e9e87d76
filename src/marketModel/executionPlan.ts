import { EventQueue } from '../engine/eventQueue.js';
import type { WorldState } from './types.js';
import type { Allocated, UserSwap } from '../market/orders/types.js';

/**
 * Ties at one instant execute in this order (the queue's priority: lower first): lone legs unwound,
 * top-of-block bundles on auctioned rollups, a sandwich's front-run, the user (and fcfs bundles, in
 * arrival order), a backrun right after its target, a sandwich's back-run last.
 */
export const executionPriority = {
  unwind: -3,
  topOfBlock: -2,
  sandwichFront: -1,
  arrival: 0,
  backrun: 1,
  sandwichBack: 2,
} as const;

/** One thing to execute in a slot, at its place in the shared timeline. */
export type PlanItem =
  | { readonly kind: 'unwind'; readonly searcher: number }
  | { readonly kind: 'user'; readonly tx: UserSwap }
  | { readonly kind: 'bundle'; readonly won: Allocated }
  | { readonly kind: 'backrun'; readonly won: Allocated; readonly userId: number }
  | { readonly kind: 'sandwich-front'; readonly won: Allocated; readonly userId: number }
  | { readonly kind: 'sandwich-back'; readonly won: Allocated; readonly userId: number };

/**
 * Orders a slot's executions on one timeline with the engine's (time, priority, seq) queue, each
 * rollup keeping its ordering policy (DESIGN.md §3):
 * - lone legs left from the last block are unwound first;
 * - `auction` / `encrypted` / `priority-fee`: top-of-block bundles at the slot's start, ahead of every user; a
 *   sandwich's front-run right before its victim and its back-run right after; a backrun right after
 *   its target (searchers never see an encrypted rollup's swaps, so none target them); on a
 *   priority-fee rollup the highest fee won each of these positions and the users pay no priority
 *   fee, so ordering by fee gives the same places;
 * - `fcfs`: bundles at their arrival time (slot start or their target's arrival, plus latency), so
 *   no bundle ever executes ahead of a user swap that arrived earlier.
 * Users execute in arrival order. An atomic bundle executes once, on all its rollups at one point.
 */
export function executionPlan(state: WorldState, allocated: readonly Allocated[], slotStartMs: number): PlanItem[] {
  const q = new EventQueue<PlanItem>();
  const fcfs = (r: number) => state.config.rollups[r]!.ordering === 'fcfs';
  const users = new Map<number, UserSwap>();
  for (const s of state.searchers) if (s.openLegs.length > 0) q.push(slotStartMs, { kind: 'unwind', searcher: s.index }, executionPriority.unwind);
  for (const r of state.rollups) for (const tx of r.pending) {
    users.set(tx.id, tx);
    q.push(tx.arrivalMs, { kind: 'user', tx }, executionPriority.arrival);
  }
  for (const won of allocated) {
    const t = won.bundle.target;
    if (t.kind === 'top') {
      const anyFcfs = t.rollups.some(fcfs);
      q.push(anyFcfs ? won.bundle.arrivalMs : slotStartMs, { kind: 'bundle', won }, anyFcfs ? executionPriority.arrival : executionPriority.topOfBlock);
      continue;
    }
    const target = users.get(t.userId);
    if (!target) continue;
    if (t.kind === 'backrun') {
      const time = fcfs(t.rollup) ? Math.max(won.bundle.arrivalMs, target.arrivalMs) : target.arrivalMs;
      q.push(time, { kind: 'backrun', won, userId: t.userId }, executionPriority.backrun);
    } else {
      q.push(target.arrivalMs, { kind: 'sandwich-front', won, userId: t.userId }, executionPriority.sandwichFront);
      q.push(target.arrivalMs, { kind: 'sandwich-back', won, userId: t.userId }, executionPriority.sandwichBack);
    }
  }
  const plan: PlanItem[] = [];
  for (let it = q.pop(); it; it = q.pop()) plan.push(it.event);
  return plan;
}

/** The time an item takes its place at in the trace (arrival time for users and fcfs bundles). */
export function itemTimeMs(item: PlanItem, slotStartMs: number): number {
  if (item.kind === 'user') return item.tx.arrivalMs;
  if (item.kind === 'unwind') return slotStartMs;
  return item.won.bundle.arrivalMs;
}
