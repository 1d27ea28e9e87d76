import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshRunDir, safeName } from '../../src/io/runFolder.js';
import { fsUserError } from '../../src/io/fsErrors.js';
import { cli, smallConfig, tempDir, writeConfig } from './helpers.js';

describe('run-folder names never come from raw config text', () => {
  it('safeName keeps letters, digits, . _ - and no leading dots', () => {
    expect(safeName('/../../../outside')).toBe('outside');
    expect(safeName('..')).toBe('run');
    expect(safeName('my config (v2)')).toBe('my-config-v2');
    expect(freshRunDir('runs', '../../x', 'abcdef0123456789', '20260101T000000')).toBe(join('runs', 'x-abcdef01-20260101T000000'));
  });

  it('a seed like "/../../../outside" writes under runs/ of the working folder, nowhere else', () => {
    const root = tempDir();
    const cwd = join(root, 'a', 'b', 'c');
    mkdirSync(cwd, { recursive: true });
    const cfg = writeConfig(smallConfig({ seed: '/../../../outside', slots: 5 }), root);
    const r = spawnSync(process.execPath, [resolve('bin/seqsim.js'), 'run', cfg], { cwd, encoding: 'utf8', env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' } });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(root).sort()).toEqual(['a', 'config.json']);
    expect(readdirSync(cwd)).toEqual(['runs']);
    const [dir] = readdirSync(join(cwd, 'runs'));
    expect(dir).toMatch(/^config-[0-9a-f]{8}-\d{8}T\d{6}$/);
    expect(existsSync(join(cwd, 'runs', dir!, 'summary.json'))).toBe(true);
  });
});

describe('filesystem errors are exit 2 with the path and the cause, never a stack', () => {
  it('--out under a regular file (ENOTDIR)', async () => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    const r = await cli('run', writeConfig(smallConfig({ slots: 5 })), '--out', join(file, 'run'));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/a part of the path is a file, not a folder \(mkdir, ENOTDIR\)/);
    const s = await cli('sweep', join(tempDir(), 'nope.json'));
    expect(s.code).toBe(2);
  });

  it.each([
    ['EACCES', 'permission denied'],
    ['EROFS', 'the filesystem is read-only'],
    ['ENOSPC', 'no space left on the device'],
    ['EEXIST', 'something already exists there'],
  ])('%s becomes one paragraph naming the path and the cause', (code, cause) => {
    const err = Object.assign(new Error(`${code}: oops`), { code, syscall: 'open', path: '/some/where' });
    const e = fsUserError(err)!;
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('"/some/where"');
    expect(e.message).toContain(`${cause} (open, ${code})`);
    expect(e.message.split('\n')).toHaveLength(1);
    expect(fsUserError(new Error('a bug'))).toBeNull();
  });
});
