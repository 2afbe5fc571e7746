/**
 * Evaluates Bicep expressions to model values, with the ARM template
 * functions the evaluator already knows (Bicep compiles its functions and
 * operators to them). What cannot be known is unknown; nothing throws.
 *
 * References to resources are read as Bicep compiles them: `hub.id` is the
 * hub's id, `hub.name` its name as written, `hub.identity.principalId` and
 * `hub.properties.…` what the deployed hub will hold (a runtime value, known
 * by its resource and path).
 */
import { member, indexInto } from '../../evaluate/evaluator';
import { FUNCTIONS, truthiness } from '../../evaluate/functions';
import { extendRuntime } from '../../evaluate/runtime';
import type { ResourceRef } from '../../model/ids';
import { arr, joinValues, Loc, num, ObjectEntry, ObjectValue, Origin, PlainObject, present, RuntimeValue, str, unknown, Value, withInput, withLoc } from '../../model/values';
import { lowerCase } from '../../text/case';
import type { BicepScope, BicepSymbol, ModuleSymbol, Picked, ResourceTarget } from './scope';
import type * as S from './syntax';
import { BicepObject, locOf, originOf, propertyKey } from './values';

/** Loop variables and lambda parameters in scope, innermost first. */
export interface Locals {
  name: string;
  value: Value;
  next: Locals | undefined;
}

/** The locals with one more name bound, in front. */
export function bind(next: Locals | undefined, name: string, value: Value): Locals {
  return { name, value, next };
}

export interface Env {
  scope: BicepScope;
  locals: Locals | undefined;
  /** Literals get origins (a writer may edit them): true for a resource body, false for what a parameter or variable holds. */
  origins: boolean;
}

/** A `for` expression inside a value is unrolled up to this many items; longer ones are unknown. */
const MAX_UNROLLED = 200;

export function evaluate(expr: S.Expr, env: Env): Value {
  try {
    return evaluateExpr(expr, env);
  } catch {
    return unknown(locOf(env.scope.doc, expr));
  }
}

