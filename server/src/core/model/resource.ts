/**
 * A resource as every front-end lowers it: what it is (type, name, API
 * version), where it is written, and its body as model values.
 */
import { ResourceRef, sameResource, sameType } from './ids';
import { Loc, ObjectValue, Origin, Value, getPath } from './values';

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
  /** The full name, one value per segment (`['sa', 'default', 'container']`). */
  names: Value[];
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
}

export function refOf(resource: Resource): ResourceRef {
  return {
    type: resource.type,
    names: resource.names,
    subscription: resource.scope.subscription,
    resourceGroup: resource.scope.resourceGroup,
  };
}

export function isType(resource: Resource, type: string): boolean {
  return sameType(resource.type, type);
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

/** All resources of an analysis, indexed by type. */
export class Model {
  private readonly byType = new Map<string, Resource[]>();

  constructor(readonly resources: readonly Resource[]) {
    for (const resource of resources) {
      const key = resource.type.toLowerCase();
      let list = this.byType.get(key);
      if (!list) this.byType.set(key, (list = []));
      list.push(resource);
    }
  }

  ofType(type: string): readonly Resource[] {
    return this.byType.get(type.toLowerCase()) ?? [];
  }

  /** Resources of a type declared with their properties (not `existing` references). */
  declared(type: string): Resource[] {
    return this.ofType(type).filter((r) => !r.existing);
  }

  /**
   * The declared resources a ref names. Several when more than one source
   * declares it (a template and live state); those of the same document come first.
   */
  resolve(ref: ResourceRef | undefined, fromDoc?: string): Resource[] {
    if (!ref) return [];
    const found = this.ofType(ref.type).filter((r) => sameResource(ref, refOf(r)));
    if (fromDoc && found.length > 1) found.sort((a, b) => Number(b.doc === fromDoc) - Number(a.doc === fromDoc));
    return found;
  }

  /** The first resource a ref names that is declared with its properties (not `existing`). */
  resolveDeclared(ref: ResourceRef | undefined, fromDoc?: string): Resource | undefined {
    return this.resolve(ref, fromDoc).find((r) => !r.existing);
  }

  /** The parent resource of a child (the hub of a private endpoint connection, the namespace of a rule set). */
  parentOf(resource: Resource): Resource | undefined {
    const segments = resource.type.split('/');
    if (segments.length <= 2) return undefined;
    const ref: ResourceRef = {
      type: segments.slice(0, -1).join('/'),
      names: resource.names.slice(0, -1),
      subscription: resource.scope.subscription,
      resourceGroup: resource.scope.resourceGroup,
    };
    return this.resolveDeclared(ref, resource.doc);
  }

  /** Child resources of a resource, of one child type (`networkRuleSets` of a namespace). */
  childrenOf(resource: Resource, childType: string): Resource[] {
    const parent = refOf(resource);
    return this.ofType(`${resource.type}/${childType}`).filter((child) => {
      const childRef = refOf(child);
      return sameResource({ ...childRef, type: resource.type, names: childRef.names.slice(0, -1) }, parent);
    });
  }
}
