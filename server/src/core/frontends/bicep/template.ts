/**
 * Lowers a Bicep file into resources of the model: resources at the top and
 * nested in bodies, `parent:` and `scope:`, `existing`, conditions and
 * loops (one instance stands for a loop, as for ARM's `copy`), and modules
 * whose file is beside it (each module declaration a deployment of its own,
 * with the parameters it is given). Parameters come from their defaults, a
 * `.bicepparam` file, or an ARM parameters file.
 *
 * Modules are queued, not recursed into, so nesting depth costs no stack.
 */
import type { Cloud } from '../../clouds';
import { truthiness } from '../../evaluate/functions';
import { basenameOf, dirnameOf, Host } from '../../host';
import type { SourceDocument } from '../../model/document';
import { DeploymentScope, nameTextOf, Resource, typeKeyOf } from '../../model/resource';
import { str, unknown } from '../../model/values';
import { loadArmTemplate, parametersFileNameFor, parseArmDocument, readParametersFile } from '../arm/template';
import type { ProvidedParameter } from '../arm/scope';
import type { LoadResult } from '../result';
import { Env, evaluate } from './evaluate';
import { parseBicep } from './parser';
import { BicepScope, bodyOf, ModuleLoader, ModuleSymbol, ResourceSymbol, targetScopeOf } from './scope';
import type * as S from './syntax';
import { BicepObject, findProperty, literalText, locOf, originOf } from './values';

export interface BicepSource {
  id: string;
  text: string;
}

export interface BicepLoadOptions {
  cloud: Cloud;
  /** A `.bicepparam` file, or an ARM parameters file (`.json`). */
  parameters?: BicepSource;
  /** Reads the files of modules; without it modules are not followed. */
  host?: Host;
}

/** Module deployments beyond this many are not followed (a guard against generated monsters). */
const MAX_DEPLOYMENTS = 500;
/** Modules nested deeper than this are not followed (Bicep rejects cycles; a broken file may still have one). */
const MAX_MODULE_DEPTH = 32;

export function isBicepId(id: string): boolean {
  return /\.bicep$/i.test(id);
}

export function isBicepParamsId(id: string): boolean {
  return /\.bicepparam$/i.test(id);
}

export function parseBicepDocument(source: BicepSource, language: 'bicep' | 'bicepparam' = 'bicep'): { doc: SourceDocument; tree: S.BicepDocument } {
  const tree = parseBicep(source.text);
  // Bicep's own `#disable-next-line` directives suppress findings as the comments do.
  const comments = tree.directives.length ? [...tree.comments, ...tree.directives].sort((a, b) => a.offset - b.offset) : tree.comments;
  const doc: SourceDocument = { id: source.id, text: source.text, language, comments, syntaxErrors: tree.errors, tree };
  return { doc, tree };
}

export function loadBicep(source: BicepSource, options: BicepLoadOptions): LoadResult {
  if (isBicepParamsId(source.id)) return loadParametersFile(source, options);
  const { doc, tree } = parseBicepDocument(source);
  const documents: SourceDocument[] = [doc];
  const provided = new Map<string, ProvidedParameter>();
  if (options.parameters) documents.push(readParameters(options.parameters, options.cloud, provided));

  const loader = new Loader(options, documents);
  const top = new BicepScope({
    cloud: options.cloud,
    doc: source.id,
    id: source.id,
    program: tree.program,
    placement: {
      subscription: unknown(undefined, { key: 'subscription' }),
      // Deployed at a subscription (or above), what it declares directly lives in no resource group.
      resourceGroup: unknown(undefined, { key: targetScopeOf(tree.program) === 'resourceGroup' ? 'resourceGroup' : `${source.id}:no-resource-group` }),
    },
    provided,
    deploymentName: unknown(undefined, { key: `${source.id}:deployment` }),
    loader,
  });
  loader.add(top, 0);
  const resources: Resource[] = [];
  for (let i = 0; i < loader.units.length; i++) {
    const unit = loader.units[i];
    lowerScope(unit.scope, resources);
    for (const module of unit.scope.modules) {
      if (deploys(module, unit.scope)) loader.follow(module, unit.scope, resources);
    }
  }
  return { kind: 'template', resources, documents };
}

/**
 * A `.bicepparam` file deploys the Bicep file its `using` names, with its
 * values (`dev.bicepparam` and `prod.bicepparam` beside `main.bicep`): that
 * deployment is analysed. The file of the same name as its template
 * (`main.bicepparam`) is read by the template's own analysis instead.
 */
