/**
 * The template functions the evaluator knows, after the ARM documentation of
 * each. A function missing here, or called with arguments it cannot use,
 * yields unknown.
 */
import { parseResourceId, resourceIdValue, ResourceRef } from '../model/ids';
import {
  arr,
  asString,
  bool,
  fromParts,
  joinValues,
  Loc,
  num,
  ObjectEntry,
  pieceValue,
  piecesOf,
  PlainObject,
  str,
  unknown,
  Value,
  withLoc,
} from '../model/values';
import type { EvalContext } from './context';

export type TemplateFunction = (args: Value[], ctx: EvalContext, loc: Loc | undefined) => Value;

export const FUNCTIONS = new Map<string, TemplateFunction>();

function define(names: string | string[], fn: TemplateFunction): void {
  for (const name of Array.isArray(names) ? names : [names]) FUNCTIONS.set(name.toLowerCase(), fn);
}

/** The truth of a value: undefined when unknown. */
export function truthiness(v: Value): boolean | undefined {
  if (v.kind === 'boolean') return v.value;
  if (v.kind === 'string') {
    if (v.value.toLowerCase() === 'true') return true;
    if (v.value.toLowerCase() === 'false') return false;
  }
  if (v.kind === 'number') return v.value !== 0;
  return undefined;
}

/** A stable identity for an argument, for `guid` and `uniqueString`: same inputs, same (unknown) output. */
function identity(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
    case 'boolean':
      return String(v.value);
    case 'unknown':
      if (v.key) return v.key;
      if (v.parts) {
        const pieces = v.parts.map((p) => (p === null ? undefined : JSON.stringify(p)));
        return pieces.includes(undefined) ? undefined : pieces.join('+');
      }
      return undefined;
    case 'ref':
      return identity(resourceIdValue(v.ref));
    default:
      return undefined;
  }
}

/** The results of `guid()` and `uniqueString()`, by their keys: text in lower case (hexadecimal digits, base 32). */
const HASH_KEY = /^(?:guid|uniqueString)\(/;

function stableUnknown(name: 'guid' | 'uniqueString', args: Value[], loc: Loc | undefined): Value {
  const ids = args.map(identity);
  if (ids.some((id) => id === undefined)) return unknown(loc);
  return unknown(loc, { key: `${name}(${ids.join(',')})` });
}

/** The string form of a value as `concat` and `format` produce it (refs become id strings). */
function asStringish(v: Value): Value {
  return v.kind === 'ref' ? resourceIdValue(v.ref) : v;
}

function sameJson(a: Value, b: Value): boolean | undefined {
  if (a.kind !== b.kind) {
    const known = (x: Value) => x.kind === 'string' || x.kind === 'number' || x.kind === 'boolean' || x.kind === 'null';
    return known(a) && known(b) ? false : undefined;
  }
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'array': {
      const bi = (b as typeof a).items;
      if (a.items.length !== bi.length) return false;
      let all: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const same = sameJson(a.items[i], bi[i]);
        if (same === false) return false;
        if (same === undefined) all = undefined;
      }
      return all;
    }
    default:
      return undefined;
  }
}

function toRef(v: Value | undefined, ctx: EvalContext): ResourceRef | undefined {
  if (!v) return undefined;
  if (v.kind === 'ref') return v.ref;
  const text = asString(v);
  if (text !== undefined && !text.includes('/')) return ctx.resourceNamed(text);
  if (v.kind === 'string' || v.kind === 'unknown') return parseResourceId(v);
  return undefined;
}

// ---- Template and deployment --------------------------------------------------------------

