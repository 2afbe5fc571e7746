/**
 * What an IoT hub sends where: its routing endpoints, file upload, the
 * built-in Event Hub-compatible endpoint, and the identities it uses. After
 * the IoT Hub resource provider's schema (`Microsoft.Devices/IotHubs`).
 */
import type { Cloud } from '../clouds';
import { parseResourceId, ResourceRef, sameResource } from '../model/ids';
import { ownMemo, prop, Resource } from '../model/resource';
import { asArray, asBoolean, asObject, asString, isKnown, Loc, ObjectValue, stringParts, Value } from '../model/values';
import { connectionStringTarget, entryHostName, HostName, hostNameOfUri, hostOfUri, isBuiltInEndpointShape, knownHost, mayBeBuiltInEndpoint, mayBeSameHost } from './hosts';

export type EndpointKind =
  | 'eventHubs'
  | 'serviceBusQueues'
  | 'serviceBusTopics'
  | 'storageContainers'
  | 'cosmosDBSqlContainers'
  | 'cosmosDBSqlCollections'
  | 'eventStreams'
  | 'fileUpload';

export const ROUTING_COLLECTIONS: readonly EndpointKind[] = [
  'eventHubs',
  'serviceBusQueues',
  'serviceBusTopics',
  'storageContainers',
  'cosmosDBSqlContainers',
  'cosmosDBSqlCollections',
  'eventStreams',
];

/** The kind of resource an endpoint delivers to. */
export type TargetKind = 'storage' | 'eventHubs' | 'serviceBus' | 'cosmosDb' | 'eventStream';

export function targetKindOf(kind: EndpointKind): TargetKind {
  switch (kind) {
    case 'eventHubs':
      return 'eventHubs';
    case 'serviceBusQueues':
    case 'serviceBusTopics':
      return 'serviceBus';
    case 'storageContainers':
    case 'fileUpload':
      return 'storage';
    case 'eventStreams':
      return 'eventStream';
    default:
      return 'cosmosDb';
  }
}

export type AuthType = 'keyBased' | 'identityBased';

export interface HubEndpoint {
  hub: Resource;
  kind: EndpointKind;
  /** The endpoint object (`routing.endpoints.eventHubs[i]`, `storageEndpoints.$default`). */
  item: ObjectValue;
  name: string | undefined;
  /** Undefined when the authentication type cannot be told. */
  auth: AuthType | undefined;
  /** Where the endpoint's address is written: `endpointUri` or `connectionString`. */
  address: Value | undefined;
  addressKey: 'endpointUri' | 'connectionString' | undefined;
  /** The host it sends to, when it is known text. */
  host: string | undefined;
  /** The host it sends to as far as it is known: its text, or with pieces known by key (a name made with `uniqueString()`). */
  hostName: HostName | undefined;
  entityPath: string | undefined;
  /** `identity.userAssignedIdentity` of the endpoint, when it names one. */
  userAssignedIdentity: Value | undefined;
  /** Where to report about the endpoint. */
  loc: Loc;
}

function authTypeOf(item: ObjectValue): AuthType | undefined {
  const value = item.get('authenticationType');
  if (!value) return 'keyBased';
  const s = asString(value)?.toLowerCase();
  if (s === 'identitybased') return 'identityBased';
  if (s === 'keybased') return 'keyBased';
  return undefined;
}

function endpointOf(hub: Resource, kind: EndpointKind, item: ObjectValue, cloud: Cloud): HubEndpoint {
  const endpointUri = item.get('endpointUri');
  const connectionString = item.get('connectionString');
  let hostName: HostName | undefined;
  let entityPath = asString(item.get('entityPath'));
  let address: Value | undefined;
  let addressKey: HubEndpoint['addressKey'];
  if (endpointUri && isKnown(endpointUri) && asString(endpointUri) !== '') {
    address = endpointUri;
    addressKey = 'endpointUri';
    hostName = hostNameOfUri(endpointUri);
  } else if (connectionString) {
    address = connectionString;
    addressKey = 'connectionString';
    const target = connectionStringTarget(connectionString, cloud);
    hostName = target?.host;
    entityPath = entityPath ?? target?.entityPath;
  } else if (endpointUri) {
    address = endpointUri;
    addressKey = 'endpointUri';
    hostName = hostNameOfUri(endpointUri);
  }
  const name = asString(item.get('name')) ?? (kind === 'fileUpload' ? '$default' : undefined);
  return {
    hub,
    kind,
    item,
    name,
    auth: authTypeOf(item),
    address,
    addressKey,
    host: hostName?.text,
    hostName,
    entityPath,
    userAssignedIdentity: asObject(item.get('identity'))?.get('userAssignedIdentity'),
    loc: address?.loc ?? item.get('name')?.loc ?? item.loc ?? hub.nameLoc,
  };
}

