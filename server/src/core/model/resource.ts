/**
 * A resource as every front-end lowers it: what it is (type, name, API
 * version), where it is written, and its body as model values.
 */
import { lowerCase } from '../text/case';
import { ResourceRef, sameResource } from './ids';
import { Loc, nameKey, ObjectValue, Origin, Value, getPath } from './values';

export type SourceKind = 'arm' | 'bicep' | 'cli' | 'live';

/** The subscription and resource group a resource is deployed to (unknown values keyed per deployment). */
export interface DeploymentScope {
  subscription: Value;
  resourceGroup: Value;
}

export interface Resource {
  source: SourceKind;
  doc: string;
  /** The full type, as written (`Microsoft.Devices/IotHubs`). */
  type: string;
  /** The type as the model indexes it (`typeKeyOf`): made once when the resource is read, not at every analysis. */
  typeKey: string;
  /** The full name, one value per segment (`['sa', 'default', 'container']`). */
  names: Value[];
  /** The last name's text as the model indexes it (`nameTextOf`), when it is known text. */
  nameText: string | undefined;
  /** Where the name is written: the place for findings about the resource as a whole. */
  nameLoc: Loc;
  /** The whole declaration. */
  loc: Loc;
  apiVersion: Value | undefined;
  /** The declaration's body: `properties`, `identity`, `sku`, `location`… */
  body: ObjectValue;
  scope: DeploymentScope;
  /** For extension resources (role assignments): the resource they apply to; undefined at deployment scope. */
  extensionOf?: ResourceRef;
  /** The extended resource was given but could not be read. */
  extensionUnknown?: boolean;
  /** Declared to refer to a resource deployed elsewhere (`existing`): its properties are not the template's to check. */
  existing: boolean;
  /** Where a writer may add sibling resources (the template's `resources`). */
  container?: Origin;
  /** A symbolic name (ARM language version 2.0, Bicep) or a variable name (az CLI), for writers and messages. */
  symbol?: string;
  /** Facts computed from this resource alone, kept with it: see `ownMemo`. */
  memo?: Map<string, unknown>;
}

/**
 * A fact computed from a resource alone (its body, read for the cloud of its analysis), kept on the resource:
 * a file that does not change keeps its resources from one analysis to the next, and with them these answers,
 * so a keystroke in one template does not read every hub of the workspace again. Kept on the object rather
 * than in a weak map beside the function: a weak map that outlives the analyses keeps the young objects of
 * each one alive through minor collections. (A change of cloud reads the files again, with new resources.)
 */
export function ownMemo<T>(resource: Resource, key: string, compute: (resource: Resource) => T): T {
  let memo = resource.memo;
  if (!memo) resource.memo = memo = new Map();
  const found = memo.get(key);
  if (found !== undefined || memo.has(key)) return found as T;
  const value = compute(resource);
  memo.set(key, value);
  return value;
}

export function refOf(resource: Resource): ResourceRef {
  return {
    type: resource.type,
    names: resource.names,
    subscription: resource.scope.subscription,
    resourceGroup: resource.scope.resourceGroup,
  };
}

export function prop(resource: Resource, path: string): Value | undefined {
  return getPath(resource.body, path);
}

/** A readable name for messages: `contoso-hub`, or `[unknown]` pieces marked. */
export function displayName(resource: Resource): string {
  return resource.names.map(displayValue).join('/');
}

export function displayValue(v: Value | undefined): string {
  if (!v) return '?';
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number' || v.kind === 'boolean') return String(v.value);
  if (v.kind === 'unknown' && v.parts) return v.parts.map((p) => (p === null ? '…' : p)).join('');
  return '…';
}