function evaluateExpr(expr: S.Expr, env: Env): Value {
  const loc = locOf(env.scope.doc, expr);
  switch (expr.kind) {
    case 'StringLit': {
      if (expr.expressions.length === 0) return str(expr.segments[0], loc, literalOrigin(expr, env));
      if (expr.expressions.length === 1 && expr.segments[0] === '' && expr.segments[1] === '') {
        // `'${x.id}'`, the only way Bicep writes a computed key: the value itself (an id stays a reference).
        const only = evaluateExpr(expr.expressions[0], inner(env));
        if (only.kind === 'number' || only.kind === 'boolean') return str(String(only.value), loc);
        if (only.kind === 'string' || only.kind === 'unknown' || only.kind === 'ref') return withLoc(only, loc);
      }
      const pieces: Value[] = [];
      for (let i = 0; i < expr.expressions.length; i++) {
        pieces.push(str(expr.segments[i]), evaluateExpr(expr.expressions[i], inner(env)));
      }
      pieces.push(str(expr.segments[expr.segments.length - 1]));
      const joined = joinValues(pieces, loc);
      return pieces.some((p) => p.input) ? withInput(joined) : joined;
    }
    case 'NumberLit':
      return { kind: 'number', value: expr.value, loc, origin: literalOrigin(expr, env) };
    case 'BoolLit':
      return { kind: 'boolean', value: expr.value, loc, origin: literalOrigin(expr, env) };
    case 'NullLit':
      return { kind: 'null', loc, origin: literalOrigin(expr, env) };
    case 'Identifier':
      return identifier(expr, env, loc);
    case 'ObjectExpr':
      return object(expr, env, loc);
    case 'ArrayExpr':
      return array(expr, env, loc);
    case 'ForExpr':
      return unrolled(expr, env, loc);
    case 'ParenExpr':
      return evaluateExpr(expr.expression, inner(env));
    case 'NonNullExpr':
      return evaluateExpr(expr.expression, env);
    case 'MemberExpr':
      return memberOf(expr, env, loc);
    case 'IndexExpr': {
      const resource = resourceOf(expr, env);
      if (resource) return refValue(resource, loc);
      if (expr.index.kind === 'StringLit' && expr.index.expressions.length === 0) {
        const output = moduleOutput(expr.object, expr.index.segments[0], env, loc);
        if (output) return output;
      }
      const target = evaluateExpr(expr.object, inner(env));
      const index = evaluateExpr(expr.index, inner(env));
      const through = readThrough(target, index.kind === 'string' || index.kind === 'number' ? `[${JSON.stringify(index.value)}]` : undefined, loc);
      if (through) return through;
      let result: Value;
      if (expr.fromEnd && target.kind === 'array' && index.kind === 'number') result = target.items[target.items.length - index.value] ?? unknown(loc);
      else if (expr.safe && target.kind === 'object' && index.kind === 'string' && target.raw(index.value) === undefined) result = nullAt(loc);
      else if (expr.safe && target.kind === 'array' && index.kind === 'number' && !(index.value in target.items)) result = nullAt(loc);
      else result = indexInto(target, index, loc, env.scope.cloud);
      return target.input || index.input ? withInput(result) : result;
    }
    case 'ResourceAccessExpr': {
      const resource = resourceOf(expr, env);
      return resource ? refValue(resource, loc) : unknown(loc);
    }
    case 'CallExpr':
      return call(expr, env, loc);
    case 'UnaryExpr': {
      const operand = evaluateExpr(expr.operand, inner(env));
      return apply(expr.op === '!' ? 'not' : 'sub', expr.op === '!' ? [operand] : [num(0), operand], env, loc);
    }
    case 'BinaryExpr':
      return binary(expr, env, loc);
    case 'TernaryExpr': {
      const condition = evaluateExpr(expr.condition, inner(env));
      const truth = truthiness(condition);
      if (truth === undefined) {
        // Both branches the same string: the result is known anyway.
        const a = evaluateExpr(expr.whenTrue, inner(env));
        const b = evaluateExpr(expr.whenFalse, inner(env));
        return a.kind === 'string' && b.kind === 'string' && a.value === b.value ? str(a.value, loc) : unknown(loc);
      }
      // The branch taken is what deploys, but it is not written where it is used: it gets no origin.
      const chosen = evaluateExpr(truth ? expr.whenTrue : expr.whenFalse, inner(env));
      return condition.input ? withInput(chosen) : chosen;
    }
    case 'IfExpr': {
      const truth = truthiness(evaluateExpr(expr.condition, inner(env)));
      return truth === true ? evaluateExpr(expr.body, env) : unknown(loc);
    }
    case 'LambdaExpr':
    case 'MissingExpr':
      return unknown(loc);
  }
}

/** Where a writer may edit a literal: only at its place of use (a resource body), not through a variable. */
function literalOrigin(expr: S.Node, env: Env): Origin | undefined {
  return env.origins ? originOf(env.scope.doc, expr) : undefined;
}

/** The environment of a sub-expression: what it computes is not written where it is used. */
function inner(env: Env): Env {
  return env.origins ? { scope: env.scope, locals: env.locals, origins: false } : env;
}

function lookupLocal(locals: Locals | undefined, name: string): Value | undefined {
  for (let l = locals; l; l = l.next) if (l.name === name) return l.value;
  return undefined;
}

function identifier(expr: S.Identifier, env: Env, loc: Loc): Value {
  const local = lookupLocal(env.locals, expr.name);
  if (local) return withLoc(local, loc);
  const symbol = env.scope.symbol(expr.name);
  switch (symbol?.kind) {
    case 'param':
      return withLoc(env.scope.parameter(expr.name), loc);
    case 'var':
      return withLoc(env.scope.variable(expr.name), loc);
    case 'resource':
      return refValue(env.scope.pickResource(symbol, undefined), loc);
    case 'import':
      if (symbol.name !== undefined) return withLoc(env.scope.imported(symbol, symbol.name), loc);
      break;
  }
  return unknown(loc, { key: `${env.scope.id}:symbol:${expr.name}` });
}

