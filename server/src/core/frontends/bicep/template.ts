/**
 * Lowers a Bicep file into resources of the model: resources at the top and
 * nested in bodies, `parent:` and `scope:`, `existing`, conditions and
 * loops (one instance per item of a known list, as for ARM's `copy`; one
 * instance stands for any other loop), and modules whose file is beside it
 * or, for a registry module, in Bicep's module cache (each module
 * declaration, and each item of a module loop, a deployment of its own, with
 * the parameters it is given). Parameters come from their defaults, a
 * `.bicepparam` file, or an ARM parameters file. A module that cannot be read
 * is said where it is declared (`module-not-followed`).
 *
 * Modules are queued, not recursed into, so nesting depth costs no stack.
 */
import type { Cloud } from '../../clouds';
import { truthiness } from '../../evaluate/functions';
import { basenameOf, dirnameOf, Host } from '../../host';
import type { SourceDocument } from '../../model/document';
import { DeploymentScope, nameTextOf, Resource, typeKeyOf } from '../../model/resource';
import { Loc, Origin, str, unknown } from '../../model/values';
import { ArmLoadResult, loadArmTemplate, parametersFileNameFor, parseArmDocument, readParametersFile } from '../arm/template';
import type { ProvidedParameter } from '../arm/scope';
import { LoopBudget } from '../loops';
import type { LoadResult } from '../result';
import { Env, evaluate, Locals } from './evaluate';
import { parseBicep } from './parser';
import { BicepConfig, cachedModule, parseModuleReference, readBicepConfig } from './registry';
import { BicepScope, bodyOf, ModuleLoader, ModuleOutputSource, ModuleSymbol, ResourceInfo, targetScopeOf } from './scope';
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
      for (const deployment of unit.scope.moduleInstances(module)) {
        if (deploys(deployment.decl.value, unit.scope.moduleLocals(deployment), unit.scope)) loader.follow(deployment, unit.scope, resources);
      }
    }
  }
  loader.sayNotFollowed();
  return { kind: 'template', resources, documents, dependsOn: loader.dependsOn() };
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
  return { kind: 'template', resources: deployed.resources, documents: [doc, ...deployed.documents.filter((d) => d.id !== source.id)], dependsOn: deployed.dependsOn };
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
    loader: { outputsOf: () => undefined, importedScope: () => undefined, readText: () => undefined, loops: new LoopBudget() },
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

/** Whether a declaration (one instance of its loop, with the loop's names in `locals`) deploys: its condition is not known to be false. */
function deploys(value: S.Expr, locals: Locals | undefined, scope: BicepScope): boolean {
  const { condition } = bodyOf(value);
  if (!condition) return true;
  return truthiness(evaluate(condition, { scope, locals, origins: false })) !== false;
}

function lowerScope(scope: BicepScope, out: Resource[]): void {
  const doc = scope.doc;
  const container = originOf(doc, scope.options.program);
  const skipped = new Set<ResourceInfo>();
  for (const symbol of scope.resources) {
    for (const info of scope.instances(symbol)) {
      if ((info.within && skipped.has(info.within)) || !deploys(symbol.decl.value, info.locals, scope)) skipped.add(info);
      else out.push(instanceResource(scope, symbol.decl, info, symbol.parent === undefined, container));
    }
  }
}

/** The resource one instance of a declaration deploys. */
function instanceResource(scope: BicepScope, decl: S.ResourceDecl, info: ResourceInfo, topLevel: boolean, container: Origin): Resource {
  const doc = scope.doc;
  const bodyLoc = locOf(doc, info.body ?? decl);
  const body = info.body ? evaluate(info.body, { scope, locals: info.locals, origins: true }) : undefined;
  const nameNode = findProperty(info.body, 'name');
  return {
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
    symbol: topLevel ? decl.name.name : undefined,
  };
}

/** Registry and template-spec references (`br:…`, `br/public:…`, `ts:…`) are not on this disk. */
function isLocalPath(path: string): boolean {
  return !/^(br|ts)[:/]/i.test(path);
}

/** A key unique to one module declaration's deployment (one item's, in a module loop). */
function deploymentId(from: BicepScope, module: ModuleSymbol): string {
  return `${from.id}>${module.decl.name.name}@${module.decl.offset}${module.instance ? `[${module.instance.index}]` : ''}`;
}

