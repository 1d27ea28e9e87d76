import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { EventBus } from '../../src/engine/eventBus.js';
import { runCheckpointed } from '../../src/io/checkpointedRun.js';
import { fsUserError } from '../../src/io/fsErrors.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { smallConfig, tempDir } from '../cli/helpers.js';

/** Fails the test if an error escapes as an uncaught exception while `body` runs (and shortly after). */
async function noUncaught(body: () => Promise<void>): Promise<void> {
  const escaped: unknown[] = [];
  const listener = (err: unknown) => void escaped.push(err);
  process.on('uncaughtException', listener);
  try {
    await body();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('uncaughtException', listener);
  }
  expect(escaped).toEqual([]);
}

describe('writer errors reach the caller synchronously', () => {
  it('an event-bus handler that throws makes emit throw (not a deferred uncaught exception)', async () => {
    await noUncaught(async () => {
      const bus = new EventBus<{ type: 'x'; slot: number }>();
      const seen: number[] = [];
      bus.on('x', () => {
        throw new Error('sink failed');
      });
      bus.on('x', (e) => void seen.push(e.slot));
      expect(() => bus.emit({ type: 'x', slot: 1 })).toThrow('sink failed');
      expect(seen).toEqual([1]); // the other subscribers still got the event
      expect(() => bus.emit({ type: 'x', slot: 2 })).toThrow('sink failed'); // every time, not once
      expect(seen).toEqual([1, 2]);
    });
  });

  it('a library onRow that throws surfaces as a thrown error from the run', async () => {
    await noUncaught(async () => {
      const config = resolveMarketConfig(smallConfig({ slots: 20 }));
      let rows = 0;
      expect(() =>
        runMarket(config, {
          onRow: () => {
            if (++rows === 3) throw new Error('disk on fire');
          },
        }),
      ).toThrow('disk on fire');
    });
  });

  it('a disk-full table (ENOSPC) rejects the checkpointed run with an error the CLI reports as exit 2', async () => {
    if (!existsSync('/dev/full')) return;
    await noUncaught(async () => {
      const dir = tempDir();
      symlinkSync('/dev/full', join(dir, 'slots.csv.partial'));
      const config = resolveMarketConfig(smallConfig({ slots: 20_000 }));
      const err = await runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 0, stopRequested: () => false }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
      const user = fsUserError(err)!;
      expect(user.exitCode).toBe(2);
      expect(user.message).toContain(`"${join(dir, 'slots.csv.partial')}"`);
      expect(user.message).toContain('no space left on the device');
    });
  });
});
