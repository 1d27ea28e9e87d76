import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/engine/eventBus.js';

type Ev = { type: 'a'; slot: number } | { type: 'b'; slot: number };

describe('EventBus', () => {
  it('delivers each event synchronously to the handlers of its type, in subscription order, then to events$', () => {
    const bus = new EventBus<Ev>();
    const log: string[] = [];
    bus.events$.subscribe((e) => void log.push(`all:${e.type}${e.slot}`));
    bus.on('a', (e) => void log.push(`a1:${e.slot}`));
    bus.on('b', (e) => void log.push(`b:${e.slot}`));
    bus.on('a', (e) => void log.push(`a2:${e.slot}`));
    bus.emit({ type: 'a', slot: 1 });
    bus.emit({ type: 'b', slot: 2 });
    expect(log).toEqual(['a1:1', 'a2:1', 'all:a1', 'b:2', 'all:b2']);
  });

  it('stops delivering to an unsubscribed handler, also one removed while an event is being delivered', () => {
    const bus = new EventBus<Ev>();
    const log: number[] = [];
    const first = bus.on('a', () => {
      log.push(1);
      second.unsubscribe();
    });
    const second = bus.on('a', () => void log.push(2));
    bus.emit({ type: 'a', slot: 0 }); // the array being iterated is replaced, not mutated: 2 still gets this one
    bus.emit({ type: 'a', slot: 1 });
    first.unsubscribe();
    bus.emit({ type: 'a', slot: 2 });
    expect(log).toEqual([1, 2, 1]);
  });

  it('after complete(), events$ completes and later events reach no one', () => {
    const bus = new EventBus<Ev>();
    const log: string[] = [];
    bus.on('a', () => void log.push('on'));
    bus.events$.subscribe({ next: () => void log.push('next'), complete: () => void log.push('complete') });
    bus.complete();
    bus.emit({ type: 'a', slot: 0 });
    expect(log).toEqual(['complete']);
  });

  it('observed(type): whether an event of that type would reach anyone (an on handler of it, or events$)', () => {
    const bus = new EventBus<Ev>();
    expect(bus.observed('a')).toBe(false);
    const a = bus.on('a', () => {});
    expect(bus.observed('a')).toBe(true);
    expect(bus.observed('b')).toBe(false);
    a.unsubscribe();
    expect(bus.observed('a')).toBe(false);
    const all = bus.events$.subscribe(() => {});
    expect(bus.observed('b')).toBe(true);
    all.unsubscribe();
    expect(bus.observed('b')).toBe(false);
    bus.on('b', () => {});
    bus.complete();
    expect(bus.observed('b')).toBe(false);
  });
});
