/**
 * Problems found in a scenario or catalogue file, each with the line and column it is at and a sentence
 * a non-programmer understands. Parsing keeps YAML source positions so every problem can be placed.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type * as z from 'zod';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}:${p.column}: ${p.message}`;

export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export type Path = readonly (string | number)[];

/** A parsed YAML text that can place any path of its value in the source. */
export class Located {
  readonly doc: Document.Parsed;
  readonly lines = new LineCounter();
  readonly problems: Problem[] = [];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    for (const e of [...this.doc.errors, ...this.doc.warnings]) {
      const at = this.lines.linePos(e.pos[0]);
      this.problems.push({ file, line: at.line, column: at.col, message: yamlMessage(e.code, e.message) });
    }
  }

  value(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }

  /** The node at a path, or the deepest node on the way to it. */
  private nodeAt(path: Path): { node: Node | null; key: Node | null; exact: boolean } {
    let node: unknown = this.doc.contents;
    let key: Node | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) return { node: node as Node, key, exact: false };
        key = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
        key = null;
        node = node.items[step];
      } else {
        return { node: (node as Node) ?? null, key, exact: false };
      }
    }
    return { node: (node as Node) ?? null, key, exact: true };
  }

  /** Line and column of a path's value (or of its key, for a key problem). */
  position(path: Path, onKey = false): { line: number; column: number } {
    const { node, key } = this.nodeAt(path);
    const target = onKey && key ? key : (node ?? key);
    const offset = target?.range?.[0] ?? 0;
    const at = this.lines.linePos(offset);
    return { line: at.line, column: at.col };
  }

  /** Position of a key inside the map at `path`. */
  keyPosition(path: Path, key: string): { line: number; column: number } {
    return this.position([...path, key], true);
  }

  add(path: Path, message: string, onKey = false): void {
    this.problems.push({ file: this.file, ...this.position(path, onKey), message });
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `a key appears twice in the same place (${first}); keep one of them.`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/Nested mappings/.test(first)) return 'the YAML cannot be read here: text that contains ": " must be put in quotes, or written as a block with >.';
      return `the YAML cannot be read here (${first}); check the indentation and punctuation.`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `the YAML cannot be read here (${first}); check the indentation and punctuation.`;
    default:
      return `the YAML cannot be read here: ${first}`;
  }
}

/** Names a path for a person: `actors › DPRK › leader › stance`, with list items counted from 1. */
export function describePath(path: Path): string {
  if (path.length === 0) return 'the file';
  return path.map((p) => (typeof p === 'number' ? `#${p + 1}` : p)).join(' › ');
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n]!;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const s = suggest(word, candidates);
  return s ? ` Did you mean "${s}"?` : '';
};

type AnyZod = z.ZodType;
type Def = { type: string; shape?: Record<string, AnyZod>; element?: AnyZod; valueType?: AnyZod; innerType?: AnyZod; options?: AnyZod[]; discriminator?: string; items?: AnyZod[] };
const defOf = (s: AnyZod): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema that describes the value at `path` in `data`, following objects, records, lists and unions. */
export function schemaAt(schema: AnyZod, path: Path, data: unknown): AnyZod | null {
  let s: AnyZod | null = schema;
  let d: unknown = data;
  for (let k = 0; k <= path.length && s; k++) {
    let def = defOf(s);
    while (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') {
      s = def.innerType!;
      def = defOf(s);
    }
    if (def.type === 'union' && def.options) {
      const kind = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)[def.discriminator ?? 'kind'] : undefined;
      s = def.options.find((o) => {
        const shape = defOf(o).shape;
        const lit = shape?.[def.discriminator ?? 'kind'];
        return lit && (defOf(lit) as unknown as { values?: unknown[] }).values?.includes(kind);
      }) ?? def.options.find((o) => defOf(o).type === 'array') ?? null;
      if (!s) return null;
      def = defOf(s);
    }
    if (k === path.length) return s;
    const step = path[k]!;
    d = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)[step as string] : undefined;
    if (def.type === 'object') s = def.shape?.[String(step)] ?? null;
    else if (def.type === 'record') s = def.valueType ?? null;
    else if (def.type === 'array') s = def.element ?? null;
    else if (def.type === 'tuple') s = def.items?.[Number(step)] ?? null;
    else return null;
  }
  return s;
}

/** The keys an object schema allows, for suggestions. */
export function keysOf(schema: AnyZod | null): string[] {
  if (!schema) return [];
  let def = defOf(schema);
  while (def.innerType) def = defOf(def.innerType);
  return def.shape ? Object.keys(def.shape) : [];
}

/** A person's sentence for one zod issue, placed in the source. */
export function explainIssue(src: Located, schema: AnyZod, data: unknown, issue: z.core.$ZodIssue): void {
  const path = issue.path as Path;
  const field = describePath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysOf(schemaAt(schema, path, data));
      for (const k of issue.keys)
        src.problems.push({ file: src.file, ...src.keyPosition(path, k), message: `${describePath([...path, k])}: this field is not part of the format.${didYouMean(k, allowed)}` });
      return;
    }
    case 'invalid_type': {
      const got = (issue as { input?: unknown }).input;
      if (got === undefined) {
        src.add(path.slice(0, -1), `${field}: this required field is missing.`);
        return;
      }
      src.add(path, `${field}: should be ${article(issue.expected)}, but it is ${kindOf(got)}.`);
      return;
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = big ? (issue as { maximum: unknown }).maximum : (issue as { minimum: unknown }).minimum;
      const origin = (issue as { origin?: string }).origin;
      const what = origin === 'array' ? `must have at ${big ? 'most' : 'least'} ${String(limit)} item${limit === 1 ? '' : 's'}` : origin === 'string' ? 'must not be empty' : `must be at ${big ? 'most' : 'least'} ${String(limit)}`;
      const got = valueAt(data, path);
      src.add(path, `${field}: ${what}${typeof got === 'number' ? ` (it is ${got})` : ''}.`);
      return;
    }
    case 'invalid_value': {
      const values = (issue.values as unknown[]).map(String);
      const got = valueAt(data, path);
      src.add(path, `${field}: "${String(got)}" is not allowed here; use one of: ${values.join(', ')}.${typeof got === 'string' ? didYouMean(got, values) : ''}`);
      return;
    }
    case 'invalid_union': {
      const got = valueAt(data, path);
      const kind = typeof got === 'object' && got !== null ? (got as Record<string, unknown>).kind : undefined;
      src.add(path, kind === undefined ? `${field}: needs a "kind" that says what sort of entry it is.` : `${field}: "${String(kind)}" is not a kind this entry can have.`);
      return;
    }
    case 'invalid_format':
      src.add(path, `${field}: ${issue.message}.`);
      return;
    case 'custom':
      src.add(path, `${field}: ${issue.message}`);
      return;
    default:
      src.add(path, `${field}: ${issue.message}.`);
  }
}

function article(t: string): string {
  const words: Record<string, string> = { number: 'a number', string: 'text', boolean: 'true or false', object: 'a section of named fields', array: 'a list', record: 'a section of named fields' };
  return words[t] ?? t;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'empty';
  if (typeof v === 'object') return 'a section of named fields';
  if (typeof v === 'string') return `the text "${v.length > 30 ? v.slice(0, 30) + '…' : v}"`;
  return `${typeof v === 'number' ? 'the number' : ''} ${String(v)}`.trim();
}

export function valueAt(data: unknown, path: Path): unknown {
  let d = data;
  for (const p of path) d = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)[p as string] : undefined;
  return d;
}
