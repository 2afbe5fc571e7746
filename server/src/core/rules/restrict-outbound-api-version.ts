import type { FixProposal } from '../fixes/edits';
import { displayName, prop, TYPES } from '../model/resource';
import { asString, Value } from '../model/values';
import { eachDeclared, Rule } from './rule';

interface Support {
  type: string;
  /** Each property with the first API version that knows it. */
  since: Record<string, string>;
  /** The newest stable API version this tool knows for the type. */
  newest: string;
}

/** From the resource providers' published API versions. */
const SUPPORT: Support[] = [
  { type: TYPES.hub, since: { restrictOutboundNetworkAccess: '2021-07-01', allowedFqdnList: '2021-07-01' }, newest: '2023-06-30' },
  { type: TYPES.cluster, since: { restrictOutboundNetworkAccess: '2021-08-27', allowedFqdnList: '2021-08-27', calloutPolicies: '2024-04-13' }, newest: '2025-02-14' },
];

/** Each property of each entry of SUPPORT, with its path and first API version, listed once rather than for every resource. */
const PROPERTIES = SUPPORT.map((support) => Object.entries(support.since).map(([property, since]) => ({ property, since, path: `properties.${property}` })));

/** `2021-07-01-preview` counts as 2021-07-01: the preview already has the properties. */
function dateOf(apiVersion: string): string {
  return apiVersion.slice(0, 10);
}

export const rule: Rule = {
  id: 'restrict-outbound-api-version',
  description: 'The egress restriction properties are ignored or rejected by API versions that predate them.',
  severity: 'warning',
  sources: ['arm', 'bicep'],
  fixes: ['unsafe'],
  messages: {
    old: "API version {apiVersion} of '{name}' does not know {property}, which needs {since} or later: the setting is not applied.",
  },
  check(ctx) {
    SUPPORT.forEach((support, s) => {
      eachDeclared(ctx, support.type, (resource) => {
        const apiVersion = asString(resource.apiVersion);
        if (!apiVersion || !/^\d{4}-\d{2}-\d{2}/.test(apiVersion)) return;
        const date = dateOf(apiVersion);
        let missing: (typeof PROPERTIES)[number] | undefined;
        for (const p of PROPERTIES[s]) if (date < p.since && prop(resource, p.path) !== undefined) (missing ??= []).push(p);
        if (!missing) return;
        const needed = missing.map((p) => p.since).sort().pop()!;
        ctx.report({
          at: resource.apiVersion?.loc ?? resource.nameLoc,
          messageId: 'old',
          data: { apiVersion, name: displayName(resource), property: missing.map((p) => p.property).join(' and '), since: needed },
          fixes: resource.apiVersion ? fixes(resource.apiVersion, needed, support.newest) : [],
        });
      });
    });
  },
};

function fixes(target: Value, needed: string, newest: string): FixProposal[] {
  const versions = needed === newest ? [needed] : [needed, newest];
  // Another API version reads the whole resource by its own schema (other properties, other defaults).
  return versions.map((v) => ({
    title: `Set apiVersion to ${v} (${v === needed ? 'the first that supports it' : 'the newest stable'}) — the resource's other properties are read by that version's schema`,
    safety: 'unsafe',
    edits: [{ op: 'replace', target, value: v }],
  }));
}
