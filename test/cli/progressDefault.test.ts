import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { formatRate } from '../../src/cli/progress.js';
import { smallSweep, writeSweep } from '../sweep/helpers.js';
import { bin, tempDir } from './helpers.js';

/*
 * Progress by default: a bar when stderr is a terminal; a plain line every --progress-every seconds
 * when it is a pipe or a file (never at the start or the end, so a short run prints nothing); none
 * with --quiet, and none by default when the caller captures the text (the in-process `cli()` of the
 * tests), so captured stderr never depends on the machine's speed.
 */
const timedLine = /^run: \d+\/300 slots \(\d+%\), [\d.]+ slots\/s, ETA (\d+ s|\d+ min \d+ s|\d+ h \d+ min|unknown)$/;

/** A stand-in for a terminal or a pipe behind stderr: records what is written to it. */
class FakeStream extends Writable {
  text = '';
  constructor(readonly isTTY: boolean, readonly columns = 120) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

/** Runs the CLI in-process with stderr backed by `stream` (its text also captured). */
async function withStream(stream: FakeStream, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrStream: stream as unknown as NodeJS.WriteStream };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('progress by default', () => {
  it('piped (the real binary): timed lines only, each with slots done, slots/s and ETA; stdout as before', () => {
    const r = bin('run', 'configs/baseline.json', '--slots', '300', '--out', join(tempDir(), 'r'), '--progress-every', '0.001');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(timedLine);
    const done = lines.map((l) => Number(/^run: (\d+)/.exec(l)![1]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.every((d) => d > 0 && d < 300)).toBe(true); // no line at the start or the end
    expect(r.stdout).toMatch(/^300 slots/);
  });

  it('piped with --quiet, or with the default 10 s interval on a short run: nothing on stderr', () => {
    const quiet = bin('run', 'configs/baseline.json', '--slots', '300', '--out', join(tempDir(), 'q'), '--progress-every', '0.001', '--quiet');
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
  });

  it('a pipe behind stderr (in-process): the same timed lines; a captured stderr without a stream: none', async () => {
    const pipe = new FakeStream(false);
    const r = await withStream(pipe, 'run', 'configs/baseline.json', '--slots', '300', '--out', join(tempDir(), 'p'), '--progress-every', '0.001');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.length).toBeGreaterThan(0);
    for (const l of r.stderr.trim().split('\n')) expect(l).toMatch(timedLine);
    let captured = '';
    const code = await main(['run', 'configs/baseline.json', '--slots', '300', '--out', join(tempDir(), 'c'), '--progress-every', '0.001'], { stdout: () => {}, stderr: (t) => void (captured += t) });
    expect([code, captured]).toEqual([0, '']);
  });

  it('a terminal behind stderr: the cli-progress bar with slots done, slots/s and ETA, drawn on the terminal', async () => {
    const tty = new FakeStream(true);
    const r = await withStream(tty, 'run', 'configs/baseline.json', '--slots', '300', '--out', join(tempDir(), 't'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // no plain lines
    expect(tty.text).toMatch(/run \[[=-]+\] 300\/300 slots \| \d+ slots\/s \| ETA \d+s/);
    const quiet = new FakeStream(true);
    expect((await withStream(quiet, 'run', 'configs/baseline.json', '--slots', '300', '--out', join(tempDir(), 'tq'), '--quiet')).code).toBe(0);
    expect(quiet.text).toBe('');
  });

  it.skipIf(!existsSync('/usr/bin/script'))('in a real pseudo-terminal (util-linux script): the bar', () => {
    const out = join(tempDir(), 'pty');
    const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} bin/seqsim.js run configs/baseline.json --slots 300 --out ${out}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/run \[[=-]+\] 300\/300 slots \| \d+ slots\/s \| ETA/);
  });

  it('seqsim sweep: lines (start, every 10%, end) with a pipe behind stderr; none with --quiet', async () => {
    const file = writeSweep(smallSweep({ slots: 20, seeds: [1] }));
    const pipe = new FakeStream(false);
    const r = await withStream(pipe, 'sweep', file, '--out', join(tempDir(), 's'), '--workers', '1');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('sweep: 0/4 runs');
    expect(lines.at(-1)).toMatch(/^sweep: 4\/4 runs \(100%\) in [\d.]+ s$/);
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/^sweep: \d\/4 runs \(\d+%\), [\d.]+ runs\/s, ETA /);
    const quiet = await withStream(new FakeStream(false), 'sweep', file, '--out', join(tempDir(), 'sq'), '--workers', '1', '--quiet');
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
  });

  it('--progress with --quiet, and a bad --progress-every, exit 2 before anything is written', async () => {
    const out = join(tempDir(), 'never');
    for (const [args, message] of [
      [['--progress', '--quiet'], /--progress and --quiet contradict each other/],
      [['--progress-every', '0'], /--progress-every must be a number of seconds > 0 \(e\.g\. --progress-every 30\), but got "0"/],
      [['--progress-every', 'abc'], /--progress-every must be a number of seconds > 0/],
    ] as const) {
      const r = await withStream(new FakeStream(false), 'run', 'configs/baseline.json', '--out', out, ...args);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('rates never print in exponent form', () => {
    expect([formatRate(0.090909), formatRate(2.4), formatRate(99.94), formatRate(738.4), formatRate(15246.77)]).toEqual(['0.0909', '2.40', '99.9', '738', '15247']);
  });
});
