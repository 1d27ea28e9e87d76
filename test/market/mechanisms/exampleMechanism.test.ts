import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mechanismConfigUnion } from '../../../src/market/mechanisms/config.js';
import { mechanisms } from '../../../src/market/mechanisms/registry.js';
import type { Bid, Mechanism, Source } from '../../../src/market/mechanisms/types.js';
import { randomWinner } from './example/randomWinner.js';
import { bidsOf, constant, seeded } from './helpers.js';

/*
 * docs/extending-mechanisms.md's worked example. Its code lives in ./example/randomWinner.ts (so
 * `npm run typecheck` compiles it) and the doc must show that file verbatim, with the imports as
 * they read from src/market/mechanisms/; here it is registered the way a fork would register it.
 */
const examplePath = 'test/market/mechanisms/example/randomWinner.ts';
const docPath = 'docs/extending-mechanisms.md';

/** The fork's registry list: the shipped mechanisms plus the new one (registry.ts's one line). */
const forkMechanisms = [...mechanisms, randomWinner] as const;
const forkConfigSchema = mechanismConfigUnion(forkMechanisms);
type ForkConfig = ReturnType<typeof forkConfigSchema.parse>;

/** What runMechanism does, over the fork's list: allocate (drawing from `source`), then pay. */
function runForkMechanism(config: ForkConfig, bids: readonly Bid[], source: Source) {
  const mechanism = forkMechanisms.find((m) => m.name === config.name) as unknown as Mechanism<ForkConfig>;
  const allocation = mechanism.allocate(bids, config, source);
  return { allocation, payments: mechanism.pay(bids, allocation, config) };
}

/** Wraps a source, counting its draws. */
function counting(source: Source): { source: Source; draws: () => number } {
  let n = 0;
  return { source: () => ((n += 1), source()), draws: () => n };
}

describe('worked example: adding random-winner in one file', () => {
  it('the doc shows the example file verbatim (imports as seen from src/market/mechanisms/)', () => {
    const asInSrc = readFileSync(examplePath, 'utf8').replaceAll("'../../../../src/market/mechanisms/", "'./");
    const doc = readFileSync(docPath, 'utf8');
    const block = /```ts\n\/\/ src\/market\/mechanisms\/randomWinner\.ts\n([\s\S]*?)```/.exec(doc);
    expect(block, 'a ```ts block starting with // src/market/mechanisms/randomWinner.ts').not.toBeNull();
    expect(block![1]).toBe(asInSrc);
    expect(asInSrc.split('\n').length).toBeLessThanOrEqual(40);
  });

  it('registering it derives its name, its config member and its defaults', () => {
    const name: ForkConfig['name'] = 'random-winner'; // compiles: the name type derives from the list
    expect(forkMechanisms.map((m) => m.name)).toContain(name);
    expect(forkConfigSchema.parse({ name: 'random-winner' })).toEqual({ name: 'random-winner', reserve: 0 });
    expect(forkConfigSchema.parse({ name: 'tullock' })).toEqual({ name: 'tullock', alpha: 1 });
    const typo = forkConfigSchema.safeParse({ name: 'random-winner', reserv: 1 });
    expect(typo.error!.issues[0]!.message).toBe('known parameters of random-winner: reserve');
    expect(forkConfigSchema.safeParse({ name: 'random-winner', reserve: -1 }).success).toBe(false);
  });

  it('runs: bids at or above the reserve share the win; the winner pays the reserve', () => {
    const config = forkConfigSchema.parse({ name: 'random-winner', reserve: 0.8 });
    const { allocation, payments } = runForkMechanism(config, bidsOf([1, 3, 0.5]), constant(0.75));
    expect(allocation.winProbabilities).toEqual([0.5, 0.5, 0]);
    expect(allocation.winnerIndex).toBe(1);
    expect(payments.perBidder).toEqual([0, 0.8, 0]);
    expect(payments.toProposer).toBe(0.8);
    const none = runForkMechanism(config, bidsOf([0.1]), constant(0.2));
    expect(none.allocation.winnerIndex).toBeNull();
    expect(none.payments.toProposer).toBe(0);
  });

  it('draws exactly once per run and keeps the library invariants', () => {
    const config = forkConfigSchema.parse({ name: 'random-winner', reserve: 1 });
    const stream = seeded('example/random-winner');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 6 }), (amounts) => {
        const { source, draws } = counting(stream);
        const bids = bidsOf(amounts.map((a) => a / 1000));
        const { allocation, payments } = runForkMechanism(config, bids, source);
        expect(draws()).toBe(1);
        const total = allocation.winProbabilities.reduce((s, p) => s + p, 0);
        expect(total).toBeCloseTo(allocation.winnerIndex === null ? 0 : 1, 12);
        const paid = payments.perBidder.reduce((s, p) => s + p, 0);
        expect(payments.toProposer + payments.burned + payments.toCommittee + payments.rebateToUser).toBeCloseTo(paid, 12);
        payments.perBidder.forEach((p, i) => expect(p).toBeLessThanOrEqual(bids[i]!.amount));
      }),
      { numRuns: 200 },
    );
  });
});
