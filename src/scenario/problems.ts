/**
 * Problems found in a scenario or catalogue file, each with the line and column it is at and a sentence
 * a non-programmer understands. Parsing keeps YAML source positions so every problem can be placed.
 *
 * A YAML mistake often confuses the parser for the rest of its block, so `Located` reports a syntax problem,
 * blanks the line it is on and parses again: each real mistake is reported once, without the echoes it causes.
 */
import { LineCounter, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node, YAMLError } from 'yaml';
import type * as z from 'zod';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** A warning: something that works but is probably not what the author meant (`qpq check --strict` fails on it). */
  warning?: true;
}

/** One line per problem, always: `path:line:column: message`, or `path:line:column: warning: message`. */
export const formatProblem = (p: Problem): string =>
  `${p.file}:${p.line}:${p.column}: ${p.warning ? 'warning: ' : ''}${p.message.replace(/\r?\n|\r/g, ' ')}`;

/** Source text quoted in a message, with line breaks and other control characters shown, not obeyed. */
const printable = (s: string): string =>
  [...s]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x20 && code !== 0x7f) return c;
      return c === '\n'
        ? '\\n'
        : c === '\t'
          ? '\\t'
          : c === '\r'
            ? '\\r'
            : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('');

export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export type Path = readonly (string | number)[];

const pathKey = (path: Path): string => JSON.stringify(path);

const parse = (text: string): Document.Parsed =>
  parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });

/**
 * Line starts counted from the text itself: the parser's own LineCounter misses the line breaks inside a
 * scalar it could not finish, which would put later problems past the end of their line.
 */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** A parsed YAML text that can place any path of its value in the source. */
