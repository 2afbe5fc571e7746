/**
 * The syntax tree of a JSON-with-comments document.
 *
 * The parser writes a flat "tape" of tokens into typed arrays and allocates
 * nothing per value; nodes are made from the tape when something asks for
 * them. A 20 MB template thus parses at close to `JSON.parse` speed, and the
 * analysis pays only for the parts of the tree it reads.
 *
 * Every node knows its span (offset and length into the text) and its
 * parent, so a writer can turn a node back into a path for jsonc-parser's
 * edit operations.
 */

import { lowerCase } from '../text/case';

export { lowerCase };

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** Token kinds on the tape. */
export const enum TapeKind {
  Object = 1,
  Array = 2,
  String = 3,
  Number = 4,
  True = 5,
  False = 6,
  Null = 7,
  /** A property key; its value, if any, is the next token. */
  Key = 8,
  /** A container found where a key belongs: kept on the tape so its closer matches, but not part of the tree. */
  Orphan = 9,
}

export const enum TapeFlag {
  Escaped = 1,
  Unterminated = 2,
  InvalidNumber = 4,
  /** On an object: some key of it begins with `[` (in ARM, a key that may be an expression). */
  BracketKey = 8,
}

/** The parsed tokens of one document. Index `i` describes one token. */
export class Tape {
  kinds: Uint8Array;
  flags: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  /** The index just past this token's subtree (past a key's value, past a container's last descendant). */
  skips: Int32Array;
  count = 0;
  /** The root node (tape index 0), from which a node of any index can be found again (`nodeOfIndex`). */
  root: JsonNode | undefined;

  /** The text read; a patch after an edit (json/patch.ts) replaces it along with the spans. */
  text: string;

  constructor(text: string, capacity: number) {
    this.text = text;
    this.kinds = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.skips = new Int32Array(capacity);
  }

  push(kind: TapeKind, start: number, end: number, flags: number): number {
    if (this.count === this.kinds.length) this.grow();
    const i = this.count++;
    this.kinds[i] = kind;
    this.flags[i] = flags;
    this.starts[i] = start;
    this.ends[i] = end;
    this.skips[i] = i + 1;
    return i;
  }

  private grow(): void {
    const capacity = Math.max(16, this.kinds.length * 2);
    const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.skips = grow(this.skips, (n) => new Int32Array(n));
  }
}

export class JsonNode {
  private cachedValue: string | number | boolean | null | undefined = undefined;
  private cachedItems: JsonNode[] | undefined = undefined;
  private cachedProperties: JsonProperty[] | undefined = undefined;
  private cachedIndex: Map<string, JsonProperty> | undefined = undefined;

  constructor(
    readonly tape: Tape,
    readonly index: number,
    readonly parent: JsonNode | JsonProperty | undefined,
  ) {}

  get type(): JsonType {
    switch (this.tape.kinds[this.index]) {
      case TapeKind.Object:
        return 'object';
      case TapeKind.Array:
        return 'array';
      case TapeKind.String:
        return 'string';
      case TapeKind.Number:
        return 'number';
      case TapeKind.True:
      case TapeKind.False:
        return 'boolean';
      default:
        return 'null';
    }
  }

  get offset(): number {
    return this.tape.starts[this.index];
  }

  get end(): number {
    return this.tape.ends[this.index];
  }

  get length(): number {
    return this.tape.ends[this.index] - this.tape.starts[this.index];
  }

  /** Scalar value: decoded string, number, boolean or null. */
  get value(): string | number | boolean | null {
    if (this.cachedValue === undefined) this.cachedValue = scalarAt(this.tape, this.index);
    return this.cachedValue;
  }

  /** Its token was patched in place (json/patch.ts): the value is read again when next asked for. */
  forgetValue(): void {
    this.cachedValue = undefined;
  }

  /** Items of an array (undefined for other types). */
  get items(): JsonNode[] | undefined {
    if (this.cachedItems || this.tape.kinds[this.index] !== TapeKind.Array) return this.cachedItems;
    const tape = this.tape;
    const items: JsonNode[] = [];
    const stop = tape.skips[this.index];
    for (let c = this.index + 1; c < stop; c = tape.skips[c]) {
      if (tape.kinds[c] !== TapeKind.Orphan && tape.kinds[c] !== TapeKind.Key) items.push(new JsonNode(tape, c, this));
    }
    this.cachedItems = items;
    return items;
  }

  /** The properties, if they were asked for before (finding one key does not need them all). */
  cachedPropertyList(): JsonProperty[] | undefined {
    return this.cachedProperties;
  }

