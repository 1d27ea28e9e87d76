import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { UserInputError } from '../config/errors.js';
import type { Row } from '../engine/recorder.js';

/** One finished run, as the journal records it. */
export interface JournalEntry {
  readonly index: number;
  readonly run_id: string;
  readonly row: Row;
}

/**
 * The sweep's journal, `journal.jsonl`: one JSON line per finished run, appended in completion
 * order with a single write each. It is what `--resume` reads; the results table is rebuilt from it.
 * A kill can at worst leave a partial last line, which {@link readJournal} cuts off.
 */
export class Journal {
  private readonly fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  append(entry: JournalEntry): void {
    writeSync(this.fd, JSON.stringify(entry) + '\n');
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Reads a journal's whole lines, truncating the file after the last one (a run interrupted while
 * its line was written is simply run again).
 * @throws UserInputError when the file is missing or a whole line is not a journal entry.
 */
export function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) throw new UserInputError(`Cannot resume: "${path}" is missing, so seqsim cannot tell which runs finished. Start the sweep afresh with a new --out.`);
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, end)));
  return text
    .slice(0, end)
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line, i) => {
      try {
        const e = JSON.parse(line) as JournalEntry;
        if (Number.isInteger(e.index) && typeof e.run_id === 'string' && e.row && typeof e.row === 'object') return e;
      } catch {
        // reported below
      }
      throw new UserInputError(`Cannot resume: line ${i + 1} of "${path}" is not a journal entry. The file was edited or damaged; start the sweep afresh with a new --out.`);
    });
}
