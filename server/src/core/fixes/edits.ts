/**
 * Fixes, expressed on the model ("set this property", "append to this
 * array"); each front-end's writer turns them into text edits in its own
 * syntax. A fix is offered only when its writer can apply every edit.
 */
import type { Resource } from '../model/resource';
import type { RoleChange } from './roleRename';
import type { ResourceRef } from '../model/ids';
import type { ArrayValue, Json, ObjectValue, Origin, Value } from '../model/values';

/** A value a fix writes: plain data, or a reference each language spells its own way. */
export type FixValue = Json | RoleDefinitionValue;

/** The id of a built-in role definition (ARM: `subscriptionResourceId(...)`, CLI: the role's name). */
export interface RoleDefinitionValue {
  $roleDefinition: string;
  roleName: string;
}

export function isRoleDefinitionValue(v: FixValue): v is RoleDefinitionValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as RoleDefinitionValue).$roleDefinition === 'string';
}

/** A role assignment to add: the identity of `principal` gets `role` on `scope`. */
export interface NewRoleAssignment {
  principal: Resource;
  /** The principal's identity: the system-assigned one, or a user-assigned identity it lists. */
  identity: 'system' | ResourceRef;
  scope: Resource;
  role: RoleDefinitionValue;
}

export type ModelEdit =
  /** Replace a value written literally. */
  | { op: 'replace'; target: Value; value: FixValue }
  /** Add a property to an object, or replace its value. */
  | { op: 'set'; object: ObjectValue; key: string; value: FixValue }
  | { op: 'remove'; object: ObjectValue; key: string }
  | { op: 'append'; array: ArrayValue; value: FixValue }
  | { op: 'removeItem'; array: ArrayValue; index: number }
  | { op: 'addRoleAssignment'; container: Origin; assignment: NewRoleAssignment }
  /**
   * Give a role assignment whose role changes from `from` to `to` a name of its own for the new role (see
   * `roleRename.ts`): the writer changes its `guid(...)` seed or literal GUID, and in Bicep a symbol naming the old role.
   */
  | { op: 'renameForRole'; assignment: Resource; change: RoleChange };

/**
 * Whether a fix may be applied without the user looking (`--fix`, fix-all on save).
 * Safe: the deployment after it does everything it did before that its author
 * can have meant, and only what the finding names changes (a value's type
 * corrected, a host the hub sends to added to its allow list, a malformed or
 * duplicate entry cleaned). Unsafe: it removes access, stops a flow, drops a
 * setting, raises an API version or replaces a resource; its title says so,
 * and it is applied only on request (`--unsafe-fixes`, a quick fix chosen).
 */
export type FixSafety = 'safe' | 'unsafe';

export interface FixProposal {
  /** For an unsafe fix, what it does and, after ' — ', what that costs the deployment. */
  title: string;
  safety: FixSafety;
  edits: ModelEdit[];
}

/** The origin an edit writes to: where its front-end's writer must act. */
export function originOf(edit: ModelEdit): Origin | undefined {
  switch (edit.op) {
    case 'replace':
      return edit.target.origin;
    case 'set':
    case 'remove':
      return edit.object.origin;
    case 'append':
    case 'removeItem':
      return edit.array.origin;
    case 'addRoleAssignment':
      return edit.container;
    case 'renameForRole':
      return edit.assignment.body.origin;
  }
}

export interface TextEdit {
  doc: string;
  offset: number;
  length: number;
  newText: string;
  /**
   * For an insertion, what it adds, named: `key:` and a property's key or a
   * declaration's symbol in lower case, `item:` and an array item's JSON.
   * Fix-all makes insertions at one place in one pass when they add
   * different things (see `fixAll.ts`).
   */
  adds?: string;
}

/** Applies edits to a text; undefined when two edits overlap. */
export function applyTextEdits(text: string, edits: readonly Omit<TextEdit, 'doc'>[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].offset < sorted[i - 1].offset + sorted[i - 1].length) return undefined;
  }
  let out = '';
  let last = 0;
  for (const e of sorted) {
    out += text.slice(last, e.offset) + e.newText;
    last = e.offset + e.length;
  }
  return out + text.slice(last);
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(doc: string, before: string, after: string, base = 0): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Whole words read better in previews than `tru` → `fals`.
  // Only a boundary inside a word moves: a change that starts or ends between words stays as it is.
  const word = (s: string, i: number) => i >= 0 && i < s.length && /[A-Za-z0-9_$]/.test(s[i]);
  if (word(before, start - 1) && (word(before, start) || word(after, start))) {
    while (word(before, start - 1)) start--;
  }
  if (word(before, endBefore) && (word(before, endBefore - 1) || word(after, endAfter - 1))) {
    while (word(before, endBefore)) {
      endBefore++;
      endAfter++;
    }
  }
  return { doc, offset: base + start, length: endBefore - start, newText: after.slice(start, endAfter) };
}
