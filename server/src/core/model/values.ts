/**
 * Values of the resource model. Every front-end (ARM, Bicep, az CLI, live
 * state) lowers what it reads into these, and rules read nothing else.
 *
 * A value the analysis cannot know is `unknown` — a value like any other,
 * never an exception and never a guess. Strings assembled from known and
 * unknown pieces keep their known pieces (`parts`), so that a host name or a
 * resource type can still be read from `concat('https://', name, '.blob.core.windows.net')`.
 */
import { internalized } from '../memo';
import { copyOf } from './copies';
import type { ResourceRef } from './ids';

/** A span in a source document. Offsets only: positions are computed at the edges (CLI, LSP). */
export interface Loc {
  doc: string;
  offset: number;
  length: number;
}

/**
 * Where a value is written literally, so that a writer may change it. Only
 * values written as plain literals at their place of use have an origin:
 * nothing computed, nothing that came through a parameter or a variable.
 */
export interface Origin {
  /** The front-end whose writer understands `handle` ('arm', 'bicep', …). */
  writer: string;
  doc: string;
  handle: unknown;
}

interface Base {
  /** Where to report about this value. */
  loc?: Loc;
  origin?: Origin;
  /**
   * The value depends on a deployment input (a parameter): another deployment
   * may give another value, so a fix must not write over it or copy it as text.
   */
  input?: boolean;
}

export interface StringValue extends Base {
  kind: 'string';
  value: string;
}
export interface NumberValue extends Base {
  kind: 'number';
  value: number;
}
export interface BooleanValue extends Base {
  kind: 'boolean';
  value: boolean;
}
export interface NullValue extends Base {
  kind: 'null';
}
export interface ArrayValue extends Base {
  kind: 'array';
  readonly items: readonly Value[];
}

export interface ObjectEntry {
  /** The key, when known (ARM evaluates expressions in keys). */
  key: string | undefined;
  keyValue: Value;
  keyLoc?: Loc;
  value: Value;
}

export interface ObjectValue extends Base {
  kind: 'object';
  /**
   * The value of a property as the service reads it, keys compared without regard to case (as Azure Resource
   * Manager does): a property set to null is absent, and the service applies its default as if it were not
   * written (`routing: null` leaves the fallback route on). What rules read.
   */
  get(key: string): Value | undefined;
  /** The value as written, null included: what template expressions read (`o.a` of `{ a: null }` is null), and what a fix would write over. */
  raw(key: string): Value | undefined;
  entries(): readonly ObjectEntry[];
  /** Where the property's key is written, for findings about the property as a whole. */
  keyLoc(key: string): Loc | undefined;
}

/** One piece of a partly known string: its text, or null where it is unknown. */
export type StringPart = string | null;

export interface UnknownValue extends Base {
  kind: 'unknown';
  /** Known and unknown pieces of a string value, when it is known to be a string built from pieces. */
  parts?: StringPart[];
  /**
   * Two unknown values with the same key are the same value (`guid(x)` twice, `resourceGroup().name` twice): the
   * key says what the value is made of, to the letter, so that it serves as the input of `guid()` and `uniqueString()`.
   * As names, values compare without regard to case: see `nameKey`.
   */
  key?: string;
  /**
   * For a string built from pieces of which some unknown one has a key: the pieces, so that joins of joins compare
   * equal, and a host or a name cut from the string keeps its keyed pieces (`st<uniqueString(…)>.blob.core.windows.net`).
   * The value has a key when no piece is null.
   */
  pieces?: Piece[];
}

/** A piece of a string: known text, an unknown value known by its key, or null for an unknown value with none. */
export type Piece = string | { key: string } | null;

/** A resource id, kept structured (`resourceId(...)`, `subscriptionResourceId(...)`, a parsed id string). */
export interface RefValue extends Base {
  kind: 'ref';
  ref: ResourceRef;
}

/**
 * A property of a resource known only once it is deployed:
 * `reference(hub, '…', 'Full').identity.principalId` is the hub's identity, `listKeys(rule, '…').primaryConnectionString` a connection string to that namespace.
 */
