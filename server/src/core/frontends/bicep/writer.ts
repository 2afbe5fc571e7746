/**
 * Writes model edits into a Bicep file, in Bicep's own layout: a new
 * property or array item on a line of its own at its siblings' indentation
 * (beside them, after a comma, in a one-line object or array), values in
 * Bicep syntax (single-quoted strings, multi-line objects and arrays), and a
 * new role assignment as a `resource` declaration at the end of the file
 * that names the hub and the target by their symbols.
 *
 * The file must parse after the edits with no more errors than before, or
 * the fix is not offered.
 */
import { applyTextEdits, FixValue, isRoleDefinitionValue, ModelEdit, NewRoleAssignment, originOf, TextEdit } from '../../fixes/edits';
import { renamedLiteral, renamedSymbol, reseedGuid, roleWords } from '../../fixes/roleRename';
import type { Writer } from '../../fixes/writer';
import { detectEol, indentUnit, lineIndentOf, lineStartOf } from '../../text/lines';
import { parseBicep } from './parser';
import { referencesTo } from './references';
import { declarationsBySymbol, forEachChild } from './syntax';
import type * as S from './syntax';
import { BICEP_WRITER, findProperty, literalText, originNode, TypeVersion } from './values';

interface Layout {
  eol: string;
  /** One level of indentation. */
  unit: string;
  /** Objects and arrays written on one line (`{ a: 1, b: [2] }`), for a place inside a one-line object or array. */
  oneLine?: boolean;
}

type Edit = Omit<TextEdit, 'doc'> & {
  /** A resource the edit declares: after the edits it must stand as a declaration of the file (not swallowed by a string left open above). */
  declares?: string;
};

export const bicepWriter: Writer = {
  canWrite(doc, edits) {
    if (!doc.tree || (doc.language !== 'bicep' && doc.language !== 'bicepparam')) return false;
    return edits.every((e) => {
      const origin = originOf(e);
      if (!origin || origin.writer !== BICEP_WRITER || origin.doc !== doc.id) return false;
      if (e.op === 'renameForRole') return renameEdits(e, doc.text, doc.tree as S.BicepDocument) !== undefined;
      return e.op !== 'addRoleAssignment' || roleAssignmentText(e.assignment, { eol: '\n', unit: '  ' }, doc.tree as S.BicepDocument, doc.text) !== undefined;
    });
  },

  write(doc, edits) {
    if (!this.canWrite(doc, edits)) return undefined;
    const tree = doc.tree as S.BicepDocument;
    const text = doc.text;
    const layout: Layout = { eol: detectEol(text), unit: indentUnit(text) };
    // Values over lines where they can be; where that breaks the file (a value inside a one-line object), on one line.
    const out = writeAll(edits, text, tree, layout) ?? writeAll(edits, text, tree, { ...layout, oneLine: true });
    return out?.map((e) => ({ doc: doc.id, ...e }));
  },
};

/** The text edits, when they do not overlap and leave the file with no more syntax errors than before. */
function writeAll(edits: readonly ModelEdit[], text: string, tree: S.BicepDocument, layout: Layout): Edit[] | undefined {
  const out: Edit[] = [];
  for (const edit of edits) {
    const step = editOf(edit, text, tree, layout);
    if (!step) return undefined;
    if (Array.isArray(step)) out.push(...step);
    else out.push(step);
  }
  out.sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < out.length; i++) if (out[i].offset < out[i - 1].offset + out[i - 1].length) return undefined;
  if (out.every((e) => text.slice(e.offset, e.offset + e.length) === e.newText)) return undefined;
  const written = tree.errors.length === 0 ? readsLocally(edits, out, text, tree) : readsWhole(edits, out, text, tree);
  if (!written) return undefined;
  return out.map(({ declares: _, ...edit }) => edit);
}

/**
 * The check of `writeAll` on the whole file: it parses with no more errors
 * than before, and each edit reads back as what it says.
 */