function object(expr: S.ObjectExpr, env: Env, loc: Loc): Value {
  const origin = literalOrigin(expr, env);
  const members: S.ObjectProperty[] = [];
  const keys: string[] = [];
  for (const m of expr.properties) {
    if (m.kind === 'ResourceDecl') continue;
    const key = m.kind === 'ObjectProperty' ? propertyKey(m) : undefined;
    if (key === undefined) return computedObject(expr, env, loc, origin);
    members.push(m as S.ObjectProperty);
    keys.push(key);
  }
  return new LiteralObject(members, keys, env, loc, origin);
}

/**
 * An object literal whose keys are all written as such (the usual case): its
 * values are evaluated when read. Rules read a few properties of each
 * resource; an editor re-reads the file at every keystroke.
 */
class LiteralObject implements ObjectValue {
  readonly kind = 'object';
  private readonly values: Array<Value | undefined>;
  private readonly lowerKeys: string[];
  private list: ObjectEntry[] | undefined;

  constructor(
    private readonly members: readonly S.ObjectProperty[],
    private readonly keys: readonly string[],
    private readonly env: Env,
    public loc: Loc,
    public origin: Origin | undefined,
  ) {
    this.values = new Array<Value | undefined>(members.length);
    this.lowerKeys = keys.map(lowerCase);
  }

  /** The last property written under the key (the one that deploys), compared without regard to case. */
  private indexOf(key: string): number {
    const lower = lowerCase(key);
    for (let i = this.lowerKeys.length - 1; i >= 0; i--) if (this.lowerKeys[i] === lower) return i;
    return -1;
  }

  private valueAt(i: number): Value {
    return (this.values[i] ??= evaluate(this.members[i].value, this.env));
  }

  get(key: string): Value | undefined {
    return present(this.raw(key));
  }

  raw(key: string): Value | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.valueAt(i);
  }

  entries(): readonly ObjectEntry[] {
    return (this.list ??= this.members.map((m, i) => {
      const keyLoc = locOf(this.env.scope.doc, m.key);
      return { key: this.keys[i], keyValue: str(this.keys[i], keyLoc), keyLoc, value: this.valueAt(i) };
    }));
  }

  keyLoc(key: string): Loc | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : locOf(this.env.scope.doc, this.members[i].key);
  }
}

/** An object with spreads or computed keys, evaluated whole. */
function computedObject(expr: S.ObjectExpr, env: Env, loc: Loc, origin: Origin | undefined): Value {
  const entries: ObjectEntry[] = [];
  let open = false;
  let input = false;
  for (const m of expr.properties) {
    if (m.kind === 'ResourceDecl') continue;
    if (m.kind === 'SpreadExpr') {
      const spread = evaluateExpr(m.expression, inner(env));
      if (spread.input) input = true;
      if (spread.kind === 'object') entries.push(...spread.entries());
      else open = true;
      continue;
    }
    const keyLoc = locOf(env.scope.doc, m.key);
    const written = propertyKey(m);
    // A key with interpolation is computed; one the analysis cannot compute may be any key.
    const keyValue = written !== undefined ? str(written, keyLoc) : evaluateExpr(m.key, inner(env));
    const key = keyValue.kind === 'string' ? keyValue.value : undefined;
    if (key === undefined) open = true;
    entries.push({ key, keyValue, keyLoc, value: evaluateExpr(m.value, env) });
  }
  const value = new BicepObject(entries, open, loc, origin);
  return input ? withInput(value) : value;
}