/** Whether file upload is configured: a connection string that is not empty, or identity-based access. */
function fileUploadConfigured(item: ObjectValue): boolean {
  const connection = item.get('connectionString');
  const parts = stringParts(connection);
  const empty = connection === undefined || (parts.length === 1 && parts[0] === '');
  return !empty || authTypeOf(item) === 'identityBased';
}

/** Every place the hub sends data to besides its built-in endpoint: routing endpoints and file upload. Read once per hub (`ownMemo`). */
export function hubEndpoints(hub: Resource, ctx: { cloud: Cloud }): HubEndpoint[] {
  return ownMemo(hub, endpointsKey(ctx.cloud), () => readEndpoints(hub, ctx.cloud));
}

/** The memo key of a hub's endpoints, per cloud (their hosts depend on it), made once per cloud rather than at each call. */
const endpointsKeys = new Map<Cloud, string>();
function endpointsKey(cloud: Cloud): string {
  let key = endpointsKeys.get(cloud);
  if (!key) endpointsKeys.set(cloud, (key = `iothub:endpoints:${cloud.name}`));
  return key;
}

function readEndpoints(hub: Resource, cloud: Cloud): HubEndpoint[] {
  const out: HubEndpoint[] = [];
  const endpoints = asObject(prop(hub, 'properties.routing.endpoints'));
  if (endpoints) {
    for (const kind of ROUTING_COLLECTIONS) {
      for (const item of asArray(endpoints.get(kind)) ?? []) {
        const object = asObject(item);
        if (object) out.push(endpointOf(hub, kind, object, cloud));
      }
    }
  }
  const upload = asObject(prop(hub, 'properties.storageEndpoints.$default'));
  if (upload && fileUploadConfigured(upload)) out.push(endpointOf(hub, 'fileUpload', upload, cloud));
  return out;
}

/**
 * Whether the built-in endpoint (`events`) receives messages: a route names
 * it, or the fallback route is on (it is on unless disabled). Undefined when
 * routing is not known.
 */
export function builtInEndpointReceives(hub: Resource): boolean | undefined {
  const routing = prop(hub, 'properties.routing');
  if (routing === undefined) return true;
  const routingObject = asObject(routing);
  if (!routingObject) return undefined;
  const routes = routingObject.get('routes');
  let unknownRoute = false;
  if (routes !== undefined) {
    const list = asArray(routes);
    if (!list) unknownRoute = true;
    for (const route of list ?? []) {
      const r = asObject(route);
      if (!r) {
        unknownRoute = true;
        continue;
      }
      const enabled = r.get('isEnabled');
      if (enabled && asBoolean(enabled) === false) continue;
      const names = asArray(r.get('endpointNames'));
      if (!names) {
        unknownRoute = true;
        continue;
      }
      if (names.some((n) => asString(n)?.toLowerCase() === 'events')) return true;
      if (names.some((n) => !isKnown(n))) unknownRoute = true;
    }
  }
  const fallback = routingObject.get('fallbackRoute');
  let fallbackOn: boolean | undefined = true;
  if (fallback !== undefined) {
    const f = asObject(fallback);
    const enabled = f?.get('isEnabled');
    fallbackOn = !f ? undefined : enabled === undefined ? true : asBoolean(enabled);
  }
  if (fallbackOn === true) return true;
  if (fallbackOn === undefined || unknownRoute) return undefined;
  return false;
}

/** The egress allow list of a hub, with its entries as the hub compares them: trimmed, in lower case. */
export interface HubAllowList {
  properties: ObjectValue;
  list: Value;
  hosts: ReadonlySet<string>;
  /** Entries that are not wholly known (a parameter, a name built in a loop): any of them may be a host a rule looks for, unless what is known of it rules that out. */
  unread: readonly Value[];
  /** Those of the unread entries made of known text and pieces known by key: each lists the host the same expression makes. */
  keyed: readonly HostName[];
}

/**
 * The allow list of a hub that restricts egress, when it has entries. An
 * absent or empty list is iothub-egress-allowlist-empty's to report. Read once per hub (`ownMemo`).
 */
export function allowListOf(hub: Resource): HubAllowList | undefined {
  return ownMemo(hub, 'iothub:allowList', readAllowList);
}

function readAllowList(hub: Resource): HubAllowList | undefined {
  const properties = asObject(prop(hub, 'properties'));
  const list = properties?.get('allowedFqdnList');
  const items = asArray(list);
  if (!egressRestricted(hub) || !properties || !list || !items || items.length === 0) return undefined;
  const hosts = new Set<string>();
  const unread: Value[] = [];
  const keyed: HostName[] = [];
  for (const item of items) {
    const host = asString(item);
    if (host !== undefined) {
      hosts.add(host.trim().toLowerCase());
      continue;
    }
    unread.push(item);
    const entry = entryHostName(item);
    if (entry) keyed.push(entry);
  }
  return { properties, list, hosts, unread, keyed };
}

