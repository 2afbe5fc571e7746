/**
 * Lowers an ARM deployment template into resources of the model:
 * `resources` as an array or as symbolic names (language version 2.0),
 * child resources with relative types and names, the legacy
 * `Microsoft.X/y/providers/roleAssignments` form, extension resources with
 * `scope`, `condition`, `copy`, and nested deployments — inline (`inner` and
 * `outer` evaluation scope) or linked by a relative path.
 *
 * Nested templates are queued, not recursed into, so nesting depth costs no stack.
 */
import type { Cloud } from '../../clouds';
import { basenameOf, Host } from '../../host';
import { parseJson } from '../../json/parser';
import { patchJson, patchJsonInPlace, planPatch } from '../../json/patch';
import { findKeyIndices, findProperty, findValueIndex, JsonDocument, JsonNode, nodeOfIndex, stringAt, stringToken, Tape, TapeKind, valueIndexOf } from '../../json/tree';
import { nameCount, parseResourceId, ResourceRef, sameType, splitName } from '../../model/ids';
import type { SourceDocument } from '../../model/document';
import { DeploymentScope, nameTextOf, Resource, typeKeyOf } from '../../model/resource';
import { asString, isOneOf, Loc, Origin, str, unknown, Value } from '../../model/values';
import { truthiness } from '../../evaluate/functions';
import { lowerCase } from '../../text/case';
import { LoopBudget } from '../loops';
import type { LoadResult } from '../result';
import { detectArm } from './detect';
import { ArmScope, ProvidedParameter } from './scope';
import { ArmEnv, ArmObject, LazyOrigin, nodeValue, tapeLoc, valueAt } from './values';

export interface ArmSource {
  id: string;
  text: string;
}

export interface ArmLoadOptions {
  cloud: Cloud;
  /** A parameters file for the template (given, or found beside it by the caller). */
  parameters?: ArmSource;
  /** Reads linked templates (`templateLink.relativePath`); without it they are unknown. */
  host?: Host;
  /** The template is deployed by another (a Bicep module): its parameters' values, where it deploys, and a key for its unknowns. */
  deployment?: { provided: Map<string, ProvidedParameter>; placement: DeploymentScope; id: string; name: Value };
  /** The document is a template spec version (as Bicep's module cache keeps one): the template is its `properties.mainTemplate`. */
  templateSpec?: boolean;
  /** The parse of the template's text before an edit (an editor's previous version): a small edit is patched into it. */
  previous?: JsonDocument;
}

export interface ArmLoadResult extends LoadResult {
  /** The template's outputs, read by what deploys it (a Bicep module's `outputs`). */
  outputs?: { output(name: string): Value };
}

/** Nested deployments beyond this many are not followed (a guard against generated monsters); where they begin is said (`sayUnread`). */
const MAX_DEPLOYMENTS = 500;

export function parseArmDocument(source: ArmSource, language: SourceDocument['language'] = 'arm-template', previous?: JsonDocument): { doc: SourceDocument; json: JsonDocument } {
  const json = (previous && patchJson(previous, source.text)) ?? parseJson(source.text);
  const doc: SourceDocument = {
    id: source.id,
    text: source.text,
    language,
    comments: json.comments,
    syntaxErrors: json.errors,
    tree: json,
  };
  return { doc, json };
}

interface Unit {
  doc: string;
  template: JsonNode;
  /** Evaluates the template's expressions. */
  scope: ArmScope;
  /** Where its resources deploy (differs from `scope.scope` for an outer-scoped nested deployment). */
  placement: DeploymentScope;
  /** The name of the deployment that deploys it (none for the template itself). */
  declaredAt?: Loc;
  /** How many more copies the template and its nested deployments may unroll (shared by them all). */
  budget: LoopBudget;
}

