/**
 * The evaluation context of one Bicep file as one deployment: its symbols
 * (parameters, variables, resources, modules), the values given to its
 * parameters, and where it deploys. A resource's type, name and place are
 * worked out the first time something asks (its own lowering, or another
 * declaration's `parent:` or `hub.id`), whatever the order of declarations.
 */
import type { Cloud } from '../../clouds';
import type { EvalContext } from '../../evaluate/context';
import { nameCount, ResourceRef, splitName } from '../../model/ids';
import type { DeploymentScope } from '../../model/resource';
import { Loc, num, ObjectEntry, ObjectValue, present, unknown, Value, withInput, withKey, withLoc } from '../../model/values';
import type { ProvidedParameter } from '../arm/scope';
import type { LoopBudget } from '../loops';
import { bind, Env, evaluate, Locals, resourceOf } from './evaluate';
import type * as S from './syntax';
import { findProperty, literalText, locOf } from './values';

export interface ResourceSymbol {
  kind: 'resource';
  decl: S.ResourceDecl;
  /** The resource whose body declares this one (`parent::child`). */
  parent: ResourceSymbol | undefined;
  nested: Map<string, ResourceSymbol>;
}

export interface ModuleSymbol {
  kind: 'module';
  decl: S.ModuleDecl;
  /**
   * One deployment of a module loop unrolled over a known list: its position and the loop's names bound to its
   * item. Undefined for the declaration itself: it deploys once, or stands for a loop that is not unrolled.
   */
  instance?: { index: number; locals: Locals | undefined };
}

/** `import { name as alias } from 'file'`, and `import * as alias from 'file'` (`all`): compile-time imports of another file's exported variables. */
export interface ImportSymbol {
  kind: 'import';
  from: string | undefined;
  /** The exported name, or undefined for a wildcard import. */
  name: string | undefined;
}

export type BicepSymbol =
  | { kind: 'param'; decl: S.ParamDecl }
  | { kind: 'var'; decl: S.VarDecl }
  | { kind: 'func'; decl: S.FuncDecl }
  | ResourceSymbol
  | ModuleSymbol
  | ImportSymbol
  | { kind: 'other' };

/** What a resource declaration deploys, worked out once. */
export interface ResourceInfo {
  /** The full type, without the API version. */
  type: string;
  apiVersion: string | undefined;
  names: Value[];
  /** The `name` property as written (what `resource.name` reads). */
  nameValue: Value;
  ref: ResourceRef;
  body: S.ObjectExpr | undefined;
  /** `if (…)` before the body. */
  condition: S.Expr | undefined;
  /**
   * Loop variables of the declaration and of the resources it is nested in: the item and index of this instance,
   * or, in a loop that is not unrolled, unknown values of their own.
   */
  locals: Locals | undefined;
  placement: DeploymentScope;
  extensionOf?: ResourceRef;
  extensionUnknown: boolean;
  /** The instance of the resource whose body declares this one. */
  within: ResourceInfo | undefined;
  /** The position of this instance in its declaration's unrolled loop; undefined outside a loop, and for the one instance that stands for a loop. */
  index: number | undefined;
  /** The positions of the instance in the unrolled loops it is in (`[1]`, `[0][2]`), for the keys of its unknowns; empty outside them. */
  path: string;
}

/**
 * The instance of a looped declaration an expression names (`hubs[0]`), or undefined when the analysis cannot tell
 * which (an unknown index, a loop of several read without one): what is read through it is unknown, known by `key`
 * when the index is known by one, so that the same expression read twice is the same value.
 */
export interface Picked<T> {
  instance: T | undefined;
  key: string | undefined;
}

/** A resource an expression names: its declaration and the instance picked. */
export interface ResourceTarget extends Picked<ResourceInfo> {
  symbol: ResourceSymbol;
}

/** What a module's outputs are read from: the scope of its Bicep file, or its ARM template's. */
export interface ModuleOutputSource {
  output(name: string): Value;
}