define('parameters', ([name], ctx, loc) => {
  const n = asString(name);
  return n === undefined ? unknown(loc) : withLoc(ctx.parameter(n), loc);
});
define('variables', ([name], ctx, loc) => {
  const n = asString(name);
  return n === undefined ? unknown(loc) : withLoc(ctx.variable(n), loc);
});
define('copyIndex', (args, ctx, loc) => {
  let loop: string | undefined;
  let offset = 0;
  for (const a of args) {
    if (a.kind === 'number') offset = a.value;
    else if (a.kind === 'string') loop = a.value;
    else return unknown(loc);
  }
  const index = ctx.copyIndex(loop);
  if (index.kind === 'number') return num(index.value + offset, loc);
  return index.kind === 'unknown' && index.key ? unknown(loc, { key: `${index.key}+${offset}` }) : unknown(loc);
});
define('resourceGroup', (_args, ctx, loc) =>
  PlainObject.from(
    {
      name: ctx.scope.resourceGroup,
      location: unknown(loc, { key: `location(${identity(ctx.scope.resourceGroup) ?? '?'})` }),
      id: joinValues([str('/subscriptions/'), ctx.scope.subscription, str('/resourceGroups/'), ctx.scope.resourceGroup], loc),
    },
    loc,
  ),
);
define('subscription', (_args, ctx, loc) =>
  PlainObject.from(
    {
      subscriptionId: ctx.scope.subscription,
      id: joinValues([str('/subscriptions/'), ctx.scope.subscription], loc),
      tenantId: unknown(loc, { key: 'tenantId' }),
    },
    loc,
  ),
);
define('tenant', (_args, _ctx, loc) => PlainObject.from({ tenantId: unknown(loc, { key: 'tenantId' }) }, loc));
define('deployment', (_args, ctx, loc) => PlainObject.from({ name: ctx.deploymentName }, loc));
define('environment', (_args, ctx, loc) => {
  const c = ctx.cloud;
  return PlainObject.from(
    {
      name: str(c.name, loc),
      resourceManager: str(c.resourceManager, loc),
      authentication: PlainObject.from({ loginEndpoint: str(c.activeDirectory, loc) }, loc),
      suffixes: PlainObject.from(
        {
          storage: str(c.storage, loc),
          keyvaultDns: str(c.keyVault, loc),
          sqlServerHostname: str(c.sqlServer, loc),
        },
        loc,
      ),
    },
    loc,
  );
});

// ---- Resource ids and references ----------------------------------------------------------

/** A resource type argument: `Namespace.Provider/type…`. */
const RESOURCE_TYPE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+\/[A-Za-z0-9]/;

/** `resourceId([subscriptionId], [resourceGroupName], resourceType, name1, name2…)`. */
function resourceIdFunction(level: ResourceRef['level']): TemplateFunction {
  // Written as loops: every resource name and reference of a template goes through here.
  return (args, ctx, loc) => {
    let typeIndex = -1;
    for (let i = 0; i < args.length && typeIndex < 0; i++) {
      const s = asString(args[i]);
      if (s !== undefined && RESOURCE_TYPE.test(s)) typeIndex = i;
    }
    if (typeIndex < 0) return unknown(loc);
    const type = asString(args[typeIndex])!;
    const before = args.slice(0, typeIndex);
    const names: Value[] = [];
    for (let i = typeIndex + 1; i < args.length; i++) {
      // A name argument may hold several segments: `resourceId('A/b/c', 'x/y')`.
      const s = asString(args[i]);
      if (s !== undefined && s.includes('/')) for (const segment of s.split('/')) names.push(str(segment, loc));
      else names.push(args[i]);
    }
    const ref: ResourceRef = { type, names, level };
    if (level === undefined) {
      if (before.length === 2) {
        ref.subscription = before[0];
        ref.resourceGroup = before[1];
      } else if (before.length === 1) {
        ref.resourceGroup = before[0];
        ref.subscription = ctx.scope.subscription;
      } else {
        ref.subscription = ctx.scope.subscription;
        ref.resourceGroup = ctx.scope.resourceGroup;
      }
    } else if (level === 'subscription') {
      ref.subscription = before[0] ?? ctx.scope.subscription;
    }
    return { kind: 'ref', ref, loc };
  };
}
define('resourceId', resourceIdFunction(undefined));
define('subscriptionResourceId', resourceIdFunction('subscription'));
define('tenantResourceId', resourceIdFunction('tenant'));
define('managementGroupResourceId', () => unknown());
define('extensionResourceId', (args, ctx, loc) => {
  const [base, ...rest] = args;
  const parent = toRef(base, ctx);
  const inner = resourceIdFunction('tenant')(rest, ctx, loc);
  if (inner.kind !== 'ref') return unknown(loc);
  const ref: ResourceRef = { type: inner.ref.type, names: inner.ref.names };
  if (parent) ref.parent = parent;
  else ref.parentUnknown = true;
  return { kind: 'ref', ref, loc };
});
define('reference', (args, ctx, loc) => {
  const ref = toRef(args[0], ctx);
  if (!ref) return unknown(loc);
  const full = args.length >= 3 && asString(args[2])?.toLowerCase() === 'full';
  return { kind: 'runtime', ref, via: full ? 'full' : 'reference', path: full ? [] : ['properties'], loc };
});
define('listKeys', (args, ctx, loc) => {
  const ref = toRef(args[0], ctx);
  if (!ref) return unknown(loc);
  return { kind: 'runtime', ref, via: 'listKeys', path: [], loc };
});