export class Located {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly problems: Problem[] = [];
  /** Warnings: what works but is probably not what the author meant. */
  readonly warnings: Problem[] = [];
  /** Whether the text is YAML that can be read (duplicate keys aside), so that its value is worth checking. */
  readonly readable: boolean;
  /** The value, once `value()` has read it; used to name list items by their id. */
  data: unknown = undefined;
  /** Paths the schema has already complained about; later checks stay quiet there. */
  private readonly flagged = new Set<string>();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.doc = parse(text);
    this.lines = lineCounter(text);
    for (const e of this.doc.errors)
      if (e.code === 'DUPLICATE_KEY') this.addAt(e.pos[0], duplicateMessage(this, e.pos[0]));
    const syntax = syntaxProblems(text, this.doc);
    for (const s of syntax) this.addAt(s.offset, s.message);
    this.readable = syntax.length === 0;
  }

  /** The plain value of the document, or undefined (with a problem) when it cannot be built. */
  value(): unknown {
    let unresolved = false;
    visit(this.doc, {
      Alias: (_, node) => {
        if (node.resolve(this.doc) === undefined) {
          unresolved = true;
          this.addAt(
            node.range?.[0] ?? 0,
            `"*${node.source}" is read as a reference to an anchor that does not exist; ${startsWith('*')}`,
          );
        }
      },
      Pair: (_, pair) => {
        if (isCollection(pair.key))
          this.addAt(
            (pair.key as Node).range?.[0] ?? 0,
            'a field name must be a plain word, not a list or a section; write it as name: value.',
          );
      },
    });
    if (unresolved || this.problems.length) return undefined;
    try {
      this.data = this.doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      this.addAt(0, `the file cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
      return undefined;
    }
    return this.data;
  }

  /** The node at a path, or the deepest node on the way to it. A key given twice counts as its last one. */
  private nodeAt(path: Path): { node: Node | null; key: Node | null; exact: boolean } {
    let node: unknown = this.doc.contents;
    let key: Node | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = [...node.items]
          .reverse()
          .find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
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

  private at(offset: number): { line: number; column: number } {
    const at = this.lines.linePos(offset);
    return { line: at.line, column: at.col };
  }

  /** Line and column of a path's value (or of its key, for a key problem). */
  position(path: Path, onKey = false): { line: number; column: number } {
    const { node, key } = this.nodeAt(path);
    const target = onKey && key ? key : (node ?? key);
    return this.at(target?.range?.[0] ?? this.doc.contents?.range?.[0] ?? 0);
  }

  /** Position of a key inside the map at `path`. */
  keyPosition(path: Path, key: string): { line: number; column: number } {
    return this.position([...path, key], true);
  }

  /**
   * Where to say that something inside `path` is missing: the key that opens the section (`DPRK:`), or the
   * start of a list item, or the start of the file's fields.
   */
  containerPosition(path: Path): { line: number; column: number } {
    const { node, key, exact } = this.nodeAt(path);
    if (exact && path.length > 0 && typeof path[path.length - 1] === 'string' && key)
      return this.at(key.range?.[0] ?? 0);
    return this.at(node?.range?.[0] ?? 0);
  }

  add(path: Path, message: string, onKey = false): void {
    this.problems.push({ file: this.file, ...this.position(path, onKey), message: printable(message) });
  }

  addAt(offset: number, message: string): void {
    this.problems.push({ file: this.file, ...this.at(offset), message: printable(message) });
  }

  /** A problem from the schema: `field: message`, remembered so that later checks do not repeat it. */
  flag(path: Path, where: { line: number; column: number }, message: string): void {
    this.flagged.add(pathKey(path));
    this.problems.push({
      file: this.file,
      ...where,
      message: printable(`${describePath(path, this.data)}: ${message}`),
    });
  }

  /** A problem from a later check, named by its path, unless the schema already found one there. */
  report(path: Path, message: string, onKey = false): void {
    if (this.flagged.has(pathKey(path))) return;
    this.add(path, `${describePath(path, this.data)}: ${message}`, onKey);
  }

  /** A warning at a path, named by it like a later check's problem, unless the schema found a problem there. */
  warn(path: Path, message: string, onKey = false): void {
    if (this.flagged.has(pathKey(path))) return;
    this.warnings.push({
      file: this.file,
      ...this.position(path, onKey),
      message: printable(`${describePath(path, this.data)}: ${message}`),
      warning: true,
    });
  }

  /** Every problem once, in the order of the file (the warnings instead, with `warnings`). */
  sorted(warnings = false): Problem[] {
    const seen = new Set<string>();
    return (warnings ? this.warnings : this.problems)
      .filter((p) => {
        const k = formatProblem(p);
        return seen.has(k) ? false : (seen.add(k), true);
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

// ---------------------------------------------------------------------------------------------
// YAML syntax, in plain words

interface SyntaxProblem {
  offset: number;
  message: string;
  /** Offsets of the text to blank before parsing again. */
  blank: [number, number];
}

/** Every YAML mistake in the text, one problem each, in the order of the file. */
function syntaxProblems(text: string, first: Document.Parsed): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let current = text;
  let doc = first;
  // Odd spaces where YAML needs a real one (in the indentation, right after ":" or "-") break the structure of
  // what follows: when the text does not parse, report each, replace them with plain spaces (same length, so
  // offsets hold) and go on. (In a value they are only text; in a field name the schema check explains them.)
  const odd = new RegExp(`(?<=^[ \\t]*|[:,-])(?:${ODD_SPACE.source})+`, 'gm');
  const broken = first.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  for (const m of broken ? text.matchAll(odd) : []) {
    if (m.index === 0 && m[0] === '\ufeff') continue; // a byte-order mark, which YAML allows
    out.push({
      offset: m.index,
      message: `${named(lineText(text, m.index).replace(ODD_SPACES, ' '))}this line contains an unusual space (a no-break space, often pasted from a word processor) where YAML needs an ordinary one. Retype the spaces here.`,
      blank: [m.index, m.index],
    });
    current = current.slice(0, m.index) + ' '.repeat(m[0].length) + current.slice(m.index + m[0].length);
  }
  if (out.length) doc = parse(current);
  for (let pass = 0; pass < 25; pass++) {
    const errors = [...doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY'), ...doc.warnings];
    if (errors.length === 0) break;
    const found = errors
      .map((e) => explainSyntax(current, doc, e, errors))
      .sort((a, b) => a.offset - b.offset)[0]!;
    if (out.some((p) => p.offset === found.offset)) break;
    out.push(found);
    const [from, to] = found.blank;
    current = current.slice(0, from) + current.slice(from, to).replace(/[^\n]/g, ' ') + current.slice(to);
    doc = parse(current);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (text: string, offset: number): number => {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n;
};
const lineText = (text: string, offset: number): string =>
  text.slice(lineStart(text, offset), lineEnd(text, offset));
const indentOf = (line: string): number => /^ */.exec(line)![0].length;
/** Offset of the first character of the line that is not a space or tab. */
const firstChar = (text: string, offset: number): number => {
  const s = lineStart(text, offset);
  return s + /^[ \t]*/.exec(lineText(text, s))![0].length;
};
/** The field name a line starts with (`  - leader: ...` gives leader), if any. */
const keyOfLine = (line: string): string | null =>
  /^\s*(?:-\s+)?([^\s:#'"{}[\],&*!|>-][^:#]*?)\s*:(?:\s|$)/.exec(line)?.[1] ?? null;
const quoted = (s: string, max = 40): string => `"${printable(s.length > max ? s.slice(0, max) + '…' : s)}"`;
const named = (line: string): string => {
  const k = keyOfLine(line);
  return k ? `${k}: ` : '';
};
const startsWith = (c: string): string => `a value that starts with "${c}" must be put in quotes.`;

/** Balanced brackets from `start` (which holds `[` or `{`): the offset after the closing one, or -1. */
function closingOf(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  const indent = indentOf(lineText(text, start));
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '\n') {
      // A new field at the block's own level means the brackets were never closed.
      const next = lineText(text, i + 1);
      if (next.trim() && indentOf(next) <= indent && keyOfLine(next) !== null) return -1;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) i = lineEnd(text, i) - 1;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The flow list or section (`[...]`, `{...}`) a bracket error is about: the outermost unclosed one before it. */
function flowAt(text: string, doc: Document.Parsed, offset: number): { start: number; end: number } | null {
  const flows: { start: number; end: number }[] = [];
  visit(doc, {
    Node: (_, n) => {
      if (isCollection(n) && n.flow && n.range && n.range[0] < offset)
        flows.push({ start: n.range[0], end: n.range[2] });
    },
  });
  const open = flows.filter((f) => text[f.start] === '[' || text[f.start] === '{');
  const outer = open.filter((f) => !open.some((g) => g !== f && g.start < f.start && f.start < g.end));
  return outer.sort((a, b) => b.start - a.start)[0] ?? null;
}

/** The quoted text an unclosed-quote error is about: the last one before the error that does not end in its quote. */
function quoteAt(text: string, doc: Document.Parsed, offset: number): number {
  let best = -1;
  visit(doc, {
    Scalar: (_, n) => {
      if ((n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range && n.range[0] <= offset) {
        const src = text.slice(n.range[0], n.range[1]).trimEnd();
        if (src.length < 2 || src[src.length - 1] !== src[0]) best = Math.max(best, n.range[0]);
      }
    },
  });
  return best >= 0 ? best : offset;
}

/** The nearest line before `start` with something on it other than a comment, or null. */
function previousLine(text: string, start: number): string | null {
  for (let s = start - 1; s > 0;) {
    const from = lineStart(text, s);
    const line = text.slice(from, s);
    if (line.trim() && !line.trim().startsWith('#')) return line;
    s = from - 1;
  }
  return null;
}

/** The indentation of the section a badly indented line most likely belongs to. */
function intendedIndent(text: string, offset: number): number | null {
  const mine = indentOf(lineText(text, offset));
  let levels: number[] = [];
  for (let s = lineStart(text, offset) - 1; s > 0;) {
    const start = lineStart(text, s);
    const line = text.slice(start, s);
    if (line.trim() && !line.trim().startsWith('#')) {
      const ind = indentOf(line);
      if (levels.length === 0 || ind < levels[levels.length - 1]!) levels = [...levels, ind];
    }
    s = start - 1;
  }
  const deeper = levels.filter((l) => l > mine);
  return deeper.length ? Math.min(...deeper) : null;
}

function explainSyntax(
  text: string,
  doc: Document.Parsed,
  e: YAMLError,
  all: readonly YAMLError[],
): SyntaxProblem {
  const pos = e.pos[0];
  const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  const line = lineText(text, pos);
  const here = (offset: number, message: string): SyntaxProblem => ({
    offset,
    message,
    blank: [lineStart(text, offset), lineEnd(text, offset)],
  });

  switch (e.code) {
    case 'TAB_AS_INDENT':
      return here(
        pos,
        `${named(line.replace(/^\t+/, ''))}this line is indented with a tab; YAML needs spaces for indentation. Replace the tab with spaces.`,
      );
    case 'MULTIPLE_DOCS':
      return {
        offset: pos,
        message:
          'a second scenario starts here with "---", but a file holds only one. Remove this line, and put any other scenario in a file of its own.',
        blank: [pos, text.length],
      };
    case 'BAD_DQ_ESCAPE':
      return here(
        pos,
        `${named(line)}inside double quotes a backslash starts a special character, and ${quoted(first.replace('Invalid escape sequence ', ''))} is not one. Write \\\\ for a backslash, or use single quotes instead.`,
      );
    case 'BAD_SCALAR_START':
      return here(pos, `${named(line)}${startsWith(text[pos] ?? '')}`);
    case 'TAG_RESOLVE_FAILED':
      return here(
        pos,
        `${named(line)}"!" at the start of a value makes YAML read it as a type tag; ${startsWith('!')}`,
      );
    case 'MISSING_CHAR': {
      if (/Missing closing ("|')quote/.test(first)) {
        const q = quoteAt(text, doc, pos);
        const mark = text[q] === "'" ? "'" : '"';
        const qLine = lineText(text, q);
        // Closed on a following line that is not indented: the text goes on to a new line the wrong way.
        const next = lineEnd(text, q) + 1;
        const rest = next < text.length ? lineText(text, next) : '';
        if (rest.includes(mark) && indentOf(rest) <= indentOf(qLine) && keyOfLine(rest) === null)
          return {
            offset: q,
            message: `${named(qLine)}the quoted text that opens here goes on to the next line, which must then be indented more than this one. Indent it, or keep the text on one line.`,
            blank: [lineStart(text, q), lineEnd(text, next)],
          };
        return here(
          q,
          `${named(qLine)}the quote (${mark}) that opens this text is never closed. Add the closing ${mark} at the end of the text.`,
        );
      }
      if (/Implicit map keys need to be followed by map values/.test(first)) {
        const at = firstChar(text, pos);
        return here(
          at,
          `this line has no ":", so YAML cannot tell the field's name from its value. Write it as name: value, or indent it as the continuation of the line above.`,
        );
      }
      if (/Comments must be separated/.test(first))
        return here(
          pos,
          `${named(line)}put a space before "#", or put the "#" inside the quotes: "#" after a space starts a comment.`,
        );
      if (/Missing , (or : )?between/.test(first))
        return here(pos, `${named(line)}a comma is missing between two items here.`);
      break;
    }
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(first)) {
        const f = flowAt(text, doc, pos + 1);
        if (f) {
          const list = text[f.start] === '[';
          const closer = list ? ']' : '}';
          const what = list ? 'list' : 'section';
          const fLine = lineText(text, f.start);
          const blank: [number, number] = [lineStart(text, f.start), lineEnd(text, f.start)];
          if (closingOf(text, f.start) < 0)
            return {
              offset: f.start,
              message: `${named(fLine)}the ${what} that opens here with "${text[f.start]}" is never closed. Add "${closer}" at its end.`,
              blank,
            };
          return {
            offset: f.start,
            message: `${named(fLine)}the ${what} that opens here with "${text[f.start]}" goes on over several lines, and each further line must be indented more than "${keyOfLine(fLine) ?? fLine.trim()}". Indent them, or write the ${what} on one line.`,
            blank: [blank[0], lineEnd(text, closingOf(text, f.start) - 1)],
          };
        }
      }
      if (/must start at the same column/.test(first)) {
        const at = firstChar(text, pos);
        const want = intendedIndent(text, at);
        const [what, whole] = /sequence/.test(first)
          ? ['items', 'Items of one list']
          : ['fields', 'Fields of one section'];
        const key = keyOfLine(lineText(text, at));
        return here(
          at,
          `${key ? `"${key}" ` : 'this line '}starts at column ${at - lineStart(text, at) + 1}${want !== null ? `, but the ${what} around it start at column ${want + 1}` : ''}. ${whole} must all start at the same column; check the spaces at the start of this line.`,
        );
      }
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const multi = all.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY' && x.pos[0] === pos);
      if (/block sequence may not be used as an implicit map key/.test(first)) {
        const at = firstChar(text, pos);
        const want = intendedIndent(text, at);
        return here(
          at,
          `this list item ("-") starts at column ${at - lineStart(text, at) + 1}${want !== null ? `, but the items above it start at column ${want + 1}` : ''}. The "-" of every item of one list must be at the same column.`,
        );
      }
      if (multi && lineStart(text, multi.pos[1]) !== lineStart(text, pos)) {
        // A value whose next line reads as `name: value`: that line is indented too far, or is text with ": ".
        const next = firstChar(text, lineStart(text, multi.pos[1] - 1));
        const above = keyOfLine(line);
        const key = keyOfLine(lineText(text, next));
        // If the line above is the odd one (less indented than the line before it), it is the mistake.
        const mine = indentOf(line);
        const before = previousLine(text, lineStart(text, pos));
        if (above && before !== null && mine < indentOf(before) && mine < indentOf(lineText(text, next)))
          return here(
            firstChar(text, pos),
            `"${above}" starts at column ${mine + 1}, but the fields around it start at column ${indentOf(lineText(text, next)) + 1}. Fields of one section must all start at the same column; check the spaces at the start of this line.`,
          );
        if (
          e.code === 'MULTILINE_IMPLICIT_KEY' &&
          !all.some((x) => x.code === 'BLOCK_AS_IMPLICIT_KEY' && x.pos[0] === pos)
        )
          return here(
            firstChar(text, pos),
            `this line has no ":", so YAML joins it to the next line and cannot read either. Write it as name: value, or put text in quotes.`,
          );
        return here(
          next,
          `${key ? `"${key}" ` : 'this line '}is indented further than ${above ? `"${above}"` : 'the line'} above it, so YAML reads it as part of that value. If it is a field of its own, line it up with ${above ? `"${above}"` : 'the fields above'}; if it is text that contains ": ", put the whole text in quotes.`,
        );
      }
      if (e.code === 'MULTILINE_IMPLICIT_KEY')
        return here(
          firstChar(text, pos),
          `this line has no ":", so YAML joins it to the next line and cannot read either. Write it as name: value, or put text in quotes.`,
        );
      const value = line
        .slice(pos - lineStart(text, pos))
        .replace(/\s+#.*$/, '')
        .trim();
      return here(
        pos,
        `${named(line)}the text ${quoted(value)} contains ": ", which YAML reads as the start of a new field. Put the whole text in quotes, or write it as a block with >.`,
      );
    }
    case 'BLOCK_IN_FLOW': {
      const rest = text.slice(pos, lineEnd(text, pos));
      const value = /^[^,\]}]*/.exec(rest)![0].trim();
      const key = /([A-Za-z][\w-]*)\s*:\s*$/.exec(text.slice(lineStart(text, pos), pos))?.[1];
      return here(
        pos,
        `${key ? `${key}: ` : named(line)}${quoted(value)} contains ": " inside a [ ] or { }. If these are two fields, separate them with a comma; if it is text, put it in quotes.`,
      );
    }
    case 'UNEXPECTED_TOKEN': {
      const c = text[pos];
      if (/flow-(seq|map)-end/.test(first) || c === ']' || c === '}')
        return here(
          pos,
          `${named(line)}this "${c}" closes nothing: there is no "${c === ']' ? '[' : '{'}" before it. Remove it, or add the opening bracket.`,
        );
      const before = text.slice(lineStart(text, pos), pos).trimEnd();
      if (/at node end/.test(first) && /["']$/.test(before))
        return here(
          pos,
          `${named(line)}there is more text after the closing quote. Put all of the text inside the quotes.`,
        );
      break;
    }
    default:
      break;
  }
  return here(
    pos,
    `${named(line)}the YAML cannot be read here (${first.replace(/\.$/, '')}). Check the spaces at the start of this line and the quotes and brackets on it and on the line above.`,
  );
}