/**
 * Whether the allow list lists the host, or may: an entry built by the same expression lists it, one whose known
 * text fits the host's may be it, and so may any entry the analysis cannot read.
 */
export function mayListHost(allowList: HubAllowList, host: HostName): boolean {
  if (host.text !== undefined && allowList.hosts.has(host.text)) return true;
  if (allowList.unread.length > allowList.keyed.length) return true;
  if (allowList.keyed.some((entry) => mayBeSameHost(host, entry))) return true;
  if (host.text !== undefined) return false;
  for (const text of allowList.hosts) {
    const entry = knownHost(text);
    if (entry && mayBeSameHost(host, entry)) return true;
  }
  return false;
}

/**
 * Whether an allow list lets the hub's built-in endpoint through: it holds the endpoint's host (exact when the hub's
 * `eventHubEndpoints.events.endpoint` is known, else any host of the endpoint's shape), or an entry not wholly known
 * that may be it.
 */
export function allowsBuiltInEndpoint(hub: Resource, allowList: HubAllowList, cloud: Cloud): boolean {
  const exact = builtInEndpointHost(hub);
  const present = exact ? allowList.hosts.has(exact) : [...allowList.hosts].some((entry) => isBuiltInEndpointShape(entry, cloud));
  return present || allowList.unread.some((entry) => mayBeBuiltInEndpoint(entry, cloud, exact));
}

/** The host of the hub's built-in endpoint, when the hub says it (live state). */
export function builtInEndpointHost(hub: Resource): string | undefined {
  return hostOfUri(prop(hub, 'properties.eventHubEndpoints.events.endpoint'));
}

/**
 * Whether the hub's egress restriction stops delivery to its built-in endpoint: the restriction is on, and the allow
 * list is absent or empty, or known not to hold the endpoint. False when that cannot be told.
 */
export function egressBlocksBuiltInEndpoint(hub: Resource, cloud: Cloud): boolean {
  if (!egressRestricted(hub)) return false;
  const list = prop(hub, 'properties.allowedFqdnList');
  if (list === undefined || asArray(list)?.length === 0) return true;
  const allowList = allowListOf(hub);
  return !!allowList && !allowsBuiltInEndpoint(hub, allowList, cloud);
}

/** `restrictOutboundNetworkAccess: true` (the boolean; other types are reported by their own rule). */
export function egressRestricted(hub: Resource): boolean {
  return asBoolean(prop(hub, 'properties.restrictOutboundNetworkAccess')) === true;
}

export interface HubIdentity {
  /** The `identity.type` is known. */
  known: boolean;
  systemAssigned: boolean;
  userAssigned: ResourceRef[];
  /** Some listed identity could not be read. */
  userAssignedUnknown: boolean;
}

/** The hub's managed identities, from `identity.type` and `identity.userAssignedIdentities`. */
export function hubIdentity(resource: Resource): HubIdentity {
  const identity = prop(resource, 'identity');
  if (identity === undefined) return { known: true, systemAssigned: false, userAssigned: [], userAssignedUnknown: false };
  const type = asString(asObject(identity)?.get('type'));
  if (type === undefined) return { known: false, systemAssigned: false, userAssigned: [], userAssignedUnknown: true };
  const userAssigned: ResourceRef[] = [];
  let userAssignedUnknown = false;
  const listed = asObject(asObject(identity)?.get('userAssignedIdentities'));
  if (listed) {
    for (const entry of listed.entries()) {
      const ref = identityRef(entry.keyValue);
      if (ref) userAssigned.push(ref);
      else userAssignedUnknown = true;
    }
  } else if (asObject(identity)?.get('userAssignedIdentities') !== undefined) {
    userAssignedUnknown = true;
  }
  return { known: true, systemAssigned: type.split(',').some((t) => t.trim().toLowerCase() === 'systemassigned'), userAssigned, userAssignedUnknown };
}

/** A user-assigned identity named by a resource id (a ref or an id string). */
export function identityRef(v: Value | undefined): ResourceRef | undefined {
  if (!v) return undefined;
  if (v.kind === 'ref') return v.ref;
  if (v.kind === 'string' || v.kind === 'unknown') return parseResourceId(v);
  return undefined;
}

/** Whether the hub lists this user-assigned identity; undefined when it cannot be told. */
export function hubListsIdentity(identity: HubIdentity, ref: ResourceRef): boolean | undefined {
  if (identity.userAssigned.some((r) => sameResource(r, ref))) return true;
  if (identity.userAssignedUnknown || !identity.known) return undefined;
  // Some listed id, or the endpoint's, has unknown parts: it may still be the same identity.
  const comparable = identity.userAssigned.every((r) => r.names.every(isKnown)) && ref.names.every(isKnown);
  return comparable ? false : undefined;
}