  /** The first property of each key, by the key in lower case (ARM compares keys without regard to case). */
  propertyIndex(): Map<string, JsonProperty> | undefined {
    if (this.cachedIndex) return this.cachedIndex;
    const properties = this.properties;
    if (!properties) return undefined;
    const index = new Map<string, JsonProperty>();
    for (const p of properties) {
      const key = lowerCase(p.key);
      if (!index.has(key)) index.set(key, p);
    }
    this.cachedIndex = index;
    return index;
  }

  /** Properties of an object, in source order, duplicates kept (undefined for other types). */
  get properties(): JsonProperty[] | undefined {
    if (this.cachedProperties || this.tape.kinds[this.index] !== TapeKind.Object) return this.cachedProperties;
    const tape = this.tape;
    const properties: JsonProperty[] = [];
    const stop = tape.skips[this.index];
    for (let c = this.index + 1; c < stop; c = tape.skips[c]) {
      if (tape.kinds[c] === TapeKind.Key) properties.push(new JsonProperty(tape, c, this));
    }
    this.cachedProperties = properties;
    return properties;
  }
}

export class JsonProperty {
  private cachedKey: string | undefined = undefined;
  private cachedValue: JsonNode | undefined | null = null;

  constructor(
    readonly tape: Tape,
    readonly index: number,
    readonly parent: JsonNode,
  ) {}

  get key(): string {
    if (this.cachedKey === undefined) this.cachedKey = stringToken(this.tape, this.index);
    return this.cachedKey;
  }

  /** The key's span, quotes included. */
  get offset(): number {
    return this.tape.starts[this.index];
  }

  get keyLength(): number {
    return this.tape.ends[this.index] - this.tape.starts[this.index];
  }

  get value(): JsonNode | undefined {
    if (this.cachedValue === null) {
      const hasValue = this.tape.skips[this.index] > this.index + 1;
      this.cachedValue = hasValue ? new JsonNode(this.tape, this.index + 1, this) : undefined;
    }
    return this.cachedValue;
  }

  /** From the key's opening quote to the end of the value (or of the key when the value is missing). */
  get end(): number {
    const value = this.value;
    return value ? value.end : this.tape.ends[this.index];
  }

  get length(): number {
    return this.end - this.offset;
  }
}

/** The value of the scalar token at `i`: decoded string, number, boolean or null. */
export function scalarAt(tape: Tape, i: number): string | number | boolean | null {
  switch (tape.kinds[i]) {
    case TapeKind.String:
      return stringToken(tape, i);
    case TapeKind.Number:
      return tape.flags[i] & TapeFlag.InvalidNumber ? 0 : Number(tape.text.slice(tape.starts[i], tape.ends[i]));
    case TapeKind.True:
      return true;
    case TapeKind.False:
      return false;
    default:
      return null;
  }
}

/** The decoded text of the string or key token at `i`. */
export function stringToken(tape: Tape, i: number): string {
  const flags = tape.flags[i];
  const from = tape.starts[i] + 1;
  const to = flags & TapeFlag.Unterminated ? tape.ends[i] : tape.ends[i] - 1;
  return flags & TapeFlag.Escaped ? decodeString(tape.text, from, to) : tape.text.slice(from, to);
}

/** Decodes the escapes of a JSON string body, leniently: an unknown escape stands for its character. */
export function decodeString(text: string, from: number, to: number): string {
  let out = '';
  let runStart = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    out += text.slice(runStart, i);
    const e = text.charAt(i + 1);
    let consumed = 2;
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u':
        if (isHex4(text, i + 2)) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          consumed = 6;
        } else {
          out += 'u';
        }
        break;
      default:
        out += e;
    }
    i += consumed - 1;
    runStart = i + 1;
  }
  if (runStart < to) out += text.slice(runStart, to);
  return out;
}

export function isHex4(text: string, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

export interface SyntaxError {
  offset: number;
  length: number;
  message: string;
}

export interface Comment {
  offset: number;
  length: number;
  /** The text of the comment without its delimiters. */
  text: string;
}

export interface JsonDocument {
  root: JsonNode | undefined;
  errors: SyntaxError[];
  comments: Comment[];
  /** The deepest nesting of containers; writers refuse documents too deep for recursive tools. */
  maxDepth: number;
}

export type JsonPathSegment = string | number;

/** The path from the document root to a node, as jsonc-parser's edit operations want it. */
export function pathOf(node: JsonNode): JsonPathSegment[] {
  const path: JsonPathSegment[] = [];
  let current: JsonNode = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) break;
    if (parent instanceof JsonProperty) {
      path.push(parent.key);
      current = parent.parent;
    } else {
      path.push(lastIndexAtOrBefore(parent.items!, current.index));
      current = parent;
    }
  }
  return path.reverse();
}