/** `actors › JPN: "JPN" is given twice...` for a key that appears twice in one section. */
function duplicateMessage(src: Located, offset: number): string {
  let found: { path: Path; key: string; first: number } | null = null;
  const walk = (node: unknown, path: Path): void => {
    if (found) return;
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const k = String(p.key.value);
        if (p.key.range?.[0] === offset) {
          const firstPair = node.items.find((q) => isPair(q) && isScalar(q.key) && String(q.key.value) === k);
          found = {
            path: [...path, k],
            key: k,
            first: (firstPair?.key as Node | undefined)?.range?.[0] ?? offset,
          };
          return;
        }
        walk(p.value, [...path, k]);
      }
    } else if (isSeq(node)) node.items.forEach((x, i) => walk(x, [...path, i]));
  };
  walk(src.doc.contents, []);
  if (!found) return 'a field is given twice in the same section; keep only one of them.';
  const f = found as { path: Path; key: string; first: number };
  return `${describePath(f.path)}: ${quoted(f.key, 60)} is given twice in the same section (first on line ${src.lines.linePos(f.first).line}). Keep only one of them; as it stands, this one would replace the first.`;
}

// ---------------------------------------------------------------------------------------------
// Naming and suggesting

/** Spaces a word processor pastes in that YAML does not take for spaces (no-break, thin, zero-width...). */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const ODD_SPACES = new RegExp(ODD_SPACE.source, 'g');