export interface RuntimeValue extends Base {
  kind: 'runtime';
  ref: ResourceRef;
  /** 'reference' returns the resource's properties, 'full' the whole resource, 'listKeys' its keys. */
  via: 'reference' | 'full' | 'listKeys';
  path: string[];
}

export type Value =
  | StringValue
  | NumberValue
  | BooleanValue
  | NullValue
  | ArrayValue
  | ObjectValue
  | UnknownValue
  | RefValue
  | RuntimeValue;

export function unknown(loc?: Loc, extra?: { parts?: StringPart[]; key?: string }): UnknownValue {
  return { kind: 'unknown', loc, parts: extra?.parts, key: extra?.key };
}

export function str(value: string, loc?: Loc, origin?: Origin): StringValue {
  return { kind: 'string', value, loc, origin };
}

export function num(value: number, loc?: Loc): NumberValue {
  return { kind: 'number', value, loc };
}

export function bool(value: boolean, loc?: Loc): BooleanValue {
  return { kind: 'boolean', value, loc };
}

/**
 * `items.map(f)`, always as a packed array. Lists the model keeps and hot code reads (a resource's names) are made
 * with this: what `Array.prototype.map` returns is packed when the builtin made it and holey once optimized code
 * inlined the call, so the same list had one shape in the first analysis of a process and another in the next,
 * and every function compiled for the first was thrown away at the start of the second.
 */
export function mapPacked<T, U>(items: readonly T[], f: (item: T) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i]));
  return out;
}

export function arr(items: readonly Value[], loc?: Loc): ArrayValue {
  return { kind: 'array', items, loc };
}

/** An object built from known entries (the result of `createObject`, `union`, a lowered CLI argument…). */
export class PlainObject implements ObjectValue {
  readonly kind = 'object';
  private readonly index = new Map<string, ObjectEntry>();

  constructor(
    private readonly list: ObjectEntry[],
    public loc?: Loc,
    public origin?: Origin,
  ) {
    for (const entry of list) if (entry.key !== undefined) this.index.set(entry.key.toLowerCase(), entry);
  }

  static from(record: Record<string, Value>, loc?: Loc): PlainObject {
    return new PlainObject(
      Object.entries(record).map(([key, value]) => ({ key, keyValue: str(key), value })),
      loc,
    );
  }

  get(key: string): Value | undefined {
    return present(this.raw(key));
  }

  raw(key: string): Value | undefined {
    return this.index.get(key.toLowerCase())?.value;
  }

  entries(): readonly ObjectEntry[] {
    return this.list;
  }

  keyLoc(key: string): Loc | undefined {
    return this.index.get(key.toLowerCase())?.keyLoc;
  }
}

/** A property's value as the service reads it: null is the property's absence (see `ObjectValue.get`). */
export function present(v: Value | undefined): Value | undefined {
  return v === undefined || v.kind !== 'null' ? v : undefined;
}

/**
 * The same value, reported at another place: a value read through a
 * parameter or variable is reported where it is used, not where it is defined.
 * Nested values keep their own places.
 */
export function withLoc<T extends Value>(v: T, loc: Loc | undefined): T {
  if (!loc || v.loc === loc) return v;
  const scalar = plainScalar(v, loc, v.input);
  if (scalar) return scalar as T;
  if (Object.getPrototypeOf(v) === Object.prototype) return { ...v, loc };
  // Lazily evaluated objects keep their caches: the copy delegates to them.
  const copied = copyOf(v, loc, v.input);
  if (copied) return copied as T;
  const copy = Object.create(v) as T;
  Object.defineProperty(copy, 'loc', { value: loc, enumerable: true });
  return copy;
}

/**
 * A scalar copied field by field into a plain value, whatever it was made as:
 * far cheaper than a spread, and for a class that reads its fields when asked
 * (a template's value on its parse tape) the only copy that does not get a
 * hidden class of its own, as a copy made with Object.create does at every
 * parameter read. Undefined for other kinds.
 */
function plainScalar(v: Value, loc: Loc | undefined, input: boolean | undefined): Value | undefined {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: v.kind, value: v.value, loc, origin: v.origin, input } as Value;
    case 'null':
      return { kind: 'null', loc, origin: v.origin, input };
    default:
      return undefined;
  }
}