function array(expr: S.ArrayExpr, env: Env, loc: Loc): Value {
  const items: Value[] = [];
  let input = false;
  for (const item of expr.items) {
    if (item.kind !== 'SpreadExpr') {
      items.push(evaluateExpr(item, env));
      continue;
    }
    const spread = evaluateExpr(item.expression, inner(env));
    if (spread.input) input = true;
    // Items the analysis cannot list make the whole array unknown: an allow list may hold anything then.
    if (spread.kind !== 'array') return input ? withInput(unknown(loc)) : unknown(loc);
    items.push(...spread.items);
  }
  const value = arr(items, loc);
  value.origin = literalOrigin(expr, env);
  return input ? withInput(value) : value;
}

/** `[for x in list: body]` as a value: one item per item of a known list, the body read with `x` bound. */
function unrolled(expr: S.ForExpr, env: Env, loc: Loc): Value {
  const list = evaluateExpr(expr.iterable, inner(env));
  if (list.kind !== 'array' || list.items.length > MAX_UNROLLED) return list.input ? withInput(unknown(loc)) : unknown(loc);
  const items: Value[] = [];
  for (let i = 0; i < list.items.length; i++) {
    let locals = env.locals;
    if (expr.item) locals = bind(locals, expr.item.name, list.items[i]);
    if (expr.index) locals = bind(locals, expr.index.name, num(i));
    const itemEnv: Env = { scope: env.scope, locals, origins: false };
    let body: S.Expr = expr.body;
    if (body.kind === 'IfExpr') {
      const truth = truthiness(evaluateExpr(body.condition, itemEnv));
      // An item that may or may not be there makes the list unknown.
      if (truth === undefined) return unknown(loc);
      if (!truth) continue;
      body = body.body;
    }
    items.push(evaluateExpr(body, itemEnv));
  }
  const value = arr(items, loc);
  return list.input ? withInput(value) : value;
}

/**
 * The resource an expression names: a symbol, an instance of a resource loop (`hubs[i]`), or `parent::child`,
 * with the instance it names, when that can be told.
 */
export function resourceOf(expr: S.Expr, env: Env): ResourceTarget | undefined {
  switch (expr.kind) {
    case 'Identifier': {
      if (lookupLocal(env.locals, expr.name)) return undefined;
      const symbol = env.scope.symbol(expr.name);
      return symbol?.kind === 'resource' ? env.scope.pickResource(symbol, undefined) : undefined;
    }
    case 'IndexExpr': {
      const collection = resourceOf(expr.object, env);
      return collection && env.scope.pickResource(collection.symbol, evaluateExpr(expr.index, inner(env)));
    }
    case 'ResourceAccessExpr': {
      const outer = resourceOf(expr.object, env);
      const symbol = outer?.symbol.nested.get(expr.name.name);
      if (!outer || !symbol) return undefined;
      if (!outer.instance) return { symbol, instance: undefined, key: outer.key === undefined ? undefined : `${outer.key}::${expr.name.name}` };
      // The child declared in the body of the instance named.
      const own = env.scope.instances(symbol).filter((i) => i.within === outer.instance);
      return { symbol, instance: own.length === 1 ? own[0] : undefined, key: undefined };
    }
    case 'ParenExpr':
    case 'NonNullExpr':
      return resourceOf(expr.expression, env);
    default:
      return undefined;
  }
}

/** The module deployment an expression names: a module symbol, or one deployment of a module loop (`endpoints[i]`). */
function moduleOf(expr: S.Expr, env: Env): Picked<ModuleSymbol> | undefined {
  const named = expr.kind === 'IndexExpr' ? expr.object : expr;
  if (named.kind !== 'Identifier' || lookupLocal(env.locals, named.name)) return undefined;
  const symbol = env.scope.symbol(named.name);
  if (symbol?.kind !== 'module') return undefined;
  return env.scope.pickModule(symbol, expr.kind === 'IndexExpr' ? evaluateExpr(expr.index, inner(env)) : undefined);
}

function refValue(resource: ResourceTarget, loc: Loc): Value {
  return resource.instance ? { kind: 'ref', ref: resource.instance.ref, loc } : unknownInstanceRead(resource.key, loc);
}

