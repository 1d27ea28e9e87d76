import type { WorldState } from './types.js';
import { timeboostOf } from '../config/schema.js';
import { ordersByArrival } from './orderingPolicy.js';
import { expressLaneController } from './timeboost.js';
import type { Allocated, UserSwap } from '../market/orders/types.js';
import { INSERTION_SORT_MAX } from '../market/orders/allocateBundles.js';

/**
 * Ties at one instant execute in this order (the queue's priority: lower first): lone legs unwound,
 * top-of-block bundles on auctioned rollups, the proposer's greedy local top-of-block bundles (a
 * partial-block auction's local part, after the auctioned part), a sandwich's front-run, the user
 * (and fcfs bundles, in arrival order), a backrun right after its target, a sandwich's back-run last.
 */
export const executionPriority = {
  unwind: -4,
  topOfBlock: -3,
  localTop: -2,
  sandwichFront: -1,
  arrival: 0,
  backrun: 1,
  sandwichBack: 2,
} as const;

/**
 * One thing to execute in a slot, at its place in the shared timeline. `at` is the won bundle's
 * index in the slot's allocations and `user` its target's (or the user's own) index among the
 * slot's planned users: what the execute step keys its per-slot scratch by, in arrays rather than
 * maps and sets keyed by objects or ids.
 */
export type PlanItem =
  | { readonly kind: 'unwind'; readonly searcher: number }
  | { readonly kind: 'user'; readonly tx: UserSwap; readonly user: number }
  | { readonly kind: 'bundle'; readonly won: Allocated; readonly at: number }
  | { readonly kind: 'backrun'; readonly won: Allocated; readonly at: number; readonly userId: number; readonly user: number }
  | { readonly kind: 'sandwich-front'; readonly won: Allocated; readonly at: number; readonly userId: number; readonly user: number }
  | { readonly kind: 'sandwich-back'; readonly won: Allocated; readonly at: number; readonly userId: number; readonly user: number };

/**
 * Where a transaction takes its place on a rollup ordered by arrival (DESIGN.md §3): `fcfs`, its
 * arrival; `timeboost`, its arrival plus `nonExpressDelayMs` unless it is the express lane's
 * controller's (Arbitrum's Timeboost: only the controller's transactions skip the delay).
 * `searcher` is null for a user's swap; `controller` null when no one controls the lane.
 */
export function sequencedAtMs(arrivalMs: number, delayMs: number, controller: number | null, searcher: number | null): number {
  return searcher !== null && searcher === controller ? arrivalMs : arrivalMs + delayMs;
}

/** The identity placing: every transaction at its arrival. */
const atArrival: Placing = (_r, arrivalMs) => arrivalMs;

/** A slot's placing rule per rollup: (rollup, arrival, searcher or null for a user) → its place in the order, ms. */
export type Placing = (rollup: number, arrivalMs: number, searcher: number | null) => number;

/** The placing rule of every rollup in the slot starting at `slotStartMs` (the arrival itself except under Timeboost). */
export function placingOf(state: WorldState, slotStartMs: number): Placing {
  let anyLane = false;
  for (const r of state.rollups) if (r.expressLane) anyLane = true;
  if (!anyLane) return atArrival; // no Timeboost rollup: nothing built per slot
  const lanes = state.rollups.map((r) => (r.expressLane ? { delayMs: timeboostOf(state.config.rollups[r.index]!).nonExpressDelayMs, controller: expressLaneController(state, r.index, slotStartMs) } : null));
  return (r, arrivalMs, searcher) => {
    const lane = lanes[r];
    return lane ? sequencedAtMs(arrivalMs, lane.delayMs, lane.controller, searcher) : arrivalMs;
  };
}