/** Reads the files modules deploy and imports read from: one deployment per module declaration, one scope per imported file; undefined when the file cannot be read. */
export interface ModuleLoader {
  outputsOf(module: ModuleSymbol, from: BicepScope): ModuleOutputSource | undefined;
  importedScope(path: string, from: BicepScope): BicepScope | undefined;
  /** The text of a file beside the Bicep file (`loadTextContent`), read when it compiles. */
  readText(path: string, from: BicepScope): string | undefined;
  /** How many more loop instances the analysis unrolls, shared by the file and its modules. */
  readonly loops: LoopBudget;
}

export interface BicepScopeOptions {
  cloud: Cloud;
  doc: string;
  /** A key unique to this deployment, so unknowns of two deployments never compare equal. */
  id: string;
  program: S.Program;
  placement: DeploymentScope;
  /** The parameters' values given (by a module's caller, a parameters file): one not given takes its default, is null when its type allows null, and is otherwise a deployment input, unknown. */
  provided: Map<string, ProvidedParameter>;
  deploymentName: Value;
  loader: ModuleLoader;
}

/** The parts of a resource or module declaration's value: `if (…) {…}`, `[for … in …: {…}]`, or `{…}`. */
export function bodyOf(value: S.Expr): { object?: S.ObjectExpr; condition?: S.Expr; loop?: S.ForExpr } {
  let loop: S.ForExpr | undefined;
  let condition: S.Expr | undefined;
  let v = value;
  if (v.kind === 'ForExpr') {
    loop = v;
    v = v.body;
  }
  if (v.kind === 'IfExpr') {
    condition = v.condition;
    v = v.body;
  }
  return { object: v.kind === 'ObjectExpr' ? v : undefined, condition, loop };
}

/** `targetScope = 'subscription'`…; a file deploys to a resource group unless it says otherwise. */
export function targetScopeOf(program: S.Program): string {
  for (const statement of program.statements) {
    if (statement.kind === 'TargetScopeDecl') return literalText(statement.value) ?? 'resourceGroup';
  }
  return 'resourceGroup';
}

export class BicepScope implements EvalContext {
  private readonly symbols = new Map<string, BicepSymbol>();
  private readonly outputs = new Map<string, S.OutputDecl>();
  /** Every resource declaration, parents before what they declare. */
  readonly resources: ResourceSymbol[] = [];
  readonly modules: ModuleSymbol[] = [];
  private readonly values = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  /** null while being worked out (a cycle reads it as no instance). */
  private readonly infos = new Map<ResourceSymbol, ResourceInfo[] | null>();
  private readonly moduleDeployments = new Map<ModuleSymbol, ModuleSymbol[]>();
  private readonly ownEnv: Env = { scope: this, locals: undefined, origins: false };

  constructor(readonly options: BicepScopeOptions) {
    for (const statement of options.program.statements) {
      switch (statement.kind) {
        case 'ParamDecl':
          this.define(statement.name.name, { kind: 'param', decl: statement });
          break;
        case 'VarDecl':
          this.define(statement.name.name, { kind: 'var', decl: statement });
          break;
        case 'ResourceDecl':
          this.declareResources(statement);
          break;
        case 'ModuleDecl': {
          const module: ModuleSymbol = { kind: 'module', decl: statement };
          this.define(statement.name.name, module);
          this.modules.push(module);
          break;
        }
        case 'OutputDecl':
          this.outputs.set(statement.name.name, statement);
          break;
        case 'FuncDecl':
          this.define(statement.name.name, { kind: 'func', decl: statement });
          break;
        case 'TypeDecl':
          this.define(statement.name.name, { kind: 'other' });
          break;
        case 'ImportDecl': {
          const from = literalText(statement.from as S.Expr);
          for (const s of statement.symbols ?? []) {
            const name = s.name.kind === 'Identifier' ? s.name.name : literalText(s.name);
            const alias = s.alias?.name ?? name;
            if (alias) this.define(alias, { kind: 'import', from, name });
          }
          if (statement.wildcardAlias) this.define(statement.wildcardAlias.name, { kind: 'import', from, name: undefined });
          break;
        }
        case 'ExtensionDecl':
          if (statement.alias) this.define(statement.alias.name, { kind: 'other' });
          break;
      }
    }
  }

  /** The first declaration of a name wins (Bicep rejects a second). */
  private define(name: string, symbol: BicepSymbol): void {
    if (name && !this.symbols.has(name)) this.symbols.set(name, symbol);
  }

