import { BROAD_ROLES, DATA_ROLES, hubPrincipalOf, roleOf, scopeKind } from '../azure/roles';
import { displayName, displayValue, prop, TYPES } from '../model/resource';
import { asObject } from '../model/values';
import { eachDeclared, RelatedReport, Rule } from './rule';

const KIND_TEXT = { storage: 'storage', eventHubs: 'Event Hubs', serviceBus: 'Service Bus' } as const;

export const rule: Rule = {
  id: 'iothub-identity-broad-role',
  description: "A hub's managed identity needs a data-plane role (Storage Blob Data Contributor, Event Hubs or Service Bus Data Sender), not Contributor or Owner.",
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['unsafe'],
  messages: {
    broad:
      "The identity of hub '{hub}' is given {role}, a management role that grants no data access: to deliver to {kind} it needs {needed}.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.roleAssignment, (assignment) => {
      const properties = asObject(prop(assignment, 'properties'));
      // The role first: it is read from the assignment alone, and most assignments give some other role.
      const roleValue = properties?.get('roleDefinitionId');
      const role = roleOf(roleValue);
      if (!role || !BROAD_ROLES.includes(role)) return;
      const principal = hubPrincipalOf(properties?.get('principalId'), ctx.model, assignment);
      if (!principal) return;
      const kind = scopeKind(assignment);
      const data = kind && kind in KIND_TEXT ? DATA_ROLES[kind] : undefined;
      if (!kind || !data) return;
      const hubName = principal.hubs[0] ? displayName(principal.hubs[0]) : principal.hubRef ? principal.hubRef.names.map(displayValue).join('/') : '?';
      const related: RelatedReport[] = [];
      const target = ctx.model.resolveDeclared(assignment.extensionOf, assignment);
      if (target) related.push({ at: target.nameLoc, message: `The ${KIND_TEXT[kind as keyof typeof KIND_TEXT]} resource the role is given on.` });
      ctx.report({
        at: roleValue?.loc ?? assignment.nameLoc,
        messageId: 'broad',
        data: { hub: hubName, role: role.name, kind: KIND_TEXT[kind as keyof typeof KIND_TEXT], needed: data.needed.name },
        related,
        // Azure does not change an assignment's role in place: the fix makes a new assignment, under a new name, and
        // the old one (with the access it gave) is gone once the deployment no longer declares it.
        fixes: properties
          ? [
              {
                title: `Give ${data.needed.name} instead — replaces the role assignment (a new name), and the identity loses ${role.name}`,
                safety: 'unsafe',
                edits: [
                  { op: 'set', object: properties, key: 'roleDefinitionId', value: { $roleDefinition: data.needed.guid, roleName: data.needed.name } },
                  { op: 'renameForRole', assignment, change: { from: role, to: data.needed } },
                ],
              },
            ]
          : [],
      });
    });
  },
};