/**
 * Orders a slot's executions on one timeline in the engine queue's (time, priority, seq) order, each
 * rollup keeping its ordering policy (DESIGN.md §3):
 * - lone legs left from the last block are unwound first;
 * - `auction` / `encrypted` / `priority-fee`: top-of-block bundles at the slot's start, ahead of every user; a
 *   sandwich's front-run right before its victim and its back-run right after; a backrun right after
 *   its target (searchers never see an encrypted rollup's swaps, so none target them); on a
 *   priority-fee rollup the highest fee won each of these positions and the users pay no priority
 *   fee, so ordering by fee gives the same places;
 * - `fcfs`: bundles at their arrival time (slot start or their target's arrival, plus latency), so
 *   no bundle ever executes ahead of a user swap that arrived earlier;
 * - a partial-block auction's local part (`Allocated.localBuild`): `greedy` top-of-block bundles at
 *   the slot's start right after the auctioned ones, in the order the proposer took them (by bid),
 *   its backruns and sandwiches at their targets; `fcfs` bundles as on an fcfs rollup;
 * - `timeboost`: as `fcfs`, every place taken by `placingOf` (all but the express-lane controller's
 *   transactions `nonExpressDelayMs` later); an atomic bundle over several rollups at the latest of
 *   its places.
 * Users execute in the order of their places; those arriving after `cutoffMs` (when the block was committed to:
 * a block auction's deadline) are not in this block. An atomic bundle executes once, on all its
 * rollups at one point.
 */
export function executionPlan(state: WorldState, allocated: readonly Allocated[], slotStartMs: number, cutoffMs = Number.POSITIVE_INFINITY, place: Placing = placingOf(state, slotStartMs)): PlanItem[] {
  return executionPlanner()(state, allocated, slotStartMs, cutoffMs, place);
}

/** A slot's plan (`executionPlan`'s arguments, every one given). */
export type Planner = (state: WorldState, allocated: readonly Allocated[], slotStartMs: number, cutoffMs: number, place: Placing) => PlanItem[];

/**
 * The users a slot plans, by index (`PlanItem.user`), and looked up by id through their indices
 * sorted by id (binary search): reused from slot to slot, where a Map cleared every slot would
 * allocate a new table. Of equal ids the last added is found (as a Map's last `set`).
 */
export class PlannedUsers {
  readonly byIndex: UserSwap[] = [];
  /** The first `n` indices, sorted by their user's id (stable). */
  private readonly sortedById: number[] = [];
  private n = 0;

  clear(): void {
    this.n = 0;
  }

  /** Adds `tx` and returns its index. */
  add(tx: UserSwap): number {
    const i = this.n++;
    this.byIndex[i] = tx;
    // Insertion from the end: users come mostly in id order, so this is usually one comparison.
    let j = i;
    while (j > 0 && this.byIndex[this.sortedById[j - 1]!]!.id > tx.id) {
      this.sortedById[j] = this.sortedById[j - 1]!;
      j--;
    }
    this.sortedById[j] = i;
    return i;
  }

  /** The index of the user with id `id` (the last added of equal ids), or −1. */
  indexOf(id: number): number {
    let lo = 0;
    let hi = this.n; // the first position whose id is > `id` lies in [lo, hi]
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.byIndex[this.sortedById[mid]!]!.id > id) hi = mid;
      else lo = mid + 1;
    }
    const i = lo > 0 ? this.sortedById[lo - 1]! : -1;
    return i >= 0 && this.byIndex[i]!.id === id ? i : -1;
  }
}

/** `executionPlan` for a run: its queue and its index of users are emptied and reused on each call. */
export function executionPlanner(): Planner {
  const q = new PlanQueue();
  const users = new PlannedUsers();
  return (state, allocated, slotStartMs, cutoffMs, place) => {
    q.clear();
    users.clear();
    planInto(q, users, state, allocated, slotStartMs, cutoffMs, place);
    return q.inOrder();
  };
}

