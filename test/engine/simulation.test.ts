import { describe, expect, it } from 'vitest';
import { createSimulation, runSlots, type Phase } from '../../src/engine/simulation.js';
import { EventQueue } from '../../src/engine/eventQueue.js';

// SimPy-style engine test: tiny phases and events append to a log; we assert the exact order.
type Ev = { label: string };

function loggingSimulation() {
  const log: string[] = [];
  const phases: Phase<string[], Ev>[] = [
    {
      name: 'exogenous',
      run: (s, ctx) => {
        s.push(`s${ctx.slot}:exogenous`);
        // Three events at the same time: priority decides first, then insertion order.
        ctx.schedule(ctx.startMs + 500, { label: 'late-p0' }, 0);
        ctx.schedule(ctx.startMs + 100, { label: 'tie-p1-first' }, 1);
        ctx.schedule(ctx.startMs + 100, { label: 'tie-p0' }, 0);
        ctx.schedule(ctx.startMs + 100, { label: 'tie-p1-second' }, 1);
        // Due in the next slot: must wait for it.
        ctx.schedule(ctx.endMs + 1, { label: `next-slot-from-s${ctx.slot}` }, 0);
      },
    },
    { name: 'search', run: (s, ctx) => s.push(`s${ctx.slot}:search`) },
  ];
  const sim = createSimulation<string[], Ev>({
    clock: { slotMs: 1000, slotsPerEpoch: 2 },
    state: log,
    phases,
    epochHooks: [{ name: 'learn', run: (s, epoch) => s.push(`epoch${epoch}:learn`) }],
    handle: (s, item, ctx) => {
      s.push(`s${ctx.slot}:event:${item.event.label}@${item.timeMs}`);
      // An event may schedule another inside the same slot; it is dispatched before the next phase.
      if (item.event.label === 'tie-p0') ctx.schedule(item.timeMs + 50, { label: 'child' }, 0);
    },
  });
  return { sim, log };
}

describe('engine run loop', () => {
  it('runs phases in order, dispatches events by (time, priority, seq) after each phase, epochs after their last slot', () => {
    const { sim, log } = loggingSimulation();
    runSlots(sim, 0, 3);
    expect(log).toEqual([
      's0:exogenous',
      's0:event:tie-p0@100',
      's0:event:tie-p1-first@100',
      's0:event:tie-p1-second@100',
      's0:event:child@150',
      's0:event:late-p0@500',
      's0:search',
      's1:exogenous',
      's1:event:next-slot-from-s0@1001',
      's1:event:tie-p0@1100',
      's1:event:tie-p1-first@1100',
      's1:event:tie-p1-second@1100',
      's1:event:child@1150',
      's1:event:late-p0@1500',
      's1:search',
      'epoch0:learn',
      's2:exogenous',
      's2:event:next-slot-from-s1@2001',
      's2:event:tie-p0@2100',
      's2:event:tie-p1-first@2100',
      's2:event:tie-p1-second@2100',
      's2:event:child@2150',
      's2:event:late-p0@2500',
      's2:search',
    ]);
    expect(sim.queue.size).toBe(1); // the event for slot 3 is still pending
  });

  it('is deterministic: two runs give the same log', () => {
    const a = loggingSimulation();
    const b = loggingSimulation();
    runSlots(a.sim, 0, 5);
    runSlots(b.sim, 0, 5);
    expect(a.log).toEqual(b.log);
  });

  it('fails loudly when events are scheduled but nothing handles them', () => {
    const sim = createSimulation<null, Ev>({
      clock: { slotMs: 10, slotsPerEpoch: 1 },
      state: null,
      phases: [{ name: 'p', run: (_s, ctx) => ctx.schedule(ctx.startMs, { label: 'x' }) }],
    });
    expect(() => runSlots(sim, 0, 1)).toThrow(/no handler/);
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
      const key = (s: typeof it) => [s.timeMs, s.priority, s.seq];
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