/** The same value, marked as depending on a deployment input. */
export function withInput<T extends Value>(v: T): T {
  if (v.input) return v;
  // What parameters feed most (names, hosts, the ids and references built from them) is copied field by field,
  // which is far cheaper than a spread of values of several shapes.
  const scalar = plainScalar(v, v.loc, true);
  if (scalar) return scalar as T;
  if (Object.getPrototypeOf(v) === Object.prototype) {
    if (v.kind === 'ref') return { kind: 'ref', ref: v.ref, loc: v.loc, origin: v.origin, input: true } as RefValue as T;
    if (v.kind === 'runtime') return { kind: 'runtime', ref: v.ref, via: v.via, path: v.path, loc: v.loc, origin: v.origin, input: true } as RuntimeValue as T;
    return { ...v, input: true };
  }
  const copied = copyOf(v, v.loc, true);
  if (copied) return copied as T;
  const copy = Object.create(v) as T;
  Object.defineProperty(copy, 'input', { value: true, enumerable: true });
  return copy;
}

/** An unknown value read through a parameter or variable is known by that name: two reads are the same value. */
export function withKey(value: Value, key: string): Value {
  if (value.kind === 'unknown' && value.key === undefined) return { ...value, key };
  return value;
}

export const isKnown = (v: Value | undefined): boolean => !!v && v.kind !== 'unknown' && v.kind !== 'runtime';

/** The text of a fully known string. */
export function asString(v: Value | undefined): string | undefined {
  return v && v.kind === 'string' ? v.value : undefined;
}

export function asBoolean(v: Value | undefined): boolean | undefined {
  return v && v.kind === 'boolean' ? v.value : undefined;
}

export function asArray(v: Value | undefined): readonly Value[] | undefined {
  return v && v.kind === 'array' ? v.items : undefined;
}

export function asObject(v: Value | undefined): ObjectValue | undefined {
  return v && v.kind === 'object' ? v : undefined;
}

/** Follows a dotted path of property names through objects. */
const splitPaths = new Map<string, string[]>();

export function getPath(v: Value | undefined, path: string): Value | undefined {
  let segments = splitPaths.get(path);
  // The pieces are made the engine's unique copies of their text (as string literals are), so that the property
  // caches of values compare them with literals by identity.
  if (!segments) splitPaths.set(path, (segments = mapPacked(path.split('.'), internalized)));
  let current = v;
  for (const segment of segments) {
    if (!current || current.kind !== 'object') return undefined;
    current = current.get(segment);
  }
  return current;
}

/** Whether a value is a known string equal to one of the candidates, without regard to case. */
export function isOneOf(v: Value | undefined, ...candidates: string[]): boolean {
  const s = asString(v);
  if (s === undefined) return false;
  const lower = s.toLowerCase();
  return candidates.some((c) => c.toLowerCase() === lower);
}

/** The pieces of a string-like value: known text and unknown holes. */
export function stringParts(v: Value | undefined): StringPart[] {
  if (!v) return [null];
  switch (v.kind) {
    case 'string':
      return [v.value];
    case 'number':
    case 'boolean':
      return [String(v.value)];
    case 'unknown':
      return v.parts ?? [null];
    default:
      return [null];
  }
}

/** Joins adjacent known pieces; a value with no hole becomes a known string. */
export function fromParts(parts: StringPart[], loc?: Loc): StringValue | UnknownValue {
  const merged: StringPart[] = [];
  for (const part of parts) {
    const last = merged.length - 1;
    if (part === '') continue;
    if (part !== null && last >= 0 && merged[last] !== null) merged[last] = (merged[last] as string) + part;
    else if (part === null && last >= 0 && merged[last] === null) continue;
    else merged.push(part);
  }
  if (merged.length === 0) return str('', loc);
  if (merged.length === 1 && merged[0] !== null) return str(merged[0], loc);
  return unknown(loc, { parts: merged });
}