/** Pushes a slot's executions onto `q` (see `executionPlan`); `users` indexes the users it plans. */
function planInto(q: PlanQueue, users: PlannedUsers, state: WorldState, allocated: readonly Allocated[], slotStartMs: number, cutoffMs: number, place: Placing): void {
  const configs = state.config.rollups;
  for (const s of state.searchers) if (s.openLegs.length > 0) q.push(slotStartMs, { kind: 'unwind', searcher: s.index }, executionPriority.unwind);
  for (const r of state.rollups) for (const tx of r.pending) {
    if (tx.arrivalMs > cutoffMs) continue;
    const user = users.add(tx);
    q.push(place(r.index, tx.arrivalMs, null), { kind: 'user', tx, user }, executionPriority.arrival);
  }
  for (let at = 0; at < allocated.length; at++) {
    const won = allocated[at]!;
    const t = won.bundle.target;
    const searcher = won.bundle.searcher;
    if (t.kind === 'top') {
      // At the latest place among its rollups ordered by arrival (a partial-block's local fcfs part: all its rollups, whatever their ordering).
      let time = Number.NEGATIVE_INFINITY;
      let byArrival = false;
      for (const r of t.rollups) if (won.localBuild === 'fcfs' || ordersByArrival(configs[r]!.ordering)) {
        time = byArrival ? Math.max(time, place(r, won.bundle.arrivalMs, searcher)) : place(r, won.bundle.arrivalMs, searcher);
        byArrival = true;
      }
      q.push(byArrival ? time : slotStartMs, { kind: 'bundle', won, at }, byArrival ? executionPriority.arrival : won.localBuild === 'greedy' ? executionPriority.localTop : executionPriority.topOfBlock);
      continue;
    }
    const user = users.indexOf(t.userId);
    if (user < 0) continue;
    const target = users.byIndex[user]!;
    if (t.kind === 'backrun') {
      const time = won.localBuild === 'fcfs' || ordersByArrival(configs[t.rollup]!.ordering) ? Math.max(place(t.rollup, won.bundle.arrivalMs, searcher), place(t.rollup, target.arrivalMs, null)) : target.arrivalMs;
      q.push(time, { kind: 'backrun', won, at, userId: t.userId, user }, executionPriority.backrun);
    } else {
      q.push(target.arrivalMs, { kind: 'sandwich-front', won, at, userId: t.userId, user }, executionPriority.sandwichFront);
      q.push(target.arrivalMs, { kind: 'sandwich-back', won, at, userId: t.userId, user }, executionPriority.sandwichBack);
    }
  }
}

/**
 * The plan's items in the engine queue's order (time, then priority, then push order: the order
 * `EventQueue` pops them in, a strict total order), sorted once instead of kept in a heap: a slot
 * pushes a handful of items and pops them all.
 */
class PlanQueue {
  // Parallel arrays, reused from slot to slot: the first `n` entries are this slot's.
  private readonly items: PlanItem[] = [];
  private readonly times: number[] = [];
  private readonly priorities: number[] = [];
  private readonly order: number[] = [];
  private n = 0;

  clear(): void {
    this.n = 0;
  }

  push(timeMs: number, item: PlanItem, priority: number): void {
    if (!Number.isFinite(timeMs)) throw new RangeError(`event time must be finite, got ${timeMs}`);
    const i = this.n++;
    this.items[i] = item;
    this.times[i] = timeMs;
    this.priorities[i] = priority;
  }

  inOrder(): PlanItem[] {
    const { items, n } = this;
    const plan: PlanItem[] = [];
    if (n > INSERTION_SORT_MAX) {
      const order: number[] = [];
      for (let i = 0; i < n; i++) order.push(i);
      order.sort((a, b) => (this.after(a, b) ? 1 : -1));
      for (const i of order) plan.push(items[i]!);
      return plan;
    }
    // Insertion sort on a usual slot's handful of items (Array#sort's comparator calls cost more there).
    const order = this.order;
    for (let i = 0; i < n; i++) {
      let j = i;
      while (j > 0 && this.after(order[j - 1]!, i)) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = i;
    }
    for (let k = 0; k < n; k++) plan.push(items[order[k]!]!);
    return plan;
  }

  /** Whether item `a` comes after item `b`. */
  private after(a: number, b: number): boolean {
    const { times, priorities } = this;
    if (times[a] !== times[b]) return times[a]! > times[b]!;
    if (priorities[a] !== priorities[b]) return priorities[a]! > priorities[b]!;
    return a > b;
  }
}

/**
 * The time an item takes its place at in the trace: arrival time for users and bundles, taken by
 * `place` (under Timeboost, delayed unless the controller's; a bundle by the rollup it bids on).
 */
export function itemTimeMs(item: PlanItem, slotStartMs: number, place: Placing = atArrival): number {
  if (item.kind === 'user') return place(item.tx.rollup, item.tx.arrivalMs, null);
  if (item.kind === 'unwind') return slotStartMs;
  return place(item.won.bundle.bidRollup, item.won.bundle.arrivalMs, item.won.bundle.searcher);
}
