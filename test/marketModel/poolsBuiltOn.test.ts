import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { RandomStreams } from '../../src/engine/randomStreams.js';
import { buildCandidates, poolsBuiltOn } from '../../src/marketModel/phases/build.js';
import { searchBundles } from '../../src/marketModel/phases/search.js';
import { slotContext } from '../../src/engine/simulation.js';
import { createRuntime } from '../../src/marketModel/runtime.js';
import { createWorld } from '../../src/marketModel/world.js';
import { smallConfig } from '../cli/helpers.js';

function setup() {
  const config = resolveMarketConfig(smallConfig({ builders: [{ id: 'b1' }, { id: 'b2' }] }));
  const world = createWorld(config);
  const rt = createRuntime(new RandomStreams(config.seed));
  return { world, rt, bundles: searchBundles(rt)(world, slotContext(config.clock, 0)).bundles };
}

describe('poolsBuiltOn', () => {
  it('gives the pools the last candidates were built on (the rollups’ pools, by identity)', () => {
    const { world, rt, bundles } = setup();
    const candidates = buildCandidates(rt)(world, bundles);
    const pools = poolsBuiltOn(candidates)!;
    expect(pools).toHaveLength(world.rollups.length);
    pools.forEach((p, r) => expect(p).toBe(world.rollups[r]!.pool));
  });

  it('answers undefined for candidates built before the last ones, and for any other list', () => {
    const { world, rt, bundles } = setup();
    const build = buildCandidates(rt);
    const first = build(world, bundles);
    const second = build(world, bundles);
    expect(poolsBuiltOn(first)).toBeUndefined();
    expect(poolsBuiltOn(second)).toBeDefined();
    expect(poolsBuiltOn([...second])).toBeUndefined();
  });
});
