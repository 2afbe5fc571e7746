import { displayName, prop, TYPES } from '../model/resource';
import { isOneOf, stringParts } from '../model/values';
import { eachDeclared, Rule } from './rule';

/** `.alter cluster policy callout` and `.alter-merge cluster policy callout`, as Kusto management commands. */
export const ALTER_CALLOUT = /(^|[\s;])\.alter(-merge)?\s+cluster\s+policy\s+callout\b/i;

export const rule: Rule = {
  id: 'kusto-callout-alter-blocked',
  description: 'A cluster with restricted outbound access rejects .alter cluster policy callout commands: its policies are set on the cluster resource.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: [],
  messages: {
    blocked:
      "This script alters the callout policy of cluster '{cluster}', which restricts outbound access: the command is rejected. Set allowedFqdnList or calloutPolicies on the cluster instead.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.kustoScript, (script) => {
      const content = prop(script, 'properties.scriptContent');
      // Comments (`// …` to the end of a line) are not commands; the `//` of a URL (`https://`) starts none.
      const known = stringParts(content)
        .filter((p): p is string => p !== null)
        .map((text) => text.replace(/(^|[^:])\/\/[^\n]*/g, '$1'));
      if (!content || !known.some((text) => ALTER_CALLOUT.test(text))) return;
      const cluster = ctx.model.resolveDeclared({ type: TYPES.cluster, names: script.names.slice(0, 1), subscription: script.scope.subscription, resourceGroup: script.scope.resourceGroup }, script);
      const restrict = cluster && prop(cluster, 'properties.restrictOutboundNetworkAccess');
      if (!cluster || !isOneOf(restrict, 'Enabled')) return;
      ctx.report({
        at: content.loc ?? script.nameLoc,
        messageId: 'blocked',
        data: { cluster: displayName(cluster) },
        related: restrict?.loc ? [{ at: restrict.loc, message: `Cluster '${displayName(cluster)}' restricts outbound access here.` }] : [],
      });
    });
  },
};
