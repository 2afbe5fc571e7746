/**
 * Private Link facts per service: the group ids it offers and the private
 * DNS zones its private endpoints need (all clouds).
 */
import { ResourceRef, sameType } from '../model/ids';
import { TYPES } from '../model/resource';

export interface PrivateLinkService {
  type: string;
  label: string;
  groupIds: readonly string[];
  /** The group id to suggest. */
  canonicalGroupId: string;
  /** Whether a zone name serves this service. */
  zoneMatches(zone: string): boolean;
  zonesText: string;
}

const any = (patterns: RegExp[]) => (zone: string) => patterns.some((p) => p.test(zone.trim().toLowerCase()));

export const PRIVATE_LINK_SERVICES: readonly PrivateLinkService[] = [
  {
    type: TYPES.hub,
    label: 'IoT hub',
    groupIds: ['iotHub', 'iotHubService', 'iotHubDevice'],
    canonicalGroupId: 'iotHub',
    zoneMatches: any([/^privatelink\.azure-devices\.(net|cn|us)$/, /^privatelink\.servicebus\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/]),
    zonesText: 'privatelink.azure-devices.net, and privatelink.servicebus.windows.net for the built-in endpoint',
  },
  {
    type: TYPES.cluster,
    label: 'Data Explorer cluster',
    groupIds: ['cluster'],
    canonicalGroupId: 'cluster',
    zoneMatches: any([/^privatelink\.[a-z0-9]+\.kusto\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/]),
    zonesText: 'privatelink.<region>.kusto.windows.net',
  },
  {
    type: TYPES.aduAccount,
    label: 'Device Update account',
    groupIds: ['DeviceUpdate'],
    canonicalGroupId: 'DeviceUpdate',
    zoneMatches: any([/^privatelink\.(api\.)?adu\.microsoft\.com$/]),
    zonesText: 'privatelink.adu.microsoft.com or privatelink.api.adu.microsoft.com',
  },
];

export function privateLinkServiceOf(ref: ResourceRef | undefined): PrivateLinkService | undefined {
  if (!ref) return undefined;
  return PRIVATE_LINK_SERVICES.find((s) => sameType(s.type, ref.type));
}
