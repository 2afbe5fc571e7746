import { identityRef } from '../azure/iothub';
import { privateLinkServiceOf } from '../azure/privateLink';
import { displayName, displayValue, prop, TYPES } from '../model/resource';
import { asArray, asObject, asString } from '../model/values';
import { eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'private-endpoint-group-id',
  description: 'A private endpoint to an IoT hub, Data Explorer cluster or Device Update account must ask for a group id that service offers.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    wrong: "Private endpoint '{endpoint}' asks {service} '{target}' for group id '{groupId}', which it does not offer ({offered}): the connection cannot be made.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.privateEndpoint, (endpoint) => {
      for (const key of ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections']) {
        for (const connection of asArray(prop(endpoint, `properties.${key}`)) ?? []) {
          const properties = asObject(asObject(connection)?.get('properties'));
          const targetRef = identityRef(properties?.get('privateLinkServiceId'));
          const service = privateLinkServiceOf(targetRef);
          if (!service || !targetRef) continue;
          const groupIds = properties?.get('groupIds');
          const items = asArray(groupIds) ?? [];
          const valid = (id: string | undefined) => id !== undefined && service.groupIds.some((g) => g.toLowerCase() === id.toLowerCase());
          const hasValid = items.some((i) => valid(asString(i)));
          items.forEach((item, index) => {
            const groupId = asString(item);
            if (groupId === undefined || valid(groupId)) return;
            ctx.report({
              at: item.loc ?? endpoint.nameLoc,
              messageId: 'wrong',
              data: {
                endpoint: displayName(endpoint),
                service: service.label,
                target: targetRef.names.map(displayValue).join('/'),
                groupId,
                offered: service.groupIds.join(', '),
              },
              fixes:
                hasValid && groupIds?.kind === 'array'
                  ? [{ title: `Remove group id '${groupId}'`, safety: 'safe', edits: [{ op: 'removeItem', array: groupIds, index }] }]
                  : [{ title: `Use group id '${service.canonicalGroupId}'`, safety: 'safe', edits: [{ op: 'replace', target: item, value: service.canonicalGroupId }] }],
            });
          });
        }
      }
    });
  },
};
