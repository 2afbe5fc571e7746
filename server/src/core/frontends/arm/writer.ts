/**
 * Writes model edits into an ARM template with jsonc-parser's edit
 * operations, keeping the document's indentation, line breaks and layout.
 *
 * jsonc-parser finds where an edit goes (commas, trailing commas, comments);
 * the text it inserts is then laid out like its siblings: a new property on
 * its own line at their indentation in a multi-line object, beside them in a
 * one-line array. jsonc-parser re-reads the text it edits, recursively; so
 * the edits are applied to the smallest container that holds them (the
 * resource, usually), cut out of the document with its column kept, and the
 * result must parse before the fix is offered.
 */
import { applyEdits, JSONPath, modify } from 'jsonc-parser';
import { isExpression, unescapeLiteral } from '../../evaluate/expression';
import { applyTextEdits, isRoleDefinitionValue, FixValue, ModelEdit, minimalEdit, NewRoleAssignment, originOf } from '../../fixes/edits';
import { renamedLiteral, reseedGuid } from '../../fixes/roleRename';
import type { Writer } from '../../fixes/writer';
import { parseJson } from '../../json/parser';
import { JsonDocument, JsonNode, JsonProperty, findProperty, pathOf, toPlain } from '../../json/tree';
import { ResourceRef, typeSegments } from '../../model/ids';
import type { Resource } from '../../model/resource';
import { Json } from '../../model/values';
import { detectEol, indentUnit, lineIndentOf, lineStartOf } from '../../text/lines';
import { guidCallIn } from './guidCall';
import { originNode } from './values';

/** jsonc-parser recurses on nesting; documents deeper than this get no fixes. */
const MAX_WRITABLE_DEPTH = 200;

interface Layout {
  eol: string;
  /** One level of indentation: `  `, `    ` or a tab. */
  unit: string;
}

