/**
 * The evaluation context of one template: its parameters (with values from a
 * parameters file or a parent deployment), its variables, its resources by
 * symbolic name, the copy loop being unrolled, and where it deploys.
 */
import type { Cloud } from '../../clouds';
import type { EvalContext } from '../../evaluate/context';
import { JsonNode, findProperty } from '../../json/tree';
import type { ResourceRef } from '../../model/ids';
import type { DeploymentScope } from '../../model/resource';
import { arr, unknown, Value, withInput, withKey } from '../../model/values';
import { ArmEnv, locOf, nodeValue } from './values';

/** A parameter's value given from outside: a parameters file, or `properties.parameters` of a parent deployment. */
export type ProvidedParameter = { value: Value } | { secret: true };

export interface ScopeOptions {
  cloud: Cloud;
  doc: string;
  /** A key unique to this template's deployment, so unknowns of two deployments never compare equal. */
  id: string;
  deploymentScope: DeploymentScope;
  template: JsonNode | undefined;
  provided: Map<string, ProvidedParameter>;
  deploymentName: Value;
}

/** Copy loops of variables and properties are unrolled up to this count. */
const MAX_VARIABLE_COPIES = 200;

interface Shared {
  options: ScopeOptions;
  parameters: Map<string, JsonNode>;
  variables: Map<string, JsonNode>;
  variableCopies: Map<string, JsonNode>;
  parameterValues: Map<string, Value>;
  variableValues: Map<string, Value>;
  evaluating: Set<string>;
  symbols: Map<string, ResourceRef>;
  /** Every declared resource and its name, as ref, name, ref, name…; `names` indexes the first `namesIndexed` slots. */
  declared: Array<ResourceRef | string>;
  names: Map<string, ResourceRef>;
  namesIndexed: number;
}

export class ArmScope implements EvalContext {
  private readonly shared: Shared;
  private readonly copies: ReadonlyMap<string, Value>;
  private readonly innermostCopy: string | undefined;

  constructor(options: ScopeOptions, shared?: Shared, copies?: ReadonlyMap<string, Value>, innermostCopy?: string) {
    this.shared = shared ?? ArmScope.share(options);
    this.copies = copies ?? new Map();
    this.innermostCopy = innermostCopy;
  }

  private static share(options: ScopeOptions): Shared {
    const parameters = new Map<string, JsonNode>();
    const variables = new Map<string, JsonNode>();
    const variableCopies = new Map<string, JsonNode>();
    const template = options.template;
    for (const p of findProperty(template, 'parameters')?.value?.properties ?? []) {
      if (p.value) parameters.set(p.key.toLowerCase(), p.value);
    }
    for (const v of findProperty(template, 'variables')?.value?.properties ?? []) {
      if (!v.value) continue;
      if (v.key.toLowerCase() === 'copy' && v.value.type === 'array') {
        for (const copy of v.value.items!) {
          const name = findProperty(copy, 'name')?.value;
          if (name?.type === 'string') variableCopies.set((name.value as string).toLowerCase(), copy);
        }
        continue;
      }
      variables.set(v.key.toLowerCase(), v.value);
    }
    return {
      options,
      parameters,
      variables,
      variableCopies,
      parameterValues: new Map(),
      variableValues: new Map(),
      evaluating: new Set(),
      symbols: new Map(),
      declared: [],
      names: new Map(),
      namesIndexed: 0,
    };
  }

  get cloud(): Cloud {
    return this.shared.options.cloud;
  }

  get scope(): DeploymentScope {
    return this.shared.options.deploymentScope;
  }

  get deploymentName(): Value {
    return this.shared.options.deploymentName;
  }

  get id(): string {
    return this.shared.options.id;
  }

  get doc(): string {
    return this.shared.options.doc;
  }

  private ownEnv: ArmEnv | undefined;

  /** How expressions are read in this scope and a document: one object per scope, not one per value read. */
  envFor(doc: string): ArmEnv {
    if (this.ownEnv?.doc !== doc) this.ownEnv = { scope: this, doc, expressions: true };
    return this.ownEnv;
  }

  private env(): ArmEnv {
    return this.envFor(this.shared.options.doc);
  }

  /** The same template, inside one more iteration of a copy loop. */
  withCopy(loop: string, index: Value | number): ArmScope {
    const copies = new Map(this.copies);
    copies.set(loop.toLowerCase(), typeof index === 'number' ? { kind: 'number', value: index } : index);
    return new ArmScope(this.shared.options, this.shared, copies, loop.toLowerCase());
  }

