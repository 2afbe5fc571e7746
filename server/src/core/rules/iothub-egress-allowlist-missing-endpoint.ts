import { displayHost } from '../azure/hosts';
import { allowListOf, HubEndpoint, hubEndpoints, mayListHost } from '../azure/iothub';
import { displayName, TYPES } from '../model/resource';
import { propertyLoc } from './locate';
import { claim, eachDeclared, Rule } from './rule';

/** How an endpoint is named in messages. */
export function describeEndpoint(endpoint: HubEndpoint): string {
  if (endpoint.kind === 'fileUpload') return `File upload of hub '${displayName(endpoint.hub)}'`;
  return `Routing endpoint '${endpoint.name ?? '?'}' (${endpoint.kind}) of hub '${displayName(endpoint.hub)}'`;
}

export const rule: Rule = {
  id: 'iothub-egress-allowlist-missing-endpoint',
  description: "Every custom endpoint and the file upload storage of a hub that restricts egress must be in its allowedFqdnList.",
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    missing: "{endpoint} will fail: '{host}' is not in allowedFqdnList.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      const allowList = allowListOf(hub);
      if (!allowList) return;
      const { properties, list } = allowList;
      const listLoc = propertyLoc(ctx, properties, 'allowedFqdnList', hub);
      // One finding per missing host, on the first endpoint that sends there; the others are related places.
      const byHost = new Map<string, HubEndpoint[]>();
      for (const endpoint of hubEndpoints(hub, ctx)) {
        if (!endpoint.hostName || mayListHost(allowList, endpoint.hostName)) continue;
        byHost.set(endpoint.hostName.key, [...(byHost.get(endpoint.hostName.key) ?? []), endpoint]);
      }
      for (const endpoints of byHost.values()) {
        const [first, ...others] = endpoints;
        // A host with unknown pieces is named with them elided, and never written into the list: its text is not known.
        const known = first.host;
        const host = known ?? displayHost(first.hostName!);
        ctx.report({
          at: first.loc,
          messageId: 'missing',
          data: { endpoint: describeEndpoint(first) + (others.length ? ` (and ${others.length} more sending there)` : ''), host },
          related: [
            { at: listLoc, message: `The allow list of hub '${displayName(hub)}'.` },
            ...others.map((e) => ({ at: e.loc, message: `${describeEndpoint(e)} sends to '${host}' too.` })),
          ],
          claims: endpoints.map((e) => claim('endpoint-delivers', e.loc, false)),
          fixes: known !== undefined && list.kind === 'array' ? [{ title: `Add '${host}' to allowedFqdnList`, safety: 'safe', edits: [{ op: 'append', array: list, value: known }] }] : [],
        });
      }
    });
  },
};
