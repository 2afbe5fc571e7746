/**
 * Private Link facts per service: the group ids it offers and the private
 * DNS zones its private endpoints need (all clouds).
 */
import type { Cloud } from '../clouds';
import { ResourceRef, sameType } from '../model/ids';
import { TYPES } from '../model/resource';

export interface PrivateLinkService {
  type: string;
  label: string;
  /** `a` or `an`, for messages. */
  article: 'a' | 'an';
  groupIds: readonly string[];
  /** The group id to suggest. */
  canonicalGroupId: string;
  /** Whether a zone name serves this service in a cloud. */
  zoneMatches(zone: string, cloud: Cloud): boolean;
  /** The zones it needs, in words, in a cloud. */
  zonesText(cloud: Cloud): string;
}

/**
 * Zone patterns per suffix family: in Azure's public cloud every cloud's
 * zones are accepted (a template may target any cloud); a sovereign cloud
 * selected with --cloud accepts only its own.
 */
const SUFFIXES: Record<string, { AzureCloud: string; AzureChinaCloud: string; AzureUSGovernment: string }> = {
  devices: { AzureCloud: 'azure-devices\\.net', AzureChinaCloud: 'azure-devices\\.cn', AzureUSGovernment: 'azure-devices\\.us' },
  serviceBus: { AzureCloud: 'servicebus\\.windows\\.net', AzureChinaCloud: 'servicebus\\.chinacloudapi\\.cn', AzureUSGovernment: 'servicebus\\.usgovcloudapi\\.net' },
  kusto: { AzureCloud: 'kusto\\.windows\\.net', AzureChinaCloud: 'kusto\\.chinacloudapi\\.cn', AzureUSGovernment: 'kusto\\.usgovcloudapi\\.net' },
};

function suffixes(family: string, cloud: Cloud): string {
  const all = SUFFIXES[family];
  return cloud.name === 'AzureCloud' ? `(?:${Object.values(all).join('|')})` : all[cloud.name];
}

const zones = (templates: string[]) => (zone: string, cloud: Cloud) =>
  templates.some((t) => new RegExp(`^${t.replace(/\{(\w+)\}/g, (_m, family: string) => suffixes(family, cloud))}$`).test(zone.trim().toLowerCase()));

export const PRIVATE_LINK_SERVICES: readonly PrivateLinkService[] = [
  {
    type: TYPES.hub,
    label: 'IoT hub',
    article: 'an',
    groupIds: ['iotHub', 'iotHubService', 'iotHubDevice'],
    canonicalGroupId: 'iotHub',
    zoneMatches: zones(['privatelink\\.{devices}', 'privatelink\\.{serviceBus}']),
    zonesText: (cloud) => `privatelink.${cloud.iotHub}, and privatelink.${cloud.serviceBus} for the built-in endpoint`,
  },
  {
    type: TYPES.cluster,
    label: 'Data Explorer cluster',
    article: 'a',
    groupIds: ['cluster'],
    canonicalGroupId: 'cluster',
    zoneMatches: zones(['privatelink\\.[a-z0-9]+\\.{kusto}']),
    zonesText: (cloud) => `privatelink.<region>.${cloud.kusto}`,
  },
  {
    type: TYPES.aduAccount,
    label: 'Device Update account',
    article: 'a',
    groupIds: ['DeviceUpdate'],
    canonicalGroupId: 'DeviceUpdate',
    zoneMatches: zones(['privatelink\\.(api\\.)?adu\\.microsoft\\.com']),
    zonesText: () => 'privatelink.adu.microsoft.com or privatelink.api.adu.microsoft.com',
  },
];

export function privateLinkServiceOf(ref: ResourceRef | undefined): PrivateLinkService | undefined {
  if (!ref) return undefined;
  return PRIVATE_LINK_SERVICES.find((s) => sameType(s.type, ref.type));
}