/** The keys of a resource declaration the loader reads, found in one pass (`DeclarationKey` indexes them). */
const DECLARATION_KEYS = ['condition', 'copy', 'type', 'name', 'scope', 'resources', 'existing'];
const enum DeclarationKey {
  Condition,
  Copy,
  Type,
  Name,
  Scope,
  Resources,
  Existing,
}

/**
 * A resource declaration, read on the tape: `index` is its object, `keys` the
 * tape indexes of the values of DECLARATION_KEYS (-1 when absent).
 */
interface Declaration {
  tape: Tape;
  index: number;
  keys: Int32Array;
  unit: Unit;
  scope: ArmScope;
  type: string;
  names: Value[];
  symbol?: string;
  container: Origin;
  extensionOf?: ResourceRef;
  extensionUnknown?: boolean;
  /** The index of this copy of a copy loop unrolled over a known count; -1 outside one, or for the one that stands for a loop. */
  copy: number;
}

export function loadArmTemplate(source: ArmSource, options: ArmLoadOptions): ArmLoadResult {
  const { doc, json } = parseArmDocument(source, 'arm-template', options.previous);
  const root = options.templateSpec ? findProperty(findProperty(json.root, 'properties')?.value, 'mainTemplate')?.value : json.root;
  const detection = detectArm(root);
  if (detection.kind !== 'template') {
    doc.language = detection.kind === 'parameters' ? 'arm-parameters' : 'other';
    return { kind: detection.kind, resources: [], documents: [doc] };
  }
  const documents: SourceDocument[] = [doc];
  const provided = new Map<string, ProvidedParameter>();
  if (options.parameters) {
    const parsed = parseArmDocument(options.parameters, 'arm-parameters');
    documents.push(parsed.doc);
    readParametersFile(parsed.json.root, options.parameters.id, provided);
  }

  const top: DeploymentScope = options.deployment?.placement ?? {
    subscription: unknown(undefined, { key: 'subscription' }),
    resourceGroup: detection.targetScope === 'resourceGroup' ? unknown(undefined, { key: 'resourceGroup' }) : unknown(undefined, { key: `${source.id}:no-resource-group` }),
  };
  const scope = new ArmScope({
    cloud: options.cloud,
    doc: source.id,
    id: options.deployment?.id ?? source.id,
    deploymentScope: top,
    template: root,
    provided: options.deployment?.provided ?? provided,
    deploymentName: options.deployment?.name ?? unknown(undefined, { key: `${source.id}:deployment` }),
  });
  const queue: Unit[] = [{ doc: source.id, template: root!, scope, placement: top, budget: new LoopBudget() }];
  const resources: Resource[] = [];
  const seenLinks = new Set<string>([source.id]);
  for (let i = 0; i < queue.length && i < MAX_DEPLOYMENTS; i++) {
    lowerUnit(queue[i], resources, queue, documents, seenLinks, options);
  }
  const past = queue[MAX_DEPLOYMENTS]?.declaredAt;
  if (past) {
    const more = queue.length - MAX_DEPLOYMENTS - 1;
    sayUnread(documents, past, `nested deployments past the first ${MAX_DEPLOYMENTS}: this one${more ? `, ${more} more found, and what they nest` : ' and what it nests'}`);
  }
  // A template deployed by a Bicep module is read with its module: only a file of its own is updated on its own.
  return options.deployment ? { kind: 'template', resources, documents, outputs: scope } : new LoadedTemplate(resources, documents, json, queue[0]);
}

/** Records on its document that a part of it was not read. */
function sayUnread(documents: SourceDocument[], at: Loc, why: string): void {
  const i = documents.findIndex((d) => d.id === at.doc);
  if (i < 0) return;
  const doc = documents[i];
  documents[i] = { ...doc, unread: [...(doc.unread ?? []), { at, message: `Not analysed: ${why}.` }] };
}

/** A template read on its own, which an edit inside one value of one resource updates (see `update`). */
class LoadedTemplate implements ArmLoadResult {
  readonly kind = 'template';

