/**
 * The resources a hub sends to, found in the analysis by the host name of
 * the endpoint (storage account and namespace names are globally unique DNS
 * names), and whether their firewall lets the hub in.
 */
import { FixProposal } from '../fixes/edits';
import { Model, prop, Resource, typeKeyOf, TYPES } from '../model/resource';
import { asBoolean, asObject, asString, isOneOf, Loc, ObjectValue, Value } from '../model/values';
import { serviceOfHostName } from './hosts';
import { HubEndpoint, targetKindOf, TargetKind } from './iothub';

/** The declared resource an endpoint delivers to, when the analysis has it. Found once per endpoint and analysis: several rules ask. */
export function endpointTarget(endpoint: HubEndpoint, model: Model): Resource | undefined {
  return model.memoFor('downstream:targets', endpoint, (e) => findTarget(e, model));
}

function findTarget(endpoint: HubEndpoint, model: Model): Resource | undefined {
  // A host with pieces known by key names the resource named by the same expression (`st<uniqueString(…)>`).
  const service = endpoint.hostName && serviceOfHostName(endpoint.hostName);
  if (!service) return undefined;
  const kind = targetKindOf(endpoint.kind);
  let types: string[];
  if (service.service === 'storage') types = [TYPES.storageAccount];
  else if (service.service === 'serviceBus') types = kind === 'serviceBus' ? [TYPES.serviceBusNamespace, TYPES.eventHubNamespace] : [TYPES.eventHubNamespace, TYPES.serviceBusNamespace];
  else return undefined;
  // The hub's own file first: identical templates in two folders each send to their own target.
  for (const type of types) {
    const found = model.nearest(model.named(type, service.name), endpoint.hub).find((r) => !r.existing && r.names.length === 1);
    if (found) return found;
  }
  // A namespace this deployment only refers to (`existing`), whose network rule set it declares: that rule set is its firewall.
  for (const type of types) {
    if (type === TYPES.storageAccount) continue;
    const found = model.nearest(model.named(type, service.name), endpoint.hub).find((r) => r.existing && r.names.length === 1 && model.childrenOf(r, 'networkRuleSets').some((c) => !c.existing));
    if (found) return found;
  }
  return undefined;
}

const TARGET_KINDS: ReadonlyMap<string, TargetKind> = new Map([
  [typeKeyOf(TYPES.storageAccount), 'storage'],
  [typeKeyOf(TYPES.eventHubNamespace), 'eventHubs'],
  [typeKeyOf(TYPES.serviceBusNamespace), 'serviceBus'],
]);

export function targetKindOfResource(resource: Resource): TargetKind | undefined {
  return TARGET_KINDS.get(resource.typeKey);
}

export interface FirewallState {
  /** Public traffic is denied by default (`defaultAction: Deny`). */
  firewalled: boolean;
  /** Trusted Microsoft services, the hub among them, may pass the firewall; undefined when unknown. */
  trustedServicesAllowed: boolean | undefined;
  /** Where the firewall is set (for findings and related information). */
  loc: Loc;
  /** The fix that lets trusted services in, when it can be written; made only for a firewall reported on. */
  allowTrustedServices(): FixProposal | undefined;
}

/** The firewall of a storage account, or of an Event Hubs or Service Bus namespace (its `networkRuleSets` child). Read once per target and analysis. */
export function firewallOf(target: Resource, model: Model): FirewallState | undefined {
  return model.memoFor('downstream:firewalls', target, (t) => readFirewall(t, model));
}

function readFirewall(target: Resource, model: Model): FirewallState | undefined {
  const kind = targetKindOfResource(target);
  if (kind === 'storage') {
    const acls = asObject(prop(target, 'properties.networkAcls'));
    const defaultAction = acls?.get('defaultAction');
    if (!acls || !isOneOf(defaultAction, 'Deny')) return undefined;
    const bypass = acls.get('bypass');
    return {
      firewalled: true,
      // Without `bypass`, Azure Storage lets Azure services through.
      trustedServicesAllowed: bypass === undefined ? true : bypassAllows(bypass),
      loc: bypass?.loc ?? defaultAction!.loc ?? target.nameLoc,
      allowTrustedServices: () => (bypass ? addAzureServices(acls, bypass) : undefined),
    };
  }
  if (kind === 'eventHubs' || kind === 'serviceBus') {
    for (const ruleSet of model.childrenOf(target, 'networkRuleSets')) {
      const properties = asObject(prop(ruleSet, 'properties'));
      const defaultAction = properties?.get('defaultAction');
      if (!properties || !isOneOf(defaultAction, 'Deny')) continue;
      const trusted = properties.get('trustedServiceAccessEnabled');
      return {
        firewalled: true,
        trustedServicesAllowed: trusted === undefined ? false : asBoolean(trusted),
        loc: trusted?.loc ?? defaultAction!.loc ?? ruleSet.nameLoc,
        allowTrustedServices: () => ({
          title: 'Set trustedServiceAccessEnabled to true',
          safety: 'safe',
          edits: [{ op: 'set', object: properties, key: 'trustedServiceAccessEnabled', value: true }],
        }),
      };
    }
  }
  return undefined;
}

/** `bypass` is a comma-separated list: `"Logging, AzureServices"` lets Azure services through. */
function bypassAllows(bypass: Value): boolean | undefined {
  const s = asString(bypass);
  if (s === undefined) return undefined;
  return s.split(',').some((p) => p.trim().toLowerCase() === 'azureservices');
}

function addAzureServices(acls: ObjectValue, bypass: Value): FixProposal | undefined {
  const s = asString(bypass);
  if (s === undefined) return undefined;
  const kept = s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p.toLowerCase() !== 'none');
  const value = [...kept, 'AzureServices'].join(', ');
  return { title: `Add AzureServices to bypass ("${value}")`, safety: 'safe', edits: [{ op: 'set', object: acls, key: 'bypass', value }] };
}