function readsWhole(edits: readonly ModelEdit[], out: readonly Edit[], text: string, tree: S.BicepDocument): boolean {
  const reparsed = parseBicep(applyTextEdits(text, out)!);
  // No more errors, and none at a new place (findings at one place are one finding: a count alone could hide a new one).
  if (reparsed.errors.length > tree.errors.length || errorPlaces(reparsed) > errorPlaces(tree)) return false;
  if (!declaresAll(out, reparsed.program)) return false;
  // Each edit must read back as what it says, in the file as it is parsed after: a broken line above can take in what was written.
  return edits.every((edit) => readsBack(edit, reparsed.program, (offset) => shiftedBy(out, offset)));
}

/**
 * The same check for a file without syntax errors, statement by statement:
 * there every top-level statement starts where the parser is at rest, so a
 * statement reads alone as it does in its file, and only the statements the
 * edits change (and what they add at the end) are parsed again. Parsing the
 * whole file for each fix made a report of thousands of fixes quadratic
 * (90 s for a 1 MB file).
 */
function readsLocally(edits: readonly ModelEdit[], out: readonly Edit[], text: string, tree: S.BicepDocument): boolean {
  const statements = tree.program.statements;
  const changed = new Map<S.Statement | undefined, Edit[]>();
  for (const e of out) {
    // An edit at the very end adds statements; any other must lie within one statement.
    const statement = e.offset === text.length && e.length === 0 ? undefined : statementAround(statements, e.offset, e.offset + e.length);
    if (statement === null) return readsWhole(edits, out, text, tree);
    const list = changed.get(statement);
    if (list) list.push(e);
    else changed.set(statement, [e]);
  }
  for (const [statement, group] of changed) {
    if (!statement) {
      // What is added at the end, alone: a line break first ends the file's last statement.
      const added = parseBicep(group.map((e) => e.newText).join(''));
      if (added.errors.length > 0 || !declaresAll(group, added.program)) return false;
      continue;
    }
    const from = statement.offset;
    const to = statement.offset + statement.length;
    const reparsed = parseBicep(applyTextEdits(text.slice(from, to), group.map((e) => ({ ...e, offset: e.offset - from })))!);
    if (reparsed.errors.length > 0 || reparsed.program.statements.length !== 1 || reparsed.program.statements[0].kind !== statement.kind) return false;
    const within = edits.filter((edit) => {
      const node = originNode(originOf(edit));
      const at = node && (node.kind === 'TypeVersion' ? node.type.offset : node.offset);
      return at !== undefined && at >= from && at < to;
    });
    if (!within.every((edit) => readsBack(edit, reparsed.program, (offset) => shiftedBy(group, offset) - from))) return false;
  }
  return true;
}

/** Whether the text, as parsed after the edits, declares every resource an edit says it declares. */
function declaresAll(edits: readonly Edit[], program: S.Program): boolean {
  return edits.every((e) => !e.declares || program.statements.some((s) => s.kind === 'ResourceDecl' && s.name.name === e.declares));
}

/** The top-level statement that holds a range; null when none does (the range lies between statements, or across two). */
function statementAround(statements: readonly S.Statement[], from: number, to: number): S.Statement | null {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid];
    if (to < s.offset) hi = mid - 1;
    else if (from > s.offset + s.length) lo = mid + 1;
    else return from >= s.offset && to <= s.offset + s.length ? s : null;
  }
  return null;
}

/** Where an offset of the text before the edits is after them (the edits sorted, not overlapping). */
function shiftedBy(out: readonly Edit[], offset: number): number {
  let shifted = offset;
  for (const e of out) if (e.offset + e.length <= offset && e.offset < offset) shifted += e.newText.length - e.length;
  return shifted;
}

/** Whether the object or array an edit changed holds, after it, what the edit says. */
function readsBack(edit: ModelEdit, program: S.Program, shifted: (offset: number) => number): boolean {
  const node = originNode(originOf(edit));
  if (!node || node.kind === 'TypeVersion' || edit.op === 'replace' || edit.op === 'addRoleAssignment' || edit.op === 'renameForRole') return true;
  const after = nodeAt(program, node.kind, shifted(node.offset));
  switch (edit.op) {
    case 'set':
      return after?.kind === 'ObjectExpr' && findProperty(after, edit.key) !== undefined;
    case 'remove':
      return after?.kind === 'ObjectExpr' && findProperty(after, edit.key) === undefined;
    case 'append':
      return after?.kind === 'ArrayExpr' && node.kind === 'ArrayExpr' && after.items.length === node.items.length + 1;
    case 'removeItem':
      return after?.kind === 'ArrayExpr' && node.kind === 'ArrayExpr' && after.items.length === node.items.length - 1;
  }
}

