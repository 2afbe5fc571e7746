import { hostOfUri } from '../azure/hosts';
import { egressRestricted, hubEndpoints } from '../azure/iothub';
import type { FixProposal } from '../fixes/edits';
import { displayName, prop, TYPES } from '../model/resource';
import { asArray, asObject } from '../model/values';
import { propertyLoc } from './locate';
import { claim, eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'iothub-egress-allowlist-empty',
  description: 'A hub that restricts outbound access with no allowedFqdnList blocks all of its egress.',
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    absent:
      "Hub '{hub}' restricts outbound access but has no allowedFqdnList: every egress is blocked — the built-in endpoint, routing endpoints, file upload, and device import and export.",
    empty:
      "Hub '{hub}' restricts outbound access with an empty allowedFqdnList: every egress is blocked — the built-in endpoint, routing endpoints, file upload, and device import and export.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      if (!egressRestricted(hub)) return;
      const properties = asObject(prop(hub, 'properties'));
      const list = properties?.get('allowedFqdnList');
      const none = list === undefined;
      if (!none && asArray(list)?.length !== 0) return;
      const hosts = new Set<string>();
      const builtIn = hostOfUri(prop(hub, 'properties.eventHubEndpoints.events.endpoint'));
      if (builtIn) hosts.add(builtIn);
      const endpoints = hubEndpoints(hub, ctx);
      for (const endpoint of endpoints) if (endpoint.host) hosts.add(endpoint.host);
      const fixes: FixProposal[] = [];
      if (hosts.size > 0 && properties) {
        fixes.push({
          title: `Set allowedFqdnList to the known hosts (${[...hosts].join(', ')})`,
          safety: 'safe',
          edits: [{ op: 'set', object: properties, key: 'allowedFqdnList', value: [...hosts] }],
        });
      }
      ctx.report({
        at: list === undefined ? propertyLoc(ctx, properties, 'restrictOutboundNetworkAccess', hub) : propertyLoc(ctx, properties, 'allowedFqdnList', hub),
        messageId: none ? 'absent' : 'empty',
        data: { hub: displayName(hub) },
        fixes,
        // Every egress is blocked: the built-in endpoint's and each endpoint's.
        claims: [claim('builtin-endpoint-receives', hub.loc, false), ...endpoints.map((e) => claim('endpoint-delivers', e.loc, false))],
      });
    });
  },
};