interface Unit {
  scope: BicepScope;
  depth: number;
}

/** The file a module declaration deploys. */
interface ModuleFile {
  id: string;
  /** An ARM template (a `.json` file, or any registry module), not a Bicep file. */
  arm: boolean;
  reference: string;
  /** A template spec version, whose template is its `properties.mainTemplate`. */
  templateSpec?: boolean;
  /** For a registry module: the reference that brought it in from the cache, and the cache file's path. */
  restored?: { at: Loc; reference: string; path: string };
}

/** Why a module declaration's file cannot be said (an alias no bicepconfig.json defines…). */
type Unlocated = { problem: string };

/** Reads module files (each once) and makes a deployment per module declaration: a scope for a Bicep file, a loaded template for an ARM one. */
class Loader implements ModuleLoader {
  readonly units: Unit[] = [];
  readonly loops = new LoopBudget();
  private readonly depths = new Map<BicepScope, number>();
  private readonly files = new Map<ModuleSymbol, ModuleFile | Unlocated | null>();
  private readonly scopes = new Map<ModuleSymbol, BicepScope | null>();
  private readonly templates = new Map<ModuleSymbol, ArmLoadResult | null>();
  private readonly parsed = new Map<string, S.BicepDocument | null>();
  private readonly imports = new Map<string, BicepScope | null>();
  /** Files that were asked for and could not be read (or are not templates), by id, with why. */
  private readonly unreadable = new Map<string, string>();
  private readonly configs = new Map<string, BicepConfig>();
  private readonly configFiles = new Map<string, string | undefined>();
  private readonly notFollowed = new Map<string, Array<{ at: Loc; message: string }>>();

  constructor(
    private readonly options: BicepLoadOptions,
    private readonly documents: SourceDocument[],
  ) {}

  add(scope: BicepScope, depth: number): void {
    this.units.push({ scope, depth });
    this.depths.set(scope, depth);
  }

  /** Deploys a module: a Bicep file is queued as a scope of its own, an ARM template is read at once; one that cannot be read is said. */
  follow(module: ModuleSymbol, from: BicepScope, out: Resource[]): void {
    const file = this.fileOf(module, from);
    if (!file) return;
    if ('problem' in file) {
      this.notFollowedAt(module, from, `Module '${literalText(module.decl.path as S.Expr)}' is not followed: ${file.problem}. What it deploys is not checked.`);
      return;
    }
    if (file.arm) out.push(...(this.templateOf(module, from, file)?.resources ?? []));
    else this.scopeOf(module, from);
    const why = this.unreadable.get(file.id);
    if (why === undefined) return;
    this.notFollowedAt(
      module,
      from,
      file.restored
        ? `Registry module '${file.reference}' is not in the module cache (${file.restored.path}): \`bicep restore\` puts it there. What it deploys is not checked.`
        : `Module '${file.reference}' is not followed: ${why}. What it deploys is not checked.`,
    );
  }

  /** The outputs of a module's deployment, read when something reads them (before or after the module is followed). */
  outputsOf(module: ModuleSymbol, from: BicepScope): ModuleOutputSource | undefined {
    const file = this.fileOf(module, from);
    if (!file || 'problem' in file) return undefined;
    return file.arm ? this.templateOf(module, from, file)?.outputs : this.scopeOf(module, from);
  }

  private fileOf(module: ModuleSymbol, from: BicepScope): ModuleFile | Unlocated | undefined {
    const known = this.files.get(module);
    if (known !== undefined) return known ?? undefined;
    const file = this.locate(module, from);
    this.files.set(module, file ?? null);
    return file;
  }

  /** Where a module's file is: beside the declaring file, or in the module cache (as bicepconfig.json says) for a registry module. */
  private locate(module: ModuleSymbol, from: BicepScope): ModuleFile | Unlocated | undefined {
    const host = this.options.host;
    const reference = literalText(module.decl.path as S.Expr);
    if (!host || reference === undefined) return undefined;
    const parsed = parseModuleReference(reference);
    // As Bicep reads them: a `.json`, `.jsonc` or `.arm` file is an ARM template, anything else a Bicep file.
    if (parsed.kind === 'local') return { id: host.resolve(from.doc, reference), arm: /\.(jsonc?|arm)$/i.test(reference), reference };
    if (parsed.kind === 'unknown-scheme') return { problem: `Bicep knows no module scheme '${parsed.scheme}:' (only br: and ts:)` };
    if (!host.bicepCache) return { problem: 'where the module cache is, is not known here' };
    let config = this.configs.get(from.doc);
    if (!config) this.configs.set(from.doc, (config = readBicepConfig(from.doc, this.recording(host))));
    const cached = cachedModule(reference, parsed, config, host.bicepCache);
    if ('problem' in cached) return cached;
    return { id: cached.id, arm: true, reference, templateSpec: cached.templateSpec, restored: { at: locOf(from.doc, module.decl.path), reference, path: cached.path } };
  }

