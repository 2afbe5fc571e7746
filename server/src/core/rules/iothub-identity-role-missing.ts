import { endpointTarget } from '../azure/downstream';
import { hubEndpoints, identityRef, targetKindOf } from '../azure/iothub';
import { BROAD_ROLES, DATA_ROLES, hubPrincipalOf, roleOf } from '../azure/roles';
import { ResourceRef, sameResource } from '../model/ids';
import { displayName, Model, prop, refOf, Resource, TYPES } from '../model/resource';
import { asObject, Value } from '../model/values';
import { describeEndpoint } from './iothub-egress-allowlist-missing-endpoint';
import type { Rule } from './rule';

const TARGET_TEXT = { storage: 'storage account', eventHubs: 'Event Hubs namespace', serviceBus: 'Service Bus namespace' } as const;

export const rule: Rule = {
  id: 'iothub-identity-role-missing',
  description: "An identity-based endpoint to a resource of the same deployment needs a role assignment giving the hub's identity the data-plane role on it.",
  severity: 'info',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixable: true,
  messages: {
    missing:
      "{endpoint} sends to {targetKind} '{target}' with a managed identity, but nothing here gives that identity {role} on it: delivery fails until the role is assigned.",
  },
  check(ctx) {
    for (const hub of ctx.model.declared(TYPES.hub)) {
      for (const endpoint of hubEndpoints(hub, ctx.cloud)) {
        if (endpoint.auth !== 'identityBased') continue;
        const kind = targetKindOf(endpoint.kind);
        const roles = kind in TARGET_TEXT ? DATA_ROLES[kind] : undefined;
        if (!roles) continue;
        const target = endpointTarget(endpoint, ctx.model);
        if (!target) continue;
        let identity: 'system' | ResourceRef = 'system';
        if (endpoint.userAssignedIdentity !== undefined) {
          const ref = identityRef(endpoint.userAssignedIdentity);
          if (!ref) continue;
          identity = ref;
        }
        if (hasRole(ctx.model, hub, identity, target, roles.sufficient.map((r) => r.guid))) continue;
        // A management role given instead is iothub-identity-broad-role's finding, with the fix that replaces it.
        if (hasRole(ctx.model, hub, identity, target, BROAD_ROLES.map((r) => r.guid), true)) continue;
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
          fixes: hub.container
            ? [
                {
                  title: `Add a role assignment: ${roles.needed.name} on '${displayName(target)}' for the hub's identity`,
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
    }
  },
};

/**
 * Whether some role assignment may give the identity one of the roles on the
 * target or a scope above it. An assignment whose principal, role or scope
 * cannot be read counts: the rule only speaks when it is sure.
 */
function hasRole(model: Model, hub: Resource, identity: 'system' | ResourceRef, target: Resource, roleGuids: string[], knownOnly = false): boolean {
  const targetRef = refOf(target);
  for (const assignment of model.ofType(TYPES.roleAssignment)) {
    const properties = asObject(prop(assignment, 'properties'));
    const principalId = properties?.get('principalId');
    if (knownOnly && principalId?.kind === 'unknown') continue;
    if (!principalMatches(principalId, model, hub, identity)) continue;
    const role = roleOf(properties?.get('roleDefinitionId'));
    if (role ? !roleGuids.includes(role.guid) : knownOnly) continue;
    if (assignment.extensionUnknown || !assignment.extensionOf) return true;
    if (covers(assignment.extensionOf, targetRef)) return true;
  }
  return false;
}

function principalMatches(principalId: Value | undefined, model: Model, hub: Resource, identity: 'system' | ResourceRef): boolean {
  if (!principalId || principalId.kind === 'unknown') return true;
  const principal = hubPrincipalOf(principalId, model);
  if (!principal) return false;
  if (identity === 'system') {
    return principal.identity === 'system' && (principal.hubs.includes(hub) || (!!principal.hubRef && sameResource(principal.hubRef, refOf(hub))));
  }
  return principal.identity !== 'system' && sameResource(principal.identity, identity);
}

/** A scope covers the target when it is the target, or the target is below it, or it is below the target (an entity). */
function covers(scope: ResourceRef, target: ResourceRef): boolean {
  const shorter = scope.names.length <= target.names.length ? scope : target;
  const longer = shorter === scope ? target : scope;
  const segments = longer.type.split('/');
  const truncated: ResourceRef = { ...longer, type: segments.slice(0, shorter.names.length + 1).join('/'), names: longer.names.slice(0, shorter.names.length) };
  return sameResource(truncated, shorter);
}