/** The node of a kind that starts at an offset. */
function nodeAt(root: S.Node, kind: S.Node['kind'], offset: number): S.Node | undefined {
  const work: S.Node[] = [root];
  while (work.length) {
    const node = work.pop()!;
    if (node.kind === kind && node.offset === offset) return node;
    if (node.offset <= offset && offset <= node.offset + node.length) forEachChild(node, (child) => work.push(child));
  }
  return undefined;
}

function editOf(edit: ModelEdit, text: string, tree: S.BicepDocument, layout: Layout): Edit | Edit[] | undefined {
  const node = originNode(originOf(edit));
  if (!node) return undefined;
  if (node.kind === 'TypeVersion') return edit.op === 'replace' ? replaceVersion(node, edit.value, text) : undefined;
  switch (edit.op) {
    case 'replace':
      return replaceValue(node, edit.value, text, layout);
    case 'set': {
      if (node.kind !== 'ObjectExpr') return undefined;
      const existing = findProperty(node, edit.key);
      if (existing) return replaceValue(existing.value, edit.value, text, layout);
      return adding(insertMember(node, node.properties, `${keyText(edit.key)}: `, edit.value, text, layout), `key:${edit.key.toLowerCase()}`);
    }
    case 'remove': {
      if (node.kind !== 'ObjectExpr') return undefined;
      const existing = findProperty(node, edit.key);
      return existing ? removeMember(node, node.properties, existing, text) : undefined;
    }
    case 'append':
      if (node.kind !== 'ArrayExpr' || !plainItems(node)) return undefined;
      return adding(insertMember(node, node.items, '', edit.value, text, layout), `item:${JSON.stringify(edit.value)}`);
    case 'removeItem': {
      if (node.kind !== 'ArrayExpr' || !plainItems(node)) return undefined;
      const item = node.items[edit.index];
      return item ? removeMember(node, node.items, item, text) : undefined;
    }
    case 'addRoleAssignment': {
      if (node.kind !== 'Program') return undefined;
      const resource = roleAssignmentText(edit.assignment, layout, tree, text);
      if (!resource) return undefined;
      const end = text.length;
      // After a blank line; a file that does not end with a line break still does not after it. Either way, several
      // declarations added at the end in one go read as if added one by one.
      const endsLine = end === 0 || text[end - 1] === '\n';
      return {
        offset: end,
        length: 0,
        newText: endsLine ? `${layout.eol}${resource.text}${layout.eol}` : `${layout.eol}${layout.eol}${resource.text}`,
        declares: resource.symbol,
        adds: `key:${resource.symbol.toLowerCase()}`,
      };
    }
    case 'renameForRole':
      return renameEdits(edit, text, tree);
  }
}

/**
 * A new name for a role assignment whose role changes (see `roleRename.ts`): the seed of its `guid(...)` name, or its
 * literal GUID; and its symbol, with every reference to it, where the symbol names the old role.
 */
