import { describe, expect, it } from 'vitest';
import { runSlots, type Simulation } from '../../src/engine/simulation.js';
import { EventQueue } from '../../src/engine/eventQueue.js';

// SimPy-style engine test: a tiny model appends to a log; we assert the exact order.
function loggingSimulation(): { sim: Simulation<string[]>; log: string[] } {
  const log: string[] = [];
  const sim: Simulation<string[]> = {
    clock: { slotMs: 1000, slotsPerEpoch: 2 },
    state: log,
    // A slot's step: its phases in order, each reading the slot's context.
    step: (s, ctx) => {
      s.push(`s${ctx.slot}:decide@${ctx.startMs}`);
      s.push(`s${ctx.slot}:apply<${ctx.endMs}`);
    },
    epochHooks: [
      { name: 'learn', run: (s, epoch) => s.push(`epoch${epoch}:learn`) },
      { name: 'govern', run: (s, epoch) => s.push(`epoch${epoch}:govern`) },
    ],
  };
  return { sim, log };
}

describe('engine run loop', () => {
  it('steps slots in order with their clock context, and epoch hooks in order after each epoch’s last slot', () => {
    const { sim, log } = loggingSimulation();
    const after: number[] = [];
    runSlots(sim, 0, 5, (slot) => after.push(slot));
    expect(log).toEqual([
      's0:decide@0', 's0:apply<1000',
      's1:decide@1000', 's1:apply<2000', 'epoch0:learn', 'epoch0:govern',
      's2:decide@2000', 's2:apply<3000',
      's3:decide@3000', 's3:apply<4000', 'epoch1:learn', 'epoch1:govern',
      's4:decide@4000', 's4:apply<5000',
    ]);
    expect(after).toEqual([0, 1, 2, 3, 4]);
  });

  it('continues from any slot: 0..2 then 2..5 is 0..5', () => {
    const straight = loggingSimulation();
    runSlots(straight.sim, 0, 5);
    const pieces = loggingSimulation();
    runSlots(pieces.sim, 0, 2);
    runSlots(pieces.sim, 2, 5);
    expect(pieces.log).toEqual(straight.log);
  });
});

describe('EventQueue', () => {
  it('orders by time, then priority, then insertion; round-trips through toArray/fromArray', () => {
    const q = new EventQueue<string>();
    q.push(5, 'c', 0);
    q.push(1, 'b', 2);
    q.push(1, 'a', 1);
    q.push(5, 'd', 0);
    q.push(1, 'b2', 2);
    const copy = EventQueue.fromArray(q.toArray());
    const drain = (qq: EventQueue<string>) => {
      const out: string[] = [];
      for (let it = qq.pop(); it; it = qq.pop()) out.push(it.event);
      return out;
    };
    expect(drain(q)).toEqual(['a', 'b', 'b2', 'c', 'd']);
    expect(drain(copy)).toEqual(['a', 'b', 'b2', 'c', 'd']);
  });

  it('keeps heap order under many random pushes (seeded)', () => {
    const q = new EventQueue<number>();
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648; // LCG: a fixed sequence, no ambient randomness
      q.push(x % 100, i, x % 3);
    }
    let prev = q.pop()!;
    for (let it = q.pop(); it; it = q.pop()) {
      const key = (s: typeof it): [number, number, number] => [s.timeMs, s.priority, s.seq];
      const [t0, p0, s0] = key(prev);
      const [t1, p1, s1] = key(it);
      expect(t0 < t1 || (t0 === t1 && (p0 < p1 || (p0 === p1 && s0 < s1)))).toBe(true);
      prev = it;
    }
  });

  it('rejects non-finite times', () => {
    expect(() => new EventQueue<number>().push(Number.NaN, 1)).toThrow(RangeError);
  });
});
