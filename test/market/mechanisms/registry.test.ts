import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  getMechanism,
  isMechanismName,
  mechanismNames,
  mechanisms,
} from '../../../src/market/mechanisms/registry.js';
import { defineMechanism } from '../../../src/market/mechanisms/defineMechanism.js';
import { resolveMarketConfig } from '../../../src/config/loadConfig.js';
import { smallConfig } from '../../cli/helpers.js';
import {
  defaultMechanismConfig,
  mechanismConfigSchema,
} from '../../../src/market/mechanisms/config.js';
import { runMechanism } from '../../../src/market/mechanisms/runMechanism.js';
import { bidsOf, constant } from './helpers.js';

describe('mechanism registry', () => {
  it('registers every name in mechanismNames under its own name', () => {
    expect(mechanismNames).toHaveLength(12);
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
      name: 'order-flow-auction', pricing: 'second-price', rebateFraction: 0.5, userShare: 1,
    });
    expect(defaultMechanismConfig('execution-tickets')).toEqual({
      name: 'execution-tickets', ticketPrice: 1, lookaheadSlots: 32, resale: true,
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

/** A plausible misspelling of a parameter name (or an invented parameter for one without any). */
function misspell(paramNames: readonly string[]): string {
  const name = paramNames[0];
  if (name === undefined) return 'reservePrice';
  return name.length > 2 ? name[0]! + name[2]! + name[1]! + name.slice(3) : `${name}x`;
}

/**
 * The message `resolveMarketConfig` throws for a market config with this mechanism block (with
 * builders, so that every mechanism is valid in the market).
 */
function configError(mechanism: Record<string, unknown>): string {
  try {
    resolveMarketConfig(smallConfig({ mechanism, builders: [{ id: 'b1' }] }));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('the mechanism list is the single source', () => {
  it('mechanismNames is derived from the list, in order, and the names are unique', () => {
    expect([...mechanismNames]).toEqual(mechanisms.map((m) => m.name));
    expect(new Set(mechanismNames).size).toBe(mechanismNames.length);
    for (const m of mechanisms) expect(getMechanism(m.name)).toBe(m);
  });

  it('the config union has one member per registered mechanism', () => {
    const members = mechanismConfigSchema.options.map((o) => o.shape.name.value);
    expect(members).toEqual([...mechanismNames]);
  });

  it('every mechanism has a one-line summary and a description on every parameter', () => {
    for (const m of mechanisms) {
      expect(m.summary, m.name).toMatch(/^[^\n]{10,120}$/);
      for (const [param, schema] of Object.entries(m.params.shape)) {
        expect((schema as z.ZodType).description, `${m.name}.${param}`).toMatch(/\S.{10,}/);
      }
    }
  });

  it('the JSON Schema of the config shows each parameter with its description and no extra keys', () => {
    const json = z.toJSONSchema(mechanismConfigSchema, { io: 'input' }) as {
      oneOf: { additionalProperties: boolean; description: string; properties: Record<string, { description?: string }> }[];
    };
    expect(json.oneOf).toHaveLength(mechanisms.length);
    for (const member of json.oneOf) {
      expect(member.additionalProperties).toBe(false);
      for (const [key, prop] of Object.entries(member.properties)) expect(prop.description, key).toBeTruthy();
    }
  });

  it('defineMechanism reserves `name` and defaults validateParams to the schema', () => {
    const spec = { summary: 'test', reveals: 'own' as const, counterfactualFrom: 'own' as const, losersPay: false, allocate: () => { throw new Error('unused'); }, pay: () => { throw new Error('unused'); } };
    expect(() => defineMechanism({ ...spec, name: 'bad', params: z.strictObject({ name: z.string() }) })).toThrow(/reserved/);
    const m = defineMechanism({ ...spec, name: 'reserve', params: z.strictObject({ reserve: z.number().min(0).default(0) }) });
    expect(m.validateParams({ reserve: 1 })).toEqual({ reserve: 1 });
    expect(() => m.validateParams({ reserve: -1 })).toThrow(RangeError);
    expect(() => m.validateParams({ reserve: -1 })).toThrow(/^reserve: /);
  });
});

describe('unknown parameters and names', () => {
  for (const m of mechanisms) {
    const known = Object.keys(m.params.shape);
    const wrong = misspell(known);
    it(`${m.name} rejects the misspelled parameter "${wrong}", listing its known parameters`, () => {
      expect(m.params.safeParse({ [wrong]: 1 }).success).toBe(false);
      const parsed = mechanismConfigSchema.safeParse({ name: m.name, [wrong]: 1 });
      expect(parsed.success).toBe(false);
      const issue = parsed.error!.issues[0]!;
      expect(issue.code).toBe('unrecognized_keys');
      expect(issue.message).toBe(`known parameters of ${m.name}: ${known.length > 0 ? known.join(', ') : '(none)'}`);
    });
  }

  it('a config with {"name":"tullock","alpah":0.1} fails, naming mechanism.alpah and alpha', () => {
    expect(resolveMarketConfig(smallConfig({ mechanism: { name: 'tullock', alpha: 0.1 }, builders: [{ id: 'b1' }] })).mechanism)
      .toEqual({ name: 'tullock', alpha: 0.1 });
    const message = configError({ name: 'tullock', alpah: 0.1 });
    expect(message).toMatch(
      /^Invalid config \(inline config\): mechanism\.alpah: unknown field\(s\) "alpah" \(known parameters of tullock: alpha\); remove them or fix their spelling .*\. Fix the value/,
    );
    expect(message).not.toMatch(/\n/);
  });

  it('a config with a misspelled mev-burn parameter lists all five committee parameters', () => {
    const message = configError({ name: 'mev-burn', comitteeSize: 8 });
    expect(message).toContain('mechanism.comitteeSize');
    expect(message).toContain('committeeSize, memberLatencyMs, latencyJitterMs, deadlineMs, floorRule');
  });

  it('a config with an unknown mechanism name names mechanism.name and every known name', () => {
    const message = configError({ name: 'dutch' });
    expect(message).toContain('mechanism.name must be one of');
    for (const name of mechanismNames) expect(message).toContain(`"${name}"`);
    expect(message).toContain('but got "dutch"');
    expect(message).not.toMatch(/\n/);
  });
});
