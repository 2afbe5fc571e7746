/**
 * Model values over the JSON tree of a template, evaluated lazily: an object
 * evaluates a property when a rule asks for it, so a 10,000-resource template
 * costs only what the rules read.
 */
import { evaluate } from '../../evaluate/evaluator';
import { isExpression, parseExpression, unescapeLiteral } from '../../evaluate/expression';
import { JsonNode, JsonProperty, findProperty, hasBracketKey, lowerCase } from '../../json/tree';
import { arr, Loc, ObjectEntry, ObjectValue, Origin, str, unknown, Value } from '../../model/values';
import type { ArmScope } from './scope';

/** How values of one part of a document are read. */
export interface ArmEnv {
  scope: ArmScope;
  doc: string;
  /** False in parameters files, whose values are literal text. */
  expressions: boolean;
}

export function locOf(doc: string, node: { offset: number; length: number }): Loc {
  return { doc, offset: node.offset, length: node.length };
}

export function armOrigin(doc: string, node: JsonNode): Origin {
  return { writer: 'arm', doc, handle: node };
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
  switch (node.type) {
    case 'string': {
      const text = node.value as string;
      if (env.expressions && isExpression(text)) return evaluate(parseExpression(text.slice(1, -1)), env.scope, locOf(env.doc, node));
      return new ArmScalar('string', env.expressions ? unescapeLiteral(text) : text, node, env.doc, literal) as unknown as Value;
    }
    case 'number':
    case 'boolean':
    case 'null':
      return new ArmScalar(node.type, node.value, node, env.doc, literal) as unknown as Value;
    case 'array':
      return new ArmArray(node, env, literal);
    case 'object':
      return new ArmObject(node, env, literal, inProperties);
  }
}

/**
 * A literal read from the template. Its place and origin are made when asked
 * for: most values a rule reads are never reported on, and a template holds millions.
 */
class ArmScalar {
  constructor(
    readonly kind: 'string' | 'number' | 'boolean' | 'null',
    readonly value: string | number | boolean | null,
    private readonly node: JsonNode,
    private readonly doc: string,
    private readonly literal: boolean,
  ) {}

  get loc(): Loc {
    return locOf(this.doc, this.node);
  }

  get origin(): Origin | undefined {
    return this.literal ? armOrigin(this.doc, this.node) : undefined;
  }
}

class ArmArray {
  readonly kind = 'array';
  private cached: Value[] | undefined;

  constructor(
    private readonly node: JsonNode,
    private readonly env: ArmEnv,
    private readonly literal: boolean,
  ) {}

  get loc(): Loc {
    return locOf(this.env.doc, this.node);
  }

  get origin(): Origin | undefined {
    return this.literal ? armOrigin(this.env.doc, this.node) : undefined;
  }

  get items(): readonly Value[] {
    if (!this.cached) this.cached = this.node.items!.map((item) => nodeValue(item, this.env, this.literal, false));
    return this.cached;
  }
}

export class ArmObject implements ObjectValue {
  readonly kind = 'object';
  private cachedEntries: ObjectEntry[] | undefined;
  /**
   * Values read so far, as key, value, key, value…: a short list beats a Map for the few keys a rule reads,
   * and it is kept at its exact size because a large template holds tens of thousands of these objects.
   */
  private cache: Array<string | Value | undefined> | undefined;

  constructor(
    readonly node: JsonNode,
    private readonly env: ArmEnv,
    private readonly literal: boolean,
    /** Inside a resource's `properties`, where `copy` makes arrays. */
    private readonly inProperties: boolean,
  ) {}

  get loc(): Loc {
    return locOf(this.env.doc, this.node);
  }

  get origin(): Origin | undefined {
    return this.literal ? armOrigin(this.env.doc, this.node) : undefined;
  }

  get(key: string): Value | undefined {
    // Rules ask with the same spelling again and again: look the key up as given before paying for lower-casing.
    const cache = this.cache;
    if (cache) for (let i = 0; i < cache.length; i += 2) if (cache[i] === key) return cache[i + 1] as Value | undefined;
    const lower = lowerCase(key);
    if (lower !== key && cache) {
      for (let i = 0; i < cache.length; i += 2) {
        if (cache[i] !== lower) continue;
        const value = cache[i + 1] as Value | undefined;
        this.remember(key, value);
        return value;
      }
    }
    let value: Value | undefined;
    if (this.hasExpressionKeys() || this.copyProperty()) {
      value = this.entries().find((e) => e.key?.toLowerCase() === lower)?.value;
    } else {
      const property = findProperty(this.node, key);
      value = property?.value ? this.valueOf(property) : undefined;
    }
    this.remember(lower, value);
    if (lower !== key) this.remember(key, value);
    return value;
  }

