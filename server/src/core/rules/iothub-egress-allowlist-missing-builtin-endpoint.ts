import { allowListOf, allowsBuiltInEndpoint, builtInEndpointHost, builtInEndpointReceives } from '../azure/iothub';
import { displayName, prop, TYPES } from '../model/resource';
import { propertyLoc } from './locate';
import { claim, eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'iothub-egress-allowlist-missing-builtin-endpoint',
  description: "An IoT hub's egress allow list must include its built-in Event Hub-compatible endpoint, or that endpoint stops receiving device messages.",
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    shape:
      "Hub '{hub}' restricts outbound access, but allowedFqdnList has no entry for its built-in Event Hub-compatible endpoint (iothub-ns-….{serviceBus}): device messages routed to 'events' will not be delivered.",
    exact:
      "Hub '{hub}' restricts outbound access, but allowedFqdnList lacks its built-in Event Hub-compatible endpoint '{host}': device messages routed to 'events' will not be delivered.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      const allowList = allowListOf(hub);
      if (!allowList || builtInEndpointReceives(hub) !== true) return;
      // An entry not wholly known may be the endpoint, unless what is known of it says otherwise.
      if (allowsBuiltInEndpoint(hub, allowList, ctx.cloud)) return;
      const { properties, list } = allowList;
      const exact = builtInEndpointHost(hub);
      const restrict = prop(hub, 'properties.restrictOutboundNetworkAccess');
      ctx.report({
        at: propertyLoc(ctx, properties, 'allowedFqdnList', hub),
        messageId: exact ? 'exact' : 'shape',
        data: { hub: displayName(hub), host: exact ?? '', serviceBus: ctx.cloud.serviceBus },
        related: restrict?.loc ? [{ at: restrict.loc, message: 'Outbound access is restricted here.' }] : [],
        claims: [claim('builtin-endpoint-receives', hub.loc, false)],
        fixes: exact && list.kind === 'array' ? [{ title: `Add '${exact}' to allowedFqdnList`, safety: 'safe', edits: [{ op: 'append', array: list, value: exact }] }] : [],
      });
    });
  },
};