  constructor(
    readonly resources: Resource[],
    readonly documents: SourceDocument[],
    private readonly json: JsonDocument,
    private readonly unit: Unit,
    /** The declarations read again since the template was read whole, by tape index (see `MAX_RETAINED_TEXT`). */
    readonly reread: ReadonlySet<number> = new Set(),
  ) {}

  update(text: string): ArmLoadResult | undefined {
    return updated(this, this.json, this.unit, text);
  }
}

/**
 * How much text, in characters, the declarations read again after edits may keep alive before the template is
 * read whole instead. The strings read from a declaration are cut from the text of that moment, and V8 keeps a
 * whole text alive for any piece of it: each declaration read again holds on to one version of the template (the
 * same declaration read again lets its previous version go). Reading the template whole lets them all go.
 */
const MAX_RETAINED_TEXT = 64 * 1024 * 1024;

/**
 * The template after an edit inside one value of one resource declaration
 * (a keystroke in a host name, `true` made `"true"`): the tape is patched in
 * place, that declaration is read again, and every other resource is kept
 * with what the rules remembered of it. Undefined, with nothing changed, for
 * any other edit: an edit in parameters or variables, in a declaration's
 * type, name, scope, condition or copy loop, in a nested deployment or in a
 * resource with child resources may change other resources too.
 */
function updated(previous: LoadedTemplate, json: JsonDocument, unit: Unit, text: string): ArmLoadResult | undefined {
  const patch = planPatch(json, text);
  if (!patch) return undefined;
  const tape = json.root!.tape;
  const t = patch.token;
  if (tape.kinds[t] === TapeKind.Key) return undefined;
  const resourcesAt = findValueIndex(tape, unit.template.index, 'resources');
  if (resourcesAt < 0 || t <= resourcesAt || t >= tape.skips[resourcesAt]) return undefined;
  const declaration = declarationsIn(tape, resourcesAt).find((d) => d.index < t && t < tape.skips[d.index])?.index;
  if (declaration === undefined) return undefined;
  const keys = declarationKeys(tape, declaration);
  if (keys[DeclarationKey.Copy] >= 0 || keys[DeclarationKey.Resources] >= 0) return undefined;
  for (const v of keys) if (v >= 0 && v <= t && t < tape.skips[v]) return undefined;
  const at = previous.resources.findIndex((r) => r.body instanceof ArmObject && r.body.tape === tape && r.body.index === declaration);
  const old = previous.resources[at];
  if (!old || sameType(old.type, 'Microsoft.Resources/deployments')) return undefined;
  const reread = new Set(previous.reread).add(declaration);
  if (reread.size > 1 && reread.size * text.length > MAX_RETAINED_TEXT) return undefined;

  patchJsonInPlace(json, patch);
  const d = declareOne(tape, declaration, keys, undefined, unit.scope, unit, old.symbol, old.container!, false);
  // Not reached when the checks above hold (the same declaration, read again); the caller then reads the file whole.
  if (!d) return undefined;
  const resources = [...previous.resources];
  resources[at] = resourceOf(d, unit);
  const [first, ...others] = previous.documents;
  const documents = [{ ...first, text, comments: json.comments, syntaxErrors: json.errors }, ...others];
  return new LoadedTemplate(resources, documents, json, unit, reread);
}

/** Reads `{ "parameters": { "x": { "value": … } } }`; Key Vault references stay secret. */
export function readParametersFile(root: JsonNode | undefined, id: string, into: Map<string, ProvidedParameter>): void {
  const parameters = findProperty(root, 'parameters')?.value;
  if (!parameters || parameters.type !== 'object') return;
  // Parameters files are data: their strings are not expressions.
  const env: ArmEnv = { scope: undefined as unknown as ArmScope, doc: id, expressions: false };
  for (const p of parameters.properties!) {
    if (!p.value || p.value.type !== 'object') continue;
    const value = findProperty(p.value, 'value')?.value;
    if (value) into.set(p.key.toLowerCase(), { value: nodeValue(value, env, false) });
    else if (findProperty(p.value, 'reference')) into.set(p.key.toLowerCase(), { secret: true });
  }
}

