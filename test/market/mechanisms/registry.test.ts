import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  getMechanism,
  isMechanismName,
  mechanismNames,
} from '../../../src/market/mechanisms/registry.js';
import {
  defaultMechanismConfig,
  mechanismConfigSchema,
} from '../../../src/market/mechanisms/config.js';
import { runMechanism } from '../../../src/market/mechanisms/runMechanism.js';
import { bidsOf, constant } from './helpers.js';

describe('mechanism registry', () => {
  it('registers every name in mechanismNames under its own name', () => {
    expect(mechanismNames).toHaveLength(11);
    for (const name of mechanismNames) expect(getMechanism(name).name).toBe(name);
  });

  it('throws for an unknown name, listing the known ones', () => {
    expect(() => getMechanism('dutch')).toThrow(Error);
    expect(() => getMechanism('dutch')).toThrow(/unknown mechanism "dutch".*first-price.*order-flow-auction/);
    expect(isMechanismName('dutch')).toBe(false);
    expect(isMechanismName('tullock')).toBe(true);
  });

  it('mechanismNames is usable as a zod enum', () => {
    const schema = z.enum(mechanismNames);
    expect(schema.parse('mev-burn')).toBe('mev-burn');
    expect(schema.safeParse('dutch').success).toBe(false);
  });
});

describe('mechanismConfigSchema', () => {
  it('fills defaults per mechanism', () => {
    expect(mechanismConfigSchema.parse({ name: 'tullock' })).toEqual({ name: 'tullock', alpha: 1 });
    expect(defaultMechanismConfig('order-flow-auction')).toEqual({
      name: 'order-flow-auction', pricing: 'second-price', rebateFraction: 0.5,
    });
    expect(defaultMechanismConfig('execution-tickets')).toEqual({
      name: 'execution-tickets', ticketPrice: 1, lookaheadSlots: 32,
    });
    for (const name of mechanismNames) expect(defaultMechanismConfig(name).name).toBe(name);
  });

  it('reports the same message as the zod-free validation', () => {
    const parsed = mechanismConfigSchema.safeParse({ name: 'tullock', alpha: -2 });
    expect(parsed.success).toBe(false);
    let thrown = '';
    try {
      getMechanism('tullock').validateParams({ alpha: -2 });
    } catch (e) {
      thrown = (e as Error).message;
    }
    expect(thrown).toBe('alpha must be a finite number > 0, got -2');
    expect(parsed.error!.issues.map((i) => i.message)).toContain(thrown);
    const ofa = mechanismConfigSchema.safeParse({ name: 'order-flow-auction', rebateFraction: 2 });
    expect(ofa.error!.issues[0]!.message).toMatch(/rebateFraction must be in \[0, 1\]/);
    const burn = mechanismConfigSchema.safeParse({ name: 'mev-burn', committeeSize: 0 });
    expect(burn.error!.issues[0]!.message).toMatch(/committeeSize must be an integer >= 1/);
  });

  it('rejects an unknown mechanism name', () => {
    expect(mechanismConfigSchema.safeParse({ name: 'dutch' }).success).toBe(false);
  });

  it('runMechanism dispatches a parsed config', () => {
    const config = mechanismConfigSchema.parse({ name: 'second-price' });
    const { allocation, payments } = runMechanism(config, bidsOf([3, 5]), constant(0));
    expect(allocation.winnerIndex).toBe(1);
    expect(payments.toProposer).toBe(3);
  });
});
