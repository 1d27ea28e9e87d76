import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { UserInputError } from '../config/errors.js';
import type { Row } from '../engine/recorder.js';
import { seal, sha256, verifySeal } from '../io/integrity.js';

/** The schema version of a journal line this seqsim writes and reads. */
export const journalVersion = 2;

/** One finished run, as the journal records it: succeeded (`ok`) or failed with a one-line `error`. */
export interface JournalEntry {
  readonly index: number;
  readonly run_id: string;
  readonly status: 'ok' | 'failed';
  readonly error: string | null;
  /** SHA-256 of the run's resolved config (of the cell as written, for an invalid cell). */
  readonly config_sha256: string;
  /** The run's row of the results table. */
  readonly row: Row;
}

/**
 * A journal line: an entry with its schema `version`, `row_sha256` (the SHA-256 of the row's JSON,
 * the table content it vouches for) and `sha256` (the SHA-256 of the line without that field).
 */
export interface JournalLine extends JournalEntry {
  readonly version: typeof journalVersion;
  readonly row_sha256: string;
  readonly sha256: string;
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
    const line = seal({ version: journalVersion, ...entry, row_sha256: sha256(JSON.stringify(entry.row)) });
    writeSync(this.fd, JSON.stringify(line) + '\n');
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** True when `line` is a whole, verified journal line of this schema version. */
export function isJournalLine(e: unknown): e is JournalLine {
  if (!verifySeal(e)) return false;
  const l = e as JournalLine;
  return (
    l.version === journalVersion &&
    Number.isInteger(l.index) &&
    typeof l.run_id === 'string' &&
    (l.status === 'ok' || l.status === 'failed') &&
    typeof l.config_sha256 === 'string' &&
    l.row !== null &&
    typeof l.row === 'object' &&
    l.row_sha256 === sha256(JSON.stringify(l.row))
  );
}

/**
 * Reads a journal's whole lines, verifying each (schema version, its own SHA-256, its row's), and
 * truncates the file after the last one (a run interrupted while its line was written is simply run
 * again). Checks every line (also with `check`, which throws to refuse one) before truncating anything.
 * @throws UserInputError when the file is missing or a whole line does not verify.
 */
export function readJournal(path: string, check: (line: JournalLine) => void = () => {}): JournalLine[] {
  if (!existsSync(path)) throw new UserInputError(`Cannot resume: "${path}" is missing, so seqsim cannot tell which runs finished. Start the sweep afresh with a new --out.`);
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  const entries = text
    .slice(0, end)
    .split('\n')
    .slice(0, -1)
    .map((line, i) => {
      let e: unknown;
      try {
        e = JSON.parse(line);
      } catch {
        // reported below
      }
      if (isJournalLine(e)) {
        check(e);
        return e;
      }
      throw journalError(path, `line ${i + 1} is not a journal entry that verifies (its schema version, its own SHA-256 or its row's SHA-256 does not match)`);
    });
  if (end < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, end)));
  return entries;
}

/** The refusal for a journal that does not verify: the file, what is wrong, and what to do. */
export function journalError(path: string, problem: string): UserInputError {
  return new UserInputError(
    `Cannot resume: in "${path}", ${problem}. The journal was edited or damaged, so the results it holds cannot be trusted; nothing was changed. ` +
      'Restore the sweep folder from a backup, or start the sweep afresh with a new --out.',
  );
}
