import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** Runs the built `seqsim` binary as a user would (needs `npm run build`, which `npm test` does first). */
export function bin(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/seqsim.js', ...argv], { encoding: 'utf8', env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'seqsim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a config object (or raw text) to a temp file and returns its path. */
export function writeConfig(config: unknown, dir = tempDir()): string {
  const path = join(dir, 'config.json');
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config));
  return path;
}

/** A small valid market config for tests. */
export function smallConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    seed: 5,
    slots: 200,
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 0.6 },
    rollups: [
      { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.003 } },
      { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 } },
    ],
    searchers: [
      { kind: 'cex-dex', id: 'arb-A', rollup: 'A' },
      { kind: 'cex-dex', id: 'arb-B', rollup: 'B' },
    ],
    ...overrides,
  };
}

/**
 * One test per bad-input case: `seqsim run` on the config exits 2 with one paragraph (no stack
 * trace) matching the message, and writes nothing.
 */
export function itRejects(cases: readonly (readonly [string, unknown, RegExp])[]): void {
  for (const [what, config, message] of cases) {
    it(`rejects ${what}`, async () => {
      const out = join(tempDir(), 'never');
      const r = await cli('run', writeConfig(config), '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().split('\n').length).toBe(1);
      expect(existsSync(out)).toBe(false);
    });
  }
}
