import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/**
 * Link targets written by other changes: docs/reference/ is generated from the code (config.md,
 * config.schema.json, outputs.md), and the two extension guides are written alongside this page.
 * A link into these may point at a file that does not exist yet; any other relative link must.
 */
const writtenElsewhere = (target: string) =>
  target.startsWith('docs/reference/') || ['docs/extending-mechanisms.md', 'docs/extending-searchers.md'].includes(target);

/** Relative link targets of a Markdown file, as repository paths (anchors and queries dropped). */
function relativeLinks(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => normalize(join(dirname(file), t.replace(/[#?].*$/, ''))).replace(/\\/g, '/').replace(/\/$/, ''));
}

const markdownIn = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).map((f) => `${dir}/${f}`);
const docs = ['README.md', ...markdownIn('docs'), ...markdownIn('docs/experiments')];

describe('README.md', () => {
  it('is the front door: at most 200 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  });

  it('holds the two commands verbatim', () => {
    expect(readme).toContain('npm ci && npx seqsim run configs/baseline.json');
    expect(readme).toContain('npm ci && npm test');
  });

  it("shows the real output of its worked example (every line but … and the run's duration)", async () => {
    const block = /```\n\$ npx seqsim (run [^\n]*)\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const [command, shown] = [block![1]!, block![2]!];
    const scratch = mkdtempSync(join(tmpdir(), 'seqsim-readme-'));
    try {
      const args = command.split(/\s+/).map((a) => (a === '/tmp/first' ? join(scratch, 'first') : a));
      const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin/seqsim.js'), ...args], { cwd: root, timeout: 120_000 });
      const actual = stdout.replaceAll(join(scratch, 'first'), '/tmp/first').replace(/ in \d+(\.\d+)? s$/m, ' in N s');
      for (const line of shown.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '…'))
        expect(actual).toContain(line.replace(/ in \d+(\.\d+)? s$/, ' in N s'));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('relative links of README.md, docs/*.md and docs/experiments/*.md', () => {
  it.each(docs)('every relative link of %s points to an existing file', (file) => {
    const missing = relativeLinks(file).filter((t) => !writtenElsewhere(t) && !existsSync(join(root, t)));
    expect(missing, `${file} links to missing ${missing.join(', ')}`).toEqual([]);
  });

  it('every docs/experiments page and docs page is linked from README.md', () => {
    const linked = new Set(relativeLinks('README.md'));
    expect(docs.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([]);
  });
});
