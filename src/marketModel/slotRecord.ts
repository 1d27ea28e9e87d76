import type { BusEvent } from '../engine/eventBus.js';
import { spotPrice } from '../market/amm/index.js';
import type { Token } from '../market/amm/types.js';
import type { Balances } from '../market/orders/types.js';
import type { ColumnSource, ColumnSpec, Tally } from './columns.js';
import { compileMerge } from './compiledRecords.js';
import { supplyDriftsInto } from './conservation.js';
import type { SlotOutcome, TraceEntry } from './slot.js';
import type { WorldState } from './types.js';
import { expressLaneController } from './timeboost.js';

/** One rollup's state at the end of a slot (the `state` columns of the registry). */
export interface RollupStateRecord {
  readonly rollup: string;
  readonly gasToken: Token;
  readonly fee: number;
  readonly poolPriceYPerX: number;
  readonly reserveX: number;
  readonly reserveY: number;
  readonly proposerHoldingGas: number;
  /** Validator that proposed this rollup's block. */
  readonly proposer: string;
  /** Builder whose block won this rollup ('' without builders or when no block was sold). */
  readonly builder: string;
  /** Execution tickets: the drawn holder of this rollup's slot ('' otherwise). */
  readonly slotHolder: string;
  /** Searchers whose bundles executed on this rollup this slot, in execution order, joined by ';'. */
  readonly winner: string;
  /** Timeboost: the express lane's controller in this slot's round ('' when none, or another ordering). */
  readonly expressLaneController: string;
  /** In the shared sequencer this slot (false: running its own sequencer). */
  readonly member: boolean;
  /** Σ over every holder of X (Y) on this rollup minus the initial total (conservation.ts). */
  readonly supplyDriftX: number;
  readonly supplyDriftY: number;
  /** Restaking: the last completed epoch's profit from corruption, cost of corruption and margin (Y), and whether it was secure. */
  readonly restakingPfcY: number;
  readonly restakingCocY: number;
  readonly restakingMarginY: number;
  readonly restakingSecure: boolean;
}

/** One rollup's state and flows at the end of a slot: its state and what each step returned. */
export type RollupSlotRecord = RollupStateRecord &
  Readonly<Tally<'auction'> & Tally<'counterfactual'> & Tally<'execute'> & Tally<'settle'> & Tally<'share'>>;

/** Emitted on the bus once per slot. */
export interface SlotEvent extends BusEvent {
  readonly type: 'slot';
  readonly timeMs: number;
  readonly refPriceYPerX: number;
  readonly rollups: readonly RollupSlotRecord[];
}

/**
 * A slot as it ended, before anything is recorded of it: its number, its end time, the world after
 * it and what its steps returned. Internal to a run (the summary folds it in directly, without a
 * {@link SlotEvent}); valid during the call it is passed to only, since the world moves on.
 */
export interface SlotFrame {
  readonly slot: number;
  readonly endMs: number;
  readonly world: WorldState;
  readonly out: SlotOutcome;
  /**
   * Each rollup's supply drift of X and Y after the slot (`supplyDriftsInto`), by rollup index:
   * worked out once for the summary and the table, which both read it.
   */
  readonly drifts: readonly Readonly<Balances>[];
}

/**
 * The `user_surplus_y` of a rollup's slot: the execute step's measure of the users' swaps plus the
 * order-flow auction's rebates to them, paid at settlement after it (the column's meaning,
 * columns.ts). One definition for the record and the summary, so both add the same number.
 */
export function recordedUserSurplusY(execute: { readonly userSurplusY: number }, settle: { readonly userRebateY: number }): number {
  return settle.userRebateY !== 0 ? execute.userSurplusY + settle.userRebateY : execute.userSurplusY;
}

/**
 * A trace entry that names a winner in the `winner` column: a searcher's swap on a rollup below
 * `rollups`, counted once per bundle (not its unwind, nor a sandwich's back-run).
 */
function isWinnerEntry(e: TraceEntry, rollups: number): e is TraceEntry & { readonly searcher: number } {
  return e.rollup < rollups && e.searcher !== undefined && e.kind !== 'unwind' && e.kind !== 'sandwich-back';
}

/**
 * Writes into `into[i]`, for each rollup index `i` below `into.length`, the searcher ids of the
 * bundles executed on it, in execution order, joined by ';' (the `winner` column): one pass over
 * the slot's trace for all rollups, where a pass per rollup read the whole trace again for each.
 */
export function winnersInto(world: WorldState, out: SlotOutcome, into: string[]): string[] {
  for (let j = 0; j < into.length; j++) into[j] = '';
  for (const e of out.execution.trace) {
    if (!isWinnerEntry(e, into.length)) continue;
    const ids = into[e.rollup]!;
    into[e.rollup] = ids + (ids ? ';' : '') + world.searchers[e.searcher]!.id;
  }
  return into;
}