  /** A resource and those declared in its body, parents first. */
  private declareResources(top: S.ResourceDecl): void {
    const work: Array<{ decl: S.ResourceDecl; parent: ResourceSymbol | undefined }> = [{ decl: top, parent: undefined }];
    for (let i = 0; i < work.length; i++) {
      const { decl, parent } = work[i];
      const symbol: ResourceSymbol = { kind: 'resource', decl, parent, nested: new Map() };
      if (parent) {
        if (!parent.nested.has(decl.name.name)) parent.nested.set(decl.name.name, symbol);
      } else {
        this.define(decl.name.name, symbol);
      }
      this.resources.push(symbol);
      for (const member of bodyOf(decl.value).object?.properties ?? []) {
        if (member.kind === 'ResourceDecl') work.push({ decl: member, parent: symbol });
      }
    }
  }

  get cloud(): Cloud {
    return this.options.cloud;
  }

  get doc(): string {
    return this.options.doc;
  }

  get id(): string {
    return this.options.id;
  }

  /** Where this file deploys (`resourceGroup()` and `subscription()` describe it). */
  get scope(): DeploymentScope {
    return this.options.placement;
  }

  get deploymentName(): Value {
    return this.options.deploymentName;
  }

  symbol(name: string): BicepSymbol | undefined {
    return this.symbols.get(name);
  }

  /** A value worked out once; a cycle reads it as the fallback. */
  private memo(key: string, fallback: Value, compute: () => Value): Value {
    const known = this.values.get(key);
    if (known) return known;
    if (this.evaluating.has(key)) return fallback;
    this.evaluating.add(key);
    let value: Value;
    try {
      value = compute();
    } finally {
      this.evaluating.delete(key);
    }
    this.values.set(key, value);
    return value;
  }

  parameter(name: string): Value {
    const key = `${this.id}:parameters:${name.toLowerCase()}`;
    const fallback = unknown(undefined, { key });
    return this.memo(`p:${name}`, withInput(fallback), () => {
      const provided = this.options.provided.get(name.toLowerCase());
      const symbol = this.symbols.get(name);
      let value: Value = fallback;
      if (provided) value = 'value' in provided ? provided.value : fallback;
      else if (symbol?.kind === 'param' && symbol.decl.value) value = evaluate(symbol.decl.value, this.ownEnv);
      // A nullable parameter left out is null, as if null were its default: the property it sets is absent.
      else if (symbol?.kind === 'param' && symbol.decl.type?.kind === 'NullableType') value = { kind: 'null', loc: locOf(this.doc, symbol.decl.name) };
      return withInput(withKey(value, key));
    });
  }

  variable(name: string): Value {
    const key = `${this.id}:variables:${name}`;
    const fallback = unknown(undefined, { key });
    return this.memo(`v:${name}`, fallback, () => {
      const symbol = this.symbols.get(name);
      return symbol?.kind === 'var' ? withKey(evaluate(symbol.decl.value, this.ownEnv), key) : fallback;
    });
  }

  output(name: string): Value {
    const key = `${this.id}:outputs:${name}`;
    const fallback = unknown(undefined, { key });
    return this.memo(`o:${name}`, fallback, () => {
      const decl = this.outputs.get(name);
      return decl ? withKey(evaluate(decl.value, this.ownEnv), key) : fallback;
    });
  }

  /** The file an import names, as a scope of its own. */
  importedFrom(symbol: ImportSymbol): BicepScope | undefined {
    return symbol.from === undefined ? undefined : this.options.loader.importedScope(symbol.from, this);
  }

  /** An exported variable of an imported file, known when the file is read. */
  imported(symbol: ImportSymbol, name: string): Value {
    const scope = this.importedFrom(symbol);
    return scope ? scope.variable(name) : unknown(undefined, { key: `${this.id}:import:${symbol.from}:${name}` });
  }

  copyIndex(): Value {
    return unknown(undefined, { key: `${this.id}:copyIndex` });
  }

  resourceNamed(): ResourceRef | undefined {
    // Bicep refers to resources by symbol, never by a name in a string.
    return undefined;
  }

