import { endpointTarget } from '../azure/downstream';
import { hubEndpoints, identityRef, targetKindOf } from '../azure/iothub';
import { BROAD_ROLES, BuiltInRole, DATA_ROLES, hubPrincipalOf, roleOf, userAssignedIdentityOf } from '../azure/roles';
import { ResourceRef, sameResource, sameType } from '../model/ids';
import { displayName, Model, prop, refOf, Resource, TYPES } from '../model/resource';
import { asObject, asString, Value } from '../model/values';
import { describeEndpoint } from './iothub-egress-allowlist-missing-endpoint';
import { claim, eachDeclared, Rule } from './rule';

const TARGET_TEXT = { storage: 'storage account', eventHubs: 'Event Hubs namespace', serviceBus: 'Service Bus namespace' } as const;

export const rule: Rule = {
  id: 'iothub-identity-role-missing',
  description: "An identity-based endpoint to a resource of the same deployment needs a role assignment giving the hub's identity the data-plane role on it.",
  severity: 'info',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    missing:
      "{endpoint} sends to {targetKind} '{target}' with a managed identity, but nothing here gives that identity {role} on it: delivery fails until the role is assigned.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      for (const endpoint of hubEndpoints(hub, ctx)) {
        if (endpoint.auth !== 'identityBased') continue;
        const kind = targetKindOf(endpoint.kind);
        const roles = kind in TARGET_TEXT ? DATA_ROLES[kind] : undefined;
        if (!roles) continue;
        const target = endpointTarget(endpoint, ctx.model);
        // A target this deployment only refers to (`existing`) has its roles given where it is declared.
        if (!target || target.existing) continue;
        let identity: 'system' | ResourceRef = 'system';
        if (endpoint.userAssignedIdentity !== undefined) {
          const ref = identityRef(endpoint.userAssignedIdentity);
          if (!ref) continue;
          identity = ref;
        }
        const entity = endpoint.entityPath ?? asString(endpoint.item.get('containerName'));
        if (hasRole(ctx.model, hub, identity, target, entity, roles.sufficient)) continue;
        // A management role given instead is iothub-identity-broad-role's finding, with the fix that replaces it.
        if (hasRole(ctx.model, hub, identity, target, entity, BROAD_ROLES, true)) continue;
        ctx.report({
          at: endpoint.loc,
          messageId: 'missing',
          data: {
            endpoint: describeEndpoint(endpoint),
            targetKind: TARGET_TEXT[kind as keyof typeof TARGET_TEXT],
            target: displayName(target),
            role: roles.needed.name,
          },
          related: [{ at: target.nameLoc, message: `The ${TARGET_TEXT[kind as keyof typeof TARGET_TEXT]} the endpoint sends to.` }],
          claims: [claim('endpoint-delivers', endpoint.loc, false)],
          // The assignment a fix adds names the hub (or user-assigned identity) and the target again: only names the
          // analysis can recognize once written (known text, a parameter, guid()) make one that is found again.
          fixes:
            hub.container && canBeNamed(hub.names) && canBeNamed(target.names) && (identity === 'system' || (sameType(identity.type, TYPES.userAssignedIdentity) && canBeNamed(identity.names)))
            ? [
                {
                  title: `Add a role assignment: ${roles.needed.name} on '${displayName(target)}' for the hub's identity`,
                  safety: 'safe',
                  edits: [
                    {
                      op: 'addRoleAssignment',
                      container: hub.container,
                      assignment: { principal: hub, identity, scope: target, role: { $roleDefinition: roles.needed.guid, roleName: roles.needed.name } },
                    },
                  ],
                },
              ]
            : [],
        });
      }
    });
  },
};

interface Assignment {
  resource: Resource;
  principal: ReturnType<typeof hubPrincipalOf> | 'unknown';
  role: BuiltInRole | undefined;
}

