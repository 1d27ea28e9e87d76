/** Keys that name an object (`{ "name": "tullock", "alpha": 1 }` is a `tullock`), in order of preference. */
const nameKeys = ['name', 'id', 'kind'] as const;

/**
 * A short readable text for a config value, used to label object-valued and mixed sweep axes:
 * numbers and booleans as JSON writes them, texts as they are, an object as its name (`name`, `id`
 * or `kind`) followed by its other fields in parentheses (`tullock(alpha=1)`, `fixed(shares=[0.5, 0.5])`,
 * `first-price`), a list as `[a, b]`, null as `null`. Distinct values may share a label only if they
 * differ in type alone (`1` and `"1"`); the `.json` and `.number` columns tell those apart.
 */
export function axisLabel(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(axisLabel).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  const nameKey = nameKeys.find((k) => typeof (value as Record<string, unknown>)[k] === 'string');
  const fields = entries.filter(([k]) => k !== nameKey).map(([k, v]) => `${k}=${axisLabel(v)}`);
  const name = nameKey ? String((value as Record<string, unknown>)[nameKey]) : '';
  return fields.length === 0 ? name || '{}' : `${name}(${fields.join(', ')})`;
}