function lowerUnit(unit: Unit, out: Resource[], queue: Unit[], documents: SourceDocument[], seenLinks: Set<string>, options: ArmLoadOptions): void {
  const resourcesNode = findProperty(unit.template, 'resources')?.value;
  if (!resourcesNode) return;
  const declarations = declare(unit, resourcesNode.tape, resourcesNode.index);
  for (const d of declarations) {
    out.push(resourceOf(d, unit));
    if (sameType(d.type, 'Microsoft.Resources/deployments')) queueDeployment(d, unit, queue, documents, seenLinks, options);
  }
}

function resourceOf(d: Declaration, unit: Unit): Resource {
  const body = new ArmObject(d.tape, d.index, d.scope.envFor(unit.doc), true, false);
  const nameAt = d.keys[DeclarationKey.Name] >= 0 ? d.keys[DeclarationKey.Name] : d.keys[DeclarationKey.Type] >= 0 ? d.keys[DeclarationKey.Type] : d.index;
  return {
    source: 'arm',
    doc: unit.doc,
    type: d.type,
    typeKey: typeKeyOf(d.type),
    names: d.names,
    nameText: nameTextOf(d.names),
    nameLoc: tapeLoc(unit.doc, d.tape, nameAt),
    loc: tapeLoc(unit.doc, d.tape, d.index),
    apiVersion: body.get('apiVersion'),
    body,
    scope: unit.placement,
    // `existing` is rare (language version 2.0): the body is read for it only when the key is there.
    existing: d.keys[DeclarationKey.Existing] >= 0 && truthiness(body.get('existing') ?? str('false')) === true,
    container: d.container,
    symbol: d.symbol,
    // Always present, so that every resource has one shape for the code that reads thousands of them.
    extensionOf: d.extensionOf,
    extensionUnknown: d.extensionUnknown,
    memo: undefined,
  };
}

/** A declaration waiting on `declare`'s work list. */
interface Pending {
  index: number;
  parent: Declaration | undefined;
  symbol: string | undefined;
  container: Origin;
  scope: ArmScope;
}

/**
 * Collects the declarations of a `resources` array or object and their
 * children, parents first, with full types and names. Iterative: children are
 * pushed on a work list.
 */
function declare(unit: Unit, tape: Tape, resources: number): Declaration[] {
  const out: Declaration[] = [];
  const work: Pending[] = [];
  pushDeclarations(work, unit, tape, resources, undefined, unit.scope);
  while (work.length) {
    const item = work.pop()!;
    const keys = declarationKeys(tape, item.index);
    const first = out.length;
    if (keys[DeclarationKey.Copy] < 0) {
      const d = declareOne(tape, item.index, keys, item.parent, item.scope, unit, item.symbol, item.container);
      if (d) out.push(d);
    } else {
      declareCopies(tape, item.index, keys, item.parent, item.scope, unit, item.symbol, item.container, out);
    }
    const children = keys[DeclarationKey.Resources];
    // Each copy's children, the first copy's popped first.
    if (children >= 0) for (let k = out.length - 1; k >= first; k--) pushDeclarations(work, unit, tape, children, out[k], out[k].scope);
  }
  return out;
}

/**
 * The copies of a declaration with a `copy` loop: one per index when the count is known (within the loop bounds),
 * each with `copyIndex()` known; otherwise one that stands for the loop, whose index is unknown (but the same across reads).
 */
