import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SlotOutcome, TraceEntry } from '../../src/marketModel/slot.js';
import { WinnerTexts, winnersInto, winnersScratch } from '../../src/marketModel/slotRecord.js';
import type { WorldState } from '../../src/marketModel/types.js';

/** The former per-rollup scan of the trace (the reference the one-pass `winnersInto` must equal). */
function winnersOn(world: WorldState, out: SlotOutcome, rollup: number): string {
  let ids = '';
  for (const e of out.execution.trace) {
    if (e.rollup !== rollup || e.searcher === undefined || e.kind === 'unwind' || e.kind === 'sandwich-back') continue;
    ids += (ids ? ';' : '') + world.searchers[e.searcher]!.id;
  }
  return ids;
}

const kinds = ['user', 'cex-dex', 'cross-rollup', 'backrun', 'sandwich-front', 'sandwich-back', 'unwind'] as const;
const entry = fc.record({ rollup: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom(...kinds), timeMs: fc.constant(0), searcher: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) });

describe('winnersInto', () => {
  it('equals a scan of the trace per rollup, for every rollup, across slots reusing the scratch', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.constantFrom([0, 1, 2], [2, 0], [1]), (slots, indices) => {
        // Searcher ids include '' so the ';' rule (no separator after an empty prefix) is exercised.
        const world = { rollups: indices.map((index) => ({ index })), searchers: [{ id: 'a' }, { id: '' }, { id: 'c' }] } as unknown as WorldState;
        const scratch = winnersScratch(world);
        for (const trace of slots) {
          const out = { execution: { trace: trace as TraceEntry[] } } as unknown as SlotOutcome;
          const got = winnersInto(world, out, scratch);
          for (const i of indices) expect(got[i]).toBe(winnersOn(world, out, i));
        }
      }),
    );
  });
});

describe('WinnerTexts', () => {
  it('equals winnersInto slot after slot', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.constantFrom([0, 1, 2], [2, 0], [1]), (slots, indices) => {
        const world = { rollups: indices.map((index) => ({ index })), searchers: [{ id: 'a' }, { id: '' }, { id: 'c' }] } as unknown as WorldState;
        const texts = new WinnerTexts(world);
        const scratch = winnersScratch(world);
        for (const trace of slots) {
          const out = { execution: { trace: trace as TraceEntry[] } } as unknown as SlotOutcome;
          const expected = winnersInto(world, out, winnersScratch(world));
          const got = texts.into(world, out, scratch);
          for (const i of indices) expect(got[i]).toBe(expected[i]);
        }
      }),
    );
  });

  it('falls back to concatenating when a rollup executes more bundles than a code holds exactly', () => {
    const searchers = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}` }));
    const world = { rollups: [{ index: 0 }], searchers } as unknown as WorldState;
    // 41^10 > 2^53: ten bundles and more overflow a code.
    const trace = Array.from({ length: 12 }, (_, i) => ({ rollup: 0, kind: 'backrun', timeMs: 0, searcher: 39 - i })) as TraceEntry[];
    const out = { execution: { trace } } as unknown as SlotOutcome;
    expect(new WinnerTexts(world).into(world, out, winnersScratch(world))).toEqual(winnersInto(world, out, winnersScratch(world)));
    const nine = { execution: { trace: trace.slice(0, 9) } } as unknown as SlotOutcome;
    expect(new WinnerTexts(world).into(world, nine, winnersScratch(world))).toEqual(winnersInto(world, nine, winnersScratch(world)));
  });
});
