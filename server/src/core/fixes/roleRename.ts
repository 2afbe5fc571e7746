/**
 * A role assignment given another role needs another name: Azure refuses to
 * change the role of an existing assignment (`RoleAssignmentUpdateNotPermitted`),
 * so a redeployment must create a new assignment, under a name the old one
 * does not have. Each writer finds the name as written in its own syntax; the
 * decisions about what to change in it are made here, once for every language.
 *
 *   guid(storage.id, hub.id, contributorRoleId)   the argument that is the old role id becomes the new one
 *   guid(resourceGroup().id, 'contributor')       a literal naming the old role names the new one
 *   guid(storage.id, hub.id)                      the new role id is added as an argument
 *   '0d3a…' (a literal GUID)                      a GUID derived from it and the new role
 */
import type { BuiltInRole } from '../azure/roles';
import { nameBasedGuid } from '../text/guid';

/** An argument of the `guid(...)` call in a name, as written. */
export interface SeedArgument {
  offset: number;
  length: number;
  text: string;
  /** The value of a plain string literal argument. */
  literal?: string;
}

export interface SeedEdit {
  offset: number;
  length: number;
  newText: string;
}

/** How a language spells what goes into the seed. */
export interface SeedSpelling {
  /** The new role's id as an expression (`subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '…')`). */
  roleId: string;
  literal(text: string): string;
}

export interface RoleChange {
  from: BuiltInRole;
  to: BuiltInRole;
}

/**
 * Edits to the arguments of a `guid(...)` call (`close` is the offset of its
 * closing parenthesis) so that it makes another name, for the new role:
 * arguments that are the old role's id as `roleDefinitionId` writes it, hold
 * its GUID, or name it are made to name the new role; when none does, the new
 * role's id is added as a last argument.
 */
export function reseedGuid(args: readonly SeedArgument[], close: number, change: RoleChange, roleDefinitionText: string | undefined, spelling: SeedSpelling): SeedEdit[] {
  const edits: SeedEdit[] = [];
  const written = roleDefinitionText === undefined ? undefined : withoutSpace(roleDefinitionText);
  for (const arg of args) {
    let newText: string | undefined;
    if (written !== undefined && withoutSpace(arg.text) === written) newText = spelling.roleId;
    else if (arg.text.toLowerCase().includes(change.from.guid)) newText = arg.text.replace(new RegExp(change.from.guid, 'gi'), change.to.guid);
    else if (arg.literal !== undefined && compact(arg.literal) === compact(change.from.name)) newText = spelling.literal(restyled(arg.literal, change.to.name));
    if (newText !== undefined) edits.push({ offset: arg.offset, length: arg.length, newText });
  }
  if (edits.length > 0) return edits;
  return [{ offset: close, length: 0, newText: args.length > 0 ? `, ${spelling.roleId}` : spelling.roleId }];
}

const GUID_AT_END = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A literal name (`0d3a…`, or the legacy `account/Microsoft.Authorization/0d3a…`) with its GUID replaced by one
 * derived from it and the new role: the same old name and role give the same new name, so a fix applied in two
 * copies of a template agrees. Undefined when the name does not end with a GUID.
 */
export function renamedLiteral(name: string, change: RoleChange): string | undefined {
  const m = GUID_AT_END.exec(name);
  if (!m) return undefined;
  return name.slice(0, m.index) + nameBasedGuid(m[0], change.to.guid);
}

/**
 * A symbol that names the old role (`contributor`, `hubContributorAssignment`), naming the new one instead
 * (`storageBlobDataContributor`, `hubStorageBlobDataContributorAssignment`); undefined when it does not name it.
 */
export function renamedSymbol(symbol: string, change: RoleChange): string | undefined {
  const old = compact(change.from.name);
  const at = symbol.toLowerCase().indexOf(old);
  if (at < 0) return undefined;
  const words = roleWords(change.to.name);
  const first = symbol[at];
  const replacement = first === first.toUpperCase() ? words : words.charAt(0).toLowerCase() + words.slice(1);
  return symbol.slice(0, at) + replacement + symbol.slice(at + old.length);
}

/** The new role's name written as the old one was: `Storage Blob Data Contributor`, `StorageBlobDataContributor`, or `storageBlobDataContributor` (for `contributor` too). */
function restyled(old: string, name: string): string {
  if (/\s/.test(old.trim())) return name;
  const words = roleWords(name);
  return /^[A-Z]/.test(old) ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

function compact(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** `Storage Blob Data Contributor` → `StorageBlobDataContributor`: a role's name as a part of a symbol. */
export function roleWords(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function withoutSpace(s: string): string {
  return s.replace(/\s+/g, '');
}