function renameEdits(edit: Extract<ModelEdit, { op: 'renameForRole' }>, text: string, tree: S.BicepDocument): Edit[] | undefined {
  const body = originNode(edit.assignment.body.origin);
  if (body?.kind !== 'ObjectExpr') return undefined;
  const name = findProperty(body, 'name')?.value;
  if (!name) return undefined;
  const out: Edit[] = [];
  const literal = literalText(name);
  if (literal !== undefined) {
    const renamed = renamedLiteral(literal, edit.change);
    if (renamed === undefined) return undefined;
    out.push({ offset: name.offset, length: name.length, newText: quote(renamed) });
  } else {
    const call = guidCallIn(name);
    const close = call ? call.offset + call.length - 1 : -1;
    if (!call || text[close] !== ')') return undefined;
    const properties = findProperty(body, 'properties')?.value;
    const role = properties?.kind === 'ObjectExpr' ? findProperty(properties, 'roleDefinitionId')?.value : undefined;
    const args = call.args.map((a) => ({ offset: a.offset, length: a.length, text: text.slice(a.offset, a.offset + a.length), literal: literalText(a) }));
    const roleText = role && text.slice(role.offset, role.offset + role.length);
    out.push(...reseedGuid(args, close, edit.change, roleText, { roleId: roleDefinitionId(edit.change.to.guid), literal: quote }));
  }
  const symbol = edit.assignment.symbol;
  const renamed = symbol && renamedSymbol(symbol, edit.change);
  const declaration = symbol ? declarationOf(tree.program, symbol) : undefined;
  // Renamed only when the new symbol is free and the declaration is this assignment's.
  if (symbol && renamed && declaration && declaration.offset <= body.offset && body.offset < declaration.offset + declaration.length && !declarationsBySymbol(tree.program).has(renamed.toLowerCase())) {
    for (const id of [declaration.name, ...referencesTo(tree.program, symbol)]) out.push({ offset: id.offset, length: id.length, newText: renamed });
  }
  return out;
}

/** The `guid(...)` call that makes a name: the outermost one, when there is exactly one at that depth. */
function guidCallIn(expr: S.Expr): S.CallExpr | undefined {
  const found: S.CallExpr[] = [];
  let level: S.Node[] = [expr];
  while (level.length && found.length === 0) {
    const next: S.Node[] = [];
    for (const node of level) {
      if (node.kind === 'CallExpr' && node.name.name.toLowerCase() === 'guid' && (!node.object || (node.object.kind === 'Identifier' && (node.object.name === 'az' || node.object.name === 'sys')))) found.push(node);
      else forEachChild(node, (child) => next.push(child));
    }
    level = next;
  }
  return found.length === 1 ? found[0] : undefined;
}

/** An edit that inserts, with what it adds (see `TextEdit.adds`). */
function adding(edit: Edit | undefined, adds: string): Edit | undefined {
  return edit && { ...edit, adds };
}

function errorPlaces(document: S.BicepDocument): number {
  return new Set(document.errors.map((e) => e.offset)).size;
}

/** A new API version in the type string: the text between `@` and the closing quote. */
function replaceVersion(node: TypeVersion, value: FixValue, text: string): Edit | undefined {
  if (typeof value !== 'string' || !/^[0-9A-Za-z.-]+$/.test(value)) return undefined;
  const literal = text.slice(node.type.offset, node.type.offset + node.type.length);
  const at = literal.lastIndexOf('@');
  if (at < 0 || !literal.endsWith("'")) return undefined;
  return { offset: node.type.offset + at + 1, length: literal.length - 1 - (at + 1), newText: value };
}

/** The model's items are the written ones only when nothing is spread into the array and no loop makes it. */
function plainItems(node: S.ArrayExpr): boolean {
  return node.items.every((i) => i.kind !== 'SpreadExpr');
}

function replaceValue(node: S.Node, value: FixValue, text: string, layout: Layout): Edit | undefined {
  // A value followed by more code on its line (`{ name: 'S1', capacity: 1 }`) is replaced on that line.
  const end = node.offset + node.length;
  const rest = text.slice(end, lineEndOf(text, end)).trim();
  const sameLine = rest !== '' && !rest.startsWith('//');
  const rendered = render(value, lineIndentOf(text, node.offset), sameLine ? { ...layout, oneLine: true } : layout);
  return { offset: node.offset, length: node.length, newText: rendered };
}

