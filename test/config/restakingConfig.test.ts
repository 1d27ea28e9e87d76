import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { smallConfig } from '../cli/helpers.js';

const validators = [{ id: 'v1', stake: 1 }, { id: 'v2', stake: 2 }];
const refused = (restaking: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  messageOf(() => resolveMarketConfig(smallConfig({ validators, restaking, ...extra })));

describe('restaking: bad input is refused naming the field (the CLI exits 2)', () => {
  it('a slashing fraction, a revenue share or a threshold out of range', () => {
    expect(refused({ slashFraction: 1.5 })).toMatch(/restaking\.slashFraction must be a number <= 1/);
    expect(refused({ slashFraction: -0.1 })).toMatch(/restaking\.slashFraction/);
    expect(refused({ revenueShare: 2 })).toMatch(/restaking\.revenueShare/);
    expect(refused({ threshold: 0 })).toMatch(/restaking\.threshold/);
    expect(refused({ services: [{ id: 's', profitFromCorruptionY: 1, threshold: 1.2 }] })).toMatch(/restaking\.services\[0\]\.threshold/);
  });

  it('a negative stake value, value at risk or profit from corruption', () => {
    expect(refused({ stakeValueY: -1 })).toMatch(/restaking\.stakeValueY/);
    expect(refused({ valueAtRiskY: -5 })).toMatch(/restaking\.valueAtRiskY/);
    expect(refused({ services: [{ id: 's', profitFromCorruptionY: -1 }] })).toMatch(/restaking\.services\[0\]\.profitFromCorruptionY/);
  });

  it('unknown or repeated operators, duplicate services', () => {
    expect(refused({ operators: ['v1', 'v9'] })).toMatch(/restaking\.operators\[1\]: unknown validator "v9"; known validators are "v1", "v2"/);
    expect(refused({ operators: ['v1', 'v1'] })).toMatch(/restaking\.operators\[1\]: validator "v1" is listed twice/);
    expect(refused({ services: [{ id: 's', profitFromCorruptionY: 1, operators: ['x'] }] })).toMatch(/restaking\.services\[0\]\.operators\[0\]: unknown validator "x"/);
    expect(refused({ services: [{ id: 's', profitFromCorruptionY: 1 }, { id: 's', profitFromCorruptionY: 2 }] })).toMatch(/restaking\.services\[1\]\.id: duplicate service id "s"/);
  });

  it('operators without stake, no shared sequencer, too many operators for the exact check', () => {
    expect(messageOf(() => resolveMarketConfig(smallConfig({ validators: [{ id: 'v1', stake: 0 }, { id: 'v2', stake: 1 }], restaking: { operators: ['v1'] } })))).toMatch(/restaking\.operators: the opted-in operators hold no stake/);
    expect(refused({}, { sequencing: { mode: 'separate' } })).toMatch(/restaking: restaking secures the shared sequencer, but sequencing\.mode is "separate"/);
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `v${i}`, stake: 1 }));
    expect(messageOf(() => resolveMarketConfig(smallConfig({ validators: many, restaking: {} })))).toMatch(/restaking\.operators: 21 distinct operators restake, more than 20/);
  });

  it('a valid block resolves with its defaults', () => {
    const cfg = resolveMarketConfig(smallConfig({ validators, restaking: {} }));
    expect(cfg.restaking).toEqual({ operators: 'all', stakeValueY: 1, slashFraction: 1, threshold: 1 / 3, valueAtRiskY: 0, revenueEpochs: 1, revenueShare: 0, services: [] });
  });
});
