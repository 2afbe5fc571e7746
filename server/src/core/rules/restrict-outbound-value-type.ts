import { displayName, prop, Resource, TYPES } from '../model/resource';
import { isKnown, Json, Value } from '../model/values';
import { eachDeclared, Report, Rule } from './rule';

/** How a value reads in a message: `"Enabled"`, `true`. */
export function shown(v: Value): string {
  if (v.kind === 'string') return JSON.stringify(v.value);
  if (v.kind === 'number' || v.kind === 'boolean') return String(v.value);
  return v.kind;
}

/** The boolean a hub meant, from a string or number someone wrote. */
function hubValue(v: Value): boolean | undefined {
  if (v.kind === 'string') {
    const s = v.value.trim().toLowerCase();
    if (s === 'true' || s === 'enabled') return true;
    if (s === 'false' || s === 'disabled') return false;
  }
  return undefined;
}

/** The `Enabled` / `Disabled` a cluster meant. */
function clusterValue(v: Value): 'Enabled' | 'Disabled' | undefined {
  if (v.kind === 'boolean') return v.value ? 'Enabled' : 'Disabled';
  if (v.kind === 'string') {
    const s = v.value.trim().toLowerCase();
    if (s === 'enabled' || s === 'true') return 'Enabled';
    if (s === 'disabled' || s === 'false') return 'Disabled';
  }
  return undefined;
}

function check(resource: Resource, valid: (v: Value) => boolean, suggest: (v: Value) => Json | undefined, messageId: string): Report | undefined {
  const value = prop(resource, 'properties.restrictOutboundNetworkAccess');
  if (!value || !isKnown(value) || valid(value)) return undefined;
  const suggestion = suggest(value);
  return {
    at: value.loc ?? resource.nameLoc,
    messageId,
    data: { name: displayName(resource), value: shown(value), suggestion: suggestion === undefined ? '' : JSON.stringify(suggestion) },
    fixes: suggestion === undefined ? [] : [{ title: `Write ${JSON.stringify(suggestion)}`, safety: 'safe', edits: [{ op: 'replace', target: value, value: suggestion }] }],
  };
}

export const rule: Rule = {
  id: 'restrict-outbound-value-type',
  description: 'restrictOutboundNetworkAccess is a boolean on IoT Hub and the string Enabled or Disabled on Azure Data Explorer.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    hub: "restrictOutboundNetworkAccess of hub '{name}' is {value}, but IoT Hub takes a boolean (true or false).",
    cluster: "restrictOutboundNetworkAccess of cluster '{name}' is {value}, but Azure Data Explorer takes the string 'Enabled' or 'Disabled'.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      const report = check(hub, (v) => v.kind === 'boolean', hubValue, 'hub');
      if (report) ctx.report(report);
    });
    eachDeclared(ctx, TYPES.cluster, (cluster) => {
      const report = check(cluster, (v) => v.kind === 'string' && (v.value === 'Enabled' || v.value === 'Disabled'), clusterValue, 'cluster');
      if (report) ctx.report(report);
    });
  },
};