export const armWriter: Writer = {
  canWrite(doc, edits) {
    const json = doc.tree as JsonDocument | undefined;
    if (!json || json.maxDepth > MAX_WRITABLE_DEPTH) return false;
    return edits.every((e) => {
      const origin = originOf(e);
      if (!origin || origin.writer !== 'arm' || origin.doc !== doc.id) return false;
      if (e.op === 'renameForRole') return renamedName(e) !== undefined;
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
    const layout: Layout = { eol: detectEol(text), unit: indentUnit(text) };
    const view = viewOf(text, container, edits, layout.eol);
    const lineStart = lineStartOf(text, container.offset);
    // Keep the container's column (tabs as tabs), so that indentation inside it reads as in the file.
    const pad = text.slice(lineStart, container.offset).replace(/[^\t]/g, ' ');
    let sub = pad + view.text;
    const base = pathOf(container);

    let expected = view.data;
    for (const edit of order(edits)) {
      const step = applyOne(edit, base, sub, layout);
      const t = target(edit, base);
      if (step === undefined || !t) return undefined;
      sub = step;
      expected = applyToData(expected, t.path, t.value, t.insert);
    }
    const replaced = sub.slice(pad.length);
    // The fix must leave a container that parses without error, and holds just what the edits say.
    const reparsed = parseJson(replaced);
    if (reparsed.errors.length > 0 || !reparsed.root || !sameData(toPlain(reparsed.root), expected)) return undefined;
    if (replaced === view.text) return undefined;
    const edit = minimalEdit(doc.id, view.text, replaced);
    // Before `from` the view is not the document's text (an edit made there has no place in the file).
    if (edit.offset < view.from) return undefined;
    const adds = edits.length === 1 && edit.length === 0 ? addsOf(edits[0], base) : undefined;
    return [{ ...edit, offset: edit.offset - view.from + view.at, ...(adds !== undefined && { adds }) }];
  },
};

/** What an edit that inserts adds, named (see `TextEdit.adds`); undefined for other edits. */
function addsOf(edit: ModelEdit, base: JSONPath): string | undefined {
  const inserts = edit.op === 'append' || edit.op === 'addRoleAssignment' || (edit.op === 'set' && !findProperty(originNode(edit.object.origin), edit.key));
  const t = inserts ? target(edit, base) : undefined;
  if (!t) return undefined;
  return t.insert ? `item:${JSON.stringify(t.value)}` : `key:${String(t.path[t.path.length - 1]).toLowerCase()}`;
}

/** The text edits are applied to: a container, or the part of it they need to see. */
interface View {
  /** Starts with the container's opening bracket. */
  text: string;
  /** What the text holds, as data. */
  data: unknown;
  /** From this offset of the view on, its text is the document's from `at` on. */
  from: number;
  at: number;
}

/**
 * Edits that only add members to a container (a role assignment to a
 * template's `resources`, a host to an allow list) see a window of it: its
 * opening bracket and its last member, from the start of that member's line,
 * where what they add goes. jsonc-parser and the checks after it read all the
 * text they are given, and `resources` may hold 20 MB: written against the
 * whole container, each such fix cost a few parses of the whole template.
 * The window is taken only when the last member has a line of its own, so
 * that what is added is laid out as it would be in the whole container.
 */
function viewOf(text: string, container: JsonNode, edits: readonly ModelEdit[], eol: string): View {
  const members: ReadonlyArray<{ offset: number; end: number }> = (container.type === 'object' ? container.properties : container.items) ?? [];
  const addsOnly = edits.every((e) => (e.op === 'append' || e.op === 'addRoleAssignment') && containerOf(e)?.index === container.index);
  if (addsOnly && members.length >= 2) {
    const last = members[members.length - 1];
    const lineStart = lineStartOf(text, last.offset);
    if (lineStart > members[members.length - 2].end && /^[ \t]*$/.test(text.slice(lineStart, last.offset))) {
      const opener = text[container.offset];
      const window = opener + eol + text.slice(lineStart, container.end);
      const parsed = parseJson(window);
      if (parsed.errors.length === 0 && parsed.root) return { text: window, data: toPlain(parsed.root), from: opener.length + eol.length, at: lineStart };
    }
  }
  return { text: text.slice(container.offset, container.end), data: toPlain(container), from: 0, at: container.offset };
}

/**
 * What the container's data must be after an edit: the check that the text
 * jsonc-parser edited is the text this parser read (they differ on line
 * breaks inside strings, which ARM accepts).
 */
function applyToData(data: unknown, path: JSONPath, value: unknown, insert: boolean): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const copy = [...data];
    if (rest.length === 0 && insert) copy.splice(head === -1 ? copy.length : (head as number), 0, value);
    else if (rest.length === 0 && value === undefined) copy.splice(head as number, 1);
    else copy[head as number] = applyToData(copy[head as number], rest, value, insert);
    return copy;
  }
  const object = { ...((data ?? {}) as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete object[head as string];
  else object[head as string] = applyToData(object[head as string], rest, value, insert);
  return object;
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

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

/** The path an edit writes to, the value, and whether it inserts into an array. */
function target(edit: ModelEdit, base: JSONPath): { path: JSONPath; value: unknown; insert: boolean } | undefined {
  const node = originNode(originOf(edit))!;
  switch (edit.op) {
    case 'replace':
      return { path: relative(base, node), value: toJson(edit.value), insert: false };
    case 'set': {
      // Keep the key as written when it exists with other letter case.
      const existing = findProperty(node, edit.key);
      return { path: [...relative(base, node), existing ? existing.key : edit.key], value: toJson(edit.value), insert: false };
    }
    case 'remove': {
      const existing = findProperty(node, edit.key);
      return existing ? { path: [...relative(base, node), existing.key], value: undefined, insert: false } : undefined;
    }
    case 'append':
      return { path: [...relative(base, node), -1], value: toJson(edit.value), insert: true };
    case 'removeItem':
      return { path: [...relative(base, node), edit.index], value: undefined, insert: false };
    case 'addRoleAssignment': {
      const resource = roleAssignmentJson(edit.assignment);
      if (!resource) return undefined;
      if (node.type === 'array') return { path: [...relative(base, node), -1], value: resource, insert: true };
      const taken = new Set(node.properties!.map((p) => p.key.toLowerCase()));
      const stem = `${edit.assignment.principal.symbol ?? 'hub'}RoleAssignment`;
      let symbol = stem;
      for (let i = 2; taken.has(symbol.toLowerCase()); i++) symbol = `${stem}${i}`;
      return { path: [...relative(base, node), symbol], value: resource, insert: false };
    }
    case 'renameForRole': {
      const renamed = renamedName(edit);
      return renamed && { path: [...relative(base, node), renamed.key], value: renamed.value, insert: false };
    }
  }
}

/**
 * The new `name` of a role assignment whose role changes (see `roleRename.ts`): its `guid(...)` seed changed, or its
 * literal GUID replaced; with the key as written. Undefined when the name is neither.
 */
function renamedName(edit: Extract<ModelEdit, { op: 'renameForRole' }>): { key: string; value: string } | undefined {
  const resource = originNode(edit.assignment.body.origin);
  const name = findProperty(resource, 'name');
  if (!name?.value || name.value.type !== 'string') return undefined;
  const text = name.value.value as string;
  if (!isExpression(text)) {
    const renamed = text.startsWith('[') ? undefined : renamedLiteral(text, edit.change);
    return renamed === undefined ? undefined : { key: name.key, value: renamed };
  }
  const expression = text.slice(1, -1);
  const call = guidCallIn(expression);
  if (!call) return undefined;
  const role = findProperty(findProperty(resource, 'properties')?.value, 'roleDefinitionId')?.value;
  const written = role?.type === 'string' ? (role.value as string) : undefined;
  // The role id as the seed would spell it: an expression as it is, a literal quoted.
  const roleText = written === undefined ? undefined : isExpression(written) ? written.slice(1, -1) : quote(unescapeLiteral(written));
  const edits = reseedGuid(call.args, call.close, edit.change, roleText, { roleId: roleIdExpression(edit.change.to.guid), literal: quote });
  return { key: name.key, value: `[${applyTextEdits(expression, edits)}]` };
}

function applyOne(edit: ModelEdit, base: JSONPath, text: string, layout: Layout): string | undefined {
  const t = target(edit, base);
  if (!t) return edit.op === 'remove' ? text : undefined;
  if (t.value === undefined) return remove(text, t.path);
  let edits;
  try {
    // No formatting options: jsonc-parser then returns the bare edit, which is laid out below.
    edits = modify(text, t.path, t.value, { isArrayInsertion: t.insert });
  } catch {
    return undefined;
  }
  if (edits.length !== 1) return applyEdits(text, edits);
  const e = edits[0];
  const tree = parseJson(text).root;
  const parent = nodeAtPath(tree, t.path.slice(0, -1));
  if (!parent) return undefined;
  const key = typeof t.path[t.path.length - 1] === 'string' ? (t.path[t.path.length - 1] as string) : undefined;
  const existing = parent.type === 'object' && key !== undefined ? parent.properties!.find((p) => p.key === key) : undefined;
  if (existing?.value || (parent.type === 'array' && !t.insert)) {
    // A replaced value: laid out at the indentation of its line.
    e.content = render(t.value, lineIndentOf(text, e.offset), layout, text.slice(e.offset, e.offset + e.length).includes('\n') || isMultiLine(text, parent));
    return applyEdits(text, [e]);
  }
  const children: Array<{ offset: number }> = parent.type === 'object' ? parent.properties! : parent.items!;
  const fragment = (indent: string, multiLine: boolean) => (key !== undefined && parent.type === 'object' ? `${JSON.stringify(key)}: ` : '') + render(t.value, indent, layout, multiLine);
  if (children.length === 0) {
    // An empty container is rewritten whole, one level deeper than its own line.
    const own = lineIndentOf(text, parent.offset);
    const open = parent.type === 'object' ? '{' : '[';
    const close = parent.type === 'object' ? '}' : ']';
    const inner = own + layout.unit;
    const content = isMultiLine(text, parent) ? `${open}${layout.eol}${inner}${fragment(inner, true)}${layout.eol}${own}${close}` : `${open}${fragment('', false)}${close}`;
    return text.slice(0, parent.offset) + content + text.slice(parent.end);
  }
  if (!isMultiLine(text, parent)) {
    e.content = e.content.startsWith(',') ? `, ${fragment('', false)}` : `${fragment('', false)}${e.content.endsWith(',') ? ', ' : ''}`;
    return applyEdits(text, [e]);
  }
  // Beside its siblings: on a line of its own, at their indentation.
  const siblingIndent = lineIndentOf(text, children[children.length - 1].offset);
  const body = fragment(siblingIndent, true);
  e.content = e.content.startsWith(',') ? `,${layout.eol}${siblingIndent}${body}` : `${layout.eol}${siblingIndent}${body}${e.content.endsWith(',') ? ',' : ''}`;
  return applyEdits(text, [e]);
}

/**
 * Removes a property or an array item with the comma that goes with it. The
 * layout around stays: a removed last item takes the comma before it, any
 * other item the comma and space after it.
 */
function remove(text: string, path: JSONPath): string | undefined {
  const parent = nodeAtPath(parseJson(text).root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!parent) return undefined;
  const spans: Array<{ offset: number; end: number }> =
    parent.type === 'object' ? parent.properties!.map((p) => ({ offset: p.offset, end: p.end })) : (parent.items ?? []).map((n) => ({ offset: n.offset, end: n.end }));
  const index = parent.type === 'object' ? parent.properties!.findIndex((p) => p.key === last) : (last as number);
  if (index < 0 || index >= spans.length) return text;
  let from: number;
  let to: number;
  if (spans.length === 1) {
    // The only member: the container becomes empty.
    from = parent.offset + 1;
    to = parent.end - 1;
  } else if (index === spans.length - 1) {
    from = spans[index - 1].end;
    to = spans[index].end;
  } else {
    from = spans[index].offset;
    to = spans[index + 1].offset;
  }
  return text.slice(0, from) + text.slice(to);
}

function nodeAtPath(root: JsonNode | undefined, path: JSONPath): JsonNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.items?.[segment];
    else node = node.properties?.find((p) => p.key === segment)?.value;
  }
  return node;
}

function isMultiLine(text: string, node: JsonNode): boolean {
  return /[\r\n]/.test(text.slice(node.offset, node.end));
}

/** JSON text for a value: over several lines at an indentation, or on one line with spaces after separators. */
function render(value: unknown, indent: string, layout: Layout, multiLine: boolean): string {
  if (!multiLine || value === null || typeof value !== 'object') return oneLine(value);
  const isEmpty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (isEmpty) return oneLine(value);
  return JSON.stringify(value, null, layout.unit)
    .split('\n')
    .map((line, i) => (i === 0 ? line : indent + line))
    .join(layout.eol);
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** A fix value as JSON; literal strings that look like expressions are escaped (`[[`). */
function toJson(value: FixValue): Json {
  if (isRoleDefinitionValue(value)) return `[${roleIdExpression(value.$roleDefinition)}]`;
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
  // A copy's name may use copyIndex(), which means nothing in an assignment outside its loop.
  if (inCopyLoop(hub) || inCopyLoop(target)) return undefined;
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
  const roleId = roleIdExpression(assignment.role.$roleDefinition);
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

function inCopyLoop(resource: Resource): boolean {
  return findProperty(originNode(resource.body.origin), 'copy') !== undefined;
}

function sameContainer(a: Resource, b: Resource): boolean {
  const x = originNode(a.container);
  const y = originNode(b.container);
  return !!x && !!y && x.tape === y.tape && x.index === y.index;
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

/** A built-in role's id, as templates write it. */
function roleIdExpression(guid: string): string {
  return `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ${quote(guid)})`;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

