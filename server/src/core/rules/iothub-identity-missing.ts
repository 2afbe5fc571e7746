import { addSystemAssignedFix } from '../azure/identityFix';
import { hubEndpoints, hubIdentity, hubListsIdentity, identityRef } from '../azure/iothub';
import { displayName, prop, TYPES } from '../model/resource';
import { describeEndpoint } from './iothub-egress-allowlist-missing-endpoint';
import { claim, eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'iothub-identity-missing',
  description: 'An identity-based endpoint or file upload needs the hub to have the identity it names.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    noSystem: "{endpoint} authenticates with the hub's system-assigned identity, but hub '{hub}' has none: delivery fails.",
    notListed: "{endpoint} uses a user-assigned identity that hub '{hub}' does not list in identity.userAssignedIdentities: delivery fails.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      const identity = hubIdentity(hub);
      if (!identity.known) return;
      const identityLoc = prop(hub, 'identity')?.loc;
      const related = identityLoc ? [{ at: identityLoc, message: `The identity of hub '${displayName(hub)}'.` }] : [];
      for (const endpoint of hubEndpoints(hub, ctx)) {
        if (endpoint.auth !== 'identityBased') continue;
        const at = endpoint.item.get('authenticationType')?.loc ?? endpoint.loc;
        if (endpoint.userAssignedIdentity !== undefined) {
          const ref = identityRef(endpoint.userAssignedIdentity);
          if (!ref || hubListsIdentity(identity, ref) !== false) continue;
          ctx.report({
            at: endpoint.userAssignedIdentity.loc ?? at,
            messageId: 'notListed',
            data: { endpoint: describeEndpoint(endpoint), hub: displayName(hub) },
            related,
            claims: [claim('endpoint-delivers', endpoint.loc, false)],
          });
          continue;
        }
        if (identity.systemAssigned) continue;
        const fix = addSystemAssignedFix(hub);
        ctx.report({
          at,
          messageId: 'noSystem',
          data: { endpoint: describeEndpoint(endpoint), hub: displayName(hub) },
          related,
          claims: [claim('endpoint-delivers', endpoint.loc, false)],
          fixes: fix ? [fix] : [],
        });
      }
    });
  },
};
