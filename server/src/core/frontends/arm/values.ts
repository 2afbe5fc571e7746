/**
 * Model values over the JSON tape of a template, evaluated lazily: an object
 * evaluates a property when a rule asks for it, so a 10,000-resource template
 * costs only what the rules read. Values are read straight from the tape;
 * the tree node of a value is made only when a writer asks for its origin.
 */
import { evaluate } from '../../evaluate/evaluator';
import { isExpression, parseExpression, unescapeLiteral } from '../../evaluate/expression';
import { findKeyIndex, findValueIndex, hasBracketKey, JsonNode, JsonProperty, findProperty, lowerCase, nodeOfIndex, scalarAt, stringAt, stringToken, Tape, TapeKind, valueIndexOf } from '../../json/tree';
import { arr, Loc, ObjectEntry, ObjectValue, Origin, present, str, unknown, Value } from '../../model/values';
import type { ArmScope } from './scope';

/** How values of one part of a document are read. */
export interface ArmEnv {
  scope: ArmScope;
  doc: string;
  /** False in parameters files, whose values are literal text. */
  expressions: boolean;
}

export function locOf(doc: string, node: JsonNode): Loc {
  return new TapeSpan(doc, node.tape, node.index);
}

/** The span of the token at a tape index (a container's spans its closer). */
export function tapeLoc(doc: string, tape: Tape, index: number): Loc {
  return new TapeSpan(doc, tape, index);
}

/**
 * A token's span, read from the tape when asked: after a keystroke the
 * editor's tape is patched in place (json/patch.ts), and the spans of what
 * the analysis kept from before move with it.
 */
class TapeSpan implements Loc {
  constructor(
    readonly doc: string,
    private readonly tape: Tape,
    private readonly index: number,
  ) {}

  get offset(): number {
    return this.tape.starts[this.index];
  }

  get length(): number {
    return this.tape.ends[this.index] - this.tape.starts[this.index];
  }
}

export function armOrigin(doc: string, node: JsonNode): Origin {
  return { writer: 'arm', doc, handle: node };
}

/**
 * The origin of a container read on the tape (a template's `resources`): its
 * tree node is found when a writer first asks for it, which most analyses never do.
 */
export class LazyOrigin implements Origin {
  readonly writer = 'arm';
  private node: JsonNode | undefined;

  constructor(
    readonly doc: string,
    private readonly tape: Tape,
    private readonly index: number,
  ) {}

  get handle(): JsonNode | undefined {
    this.node ??= nodeOfIndex(this.tape, this.index);
    return this.node;
  }
}

/** The JSON node a value was read from, when it was written literally at its place (for writers). */
export function originNode(origin: Origin | undefined): JsonNode | undefined {
  return origin && origin.writer === 'arm' ? (origin.handle as JsonNode) : undefined;
}

/** Copy loops over a property cannot be unrolled past this many items: the result is unknown. */
const MAX_PROPERTY_COPIES = 200;

/**
 * The value of a JSON node. `literal` is true while the path from the
 * resource to the node goes through no expression: only such values get an
 * origin, so a fix never rewrites a value the user computed.
 */
export function nodeValue(node: JsonNode, env: ArmEnv, literal: boolean, inProperties = false): Value {
  return valueAt(node.tape, node.index, env, literal, inProperties, node);
}

/** The value at a tape index; `node`, when the caller has it, spares finding it again for an origin. */
export function valueAt(tape: Tape, index: number, env: ArmEnv, literal: boolean, inProperties: boolean, node?: JsonNode): Value {
  switch (tape.kinds[index]) {
    case TapeKind.String: {
      const text = stringToken(tape, index);
      if (env.expressions && isExpression(text)) return evaluate(parseExpression(text.slice(1, -1)), env.scope, tapeLoc(env.doc, tape, index));
      return new ArmScalar('string', env.expressions ? unescapeLiteral(text) : text, tape, index, env.doc, literal, node) as unknown as Value;
    }
    case TapeKind.Number:
      return new ArmScalar('number', scalarAt(tape, index), tape, index, env.doc, literal, node) as unknown as Value;
    case TapeKind.True:
    case TapeKind.False:
      return new ArmScalar('boolean', scalarAt(tape, index), tape, index, env.doc, literal, node) as unknown as Value;
    case TapeKind.Array:
      return new ArmArray(tape, index, env, literal, node);
    case TapeKind.Object:
      return new ArmObject(tape, index, env, literal, inProperties, node);
    default:
      return new ArmScalar('null', null, tape, index, env.doc, literal, node) as unknown as Value;
  }
}

/**
 * A value read from the template: its token on the tape, and the tree node
 * once a writer asked for its origin. Its place and origin are made when
 * asked for: most values a rule reads are never reported on.
 */