  copyIndex(loop: string | undefined): Value {
    const key = loop?.toLowerCase() ?? this.innermostCopy;
    return (key !== undefined && this.copies.get(key)) || unknown(undefined, { key: `${this.id}:copyIndex:${key ?? ''}` });
  }

  /** Declares the resources of this template, so `reference('name')` can find them. */
  declareResource(ref: ResourceRef, symbol: string | undefined, name: string | undefined): void {
    if (symbol) this.shared.symbols.set(symbol.toLowerCase(), ref);
    // Indexed by name only when some expression asks: most templates never do, and large ones declare thousands.
    if (name) this.shared.declared.push(ref, name);
  }

  resourceNamed(name: string): ResourceRef | undefined {
    const key = name.toLowerCase();
    return this.shared.symbols.get(key) ?? this.namesIndex().get(key);
  }

  /** The first resource declared under each name, by the name in lower case; brought up to date with the declarations since it was last asked. */
  private namesIndex(): Map<string, ResourceRef> {
    const { names, declared } = this.shared;
    for (let i = this.shared.namesIndexed; i < declared.length; i += 2) {
      const key = (declared[i + 1] as string).toLowerCase();
      if (!names.has(key)) names.set(key, declared[i] as ResourceRef);
    }
    this.shared.namesIndexed = declared.length;
    return names;
  }

  /** The declaration of a parameter, for its type. */
  parameterDefinition(name: string): JsonNode | undefined {
    return this.shared.parameters.get(name.toLowerCase());
  }

  parameter(name: string): Value {
    const key = name.toLowerCase();
    const memo = this.shared.parameterValues.get(key);
    if (memo) return memo;
    const fallback = unknown(undefined, { key: `${this.id}:parameters:${key}` });
    const guard = `p:${key}`;
    if (this.shared.evaluating.has(guard)) return fallback;
    this.shared.evaluating.add(guard);
    let value: Value;
    const provided = this.shared.options.provided.get(key);
    const definition = this.shared.parameters.get(key);
    if (provided) {
      value = 'value' in provided ? provided.value : fallback;
    } else if (definition) {
      const defaultValue = findProperty(definition, 'defaultValue')?.value;
      if (defaultValue) value = nodeValue(defaultValue, this.env(), false);
      // A nullable parameter left out is null, as if null were its default: the property it sets is absent.
      else if (findProperty(definition, 'nullable')?.value?.value === true) value = { kind: 'null', loc: locOf(this.doc, definition) };
      else value = fallback;
    } else {
      value = fallback;
    }
    this.shared.evaluating.delete(guard);
    value = withInput(withKey(value, fallback.key!));
    this.shared.parameterValues.set(key, value);
    return value;
  }

  variable(name: string): Value {
    const key = name.toLowerCase();
    const memo = this.shared.variableValues.get(key);
    if (memo) return memo;
    const fallback = unknown(undefined, { key: `${this.id}:variables:${key}` });
    const guard = `v:${key}`;
    if (this.shared.evaluating.has(guard)) return fallback;
    this.shared.evaluating.add(guard);
    let value: Value = fallback;
    const node = this.shared.variables.get(key);
    const copy = this.shared.variableCopies.get(key);
    if (node) {
      value = nodeValue(node, this.env(), false);
    } else if (copy) {
      value = this.unrollVariableCopy(copy, key) ?? fallback;
    }
    this.shared.evaluating.delete(guard);
    value = withKey(value, fallback.key!);
    this.shared.variableValues.set(key, value);
    return value;
  }

  /** An output's value (`outputs.<name>.value`), as what deploys the template reads it; unknown when it has none (a copy loop). */
  output(name: string): Value {
    const key = `${this.id}:outputs:${name.toLowerCase()}`;
    const value = findProperty(findProperty(findProperty(this.shared.options.template, 'outputs')?.value, name)?.value, 'value')?.value;
    return value ? withKey(nodeValue(value, this.env(), false), key) : unknown(undefined, { key });
  }

  private unrollVariableCopy(copy: JsonNode, loop: string): Value | undefined {
    const count = findProperty(copy, 'count')?.value;
    const input = findProperty(copy, 'input')?.value;
    if (!count || !input) return undefined;
    const n = nodeValue(count, this.env(), false);
    if (n.kind !== 'number' || n.value < 0 || n.value > MAX_VARIABLE_COPIES) return undefined;
    const items: Value[] = [];
    for (let i = 0; i < n.value; i++) items.push(nodeValue(input, this.withCopy(loop, i).env(), false));
    return arr(items, locOf(this.doc, copy));
  }
}
