import { identityRef } from '../azure/iothub';
import { displayName, prop, TYPES } from '../model/resource';
import { asArray, asObject, isOneOf } from '../model/values';
import { eachDeclared, Rule } from './rule';

export const rule: Rule = {
  id: 'deviceupdate-hub-public-access-disabled',
  description: 'Device Update does not support a linked IoT hub whose public network access is disabled.',
  severity: 'error',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: [],
  messages: {
    disabled:
      "Device Update instance '{instance}' links hub '{hub}', whose publicNetworkAccess is Disabled: disabling public network access in the linked IoT hub is not supported by Device Update.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.aduInstance, (instance) => {
      for (const link of asArray(prop(instance, 'properties.iotHubs')) ?? []) {
        const resourceId = asObject(link)?.get('resourceId');
        const hub = ctx.model.resolveDeclared(identityRef(resourceId), instance);
        const access = hub && prop(hub, 'properties.publicNetworkAccess');
        if (!hub || !isOneOf(access, 'Disabled')) continue;
        ctx.report({
          at: resourceId?.loc ?? instance.nameLoc,
          messageId: 'disabled',
          data: { instance: displayName(instance), hub: displayName(hub) },
          related: access?.loc ? [{ at: access.loc, message: `Public network access of hub '${displayName(hub)}' is disabled here.` }] : [],
        });
      }
    });
  },
};
