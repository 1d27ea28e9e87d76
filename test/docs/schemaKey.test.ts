import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/loadConfig.js';
import { runManifest } from '../../src/io/runManifest.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const versions = { seqsim: '0', node: '0' };

describe('the editor-only "$schema" key', () => {
  for (const path of ['configs/baseline.json', 'configs/scenarios/mev-boost-bidding-war.json']) {
    it(`${path}: is dropped on loading, so the resolved config and its hash do not change`, () => {
      const withKey = read(path);
      expect(typeof withKey.$schema).toBe('string');
      const { $schema: _key, ...without } = withKey;
      const resolved = resolveConfig(withKey);
      expect(resolved).not.toHaveProperty('$schema');
      expect(resolved).toStrictEqual(resolveConfig(without));
      expect(runManifest(resolved, versions).config_sha256).toBe(runManifest(resolveConfig(without), versions).config_sha256);
    });
  }

  it('must be a string', () => {
    expect(() => resolveConfig({ ...read('configs/baseline.json'), $schema: 1 })).toThrow(/\$schema/);
  });

  it('points every shipped config at the committed JSON Schema', () => {
    expect(read('configs/baseline.json').$schema).toBe('../docs/reference/config.schema.json');
    for (const f of readdirSync('configs/scenarios').filter((name) => name.endsWith('.json')))
      expect(read(`configs/scenarios/${f}`).$schema, f).toBe('../../docs/reference/config.schema.json');
  });
});