/** The pieces of a string-like value, unknowns by their keys where they have one. */
export function piecesOf(v: Value): Piece[] {
  if (v.kind !== 'unknown') return stringParts(v);
  // A value known by a key of its own (a variable holding a string with a hole) is that key: it stays comparable.
  if (v.pieces && (v.key === undefined || !v.pieces.includes(null))) return v.pieces;
  return v.key !== undefined ? [{ key: v.key }] : stringParts(v);
}

/** A piece as a value of its own (for joining pieces again). */
export function pieceValue(piece: Piece): Value {
  if (typeof piece === 'string') return str(piece);
  return piece === null ? unknown() : unknown(undefined, { key: piece.key });
}

/**
 * Joins values into one string, as `concat` and `format` do. Known pieces
 * stay known; when every unknown piece has a key, the result has a key too,
 * so `concat(parameters('p'), '-hub')` written twice names the same resource.
 */
export function joinValues(values: readonly Value[], loc?: Loc): StringValue | UnknownValue {
  const parts: StringPart[] = [];
  const pieces: Piece[] = [];
  let keyed = false;
  for (const v of values) {
    parts.push(...stringParts(v));
    for (const piece of piecesOf(v)) {
      const last = pieces.length - 1;
      if (piece === '') continue;
      if (typeof piece === 'string' && last >= 0 && typeof pieces[last] === 'string') pieces[last] += piece;
      else if (piece === null && last >= 0 && pieces[last] === null) continue;
      else {
        if (piece !== null && typeof piece === 'object') keyed = true;
        pieces.push(piece);
      }
    }
  }
  const joined = fromParts(parts, loc);
  if (joined.kind === 'string' || !keyed) return joined;
  joined.pieces = pieces;
  if (!pieces.includes(null)) joined.key = exactKey(pieces);
  return joined;
}

/** The key of a string made of keyed pieces, to the letter: one keyed piece alone is that value. */
function exactKey(pieces: readonly Piece[]): string {
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (only && typeof only === 'object') return only.key;
  return pieces.map((p) => (typeof p === 'string' ? JSON.stringify(p) : `<${p!.key}>`)).join('');
}

/** `toLower(…)` and `toUpper(…)` of a keyed value (see `changeCase` in the template functions). */
const CASE_CHANGE = /^to(?:Lower|Upper)\((.*)\)$/s;

/** A key as names compare it: a change of case (`toLower(x)`) names what x names. */
function caselessKey(key: string): string {
  for (let m = CASE_CHANGE.exec(key); m; m = CASE_CHANGE.exec(key)) key = m[1];
  return key;
}

/**
 * A key that is the same for values that name the same thing in Azure, where names and host names compare
 * without regard to case: known text in lower case, `toLower(x)` and `toUpper(x)` as x. Undefined for a value
 * with an unknown piece that has no key, or that is not a string.
 */
export function nameKey(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return JSON.stringify(v.value.toLowerCase());
  if (v.kind !== 'unknown') return undefined;
  const key = v.pieces && piecesNameKey(v.pieces);
  if (key !== undefined) return key;
  return v.key === undefined ? undefined : `<${caselessKey(v.key)}>`;
}

/** `nameKey` of a string made of pieces. */
export function piecesNameKey(pieces: readonly Piece[]): string | undefined {
  let key = '';
  for (const p of pieces) {
    if (p === null) return undefined;
    key += typeof p === 'string' ? JSON.stringify(p.toLowerCase()) : `<${caselessKey(p.key)}>`;
  }
  return key;
}

/**
 * Whether two values are the same: equal known strings (case-insensitively:
 * names and ids in Azure are), or unknowns with the same stable key (compared as names: see `nameKey`).
 * Undefined when it cannot be told.
 */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean | undefined {
  if (!a || !b) return undefined;
  if (a.kind === 'string' && b.kind === 'string') return a.value.toLowerCase() === b.value.toLowerCase();
  if (a.kind === 'unknown' && b.kind === 'unknown') {
    const key = nameKey(a);
    if (key !== undefined && key === nameKey(b)) return true;
  }
  if ((a.kind === 'number' || a.kind === 'boolean') && a.kind === b.kind) return a.value === b.value;
  return undefined;
}

/** A plain JSON value, for the values a fix writes. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
