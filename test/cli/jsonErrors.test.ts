import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeConfig } from './helpers.js';
import { writeSweep } from '../sweep/helpers.js';

describe('JSON syntax errors name the line and column and show the line with a caret (exit 2)', () => {
  it('a config file with a trailing comma', async () => {
    const text = '{\n  "seed": 1,\n  "slots": 10,\n}\n';
    const path = writeConfig(text);
    const r = await cli('run', path, '--out', join(tempDir(), 'x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Config file "${path}" is not valid JSON at line 4, column 1`);
    expect(r.stderr).toContain('  4 | }\n    | ^');
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('a config file cut short', async () => {
    const path = writeConfig('{\n  "seed": 1,\n  "slots": 1');
    const r = await cli('run', path, '--out', join(tempDir(), 'x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON at line 3, column 13/);
  });

  it('a sweep file with a missing comma', async () => {
    const path = writeSweep('{\n  "seeds": [1, 2]\n  "slots": 10\n}\n');
    const r = await cli('sweep', path, '--out', join(tempDir(), 'x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Sweep file "${path}" is not valid JSON at line 3, column 3`);
    expect(r.stderr).toContain('  3 |   "slots": 10\n    |   ^');
  });
});
