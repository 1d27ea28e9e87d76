import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { createColumnBlock } from '../../src/engine/columnBlock.js';
import { readCheckpoint, runCheckpointed } from '../../src/io/checkpointedRun.js';
import { fsUserError } from '../../src/io/fsErrors.js';
import { ThreadedTable } from '../../src/io/tableThread.js';
import { writeMarketRun, writeMarketRunAsync } from '../../src/io/writeRun.js';
import { smallConfig, tempDir, writeConfig } from '../cli/helpers.js';

// 2 rollups: 2 rows a slot, so 9,000 slots fill four 4,096-row blocks and part of a fifth; checkpoints
// further apart than 2,048 slots let blocks fill up between them.
const config: MarketConfig = resolveMarketConfig(smallConfig({ slots: 9_000 }));
const bytes = (dir: string, file: string) => readFileSync(join(dir, file));
const fresh = (name: string) => {
  const dir = join(tempDir(), name);
  mkdirSync(dir);
  return dir;
};
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as NodeJS.ErrnoException,
  );

describe('the slots table written on a worker thread', () => {
  it('every checkpoint written during the run verifies and vouches for exactly its own slot’s rows, and equals the inline run’s', async () => {
    // Checkpoints are written when the writer thread reports the table's state, while the model runs
    // on: each one read as soon as it appears (from the slot subscriber) must verify against the
    // partial table on disk and describe the slot its snapshot was taken at (2 rows per slot).
    const seen = async (writerThread: boolean) => {
      const dir = fresh(writerThread ? 'cp-thread' : 'cp-inline');
      const found = new Map<number, string>();
      const look = () => {
        const path = join(dir, 'checkpoint.json');
        if (!existsSync(path)) return;
        const text = readFileSync(path, 'utf8');
        const cp = JSON.parse(text) as { next_slot: number; snapshot: { nextSlot: number }; table: { rows: number } };
        if (found.has(cp.next_slot)) return;
        expect(() => readCheckpoint(dir)).not.toThrow();
        expect(cp.snapshot.nextSlot).toBe(cp.next_slot);
        expect(cp.table.rows).toBe(2 * cp.next_slot);
        found.set(cp.next_slot, text);
      };
      await runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 500, writerThread, stopRequested: () => false, onSlot: look });
      look();
      return found;
    };
    const [inline, thread] = [await seen(false), await seen(true)];
    expect(inline.size).toBeGreaterThan(10);
    expect(thread.size).toBeGreaterThan(10);
    for (const [slot, text] of thread) if (inline.has(slot)) expect(text, `checkpoint at slot ${slot}`).toBe(inline.get(slot));
  });

  for (const format of ['csv', 'jsonl'] as const)
    it(`a checkpointed ${format} run writes the same table and checkpoint bytes as one written inline`, async () => {
      const [inline, thread] = [fresh('inline'), fresh('thread')];
      const opts = { format, checkpointEvery: 2_500, stopRequested: () => false };
      await runCheckpointed(config, inline, opts);
      await runCheckpointed(config, thread, { ...opts, writerThread: true });
      expect(statSync(join(thread, `slots.${format}`)).size).toBeGreaterThan(0);
      for (const file of [`slots.${format}`, 'checkpoint.json', 'summary.json', `agents.${format}`]) expect(bytes(thread, file).equals(bytes(inline, file)), file).toBe(true);
      expect(existsSync(join(thread, `slots.${format}.partial`))).toBe(false);
    });

  it('a parquet run writes the same bytes as one written inline', async () => {
    const [inline, thread] = [fresh('inline'), fresh('thread')];
    writeMarketRun(config, inline, { format: 'parquet' });
    await writeMarketRunAsync(config, thread, { format: 'parquet', writerThread: true });
    for (const file of ['slots.parquet', 'summary.json', 'agents.parquet']) expect(bytes(thread, file).equals(bytes(inline, file)), file).toBe(true);
  });

  it('a run stopped mid-way and resumed, both on the thread, gives the bytes of a straight inline run', async () => {
    const straight = fresh('straight');
    await runCheckpointed(config, straight, { format: 'csv', checkpointEvery: 0, stopRequested: () => false });
    const dir = fresh('stopped');
    let slots = 0;
    const stopped = await runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 3_000, writerThread: true, onSlot: () => void slots++, stopRequested: () => slots >= 4_321 });
    expect([stopped.summary, stopped.slot]).toEqual([null, 4_321]);
    expect(existsSync(join(dir, 'slots.csv.partial'))).toBe(true);
    const resume = readCheckpoint(dir);
    expect(resume.table.rows).toBe(2 * 4_321);
    await runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 3_000, writerThread: true, stopRequested: () => false, resume });
    expect(bytes(dir, 'slots.csv').equals(bytes(straight, 'slots.csv'))).toBe(true);
    expect(bytes(dir, 'summary.json').equals(bytes(straight, 'summary.json'))).toBe(true);
  });

  it('a disk-full table (ENOSPC) rejects with the error the inline writer throws: same code, path, message, CLI message', async () => {
    if (!existsSync('/dev/full')) return void expect(process.platform).not.toBe('linux'); // Linux always has it: never skipped there
    const run = (thread: boolean) => {
      const dir = fresh(thread ? 'thread' : 'inline');
      symlinkSync('/dev/full', join(dir, 'slots.csv.partial'));
      return failureOf(runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 0, writerThread: thread, stopRequested: () => false })).then((err) => ({ dir, err: err! }));
    };
    const inline = await run(false);
    const thread = await run(true);
    const fields = (e: NodeJS.ErrnoException, dir: string) => ({ code: e.code, errno: e.errno, syscall: e.syscall, path: e.path?.replace(dir, 'DIR'), message: e.message });
    expect(fields(thread.err, thread.dir)).toEqual(fields(inline.err, inline.dir));
    expect(thread.err.code).toBe('ENOSPC');
    expect(thread.err.path).toBe(join(thread.dir, 'slots.csv.partial'));
    const user = fsUserError(thread.err)!;
    expect(user.exitCode).toBe(2);
    expect(user.message).toBe(fsUserError(inline.err)!.message.replace(inline.dir, thread.dir));
  });

  it('a missing folder rejects when the table is opened, with the error of opening it inline', async () => {
    const dir = join(tempDir(), 'gone');
    const thread = await failureOf(runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 0, writerThread: true, stopRequested: () => false }));
    const inline = await failureOf(runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 0, stopRequested: () => false }));
    expect(thread!.code).toBe('ENOENT');
    expect([thread!.code, thread!.syscall, thread!.path, thread!.message]).toEqual([inline!.code, inline!.syscall, inline!.path, inline!.message]);
    const parquet = await failureOf(writeMarketRunAsync(config, dir, { format: 'parquet', writerThread: true }));
    expect([parquet!.code, parquet!.path]).toEqual(['ENOENT', join(dir, 'slots.parquet.partial')]);
  });

  it('seqsim run: a write failing on the thread exits 2 with the inline message, keeping the rows a checkpoint vouches for', () => {
    const cfg = writeConfig(smallConfig({ slots: 9_000 }));
    const runCli = (thread: 'on' | 'off') => {
      const out = join(tempDir(), 'run');
      const args = ['--import', './test/io/fixtures/enospcAfterFirstWrite.mjs', 'bin/seqsim.js', 'run', cfg, '--out', out, '--quiet', '--checkpoint-every', '500', '--writer-thread', thread];
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' } });
      return { out, code: r.status, stderr: r.stderr.replaceAll(out, 'OUT') };
    };
    const [inline, thread] = [runCli('off'), runCli('on')];
    expect(inline.stderr).toContain('no space left on the device (write, ENOSPC)');
    expect([thread.code, thread.stderr]).toEqual([2, inline.stderr]);
    // The first checkpoint's rows were written before the disk "filled": the folder resumes from them.
    const checkpoint = readCheckpoint(thread.out);
    expect(checkpoint.next_slot).toBe(500);
    expect(statSync(join(thread.out, 'slots.csv.partial')).size).toBe(checkpoint.table.bytes);
  });
});