/** Winners codes stay below this: integers a double holds exactly. */
const exactCodes = 2 ** 53;

/**
 * {@link winnersInto} with each distinct text made once per run: the executed searchers of a rollup
 * are coded as a number (digits `searcher + 1` in base `searchers + 1`, one per bundle in execution
 * order), and the text of a code is kept. The same winners then give the same string object slot
 * after slot: nothing is concatenated per slot, and the table's text codes (io/textCodes.ts) compare
 * the cells by identity instead of flattening and hashing a new string each time. A slot whose codes
 * would not be exact (over ~52 bits: dozens of bundles on a rollup) takes `winnersInto`'s path.
 */
export class WinnerTexts {
  private readonly codes: number[];
  private readonly places: number[];
  private readonly known = new Map<number, string>();
  private readonly base: number;

  constructor(world: WorldState) {
    const n = winnersScratch(world).length;
    this.codes = new Array<number>(n).fill(0);
    this.places = new Array<number>(n).fill(1);
    this.base = world.searchers.length + 1;
  }

  /** Writes the slot's winners by rollup index into `into` (as `winnersInto`) and returns it. */
  into(world: WorldState, out: SlotOutcome, into: string[]): string[] {
    const { codes, places, base } = this;
    const n = codes.length;
    for (let j = 0; j < n; j++) {
      codes[j] = 0;
      places[j] = 1;
    }
    const trace = out.execution.trace;
    for (let t = 0; t < trace.length; t++) {
      const e = trace[t]!;
      if (!isWinnerEntry(e, n)) continue;
      const place = places[e.rollup]!;
      // The code stays below the next place value: all of it exact while that is at most 2^53.
      if (place * base > exactCodes) return winnersInto(world, out, into);
      codes[e.rollup]! += (e.searcher + 1) * place;
      places[e.rollup] = place * base;
    }
    for (let j = 0; j < n && j < into.length; j++) into[j] = this.textOf(world, codes[j]!);
    return into;
  }

  /** The text of a code: its searchers' ids joined as `winnersInto` joins them, made on first sight. */
  private textOf(world: WorldState, code: number): string {
    if (code === 0) return '';
    let text = this.known.get(code);
    if (text === undefined) {
      text = '';
      for (let c = code; c > 0; ) {
        const digit = c % this.base; // exact, and so is the division of c − digit
        text = text + (text ? ';' : '') + world.searchers[digit - 1]!.id;
        c = (c - digit) / this.base;
      }
      if (this.known.size >= maxKnownWinners) this.known.clear();
      this.known.set(code, text);
    }
    return text;
  }
}

/** Distinct winners texts a {@link WinnerTexts} keeps before starting afresh (a bound, not a tuning). */
const maxKnownWinners = 1 << 14;

/** Room for the winners of every rollup of `world` (indexed by rollup index), for {@link winnersInto}. */
export function winnersScratch(world: WorldState): string[] {
  let n = 0;
  for (const r of world.rollups) n = Math.max(n, r.index + 1);
  return new Array<string>(n).fill('');
}

/** The block sold for `rollup` (the first that carries it, as `find` would; a loop, not a closure per call). */
function blockOn(out: SlotOutcome, rollup: number): SlotOutcome['auction']['blocks'][number] | undefined {
  const blocks = out.auction.blocks;
  for (let b = 0; b < blocks.length; b++) if (blocks[b]!.rollups.includes(rollup)) return blocks[b];
  return undefined;
}

function builderOf(world: WorldState, block: ReturnType<typeof blockOn>): string {
  return block?.builder == null ? '' : world.builders[block.builder]!.id;
}

function controllerOf(world: WorldState, rollup: number, slotStartMs: number): string {
  const c = expressLaneController(world, rollup, slotStartMs);
  return c === null ? '' : world.searchers[c]!.id;
}

function holderOf(world: WorldState, block: ReturnType<typeof blockOn>): string {
  const t = block?.tickets;
  return t === undefined || t.holder < 0 ? '' : world.builders[t.holder]!.id;
}

/** The record's state fields (see `RollupStateRecord`), in order. */
const stateFields = ['rollup', 'gasToken', 'fee', 'poolPriceYPerX', 'reserveX', 'reserveY', 'proposerHoldingGas', 'proposer', 'builder', 'slotHolder', 'winner', 'expressLaneController', 'member', 'supplyDriftX', 'supplyDriftY', 'restakingPfcY', 'restakingCocY', 'restakingMarginY', 'restakingSecure'] as const;

