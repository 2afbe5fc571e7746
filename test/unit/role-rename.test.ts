/**
 * A role assignment that changes role gets a new name (Azure refuses to update an assignment's role in place):
 * what in its name changes, in each language, and the name-based GUID a literal name becomes.
 */
import * as assert from 'assert';
import { ROLES } from '../../server/src/core/azure/roles';
import { guidCallIn } from '../../server/src/core/frontends/arm/guidCall';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { renamedLiteral, renamedSymbol, reseedGuid } from '../../server/src/core/fixes/roleRename';
import { nameBasedGuid, sha1 } from '../../server/src/core/text/guid';

const change = { from: ROLES.contributor, to: ROLES.storageBlobDataContributor };
const ARM = { roleId: "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')", literal: (s: string) => `'${s}'` };

/** The ARM expression with its guid() seed changed, as the ARM writer changes it. */
function reseeded(expression: string, roleDefinitionText?: string): string | undefined {
  const call = guidCallIn(expression);
  return call && applyTextEdits(expression, reseedGuid(call.args, call.close, change, roleDefinitionText, ARM));
}

describe('role rename', () => {
  it('hashes with SHA-1 as FIPS 180-4 says', () => {
    const hex = (text: string) => sha1([...Buffer.from(text)]).map((b) => b.toString(16).padStart(2, '0')).join('');
    assert.strictEqual(hex('abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.strictEqual(hex(''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
    assert.strictEqual(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('makes name-based (version 5) GUIDs as RFC 4122 does', () => {
    // The DNS namespace and www.example.com, as Python's uuid.uuid5 gives them.
    assert.strictEqual(nameBasedGuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('replaces the argument that is the role id as roleDefinitionId writes it', () => {
    assert.strictEqual(
      reseeded("guid(resourceGroup().id, variables('contributorRoleId'))", " variables( 'contributorRoleId' )"),
      `guid(resourceGroup().id, ${ARM.roleId})`,
    );
  });

  it("replaces the old role's GUID wherever an argument holds it", () => {
    assert.strictEqual(reseeded("guid(parameters('hub'), 'B24988AC-6180-42A0-AB88-20F7382DD24C')"), "guid(parameters('hub'), 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')");
  });

  it('names the new role in a literal that named the old one, in its style', () => {
    assert.strictEqual(reseeded("guid('a', 'Contributor')"), "guid('a', 'StorageBlobDataContributor')");
    assert.strictEqual(reseeded("guid('a', 'contributor')"), "guid('a', 'storageBlobDataContributor')");
    assert.strictEqual(reseeded("guid('a', ' contributor ')"), "guid('a', 'storageBlobDataContributor')");
  });

  it('adds the new role id when no argument names the old role', () => {
    assert.strictEqual(reseeded("guid('a', 'hub-contributor')"), `guid('a', 'hub-contributor', ${ARM.roleId})`);
    assert.strictEqual(reseeded('guid()'), `guid(${ARM.roleId})`);
  });

  it('finds the guid() call inside other calls, past strings with commas and parentheses', () => {
    assert.strictEqual(
      reseeded("concat(parameters('sa'), '/Microsoft.Authorization/', guid('a,(b', 'it''s', 'contributor'))"),
      "concat(parameters('sa'), '/Microsoft.Authorization/', guid('a,(b', 'it''s', 'storageBlobDataContributor'))",
    );
  });

  it('finds no seed where there is none, or two at one depth', () => {
    assert.strictEqual(guidCallIn("concat('a', 'guid(b)')"), undefined);
    assert.strictEqual(guidCallIn("concat(guid('a'), guid('b'))"), undefined);
    assert.strictEqual(guidCallIn("guid('a'"), undefined);
    // The outermost of nested calls is the one that makes the name.
    assert.strictEqual(guidCallIn("guid(guid('a'), 'b')")?.args.length, 2);
  });

  it('derives a literal GUID name from the old one and the new role, the same each time', () => {
    const once = renamedLiteral('4b3a3f6e-9a55-4c71-8bf6-6f0e2d1c9a10', change);
    assert.match(once!, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.strictEqual(renamedLiteral('4b3a3f6e-9a55-4c71-8bf6-6f0e2d1c9a10', change), once);
    assert.notStrictEqual(renamedLiteral('4b3a3f6e-9a55-4c71-8bf6-6f0e2d1c9a10', { ...change, to: ROLES.eventHubsDataSender }), once);
    assert.strictEqual(renamedLiteral('account/Microsoft.Authorization/4b3a3f6e-9a55-4c71-8bf6-6f0e2d1c9a10', change), `account/Microsoft.Authorization/${once}`);
    assert.strictEqual(renamedLiteral('not-a-guid', change), undefined);
  });

  it('renames a symbol that names the old role, keeping the case of its first letter', () => {
    assert.strictEqual(renamedSymbol('contributor', change), 'storageBlobDataContributor');
    assert.strictEqual(renamedSymbol('hubContributorRole', change), 'hubStorageBlobDataContributorRole');
    assert.strictEqual(renamedSymbol('StorageAccountContributorForHub', { from: ROLES.storageAccountContributor, to: ROLES.storageBlobDataContributor }), 'StorageBlobDataContributorForHub');
    assert.strictEqual(renamedSymbol('archiveAccess', change), undefined);
  });
});
