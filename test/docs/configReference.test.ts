import { describe, expect, it } from 'vitest';
import { allowedValues, configReferenceMarkdown, defaultText, rangeOf, typeName, type JsonSchemaNode } from '../../src/config/configReference.js';

describe('configReferenceMarkdown', () => {
  it('writes ranges in interval notation and leaves out safe-integer bounds', () => {
    expect(rangeOf({ minimum: 0, exclusiveMaximum: 1 })).toBe('[0, 1)');
    expect(rangeOf({ exclusiveMinimum: 0 })).toBe('> 0');
    expect(rangeOf({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER })).toBe('');
  });

  it('names unions by their discriminator and lists its values', () => {
    const union: JsonSchemaNode = { oneOf: [{ properties: { kind: { const: 'a' } } }, { properties: { kind: { const: 'b' }, x: {} } }] };
    expect(typeName(union)).toBe('object by `kind`');
    expect(allowedValues(union)).toBe('`kind`: `"a"`, `"b"`');
    expect(typeName({ anyOf: [{ type: 'integer' }, { type: 'string', minLength: 1 }] })).toBe('integer | string');
    expect(allowedValues({ anyOf: [{ type: 'integer' }, { type: 'string', minLength: 1 }] })).toBe('integer or string (non-empty)');
  });

  it('says "each field\'s default" only when an object default is exactly its fields\' defaults', () => {
    const obj = { properties: { a: { default: 1 }, b: { default: 2 } } };
    expect(defaultText({ ...obj, default: { a: 1, b: 2 } }, false)).toBe("each field's default");
    expect(defaultText({ ...obj, default: { a: 3, b: 2 } }, false)).toBe('`{"a":3,"b":2}`');
    expect(defaultText({}, true)).toBe('required');
  });

  it('has one section per config kind and a table per variant of a union', () => {
    const md = configReferenceMarkdown();
    expect(md).toContain('## market config');
    expect(md).toContain('## bidding-war config');
    expect(md).toContain('### `searchers[]` with `kind: "sandwich"`');
    expect(md).toContain('### `builders[]` with `strategy: "bluff"`');
    expect(md).toContain('| `rollups[].pool.fee` | number | `0.003` | [0, 1) |');
  });
});
