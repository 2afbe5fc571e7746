/**
 * What a JSON document is: a deployment template, a parameters file, or
 * something else (package.json, settings…), told by its content, not its name.
 */
import { JsonNode, findProperty, stringValue } from '../../json/tree';

export type ArmKind = 'template' | 'parameters' | 'other';

export interface ArmDetection {
  kind: ArmKind;
  /** The scope the template deploys to, from its `$schema`. */
  targetScope: 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';
}

export function detectArm(root: JsonNode | undefined): ArmDetection {
  const result: ArmDetection = { kind: 'other', targetScope: 'resourceGroup' };
  if (!root || root.type !== 'object') return result;
  const schema = stringValue(findProperty(root, '$schema')?.value)?.toLowerCase() ?? '';
  if (schema.includes('deploymentparameters.json')) return { ...result, kind: 'parameters' };
  if (schema.includes('deploymenttemplate.json')) {
    result.kind = 'template';
    if (schema.includes('subscriptiondeploymenttemplate')) result.targetScope = 'subscription';
    else if (schema.includes('managementgroupdeploymenttemplate')) result.targetScope = 'managementGroup';
    else if (schema.includes('tenantdeploymenttemplate')) result.targetScope = 'tenant';
    return result;
  }
  // Without a $schema: a template still has resources, and a content version or parameters.
  const resources = findProperty(root, 'resources')?.value;
  if (resources && (resources.type === 'array' || resources.type === 'object')) {
    if (findProperty(root, 'contentVersion') || findProperty(root, 'parameters') || findProperty(root, 'variables')) {
      return { ...result, kind: 'template' };
    }
  }
  // A parameters file without a $schema: only `parameters`, each with a `value` or a `reference`.
  const parameters = findProperty(root, 'parameters')?.value;
  if (parameters?.type === 'object' && !resources && parameters.properties!.length > 0) {
    const allValues = parameters.properties!.every((p) => p.value?.type === 'object' && (findProperty(p.value, 'value') || findProperty(p.value, 'reference')));
    if (allValues) return { ...result, kind: 'parameters' };
  }
  return result;
}