abstract class TapeValue {
  constructor(
    readonly tape: Tape,
    readonly index: number,
    protected readonly doc: string,
    protected readonly literal: boolean,
    private node: JsonNode | undefined,
  ) {}

  get loc(): Loc {
    return tapeLoc(this.doc, this.tape, this.index);
  }

  get origin(): Origin | undefined {
    if (!this.literal) return undefined;
    const node = this.treeNode();
    return node && armOrigin(this.doc, node);
  }

  /** The tree node, found from the root the first time; undefined if the tree has none there. */
  treeNode(): JsonNode | undefined {
    this.node ??= nodeOfIndex(this.tape, this.index);
    return this.node;
  }
}

class ArmScalar extends TapeValue {
  constructor(
    readonly kind: 'string' | 'number' | 'boolean' | 'null',
    readonly value: string | number | boolean | null,
    tape: Tape,
    index: number,
    doc: string,
    literal: boolean,
    node: JsonNode | undefined,
  ) {
    super(tape, index, doc, literal, node);
  }
}

class ArmArray extends TapeValue {
  readonly kind = 'array';
  private cached: Value[] | undefined;

  constructor(
    tape: Tape,
    index: number,
    private readonly env: ArmEnv,
    literal: boolean,
    node: JsonNode | undefined,
  ) {
    super(tape, index, env.doc, literal, node);
  }

  get items(): readonly Value[] {
    if (!this.cached) {
      const tape = this.tape;
      const stop = tape.skips[this.index];
      const isItem = (c: number) => tape.kinds[c] !== TapeKind.Orphan && tape.kinds[c] !== TapeKind.Key;
      // Counted first, so that the list is made at its exact size: a large template holds thousands of short lists.
      let count = 0;
      for (let c = this.index + 1; c < stop; c = tape.skips[c]) if (isItem(c)) count++;
      const items = new Array<Value>(count);
      let i = 0;
      for (let c = this.index + 1; c < stop; c = tape.skips[c]) if (isItem(c)) items[i++] = valueAt(tape, c, this.env, this.literal, false);
      this.cached = items;
    }
    return this.cached;
  }
}

export class ArmObject extends TapeValue implements ObjectValue {
  readonly kind = 'object';
  private cachedEntries: ObjectEntry[] | undefined;
  /**
   * Values read so far, as key, value, key, value… under the spelling asked for (the first `cacheUsed` slots): a
   * short list beats a Map for the few keys a rule reads. It starts with room for two keys and doubles: most
   * objects are asked for one or two, and a large template holds tens of thousands of them.
   */
  private cache: Array<string | Value | undefined> | undefined;
  private cacheUsed = 0;
  private resourceBody: boolean | undefined;
  private expressionKeys: boolean | undefined;
  private copyLoops: boolean | undefined;

  constructor(
    tape: Tape,
    index: number,
    private readonly env: ArmEnv,
    literal: boolean,
    /** Inside a resource's `properties`, where `copy` makes arrays. */
    private readonly inProperties: boolean,
    node?: JsonNode,
  ) {
    super(tape, index, env.doc, literal, node);
  }

  get(key: string): Value | undefined {
    return present(this.raw(key));
  }

  raw(key: string): Value | undefined {
    // Rules ask with the same spelling again and again: look the key up as given before paying for lower-casing.
    const cache = this.cache;
    const used = this.cacheUsed;
    for (let i = 0; i < used; i += 2) if (cache![i] === key) return cache![i + 1] as Value | undefined;
    // Another spelling of a key read before (compared in lower case only when the lengths agree).
    for (let i = 0; i < used; i += 2) {
      const spelling = cache![i] as string;
      if (spelling.length !== key.length || lowerCase(spelling) !== lowerCase(key)) continue;
      const value = cache![i + 1] as Value | undefined;
      this.remember(key, value);
      return value;
    }
    let value: Value | undefined;
    if (this.hasExpressionKeys() || this.copyProperty()) {
      const lower = lowerCase(key);
      value = this.entries().find((e) => e.key?.toLowerCase() === lower)?.value;
    } else {
      const v = findValueIndex(this.tape, this.index, key);
      value = v < 0 ? undefined : this.readValue(v, key);
    }
    this.remember(key, value);
    return value;
  }

  private remember(key: string, value: Value | undefined): void {
    let cache = this.cache;
    const used = this.cacheUsed;
    if (!cache || used === cache.length) {
      const grown = new Array<string | Value | undefined>(cache ? cache.length * 2 : 4);
      for (let i = 0; i < used; i++) grown[i] = cache![i];
      this.cache = cache = grown;
    }
    cache[used] = key;
    cache[used + 1] = value;
    this.cacheUsed = used + 2;
  }