/**
 * What is read through an instance the analysis cannot tell (`hubs[i].name` with `i` unknown): unknown, never
 * another instance's value, and known by a key made of the index's key and the path read, when the index has one.
 */
const unknownInstanceReads = new WeakSet<Value>();

function unknownInstanceRead(key: string | undefined, loc: Loc): Value {
  if (key === undefined) return unknown(loc);
  const value = unknown(loc, { key });
  unknownInstanceReads.add(value);
  return value;
}

/** A property or item read from what was read through an unknown instance: unknown, its key extended by the path. */
function readThrough(target: Value, path: string | undefined, loc: Loc): Value | undefined {
  if (target.kind !== 'unknown' || !unknownInstanceReads.has(target)) return undefined;
  return unknownInstanceRead(path === undefined ? undefined : `${target.key}${path}`, loc);
}

/** What a deployed resource holds: `reference(resource, version, 'full')` and the path read from it. */
function runtimeOf(ref: ResourceRef, loc: Loc): RuntimeValue {
  return { kind: 'runtime', ref, via: 'full', path: [], loc };
}

function memberOf(expr: S.MemberExpr, env: Env, loc: Loc): Value {
  const name = expr.property.name;
  const resource = resourceOf(expr.object, env);
  if (resource) {
    const info = resource.instance;
    // The id of an instance is what the instance reads as (`scope: hubs[i]`).
    if (!info) return unknownInstanceRead(resource.key === undefined || name === 'id' ? resource.key : `${resource.key}.${name}`, loc);
    switch (name) {
      case 'id':
        return { kind: 'ref', ref: info.ref, loc };
      case 'name':
        return withLoc(info.nameValue, loc);
      case 'type':
        return str(info.type, loc);
      case 'apiVersion':
        return info.apiVersion === undefined ? unknown(loc) : str(info.apiVersion, loc);
      default:
        return extendRuntime(runtimeOf(info.ref, loc), name, loc, env.scope.cloud);
    }
  }
  const output = moduleOutput(expr.object, name, env, loc);
  if (output) return output;
  // `shared.egressHosts` of `import * as shared from 'shared.bicep'`.
  const namespace = expr.object.kind === 'Identifier' && !lookupLocal(env.locals, expr.object.name) ? env.scope.symbol(expr.object.name) : undefined;
  if (namespace?.kind === 'import' && namespace.name === undefined) return withLoc(env.scope.imported(namespace, name), loc);
  const module = moduleOf(expr.object, env);
  if (module) {
    const deployment = module.instance;
    if (!deployment) return unknownInstanceRead(module.key === undefined ? undefined : `${module.key}.${name}`, loc);
    if (name === 'outputs') return env.scope.moduleOutputs(deployment, loc);
    if (name === 'name') return withLoc(env.scope.moduleName(deployment), loc);
    return unknown(loc);
  }
  const target = evaluateExpr(expr.object, inner(env));
  const through = readThrough(target, `.${name}`, loc);
  if (through) return through;
  // `.?` reads a key an object does not hold as null, as `??` expects.
  const result = expr.safe && target.kind === 'object' && target.raw(name) === undefined ? nullAt(loc) : member(target, name, loc, env.scope.cloud);
  return target.input ? withInput(result) : result;
}

function nullAt(loc: Loc): Value {
  return { kind: 'null', loc };
}

/** `module.outputs.name`, `module.outputs['name']`: the output, reported where it is read. */
function moduleOutput(object: S.Expr, name: string, env: Env, loc: Loc): Value | undefined {
  if (object.kind !== 'MemberExpr' || object.property.name !== 'outputs') return undefined;
  const module = moduleOf(object.object, env);
  if (!module) return undefined;
  if (!module.instance) return unknownInstanceRead(module.key === undefined ? undefined : `${module.key}.outputs.${name}`, loc);
  return withLoc(env.scope.moduleOutput(module.instance, name), loc);
}