function loadParametersFile(source: BicepSource, options: BicepLoadOptions): LoadResult {
  const { doc, tree } = parseBicepDocument(source, 'bicepparam');
  const using = tree.program.statements.find((s): s is S.UsingDecl => s.kind === 'UsingDecl');
  const path = using?.path && literalText(using.path as S.Expr);
  const host = options.host;
  const target = path && host && isBicepId(path) && isLocalPath(path) ? host.resolve(source.id, path) : undefined;
  const text = target && !isOwnParametersFile(source.id, target) ? host!.readFile(target) : undefined;
  if (!target || text === undefined) return { kind: 'parameters', resources: [], documents: [doc] };
  const deployed = loadBicep({ id: target, text }, { ...options, parameters: source });
  // This file first: a cache of analyses compares its own text first, the others through the host.
  return { kind: 'template', resources: deployed.resources, documents: [doc, ...deployed.documents.filter((d) => d.id !== source.id)] };
}

function isOwnParametersFile(parametersId: string, templateId: string): boolean {
  return dirnameOf(parametersId) === dirnameOf(templateId) && basenameOf(parametersId) === parametersFileNameFor(templateId);
}

/** Reads the parameters a `.bicepparam` or an ARM parameters file gives. */
function readParameters(source: BicepSource, cloud: Cloud, into: Map<string, ProvidedParameter>): SourceDocument {
  if (!isBicepParamsId(source.id)) {
    const parsed = parseArmDocument(source, 'arm-parameters');
    readParametersFile(parsed.json.root, source.id, into);
    return parsed.doc;
  }
  const { doc, tree } = parseBicepDocument(source, 'bicepparam');
  const scope = new BicepScope({
    cloud,
    doc: source.id,
    id: source.id,
    program: tree.program,
    placement: { subscription: unknown(undefined, { key: 'subscription' }), resourceGroup: unknown(undefined, { key: 'resourceGroup' }) },
    provided: new Map(),
    deploymentName: unknown(),
    loader: { scopeOf: () => undefined, importedScope: () => undefined, readText: () => undefined },
  });
  const env: Env = { scope, locals: undefined, origins: false };
  for (const statement of tree.program.statements) {
    if (statement.kind !== 'ParamDecl' || !statement.value) continue;
    into.set(statement.name.name.toLowerCase(), isSecret(statement.value) ? { secret: true } : { value: evaluate(statement.value, env) });
  }
  return doc;
}

/** `getSecret(…)` and `az.getSecret(…)`: a Key Vault secret, never known. */
function isSecret(value: S.Expr): boolean {
  return value.kind === 'CallExpr' && value.name.name.toLowerCase() === 'getsecret';
}

/** Whether a declaration deploys: its condition is not known to be false. */
function deploys(symbol: ResourceSymbol | ModuleSymbol, scope: BicepScope): boolean {
  const { condition } = bodyOf(symbol.decl.value);
  if (!condition) return true;
  const locals = symbol.kind === 'resource' ? scope.info(symbol)?.locals : undefined;
  return truthiness(evaluate(condition, { scope, locals, origins: false })) !== false;
}

function lowerScope(scope: BicepScope, out: Resource[]): void {
  const doc = scope.doc;
  const container = originOf(doc, scope.options.program);
  const skipped = new Set<ResourceSymbol>();
  for (const symbol of scope.resources) {
    const info = scope.info(symbol);
    if (!info) continue;
    if ((symbol.parent && skipped.has(symbol.parent)) || !deploys(symbol, scope)) {
      skipped.add(symbol);
      continue;
    }
    const decl = symbol.decl;
    const bodyLoc = locOf(doc, info.body ?? decl);
    const body = info.body ? evaluate(info.body, { scope, locals: info.locals, origins: true }) : undefined;
    const nameNode = findProperty(info.body, 'name');
    out.push({
      source: 'bicep',
      doc,
      type: info.type,
      typeKey: typeKeyOf(info.type),
      names: info.names,
      nameText: nameTextOf(info.names),
      nameLoc: locOf(doc, nameNode?.value ?? decl.name),
      loc: locOf(doc, decl),
      apiVersion: info.apiVersion === undefined ? undefined : str(info.apiVersion, locOf(doc, decl.type), decl.type.kind === 'StringLit' ? originOf(doc, { kind: 'TypeVersion', type: decl.type }) : undefined),
      body: body?.kind === 'object' ? body : new BicepObject([], body !== undefined, bodyLoc),
      scope: info.placement,
      extensionOf: info.extensionOf,
      extensionUnknown: info.extensionUnknown,
      memo: undefined,
      existing: decl.existing,
      container,
      symbol: symbol.parent ? undefined : decl.name.name,
    });
  }
}

/** A module's file, relative to the declaring one. */
function modulePath(module: ModuleSymbol): string | undefined {
  const path = literalText(module.decl.path as S.Expr);
  return path && isLocalPath(path) ? path : undefined;
}

/** Registry and template-spec references (`br:…`, `br/public:…`, `ts:…`) are not on this disk. */
function isLocalPath(path: string): boolean {
  return !/^(br|ts)[:/]/i.test(path);
}