/** A {@link RollupStateRecord} that can be refilled (the per-slot table keeps one for the run). */
export type RollupStateScratch = { -readonly [K in keyof RollupStateRecord]: RollupStateRecord[K] };

/** A state record with every field at a blank value (its shape fixed before it is filled). */
export function blankRollupState(): RollupStateScratch {
  return { rollup: '', gasToken: 'X', fee: 0, poolPriceYPerX: 0, reserveX: 0, reserveY: 0, proposerHoldingGas: 0, proposer: '', builder: '', slotHolder: '', winner: '', expressLaneController: '', member: false, supplyDriftX: 0, supplyDriftY: 0, restakingPfcY: 0, restakingCocY: 0, restakingMarginY: 0, restakingSecure: false };
}

/** Scratch for a rollup's supply drift of X and Y (`supplyDriftsInto`), read right after it is written. */
const drift = { X: 0, Y: 0 };

/** Each rollup's supply drift after the slot, into `into` (by rollup index): a {@link SlotFrame}'s `drifts`. */
export function slotDriftsInto(world: WorldState, into: Balances[]): Balances[] {
  for (let i = 0; i < world.rollups.length; i++) supplyDriftsInto(world, i, (into[i] ??= { X: 0, Y: 0 }));
  return into;
}

/**
 * Writes the state of the rollup at position `k` of `world.rollups` at the end of a slot (every
 * field of {@link RollupStateRecord}) into `into` and returns it: one definition for the slot event's
 * records and the per-slot table, which refills one object instead of building one per row.
 * `winners` holds the slot's winners by rollup index ({@link winnersInto}), found once per slot.
 */
export function writeRollupState(into: RollupStateScratch, world: WorldState, out: SlotOutcome, k: number, endMs: number, winners: readonly string[], drifts?: readonly Readonly<Balances>[]): RollupStateScratch {
  const r = world.rollups[k]!;
  const i = r.index;
  const restaking = world.restaking?.report;
  const block = blockOn(out, i);
  // supplyDriftsInto adds the holders in supplyDrift's order: the same numbers, in one pass.
  const d = drifts?.[i] ?? supplyDriftsInto(world, i, drift);
  into.rollup = r.id;
  into.gasToken = r.gasToken;
  into.fee = r.pool.fee;
  into.poolPriceYPerX = spotPrice(r.pool);
  into.reserveX = r.pool.reserveX;
  into.reserveY = r.pool.reserveY;
  into.proposerHoldingGas = world.proposer.holdings[i]![r.gasToken];
  into.proposer = world.config.validators[out.auction.proposers[i]!]!.id;
  into.builder = builderOf(world, block);
  into.slotHolder = holderOf(world, block);
  into.winner = winners[i]!;
  into.expressLaneController = controllerOf(world, i, endMs - world.config.clock.slotMs);
  into.member = world.governance.member[i]!;
  into.supplyDriftX = d.X;
  into.supplyDriftY = d.Y;
  into.restakingPfcY = restaking?.profitFromCorruptionY ?? 0;
  into.restakingCocY = restaking?.costOfCorruptionY ?? 0;
  into.restakingMarginY = restaking?.marginY ?? 0;
  into.restakingSecure = restaking?.secure ?? false;
  return into;
}

/**
 * The slot's record builder for a run's columns: state, then the tallies of execute, auction, settle,
 * counterfactual and share. Every call builds new objects (a subscriber may keep the event); the run
 * calls it only when someone subscribed to slot events (marketModel.ts).
 */
export function slotRecorder(columns: readonly ColumnSpec[]): (world: WorldState, out: SlotOutcome, slot: number, endMs: number) => SlotEvent {
  const fieldsOf = (source: ColumnSource) => columns.filter((c) => c.source === source).map((c) => c.field);
  // One generated merge instead of five spreads per rollup and slot (compiledRecords.ts).
  const merge = compileMerge([stateFields, fieldsOf('execute'), fieldsOf('auction'), fieldsOf('settle'), fieldsOf('counterfactual'), fieldsOf('share')]);
  return (world, out, slot, endMs) => {
    const winners = winnersInto(world, out, winnersScratch(world));
    return {
      type: 'slot',
      slot,
      timeMs: endMs,
      refPriceYPerX: world.refPriceYPerX,
      rollups: world.rollups.map((r, k) => {
        const i = r.index;
        const state = writeRollupState(blankRollupState(), world, out, k, endMs, winners);
        const rec = merge(state, out.execution.tally[i]!, out.auction.tally[i]!, out.settlement[i]!, out.counterfactual.tally[i]!, out.share[i]!) as { userSurplusY: number };
        rec.userSurplusY = recordedUserSurplusY(out.execution.tally[i]!, out.settlement[i]!);
        return rec as unknown as RollupSlotRecord;
      }),
    };
  };
}