// ---- Strings --------------------------------------------------------------------------------

define('concat', (args, _ctx, loc) => {
  // Known strings, what names are made of, joined directly: the general join below keeps track of unknown pieces.
  let text = '';
  let known = true;
  for (let i = 0; i < args.length && known; i++) {
    const a = args[i];
    if (a.kind === 'string') text += a.value;
    else known = false;
  }
  if (known) return str(text, loc);
  if (args.length > 0 && args.every((a) => a.kind === 'array')) {
    return arr(args.flatMap((a) => (a.kind === 'array' ? a.items : [])), loc);
  }
  if (args.some((a) => a.kind === 'array' || a.kind === 'object')) return unknown(loc);
  return joinValues(args.map(asStringish), loc);
});
define('format', ([fmt, ...args], _ctx, loc) => {
  const f = asString(fmt);
  if (f === undefined) return unknown(loc);
  const pieces: Value[] = [];
  let last = 0;
  const re = /\{(\d+)(:[^}]*)?\}|\{\{|\}\}/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    pieces.push(str(f.slice(last, m.index)));
    if (m[0] === '{{') pieces.push(str('{'));
    else if (m[0] === '}}') pieces.push(str('}'));
    else {
      const arg = args[Number(m[1])];
      // A format specifier (`{0:N2}`) changes the text in ways not modelled here.
      pieces.push(arg && !m[2] ? asStringish(arg) : unknown());
    }
    last = m.index + m[0].length;
  }
  pieces.push(str(f.slice(last)));
  return joinValues(pieces, loc);
});
define('string', ([v], _ctx, loc) => {
  if (!v) return unknown(loc);
  if (v.kind === 'string') return v;
  if (v.kind === 'number') return str(String(v.value), loc);
  if (v.kind === 'boolean') return str(v.value ? 'True' : 'False', loc);
  if (v.kind === 'ref') return resourceIdValue(v.ref, loc);
  return unknown(loc);
});
/**
 * `toLower` and `toUpper`: known text changes case; an unknown piece known by a key becomes a value of its own
 * (`toLower(<key>)`, the same name as the key's: see `nameKey`), except that `toLower` of what `guid()` or
 * `uniqueString()` return is that value, already in lower case.
 */
