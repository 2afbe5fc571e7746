import { CALLOUT_TYPES, compileCalloutPattern, matchesAnything } from '../azure/kusto';
import { displayName, prop, TYPES } from '../model/resource';
import { asArray, asObject, asString, isKnown } from '../model/values';
import { eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'kusto-callout-policy-invalid',
  description: 'Each callout policy of a Data Explorer cluster has a known callout type, Allow or Deny, and a valid, narrow URI pattern.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    type: "Callout policy {index} of cluster '{cluster}' has calloutType '{value}', which the service does not know (known: {known}).",
    access: "Callout policy {index} of cluster '{cluster}' has outboundAccess '{value}': it must be 'Allow' or 'Deny'.",
    noPattern: "Callout policy {index} of cluster '{cluster}' has no calloutUriRegex: the policy matches nothing it can be checked against.",
    badPattern: "Callout policy {index} of cluster '{cluster}' has calloutUriRegex '{value}', which is not a valid regular expression.",
    broad: "Callout policy {index} of cluster '{cluster}' allows '{value}', which matches any URI: it defeats the outbound restriction.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.cluster, (cluster) => {
      const policies = asArray(prop(cluster, 'properties.calloutPolicies')) ?? [];
      policies.forEach((item, i) => {
        const policy = asObject(item);
        if (!policy) return;
        const data = { index: i + 1, cluster: displayName(cluster) };
        const type = policy.get('calloutType');
        const typeText = asString(type);
        if (typeText !== undefined && !CALLOUT_TYPES.includes(typeText.toLowerCase())) {
          ctx.report({ at: type!.loc ?? cluster.nameLoc, messageId: 'type', data: { ...data, value: typeText, known: CALLOUT_TYPES.join(', ') } });
        }
        const access = policy.get('outboundAccess');
        const accessText = asString(access);
        if (accessText !== undefined && accessText !== 'Allow' && accessText !== 'Deny') {
          const proper = ['Allow', 'Deny'].find((a) => a.toLowerCase() === accessText.trim().toLowerCase());
          ctx.report({
            at: access!.loc ?? cluster.nameLoc,
            messageId: 'access',
            data: { ...data, value: accessText },
            fixes: proper ? [{ title: `Write '${proper}'`, safety: 'safe', edits: [{ op: 'replace', target: access!, value: proper }] }] : [],
          });
        }
        const pattern = policy.get('calloutUriRegex');
        if (pattern === undefined) {
          ctx.report({ at: item.loc ?? cluster.nameLoc, messageId: 'noPattern', data });
          return;
        }
        const patternText = asString(pattern);
        if (patternText === undefined) {
          if (isKnown(pattern)) ctx.report({ at: pattern.loc ?? cluster.nameLoc, messageId: 'badPattern', data: { ...data, value: String(pattern.kind) } });
          return;
        }
        if (!compileCalloutPattern(patternText)) {
          ctx.report({ at: pattern.loc ?? cluster.nameLoc, messageId: 'badPattern', data: { ...data, value: patternText } });
        } else if (accessText?.toLowerCase() === 'allow' && matchesAnything(patternText)) {
          ctx.report({ at: pattern.loc ?? cluster.nameLoc, messageId: 'broad', severity: 'warning', data: { ...data, value: patternText } });
        }
      });
    });
  },
};