function declareCopies(
  tape: Tape,
  index: number,
  keys: Int32Array,
  parent: Declaration | undefined,
  parentScope: ArmScope,
  unit: Unit,
  symbol: string | undefined,
  container: Origin,
  out: Declaration[],
): void {
  const copy = keys[DeclarationKey.Copy];
  const copyName = stringAt(tape, findValueIndex(tape, copy, 'name')) ?? '';
  const countAt = findValueIndex(tape, copy, 'count');
  const count = countAt >= 0 ? valueAt(tape, countAt, parentScope.envFor(unit.doc), false, false) : undefined;
  if (count?.kind === 'number' && Number.isInteger(count.value) && count.value >= 0 && unit.budget.take(count.value)) {
    for (let i = 0; i < count.value; i++) {
      const d = declareOne(tape, index, keys, parent, parentScope.withCopy(copyName, i), unit, symbol, container, true, i);
      if (d) out.push(d);
    }
    return;
  }
  const standIn = parentScope.withCopy(copyName, unknown(undefined, { key: `${parentScope.id}:copy:${copyName}:${tape.starts[index]}` }));
  const d = declareOne(tape, index, keys, parent, standIn, unit, symbol, container);
  if (d) out.push(d);
}

/**
 * Pushes the declarations of a container on the work list, the last first, so that they are popped in document
 * order, each before what was pushed earlier (a parent's children before its next sibling). No closures here: this
 * runs once per analysis with a new one each time, which cost the loader its optimized code at every analysis.
 */
function pushDeclarations(work: Pending[], unit: Unit, tape: Tape, container: number, parent: Declaration | undefined, scope: ArmScope): void {
  const origin = new LazyOrigin(unit.doc, tape, container);
  const found = declarationsIn(tape, container);
  for (let i = found.length - 1; i >= 0; i--) work.push({ index: found[i].index, parent, symbol: found[i].symbol, container: origin, scope });
}

/**
 * The declarations of a `resources` container, in document order: the
 * objects of an array, or the object values of symbolic names (language
 * version 2.0), with the name.
 */
function declarationsIn(tape: Tape, container: number): Array<{ index: number; symbol: string | undefined }> {
  const found: Array<{ index: number; symbol: string | undefined }> = [];
  const stop = tape.skips[container];
  if (tape.kinds[container] === TapeKind.Array) {
    for (let c = container + 1; c < stop; c = tape.skips[c]) if (tape.kinds[c] === TapeKind.Object) found.push({ index: c, symbol: undefined });
  } else if (tape.kinds[container] === TapeKind.Object) {
    for (let k = container + 1; k < stop; k = tape.skips[k]) {
      const v = tape.kinds[k] === TapeKind.Key ? valueIndexOf(tape, k) : -1;
      if (v >= 0 && tape.kinds[v] === TapeKind.Object) found.push({ index: v, symbol: stringToken(tape, k) });
    }
  }
  return found;
}

/** The tape indexes of the values of DECLARATION_KEYS in a declaration (-1 when absent). */
function declarationKeys(tape: Tape, index: number): Int32Array {
  const keys = findKeyIndices(tape, index, DECLARATION_KEYS);
  for (let k = 0; k < keys.length; k++) keys[k] = valueIndexOf(tape, keys[k]);
  return keys;
}

