import { endpointTarget, firewallOf } from '../azure/downstream';
import { addSystemAssignedEdits } from '../azure/identityFix';
import { HubEndpoint, hubEndpoints, targetKindOf } from '../azure/iothub';
import type { FixProposal, ModelEdit } from '../fixes/edits';
import { displayName, TYPES } from '../model/resource';
import { describeEndpoint } from './iothub-egress-allowlist-missing-endpoint';
import { claim, eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'iothub-key-auth-to-firewalled-endpoint',
  description: 'Key-based access from a hub cannot pass a firewall: only identity-based access is admitted as a trusted Microsoft service.',
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['unsafe'],
  messages: {
    keyAuth:
      "{endpoint} authenticates with a key to '{target}', which denies public traffic: the trusted-services exception admits only identity-based access, so delivery fails.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      for (const endpoint of hubEndpoints(hub, ctx)) {
        if (endpoint.auth !== 'keyBased') continue;
        const target = endpointTarget(endpoint, ctx.model);
        const firewall = target && firewallOf(target, ctx.model);
        if (!target || !firewall?.firewalled) continue;
        const fix = switchToIdentity(endpoint);
        ctx.report({
          at: endpoint.loc,
          messageId: 'keyAuth',
          data: { endpoint: describeEndpoint(endpoint), target: displayName(target) },
          related: [{ at: firewall.loc, message: `The firewall of '${displayName(target)}'.` }],
          claims: [claim('endpoint-delivers', endpoint.loc, false)],
          fixes: fix ? [fix] : [],
        });
      }
    });
  },
};

/**
 * Identity-based access to the same place: `endpointUri` (and `entityPath`)
 * from the connection string, which goes away with its key. The hub gets a
 * system-assigned identity when it has none.
 */
function switchToIdentity(endpoint: HubEndpoint): FixProposal | undefined {
  if (endpoint.kind === 'fileUpload' || !endpoint.host || endpoint.addressKey !== 'connectionString') return undefined;
  // A host read from a parameter would be frozen into the template as text: no fix then.
  if (endpoint.address?.input) return undefined;
  const kind = targetKindOf(endpoint.kind);
  const edits: ModelEdit[] = [];
  if (kind === 'storage') {
    edits.push({ op: 'set', object: endpoint.item, key: 'endpointUri', value: `https://${endpoint.host}/` });
  } else if (kind === 'eventHubs' || kind === 'serviceBus') {
    if (!endpoint.entityPath) return undefined;
    edits.push({ op: 'set', object: endpoint.item, key: 'endpointUri', value: `sb://${endpoint.host}` });
    edits.push({ op: 'set', object: endpoint.item, key: 'entityPath', value: endpoint.entityPath });
  } else {
    return undefined;
  }
  edits.push({ op: 'set', object: endpoint.item, key: 'authenticationType', value: 'identityBased' });
  edits.push({ op: 'remove', object: endpoint.item, key: 'connectionString' });
  const identity = addSystemAssignedEdits(endpoint.hub);
  if (!identity) return undefined;
  edits.push(...identity);
  // The connection string goes, and the identity needs a data role on the target before delivery works again.
  const consequence = ' — removes the connection string; delivery needs a data role for that identity on the target';
  const title = identity.length > 0 ? 'Switch to identity-based access, and give the hub a system-assigned identity' : "Switch to identity-based access with the hub's system-assigned identity";
  return { title: title + consequence, safety: 'unsafe', edits };
}