export const TYPES = {
  hub: 'Microsoft.Devices/IotHubs',
  hubPrivateEndpointConnection: 'Microsoft.Devices/IotHubs/privateEndpointConnections',
  cluster: 'Microsoft.Kusto/clusters',
  clusterPrivateEndpointConnection: 'Microsoft.Kusto/clusters/privateEndpointConnections',
  kustoScript: 'Microsoft.Kusto/clusters/databases/scripts',
  aduAccount: 'Microsoft.DeviceUpdate/accounts',
  aduInstance: 'Microsoft.DeviceUpdate/accounts/instances',
  aduPrivateEndpointConnection: 'Microsoft.DeviceUpdate/accounts/privateEndpointConnections',
  roleAssignment: 'Microsoft.Authorization/roleAssignments',
  roleDefinition: 'Microsoft.Authorization/roleDefinitions',
  userAssignedIdentity: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  storageAccount: 'Microsoft.Storage/storageAccounts',
  eventHubNamespace: 'Microsoft.EventHub/namespaces',
  eventHubNetworkRuleSet: 'Microsoft.EventHub/namespaces/networkRuleSets',
  serviceBusNamespace: 'Microsoft.ServiceBus/namespaces',
  serviceBusNetworkRuleSet: 'Microsoft.ServiceBus/namespaces/networkRuleSets',
  privateEndpoint: 'Microsoft.Network/privateEndpoints',
  privateDnsZoneGroup: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  privateDnsZone: 'Microsoft.Network/privateDnsZones',
  networkSecurityGroup: 'Microsoft.Network/networkSecurityGroups',
  securityRule: 'Microsoft.Network/networkSecurityGroups/securityRules',
  azureFirewall: 'Microsoft.Network/azureFirewalls',
  firewallPolicyRuleCollectionGroup: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
} as const;

/**
 * Names are indexed by their text in lower case, or by the name key of an unknown
 * value (`guid(...)`, a parameter, `st<uniqueString(…)>`: see `nameKey`): two maps, so that a lookup of known text builds no string.
 */
interface NameIndex {
  byText: Map<string, Resource[]>;
  byKey: Map<string, Resource[]>;
}

/** Indexes a resource under a name; a name that can match nothing is left out. */
function addName(index: NameIndex, v: Value | undefined, resource: Resource): void {
  let map: Map<string, Resource[]>;
  let key: string;
  if (v?.kind === 'string') {
    map = index.byText;
    key = v.value.toLowerCase();
  } else {
    const name = nameKey(v);
    if (name === undefined) return;
    map = index.byKey;
    key = name;
  }
  addTo(map, key, resource);
}

function addTo(map: Map<string, Resource[]>, key: string, resource: Resource): void {
  const list = map.get(key);
  if (list) list.push(resource);
  else map.set(key, [resource]);
}

function lookupName(index: NameIndex | undefined, v: Value | undefined): Resource[] | undefined {
  if (!index || !v) return undefined;
  if (v.kind === 'string') return index.byText.get(v.value.toLowerCase());
  const name = v.kind === 'unknown' ? nameKey(v) : undefined;
  return name === undefined ? undefined : index.byKey.get(name);
}

/** A type as indexed: in lower case (types are compared without regard to case), one string per type. */
export const typeKeyOf = lowerCase;

/** A resource's last name as the name index holds it: its text in lower case, when it is known text. */
export function nameTextOf(names: readonly Value[]): string | undefined {
  const last = names[names.length - 1];
  return last?.kind === 'string' ? last.value.toLowerCase() : undefined;
}

/** All resources of an analysis, indexed by type and by last name, so that lookups cost the same in a 10,000-resource template. */
export class Model {
  private readonly byType = new Map<string, Resource[]>();
  private readonly byName = new Map<string, NameIndex>();
  private readonly memos = new Map<string, unknown>();

  /**
   * `units`: the file each resource was read for (a template with its parameters file, modules and linked
   * templates; a `.bicepparam` file with the template it deploys). A reference is answered in its own unit first.
   */
  constructor(
    readonly resources: readonly Resource[],
    private readonly units?: ReadonlyMap<Resource, string>,
  ) {
    // The keys were made when the resources were read: an editor's analysis indexes thousands of unchanged resources.
    for (const resource of resources) {
      const type = resource.typeKey;
      let list = this.byType.get(type);
      if (!list) this.byType.set(type, (list = []));
      list.push(resource);
    }
  }