/** The first property of an object with this key, compared as ARM does: without regard to case. */
export function findProperty(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (!node) return undefined;
  const cached = node.cachedPropertyList();
  if (cached && cached.length > 12) return node.propertyIndex()!.get(lowerCase(key));
  const c = findKeyIndex(node.tape, node.index, key);
  return c < 0 ? undefined : propertyAt(node, c);
}

/**
 * The tape index of the first key of the object at `object` that is this
 * key, or -1. Keys are compared in place on the tape, without making a node
 * for every property passed over: exact spelling first (keys are nearly always
 * written as the schema spells them), then without regard to case, as ARM does.
 * The one-key form of `findKeyIndices`, kept apart because it runs for every
 * property a rule reads and allocates nothing.
 */
export function findKeyIndex(tape: Tape, object: number, key: string): number {
  if (tape.kinds[object] !== TapeKind.Object) return -1;
  const text = tape.text;
  const stop = tape.skips[object];
  let caseless = -1;
  let escaped = false;
  for (let c = object + 1; c < stop; c = tape.skips[c]) {
    if (tape.kinds[c] !== TapeKind.Key) continue;
    if (tape.flags[c] !== 0) {
      escaped = true;
      continue;
    }
    const start = tape.starts[c] + 1;
    if (tape.ends[c] - 1 - start !== key.length) continue;
    if (text.startsWith(key, start)) return c;
    if (caseless < 0 && sameIgnoringCase(text, start, key)) caseless = c;
  }
  if (caseless >= 0 || !escaped) return caseless;
  // A key written with escapes is compared decoded.
  const wanted = lowerCase(key);
  for (let c = object + 1; c < stop; c = tape.skips[c]) {
    if (tape.kinds[c] !== TapeKind.Key || tape.flags[c] === 0) continue;
    const decoded = stringToken(tape, c);
    if (decoded.length === wanted.length && lowerCase(decoded) === wanted) return c;
  }
  return -1;
}

/** The tape index of the value of the key at `key`, or -1 when there is no key (-1) or the key has no value (`{"a" }`). */
export function valueIndexOf(tape: Tape, key: number): number {
  return key >= 0 && tape.skips[key] > key + 1 ? key + 1 : -1;
}

/** The tape index of the value of a key of the object at `object`, found as `findKeyIndex` finds the key; -1 when there is none. */
export function findValueIndex(tape: Tape, object: number, key: string): number {
  return valueIndexOf(tape, findKeyIndex(tape, object, key));
}

/** The decoded text of the token at `index` when it is a string; undefined otherwise (and for -1). */
export function stringAt(tape: Tape, index: number): string | undefined {
  return index >= 0 && tape.kinds[index] === TapeKind.String ? stringToken(tape, index) : undefined;
}

/**
 * The node of a tape index, with its parents, found again from the root:
 * values read straight from the tape make their node only when a writer
 * needs its path. Undefined when no node of the tree has that index.
 */
export function nodeOfIndex(tape: Tape, index: number): JsonNode | undefined {
  let node = tape.root;
  while (node && node.index !== index) {
    if (index <= node.index || index >= tape.skips[node.index]) return undefined;
    if (tape.kinds[node.index] === TapeKind.Object) {
      const property = lastAtOrBefore(node.properties!, index);
      node = property && index > property.index && index < tape.skips[property.index] ? property.value : undefined;
    } else if (tape.kinds[node.index] === TapeKind.Array) {
      node = lastAtOrBefore(node.items!, index);
    } else {
      return undefined;
    }
  }
  return node;
}

/** The last of a list sorted by tape index whose index is at most `index` (binary search: arrays of 10,000 resources). */
function lastAtOrBefore<T extends { index: number }>(list: readonly T[], index: number): T | undefined {
  const i = lastIndexAtOrBefore(list, index);
  return i < 0 ? undefined : list[i];
}

/** Where that item is in the list; -1 when there is none (`pathOf` finds an item among 10,000 resources with it). */
function lastIndexAtOrBefore(list: readonly { index: number }[], index: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].index <= index) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The tape index of the first key of each of several keys of the object at
 * `object` (-1 when absent), in a single pass: a resource declaration is asked
 * for a dozen keys, most absent. Compared as `findKeyIndex` compares.
 */