  /**
   * The instances of a resource declaration: one per item of a loop over a known list (within the loop bounds),
   * and a declaration nested in a resource's body once per instance of that resource; otherwise one, which
   * stands for a loop that is not unrolled. Worked out once.
   */
  instances(resource: ResourceSymbol): readonly ResourceInfo[] {
    const known = this.infos.get(resource);
    if (known !== undefined) return known ?? NO_INSTANCES;
    this.infos.set(resource, null);
    const out: ResourceInfo[] = [];
    const loop = bodyOf(resource.decl.value).loop;
    const parents = resource.parent ? this.instances(resource.parent) : OUTSIDE;
    for (const within of parents) {
      const outer = within?.locals;
      const path = within?.path ?? '';
      const items = loop && this.loopItems(loop, outer);
      if (items) {
        for (let i = 0; i < items.length; i++) pushDefined(out, this.declare(resource, within, itemLocals(loop, outer, items[i], i), i, `${path}[${i}]`));
      } else {
        pushDefined(out, this.declare(resource, within, loop ? this.loopLocals(loop, resource.decl, outer, path) : outer, undefined, path));
      }
    }
    this.infos.set(resource, out);
    return out;
  }

  /** The instance `resource` (`index` undefined) or `resource[index]` names. */
  pickResource(resource: ResourceSymbol, index: Value | undefined): ResourceTarget {
    const picked = pick(this.instances(resource), (info) => info.index, index, `${this.id}:resource:${resource.decl.name.name}`);
    return { symbol: resource, instance: picked.instance, key: picked.key };
  }

  /** The items of a loop over a known list that the loop bounds let be unrolled; undefined for any other loop. */
  private loopItems(loop: S.ForExpr, outer: Locals | undefined): readonly Value[] | undefined {
    const list = evaluate(loop.iterable, { scope: this, locals: outer, origins: false });
    if (list.kind !== 'array' || !this.options.loader.loops.take(list.items.length)) return undefined;
    // Items of a list that a deployment input gives depend on it, as the list does.
    return list.input ? list.items.map(withInput) : list.items;
  }

  private declare(resource: ResourceSymbol, lexicalParent: ResourceInfo | undefined, locals: Locals | undefined, index: number | undefined, path: string): ResourceInfo | undefined {
    const decl = resource.decl;
    const typeText = literalText(decl.type as S.Expr);
    if (!typeText) return undefined;
    const at = typeText.indexOf('@');
    let type = at >= 0 ? typeText.slice(0, at) : typeText;
    const apiVersion = at >= 0 ? typeText.slice(at + 1) : undefined;
    const { object, condition } = bodyOf(decl.value);
    const env: Env = { scope: this, locals, origins: false };

    const nameProperty = findProperty(object, 'name');
    const nameValue = nameProperty ? evaluate(nameProperty.value, env) : unknown(locOf(this.doc, decl.name));
    let parent = lexicalParent;
    if (lexicalParent) {
      // A nested declaration may give its type relative to its parent's (`containers@…`): no namespace before the first slash.
      const dot = type.indexOf('.');
      const slash = type.indexOf('/');
      if (dot < 0 || (slash >= 0 && slash < dot)) type = `${lexicalParent.type}/${type}`;
    } else {
      const parentProperty = findProperty(object, 'parent');
      parent = parentProperty ? resourceOf(parentProperty.value, env)?.instance : undefined;
    }
    let names = parent ? [...parent.names, nameValue] : splitName(nameValue);
    // A parent that cannot be read leaves its names unknown.
    while (names.length < nameCount(type)) names = [unknown(nameValue.loc), ...names];

    let placement = parent?.placement ?? this.scope;
    let extensionOf: ResourceRef | undefined;
    let extensionUnknown = false;
    const scopeProperty = findProperty(object, 'scope');
    if (scopeProperty) {
      const target = resourceOf(scopeProperty.value, env);
      const placed = target ? undefined : this.placementOf(scopeProperty.value, env);
      if (target) {
        extensionOf = target.instance?.ref;
        extensionUnknown = !extensionOf;
      } else if (placed) {
        placement = placed;
      } else {
        const value = evaluate(scopeProperty.value, env);
        if (value.kind === 'ref') extensionOf = value.ref;
        else extensionUnknown = true;
      }
    }
    const ref: ResourceRef = { type, names, subscription: placement.subscription, resourceGroup: placement.resourceGroup };
    return { type, apiVersion, names, nameValue, ref, body: object, condition, locals, placement, extensionOf, extensionUnknown, within: lexicalParent, index, path };
  }

