import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { RandomStreams } from '../../src/engine/randomStreams.js';
import { BUILDER_STREAM, builderSources } from '../../src/marketModel/bidding.js';
import { createRuntime } from '../../src/marketModel/runtime.js';
import { createWorld } from '../../src/marketModel/world.js';
import { smallConfig } from '../cli/helpers.js';

describe('builderSources', () => {
  it('gives each builder its stream prefix + id (the source distOf binds), the same list on every call', () => {
    const config = resolveMarketConfig(smallConfig({ builders: [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }] }));
    const world = createWorld(config);
    const rt = createRuntime(new RandomStreams(config.seed));
    const sources = builderSources(rt, world, BUILDER_STREAM);
    expect(sources).toHaveLength(3);
    world.builders.forEach((b, i) => expect(sources[i]).toBe(rt.distOf(BUILDER_STREAM, b.id).source));
    expect(builderSources(rt, world, BUILDER_STREAM)).toBe(sources);
    // Another prefix, another runtime: other streams.
    expect(builderSources(rt, world, 'other/')[0]).toBe(rt.distOf('other/', 'b1').source);
    const rt2 = createRuntime(new RandomStreams(config.seed));
    expect(builderSources(rt2, world, BUILDER_STREAM)[0]).toBe(rt2.distOf(BUILDER_STREAM, 'b1').source);
    expect(builderSources(rt2, world, BUILDER_STREAM)[0]).not.toBe(sources[0]);
  });

  it('makes the same streams as looking each builder up in turn (a checkpoint holds the same)', () => {
    const config = resolveMarketConfig(smallConfig({ builders: [{ id: 'z' }, { id: 'a' }] }));
    const world = createWorld(config);
    const cached = new RandomStreams(config.seed);
    builderSources(createRuntime(cached), world, BUILDER_STREAM);
    const direct = new RandomStreams(config.seed);
    const rt = createRuntime(direct);
    for (const b of world.builders) rt.distOf(BUILDER_STREAM, b.id);
    expect(Object.keys(cached.snapshot())).toEqual(Object.keys(direct.snapshot()));
  });
});