function changeCase(v: Value | undefined, name: 'toLower' | 'toUpper', loc: Loc | undefined): Value {
  const f = name === 'toLower' ? (s: string) => s.toLowerCase() : (s: string) => s.toUpperCase();
  const changedKey = (key: string) => (name === 'toLower' && HASH_KEY.test(key) ? key : `${name}(${key})`);
  if (!v) return unknown(loc);
  if (v.kind === 'string') return str(f(v.value), loc);
  if (v.kind !== 'unknown') return unknown(loc);
  const changed = fromParts(v.parts ? v.parts.map((p) => (p === null ? null : f(p))) : [null], loc);
  if (changed.kind === 'unknown' && (v.pieces || v.key !== undefined)) {
    const keyed = joinValues(piecesOf(v).map((p) => pieceValue(p === null ? null : typeof p === 'string' ? f(p) : { key: changedKey(p.key) })));
    if (keyed.kind === 'unknown') {
      changed.pieces = keyed.pieces;
      changed.key = keyed.key;
    }
  }
  return changed;
}
define('toLower', ([v], _ctx, loc) => changeCase(v, 'toLower', loc));
define('toUpper', ([v], _ctx, loc) => changeCase(v, 'toUpper', loc));
define('trim', ([v], _ctx, loc) => {
  const s = asString(v);
  return s === undefined ? unknown(loc) : str(s.trim(), loc);
});
define('replace', ([v, from, to], _ctx, loc) => {
  const s = asString(v);
  const a = asString(from);
  const b = asString(to);
  if (s === undefined || a === undefined || b === undefined || a === '') return unknown(loc);
  return str(s.split(a).join(b), loc);
});
define('substring', ([v, start, length], _ctx, loc) => {
  const s = asString(v);
  if (s === undefined || start?.kind !== 'number') return unknown(loc);
  if (length === undefined) return str(s.substring(start.value), loc);
  if (length.kind !== 'number') return unknown(loc);
  return str(s.substr(start.value, length.value), loc);
});
define('split', ([v, delimiter], _ctx, loc) => {
  const s = asString(v);
  if (s === undefined || !delimiter) return unknown(loc);
  const delimiters =
    delimiter.kind === 'array' ? delimiter.items.map(asString) : [asString(delimiter)];
  if (delimiters.some((d) => d === undefined || d === '')) return unknown(loc);
  let pieces = [s];
  for (const d of delimiters as string[]) pieces = pieces.flatMap((p) => p.split(d));
  return arr(
    pieces.map((p) => str(p, loc)),
    loc,
  );
});
define('padLeft', ([v, width, pad], _ctx, loc) => {
  const s = v?.kind === 'number' ? String(v.value) : asString(v);
  const p = pad === undefined ? ' ' : asString(pad);
  if (s === undefined || width?.kind !== 'number' || p === undefined) return unknown(loc);
  return str(s.padStart(width.value, p), loc);
});
define('startsWith', ([v, prefix], _ctx, loc) => {
  const s = asString(v);
  const p = asString(prefix);
  return s === undefined || p === undefined ? unknown(loc) : bool(s.toLowerCase().startsWith(p.toLowerCase()), loc);
});
define('endsWith', ([v, suffix], _ctx, loc) => {
  const s = asString(v);
  const p = asString(suffix);
  return s === undefined || p === undefined ? unknown(loc) : bool(s.toLowerCase().endsWith(p.toLowerCase()), loc);
});
define('indexOf', ([v, needle], _ctx, loc) => {
  const s = asString(v);
  const n = asString(needle);
  return s === undefined || n === undefined ? unknown(loc) : num(s.toLowerCase().indexOf(n.toLowerCase()), loc);
});
define('lastIndexOf', ([v, needle], _ctx, loc) => {
  const s = asString(v);
  const n = asString(needle);
  return s === undefined || n === undefined ? unknown(loc) : num(s.toLowerCase().lastIndexOf(n.toLowerCase()), loc);
});
define('uri', ([base, relative], _ctx, loc) => {
  const b = asString(base);
  const r = asString(relative);
  if (b === undefined || r === undefined) return unknown(loc);
  try {
    return str(new URL(r, b).toString(), loc);
  } catch {
    return unknown(loc);
  }
});
define('guid', (args, _ctx, loc) => stableUnknown('guid', args, loc));
define('uniqueString', (args, _ctx, loc) => stableUnknown('uniqueString', args, loc));
define(['newGuid', 'utcNow'], (_args, _ctx, loc) => unknown(loc));

// ---- Logic and comparison -------------------------------------------------------------------

define('equals', ([a, b], _ctx, loc) => {
  if (!a || !b) return unknown(loc);
  const same = sameJson(a, b);
  return same === undefined ? unknown(loc) : bool(same, loc);
});
define('not', ([v], _ctx, loc) => {
  const t = v ? truthiness(v) : undefined;
  return t === undefined ? unknown(loc) : bool(!t, loc);
});
define('and', (args, _ctx, loc) => {
  const values = args.map(truthiness);
  if (values.includes(false)) return bool(false, loc);
  return values.includes(undefined) ? unknown(loc) : bool(true, loc);
});
define('or', (args, _ctx, loc) => {
  const values = args.map(truthiness);
  if (values.includes(true)) return bool(true, loc);
  return values.includes(undefined) ? unknown(loc) : bool(false, loc);
});
define('bool', ([v], _ctx, loc) => {
  const t = v ? truthiness(v) : undefined;
  return t === undefined ? unknown(loc) : bool(t, loc);
});
define('true', (_a, _c, loc) => bool(true, loc));
define('false', (_a, _c, loc) => bool(false, loc));
define('null', (_a, _c, loc) => ({ kind: 'null', loc }));
function compare(test: (c: number) => boolean): TemplateFunction {
  return ([a, b], _ctx, loc) => {
    if (a?.kind === 'number' && b?.kind === 'number') return bool(test(a.value - b.value), loc);
    if (a?.kind === 'string' && b?.kind === 'string') return bool(test(a.value < b.value ? -1 : a.value > b.value ? 1 : 0), loc);
    return unknown(loc);
  };
}
define('less', compare((c) => c < 0));
define('lessOrEquals', compare((c) => c <= 0));
define('greater', compare((c) => c > 0));
define('greaterOrEquals', compare((c) => c >= 0));
define('coalesce', (args, _ctx, loc) => {
  for (const a of args) {
    if (a.kind === 'null') continue;
    if (a.kind === 'unknown' || a.kind === 'runtime') return unknown(loc);
    return a;
  }
  return { kind: 'null', loc };
});