export function findKeyIndices(tape: Tape, object: number, keys: readonly string[]): Int32Array {
  // A typed array: an array made here has an allocation site, whose feedback (where to allocate, in which elements
  // kind) V8 revises as the garbage collector sees these lists live or die; each revision threw away the loader's
  // optimized code, once at the start of the second analysis of a process.
  const found = new Int32Array(keys.length).fill(-1);
  if (tape.kinds[object] !== TapeKind.Object) return found;
  const text = tape.text;
  const stop = tape.skips[object];
  // The keys found with their exact spelling, one bit each: this runs for every resource of a template.
  if (keys.length > 31) throw new RangeError('findKeyIndices looks for at most 31 keys at once');
  let exact = 0;
  let escaped = false;
  for (let c = object + 1; c < stop; c = tape.skips[c]) {
    if (tape.kinds[c] !== TapeKind.Key) continue;
    if (tape.flags[c] !== 0) {
      escaped = true;
      continue;
    }
    const start = tape.starts[c] + 1;
    const length = tape.ends[c] - 1 - start;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (exact & (1 << k) || key.length !== length) continue;
      if (text.startsWith(key, start)) {
        found[k] = c;
        exact |= 1 << k;
      } else if (found[k] < 0 && sameIgnoringCase(text, start, key)) {
        found[k] = c;
      }
    }
  }
  if (escaped) {
    // A key written with escapes is compared decoded.
    for (let k = 0; k < keys.length; k++) if (found[k] < 0) found[k] = findKeyIndex(tape, object, keys[k]);
  }
  return found;
}

/** Whether some key of an object starts with `[` (an ARM expression), as the parser marked it. */
export function hasBracketKey(tape: Tape, object: number): boolean {
  return tape.kinds[object] === TapeKind.Object && (tape.flags[object] & TapeFlag.BracketKey) !== 0;
}

/** The property of the key at tape index `c`: the cached one when the object's properties were made. */
function propertyAt(node: JsonNode, c: number): JsonProperty {
  return node.cachedPropertyList()?.find((p) => p.index === c) ?? new JsonProperty(node.tape, c, node);
}

/** ASCII case-insensitive comparison of `key` with the text at `start` (property names are ASCII in practice). */
function sameIgnoringCase(text: string, start: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const a = text.charCodeAt(start + i);
    const b = key.charCodeAt(i);
    if (a === b) continue;
    const la = a >= 65 && a <= 90 ? a + 32 : a;
    const lb = b >= 65 && b <= 90 ? b + 32 : b;
    if (la !== lb) return false;
  }
  return true;
}

export function propertyValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return findProperty(node, key)?.value;
}

export function stringValue(node: JsonNode | undefined): string | undefined {
  return node && node.type === 'string' ? (node.value as string) : undefined;
}

/** Converts a subtree to plain data. Iterative, so deep documents cannot exhaust the stack. */
export function toPlain(node: JsonNode): unknown {
  const results = new Map<JsonNode, unknown>();
  const stack: Array<{ node: JsonNode; visited: boolean }> = [{ node, visited: false }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    const n = top.node;
    const type = n.type;
    if (type === 'array' || type === 'object') {
      const children = type === 'array' ? n.items! : n.properties!.map((p) => p.value).filter((v): v is JsonNode => !!v);
      if (!top.visited) {
        top.visited = true;
        for (const child of children) stack.push({ node: child, visited: false });
        continue;
      }
      stack.pop();
      if (type === 'array') {
        results.set(n, n.items!.map((item) => results.get(item)));
      } else {
        const object: Record<string, unknown> = {};
        for (const p of n.properties!) if (p.value) object[p.key] = results.get(p.value);
        results.set(n, object);
      }
    } else {
      stack.pop();
      results.set(n, n.value);
    }
  }
  return results.get(node);
}

/** The innermost node whose span contains the offset (for hovers and code actions at a position). */
export function nodeAt(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  let current = root;
  if (!current || offset < current.offset || offset > current.end) return undefined;
  for (;;) {
    let next: JsonNode | undefined;
    if (current.type === 'array') {
      next = current.items!.find((item) => offset >= item.offset && offset <= item.end);
    } else if (current.type === 'object') {
      const property = current.properties!.find((p) => offset >= p.offset && offset <= p.end);
      next = property?.value && offset >= property.value.offset ? property.value : undefined;
    }
    if (!next) return current;
    current = next;
  }
}
