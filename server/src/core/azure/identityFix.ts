/** The fix that gives a hub its system-assigned identity, merged with what it has. */
import type { FixProposal, ModelEdit } from '../fixes/edits';
import { prop, Resource } from '../model/resource';
import { asObject, asString } from '../model/values';

export function addSystemAssignedEdits(hub: Resource): ModelEdit[] | undefined {
  const identity = prop(hub, 'identity');
  if (identity === undefined) return [{ op: 'set', object: hub.body, key: 'identity', value: { type: 'SystemAssigned' } }];
  const object = asObject(identity);
  const type = object?.get('type');
  const text = asString(type);
  if (!object || text === undefined || !type) return undefined;
  const kinds = text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0 && k.toLowerCase() !== 'none');
  if (kinds.some((k) => k.toLowerCase() === 'systemassigned')) return [];
  const merged = ['SystemAssigned', ...kinds].join(', ');
  return [{ op: 'replace', target: type, value: merged }];
}

export function addSystemAssignedFix(hub: Resource): FixProposal | undefined {
  const edits = addSystemAssignedEdits(hub);
  if (!edits || edits.length === 0) return undefined;
  const value = edits[0].op === 'replace' ? String(edits[0].value) : 'SystemAssigned';
  return { title: `Give the hub a system-assigned identity (identity.type '${value}')`, safety: 'safe', edits };
}