/** Role assignments by whose identity they name: a hub (system-assigned), a user-assigned identity, or unknown. Built once per analysis. */
function assignmentIndex(model: Model): { byHub: Map<Resource, Assignment[]>; byIdentity: Assignment[]; unknown: Assignment[] } {
  return model.memo('role-missing:assignments', () => {
    const byHub = new Map<Resource, Assignment[]>();
    const byIdentity: Assignment[] = [];
    const unknownPrincipal: Assignment[] = [];
    for (const resource of model.ofType(TYPES.roleAssignment)) {
      const properties = asObject(prop(resource, 'properties'));
      const principalId = properties?.get('principalId');
      const role = roleOf(properties?.get('roleDefinitionId'));
      if (!principalId || principalId.kind === 'unknown') {
        unknownPrincipal.push({ resource, principal: 'unknown', role });
        continue;
      }
      // An assignment to a user-assigned identity gives it the role even when no hub here lists that identity
      // (the endpoint names it): a fix that adds one must be found again.
      const identity = userAssignedIdentityOf(principalId);
      const principal = hubPrincipalOf(principalId, model, resource) ?? (identity && { hubs: [], identity });
      if (!principal) continue;
      const entry = { resource, principal, role };
      if (principal.identity !== 'system') byIdentity.push(entry);
      else {
        const hubs = principal.hubs.length ? principal.hubs : model.resolve(principal.hubRef, resource);
        for (const hub of hubs) {
          const list = byHub.get(hub);
          if (list) list.push(entry);
          else byHub.set(hub, [entry]);
        }
      }
    }
    return { byHub, byIdentity, unknown: unknownPrincipal };
  });
}

/**
 * Whether some role assignment may give the identity one of the roles on the
 * target, a scope above it, or the entity the endpoint writes to. An
 * assignment whose principal, role or scope cannot be read counts: the rule
 * only speaks when it is sure. With `knownOnly`, only assignments known to
 * match count.
 */
function hasRole(model: Model, hub: Resource, identity: 'system' | ResourceRef, target: Resource, entity: string | undefined, roles: readonly BuiltInRole[], knownOnly = false): boolean {
  const index = assignmentIndex(model);
  const candidates =
    identity === 'system'
      ? index.byHub.get(hub) ?? []
      : index.byIdentity.filter((a) => a.principal !== 'unknown' && a.principal && a.principal.identity !== 'system' && sameResource(a.principal.identity, identity));
  let targetRef: ResourceRef | undefined;
  const gives = (a: Assignment): boolean => {
    if (a.role ? !roles.includes(a.role) : knownOnly) return false;
    if (a.resource.extensionUnknown || !a.resource.extensionOf) return true;
    return covers(a.resource.extensionOf, (targetRef ??= refOf(target)), entity);
  };
  return candidates.some(gives) || (!knownOnly && index.unknown.some(gives));
}

/**
 * A scope covers the target when it is the target or above it; a scope below
 * it (an event hub, a queue, a blob container) covers only the entity the
 * endpoint writes to, or any entity when that one is not known.
 */
function covers(scope: ResourceRef, target: ResourceRef, entity: string | undefined): boolean {
  // The usual case, a role given on the target itself: cutting the target down to the scope's depth changes nothing.
  if (scope.names.length === target.names.length && slashesIn(target.type) <= target.names.length) return sameResource(target, scope);
  if (scope.names.length <= target.names.length) {
    const segments = target.type.split('/');
    const truncated: ResourceRef = { ...target, type: segments.slice(0, scope.names.length + 1).join('/'), names: target.names.slice(0, scope.names.length) };
    return sameResource(truncated, scope);
  }
  const segments = scope.type.split('/');
  const atTarget: ResourceRef = { ...scope, type: segments.slice(0, target.names.length + 1).join('/'), names: scope.names.slice(0, target.names.length) };
  if (!sameResource(atTarget, target)) return false;
  // Between the target and its entities (a storage account's blobServices/default) a scope covers them all.
  const entityDepth = sameType(target.type, TYPES.storageAccount) ? 3 : 2;
  if (scope.names.length < entityDepth) return true;
  const atEntity = asString(scope.names[entityDepth - 1]);
  return entity === undefined || atEntity === undefined || atEntity.toLowerCase() === entity.toLowerCase();
}

function slashesIn(text: string): number {
  let count = 0;
  for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) count++;
  return count;
}

/** Whether every segment of a name is known text or an unknown value with a stable key. */
function canBeNamed(names: readonly Value[]): boolean {
  return names.every((n) => n.kind === 'string' || (n.kind === 'unknown' && n.key !== undefined));
}