// ---- Numbers ----------------------------------------------------------------------------------

define('int', ([v], _ctx, loc) => {
  if (v?.kind === 'number') return num(Math.trunc(v.value), loc);
  const s = asString(v);
  return s !== undefined && /^\s*-?\d+\s*$/.test(s) ? num(parseInt(s, 10), loc) : unknown(loc);
});
function arithmetic(op: (a: number, b: number) => number | undefined): TemplateFunction {
  return ([a, b], _ctx, loc) => {
    if (a?.kind !== 'number' || b?.kind !== 'number') return unknown(loc);
    const r = op(a.value, b.value);
    return r === undefined || !Number.isFinite(r) ? unknown(loc) : num(r, loc);
  };
}
define('add', arithmetic((a, b) => a + b));
define('sub', arithmetic((a, b) => a - b));
define('mul', arithmetic((a, b) => a * b));
define('div', arithmetic((a, b) => (b === 0 ? undefined : Math.trunc(a / b))));
define('mod', arithmetic((a, b) => (b === 0 ? undefined : a % b)));
function extreme(pick: (...n: number[]) => number): TemplateFunction {
  return (args, _ctx, loc) => {
    const values = args.length === 1 && args[0].kind === 'array' ? args[0].items : args;
    if (values.length === 0 || values.some((v) => v.kind !== 'number')) return unknown(loc);
    return num(pick(...values.map((v) => (v as { value: number }).value)), loc);
  };
}
define('min', extreme(Math.min));
define('max', extreme(Math.max));
define('range', ([start, count], _ctx, loc) => {
  if (start?.kind !== 'number' || count?.kind !== 'number' || count.value < 0 || count.value > 10000) return unknown(loc);
  return arr(
    Array.from({ length: count.value }, (_, i) => num(start.value + i, loc)),
    loc,
  );
});

// ---- Arrays and objects -----------------------------------------------------------------------

