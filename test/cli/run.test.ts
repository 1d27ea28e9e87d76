import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli, itRejects, smallConfig, tempDir, writeConfig } from './helpers.js';

const read = (dir: string, f: string) => readFileSync(join(dir, f));

describe('seqsim run', () => {
  it('writes manifest.json, slots.csv and summary.json, and prints a summary', async () => {
    const out = join(tempDir(), 'run');
    const r = await cli('run', writeConfig(smallConfig()), '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['agents.csv', 'checkpoint.json', 'manifest.json', 'slots.csv', 'summary.json']);
    const manifest = JSON.parse(read(out, 'manifest.json').toString());
    expect(manifest).toMatchObject({ seqsim_version: '0.1.0', node_version: process.version, seed: 5, slots: 200 });
    expect(manifest.config.rollups[0].users.arrivalsPerSlot).toBe(1); // defaults are filled in
    const lines = read(out, 'slots.csv').toString().trim().split('\n');
    expect(lines.length).toBe(1 + 200 * 2); // header + one row per (slot, rollup)
    expect(r.stdout).toMatch(/200 slots/);
    expect(r.stdout).toContain(out);
  });

  it('is reproducible: same config and seed give byte-identical slots.csv and summary.json', async () => {
    const cfg = writeConfig(smallConfig());
    const [a, b, c] = [join(tempDir(), 'a'), join(tempDir(), 'b'), join(tempDir(), 'c')];
    // Short runs: byte-identity does not depend on the length.
    await cli('run', cfg, '--out', a, '--slots', '40');
    await cli('run', cfg, '--out', b, '--slots', '40');
    await cli('run', cfg, '--out', c, '--slots', '40', '--seed', '6');
    for (const f of ['slots.csv', 'summary.json', 'manifest.json']) expect(read(a, f).equals(read(b, f))).toBe(true);
    for (const f of ['slots.csv', 'summary.json']) expect(read(a, f).equals(read(c, f))).toBe(false);
  });

  it('--slots, --seed and --set override the config', async () => {
    const out = join(tempDir(), 'o');
    const r = await cli('run', writeConfig(smallConfig()), '--out', out, '--slots', '30', '--seed', 'abc', '--set', 'rollups.0.pool.fee=0.01', '--set', 'reference.sigmaPerYear=0.2');
    expect(r.code).toBe(0);
    const m = JSON.parse(read(out, 'manifest.json').toString());
    expect([m.slots, m.seed, m.config.rollups[0].pool.fee, m.config.reference.sigmaPerYear]).toEqual([30, 'abc', 0.01, 0.2]);
  });

  it('without --out writes a fresh folder under runs/ and says where', async () => {
    const r = await cli('run', 'configs/baseline.json', '--slots', '5');
    expect(r.code).toBe(0);
    const where = /wrote (runs\/[^ ]+)\//.exec(r.stdout)?.[1];
    expect(where).toBeDefined();
    expect(existsSync(join(where!, 'summary.json'))).toBe(true);
    rmSync(where!, { recursive: true });
  });

  it('the baseline scenario runs (smoke test) and its prices move', async () => {
    const out = join(tempDir(), 'base');
    const r = await cli('run', 'configs/baseline.json', '--out', out, '--slots', '400');
    expect(r.code).toBe(0);
    const s = JSON.parse(read(out, 'summary.json').toString());
    expect(s.final_ref_price).not.toBe(s.initial_ref_price);
    for (const roll of s.rollups) {
      expect(roll.final_pool_price).not.toBe(roll.initial_pool_price);
      expect(roll.user_swaps).toBeGreaterThan(0);
      expect(roll.arb_trades).toBeGreaterThan(0);
      expect(roll.arb_profit_y).toBeGreaterThan(0);
    }
  });
});

describe('seqsim validate', () => {
  it('prints the simulated-vs-theory table for every mechanism and exits 0 when all pass', async () => {
    const r = await cli('validate', '--rounds', '2000');
    expect(r.code).toBe(0);
    for (const m of ['tullock', 'first-price', 'second-price', 'all-pay', 'mev-burn', 'execution-tickets', 'order-flow-auction'])
      expect(r.stdout).toContain(m);
    expect(r.stdout).toMatch(/(\d+)\/\1 rows pass/);
  });

  it('rejects a bad --rounds with exit 2', async () => {
    expect((await cli('validate', '--rounds', '1')).code).toBe(2);
  });
});

describe('seqsim config', () => {
  it('schema prints a JSON Schema naming the config fields', async () => {
    const r = await cli('config', 'schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(JSON.stringify(schema)).toContain('sigmaPerYear');
    expect(schema.oneOf[0].properties.rollups.type).toBe('array');
  });

  it('show prints the resolved config with defaults and --set applied', async () => {
    const r = await cli('config', 'show', 'configs/baseline.json', '--set', 'slots=7');
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.slots).toBe(7);
    expect(cfg.clock).toEqual({ slotMs: 2000, slotsPerEpoch: 32 });
    expect(cfg.reference.jumps.ratePerYear).toBe(0);
  });
});

describe('bad input: one clear paragraph naming the field, exit 2, nothing written', () => {
  const cases: [string, unknown, RegExp][] = [
    ['an unknown field', smallConfig({ slotz: 3 }), /unknown field\(s\) "slotz"/],
    ['a wrong type', smallConfig({ slots: 'many' }), /slots must be a value of type number, but got "many"/],
    ['a negative liquidity', smallConfig({ rollups: [{ id: 'A', gasToken: 'X', pool: { reserveX: -5, reserveY: 1 } }], searchers: [] }), /rollups\[0\]\.pool\.reserveX must be a number > 0, but got -5/],
    ['a non-positive sigma', smallConfig({ reference: { sigmaPerYear: 0 } }), /reference\.sigmaPerYear must be a number > 0, but got 0/],
    ['a zero slot length', smallConfig({ clock: { slotMs: 0 } }), /clock\.slotMs must be a number > 0, but got 0/],
    ['an unknown mechanism', smallConfig({ mechanism: { name: 'dutch' } }), /mechanism\.name must be one of "first-price".*but got "dutch"/],
    ['a gas token that is neither X nor Y', smallConfig({ rollups: [{ id: 'A', gasToken: 'Z', pool: { reserveX: 5, reserveY: 1 } }], searchers: [] }), /rollups\[0\]\.gasToken must be one of "X", "Y", but got "Z"/],
    ['a searcher on an unknown rollup', smallConfig({ searchers: [{ kind: 'cex-dex', id: 's', rollup: 'C' }] }), /searchers\[0\]\.rollup: unknown rollup "C"/],
    ['alpha <= 0', smallConfig({ mechanism: { name: 'tullock', alpha: 0 } }), /mechanism\.alpha: alpha must be a finite number > 0, got 0/],
    ['a rebate fraction outside [0, 1]', smallConfig({ mechanism: { name: 'order-flow-auction', rebateFraction: 1.5 } }), /mechanism\.rebateFraction.*1\.5/],
    ['a user share outside [0, 1]', smallConfig({ mechanism: { name: 'order-flow-auction', userShare: -0.2 } }), /mechanism\.userShare.*-0\.2/],
    ['a committee of size 0', smallConfig({ mechanism: { name: 'mev-burn', committeeSize: 0 } }), /mechanism\.committeeSize.*0/],
    ['a block mechanism without builders', smallConfig({ mechanism: { name: 'all-pay' } }), /mechanism\.name: "all-pay" is in the mechanism library.*add builders/],
    ['an unknown ordering policy', smallConfig({ rollups: [{ id: 'A', gasToken: 'X', ordering: 'random', pool: { reserveX: 5, reserveY: 1 } }], searchers: [] }), /rollups\[0\]\.ordering must be one of "auction", "fcfs", "encrypted", "timeboost", "priority-fee", but got "random"/],
    ['an unknown sequencing mode', smallConfig({ sequencing: { mode: 'merged' } }), /sequencing\.mode must be one of "shared", "separate", but got "merged"/],
    ['validators with zero total stake', smallConfig({ validators: [{ id: 'v', stake: 0 }] }), /validators: the validators' total stake must be > 0/],
    ['a leg-failure probability outside [0, 1]', smallConfig({ sequencing: { legFailureProbability: 1.5 } }), /sequencing\.legFailureProbability must be a number <= 1, but got 1\.5/],
    ['a cross-rollup searcher naming an unknown rollup', smallConfig({ searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'Q'] }] }), /searchers\[0\]\.rollups\[1\]: unknown rollup "Q"/],
    ['an exclusive builder that does not exist', smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', exclusiveBuilder: 'nobody' }] }), /searchers\[0\]\.exclusiveBuilder: unknown builder "nobody"/],
    ['fixed revenue shares that do not sum to 1', smallConfig({ revenueSharing: { rule: { name: 'fixed', shares: [0.5, 0.4] } } }), /revenueSharing\.rule\.shares.*sum to 1.*0\.9/],
    ['a drop-out probability outside [0, 1]', smallConfig({ revenueSharing: { rule: { name: 'drop-out', q: 1.5 } } }), /revenueSharing\.rule\.q.*\[0, 1\]/],
    ['more rollups than exact Shapley allows', smallConfig({ revenueSharing: { rule: { name: 'shapley' }, exactUpTo: 1 } }), /exact shapley needs v\(S\) for all 2\^2 subsets.*drop-out/],
    ['a delta outside [0, 1]', smallConfig({ revenueSharing: { rule: { name: 'shapley' }, reporting: { delta: 1.5 } } }), /revenueSharing\.reporting\.delta: delta must be a number in \[0, 1\].*"strategic", but got 1\.5/],
    ['a delta that is neither a number nor "strategic"', smallConfig({ revenueSharing: { rule: { name: 'shapley' }, reporting: { delta: 'sneaky' } } }), /revenueSharing\.reporting\.delta must be a number in \[0, 1\].*or "strategic", but got "sneaky"/],
    ['a dishonest validator that does not exist', smallConfig({ revenueSharing: { rule: { name: 'shapley' }, reporting: { delta: 0.1, dishonestValidators: ['ghost'] } } }), /revenueSharing\.reporting\.dishonestValidators\[0\]: unknown validator "ghost"/],
    ['a lying proposer with no split rule', smallConfig({ revenueSharing: { reporting: { delta: 0.1 } } }), /revenueSharing\.reporting\.delta: with no revenueSharing\.rule.*add a split rule/],
    ['bid detectors without builders', smallConfig({ revenueSharing: { rule: { name: 'shapley' }, reporting: { detection: { committee: {} } } } }), /revenueSharing\.reporting\.detection: the committee detector\(s\) watch builders' bids.*add builders/],
    ['a committee detector under second-price', smallConfig({ mechanism: { name: 'second-price' }, builders: [{ id: 'b' }], revenueSharing: { rule: { name: 'shapley' }, reporting: { detection: { committee: {} } } } }), /revenueSharing\.reporting\.detection\.committee: the committee attests the best bid.*only under first-price.*not under "second-price"/],
    ['a public-bids detector under mev-burn', smallConfig({ mechanism: { name: 'mev-burn' }, builders: [{ id: 'b' }], revenueSharing: { rule: { name: 'shapley' }, reporting: { detection: { publicBids: {} } } } }), /revenueSharing\.reporting\.detection\.publicBids: the public-bids detector.*not under "mev-burn"/],
    ['governance under separate sequencing', smallConfig({ sequencing: { mode: 'separate' }, revenueSharing: { governance: { enabled: true } } }), /revenueSharing\.governance\.enabled: rollups can only leave a shared sequencer/],
    ['a negative colluding fraction', smallConfig({ builders: [{ id: 'b' }], revenueSharing: { rule: { name: 'shapley' }, reporting: { detection: { committee: { colludingFraction: -0.1 } } } } }), /revenueSharing\.reporting\.detection\.committee\.colludingFraction must be a number >= 0, but got -0\.1/],
    // Timeboost (issue 13): a round shorter than a slot, an auction closing outside the round before, negative reserve or delay, parameters on another ordering.
    ...([
      ['a Timeboost round shorter than a slot', { clock: { slotMs: 2000 }, tb: { roundSeconds: 1, closingSeconds: 0 } }, /rollups\[0\]\.timeboost\.roundSeconds: a round of 1 s is shorter than a slot \(clock\.slotMs = 2000 ms\).*at least 2/],
      ['a Timeboost auction closing a round or more ahead', { tb: { roundSeconds: 60, closingSeconds: 60 } }, /rollups\[0\]\.timeboost\.closingSeconds: the auction must close within the round before \(closingSeconds < roundSeconds = 60\), but got 60/],
      ['a negative Timeboost closing time', { tb: { closingSeconds: -1 } }, /rollups\[0\]\.timeboost\.closingSeconds must be a number >= 0, but got -1/],
      ['a negative Timeboost reserve price', { tb: { reservePriceY: -5 } }, /rollups\[0\]\.timeboost\.reservePriceY must be a number >= 0, but got -5/],
      ['a negative Timeboost delay', { tb: { nonExpressDelayMs: -200 } }, /rollups\[0\]\.timeboost\.nonExpressDelayMs must be a number >= 0, but got -200/],
      ['Timeboost parameters on an fcfs rollup', { ordering: 'fcfs', tb: {} }, /rollups\[0\]\.timeboost: Timeboost's parameters are read only under `ordering: "timeboost"`, but this rollup's ordering is "fcfs"/],
    ] as const).map(([what, c, message]): [string, unknown, RegExp] => [
      what,
      smallConfig({ ...('clock' in c ? { clock: c.clock } : {}), rollups: [{ id: 'A', gasToken: 'X', ordering: 'ordering' in c ? c.ordering : 'timeboost', timeboost: c.tb, pool: { reserveX: 500, reserveY: 1_000_000 } }], searchers: [] }),
      message,
    ]),
    ['a fee outside [0, 1)', smallConfig({ rollups: [{ id: 'A', gasToken: 'X', pool: { reserveX: 5, reserveY: 1, fee: 1 } }], searchers: [] }), /rollups\[0\]\.pool\.fee must be a number < 1, but got 1/],
  ];
  // In-process: the message and exit code come from main(); the real binary is checked once below.
  itRejects(cases);

  it('rejects a missing file', async () => {
    const r = await cli('run', '/nonexistent/seqsim.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read config file "\/nonexistent\/seqsim.json": no such file/);
  });

  it('rejects an unparsable file', async () => {
    const r = await cli('run', writeConfig('{ "slots": 3, }'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
  });

  it('rejects a bad --set path, naming it and what exists there', async () => {
    const r = await cli('run', writeConfig(smallConfig()), '--set', 'reference.sigma=0.3');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set path "reference\.sigma": "reference\.sigma" does not exist.*"sigmaPerYear"/);
  });

  it('rejects a --set value of the wrong type, naming the field', async () => {
    const r = await cli('run', writeConfig(smallConfig()), '--set', 'rollups.1.pool.reserveY=-3');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rollups\[1\]\.pool\.reserveY must be a number > 0, but got -3/);
  });

  it('never overwrites an existing run folder', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'slots.csv'), 'precious');
    const r = await cli('run', writeConfig(smallConfig()), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds files/);
    expect(readFileSync(join(out, 'slots.csv'), 'utf8')).toBe('precious');
    expect(readdirSync(out)).toEqual(['slots.csv']);
  });

  it('rejects unknown flags and commands with exit 2', async () => {
    expect((await cli('run', 'configs/baseline.json', '--slotz', '3')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('the real binary exits 2 with the same one paragraph on stderr, no stack trace, and writes nothing', () => {
    const [what, config, message] = cases[0]!;
    const out = join(tempDir(), 'never');
    const r = bin('run', writeConfig(config), '--out', out);
    expect(r.code, what).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n').length).toBe(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
