import { z } from 'zod';
import { JUST_IN_TIME, type Allocation, type Bid, type FeedbackPolicy, type MarketTiming, type Mechanism, type MechanismOutcome, type NoParams, type Payments, type Source } from './types.js';

/**
 * A mechanism's parameter schema: a strict zod object (`z.strictObject({...})`), so a misspelled
 * parameter is an error rather than silently ignored. Give every parameter a `.default()` and a
 * `.describe()` stating its meaning, unit and range (`seqsim config schema` prints them).
 */
export type ParamsSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** The parameter object a params schema parses to; `NoParams` for a mechanism without any. */
export type ParamsOf<S extends ParamsSchema> = keyof S['shape'] extends never ? NoParams : z.output<S>;

/** The config schema of one mechanism: its parameters plus `name`, the union's discriminator. */
export type MechanismConfigSchemaOf<N extends string, S extends ParamsSchema> = z.ZodObject<
  z.core.util.Extend<S['shape'], { name: z.ZodLiteral<N> }>,
  z.core.$strict
>;

/** What a mechanism file passes to `defineMechanism`. */
export interface MechanismSpec<N extends string, S extends ParamsSchema> {
  /** Registry name, kebab-case, e.g. `'first-price'`; the config's `mechanism.name`. */
  readonly name: N;
  /** One line saying what the mechanism does (shown in the config's JSON Schema). */
  readonly summary: string;
  /** The parameters (see `ParamsSchema`); `z.strictObject({})` for none. Must not define `name`. */
  readonly params: S;
  /** The most the mechanism can reveal to bidders after an auction (see `FeedbackPolicy`). */
  readonly reveals: FeedbackPolicy;
  /**
   * The least feedback from which a bidder can compute what any other bid of its own would have
   * earned, the rivals' bids held fixed: `min-to-win` for a winner-take-all auction whose outcome
   * depends on the rivals only through the best rival bid; `all-bids` for a lottery or a committee.
   */
  readonly counterfactualFrom: FeedbackPolicy;
  /** A bid that does not win may still cost its bidder something (all-pay, a lottery, tickets bought). */
  readonly losersPay: boolean;
  /**
   * Zod-free parameter check: throws a RangeError naming the offending parameter, returns the
   * params unchanged. Default: check them against `params` (unknown keys allowed).
   */
  readonly validateParams?: (params: ParamsOf<S>) => ParamsOf<S>;
  /**
   * When the market sells the good (see `MarketTiming`): for a mechanism whose rules say when bids
   * are made (a slot sold ahead, a commitment deadline). Default: just in time.
   */
  readonly timing?: (params: ParamsOf<S>) => Partial<MarketTiming>;
  /** Decides the winner; draws randomness only from `source` (a fixed number of draws). */
  allocate(bids: readonly Bid[], params: ParamsOf<S>, source: Source): Allocation;
  /** Computes payments for an allocation produced by `allocate`. */
  pay(bids: readonly Bid[], allocation: Allocation, params: ParamsOf<S>): Payments;
  /** Optional: `allocate` then `pay` in one step, with checks done once (see `Mechanism.run`). */
  run?(bids: readonly Bid[], params: ParamsOf<S>, source: Source): MechanismOutcome;
}

/** A registered mechanism: the pure functions plus everything the registry and config derive. */
export interface MechanismDefinition<N extends string, S extends ParamsSchema>
  extends Mechanism<ParamsOf<S>> {
  readonly name: N;
  readonly summary: string;
  readonly params: S;
  readonly reveals: FeedbackPolicy;
  readonly counterfactualFrom: FeedbackPolicy;
  readonly losersPay: boolean;
  /** `params` extended with `name: z.literal(name)`: this mechanism's member of the config union. */
  readonly configSchema: MechanismConfigSchemaOf<N, S>;
}

/** Any mechanism definition (the registry's element type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMechanismDefinition = MechanismDefinition<string, any>;

/** `a, b, c`, or `(none)`. */
function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? '(none)' : items.join(', ');
}

/** A zod-free check of params against the schema's parameters (the default `validateParams`). */
function checkAgainst<S extends ParamsSchema>(schema: S): (params: ParamsOf<S>) => ParamsOf<S> {
  const loose = z.object(schema.shape);
  // Without parameters (first-price, second-price, all-pay) zod accepts exactly the non-array
  // objects (its own test): answer that without a parse, asked per builder and slot (equilibrium
  // bids, counterfactual payoffs). Anything else still goes to zod for its message.
  const noParams = Object.keys(schema.shape).length === 0;
  return (params) => {
    if (noParams && typeof params === 'object' && params !== null && !Array.isArray(params)) return params;
    const result = loose.safeParse(params);
    const issue = result.error?.issues[0];
    if (issue === undefined) return params;
    // A parameter check (`zParam`) already names the parameter in its message.
    const where = issue.code === 'custom' ? '' : `${issue.path.map(String).join('.')}: `;
    throw new RangeError(`${where}${issue.message}`);
  };
}

/**
 * Defines a mechanism from its name, summary, parameter schema and pure allocate/pay functions.
 * Registering the result in `registry.ts`'s `mechanisms` list is the only other step: the name
 * type, the params-by-name type, `getMechanism` and the config union all derive from that list.
 */
export function defineMechanism<const N extends string, S extends ParamsSchema>(
  spec: MechanismSpec<N, S>,
): MechanismDefinition<N, S> {
  const paramNames = Object.keys(spec.params.shape);
  if (paramNames.includes('name')) {
    throw new Error(`mechanism "${spec.name}": "name" is reserved for the mechanism's name`);
  }
  const unknownParams = `known parameters of ${spec.name}: ${listOrNone(paramNames)}`;
  const configSchema = z
    .strictObject(
      { ...spec.params.shape, name: z.literal(spec.name).describe(`Selects ${spec.name}.`) },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownParams : undefined) },
    )
    .describe(`${spec.name}: ${spec.summary} Reveals to bidders at most \`${spec.reveals}\` (bidding.feedback).`) as unknown as MechanismConfigSchemaOf<N, S>;
  return {
    name: spec.name,
    summary: spec.summary,
    params: spec.params,
    reveals: spec.reveals,
    counterfactualFrom: spec.counterfactualFrom,
    losersPay: spec.losersPay,
    configSchema,
    validateParams: spec.validateParams ?? checkAgainst(spec.params),
    timing: spec.timing ? (params) => ({ ...JUST_IN_TIME, ...spec.timing!(params) }) : () => JUST_IN_TIME,
    allocate: spec.allocate,
    pay: spec.pay,
    ...(spec.run ? { run: spec.run } : {}),
  };
}