define('createArray', (args, _ctx, loc) => arr(args, loc));
define('array', ([v], _ctx, loc) => (!v ? unknown(loc) : v.kind === 'array' ? v : v.kind === 'unknown' || v.kind === 'runtime' ? unknown(loc) : arr([v], loc)));
define('createObject', (args, _ctx, loc) => {
  if (args.length % 2 !== 0) return unknown(loc);
  const entries: ObjectEntry[] = [];
  for (let i = 0; i < args.length; i += 2) {
    entries.push({ key: asString(args[i]), keyValue: args[i], value: args[i + 1] });
  }
  return new PlainObject(entries, loc);
});
define('union', (args, _ctx, loc) => {
  if (args.length === 0) return unknown(loc);
  if (args.every((a) => a.kind === 'array')) {
    const items: Value[] = [];
    for (const a of args) {
      for (const item of (a as { items: readonly Value[] }).items) {
        if (!items.some((existing) => sameJson(existing, item) === true)) items.push(item);
      }
    }
    return arr(items, loc);
  }
  if (args.every((a) => a.kind === 'object')) return mergeObjects(args, loc);
  return unknown(loc);
});
// `items(object)`: the object's properties as `{ key, value }` objects, in the order of their keys (as ARM sorts them).
define('items', ([v], _ctx, loc) => {
  if (v?.kind !== 'object') return unknown(loc);
  const entries = v.entries();
  if (entries.some((e) => e.key === undefined)) return unknown(loc);
  const sorted = [...entries].sort((a, b) => (a.key!.toLowerCase() < b.key!.toLowerCase() ? -1 : a.key!.toLowerCase() > b.key!.toLowerCase() ? 1 : 0));
  return arr(sorted.map((e) => PlainObject.from({ key: e.keyValue, value: e.value }, loc)), loc);
});
/** `union` of objects: later keys win, nested objects merge. */
function mergeObjects(objects: Value[], loc: Loc | undefined): Value {
  const byKey = new Map<string, ObjectEntry>();
  for (const o of objects) {
    if (o.kind !== 'object') return unknown(loc);
    for (const entry of o.entries()) {
      if (entry.key === undefined) return unknown(loc);
      const k = entry.key.toLowerCase();
      const previous = byKey.get(k);
      if (previous && previous.value.kind === 'object' && entry.value.kind === 'object') {
        byKey.set(k, { ...entry, value: mergeObjects([previous.value, entry.value], loc) });
      } else {
        byKey.set(k, entry);
      }
    }
  }
  return new PlainObject([...byKey.values()], loc);
}
define('length', ([v], _ctx, loc) => {
  if (!v) return unknown(loc);
  if (v.kind === 'array') return num(v.items.length, loc);
  if (v.kind === 'string') return num(v.value.length, loc);
  if (v.kind === 'object') return v.entries().some((e) => e.key === undefined) ? unknown(loc) : num(v.entries().length, loc);
  return unknown(loc);
});
define('empty', ([v], _ctx, loc) => {
  if (!v) return unknown(loc);
  if (v.kind === 'array') return bool(v.items.length === 0, loc);
  if (v.kind === 'string') return bool(v.value.length === 0, loc);
  if (v.kind === 'object') return bool(v.entries().length === 0, loc);
  if (v.kind === 'null') return bool(true, loc);
  if (v.kind === 'unknown' && v.parts?.some((p) => p !== null && p.length > 0)) return bool(false, loc);
  return unknown(loc);
});
define('contains', ([container, item], _ctx, loc) => {
  if (!container || !item) return unknown(loc);
  if (container.kind === 'array') {
    let sawUnknown = false;
    for (const candidate of container.items) {
      const same = sameJson(candidate, item);
      if (same === true) return bool(true, loc);
      if (same === undefined) sawUnknown = true;
    }
    return sawUnknown ? unknown(loc) : bool(false, loc);
  }
  if (container.kind === 'object') {
    const key = asString(item);
    if (key === undefined || container.entries().some((e) => e.key === undefined)) return unknown(loc);
    return bool(container.raw(key) !== undefined, loc);
  }
  const s = asString(container);
  const needle = asString(item);
  if (s !== undefined && needle !== undefined) return bool(s.includes(needle), loc);
  return unknown(loc);
});
define('first', ([v], _ctx, loc) => {
  if (v?.kind === 'array') return v.items[0] ?? unknown(loc);
  const s = asString(v);
  return s === undefined ? unknown(loc) : str(s.charAt(0), loc);
});
define('last', ([v], _ctx, loc) => {
  if (v?.kind === 'array') return v.items[v.items.length - 1] ?? unknown(loc);
  const s = asString(v);
  return s === undefined ? unknown(loc) : str(s.charAt(s.length - 1), loc);
});
define('take', ([v, count], _ctx, loc) => {
  if (count?.kind !== 'number') return unknown(loc);
  if (v?.kind === 'array') return arr(v.items.slice(0, Math.max(0, count.value)), loc);
  const s = asString(v);
  return s === undefined ? unknown(loc) : str(s.slice(0, Math.max(0, count.value)), loc);
});
define('skip', ([v, count], _ctx, loc) => {
  if (count?.kind !== 'number') return unknown(loc);
  if (v?.kind === 'array') return arr(v.items.slice(Math.max(0, count.value)), loc);
  const s = asString(v);
  return s === undefined ? unknown(loc) : str(s.slice(Math.max(0, count.value)), loc);
});
define('join', ([v, delimiter], _ctx, loc) => {
  const d = asString(delimiter);
  if (v?.kind !== 'array' || d === undefined) return unknown(loc);
  const pieces: Value[] = [];
  v.items.forEach((item, i) => {
    if (i > 0) pieces.push(str(d));
    pieces.push(asStringish(item));
  });
  return joinValues(pieces, loc);
});
define('json', ([v], _ctx, loc) => {
  const s = asString(v);
  if (s === undefined) return unknown(loc);
  try {
    return fromJson(JSON.parse(s), loc);
  } catch {
    return unknown(loc);
  }
});

/** Plain data as model values (for `json()`; depth is bounded by what `JSON.parse` accepted). */
export function fromJson(data: unknown, loc: Loc | undefined): Value {
  if (data === null) return { kind: 'null', loc };
  if (typeof data === 'string') return str(data, loc);
  if (typeof data === 'number') return num(data, loc);
  if (typeof data === 'boolean') return bool(data, loc);
  if (Array.isArray(data)) return arr(data.map((d) => fromJson(d, loc)), loc);
  if (typeof data === 'object') {
    return new PlainObject(
      Object.entries(data as Record<string, unknown>).map(([key, value]) => ({ key, keyValue: str(key, loc), value: fromJson(value, loc) })),
      loc,
    );
  }
  return unknown(loc);
}
