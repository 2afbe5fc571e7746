/**
 * Writes model edits into an ARM template with jsonc-parser's edit
 * operations, keeping the document's indentation and line breaks.
 *
 * jsonc-parser re-reads the text it edits, recursively; so the edits are
 * applied to the smallest container that holds them (the resource, usually),
 * cut out of the document with its column kept, and the result is checked to
 * parse before the fix is offered.
 */
import { applyEdits, FormattingOptions, JSONPath, modify } from 'jsonc-parser';
import { isRoleDefinitionValue, FixValue, ModelEdit, minimalEdit, NewRoleAssignment, originOf } from '../../fixes/edits';
import type { Writer } from '../../fixes/writer';
import { parseJson } from '../../json/parser';
import { JsonDocument, JsonNode, JsonProperty, findProperty, pathOf } from '../../json/tree';
import { ResourceRef, typeSegments } from '../../model/ids';
import type { Resource } from '../../model/resource';
import { Json } from '../../model/values';
import { detectEol, detectIndent } from '../../text/lines';
import { originNode } from './values';

/** jsonc-parser recurses on nesting; documents deeper than this get no fixes. */
const MAX_WRITABLE_DEPTH = 200;

export const armWriter: Writer = {
  canWrite(doc, edits) {
    const json = doc.tree as JsonDocument | undefined;
    if (!json || json.maxDepth > MAX_WRITABLE_DEPTH) return false;
    return edits.every((e) => {
      const origin = originOf(e);
      if (!origin || origin.writer !== 'arm' || origin.doc !== doc.id) return false;
      return e.op !== 'addRoleAssignment' || roleAssignmentJson(e.assignment) !== undefined;
    });
  },

  write(doc, edits) {
    if (!this.canWrite(doc, edits)) return undefined;
    const targets = edits.map((e) => containerOf(e));
    if (targets.some((t) => !t)) return undefined;
    const container = commonAncestor(targets as JsonNode[]);
    if (!container) return undefined;

    const text = doc.text;
    const lineStart = Math.max(text.lastIndexOf('\n', container.offset - 1), text.lastIndexOf('\r', container.offset - 1)) + 1;
    // Keep the container's column (tabs as tabs) so inserted lines are indented as the rest of the file.
    const pad = text.slice(lineStart, container.offset).replace(/[^\t]/g, ' ');
    let sub = pad + text.slice(container.offset, container.end);
    const options: FormattingOptions = { ...detectIndent(text), eol: detectEol(text) };
    const base = pathOf(container);

    for (const edit of order(edits)) {
      const step = jsoncEdit(edit, base, sub, options);
      if (step === undefined) return undefined;
      sub = step;
    }
    const replaced = sub.slice(pad.length);
    // The fix must leave a container that parses without error.
    if (parseJson(replaced).errors.length > 0) return undefined;
    const original = text.slice(container.offset, container.end);
    if (replaced === original) return undefined;
    return [minimalEdit(doc.id, original, replaced, container.offset)];
  },
};

/** Removals of array items go last to first, so earlier indices stay valid. */
function order(edits: readonly ModelEdit[]): ModelEdit[] {
  const removals = edits.filter((e) => e.op === 'removeItem').sort((a, b) => (b as { index: number }).index - (a as { index: number }).index);
  return [...edits.filter((e) => e.op !== 'removeItem'), ...removals];
}

/** The container node an edit changes: the object or array whose content it rewrites. */
function containerOf(edit: ModelEdit): JsonNode | undefined {
  const node = originNode(originOf(edit));
  if (!node) return undefined;
  if (edit.op === 'replace') {
    const parent = node.parent;
    return parent instanceof JsonProperty ? parent.parent : parent;
  }
  return node;
}

function ancestors(node: JsonNode): JsonNode[] {
  const out: JsonNode[] = [];
  for (let n: JsonNode | undefined = node; n; ) {
    out.push(n);
    const p: JsonNode | JsonProperty | undefined = n.parent;
    n = p instanceof JsonProperty ? p.parent : p;
  }
  return out;
}

function commonAncestor(nodes: JsonNode[]): JsonNode | undefined {
  let common = ancestors(nodes[0]);
  for (const node of nodes.slice(1)) {
    const indices = new Set(ancestors(node).map((n) => n.index));
    common = common.filter((n) => indices.has(n.index));
  }
  return common[0];
}

function relative(base: JSONPath, node: JsonNode): JSONPath {
  return pathOf(node).slice(base.length);
}

