import { identityRef } from '../azure/iothub';
import { PrivateLinkService, privateLinkServiceOf } from '../azure/privateLink';
import { lastName } from '../model/ids';
import { displayName, prop, Resource, TYPES } from '../model/resource';
import { asArray, asObject, asString } from '../model/values';
import { propertyLoc } from './locate';
import { eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'private-dns-zone-mismatch',
  description: 'The private DNS zone group of a private endpoint must name a zone the service needs, or clients keep resolving its public address.',
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: [],
  messages: {
    mismatch:
      "DNS zone group '{group}' of private endpoint '{endpoint}' names no zone {service} needs ({zones}): clients in the network keep resolving the public address.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.privateDnsZoneGroup, (group) => {
      const endpoint = ctx.model.parentOf(group);
      const service = endpoint && serviceOf(endpoint);
      if (!endpoint || !service) return;
      const properties = asObject(prop(group, 'properties'));
      const configs = asArray(properties?.get('privateDnsZoneConfigs'));
      if (!configs || configs.length === 0) return;
      const zones = configs.map((c) => zoneName(asObject(asObject(c)?.get('properties'))?.get('privateDnsZoneId')));
      if (zones.some((z) => z === undefined) || zones.some((z) => service.zoneMatches(z!, ctx.cloud))) return;
      ctx.report({
        at: propertyLoc(ctx, properties, 'privateDnsZoneConfigs', group),
        messageId: 'mismatch',
        data: { group: displayName(group), endpoint: displayName(endpoint), service: `${service.article} ${service.label}`, zones: service.zonesText(ctx.cloud) },
        related: [{ at: endpoint.nameLoc, message: `Private endpoint '${displayName(endpoint)}'.` }],
      });
    });
  },
};

/** The service a private endpoint connects to, from its first connection whose target is known. */
function serviceOf(endpoint: Resource): PrivateLinkService | undefined {
  for (const key of ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections']) {
    for (const connection of asArray(prop(endpoint, `properties.${key}`)) ?? []) {
      const service = privateLinkServiceOf(identityRef(asObject(asObject(connection)?.get('properties'))?.get('privateLinkServiceId')));
      if (service) return service;
    }
  }
  return undefined;
}

function zoneName(v: Parameters<typeof identityRef>[0]): string | undefined {
  const ref = identityRef(v);
  if (ref && ref.type.toLowerCase() === TYPES.privateDnsZone.toLowerCase()) return asString(lastName(ref));
  return undefined;
}