/** One resource of a declaration, read in `scope` (a copy loop's scope knows its index); undefined when its condition is false or it has no type. */
function declareOne(
  tape: Tape,
  index: number,
  keys: Int32Array,
  parent: Declaration | undefined,
  scope: ArmScope,
  unit: Unit,
  symbol: string | undefined,
  container: Origin,
  /** False when a declaration is read again after an edit that left its name alone: the scope knows it already. */
  register = true,
  copy = -1,
): Declaration | undefined {
  const ownEnv = scope.envFor(unit.doc);
  const condition = keys[DeclarationKey.Condition];
  if (condition >= 0 && truthiness(valueAt(tape, condition, ownEnv, false, false)) === false) return undefined;

  const typeText = stringAt(tape, keys[DeclarationKey.Type]);
  if (!typeText) return undefined;
  const nameAt = keys[DeclarationKey.Name];
  const nameValue: Value = nameAt >= 0 ? valueAt(tape, nameAt, ownEnv, false, false) : unknown(tapeLoc(unit.doc, tape, index));
  let names = splitName(nameValue);
  let type = typeText;

  // A child written inside its parent has a relative type and name: no namespace (no dot) before the first slash.
  const dot = typeText.indexOf('.');
  const slash = typeText.indexOf('/');
  const relative = parent && (dot < 0 || (slash >= 0 && slash < dot));
  if (parent && relative) {
    type = `${parent.type}/${typeText}`;
    names = [...parent.names, ...names];
  }

  let extensionOf: ResourceRef | undefined;
  let extensionUnknown = false;
  // Legacy extension form: `Microsoft.Storage/storageAccounts/providers/roleAssignments`, named `sa/Microsoft.Authorization/guid`.
  const legacy = lowerCase(type).includes('/providers/') ? /^(.+?)\/providers\/(.+)$/i.exec(type) : null;
  if (legacy) {
    const parentType = legacy[1];
    const extensionTail = legacy[2];
    const parentNames = names.slice(0, nameCount(parentType));
    const rest = names.slice(nameCount(parentType));
    const namespace = asString(rest[0]);
    if (namespace && namespace.includes('.')) {
      type = `${namespace}/${extensionTail}`;
      names = rest.slice(1);
      extensionOf = { type: parentType, names: parentNames, subscription: unit.placement.subscription, resourceGroup: unit.placement.resourceGroup };
    } else {
      extensionUnknown = true;
      names = rest.slice(1);
      type = `Microsoft.Authorization/${extensionTail}`;
    }
  }
  names = fitNames(type, names, nameValue);

  const scopeAt = keys[DeclarationKey.Scope];
  if (scopeAt >= 0) {
    const ref = scopeRef(valueAt(tape, scopeAt, ownEnv, false, false), scope);
    if (ref) extensionOf = ref;
    else extensionUnknown = true;
  }

  const ref: ResourceRef = { type, names, subscription: unit.placement.subscription, resourceGroup: unit.placement.resourceGroup };
  const lastName = asString(names[names.length - 1]);
  if (register) {
    // A copy by its symbolic name and index (`hubs[0]`), as Bicep's compiled templates refer to one.
    unit.scope.declareResource(ref, symbol !== undefined && copy >= 0 ? `${symbol}[${copy}]` : symbol, lastName);
    if (nameValue.kind === 'string') unit.scope.declareResource(ref, undefined, nameValue.value);
  }
  return { tape, index, keys, unit, scope, type, names, symbol, container, extensionOf, extensionUnknown, copy };
}

/** A name with fewer segments than the type needs (a whole name from one parameter) gets unknown segments. */
function fitNames(type: string, names: Value[], whole: Value): Value[] {
  const wanted = nameCount(type);
  if (names.length === wanted || wanted === 0) return names;
  if (names.length > wanted) return names;
  const padded = [...names];
  while (padded.length < wanted) padded.unshift(unknown(whole.loc));
  return padded;
}

/** The resource an extension resource's `scope` names: an id, a relative id, or a symbolic name. */
function scopeRef(value: Value, scope: ArmScope): ResourceRef | undefined {
  if (value.kind === 'ref') return value.ref;
  const text = asString(value);
  if (text !== undefined && !text.includes('/')) return scope.resourceNamed(text);
  if (value.kind === 'string' || value.kind === 'unknown') {
    const ref = parseResourceId(value);
    if (ref && ref.resourceGroup === undefined && ref.level === undefined) {
      // A relative id names a resource of the deploying resource group.
      ref.subscription = scope.scope.subscription;
      ref.resourceGroup = scope.scope.resourceGroup;
    }
    return ref;
  }
  return undefined;
}