  keyLoc(key: string): Loc | undefined {
    if (this.hasExpressionKeys() || this.copyProperty()) {
      const entry = this.entries().find((e) => e.key?.toLowerCase() === key.toLowerCase());
      if (entry) return entry.keyLoc;
    }
    const k = findKeyIndex(this.tape, this.index, key);
    return k < 0 ? undefined : tapeLoc(this.doc, this.tape, k);
  }

  /** The JSON property of a key, for writers. */
  property(key: string): JsonProperty | undefined {
    return findProperty(this.treeNode(), key);
  }

  entries(): readonly ObjectEntry[] {
    if (this.cachedEntries) return this.cachedEntries;
    const entries: ObjectEntry[] = [];
    const tape = this.tape;
    const stop = tape.skips[this.index];
    for (let k = this.index + 1; k < stop; k = tape.skips[k]) {
      if (tape.kinds[k] !== TapeKind.Key) continue;
      const v = valueIndexOf(tape, k);
      if (v < 0) continue;
      const key = stringToken(tape, k);
      const keyLoc = tapeLoc(this.doc, tape, k);
      if (this.inProperties && tape.kinds[v] === TapeKind.Array && lowerCase(key) === 'copy') {
        entries.push(...this.expandCopy(v));
        continue;
      }
      const keyValue = this.env.expressions && isExpression(key) ? evaluate(parseExpression(key.slice(1, -1)), this.env.scope, keyLoc) : str(key, keyLoc);
      entries.push({
        key: keyValue.kind === 'string' ? keyValue.value : undefined,
        keyValue,
        keyLoc,
        value: this.readValue(v, key),
      });
    }
    this.cachedEntries = entries;
    return entries;
  }

  /** The value at a tape index, read under `key` (any spelling): a resource's `properties` are where property copy loops live. */
  private readValue(index: number, key: string): Value {
    const inProperties = this.inProperties || (key.length === 10 && lowerCase(key) === 'properties' && this.isResourceBody());
    return valueAt(this.tape, index, this.env, this.literal, inProperties);
  }

  /** A resource declaration is an object with a `type` (its `properties` are where property copy loops live). */
  private isResourceBody(): boolean {
    this.resourceBody ??= !this.inProperties && findKeyIndex(this.tape, this.index, 'type') >= 0;
    return this.resourceBody;
  }

  /** Keys that are expressions (`"[resourceId(…)]": {}`) make every key known only after evaluation. */
  private hasExpressionKeys(): boolean {
    if (this.expressionKeys === undefined) {
      this.expressionKeys = false;
      if (this.env.expressions && hasBracketKey(this.tape, this.index)) {
        const stop = this.tape.skips[this.index];
        for (let k = this.index + 1; k < stop && !this.expressionKeys; k = this.tape.skips[k]) {
          if (this.tape.kinds[k] === TapeKind.Key && isExpression(stringToken(this.tape, k))) this.expressionKeys = true;
        }
      }
    }
    return this.expressionKeys;
  }

  private copyProperty(): boolean {
    this.copyLoops ??= this.inProperties && findKeyIndex(this.tape, this.index, 'copy') >= 0;
    return this.copyLoops;
  }

  /** `"copy": [{ "name": "ipRules", "count": 3, "input": {…} }]` becomes `ipRules: [ … ]`. */
  private expandCopy(copies: number): ObjectEntry[] {
    const tape = this.tape;
    const entries: ObjectEntry[] = [];
    const stop = tape.skips[copies];
    for (let copy = copies + 1; copy < stop; copy = tape.skips[copy]) {
      if (tape.kinds[copy] !== TapeKind.Object) continue;
      const name = findValueIndex(tape, copy, 'name');
      const count = findValueIndex(tape, copy, 'count');
      const input = findValueIndex(tape, copy, 'input');
      const loopName = stringAt(tape, name);
      if (loopName === undefined || input < 0) continue;
      const loc = tapeLoc(this.doc, tape, copy);
      const countValue = count >= 0 ? valueAt(tape, count, this.env, false, false) : unknown(loc);
      let value: Value;
      if (countValue.kind === 'number' && countValue.value >= 0 && countValue.value <= MAX_PROPERTY_COPIES) {
        const items: Value[] = [];
        for (let i = 0; i < countValue.value; i++) {
          const env = { ...this.env, scope: this.env.scope.withCopy(loopName, i) };
          items.push(valueAt(tape, input, env, false, true));
        }
        value = arr(items, loc);
      } else {
        value = unknown(loc);
      }
      entries.push({ key: loopName, keyValue: str(loopName), keyLoc: tapeLoc(this.doc, tape, name), value });
    }
    return entries;
  }
}
