import type { FixProposal } from '../fixes/edits';
import { displayName, prop, TYPES } from '../model/resource';
import { asArray, asObject, asString } from '../model/values';
import { propertyLoc } from './locate';
import { eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'kusto-egress-rules-without-restriction',
  description: "A Data Explorer cluster's allowedFqdnList restricts nothing unless restrictOutboundNetworkAccess is Enabled.",
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['unsafe'],
  messages: {
    absent: "Cluster '{cluster}' sets allowedFqdnList but not restrictOutboundNetworkAccess: outbound access stays unrestricted.",
    disabled: "Cluster '{cluster}' sets allowedFqdnList while restrictOutboundNetworkAccess is '{value}': outbound access stays unrestricted.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.cluster, (cluster) => {
      const properties = asObject(prop(cluster, 'properties'));
      if (!properties || !asArray(properties.get('allowedFqdnList'))?.length) return;
      const restrict = properties.get('restrictOutboundNetworkAccess');
      // A value of the wrong type is restrict-outbound-value-type's; an unknown one may well be Enabled.
      const text = restrict === undefined ? undefined : asString(restrict);
      if (restrict !== undefined && (text === undefined || !['disabled', 'false'].includes(text.trim().toLowerCase()))) return;
      const fix: FixProposal = {
        title: "Set restrictOutboundNetworkAccess to 'Enabled' — outbound access to hosts not in allowedFqdnList is blocked",
        // The restriction it turns on blocks every callout and host the list does not name.
        safety: 'unsafe',
        edits: [{ op: 'set', object: properties, key: 'restrictOutboundNetworkAccess', value: 'Enabled' }] };
      ctx.report({
        at: restrict ? propertyLoc(ctx, properties, 'restrictOutboundNetworkAccess', cluster) : propertyLoc(ctx, properties, 'allowedFqdnList', cluster),
        messageId: restrict ? 'disabled' : 'absent',
        data: { cluster: displayName(cluster), value: text ?? '' },
        fixes: [fix],
      });
    });
  },
};
