import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { cli, smallConfig, writeConfig } from '../cli/helpers.js';

const validators = [{ id: 'v1', stake: 1 }, { id: 'v2', stake: 1 }, { id: 'v3', stake: 1 }];
const pools = [{ id: 'p1', operators: ['v1', 'v2'] }, { id: 'p2', operators: ['v3'] }];
const withStaking = (staking: Record<string, unknown>) => smallConfig({ validators, staking: { pools, ...staking } });
const withLst = (lst: Record<string, unknown>) => withStaking({ liquidStaking: { members: ['p1'], ...lst } });
const withPool = (pool: Record<string, unknown>) => withStaking({ pools: [{ id: 'p1', operators: ['v1'], ...pool }] });

describe('staking: bad input names the field', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a commission above 1', withPool({ commission: 1.5 }), /staking\.pools\[0\]\.commission must be a number <= 1/],
    ['a negative commission', withPool({ commission: -0.1 }), /staking\.pools\[0\]\.commission must be a number >= 0/],
    ['a negative delegator stake', withStaking({ delegators: { count: 10, stake: -32 } }), /staking\.delegators\.stake must be a number >= 0/],
    ['a negative validator stake', smallConfig({ validators: [{ id: 'v1', stake: -1 }], staking: { pools: [{ id: 'p', operators: ['v1'] }] } }), /validators\[0\]\.stake must be a number >= 0/],
    ['a pool with no operators', withPool({ operators: [] }), /staking\.pools\[0\]\.operators must be a list with at least 1 item/],
    ['an unknown operator', withPool({ operators: ['v9'] }), /staking\.pools\[0\]\.operators\[0\].*unknown validator "v9"; known validators are "v1", "v2", "v3"/],
    ['an operator in two pools', withStaking({ pools: [{ id: 'p1', operators: ['v1'] }, { id: 'p2', operators: ['v2', 'v1'] }] }), /staking\.pools\[1\]\.operators\[1\].*"v1" already operates for pool "p1"/],
    ['a duplicate pool id', withStaking({ pools: [{ id: 'p1', operators: ['v1'] }, { id: 'p1', operators: ['v2'] }] }), /staking\.pools\[1\]\.id.*duplicate pool id "p1"/],
    ['a delegation speed above 1', withStaking({ speed: 1.2 }), /staking\.speed must be a number <= 1/],
    ['a negative delegation speed', withStaking({ speed: -0.5 }), /staking\.speed must be a number >= 0/],
    ['a sophistication above 1', withPool({ mevSophistication: 2 }), /staking\.pools\[0\]\.mevSophistication must be a number <= 1/],
    ['an outside return of 0', withStaking({ outsideReturnY: 0 }), /staking\.outsideReturnY must be a number > 0/],
    ['a negative switching cost', withStaking({ switchingCostY: -1 }), /staking\.switchingCostY must be a number >= 0/],
    ['an unknown liquid-staking member', withLst({ members: ['p1', 'p9'] }), /staking\.liquidStaking\.members\[1\].*unknown pool "p9"; known pools are "p1", "p2"/],
    ['a liquid-staking member listed twice', withLst({ members: ['p2', 'p2'] }), /staking\.liquidStaking\.members\[1\].*"p2" is listed twice/],
    ['no liquid-staking members', withLst({ members: [] }), /staking\.liquidStaking\.members must be a list with at least 1 item/],
    ['a liquid-staking fee above 1', withLst({ fee: 1.1 }), /staking\.liquidStaking\.fee must be a number <= 1/],
    ['a negative liquid-staking fee', withLst({ fee: -0.1 }), /staking\.liquidStaking\.fee must be a number >= 0/],
    ['an unknown allocation rule', withLst({ rule: 'lottery' }), /staking\.liquidStaking\.rule/],
    ['the router rule without its cap', withLst({ rule: 'router' }), /staking\.liquidStaking\.router.*needs `router: \{ capPerOperator \}`/],
    ['a router cap with another rule', withLst({ router: { capPerOperator: 10 } }), /staking\.liquidStaking\.router.*only read with rule "router"/],
    ['a negative router cap', withLst({ rule: 'router', router: { capPerOperator: -1 } }), /staking\.liquidStaking\.router\.capPerOperator must be a number >= 0/],
  ];
  for (const [what, config, pattern] of cases) {
    it(`${what}`, () => {
      const m = messageOf(() => resolveMarketConfig(config));
      expect(m).toMatch(pattern);
      expect(m).not.toContain('\n');
    });
  }

  it('the CLI exits 2 on a bad staking field and names it', async () => {
    const r = await cli('run', writeConfig(withPool({ commission: 2 })), '--slots', '5');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/staking\.pools\[0\]\.commission/);
  });

  it('the CLI exits 2 on an unknown liquid-staking member and names the field', async () => {
    const r = await cli('run', writeConfig(withLst({ members: ['nope'] })), '--slots', '5');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/staking\.liquidStaking\.members\[0\]/);
  });

  it('a liquid-staking block resolves with its defaults', () => {
    expect(resolveMarketConfig(withLst({})).staking!.liquidStaking).toEqual({ id: 'lst', delegators: 1000, members: ['p1'], rule: 'equal', fee: 0.1 });
  });

  it('a valid staking block resolves with its defaults, and no staking block leaves the config without one', () => {
    const cfg = resolveMarketConfig(withStaking({}));
    expect(cfg.staking).toMatchObject({ delegators: { count: 1000, stake: 32 }, windowEpochs: 4, speed: 0.25, switchingCostY: 0, outsideReturnY: 0.01, issuancePerBlockY: 0 });
    expect(cfg.staking!.pools[0]).toMatchObject({ commission: 0.1, mevSophistication: 1 });
    expect('staking' in resolveMarketConfig(smallConfig())).toBe(false);
  });
});