  /** `resourceGroup('rg')`, `subscription('id')`, a resource group declared here…: a deployment scope elsewhere. Undefined for anything else. */
  placementOf(expr: S.Expr, env: Env): DeploymentScope | undefined {
    const group = resourceOf(expr, env);
    if (group) {
      // A resource group declared by a subscription-level file: `scope: rg`.
      const info = group.instance;
      return info?.type.toLowerCase() === 'microsoft.resources/resourcegroups' ? { subscription: info.placement.subscription, resourceGroup: info.nameValue } : undefined;
    }
    if (expr.kind !== 'CallExpr') return undefined;
    if (expr.object && !(expr.object.kind === 'Identifier' && expr.object.name === 'az')) return undefined;
    const args = expr.args.map((a) => evaluate(a, env));
    const none = unknown(undefined, { key: `${this.id}:no-resource-group` });
    switch (expr.name.name.toLowerCase()) {
      case 'resourcegroup':
        if (args.length === 0) return this.scope;
        return { subscription: args.length > 1 ? args[0] : this.scope.subscription, resourceGroup: args[args.length - 1] };
      case 'subscription':
        return { subscription: args[0] ?? this.scope.subscription, resourceGroup: none };
      case 'tenant':
      case 'managementgroup':
        return { subscription: unknown(undefined, { key: `${this.id}:no-subscription` }), resourceGroup: none };
      default:
        return undefined;
    }
  }

  /** The values a module declaration gives to its file's parameters (`params: {…}`). */
  moduleParameters(module: ModuleSymbol): Map<string, ProvidedParameter> {
    const provided = new Map<string, ProvidedParameter>();
    const params = findProperty(bodyOf(module.decl.value).object, 'params')?.value;
    if (params?.kind !== 'ObjectExpr') return provided;
    const value = evaluate(params, this.moduleEnv(module));
    if (value.kind !== 'object') return provided;
    for (const entry of value.entries()) if (entry.key !== undefined) provided.set(entry.key.toLowerCase(), { value: entry.value });
    return provided;
  }

  /** Where a module deploys: its `scope:`, or where this file deploys. */
  modulePlacement(module: ModuleSymbol): DeploymentScope {
    const scope = findProperty(bodyOf(module.decl.value).object, 'scope')?.value;
    return (scope && this.placementOf(scope, this.moduleEnv(module))) ?? this.scope;
  }

  moduleName(module: ModuleSymbol): Value {
    const name = findProperty(bodyOf(module.decl.value).object, 'name')?.value;
    return name ? evaluate(name, this.moduleEnv(module)) : unknown(locOf(this.doc, module.decl.name), { key: moduleKey(this, module) });
  }

  /** One output of a module's file. */
  moduleOutput(module: ModuleSymbol, name: string): Value {
    const scope = this.options.loader.outputsOf(module, this);
    return scope ? scope.output(name) : unknown(undefined, { key: `${moduleKey(this, module)}:outputs:${name}` });
  }

  /** `module.outputs`: what the module's file outputs, read when asked. */
  moduleOutputs(module: ModuleSymbol, loc: Loc): Value {
    const scope = this.options.loader.outputsOf(module, this);
    return scope ? new ModuleOutputs(scope, loc) : unknown(loc, { key: `${moduleKey(this, module)}:outputs` });
  }

  /**
   * The deployments of a module declaration: one per item of a loop over a known list (within the loop bounds),
   * each with the parameters, name and scope worked out from its item; otherwise the declaration itself. Worked out once.
   */
  moduleInstances(module: ModuleSymbol): readonly ModuleSymbol[] {
    let deployments = this.moduleDeployments.get(module);
    if (!deployments) {
      const loop = bodyOf(module.decl.value).loop;
      const items = loop && this.loopItems(loop, undefined);
      deployments = items ? items.map((item, index) => ({ kind: 'module', decl: module.decl, instance: { index, locals: itemLocals(loop, undefined, item, index) } })) : [module];
      this.moduleDeployments.set(module, deployments);
    }
    return deployments;
  }