function queueDeployment(d: Declaration, unit: Unit, queue: Unit[], documents: SourceDocument[], seenLinks: Set<string>, options: ArmLoadOptions): void {
  const env = d.scope.envFor(unit.doc);
  // Deployments are few: their tree node is worth finding for the reads below.
  const node = nodeOfIndex(d.tape, d.index);
  const properties = findProperty(node, 'properties')?.value;
  if (!node || !properties) return;
  const rgNode = findProperty(node, 'resourceGroup')?.value;
  const subNode = findProperty(node, 'subscriptionId')?.value;
  const placement: DeploymentScope = {
    subscription: subNode ? nodeValue(subNode, env, false) : unit.placement.subscription,
    resourceGroup: rgNode ? nodeValue(rgNode, env, false) : unit.placement.resourceGroup,
  };
  // Each copy of a deployment in a copy loop is a deployment of its own.
  const id = `${unit.scope.id}>${d.names.map((n) => asString(n) ?? '?').join('/')}@${node.offset}${d.copy >= 0 ? `[${d.copy}]` : ''}`;

  let template = findProperty(properties, 'template')?.value;
  let doc = unit.doc;
  const evaluationScope = findProperty(findProperty(properties, 'expressionEvaluationOptions')?.value, 'scope')?.value;
  let inner = evaluationScope ? isOneOf(nodeValue(evaluationScope, env, false), 'inner') : false;
  if (!template) {
    // A linked template in the same repository: `templateLink.relativePath`.
    const relativePath = findProperty(findProperty(properties, 'templateLink')?.value, 'relativePath')?.value;
    const path = relativePath ? asString(nodeValue(relativePath, env, false)) : undefined;
    if (!path || !options.host) return;
    doc = options.host.resolve(unit.doc, path);
    if (seenLinks.has(doc)) return;
    seenLinks.add(doc);
    const text = options.host.readFile(doc);
    if (text === undefined) return;
    const parsed = parseArmDocument({ id: doc, text });
    documents.push(parsed.doc);
    if (detectArm(parsed.json.root).kind !== 'template') return;
    template = parsed.json.root;
    inner = true;
  }
  if (!template || template.type !== 'object') return;

  let scope = d.scope;
  if (inner) {
    const provided = new Map<string, ProvidedParameter>();
    for (const p of findProperty(properties, 'parameters')?.value?.properties ?? []) {
      if (!p.value) continue;
      if (p.value.type !== 'object') {
        // The whole entry computed (`[if(…, createObject('value', …), …)]`, as Bicep writes optional values): its `value`, if it can be read.
        const entry = nodeValue(p.value, env, false);
        provided.set(p.key.toLowerCase(), { value: (entry.kind === 'object' ? entry.raw('value') : undefined) ?? unknown(entry.loc) });
        continue;
      }
      const value = findProperty(p.value, 'value')?.value;
      if (value) provided.set(p.key.toLowerCase(), { value: nodeValue(value, env, false) });
      else if (findProperty(p.value, 'reference')) provided.set(p.key.toLowerCase(), { secret: true });
    }
    scope = new ArmScope({
      cloud: options.cloud,
      doc,
      id,
      deploymentScope: placement,
      template,
      provided,
      deploymentName: d.names[d.names.length - 1] ?? unknown(),
    });
  }
  const nameAt = d.keys[DeclarationKey.Name] >= 0 ? d.keys[DeclarationKey.Name] : d.index;
  queue.push({ doc, template, scope, placement, declaredAt: tapeLoc(unit.doc, d.tape, nameAt), budget: unit.budget });
}

/**
 * The parameters file a template's neighbours expect: `azuredeploy.json` →
 * `azuredeploy.parameters.json`, `main.bicep` → `main.bicepparam`.
 */
export function parametersFileNameFor(templateId: string): string {
  const base = basenameOf(templateId);
  return base.replace(/(\.jsonc?)$/i, '.parameters$1').replace(/\.bicep$/i, '.bicepparam');
}
