import { displayName, displayValue, prop, Resource, TYPES } from '../model/resource';
import { asArray, asObject, asString, Value } from '../model/values';
import { eachDeclared, Rule } from './rule';

const SERVICES = [
  { type: TYPES.hub, connectionType: TYPES.hubPrivateEndpointConnection, label: 'IoT hub', messageId: 'pending' },
  { type: TYPES.cluster, connectionType: TYPES.clusterPrivateEndpointConnection, label: 'Data Explorer cluster', messageId: 'pending' },
  { type: TYPES.aduAccount, connectionType: TYPES.aduPrivateEndpointConnection, label: 'Device Update account', messageId: 'adu' },
] as const;

const NOT_APPROVED = ['pending', 'rejected', 'disconnected'];

export const rule: Rule = {
  id: 'private-endpoint-connection-not-approved',
  description: 'A private endpoint connection to an IoT hub, Data Explorer cluster or Device Update account carries no traffic until it is Approved.',
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: [],
  messages: {
    pending: "Private endpoint connection '{connection}' of {service} '{name}' is {status}: no traffic flows over it until it is Approved.",
    adu: "Private endpoint connection '{connection}' of Device Update account '{name}' is {status}: update management fails until it is Approved.{rejected}",
  },
  check(ctx) {
    for (const service of SERVICES) {
      const report = (ownerName: string, connectionName: string, status: Value | undefined, fallback: Resource) => {
        const text = asString(status);
        if (!text || !NOT_APPROVED.includes(text.toLowerCase())) return;
        ctx.report({
          at: status?.loc ?? fallback.nameLoc,
          messageId: service.messageId,
          data: {
            connection: connectionName,
            service: service.label,
            name: ownerName,
            status: text,
            rejected: text.toLowerCase() === 'rejected' ? ' A rejected connection cannot be approved again: delete it and create it anew.' : '',
          },
        });
      };
      // Connections as child resources…
      eachDeclared(ctx, service.connectionType, (connection) => {
        // The service's name is the connection's, less its own last segment (the service need not be declared).
        const owner = connection.names.slice(0, -1).map(displayValue).join('/');
        const name = displayValue(connection.names[connection.names.length - 1]);
        report(owner, name, prop(connection, 'properties.privateLinkServiceConnectionState.status'), connection);
      });
      // …and as the service's own list (live state returns them there).
      eachDeclared(ctx, service.type, (owner) => {
        for (const item of asArray(prop(owner, 'properties.privateEndpointConnections')) ?? []) {
          const connection = asObject(item);
          const name = asString(connection?.get('name')) ?? '?';
          const status = asObject(asObject(connection?.get('properties'))?.get('privateLinkServiceConnectionState'))?.get('status');
          report(displayName(owner), name, status, owner);
        }
      });
    }
  },
};
