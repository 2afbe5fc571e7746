import { hostOfUri, isBuiltInEndpointShape } from '../azure/hosts';
import { builtInEndpointReceives, egressRestricted } from '../azure/iothub';
import { displayName, prop, TYPES } from '../model/resource';
import { asArray, asObject, asString } from '../model/values';
import { propertyLoc } from './locate';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'iothub-egress-allowlist-missing-builtin-endpoint',
  description: "An IoT hub's egress allow list must include its built-in Event Hub-compatible endpoint, or that endpoint stops receiving device messages.",
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixable: true,
  messages: {
    shape:
      "Hub '{hub}' restricts outbound access, but allowedFqdnList has no entry for its built-in Event Hub-compatible endpoint (iothub-ns-….{serviceBus}): device messages routed to 'events' will not be delivered.",
    exact:
      "Hub '{hub}' restricts outbound access, but allowedFqdnList lacks its built-in Event Hub-compatible endpoint '{host}': device messages routed to 'events' will not be delivered.",
  },
  check(ctx) {
    for (const hub of ctx.model.declared(TYPES.hub)) {
      if (!egressRestricted(hub)) continue;
      const properties = asObject(prop(hub, 'properties'));
      const list = properties?.get('allowedFqdnList');
      const items = asArray(list);
      if (!items || items.length === 0) continue;
      const entries = items.map(asString);
      // An entry that cannot be read may be the built-in endpoint.
      if (entries.some((e) => e === undefined)) continue;
      if (builtInEndpointReceives(hub) !== true) continue;
      const exact = hostOfUri(prop(hub, 'properties.eventHubEndpoints.events.endpoint'));
      const normalized = (entries as string[]).map((e) => e.trim().toLowerCase());
      const present = exact ? normalized.includes(exact) : normalized.some((entry) => isBuiltInEndpointShape(entry, ctx.cloud));
      if (present) continue;
      const restrict = prop(hub, 'properties.restrictOutboundNetworkAccess');
      ctx.report({
        at: propertyLoc(ctx, properties, 'allowedFqdnList', hub),
        messageId: exact ? 'exact' : 'shape',
        data: { hub: displayName(hub), host: exact ?? '', serviceBus: ctx.cloud.serviceBus },
        related: restrict?.loc ? [{ at: restrict.loc, message: 'Outbound access is restricted here.' }] : [],
        fixes: exact && list?.kind === 'array' ? [{ title: `Add '${exact}' to allowedFqdnList`, edits: [{ op: 'append', array: list, value: exact }] }] : [],
      });
    }
  },
};