/** Adds a property (`prefix` is `key: `) or an array item to an object or array literal. */
function insertMember(container: S.ObjectExpr | S.ArrayExpr, members: readonly S.Node[], prefix: string, value: FixValue, text: string, layout: Layout): Edit | undefined {
  if (container.closeOffset < 0) return undefined;
  const own = lineIndentOf(text, container.offset);
  const multiLine = /[\r\n]/.test(text.slice(container.offset, container.closeOffset));
  if (members.length === 0) {
    // An empty literal is rewritten over lines, one level deeper than its own line.
    const inner = own + layout.unit;
    const body = `${prefix}${render(value, inner, layout)}`;
    return { offset: container.offset + 1, length: container.closeOffset - container.offset - 1, newText: `${layout.eol}${inner}${body}${layout.eol}${own}` };
  }
  if (!multiLine) {
    // One line: beside the others after a comma, the value on the line too.
    const lastMember = members[members.length - 1];
    return { offset: lastMember.offset + lastMember.length, length: 0, newText: `, ${prefix}${render(value, '', { ...layout, oneLine: true })}` };
  }
  // Over lines: on a line of its own before the closing bracket, at the siblings' indentation.
  const closeLine = lineStartOf(text, container.closeOffset);
  if (text.slice(closeLine, container.closeOffset).trim() !== '') return undefined;
  const siblingIndent = lineIndentOf(text, members[members.length - 1].offset);
  return { offset: closeLine, length: 0, newText: `${siblingIndent}${prefix}${render(value, siblingIndent, layout)}${layout.eol}` };
}

/** Removes a property or an item: its whole line(s) when it stands alone on them, else with the comma beside it. */
function removeMember(container: S.ObjectExpr | S.ArrayExpr, members: readonly S.Node[], member: S.Node, text: string): Edit | undefined {
  const start = lineStartOf(text, member.offset);
  const end = member.offset + member.length;
  const lineEnd = lineEndOf(text, end);
  const before = text.slice(start, member.offset);
  const after = text.slice(end, lineEnd);
  if (before.trim() === '' && (after.trim() === '' || after.trim().startsWith('//'))) {
    const next = lineEnd < text.length && text[lineEnd] === '\r' ? lineEnd + 2 : lineEnd + 1;
    return { offset: start, length: Math.min(next, text.length) - start, newText: '' };
  }
  const index = members.indexOf(member);
  if (members.length === 1) return { offset: container.offset + 1, length: Math.max(0, container.closeOffset - container.offset - 1), newText: '' };
  if (index === members.length - 1) {
    const previous = members[index - 1];
    return { offset: previous.offset + previous.length, length: end - (previous.offset + previous.length), newText: '' };
  }
  return { offset: member.offset, length: members[index + 1].offset - member.offset, newText: '' };
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function keyText(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** A Bicep string literal: `'`, `\` and `${` escaped. */
export function quote(s: string): string {
  const escaped = s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** A fix value in Bicep syntax; objects and arrays over lines, below `indent`. */
function render(value: FixValue, indent: string, layout: Layout): string {
  if (isRoleDefinitionValue(value)) return roleDefinitionId(value.$roleDefinition);
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (layout.oneLine) {
    if (Array.isArray(value)) return `[${value.map((v) => render(v, '', layout)).join(', ')}]`;
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${keyText(k)}: ${render(v as FixValue, '', layout)}`).join(', ')} }` : '{}';
  }
  const inner = indent + layout.unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => `${layout.eol}${inner}${render(v, inner, layout)}`).join('')}${layout.eol}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{${entries.map(([k, v]) => `${layout.eol}${inner}${keyText(k)}: ${render(v as FixValue, inner, layout)}`).join('')}${layout.eol}${indent}}`;
}

function roleDefinitionId(guid: string): string {
  return `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ${quote(guid)})`;
}

/**
 * A role assignment declaration, when the hub and the target are resources
 * of the same file with symbols (and a user-assigned identity has a literal
 * name); undefined otherwise.
 */