/** Functions whose Bicep name differs from, or is missing in, the template functions. */
function call(expr: S.CallExpr, env: Env, loc: Loc): Value {
  const name = expr.name.name.toLowerCase();
  if (expr.object) {
    const resource = resourceOf(expr.object, env);
    if (resource) {
      // `account.listKeys()`, `rule.listConnectionStrings()`: what the deployed resource returns.
      const info = resource.instance;
      return info && name.startsWith('list') ? { kind: 'runtime', ref: info.ref, via: 'listKeys', path: [], loc } : unknown(loc);
    }
    const namespace = expr.object.kind === 'Identifier' ? expr.object.name : undefined;
    // `az.` and `sys.` name the built-in namespaces, unless a symbol of the file has that name.
    if ((namespace !== 'az' && namespace !== 'sys') || env.scope.symbol(namespace)) return unknown(loc);
  }
  const own = expr.object ? undefined : env.scope.symbol(expr.name.name);
  if (own) return userFunction(own, expr, env, loc);
  const lambdas = lambdaFunction(name, expr, env, loc);
  if (lambdas) return lambdas;
  if (expr.args.some((a) => a.kind === 'LambdaExpr')) return unknown(loc);
  // `nameof(symbol)`, `nameof(x.property)`, `nameof(x['property'])`: the name as written.
  if (name === 'nameof') {
    const arg = expr.args[0];
    let written: string | undefined;
    if (arg?.kind === 'Identifier') written = arg.name;
    else if (arg?.kind === 'MemberExpr') written = arg.property.name;
    else if (arg?.kind === 'IndexExpr' && arg.index.kind === 'StringLit' && arg.index.expressions.length === 0) written = arg.index.segments[0];
    return written === undefined ? unknown(loc) : str(written, loc);
  }
  const args = expr.args.map((a) => evaluateExpr(a, inner(env)));
  switch (name) {
    case 'any':
      return args[0] ?? unknown(loc);
    // `resourceGroup('other')`, `subscription('id')`: a scope elsewhere, of which only what was written is known.
    case 'resourcegroup':
      if (args.length > 0) return PlainObject.from({ name: args[args.length - 1] }, loc);
      break;
    case 'subscription':
      if (args.length > 0) return PlainObject.from({ subscriptionId: args[0] }, loc);
      break;
    case 'loadtextcontent':
    case 'loadjsoncontent': {
      // Read when the file compiles: a KQL script or a settings file beside the template is known.
      const path = args[0]?.kind === 'string' ? args[0].value : undefined;
      const content = path === undefined ? undefined : env.scope.options.loader.readText(path, env.scope);
      if (content === undefined) return unknown(loc);
      if (name === 'loadtextcontent') return str(content, loc);
      // A JSONPath selecting part of the file is not followed.
      return args.length > 1 ? unknown(loc) : apply('json', [str(content)], env, loc);
    }
  }
  return apply(name, args, env, loc);
}

/** Calls of user-defined functions deeper than this are unknown (Bicep forbids recursion; a broken file may still have it). */
const MAX_CALL_DEPTH = 32;
let callDepth = 0;

/** A function of the file (`func`), or one imported from another: its body with the arguments bound, in the scope of its file. */
function userFunction(symbol: BicepSymbol, expr: S.CallExpr, env: Env, loc: Loc): Value {
  let scope = env.scope;
  let decl: S.FuncDecl | undefined;
  if (symbol.kind === 'func') decl = symbol.decl;
  else if (symbol.kind === 'import' && symbol.name !== undefined) {
    const imported = env.scope.importedFrom(symbol);
    const exported = imported?.symbol(symbol.name);
    if (imported && exported?.kind === 'func') {
      scope = imported;
      decl = exported.decl;
    }
  }
  if (!decl || callDepth >= MAX_CALL_DEPTH) return unknown(loc);
  let locals: Locals | undefined;
  decl.params.forEach((p, i) => (locals = bind(locals, p.name.name, expr.args[i] ? evaluateExpr(expr.args[i], inner(env)) : unknown(loc))));
  callDepth++;
  try {
    return withLoc(evaluateExpr(decl.body, { scope, locals, origins: false }), loc);
  } finally {
    callDepth--;
  }
}

