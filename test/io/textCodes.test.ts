import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxTextCodes, NumberedTexts, TextNumbering } from '../../src/io/textCodes.js';

/** Sends `columns` block by block through a numbering and back, as the writer thread decodes them. */
function roundTrip(blocks: (string | null)[][]): (string | null)[][] {
  const numbering = new TextNumbering();
  const texts = new NumberedTexts();
  return blocks.map((text) => {
    const codes = new Int32Array(text.length);
    numbering.encode(text, text.length, codes);
    texts.add(numbering.takeNew());
    const into: (string | null)[] = [];
    texts.decode(codes, text.length, into);
    return into;
  });
}

describe('text cells as codes (textCodes.ts)', () => {
  it('gives back the same texts and nulls, each distinct text sent once', () => {
    const blocks = [['A', 'B', null, 'A', ''], ['B', 'arb-A;backrun-A', null, 'é"', 'A']];
    expect(roundTrip(blocks)).toEqual(blocks);
    const numbering = new TextNumbering();
    numbering.encode(blocks[0]!, 5, new Int32Array(5));
    expect(numbering.takeNew()).toEqual({ texts: ['A', 'B', ''], restart: false });
    numbering.encode(blocks[1]!, 5, new Int32Array(5));
    expect(numbering.takeNew().texts).toEqual(['arb-A;backrun-A', 'é"']);
  });

  it('starts the numbering afresh after more than maxTextCodes distinct texts, and still decodes every block', () => {
    const many = Array.from({ length: maxTextCodes + 10 }, (_, i) => `t${i}`);
    const blocks = [many, ['t3', 'new', null], ['t3', 'new']];
    expect(roundTrip(blocks)).toEqual(blocks);
  });

  it('gives back any blocks of texts from a small pool (repeats one and two rows apart, nulls, equal texts that are different strings)', () => {
    const pool = fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(pool, fc.array(fc.array(fc.nat(), { maxLength: 12 }), { maxLength: 4 }), (texts, picks) => {
        // Rebuilt strings: equal by value, not necessarily the same object.
        const blocks = picks.map((block) => block.map((k) => (texts[k % texts.length] === null ? null : [...texts[k % texts.length]!].join(''))));
        expect(roundTrip(blocks)).toEqual(blocks);
      }),
      { numRuns: 500 },
    );
  });
});
