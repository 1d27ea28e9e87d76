import { configJsonSchema } from './loadConfig.js';

/** A JSON Schema node, as `z.toJSONSchema` writes it (only the keywords read here are typed). */
export interface JsonSchemaNode {
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly items?: JsonSchemaNode;
  readonly prefixItems?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly allOf?: readonly JsonSchemaNode[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** One row of a reference table: a field of an object. */
interface Row {
  readonly path: string;
  readonly type: string;
  readonly defaultValue: string;
  readonly allowed: string;
  readonly description: string;
}

/** One table: the fields of one object (or of one variant of a union). */
interface Table {
  readonly heading: string;
  readonly description: string;
  readonly rows: readonly Row[];
}

const SAFE = Number.MAX_SAFE_INTEGER;
const code = (text: string) => `\`${text}\``;
const json = (value: unknown) => JSON.stringify(value);
const variantsOf = (node: JsonSchemaNode) => node.oneOf ?? node.anyOf ?? [];
const isObjectNode = (node: JsonSchemaNode) => node.properties !== undefined;
const recordValues = (node: JsonSchemaNode): JsonSchemaNode | undefined =>
  !isObjectNode(node) && typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;

/** The property whose `const` tells the object variants of a union apart (`kind`, `name`, ...). */
export function discriminatorOf(variants: readonly JsonSchemaNode[]): string | undefined {
  const objects = variants.filter(isObjectNode);
  if (objects.length < 2 || objects.length !== variants.length) return undefined;
  return Object.keys(objects[0]!.properties!).find((key) => objects.every((v) => v.properties?.[key]?.const !== undefined));
}

/** A short type name: `number`, `array of object`, `integer | string`, `object by "kind"`. */
export function typeName(node: JsonSchemaNode): string {
  const variants = variantsOf(node);
  if (variants.length > 0) {
    const key = discriminatorOf(variants);
    return key !== undefined ? `object by ${code(key)}` : [...new Set(variants.map(typeName))].join(' | ');
  }
  if (node.prefixItems !== undefined) return `[${node.prefixItems.map(typeName).join(', ')}]`;
  if (node.type === 'array') return `array of ${node.items === undefined ? 'any' : typeName(node.items)}`;
  const values = recordValues(node);
  if (values !== undefined) return `record of ${typeName(values)}`;
  return node.type ?? 'any';
}

/** A number range in interval notation (`[0, 1)`, `> 0`, `≤ 1000`); safe-integer bounds are left out. */
export function rangeOf(node: JsonSchemaNode): string {
  const lo = node.exclusiveMinimum ?? node.minimum;
  const hi = node.exclusiveMaximum ?? node.maximum;
  const hasLo = lo !== undefined && lo > -SAFE;
  const hasHi = hi !== undefined && hi < SAFE;
  const loOpen = node.exclusiveMinimum !== undefined;
  const hiOpen = node.exclusiveMaximum !== undefined;
  if (hasLo && hasHi) return `${loOpen ? '(' : '['}${lo}, ${hi}${hiOpen ? ')' : ']'}`;
  if (hasLo) return `${loOpen ? '>' : '≥'} ${lo}`;
  if (hasHi) return `${hiOpen ? '<' : '≤'} ${hi}`;
  return '';
}

function countOf(node: JsonSchemaNode): string {
  const { minItems: lo, maxItems: hi } = node;
  if (lo !== undefined && hi !== undefined) return `${lo} to ${hi} items`;
  if (lo !== undefined) return `at least ${lo} item${lo === 1 ? '' : 's'}`;
  return hi !== undefined ? `at most ${hi} items` : '';
}

/** The values a field accepts: a constant, the enum, a range, a pattern or an item count. */
export function allowedValues(node: JsonSchemaNode): string {
  if (node.const !== undefined) return code(json(node.const));
  if (node.enum !== undefined) return node.enum.map((v) => code(json(v))).join(', ');
  const variants = variantsOf(node);
  if (variants.length > 0) {
    const key = discriminatorOf(variants);
    if (key !== undefined) return `${code(key)}: ${variants.map((v) => code(json(v.properties![key]!.const))).join(', ')}`;
    return variants.map((v) => (allowedValues(v) === '' ? typeName(v) : `${typeName(v)} (${allowedValues(v)})`)).join(' or ');
  }
  if (node.type === 'number' || node.type === 'integer') return rangeOf(node);
  if (node.type === 'string') return node.pattern !== undefined ? `matches ${code(node.pattern)}` : node.minLength ? 'non-empty' : '';
  if (node.prefixItems !== undefined) {
    const each = [...new Set(node.prefixItems.map(allowedValues))];
    return each.length === 1 ? (each[0] === '' ? '' : `each ${each[0]}`) : each.join(', ');
  }
  if (node.type === 'array') {
    const each = node.items === undefined ? '' : allowedValues(node.items);
    return [countOf(node), each === '' ? '' : `each ${each}`].filter((s) => s !== '').join(', ');
  }
  const values = recordValues(node);
  return values !== undefined && allowedValues(values) !== '' ? `values ${allowedValues(values)}` : '';
}

/** True when an object default is just every field at its own default. */
function isFieldDefaults(value: unknown, node: JsonSchemaNode): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || node.properties === undefined) return false;
  const props = node.properties;
  return Object.entries(value).every(([k, v]) => props[k] !== undefined && json(props[k].default) === json(v));
}

