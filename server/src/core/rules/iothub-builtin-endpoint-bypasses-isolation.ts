import { builtInEndpointReceives, egressBlocksBuiltInEndpoint } from '../azure/iothub';
import type { FixProposal } from '../fixes/edits';
import { displayName, prop, Resource, TYPES } from '../model/resource';
import { asArray, asBoolean, asObject, asString, isOneOf, Loc } from '../model/values';
import { propertyLoc } from './locate';
import { claim, eachDeclared, Rule, RuleContext } from './rule';

export const rule: Rule = {
  id: 'iothub-builtin-endpoint-bypasses-isolation',
  description: "Closing a hub's public ingress does not close its built-in Event Hub-compatible endpoint, which stays readable over the internet.",
  severity: 'warning',
  sources: ['arm', 'bicep', 'cli', 'live'],
  fixes: ['unsafe'],
  messages: {
    exposed:
      "Hub '{hub}' closes public ingress ({how}), but its built-in Event Hub-compatible endpoint still receives device messages ({via}) and is reachable over the public internet: neither private endpoints nor the IP filter cover it.",
  },
  check(ctx) {
    eachDeclared(ctx, TYPES.hub, (hub) => {
      const closed = ingressClosed(ctx, hub);
      if (!closed || builtInCovered(hub) || builtInEndpointReceives(hub) !== true) return;
      // A restriction of egress that leaves the endpoint out of the allow list stops its delivery: the allow list's
      // rules say so, and this one, which would say that the endpoint still receives, is silent.
      if (egressBlocksBuiltInEndpoint(hub, ctx.cloud)) return;
      const fix = disableFallback(hub);
      ctx.report({
        at: closed.at,
        messageId: 'exposed',
        data: { hub: displayName(hub), how: closed.how, via: feeds(hub) },
        fixes: fix ? [fix] : [],
        claims: [claim('builtin-endpoint-receives', hub.loc, true)],
      });
    });
  },
};

/** The names of the enabled routes that send to the built-in endpoint (`events`). */
function routesToEvents(hub: Resource): string[] {
  return (asArray(prop(hub, 'properties.routing.routes')) ?? [])
    .map(asObject)
    .filter((r) => r && asBoolean(r.get('isEnabled')) !== false && (asArray(r.get('endpointNames')) ?? []).some((n) => asString(n)?.toLowerCase() === 'events'))
    .map((r) => asString(r!.get('name')) ?? '?');
}

/** What sends device messages to the built-in endpoint: the routes that name `events`, or the fallback route. */
function feeds(hub: Resource): string {
  const routes = routesToEvents(hub);
  if (routes.length === 0) return 'through the fallback route, which is on';
  return routes.length === 1 ? `through route '${routes[0]}'` : `through routes ${routes.map((r) => `'${r}'`).join(', ')}`;
}

/** Where and how the hub closes its public ingress. */
function ingressClosed(ctx: RuleContext, hub: Resource): { at: Loc; how: string } | undefined {
  const properties = asObject(prop(hub, 'properties'));
  if (!properties) return undefined;
  const publicAccess = properties.get('publicNetworkAccess');
  if (isOneOf(publicAccess, 'Disabled')) return { at: publicAccess!.loc ?? hub.nameLoc, how: 'publicNetworkAccess is Disabled' };
  const ipFilter = asArray(properties.get('ipFilterRules'));
  if (ipFilter && ipFilter.length > 0) {
    const rules = ipFilter.map(asObject);
    const rejectsAll = rules.some((r) => isOneOf(r?.get('action'), 'Reject') && isOneOf(r?.get('ipMask'), '0.0.0.0/0'));
    const accepts = rules.some((r) => !r || !isOneOf(r.get('action'), 'Reject'));
    if (rejectsAll && !accepts) return { at: propertyLoc(ctx, properties, 'ipFilterRules', hub), how: 'the IP filter rejects every address' };
  }
  const ruleSet = asObject(properties.get('networkRuleSets'));
  const defaultAction = ruleSet?.get('defaultAction');
  if (ruleSet && isOneOf(defaultAction, 'Deny')) {
    const ipRules = ruleSet.get('ipRules');
    if (ipRules === undefined || asArray(ipRules)?.length === 0) return { at: defaultAction!.loc ?? hub.nameLoc, how: 'the network rule set denies every address' };
  }
  return undefined;
}

/** A network rule set that denies by default and applies to the built-in endpoint closes it too. */
function builtInCovered(hub: Resource): boolean {
  const ruleSet = asObject(prop(hub, 'properties.networkRuleSets'));
  return !!ruleSet && asBoolean(ruleSet.get('applyToBuiltInEventHubEndpoint')) === true && isOneOf(ruleSet.get('defaultAction'), 'Deny');
}

/** Disabling the fallback route stops the built-in endpoint from receiving, unless a route names it. */
function disableFallback(hub: Resource): FixProposal | undefined {
  if (routesToEvents(hub).length > 0) return undefined;
  const routing = asObject(prop(hub, 'properties.routing'));
  // Messages that match no route go to the fallback route: without it they are dropped.
  const title = 'Disable the fallback route — messages that match no route are dropped';
  const fallback = asObject(routing?.get('fallbackRoute'));
  if (fallback) return { title, safety: 'unsafe', edits: [{ op: 'set', object: fallback, key: 'isEnabled', value: false }] };
  const route = { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: false };
  if (routing) return { title, safety: 'unsafe', edits: [{ op: 'set', object: routing, key: 'fallbackRoute', value: route }] };
  const properties = asObject(prop(hub, 'properties'));
  if (properties && prop(hub, 'properties.routing') === undefined) return { title, safety: 'unsafe', edits: [{ op: 'set', object: properties, key: 'routing', value: { fallbackRoute: route } }] };
  return undefined;
}