  /** The name index of a type, built when a name of that type is first looked up: most types never are. */
  private namesOf(type: string): NameIndex | undefined {
    let names = this.byName.get(type);
    if (!names) {
      const list = this.byType.get(type);
      if (!list) return undefined;
      names = { byText: new Map(), byKey: new Map() };
      for (const resource of list) {
        if (resource.nameText !== undefined) addTo(names.byText, resource.nameText, resource);
        else addName(names, resource.names[resource.names.length - 1], resource);
      }
      this.byName.set(type, names);
    }
    return names;
  }

  ofType(type: string): readonly Resource[] {
    return this.byType.get(typeKeyOf(type)) ?? [];
  }

  /** Resources of a type declared with their properties (not `existing` references). */
  declared(type: string): readonly Resource[] {
    // Listed once per analysis: most rules start from the hubs.
    return this.memo(`declared:${typeKeyOf(type)}`, () => this.ofType(type).filter((r) => !r.existing));
  }

  /** Resources of a type whose last name is this one. */
  named(type: string, name: Value | undefined): readonly Resource[] {
    return lookupName(this.namesOf(typeKeyOf(type)), name) ?? [];
  }

  /**
   * The declared resources a ref names: those of the referring resource's unit when it has any (identical templates
   * in `dev/` and `prod/`, analysed together, each refer to their own), else every one, in the order read.
   */
  resolve(ref: ResourceRef | undefined, from?: Resource): Resource[] {
    if (!ref) return [];
    return this.nearest(
      this.named(ref.type, ref.names[ref.names.length - 1]).filter((r) => sameResource(ref, refOf(r))),
      from,
    );
  }

  /** The first resource a ref names that is declared with its properties (not `existing`). */
  resolveDeclared(ref: ResourceRef | undefined, from?: Resource): Resource | undefined {
    return this.resolve(ref, from).find((r) => !r.existing);
  }

  /**
   * Of resources that all answer a reference from `from`, those declared (not `existing`) in the file it was read
   * for, when there are any: a file that only refers to a resource (`existing`) declared in another still reaches it.
   */
  nearest<T extends Resource>(found: readonly T[], from: Resource | undefined): T[] {
    if (!from || !this.units || found.length < 2) return [...found];
    const unit = this.units.get(from);
    const own = found.filter((r) => !r.existing && this.units!.get(r) === unit);
    return own.length > 0 ? own : [...found];
  }

  /** The parent resource of a child (the hub of a private endpoint connection, the namespace of a rule set). */
  parentOf(resource: Resource): Resource | undefined {
    const ref = parentRef(resource);
    return ref && this.resolveDeclared(ref, resource);
  }

  /** Child resources of a resource, of one child type (`networkRuleSets` of a namespace). */
  childrenOf(resource: Resource, childType: string): Resource[] {
    const type = typeKeyOf(`${resource.type}/${childType}`);
    // Children grouped by their parent's last name, built once per child type.
    const byParent = this.memo(`children:${type}`, () => {
      const index: NameIndex = { byText: new Map(), byKey: new Map() };
      for (const child of this.ofType(type)) addName(index, child.names[child.names.length - 2], child);
      return index;
    });
    const parent = refOf(resource);
    const children = (lookupName(byParent, resource.names[resource.names.length - 1]) ?? []).filter((child) => {
      const ref = parentRef(child);
      return !!ref && sameResource(ref, parent);
    });
    return this.nearest(children, resource);
  }

  /** A value computed once per analysis (an index a rule builds over all resources). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /**
   * A value computed once per analysis for one object (the resource an endpoint sends to, a resource's firewall).
   * A plain map: it lives and dies with the analysis, like its keys.
   */
  memoFor<K extends object, T>(key: string, of: K, compute: (of: K) => T): T {
    const values = this.memo(key, () => new Map<K, T>());
    const found = values.get(of);
    if (found !== undefined || values.has(of)) return found as T;
    const value = compute(of);
    values.set(of, value);
    return value;
  }
}

/** The ref of a child resource's parent. */
export function parentRef(resource: Resource): ResourceRef | undefined {
  const segments = resource.type.split('/');
  if (segments.length <= 2) return undefined;
  return {
    type: segments.slice(0, -1).join('/'),
    names: resource.names.slice(0, -1),
    subscription: resource.scope.subscription,
    resourceGroup: resource.scope.resourceGroup,
  };
}
