/*
 * Text cells crossing to the writer thread as numbers. A block's text columns (rollup ids, builder
 * and searcher ids, …: a handful of distinct values repeated on every row) would be structured-cloned
 * string by string on every postMessage; instead the run's thread numbers each distinct text once
 * and sends an Int32Array of codes per column (transferred like the number columns) with the texts
 * first seen in that block, and the writer thread turns the codes back into the same strings.
 */

/** Code of a missing (null) text cell. */
const missing = -1;

/** Distinct texts kept before the numbering starts afresh (a column of ever-new texts must not grow it forever). */
export const maxTextCodes = 1 << 16;

/** The texts one block adds to the numbering (in code order), and whether the numbering started afresh before them. */
export interface NewTexts {
  texts: string[];
  restart: boolean;
}

/** The run's side: numbers the texts of the blocks it sends. */
export class TextNumbering {
  private readonly codes = new Map<string, number>();
  private added: string[] = [];
  private restart = false;

  /** Writes the codes of `text[0 … length − 1]` into `into`. */
  encode(text: readonly (string | null)[], length: number, into: Int32Array): void {
    for (let i = 0; i < length; i++) {
      const s = text[i];
      if (typeof s !== 'string') into[i] = missing;
      // The row before or the one before that (a row per rollup): most cells, without a map lookup.
      else if (i > 0 && s === text[i - 1]) into[i] = into[i - 1]!;
      else if (i > 1 && s === text[i - 2]) into[i] = into[i - 2]!;
      else into[i] = this.codeOf(s);
    }
  }

  private codeOf(s: string): number {
    let code = this.codes.get(s);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(s, code);
      this.added.push(s);
    }
    return code;
  }

  /** The texts numbered since the last call (to send with the block), starting afresh when the numbering has grown too large. */
  takeNew(): NewTexts {
    const taken = { texts: this.added, restart: this.restart };
    this.added = [];
    this.restart = false;
    if (this.codes.size > maxTextCodes) {
      this.codes.clear();
      this.restart = true;
    }
    return taken;
  }
}

/** The writer thread's side: the texts by code, as the run numbered them. */
export class NumberedTexts {
  private texts: string[] = [];

  /** Takes in the texts a block adds (after the block's own restart, if any). */
  add(added: NewTexts): void {
    if (added.restart) this.texts = [];
    for (const s of added.texts) this.texts.push(s);
  }

  /** Writes the texts of `codes[0 … length − 1]` into `into` (null for a missing cell). */
  decode(codes: Int32Array, length: number, into: (string | null)[]): void {
    const texts = this.texts;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      into[i] = code === missing ? null : texts[code]!;
    }
  }
}