  /** The deployment `module` (`index` undefined) or `module[index]` names. */
  pickModule(module: ModuleSymbol, index: Value | undefined): Picked<ModuleSymbol> {
    return pick(this.moduleInstances(module), (m) => m.instance?.index, index, moduleKey(this, module));
  }

  /** The loop's names as a module deployment sees them: its item, or unknowns of their own in a loop that is not unrolled. */
  moduleLocals(module: ModuleSymbol): Locals | undefined {
    if (module.instance) return module.instance.locals;
    const loop = bodyOf(module.decl.value).loop;
    return loop ? this.loopLocals(loop, module.decl, undefined, '') : undefined;
  }

  private moduleEnv(module: ModuleSymbol): Env {
    const locals = this.moduleLocals(module);
    return locals ? { scope: this, locals, origins: false } : this.ownEnv;
  }

  /** The item and index of a declaration's loop when it is not unrolled: one instance stands for all, so each is an unknown value known by its place. */
  private loopLocals(loop: S.ForExpr, decl: S.Node, next: Locals | undefined, path: string): Locals | undefined {
    const key = `${this.id}:loop:${decl.offset}${path}`;
    let locals = next;
    if (loop.item) locals = bind(locals, loop.item.name, unknown(undefined, { key: `${key}:item` }));
    if (loop.index) locals = bind(locals, loop.index.name, unknown(undefined, { key: `${key}:index` }));
    return locals;
  }
}

const NO_INSTANCES: readonly ResourceInfo[] = [];
/** What a declaration outside any resource's body is nested in: nothing, once. */
const OUTSIDE: readonly undefined[] = [undefined];

function pushDefined<T>(out: T[], value: T | undefined): void {
  if (value !== undefined) out.push(value);
}

/** The locals of one item of an unrolled loop: its item and index bound. */
function itemLocals(loop: S.ForExpr, outer: Locals | undefined, item: Value, index: number): Locals | undefined {
  let locals = outer;
  if (loop.item) locals = bind(locals, loop.item.name, item);
  if (loop.index) locals = bind(locals, loop.index.name, num(index));
  return locals;
}

/** A key of a module deployment's unknowns: its declaration's, and its position in an unrolled loop. */
function moduleKey(scope: BicepScope, module: ModuleSymbol): string {
  return `${scope.id}:module:${module.decl.name.name}${module.instance ? `[${module.instance.index}]` : ''}`;
}

/**
 * The instance an expression names among a declaration's instances. One that stands for a loop (or the
 * declaration outside one) is named whatever the index; instances of an unrolled loop are named by a known index,
 * and a declaration with exactly one instance by its symbol alone.
 */
function pick<T>(instances: readonly T[], indexOf: (instance: T) => number | undefined, index: Value | undefined, base: string): Picked<T> {
  if (instances.length === 1 && indexOf(instances[0]) === undefined) return { instance: instances[0], key: undefined };
  if (index === undefined) return instances.length === 1 ? { instance: instances[0], key: undefined } : { instance: undefined, key: base };
  if (index.kind === 'number') {
    // An unrolled loop's instances are in the order of their items: the one at the index is usually the one.
    const at = instances[index.value];
    return { instance: at !== undefined && indexOf(at) === index.value ? at : instances.find((i) => indexOf(i) === index.value), key: undefined };
  }
  return { instance: undefined, key: index.kind === 'unknown' && index.key !== undefined ? `${base}[${index.key}]` : undefined };
}

/** The outputs of a module's file, each evaluated when read. */
class ModuleOutputs implements ObjectValue {
  readonly kind = 'object';

  constructor(
    private readonly scope: ModuleOutputSource,
    readonly loc: Loc,
  ) {}

  get(key: string): Value | undefined {
    return present(this.raw(key));
  }

  raw(key: string): Value | undefined {
    return withLoc(this.scope.output(key), this.loc);
  }

  entries(): readonly ObjectEntry[] {
    return [];
  }

  keyLoc(): Loc | undefined {
    return undefined;
  }
}
