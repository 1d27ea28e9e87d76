import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

// Every scenario in configs/scenarios/ runs as a smoke test (STYLE.md rule 11), shortened.
describe('scenarios run', () => {
  const files = readdirSync('configs/scenarios').filter((f) => f.endsWith('.json'));
  it('finds the scenarios', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const f of files) {
    it(`${f} runs`, async () => {
      const r = await cli('run', join('configs/scenarios', f), '--slots', '150', '--out', join(tempDir(), 'run'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  }
});