/** A key unique to one module declaration's deployment. */
function deploymentId(from: BicepScope, module: ModuleSymbol): string {
  return `${from.id}>${module.decl.name.name}@${module.decl.offset}`;
}

interface Unit {
  scope: BicepScope;
  depth: number;
}

/** Reads module files (each once) and makes a deployment scope per module declaration. */
class Loader implements ModuleLoader {
  readonly units: Unit[] = [];
  private readonly depths = new Map<BicepScope, number>();
  private readonly scopes = new Map<ModuleSymbol, BicepScope | null>();
  private readonly parsed = new Map<string, S.BicepDocument | null>();
  private readonly imports = new Map<string, BicepScope | null>();

  constructor(
    private readonly options: BicepLoadOptions,
    private readonly documents: SourceDocument[],
  ) {}

  add(scope: BicepScope, depth: number): void {
    this.units.push({ scope, depth });
    this.depths.set(scope, depth);
  }

  /** Deploys a module: a Bicep file is queued as a scope of its own, an ARM template is read at once. */
  follow(module: ModuleSymbol, from: BicepScope, out: Resource[]): void {
    const path = modulePath(module);
    if (path && /\.jsonc?$/i.test(path)) this.loadArm(module, from, path, out);
    else this.scopeOf(module, from);
  }

  private loadArm(module: ModuleSymbol, from: BicepScope, path: string, out: Resource[]): void {
    const depth = (this.depths.get(from) ?? 0) + 1;
    if (depth > MAX_MODULE_DEPTH || this.units.length >= MAX_DEPLOYMENTS || !this.options.host) return;
    const id = this.options.host.resolve(from.doc, path);
    const text = this.options.host.readFile(id);
    if (text === undefined) return;
    const result = loadArmTemplate(
      { id, text },
      {
        cloud: this.options.cloud,
        host: this.options.host,
        deployment: { provided: from.moduleParameters(module), placement: from.modulePlacement(module), id: deploymentId(from, module), name: from.moduleName(module) },
      },
    );
    out.push(...result.resources);
    // A template deployed by several modules is one document.
    for (const doc of result.documents) if (!this.documents.some((d) => d.id === doc.id)) this.documents.push(doc);
  }

  readText(path: string, from: BicepScope): string | undefined {
    return this.options.host && isLocalPath(path) ? this.options.host.readFile(this.options.host.resolve(from.doc, path)) : undefined;
  }

  /** The file a compile-time import reads from, as a scope of its own (its variables are what is read), once per file. */
  importedScope(path: string, from: BicepScope): BicepScope | undefined {
    if (!this.options.host || !isLocalPath(path)) return undefined;
    const id = this.options.host.resolve(from.doc, path);
    const known = this.imports.get(id);
    if (known !== undefined) return known ?? undefined;
    const tree = this.parse(id);
    const scope = tree
      ? new BicepScope({ cloud: this.options.cloud, doc: id, id, program: tree.program, placement: from.scope, provided: new Map(), deploymentName: unknown(), loader: this })
      : undefined;
    this.imports.set(id, scope ?? null);
    return scope;
  }

  scopeOf(module: ModuleSymbol, from: BicepScope): BicepScope | undefined {
    const known = this.scopes.get(module);
    if (known !== undefined) return known ?? undefined;
    this.scopes.set(module, null);
    const scope = this.load(module, from);
    this.scopes.set(module, scope ?? null);
    return scope;
  }

  private load(module: ModuleSymbol, from: BicepScope): BicepScope | undefined {
    const depth = (this.depths.get(from) ?? 0) + 1;
    if (depth > MAX_MODULE_DEPTH || this.units.length >= MAX_DEPLOYMENTS) return undefined;
    const path = modulePath(module);
    if (!path || !this.options.host || !isBicepId(path)) return undefined;
    const id = this.options.host.resolve(from.doc, path);
    const tree = this.parse(id);
    if (!tree) return undefined;
    const placement: DeploymentScope = from.modulePlacement(module);
    const scope = new BicepScope({
      cloud: this.options.cloud,
      doc: id,
      id: deploymentId(from, module),
      program: tree.program,
      placement,
      provided: from.moduleParameters(module),
      deploymentName: from.moduleName(module),
      loader: this,
    });
    this.add(scope, depth);
    return scope;
  }

  private parse(id: string): S.BicepDocument | undefined {
    const known = this.parsed.get(id);
    if (known !== undefined) return known ?? undefined;
    const text = this.options.host!.readFile(id);
    if (text === undefined) {
      this.parsed.set(id, null);
      return undefined;
    }
    const { doc, tree } = parseBicepDocument({ id, text });
    this.documents.push(doc);
    this.parsed.set(id, tree);
    return tree;
  }
}
