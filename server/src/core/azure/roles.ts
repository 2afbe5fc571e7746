/**
 * Role assignments: which built-in role they grant, to which principal, on
 * what. Role definition ids are the built-in roles' documented GUIDs.
 */
import { lastName, ResourceRef, sameResource, sameType, typeSegments } from '../model/ids';
import { Model, prop, Resource, TYPES } from '../model/resource';
import { asString, stringParts, Value } from '../model/values';
import { hubIdentity } from './iothub';
import type { TargetKind } from './iothub';

export interface BuiltInRole {
  guid: string;
  name: string;
}

export const ROLES = {
  owner: { guid: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', name: 'Owner' },
  contributor: { guid: 'b24988ac-6180-42a0-ab88-20f7382dd24c', name: 'Contributor' },
  storageAccountContributor: { guid: '17d1049b-9a84-46fb-8f53-869881c3d3ab', name: 'Storage Account Contributor' },
  storageBlobDataContributor: { guid: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', name: 'Storage Blob Data Contributor' },
  storageBlobDataOwner: { guid: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', name: 'Storage Blob Data Owner' },
  eventHubsDataSender: { guid: '2b629674-e913-4c01-ae53-ef4638d8f975', name: 'Azure Event Hubs Data Sender' },
  eventHubsDataOwner: { guid: 'f526a384-b230-433a-b45c-95f59c4a2dec', name: 'Azure Event Hubs Data Owner' },
  serviceBusDataSender: { guid: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39', name: 'Azure Service Bus Data Sender' },
  serviceBusDataOwner: { guid: '090c5cfd-751d-490a-894a-3ce6f1109419', name: 'Azure Service Bus Data Owner' },
} as const satisfies Record<string, BuiltInRole>;

/**
 * Other built-in roles people give a hub's identity by mistake: none carries
 * the data action a hub needs to deliver (write blobs, send events or
 * messages). Known by name, an assignment of one is known not to give the
 * needed role, where a role the tool does not know (a custom role) may.
 */
const OTHER_ROLES: readonly BuiltInRole[] = [
  { guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', name: 'Reader' },
  { guid: 'c12c1c16-33a1-487b-954d-41c89c60f349', name: 'Reader and Data Access' },
  { guid: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', name: 'User Access Administrator' },
  { guid: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168', name: 'Role Based Access Control Administrator' },
  { guid: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1', name: 'Storage Blob Data Reader' },
  { guid: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a', name: 'Storage Blob Delegator' },
  { guid: '974c5e8b-45b9-4653-ba55-5f855dd0fb88', name: 'Storage Queue Data Contributor' },
  { guid: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a', name: 'Storage Queue Data Message Sender' },
  { guid: '19e7f393-937e-4f77-808e-94535e297925', name: 'Storage Queue Data Reader' },
  { guid: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', name: 'Storage Table Data Contributor' },
  { guid: '76199698-9eea-4c19-bc75-cec21354c6b6', name: 'Storage Table Data Reader' },
  { guid: 'e5e2a7ff-d759-4cd2-bb51-3152d37e2eb1', name: 'Storage Account Backup Contributor' },
  { guid: '81a9662b-bebf-436f-a333-f67b29880f12', name: 'Storage Account Key Operator Service Role' },
  { guid: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde', name: 'Azure Event Hubs Data Receiver' },
  { guid: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0', name: 'Azure Service Bus Data Receiver' },
];

const ALL_ROLES: readonly BuiltInRole[] = [...Object.values(ROLES), ...OTHER_ROLES];

/** Management roles that grant no data access, yet are what people give a hub's identity. */
export const BROAD_ROLES: readonly BuiltInRole[] = [ROLES.contributor, ROLES.owner, ROLES.storageAccountContributor];

/** The data-plane role a hub needs to send to each kind of target, and the roles that also satisfy it. */
export const DATA_ROLES: Partial<Record<TargetKind, { needed: BuiltInRole; sufficient: readonly BuiltInRole[] }>> = {
  storage: { needed: ROLES.storageBlobDataContributor, sufficient: [ROLES.storageBlobDataContributor, ROLES.storageBlobDataOwner] },
  eventHubs: { needed: ROLES.eventHubsDataSender, sufficient: [ROLES.eventHubsDataSender, ROLES.eventHubsDataOwner] },
  serviceBus: { needed: ROLES.serviceBusDataSender, sufficient: [ROLES.serviceBusDataSender, ROLES.serviceBusDataOwner] },
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The built-in role a `roleDefinitionId` (a ref, an id string, a GUID or a role name) names. */
export function roleOf(v: Value | undefined): BuiltInRole | undefined {
  if (!v) return undefined;
  let key: string | undefined;
  if (v.kind === 'ref') {
    key = asString(lastName(v.ref));
  } else {
    const parts = stringParts(v);
    const last = parts[parts.length - 1];
    if (typeof last === 'string') {
      const tail = last.split('/').pop()!.trim();
      // Only trust the tail when it is a whole GUID (not the end of a longer unknown piece) or the whole string is known.
      if (GUID.test(tail) && (parts.length === 1 || last.includes('/'))) key = tail;
      else if (parts.length === 1) key = last.trim();
    }
  }
  if (!key) return undefined;
  const lower = key.toLowerCase();
  return ALL_ROLES.find((r) => r.guid === lower || r.name.toLowerCase() === lower);
}

/** The target kind of a role assignment's scope; storage when it cannot be told (the documented case). */
export function scopeKind(assignment: Resource): TargetKind | undefined {
  const scope = assignment.extensionOf;
  if (!scope) return 'storage';
  const [namespace, type] = typeSegments(scope.type).map((s) => s.toLowerCase());
  if (namespace === 'microsoft.storage' && type === 'storageaccounts') return 'storage';
  if (namespace === 'microsoft.eventhub' && type === 'namespaces') return 'eventHubs';
  if (namespace === 'microsoft.servicebus' && type === 'namespaces') return 'serviceBus';
  if (namespace === 'microsoft.resources' || namespace === 'microsoft.management') return 'storage';
  return undefined;
}

/** Whose managed identity a `principalId` is: a hub's system-assigned one, or a user-assigned identity a hub lists. */
export interface HubPrincipal {
  hubs: Resource[];
  /** The hub ref (system-assigned) when the hub is not declared in the analysis. */
  hubRef?: ResourceRef;
  identity: 'system' | ResourceRef;
}

/** The user-assigned identity whose principal a value reads (`reference(identity).principalId`), whether or not a hub uses it. */
export function userAssignedIdentityOf(v: Value | undefined): ResourceRef | undefined {
  if (v?.kind !== 'runtime' || !sameType(v.ref.type, TYPES.userAssignedIdentity)) return undefined;
  return v.path.join('.').toLowerCase() === 'properties.principalid' ? v.ref : undefined;
}

/** `from`: the role assignment whose principal it is; the hubs of its own file answer first. */
export function hubPrincipalOf(v: Value | undefined, model: Model, from?: Resource): HubPrincipal | undefined {
  if (!v) return undefined;
  if (v.kind === 'runtime') {
    const tail = v.path.slice(v.path[0]?.toLowerCase() === 'properties' ? 1 : 0);
    if (sameType(v.ref.type, TYPES.hub) && tail.join('.').toLowerCase() === 'identity.principalid') {
      return { hubs: model.resolve(v.ref, from), hubRef: v.ref, identity: 'system' };
    }
    const identity = userAssignedIdentityOf(v);
    if (identity) {
      const listing = hubsListing(model).filter((entry) => sameResource(entry.identity, identity)).map((entry) => entry.hub);
      const hubs = model.nearest(listing, from);
      return hubs.length ? { hubs, identity } : undefined;
    }
    return undefined;
  }
  // A literal principal id: a hub whose identity is known (live state) and has it.
  const id = asString(v)?.toLowerCase();
  if (!id || !GUID.test(id)) return undefined;
  const hubs = model.nearest(
    model.ofType(TYPES.hub).filter((hub) => asString(prop(hub, 'identity.principalId'))?.toLowerCase() === id),
    from,
  );
  return hubs.length ? { hubs, identity: 'system' } : undefined;
}

/** Every user-assigned identity a hub lists, once per analysis. */
function hubsListing(model: Model): Array<{ hub: Resource; identity: ResourceRef }> {
  return model.memo('roles:hub-user-identities', () =>
    model.ofType(TYPES.hub).flatMap((hub) => hubIdentity(hub).userAssigned.map((identity) => ({ hub, identity }))),
  );
}
