import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/loadConfig.js';
import type { JsonSchemaNode } from '../../src/config/configReference.js';
import { docEntries } from '../../src/docEntries.js';

/** Every property path (`kind: a.b[].c`) in the schema whose description is missing or empty. */
function undescribed(node: JsonSchemaNode, path: string): string[] {
  const props = Object.entries(node.properties ?? {}).flatMap(([key, prop]) => {
    const at = `${path}${path.endsWith(' ') ? '' : '.'}${key}`;
    return [...(prop.description?.trim() ? [] : [at]), ...undescribed(prop, at)];
  });
  const items = [node.items, ...(node.prefixItems ?? [])].flatMap((item) => (item === undefined ? [] : undescribed(item, `${path}[]`)));
  const values = typeof node.additionalProperties === 'object' ? undescribed(node.additionalProperties, `${path}.<key>`) : [];
  const variants = [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])].flatMap((v) => undescribed(v, path));
  return [...new Set([...props, ...items, ...values, ...variants])];
}

describe('generated reference docs (docs/reference)', () => {
  for (const { path, generate } of docEntries) {
    it(`${path} is up to date`, () => {
      const committed = existsSync(path) ? readFileSync(path, 'utf8') : '(missing)';
      expect(committed === generate(), `${path} is stale or missing: run \`npm run docs\` and commit the result`).toBe(true);
    });
  }

  it('every property of every config kind has a description', () => {
    const kinds = (configJsonSchema().oneOf as JsonSchemaNode[]).map((k) => ({ kind: k.title?.replace(/ config$/, '') ?? '?', schema: k }));
    const missing = kinds.flatMap(({ kind, schema }) => undescribed(schema, `${kind}: `));
    expect(missing, `properties without a description (add .describe(...) to the zod schema):\n${missing.join('\n')}`).toEqual([]);
  });

  it('the description check sees a missing description at any depth', () => {
    const schema: JsonSchemaNode = {
      properties: {
        a: { description: 'a', type: 'array', items: { anyOf: [{ properties: { b: {} } }, { type: 'number' }] } },
        c: { description: ' ', additionalProperties: { properties: { d: { description: 'd' }, e: {} } } },
      },
    };
    expect(undescribed(schema, 'k: ').sort()).toEqual(['k: a[].b', 'k: c', 'k: c.<key>.e']);
  });
});
