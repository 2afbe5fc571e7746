import type { FixProposal } from '../fixes/edits';
import { displayName, prop, TYPES } from '../model/resource';
import { asArray, asObject } from '../model/values';
import { propertyLoc } from './locate';
import { eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'kusto-allowlist-and-callout-policies',
  description: 'A Data Explorer cluster takes an FQDN allow list or callout policies for restricted outbound access, not both: configuring both is an error.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['unsafe'],
  messages: {
    allowList: "Cluster '{cluster}' sets both allowedFqdnList and calloutPolicies: configuring both results in an error. Keep one.",
    callouts: "Cluster '{cluster}' sets both calloutPolicies and allowedFqdnList: configuring both results in an error. Keep one.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.cluster, (cluster) => {
      const properties = asObject(prop(cluster, 'properties'));
      if (!properties) return;
      const fqdns = asArray(properties.get('allowedFqdnList'));
      const callouts = asArray(properties.get('calloutPolicies'));
      if (!fqdns?.length || !callouts?.length) return;
      const fqdnLoc = propertyLoc(ctx, properties, 'allowedFqdnList', cluster);
      const calloutLoc = propertyLoc(ctx, properties, 'calloutPolicies', cluster);
      // Either removal blocks what the removed setting allowed: both are unsafe. Both findings offer them in the same
      // order, so that applying the first fix of each (--fix --unsafe-fixes) never removes both settings.
      const fixes: FixProposal[] = [
        {
          title: 'Remove allowedFqdnList — the hosts it allows are blocked unless a callout policy allows them',
          safety: 'unsafe',
          edits: [{ op: 'remove', object: properties, key: 'allowedFqdnList' }],
        },
        {
          title: 'Remove calloutPolicies — the callouts they allow are blocked unless allowedFqdnList allows their hosts',
          safety: 'unsafe',
          edits: [{ op: 'remove', object: properties, key: 'calloutPolicies' }],
        },
      ];
      const data = { cluster: displayName(cluster) };
      ctx.report({ at: fqdnLoc, messageId: 'allowList', data, related: [{ at: calloutLoc, message: 'The callout policies.' }], fixes });
      ctx.report({ at: calloutLoc, messageId: 'callouts', data, related: [{ at: fqdnLoc, message: 'The FQDN allow list.' }], fixes });
    });
  },
};