describe('ThreadedTable', () => {
  const block = () => {
    const b = createColumnBlock([{ name: 'slot', type: 'int64' }, { name: 'ok', type: 'bool' }, { name: 'who', type: 'string' }], 1_000);
    b.length = 1_000;
    return b;
  };

  it('transfers a block\'s typed arrays (not copied), hands back a block to fill, and reports backlog beyond its bound', async () => {
    const dir = fresh('t');
    const table = await ThreadedTable.open({ path: join(dir, 'slots.csv'), format: 'csv', types: {} }, 2);
    const sent = block();
    const next = table.writeBlock(sent);
    expect((sent.data[0] as Float64Array).length).toBe(0); // detached: its buffer moved to the thread
    expect(next.columns).toBe(sent.columns);
    expect([next.length, (next.data[0] as Float64Array).length, next.data[2]]).toEqual([0, 1_000, sent.data[2]]);
    table.writeBlock(block());
    expect(table.backlogged()).toBe(false); // 2 pending: at the bound
    table.writeBlock(block());
    expect(table.backlogged()).toBe(true);
    await table.ready();
    expect(table.backlogged()).toBe(false);
    expect((await table.state()).rows).toBe(3_000);
    await table.close();
    expect(readFileSync(join(dir, 'slots.csv'), 'utf8').split('\n')).toHaveLength(3_002); // header, rows, final newline
  });

  it('a writer thread that crashes rejects the pending request instead of hanging; abandon still resolves', async () => {
    const table = await ThreadedTable.open({ path: join(fresh('t'), 'slots.csv'), format: 'csv', types: {} });
    const worker = (table as unknown as { worker: Worker }).worker;
    worker.postMessage({ op: 'block', data: null, capacity: 0, length: 1 }); // throws outside the writer's try in the thread
    const err = await table.state().then(() => null, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(TypeError); // the thread's own error, not a timeout or a generic one
    expect(() => table.writeBlock(block())).toThrow(err!.message);
    await table.abandon();
  });

  it('a writer thread that exits rejects later waits with a message naming the table', async () => {
    const path = join(fresh('t'), 'slots.csv');
    const table = await ThreadedTable.open({ path, format: 'csv', types: {} });
    await (table as unknown as { worker: Worker }).worker.terminate();
    await expect(table.state()).rejects.toThrow(`the writer thread of "${path}.partial" stopped unexpectedly`);
    await expect(table.ready()).rejects.toThrow('stopped unexpectedly');
    await table.abandon();
  });
});
