import { ownMemo, prop, Resource, typeKeyOf, TYPES } from '../model/resource';
import { asArray, asObject, asString, Value } from '../model/values';
import { eachDeclared, Rule } from './rule';

const REGIONAL = /^\s*AzureDeviceUpdate\.[A-Za-z0-9]+\s*$/i;

export const rule: Rule = {
  id: 'deviceupdate-service-tag-regional',
  description: 'The AzureDeviceUpdate service tag cannot be regional: network security and firewall rules must use it whole.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['safe'],
  messages: {
    regional: "'{value}' is a regional form of the AzureDeviceUpdate service tag, which cannot be regional: the rule is rejected. Use 'AzureDeviceUpdate'.",
  },
  check(ctx) {
    for (const type of [TYPES.networkSecurityGroup, TYPES.securityRule, TYPES.azureFirewall, TYPES.firewallPolicyRuleCollectionGroup]) {
      eachDeclared(ctx, type, (resource) => {
        for (const { value, text } of ownMemo(resource, 'deviceupdate:regional-tags', regionalTags)) {
          // The place is asked for only now: values read from a template make it when asked, and most addresses are fine.
          const at = value.loc;
          if (!at) continue;
          ctx.report({
            at,
            messageId: 'regional',
            data: { value: text.trim() },
            fixes: [{ title: "Use 'AzureDeviceUpdate'", safety: 'safe', edits: [{ op: 'replace', target: value, value: 'AzureDeviceUpdate' }] }],
          });
        }
      });
    }
  },
};

/** The types whose rules hold addresses, as the model indexes them. */
const SECURITY_GROUP = typeKeyOf(TYPES.networkSecurityGroup);
const SECURITY_RULE = typeKeyOf(TYPES.securityRule);
const FIREWALL = typeKeyOf(TYPES.azureFirewall);

const NSG_KEYS = ['sourceAddressPrefix', 'destinationAddressPrefix', 'sourceAddressPrefixes', 'destinationAddressPrefixes'];
const FIREWALL_KEYS = ['sourceAddresses', 'destinationAddresses'];

/** The address fields of a security group, security rule, Azure Firewall or firewall policy rule collection group that hold a regional AzureDeviceUpdate tag. */
function regionalTags(resource: Resource): Array<{ value: Value; text: string }> {
  const out: Array<{ value: Value; text: string }> = [];
  const take = (object: Value | undefined, keys: string[]) => {
    const o = asObject(object);
    if (!o) return;
    for (const key of keys) {
      const v = o.get(key);
      for (const value of !v ? [] : v.kind === 'array' ? v.items : [v]) {
        const text = asString(value);
        if (text !== undefined && REGIONAL.test(text)) out.push({ value, text });
      }
    }
  };
  switch (resource.typeKey) {
    case SECURITY_GROUP:
      for (const rule of asArray(prop(resource, 'properties.securityRules')) ?? []) take(asObject(rule)?.get('properties'), NSG_KEYS);
      break;
    case SECURITY_RULE:
      take(prop(resource, 'properties'), NSG_KEYS);
      break;
    case FIREWALL:
      for (const collection of asArray(prop(resource, 'properties.networkRuleCollections')) ?? []) {
        for (const rule of asArray(asObject(asObject(collection)?.get('properties'))?.get('rules')) ?? []) take(rule, FIREWALL_KEYS);
      }
      break;
    default: // a firewall policy's rule collection group
      for (const collection of asArray(prop(resource, 'properties.ruleCollections')) ?? []) {
        for (const rule of asArray(asObject(collection)?.get('rules')) ?? []) take(rule, FIREWALL_KEYS);
      }
  }
  return out;
}
