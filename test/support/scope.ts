/** Evaluation scopes for tests that evaluate template expressions directly. */
import { Cloud, DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { ArmScope } from '../../server/src/core/frontends/arm/scope';
import { parseJson } from '../../server/src/core/json/parser';
import { unknown } from '../../server/src/core/model/values';

/** The scope of a template deployed on its own (as `t.json`), to a resource group: its parameters take their defaults. */
export function armScope(template: string, cloud: Cloud = DEFAULT_CLOUD): ArmScope {
  return new ArmScope({
    cloud,
    doc: 't.json',
    id: 't.json',
    deploymentScope: { subscription: unknown(undefined, { key: 'subscription' }), resourceGroup: unknown(undefined, { key: 'resourceGroup' }) },
    template: parseJson(template).root,
    provided: new Map(),
    deploymentName: unknown(undefined, { key: 'deployment' }),
  });
}
