import { egressRestricted, HubEndpoint, hubEndpoints } from '../azure/iothub';
import { displayName, prop, TYPES } from '../model/resource';
import { asArray, asObject, asString } from '../model/values';
import { propertyLoc } from './locate';
import type { Rule } from './rule';

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
  fixable: true,
  messages: {
    missing: "{endpoint} will fail: '{host}' is not in allowedFqdnList.",
  },
  check(ctx) {
    for (const hub of ctx.model.declared(TYPES.hub)) {
      if (!egressRestricted(hub)) continue;
      const properties = asObject(prop(hub, 'properties'));
      const list = properties?.get('allowedFqdnList');
      const items = asArray(list);
      // An absent or empty list is reported by iothub-egress-allowlist-empty.
      if (!items || items.length === 0) continue;
      const entries = items.map(asString);
      if (entries.some((e) => e === undefined)) continue;
      const allowed = new Set((entries as string[]).map((e) => e.trim().toLowerCase()));
      const listLoc = propertyLoc(ctx, properties, 'allowedFqdnList', hub);
      // One finding per missing host, on the first endpoint that sends there; the others are related places.
      const byHost = new Map<string, HubEndpoint[]>();
      for (const endpoint of hubEndpoints(hub, ctx.cloud)) {
        if (!endpoint.host || allowed.has(endpoint.host)) continue;
        byHost.set(endpoint.host, [...(byHost.get(endpoint.host) ?? []), endpoint]);
      }
      for (const [host, endpoints] of byHost) {
        const [first, ...others] = endpoints;
        ctx.report({
          at: first.loc,
          messageId: 'missing',
          data: { endpoint: describeEndpoint(first) + (others.length ? ` (and ${others.length} more sending there)` : ''), host },
          related: [
            { at: listLoc, message: `The allow list of hub '${displayName(hub)}'.` },
            ...others.map((e) => ({ at: e.loc, message: `${describeEndpoint(e)} sends to '${host}' too.` })),
          ],
          fixes: list?.kind === 'array' ? [{ title: `Add '${host}' to allowedFqdnList`, edits: [{ op: 'append', array: list, value: host }] }] : [],
        });
      }
    }
  },
};