/** `map`, `filter`, `reduce` and `toObject` over a known array: the lambda's body for each item, with its parameters bound. */
function lambdaFunction(name: string, expr: S.CallExpr, env: Env, loc: Loc): Value | undefined {
  if (name !== 'map' && name !== 'filter' && name !== 'reduce' && name !== 'toobject') return undefined;
  const lambdaAt = name === 'reduce' ? 2 : 1;
  const lambda = expr.args[lambdaAt];
  if (lambda?.kind !== 'LambdaExpr') return undefined;
  const list = expr.args[0] ? evaluateExpr(expr.args[0], inner(env)) : unknown(loc);
  if (list.kind !== 'array' || list.items.length > MAX_UNROLLED) return list.input ? withInput(unknown(loc)) : unknown(loc);
  const invoke = (fn: S.LambdaExpr, values: Value[]): Value => {
    let locals = env.locals;
    fn.params.forEach((p, i) => (locals = bind(locals, p.name, values[i] ?? unknown(loc))));
    return evaluateExpr(fn.body, { scope: env.scope, locals, origins: false });
  };
  let result: Value;
  switch (name) {
    case 'map':
      result = arr(list.items.map((item, i) => invoke(lambda, [item, num(i)])), loc);
      break;
    case 'filter': {
      const kept: Value[] = [];
      for (let i = 0; i < list.items.length; i++) {
        const keep = truthiness(invoke(lambda, [list.items[i], num(i)]));
        // An item that may or may not stay makes the list unknown.
        if (keep === undefined) return unknown(loc);
        if (keep) kept.push(list.items[i]);
      }
      result = arr(kept, loc);
      break;
    }
    case 'reduce': {
      let current = expr.args[1] ? evaluateExpr(expr.args[1], inner(env)) : unknown(loc);
      list.items.forEach((item, i) => (current = invoke(lambda, [current, item, num(i)])));
      result = withLoc(current, loc);
      break;
    }
    default: {
      const valueLambda = expr.args[2]?.kind === 'LambdaExpr' ? expr.args[2] : undefined;
      const entries: ObjectEntry[] = [];
      for (const item of list.items) {
        const key = invoke(lambda, [item]);
        if (key.kind !== 'string') return unknown(loc);
        entries.push({ key: key.value, keyValue: key, value: valueLambda ? invoke(valueLambda, [item]) : item });
      }
      result = new PlainObject(entries, loc);
    }
  }
  return list.input ? withInput(result) : result;
}

const OPERATORS: Record<S.BinaryOperator, string> = {
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
  '+': 'add',
  '-': 'sub',
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  '==': 'equals',
  '!=': 'equals',
  '=~': 'equals',
  '!~': 'equals',
  '&&': 'and',
  '||': 'or',
  '??': 'coalesce',
};

function binary(expr: S.BinaryExpr, env: Env, loc: Loc): Value {
  let left = evaluateExpr(expr.left, inner(env));
  let right = evaluateExpr(expr.right, inner(env));
  if (expr.op === '=~' || expr.op === '!~') {
    left = left.kind === 'string' ? str(left.value.toLowerCase()) : left;
    right = right.kind === 'string' ? str(right.value.toLowerCase()) : right;
  }
  const result = apply(OPERATORS[expr.op], [left, right], env, loc);
  if (expr.op === '!=' || expr.op === '!~') return apply('not', [result], env, loc);
  return result;
}

function apply(name: string, args: Value[], env: Env, loc: Loc): Value {
  const fn = FUNCTIONS.get(name.toLowerCase());
  if (!fn) return unknown(loc);
  let result: Value;
  try {
    result = fn(args, env.scope, loc);
  } catch {
    result = unknown(loc);
  }
  return args.some((a) => a.input) ? withInput(result) : result;
}