/** A key as a person can see it: quoted, with odd spaces shown, when it is not a plain word. */
const visibleKey = (k: string): string =>
  /^[^\s"]+$/.test(k) && !ODD_SPACE.test(k) ? printable(k) : `"${printable(k.replace(ODD_SPACES, '␣'))}"`;

/**
 * Names a path for a person: `actors › DPRK › leader › stance`. List items are counted from 1 (`#2`), or
 * named by their id when `data` is given and the item has one (`events › olympics › round`).
 */
export function describePath(path: Path, data?: unknown): string {
  if (path.length === 0) return 'the file';
  let d = data;
  const parts: string[] = [];
  for (const p of path) {
    const item = typeof d === 'object' && d !== null ? (d as Record<string | number, unknown>)[p] : undefined;
    if (typeof p === 'number') {
      const id =
        typeof item === 'object' && item !== null && !Array.isArray(item)
          ? (item as Record<string, unknown>).id
          : undefined;
      parts.push(typeof id === 'string' && /^[A-Za-z][A-Za-z0-9-]*$/.test(id) ? id : `#${p + 1}`);
    } else parts.push(visibleKey(p));
    d = item;
  }
  return parts.join(' › ');
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
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
  return best !== null && best !== word && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const s = suggest(word, candidates);
  return s ? ` Did you mean "${s}"?` : '';
};

// ---------------------------------------------------------------------------------------------
// Schema issues, in plain words

type AnyZod = z.ZodType;
type Def = {
  type: string;
  shape?: Record<string, AnyZod>;
  element?: AnyZod;
  valueType?: AnyZod;
  innerType?: AnyZod;
  options?: AnyZod[];
  discriminator?: string;
  items?: AnyZod[];
  entries?: Record<string, unknown>;
  values?: unknown[];
};
const defOf = (s: AnyZod): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch']);
const unwrap = (s: AnyZod): AnyZod => {
  let x = s;
  while (WRAPPERS.has(defOf(x).type) && defOf(x).innerType) x = defOf(x).innerType!;
  return x;
};

/** The schema that describes the value at `path` in `data`, following objects, records, lists and unions. */
export function schemaAt(schema: AnyZod, path: Path, data: unknown): AnyZod | null {
  let s: AnyZod | null = schema;
  let d: unknown = data;
  for (let k = 0; k <= path.length && s; k++) {
    s = unwrap(s);
    let def = defOf(s);
    if (def.type === 'union' && def.options) {
      const disc = def.discriminator ?? 'kind';
      const kind = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)[disc] : undefined;
      const pick =
        def.options.find((o) => {
          const lit = defOf(unwrap(o)).shape?.[disc];
          return lit && defOf(lit).values?.includes(kind);
        }) ??
        def.options.find((o) => defOf(unwrap(o)).type === (Array.isArray(d) ? 'array' : 'object')) ??
        null;
      if (!pick) return k === path.length ? s : null;
      s = unwrap(pick);
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
  const def = defOf(unwrap(schema));
  return def.shape ? Object.keys(def.shape) : [];
}

/** A schema's description, as a clause: "security, from 0 to 100". */
function descriptionOf(schema: AnyZod | null): string {
  const d = schema
    ? ((schema as { description?: string }).description ??
      (unwrap(schema) as { description?: string }).description)
    : undefined;
  if (!d || d === 'Plain text.') return '';
  const t = d.replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

const list = (xs: readonly unknown[], max = 12): string => {
  const s = xs.map(String);
  return s.length > max ? `${s.slice(0, max).join(', ')}, …` : s.join(', ');
};

/** What a schema wants, for a person: "a whole number from 1 to 80", "a section of named fields (name, stance)". */
export function expectedOf(schema: AnyZod | null, fallback = ''): string {
  if (!schema) return article(fallback);
  const s = unwrap(schema);
  const def = defOf(s);
  switch (def.type) {
    case 'number': {
      const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const what = n.isInt || fallback === 'int' ? 'a whole number' : 'a number';
      // A whole number's own limits (the safe integers) are no limit a person needs to hear about.
      const lo = n.minValue !== null && Math.abs(n.minValue) < 1e15 ? n.minValue : null;
      const hi = n.maxValue !== null && Math.abs(n.maxValue) < 1e15 ? n.maxValue : null;
      if (lo !== null && hi !== null) return `${what} from ${lo} to ${hi}`;
      if (lo !== null) return `${what} of at least ${lo}`;
      if (hi !== null) return `${what} of at most ${hi}`;
      return what;
    }
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of: ${list(Object.values(def.entries ?? {}))}`;
    case 'literal':
      return (def.values ?? []).map((v) => `"${String(v)}"`).join(' or ');
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      return `a section of named fields (${list(keys, 5)})`;
    }
    case 'record':
      return 'a section of named fields';
    case 'array':
      return 'a list';
    case 'tuple':
      return `a list of ${def.items?.length ?? 0} items, like [DPRK, ROK]`;
    case 'union':
      return (def.options ?? []).map((o) => expectedOf(o)).join(', or ');
    default:
      return article(fallback);
  }
}

function article(t: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    boolean: 'true or false',
    object: 'a section of named fields',
    array: 'a list',
    tuple: 'a list',
    record: 'a section of named fields',
  };
  return words[t] ?? t;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'empty';
  if (typeof v === 'object') return 'a section of named fields';
  if (typeof v === 'string') return `the text ${quoted(v, 30)}`;
  if (typeof v === 'number')
    return Number.isFinite(v) ? `the number ${v}` : `"${String(v)}", which is not a usable number`;
  return String(v);
}

/** A hint for a common mix-up between what was written and what was wanted. */
function hint(got: unknown, want: string): string {
  if (got === null) return ' Give it a value, or remove the line.';
  if (typeof got === 'string' && /number/.test(want) && got.trim() !== '' && Number.isFinite(Number(got)))
    return ' Write the number without quotes.';
  if (typeof got === 'string' && want === 'true or false' && /^(yes|no|on|off|y|n|true|false)$/i.test(got))
    return ' Write true or false (in small letters, without quotes).';
  if (typeof got === 'string' && /^a section/.test(want))
    return ' Put its fields on the lines below it, indented, each as name: value.';
  return '';
}

function isPresent(data: unknown, path: Path): boolean {
  if (path.length === 0) return data !== undefined;
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) return typeof last === 'number' && last < parent.length;
  return typeof parent === 'object' && parent !== null && Object.prototype.hasOwnProperty.call(parent, last);
}

/** Turns zod's issues into placed problems, each in a person's words. */
export function explainIssues(
  src: Located,
  schema: AnyZod,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): void {
  // A misspelt field explains the "missing" one it was meant to be: report the misspelling only.
  const misspelt = new Set<string>();
  for (const issue of issues)
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysOf(schemaAt(schema, issue.path as Path, data));
      for (const k of issue.keys) {
        const plain = k.replace(ODD_SPACES, ' ').trim();
        const s = allowed.includes(plain) ? plain : suggest(plain, allowed);
        if (s) misspelt.add(pathKey([...(issue.path as Path), s]));
      }
    }
  // A section that lacks many required fields gets one line that lists them, not one line each.
  const missing = new Map<string, Path[]>();
  for (const issue of issues) {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys' || issue.code === 'invalid_key') continue;
    if (path.length === 0 || isPresent(data, path) || misspelt.has(pathKey(path))) continue;
    const parent = pathKey(path.slice(0, -1));
    missing.set(parent, [...(missing.get(parent) ?? []), path]);
  }
  const grouped = new Set<string>();
  for (const paths of missing.values()) {
    if (paths.length < 4) continue;
    const parent = paths[0]!.slice(0, -1);
    const names = paths.map((p) => String(p[p.length - 1])).join(', ');
    const where = src.containerPosition(parent);
    if (parent.length === 0)
      src.problems.push({
        file: src.file,
        ...where,
        message: `the file lacks ${paths.length} required fields: ${names}.`,
      });
    else src.flag(parent, where, `${paths.length} required fields are missing here: ${names}.`);
    for (const p of paths) grouped.add(pathKey(p));
  }
  // A government id that breaks the rule is reported where the government is declared, not at each use.
  const badIds = new Set<string>();
  for (const issue of issues) {
    const path = issue.path as Path;
    if (issue.code === 'invalid_key' && path.length === 2 && path[0] === 'actors')
      badIds.add(String(path[1]));
  }
  const echo = (issue: z.core.$ZodIssue): boolean => {
    const path = issue.path as Path;
    if (!badIds.size || (path.length === 2 && path[0] === 'actors')) return false;
    if (issue.code === 'invalid_key') return badIds.has(String(path[path.length - 1]));
    if (issue.code !== 'invalid_format') return false;
    const got = valueAt(data, path);
    return typeof got === 'string' && badIds.has(got);
  };
  for (const issue of issues) {
    const key = pathKey(issue.path as Path);
    if (!misspelt.has(key) && !grouped.has(key) && !echo(issue)) explainIssue(src, schema, data, issue);
  }
}

/** A person's sentence for one zod issue, placed in the source. */
export function explainIssue(src: Located, schema: AnyZod, data: unknown, issue: z.core.$ZodIssue): void {
  const path = issue.path as Path;
  const here = src.position(path);
  const got = valueAt(data, path);
  const at = schemaAt(schema, path, data);

  if (issue.code === 'unrecognized_keys') {
    const allowed = keysOf(schemaAt(schema, path, data));
    for (const k of issue.keys) {
      if (ODD_SPACE.test(k)) {
        src.flag(
          [...path, k],
          src.keyPosition(path, k),
          `this line contains an unusual space (shown as ␣), often pasted from a word processor, which YAML does not read as a space. Retype the spaces at the start of the line and in the name.${didYouMean(k.replace(ODD_SPACES, ' ').trim(), allowed)}`,
        );
        continue;
      }
      src.flag(
        [...path, k],
        src.keyPosition(path, k),
        `this field is not part of the format.${didYouMean(k, allowed) || (allowed.length ? ` The fields allowed here are: ${list(allowed, 40)}.` : '')}`,
      );
    }
    return;
  }
  if (issue.code === 'invalid_key' && path.length === 2 && path[0] === 'actors') {
    const bad = String(path[1]);
    const fixed = bad.toUpperCase().replace(/[^A-Z0-9]/g, '');
    src.flag(
      path,
      src.position(path, true),
      `${quoted(bad)} cannot be a government id: an id is capital letters and digits, such as DPRK or USA${/^[A-Z]/.test(fixed) ? `; write "${fixed}" here and wherever "${bad}" is used` : ''}.`,
    );
    return;
  }
  if (issue.code === 'invalid_key') {
    const inner = (issue as { issues?: { message: string }[] }).issues?.[0]?.message;
    src.flag(
      path,
      src.position(path, true),
      `${quoted(String(path[path.length - 1]))} cannot be used as a name here${inner ? `: ${inner}` : ''}.`,
    );
    return;
  }
  if (issue.code === 'invalid_union' && (issue as { discriminator?: string }).discriminator) {
    const disc = (issue as { discriminator: string }).discriminator;
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    const entry = path[path.length - 1] === disc ? path.slice(0, -1) : path;
    const kind = valueAt(data, [...entry, disc]);
    const list_ =
      entry.length >= 2 && typeof entry[entry.length - 2] === 'string' ? String(entry[entry.length - 2]) : '';
    const noun = list_.endsWith('s') ? list_.slice(0, -1) : 'entry';
    if (kind === undefined) {
      src.flag(
        entry,
        src.position(entry),
        `needs a "${disc}" that says what sort of ${noun} it is: one of ${list(options, 20)}.`,
      );
      return;
    }
    src.flag(
      [...entry, disc],
      src.position([...entry, disc]),
      `${quoted(String(kind))} is not a ${disc} of ${noun}; use one of: ${list(options, 20)}.${typeof kind === 'string' ? didYouMean(kind, options) : ''}`,
    );
    return;
  }
  if (!isPresent(data, path)) {
    const parent = path.slice(0, -1);
    const desc = descriptionOf(at);
    const where =
      parent.length === 0
        ? 'to the file'
        : `under ${describePath(parent.slice(-1), valueAt(data, parent.slice(0, -1)))}`;
    src.flag(
      path,
      src.containerPosition(parent),
      `this required field is missing${desc ? ` (${desc})` : ''}; add it ${where}.`,
    );
    return;
  }

  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union': {
      const want = expectedOf(at, (issue as { expected?: string }).expected ?? '');
      const intWanted = (issue as { expected?: string }).expected === 'int';
      const desc = issue.code === 'invalid_union' ? descriptionOf(at) : '';
      src.flag(
        path,
        here,
        `should be ${intWanted ? want.replace(/^a number/, 'a whole number') : want}${desc ? ` (${desc})` : ''}, but it is ${kindOf(got)}.${hint(got, want)}`,
      );
      return;
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = big ? (issue as { maximum: unknown }).maximum : (issue as { minimum: unknown }).minimum;
      const origin = (issue as { origin?: string }).origin;
      if (origin === 'array' || origin === 'set') {
        const n = Array.isArray(got) ? got.length : null;
        src.flag(
          path,
          here,
          `must have at ${big ? 'most' : 'least'} ${String(limit)} item${limit === 1 ? '' : 's'}${n !== null ? ` (it has ${n})` : ''}.`,
        );
        return;
      }
      if (origin === 'string') {
        src.flag(
          path,
          here,
          big
            ? `is too long (at most ${String(limit)} characters).`
            : 'must not be empty; write some text, or remove the line if it is optional.',
        );
        return;
      }
      const range = expectedOf(at, 'number');
      const must = /from|at least|at most/.test(range)
        ? `must be ${range}`
        : `must be at ${big ? 'most' : 'least'} ${String(limit)}`;
      const pct =
        typeof got === 'number' && big && limit === 1 && got > 1
          ? `; a chance is a fraction, so 10 % is written 0.1`
          : '';
      src.flag(path, here, `${must} (it is ${String(got)}${pct}).`);
      return;
    }
    case 'invalid_value': {
      const values = (issue.values as unknown[]).map(String);
      src.flag(
        path,
        here,
        `${quoted(String(got))} is not allowed here; use ${values.length === 1 ? `"${values[0]}"` : `one of: ${list(values, 20)}`}.${typeof got === 'string' ? didYouMean(got, values) : ''}`,
      );
      return;
    }
    case 'invalid_format':
      src.flag(path, here, `${quoted(String(got))} is not valid here: ${issue.message.replace(/\.$/, '')}.`);
      return;
    case 'custom':
      src.flag(path, here, issue.message);
      return;
    default:
      src.flag(path, here, `${issue.message.replace(/\.$/, '')}.`);
  }
}

export function valueAt(data: unknown, path: Path): unknown {
  let d = data;
  for (const p of path)
    d = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)[p as string] : undefined;
  return d;
}