function roleAssignmentText(assignment: NewRoleAssignment, layout: Layout, tree: S.BicepDocument, text: string): { text: string; symbol: string } | undefined {
  const hub = assignment.principal;
  const target = assignment.scope;
  if (!hub.symbol || !target.symbol || hub.doc !== target.doc || hub.source !== 'bicep' || target.source !== 'bicep') return undefined;
  const taken = declarationsBySymbol(tree.program);
  // A symbol declared twice (Bicep rejects it) names no one resource.
  if (declarationsNamed(tree.program, hub.symbol) !== 1 || declarationsNamed(tree.program, target.symbol) !== 1) return undefined;
  const hubValue = declarationOf(tree.program, hub.symbol)?.value;
  const targetValue = declarationOf(tree.program, target.symbol)?.value;
  // A hub that may not be deployed cannot be referred to; a target in a loop is not one resource.
  if (!hubValue || !targetValue || hubValue.kind === 'IfExpr' || targetValue.kind !== 'ObjectExpr') return undefined;
  // Hubs made by a loop get one assignment each, by index.
  let loop: { index: string; iterable: string } | undefined;
  if (hubValue.kind === 'ForExpr') {
    if (hubValue.body.kind !== 'ObjectExpr') return undefined;
    let index = 'i';
    for (let n = 2; taken.has(index); n++) index = `i${n}`;
    loop = { index, iterable: text.slice(hubValue.iterable.offset, hubValue.iterable.offset + hubValue.iterable.length) };
  }
  const hubRef = loop ? `${hub.symbol}[${loop.index}]` : hub.symbol;
  let principalId: string;
  let identityId: string;
  if (assignment.identity === 'system') {
    principalId = `${hubRef}.identity.principalId`;
    identityId = `${hubRef}.id`;
  } else {
    const names = assignment.identity.names.map((n) => (n.kind === 'string' ? n.value : undefined));
    if (names.length === 0 || names.some((n) => n === undefined)) return undefined;
    // The identity by its symbol when this file declares it, as Bicep's linter asks; by its id otherwise.
    const symbol = names.length === 1 ? symbolOfIdentity(tree.program, names[0]!) : undefined;
    identityId = symbol ? `${symbol}.id` : `resourceId('${assignment.identity.type}', ${names.map((n) => quote(n!)).join(', ')})`;
    principalId = symbol ? `${symbol}.properties.principalId` : `reference(${identityId}, '2023-01-31').principalId`;
  }
  const role = roleDefinitionId(assignment.role.$roleDefinition);
  const stem = `${hub.symbol}${roleWords(assignment.role.roleName)}`;
  let symbol = stem;
  for (let i = 2; taken.has(symbol.toLowerCase()); i++) symbol = `${stem}${i}`;
  const u = layout.unit;
  const eol = layout.eol;
  const open = loop ? `[for ${loop.index} in range(0, length(${loop.iterable})): {` : '{';
  const declaration = [
    `resource ${symbol} 'Microsoft.Authorization/roleAssignments@2022-04-01' = ${open}`,
    `${u}name: guid(${target.symbol}.id, ${identityId}, ${role})`,
    `${u}scope: ${target.symbol}`,
    `${u}properties: {`,
    `${u}${u}roleDefinitionId: ${role}`,
    `${u}${u}principalId: ${principalId}`,
    `${u}${u}principalType: 'ServicePrincipal'`,
    `${u}}`,
    loop ? '}]' : '}',
  ].join(eol);
  return { text: declaration, symbol };
}

/** The symbol of the user-assigned identity this file declares under a literal name, when there is exactly one. */
function symbolOfIdentity(program: S.Program, name: string): string | undefined {
  const found = program.statements.filter(
    (s): s is S.ResourceDecl =>
      s.kind === 'ResourceDecl' &&
      s.value.kind === 'ObjectExpr' &&
      (literalText(s.type as S.Expr) ?? '').toLowerCase().startsWith('microsoft.managedidentity/userassignedidentities@') &&
      literalText(findProperty(s.value, 'name')?.value)?.toLowerCase() === name.toLowerCase(),
  );
  return found.length === 1 && declarationsNamed(program, found[0].name.name) === 1 ? found[0].name.name : undefined;
}

/** How many top-level statements declare this symbol, spelled as given. */
function declarationsNamed(program: S.Program, symbol: string): number {
  return (declarationsBySymbol(program).get(symbol.toLowerCase()) ?? []).filter((s) => 'name' in s && s.name.name === symbol).length;
}

/** A resource declared at the top of the file under this symbol. */
function declarationOf(program: S.Program, symbol: string): S.ResourceDecl | undefined {
  return declarationsBySymbol(program)
    .get(symbol.toLowerCase())
    ?.find((s): s is S.ResourceDecl => s.kind === 'ResourceDecl' && s.name.name === symbol);
}