  private remember(key: string, value: Value | undefined): void {
    const old = this.cache;
    const size = old ? old.length : 0;
    const next = new Array<string | Value | undefined>(size + 2);
    for (let i = 0; i < size; i++) next[i] = old![i];
    next[size] = key;
    next[size + 1] = value;
    this.cache = next;
  }

  keyLoc(key: string): Loc | undefined {
    if (this.hasExpressionKeys() || this.copyProperty()) {
      const entry = this.entries().find((e) => e.key?.toLowerCase() === key.toLowerCase());
      if (entry) return entry.keyLoc;
    }
    const property = findProperty(this.node, key);
    return property ? { doc: this.env.doc, offset: property.offset, length: property.keyLength } : undefined;
  }

  /** The JSON property of a key, for writers. */
  property(key: string): JsonProperty | undefined {
    return findProperty(this.node, key);
  }

  entries(): readonly ObjectEntry[] {
    if (this.cachedEntries) return this.cachedEntries;
    const entries: ObjectEntry[] = [];
    for (const property of this.node.properties!) {
      if (!property.value) continue;
      const keyLoc = { doc: this.env.doc, offset: property.offset, length: property.keyLength };
      if (this.inProperties && property.key.toLowerCase() === 'copy' && property.value.type === 'array') {
        entries.push(...this.expandCopy(property.value));
        continue;
      }
      const keyValue = this.env.expressions && isExpression(property.key) ? evaluate(parseExpression(property.key.slice(1, -1)), this.env.scope, keyLoc) : str(property.key, keyLoc);
      entries.push({
        key: keyValue.kind === 'string' ? keyValue.value : undefined,
        keyValue,
        keyLoc,
        value: this.valueOf(property),
      });
    }
    this.cachedEntries = entries;
    return entries;
  }

  private valueOf(property: JsonProperty): Value {
    const inProperties = this.inProperties || (this.isResourceBody() && property.key.toLowerCase() === 'properties');
    return nodeValue(property.value!, this.env, this.literal, inProperties);
  }

  /** A resource declaration is an object with a `type` (its `properties` are where property copy loops live). */
  private isResourceBody(): boolean {
    if (this.resourceBody === undefined) this.resourceBody = !this.inProperties && findProperty(this.node, 'type') !== undefined;
    return this.resourceBody;
  }

  private resourceBody: boolean | undefined;

  private expressionKeys: boolean | undefined;
  private copyLoops: boolean | undefined;

  /** Keys that are expressions (`"[resourceId(…)]": {}`) make every key known only after evaluation. */
  private hasExpressionKeys(): boolean {
    if (this.expressionKeys === undefined) {
      this.expressionKeys = this.env.expressions && hasBracketKey(this.node) && this.node.properties!.some((p) => p.key.startsWith('[') && isExpression(p.key));
    }
    return this.expressionKeys;
  }

  private copyProperty(): boolean {
    if (this.copyLoops === undefined) this.copyLoops = this.inProperties && findProperty(this.node, 'copy') !== undefined;
    return this.copyLoops;
  }

  /** `"copy": [{ "name": "ipRules", "count": 3, "input": {…} }]` becomes `ipRules: [ … ]`. */
  private expandCopy(copies: JsonNode): ObjectEntry[] {
    const entries: ObjectEntry[] = [];
    for (const copy of copies.items!) {
      const name = findProperty(copy, 'name')?.value;
      const count = findProperty(copy, 'count')?.value;
      const input = findProperty(copy, 'input')?.value;
      if (!name || name.type !== 'string' || !input) continue;
      const loopName = name.value as string;
      const loc = locOf(this.env.doc, copy);
      const countValue = count ? nodeValue(count, this.env, false) : unknown(loc);
      let value: Value;
      if (countValue.kind === 'number' && countValue.value >= 0 && countValue.value <= MAX_PROPERTY_COPIES) {
        const items: Value[] = [];
        for (let i = 0; i < countValue.value; i++) {
          const env = { ...this.env, scope: this.env.scope.withCopy(loopName, i) };
          items.push(nodeValue(input, env, false, true));
        }
        value = arr(items, loc);
      } else {
        value = unknown(loc);
      }
      entries.push({ key: loopName, keyValue: str(loopName), keyLoc: locOf(this.env.doc, name), value });
    }
    return entries;
  }
}