/** The default column: the default as JSON, "each field's default", "required" or "—" (optional). */
export function defaultText(node: JsonSchemaNode, required: boolean): string {
  if (node.default === undefined) return required ? 'required' : '—';
  const objectVariant = [node, ...variantsOf(node)].find(isObjectNode);
  if (objectVariant !== undefined && isFieldDefaults(node.default, objectVariant) && Object.keys(node.default as object).length > 0)
    return "each field's default";
  return code(json(node.default));
}

function rowOf(node: JsonSchemaNode, path: string, required: boolean): Row {
  return { path: code(path), type: typeName(node), defaultValue: defaultText(node, required), allowed: allowedValues(node), description: node.description ?? '' };
}

function objectTables(node: JsonSchemaNode, path: string, heading: string, description: string): Table[] {
  const props = Object.entries(node.properties ?? {});
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  const rows = props.map(([key, prop]) => rowOf(prop, at(key), node.required?.includes(key) ?? false));
  return [{ heading, description, rows }, ...props.flatMap(([key, prop]) => nestedTables(prop, at(key), prop.description ?? ''))];
}

/** The tables of the objects inside a field: its own fields, array items, union variants, record values. */
function nestedTables(node: JsonSchemaNode, path: string, description: string): Table[] {
  if (isObjectNode(node)) return objectTables(node, path, code(path), description);
  if (node.type === 'array' && node.items !== undefined) return nestedTables(node.items, `${path}[]`, description);
  const values = recordValues(node);
  if (values !== undefined) return nestedTables(values, `${path}.<key>`, description);
  const variants = variantsOf(node);
  const key = discriminatorOf(variants);
  if (key === undefined) return variants.flatMap((v) => nestedTables(v, path, description));
  return variants.flatMap((v) => {
    const tag = v.properties![key]!;
    return objectTables(v, path, `${code(path)} with ${code(`${key}: ${json(tag.const)}`)}`, tag.description ?? '');
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function tableMarkdown(table: Table, level: string): string {
  const head = `${level} ${table.heading}\n\n${table.description === '' ? '' : `${table.description}\n\n`}`;
  const rows = table.rows.map((r) => `| ${[r.path, r.type, r.defaultValue, r.allowed, r.description].map(cell).join(' | ')} |`);
  return `${head}| field | type | default | allowed | description |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
}

/** The section of one config kind: its description, then one table per object, each printed once. */
function kindMarkdown(kind: JsonSchemaNode): string {
  const texts = objectTables(kind, '', 'Top level', '').map((t) => tableMarkdown(t, '###'));
  const unique = [...new Set(texts)];
  return `## ${kind.title ?? 'config'}\n\n${kind.description ?? ''}\n\n${unique.join('\n')}`;
}

const preamble = `# Config reference

Generated from the config schemas (\`src/config\`) by \`npm run docs\`; do not edit by hand.
The same schema as JSON Schema is [config.schema.json](config.schema.json): add
\`"$schema": "<relative path to docs/reference/config.schema.json>"\` at the top of a config file
and editors complete and check it (the key is ignored by the model; sweep files, with their
\`seeds\` and list-valued axes, are not configs and do not take it). \`seqsim config schema\`
prints it too, and \`seqsim config show <file>\` prints a config with every default filled in.

Paths are dotted; \`[]\` stands for every element of a list and \`<key>\` for any key of a map.
Where a field takes one of several object shapes (told apart by a field such as \`kind\` or
\`name\`), each shape has a table of its own. A default of "each field's default" means the
object may be left out, and so may each of its fields that has a default.
`;

/** The config reference (docs/reference/config.md) generated from the JSON Schema of every config kind. */
export function configReferenceMarkdown(schema: JsonSchemaNode = configJsonSchema()): string {
  return [preamble, ...variantsOf(schema).map(kindMarkdown)].join('\n');
}
