/** The rule catalog (`rules.md`): one module per rule, named by its id. */
import { CONFIGURABLE_TOOL_FINDINGS } from '../findings';
import type { Rule } from './rule';
import { rule as downstreamTrustedServicesBlocked } from './downstream-trusted-services-blocked';
import { rule as deviceupdateHubPublicAccessDisabled } from './deviceupdate-hub-public-access-disabled';
import { rule as deviceupdateServiceTagRegional } from './deviceupdate-service-tag-regional';
import { rule as egressAllowlistInvalidEntry } from './egress-allowlist-invalid-entry';
import { rule as iothubBuiltinEndpointBypassesIsolation } from './iothub-builtin-endpoint-bypasses-isolation';
import { rule as iothubEgressAllowlistEmpty } from './iothub-egress-allowlist-empty';
import { rule as iothubEgressAllowlistMissingBuiltinEndpoint } from './iothub-egress-allowlist-missing-builtin-endpoint';
import { rule as iothubEgressAllowlistMissingEndpoint } from './iothub-egress-allowlist-missing-endpoint';
import { rule as iothubIdentityBroadRole } from './iothub-identity-broad-role';
import { rule as iothubIdentityMissing } from './iothub-identity-missing';
import { rule as iothubIdentityRoleMissing } from './iothub-identity-role-missing';
import { rule as iothubKeyAuthToFirewalledEndpoint } from './iothub-key-auth-to-firewalled-endpoint';
import { rule as kustoAllowlistAndCalloutPolicies } from './kusto-allowlist-and-callout-policies';
import { rule as kustoCalloutAlterBlocked } from './kusto-callout-alter-blocked';
import { rule as kustoCalloutPolicyInvalid } from './kusto-callout-policy-invalid';
import { rule as kustoEgressRulesWithoutRestriction } from './kusto-egress-rules-without-restriction';
import { rule as privateDnsZoneMismatch } from './private-dns-zone-mismatch';
import { rule as privateEndpointConnectionNotApproved } from './private-endpoint-connection-not-approved';
import { rule as privateEndpointGroupId } from './private-endpoint-group-id';
import { rule as restrictOutboundApiVersion } from './restrict-outbound-api-version';
import { rule as restrictOutboundValueType } from './restrict-outbound-value-type';

/** In the catalog's order. */
export const RULES: readonly Rule[] = [
  iothubEgressAllowlistMissingBuiltinEndpoint,
  iothubEgressAllowlistMissingEndpoint,
  iothubEgressAllowlistEmpty,
  restrictOutboundValueType,
  restrictOutboundApiVersion,
  egressAllowlistInvalidEntry,
  iothubIdentityMissing,
  iothubIdentityBroadRole,
  iothubIdentityRoleMissing,
  downstreamTrustedServicesBlocked,
  iothubKeyAuthToFirewalledEndpoint,
  iothubBuiltinEndpointBypassesIsolation,
  privateEndpointGroupId,
  privateDnsZoneMismatch,
  privateEndpointConnectionNotApproved,
  kustoAllowlistAndCalloutPolicies,
  kustoEgressRulesWithoutRestriction,
  kustoCalloutPolicyInvalid,
  kustoCalloutAlterBlocked,
  deviceupdateHubPublicAccessDisabled,
  deviceupdateServiceTagRegional,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** What a configuration (or `--rule`) may set a level for: the rules, and the tool's findings it may silence. */
export const LEVEL_IDS: ReadonlySet<string> = new Set([...RULE_IDS, ...CONFIGURABLE_TOOL_FINDINGS.map((f) => f.id)]);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
