/** A scheduled event. Ordered by `timeMs`, then `priority` (lower first), then `seq` (FIFO). */
export interface Scheduled<E> {
  readonly timeMs: number;
  readonly priority: number;
  /** Insertion counter assigned by the queue: ties never depend on object identity. */
  readonly seq: number;
  readonly event: E;
}

function before<E>(a: Scheduled<E>, b: Scheduled<E>): boolean {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

/**
 * A binary min-heap of events keyed `(timeMs, priority, seq)`, as in SimPy's core: ties are broken
 * deterministically by insertion order.
 */
export class EventQueue<E> {
  private heap: Scheduled<E>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(timeMs: number, event: E, priority = 0): Scheduled<E> {
    if (!Number.isFinite(timeMs)) throw new RangeError(`event time must be finite, got ${timeMs}`);
    const item: Scheduled<E> = { timeMs, priority, seq: this.nextSeq++, event };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
    return item;
  }

  peek(): Scheduled<E> | undefined {
    return this.heap[0];
  }

  pop(): Scheduled<E> | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }

  /** Removes and returns, in order, every event with `timeMs < endMs`. */
  popUntil(endMs: number): Scheduled<E>[] {
    const out: Scheduled<E>[] = [];
    while (this.heap.length > 0 && this.heap[0]!.timeMs < endMs) out.push(this.pop()!);
    return out;
  }

  /** Pending events in queue order (a copy; for checkpoints and debugging). */
  toArray(): Scheduled<E>[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1));
  }

  /** Rebuilds a queue from saved events, keeping their sequence numbers. */
  static fromArray<E>(items: readonly Scheduled<E>[]): EventQueue<E> {
    const q = new EventQueue<E>();
    q.heap = [...items].sort((a, b) => (before(a, b) ? -1 : 1));
    q.nextSeq = items.reduce((m, it) => Math.max(m, it.seq + 1), 0);
    return q;
  }
}
