import { endpointTarget, firewallOf, FirewallState } from '../azure/downstream';
import { HubEndpoint, hubEndpoints } from '../azure/iothub';
import { displayName, Resource, TYPES } from '../model/resource';
import { describeEndpoint } from './iothub-egress-allowlist-missing-endpoint';
import { claim, eachDeclared, Rule } from './rule';

const KIND_TEXT: Record<string, string> = {
  [TYPES.storageAccount.toLowerCase()]: 'Storage account',
  [TYPES.eventHubNamespace.toLowerCase()]: 'Event Hubs namespace',
  [TYPES.serviceBusNamespace.toLowerCase()]: 'Service Bus namespace',
};

export const rule: Rule = {
  id: 'downstream-trusted-services-blocked',
  description: 'A firewalled storage account or namespace that a hub sends to must let trusted Microsoft services through.',
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    blocked:
      "{kind} '{target}' denies public traffic and does not let trusted Microsoft services through: {endpoint} cannot deliver to it.",
  },
  check(ctx) {
    // One finding per firewall, naming every endpoint that it blocks.
    const blocked = new Map<Resource, { firewall: FirewallState; endpoints: HubEndpoint[] }>();
    eachDeclared(ctx, TYPES.hub, (hub) => {
      for (const endpoint of hubEndpoints(hub, ctx)) {
        // Key-based access never passes as a trusted service: iothub-key-auth-to-firewalled-endpoint says so.
        if (endpoint.auth !== 'identityBased') continue;
        const target = endpointTarget(endpoint, ctx.model);
        const firewall = target && firewallOf(target, ctx.model);
        if (!target || !firewall || firewall.trustedServicesAllowed !== false) continue;
        const entry = blocked.get(target) ?? { firewall, endpoints: [] };
        entry.endpoints.push(endpoint);
        blocked.set(target, entry);
      }
    });
    for (const [target, { firewall, endpoints }] of blocked) {
      const first = describeEndpoint(endpoints[0]).replace(/^\w/, (c) => c.toLowerCase());
      const more = endpoints.length > 1 ? ` (and ${endpoints.length - 1} more endpoint${endpoints.length > 2 ? 's' : ''})` : '';
      const fix = firewall.allowTrustedServices();
      ctx.report({
        at: firewall.loc,
        messageId: 'blocked',
        data: { kind: KIND_TEXT[target.type.toLowerCase()] ?? 'Resource', target: displayName(target), endpoint: first + more },
        related: endpoints.map((e) => ({ at: e.loc, message: `${describeEndpoint(e)} sends here.` })),
        claims: endpoints.map((e) => claim('endpoint-delivers', e.loc, false)),
        fixes: fix ? [fix] : [],
      });
    }
  },
};