  private templateOf(module: ModuleSymbol, from: BicepScope, file: ModuleFile): ArmLoadResult | undefined {
    const known = this.templates.get(module);
    if (known !== undefined) return known ?? undefined;
    this.templates.set(module, null);
    const template = this.loadArm(module, from, file);
    this.templates.set(module, template ?? null);
    return template;
  }

  private loadArm(module: ModuleSymbol, from: BicepScope, file: ModuleFile): ArmLoadResult | undefined {
    const depth = (this.depths.get(from) ?? 0) + 1;
    if (depth > MAX_MODULE_DEPTH || this.units.length >= MAX_DEPLOYMENTS || !this.options.host) return undefined;
    const text = this.options.host.readFile(file.id);
    if (text === undefined) {
      this.unreadable.set(file.id, 'its file cannot be read');
      return undefined;
    }
    const result = loadArmTemplate(
      { id: file.id, text },
      {
        cloud: this.options.cloud,
        host: this.options.host,
        templateSpec: file.templateSpec,
        deployment: { provided: from.moduleParameters(module), placement: from.modulePlacement(module), id: deploymentId(from, module), name: from.moduleName(module) },
      },
    );
    if (result.kind !== 'template') {
      this.unreadable.set(file.id, 'its file is not an ARM template');
      return undefined;
    }
    // A template deployed by several modules is one document; one from the cache is shown where it was referenced.
    const restoredFor = file.restored && { at: file.restored.at, reference: file.restored.reference };
    for (const doc of result.documents) {
      if (!this.documents.some((d) => d.id === doc.id)) this.documents.push(restoredFor ? { ...doc, restoredFor } : doc);
    }
    return result;
  }

  /** The host, remembering what is read through it (bicepconfig.json files and their absence): see `dependsOn`. */
  private recording(host: Host): Host {
    return {
      readFile: (id) => {
        const text = host.readFile(id);
        this.configFiles.set(id, text);
        return text;
      },
      resolve: (from, relative) => host.resolve(from, relative),
    };
  }

  /** The files the analysis depends on besides its documents: configuration read, module files found missing. */
  dependsOn(): Array<{ id: string; text: string | undefined }> {
    const files = [...this.configFiles].map(([id, text]) => ({ id, text }));
    for (const id of this.unreadable.keys()) if (!this.configFiles.has(id)) files.push({ id, text: this.options.host?.readFile(id) });
    return files;
  }

  private notFollowedAt(module: ModuleSymbol, from: BicepScope, message: string): void {
    let list = this.notFollowed.get(from.doc);
    if (!list) this.notFollowed.set(from.doc, (list = []));
    list.push({ at: locOf(from.doc, module.decl.path), message });
  }

  /** Records on each document the modules it deploys that could not be read. */
  sayNotFollowed(): void {
    if (this.notFollowed.size === 0) return;
    for (let i = 0; i < this.documents.length; i++) {
      const list = this.notFollowed.get(this.documents[i].id);
      if (list) this.documents[i] = { ...this.documents[i], notFollowed: list };
    }
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

  private scopeOf(module: ModuleSymbol, from: BicepScope): BicepScope | undefined {
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
    const file = this.fileOf(module, from);
    if (!file || 'problem' in file || file.arm) return undefined;
    const tree = this.parse(file.id);
    if (!tree) return undefined;
    const placement: DeploymentScope = from.modulePlacement(module);
    const scope = new BicepScope({
      cloud: this.options.cloud,
      doc: file.id,
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
      this.unreadable.set(id, 'its file cannot be read');
      return undefined;
    }
    const { doc, tree } = parseBicepDocument({ id, text });
    this.documents.push(doc);
    this.parsed.set(id, tree);
    return tree;
  }
}