function jsoncEdit(edit: ModelEdit, base: JSONPath, text: string, formattingOptions: FormattingOptions): string | undefined {
  const node = originNode(originOf(edit))!;
  let path: JSONPath;
  let value: unknown;
  let isArrayInsertion = false;
  switch (edit.op) {
    case 'replace':
      path = relative(base, node);
      value = toJson(edit.value);
      break;
    case 'set': {
      // Keep the key as written when it exists with other letter case.
      const existing = findProperty(node, edit.key);
      path = [...relative(base, node), existing ? existing.key : edit.key];
      value = toJson(edit.value);
      break;
    }
    case 'remove': {
      const existing = findProperty(node, edit.key);
      if (!existing) return text;
      path = [...relative(base, node), existing.key];
      value = undefined;
      break;
    }
    case 'append':
      path = [...relative(base, node), -1];
      value = toJson(edit.value);
      isArrayInsertion = true;
      break;
    case 'removeItem':
      path = [...relative(base, node), edit.index];
      value = undefined;
      break;
    case 'addRoleAssignment': {
      const resource = roleAssignmentJson(edit.assignment);
      if (!resource) return undefined;
      if (node.type === 'array') {
        path = [...relative(base, node), -1];
        isArrayInsertion = true;
      } else {
        const taken = new Set(node.properties!.map((p) => p.key.toLowerCase()));
        let symbol = `${edit.assignment.principal.symbol ?? 'hub'}RoleAssignment`;
        for (let i = 2; taken.has(symbol.toLowerCase()); i++) symbol = `${edit.assignment.principal.symbol ?? 'hub'}RoleAssignment${i}`;
        path = [...relative(base, node), symbol];
      }
      value = resource;
      break;
    }
  }
  try {
    const edits = modify(text, path, value, { formattingOptions, isArrayInsertion });
    return applyEdits(text, edits);
  } catch {
    return undefined;
  }
}

/** A fix value as JSON; literal strings that look like expressions are escaped (`[[`). */
function toJson(value: FixValue): Json {
  if (isRoleDefinitionValue(value)) return `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${value.$roleDefinition}')]`;
  if (typeof value === 'string') return value.startsWith('[') && !value.startsWith('[[') ? `[${value}` : value;
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v as FixValue);
    return out;
  }
  return value;
}

/**
 * A role assignment resource in ARM syntax, when the principal and the scope
 * can be named by expressions of the same template; undefined otherwise.
 */
export function roleAssignmentJson(assignment: NewRoleAssignment): Json | undefined {
  const hub = assignment.principal;
  const target = assignment.scope;
  const hubId = resourceIdExpression(hub);
  const targetName = nameExpression(target);
  const targetId = resourceIdExpression(target);
  if (!hubId || !targetName || !targetId || hub.doc !== target.doc || !sameContainer(hub, target)) return undefined;
  let principalId: string;
  let identityKey: string;
  if (assignment.identity === 'system') {
    const api = hub.apiVersion?.kind === 'string' ? hub.apiVersion.value : '2023-06-30';
    principalId = `reference(${hubId}, '${api}', 'Full').identity.principalId`;
    identityKey = hubId;
  } else {
    const uaiId = refExpression(assignment.identity);
    if (!uaiId) return undefined;
    principalId = `reference(${uaiId}, '2023-01-31').principalId`;
    identityKey = uaiId;
  }
  const roleId = `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${assignment.role.$roleDefinition}')`;
  const scopeType = typeSegments(target.type).join('/');
  return {
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: '2022-04-01',
    name: `[guid(${targetId}, ${identityKey}, ${roleId})]`,
    scope: `[format('${scopeType}/{0}', ${targetName})]`,
    dependsOn: [`[${hubId}]`, `[${targetId}]`],
    properties: {
      roleDefinitionId: `[${roleId}]`,
      principalId: `[${principalId}]`,
      principalType: 'ServicePrincipal',
    },
  };
}

function sameContainer(a: Resource, b: Resource): boolean {
  return !!a.container && !!b.container && (a.container.handle as JsonNode).index === (b.container.handle as JsonNode).index;
}

/** The expression that yields a top-level resource's name, from its `name` as written. */
function nameExpression(resource: Resource): string | undefined {
  const body = originNode(resource.body.origin);
  const name = findProperty(body, 'name')?.value;
  if (!name || name.type !== 'string' || resource.names.length !== 1) return undefined;
  const text = name.value as string;
  if (text.startsWith('[[')) return quote(text.slice(1));
  if (text.startsWith('[') && text.endsWith(']')) return text.slice(1, -1).trim();
  return quote(text);
}

function resourceIdExpression(resource: Resource): string | undefined {
  const name = nameExpression(resource);
  return name ? `resourceId('${resource.type}', ${name})` : undefined;
}

/** A ref with known literal names, as a `resourceId(...)` expression. */
function refExpression(ref: ResourceRef): string | undefined {
  const names = ref.names.map((n) => (n.kind === 'string' ? quote(n.value) : undefined));
  if (names.some((n) => n === undefined)) return undefined;
  return `resourceId('${ref.type}', ${names.join(', ')})`;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

