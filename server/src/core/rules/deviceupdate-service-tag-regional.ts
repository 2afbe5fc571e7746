import { prop, Resource, TYPES } from '../model/resource';
import { asArray, asObject, asString, Value } from '../model/values';
import type { Rule } from './rule';

const REGIONAL = /^\s*AzureDeviceUpdate\.[A-Za-z0-9]+\s*$/i;

export const rule: Rule = {
  id: 'deviceupdate-service-tag-regional',
  description: 'The AzureDeviceUpdate service tag cannot be regional: network security and firewall rules must use it whole.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixable: true,
  messages: {
    regional: "'{value}' is a regional form of the AzureDeviceUpdate service tag, which cannot be regional: the rule is rejected. Use 'AzureDeviceUpdate'.",
  },
  check(ctx) {
    for (const value of addressValues(ctx.model.declared.bind(ctx.model))) {
      const text = asString(value);
      if (text === undefined || !REGIONAL.test(text)) continue;
      // The place is asked for only now: values read from a template make it when asked, and most addresses are fine.
      const at = value.loc;
      if (!at) continue;
      ctx.report({
        at,
        messageId: 'regional',
        data: { value: text.trim() },
        fixes: [{ title: "Use 'AzureDeviceUpdate'", edits: [{ op: 'replace', target: value, value: 'AzureDeviceUpdate' }] }],
      });
    }
  },
};

const NSG_KEYS = ['sourceAddressPrefix', 'destinationAddressPrefix', 'sourceAddressPrefixes', 'destinationAddressPrefixes'];
const FIREWALL_KEYS = ['sourceAddresses', 'destinationAddresses'];

/** Every address field of security rules, Azure Firewall rules and firewall policy rules. */
function addressValues(declared: (type: string) => readonly Resource[]): Value[] {
  const out: Value[] = [];
  const take = (object: Value | undefined, keys: string[]) => {
    const o = asObject(object);
    if (!o) return;
    for (const key of keys) {
      const v = o.get(key);
      if (!v) continue;
      if (v.kind === 'array') out.push(...v.items);
      else out.push(v);
    }
  };
  for (const nsg of declared(TYPES.networkSecurityGroup)) {
    for (const rule of asArray(prop(nsg, 'properties.securityRules')) ?? []) take(asObject(rule)?.get('properties'), NSG_KEYS);
  }
  for (const rule of declared(TYPES.securityRule)) take(prop(rule, 'properties'), NSG_KEYS);
  for (const firewall of declared(TYPES.azureFirewall)) {
    for (const collection of asArray(prop(firewall, 'properties.networkRuleCollections')) ?? []) {
      for (const rule of asArray(asObject(asObject(collection)?.get('properties'))?.get('rules')) ?? []) take(rule, FIREWALL_KEYS);
    }
  }
  for (const group of declared(TYPES.firewallPolicyRuleCollectionGroup)) {
    for (const collection of asArray(prop(group, 'properties.ruleCollections')) ?? []) {
      for (const rule of asArray(asObject(collection)?.get('rules')) ?? []) take(rule, FIREWALL_KEYS);
    }
  }
  return out;
}
