/**
 * The field reference of the instructor's guide, generated from the schema so it can never drift from it:
 * one table per section of the format, with each field's type, whether it is required, its allowed values
 * or range, its default, and its description.
 */
import { scenarioJsonSchema } from './schema.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  pattern?: string;
  default?: unknown;
}

const MAX_SAFE = 9007199254740991;

function typeOf(s: JsonSchema): string {
  const union = s.anyOf ?? s.oneOf;
  if (union) {
    const kinds = union.map((u) => u.properties?.kind?.const).filter((k) => k !== undefined);
    if (kinds.length) return `one of ${union.length} kinds (see below)`;
    return union.map(typeOf).join(' or ');
  }
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${String(e)}\``).join(', ');
  if (s.type === 'array') {
    const items = Array.isArray(s.items)
      ? `pair of ${s.items.map(typeOf).join(', ')}`
      : s.items
        ? `list of ${typeOf(s.items)}`
        : 'list';
    return items;
  }
  if (s.type === 'object') return s.propertyNames ? 'section by government id' : 'section';
  if (s.type === 'integer') return 'whole number';
  if (s.type === 'number') return 'number';
  if (s.type === 'string') return 'text';
  if (s.type === 'boolean') return 'true or false';
  return String(s.type ?? 'any');
}

function limits(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined && s.maximum !== MAX_SAFE)
    parts.push(`${s.minimum} to ${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`at least ${s.minimum}`);
  else if (s.maximum !== undefined && s.maximum !== MAX_SAFE) parts.push(`at most ${s.maximum}`);
  if (s.minItems !== undefined) parts.push(`at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`);
  if (s.maxItems !== undefined && !Array.isArray(s.items)) parts.push(`at most ${s.maxItems} items`);
  if (
    s.default !== undefined &&
    !(typeof s.default === 'object' && Object.keys(s.default as object).length === 0)
  )
    parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join('; ');
}

const cell = (x: string): string => x.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Objects nested under a field, to document in their own sections. */
function nested(s: JsonSchema): JsonSchema | null {
  if (s.type === 'object' && s.properties) return s;
  if (s.type === 'object' && typeof s.additionalProperties === 'object' && s.additionalProperties.properties)
    return s.additionalProperties;
  if (s.type === 'array' && s.items && !Array.isArray(s.items)) return nested(s.items);
  if (s.anyOf ?? s.oneOf) return null;
  return null;
}

function unionOf(s: JsonSchema): JsonSchema[] | null {
  if (s.anyOf ?? s.oneOf) return (s.anyOf ?? s.oneOf)!;
  if (s.type === 'array' && s.items && !Array.isArray(s.items)) return unionOf(s.items);
  return null;
}

function section(title: string, s: JsonSchema, out: string[]): void {
  out.push(`### ${title}`, '');
  if (s.description) out.push(s.description, '');
  out.push('| field | type | required | allowed | description |', '| --- | --- | --- | --- | --- |');
  const req = new Set(s.required ?? []);
  const later: [string, JsonSchema][] = [];
  for (const [name, f] of Object.entries(s.properties ?? {})) {
    out.push(
      `| \`${name}\` | ${cell(typeOf(f))} | ${req.has(name) && f.default === undefined ? 'yes' : 'no'} | ${cell(limits(f))} | ${cell(f.description ?? '')} |`,
    );
    const sub = nested(f);
    if (sub) later.push([`${title} › ${name}`, sub]);
    const variants = unionOf(f);
    if (variants?.some((v) => v.properties?.kind))
      later.push(
        ...variants.map((v): [string, JsonSchema] => [
          `${title} › ${name} (kind: ${String(v.properties!.kind!.const)})`,
          v,
        ]),
      );
  }
  out.push('');
  for (const [t, sub] of later) section(t, sub, out);
}

export function fieldReference(): string {
  const schema = scenarioJsonSchema() as JsonSchema;
  const out: string[] = [];
  section('Scenario', schema, out);
  return out.join('\n');
}
