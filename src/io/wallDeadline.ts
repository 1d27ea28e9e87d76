/** The stride for loops that pass once a slot: 16 slots take far less than a yield's or a progress line's period even in the largest scenarios. */
export const slotsPerClockRead = 16;

/**
 * A wall-clock deadline for a loop that runs once a slot, millions of times: `due()` is asked on
 * every pass but reads the clock only on every `stride`-th, since a read (`performance.now()`) costs
 * ~60 ns on the idle 2-core VM and 0.2–0.3 µs under load, about 1 % of a baseline slot. Used by the
 * run loop's event-loop turns (src/io/checkpointedRun.ts) and by progress lines (src/cli/progress.ts).
 */
export class WallDeadline {
  private at: number;
  private untilClock: number;

  /** The first period starts now; `now` is the wall clock in ms, `stride` ≥ 1 the passes per clock read. */
  constructor(
    private readonly now: () => number,
    private readonly periodMs: number,
    private readonly stride = 1,
  ) {
    if (!Number.isSafeInteger(stride) || stride < 1) throw new RangeError(`WallDeadline stride must be a whole number >= 1, got ${stride}`);
    this.at = now() + periodMs;
    this.untilClock = stride;
  }

  /** True when this pass reads the clock and the period has ended (it stays ended until `restart`). */
  due(): boolean {
    if (--this.untilClock !== 0) return false;
    this.untilClock = this.stride;
    return this.now() >= this.at;
  }

  /** Starts the next period now (one clock read). */
  restart(): void {
    this.at = this.now() + this.periodMs;
  }
}
