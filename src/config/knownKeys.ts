/** The parts of a JSON Schema node that lead to the fields below it. */
interface SchemaNode {
  readonly properties?: Record<string, SchemaNode>;
  readonly items?: SchemaNode;
  readonly prefixItems?: readonly SchemaNode[];
  readonly additionalProperties?: SchemaNode | boolean;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly const?: unknown;
}

/** The branch of a union the input chose by its discriminator (`kind`, `name`), or every branch. */
function branches(node: SchemaNode, input: unknown): readonly SchemaNode[] {
  const options = node.anyOf ?? node.oneOf;
  if (!options) return [node];
  const chosen = options.filter((o) =>
    Object.entries(o.properties ?? {}).some(([k, p]) => p.const !== undefined && input !== null && typeof input === 'object' && (input as Record<string, unknown>)[k] === p.const),
  );
  return (chosen.length > 0 ? chosen : options).flatMap((o) => branches(o, input));
}

/**
 * The field names a config may have at `path`, read from the JSON Schema of its kind and the input
 * (which picks the branch of a union: a searcher's `kind`, a mechanism's `name`); empty when unknown.
 */
export function knownKeysAt(schema: SchemaNode, input: unknown, path: readonly PropertyKey[]): string[] {
  let nodes: readonly SchemaNode[] = branches(schema, input);
  let value = input;
  for (const key of path) {
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    nodes = nodes.flatMap((n) => {
      const next = typeof key === 'number' ? (n.prefixItems?.[key] ?? n.items) : (n.properties?.[String(key)] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined));
      return next ? branches(next, value) : [];
    });
  }
  return [...new Set(nodes.flatMap((n) => Object.keys(n.properties ?? {})))];
}
