/**
 * `--fix` applies safe fixes only; an unsafe fix (it removes access, stops a flow, drops a setting, raises an API
 * version or replaces a resource) waits for `--unsafe-fixes`, and the summary says how to apply it. The three cases
 * are the ones a user met: a fallback route disabled, an allow list deleted, a role swapped in place.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/paths';
import { tempFolder } from '../support/tempFolders';

const BIN = path.join(ROOT, 'server', 'bin', 'iot-netlint.js');

function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const template = (...resources: object[]) =>
  JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2) + '\n';

const HUB = { type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'contoso-hub', location: 'westeurope', sku: { name: 'S1', capacity: 1 } };

/** A hub whose public access is disabled and whose routing is the default: only the unsafe fix applies. */
const CLOSED_HUB = template({ ...HUB, properties: { publicNetworkAccess: 'Disabled' } });

/** A cluster with both an allow list and callout policies, a property between them. */
const CLUSTER = template({
  type: 'Microsoft.Kusto/clusters',
  apiVersion: '2024-04-13',
  name: 'contosoadx',
  location: 'westeurope',
  sku: { name: 'Standard_E8ads_v5', tier: 'Standard', capacity: 2 },
  properties: {
    restrictOutboundNetworkAccess: 'Enabled',
    allowedFqdnList: ['contosoingest.blob.core.windows.net'],
    enableDiskEncryption: true,
    calloutPolicies: [{ calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' }],
  },
});

/** Contributor for the hub's identity on a storage account, under a name seeded with the role. */
const CONTRIBUTOR = template(
  { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'contosoarchive', location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' },
  { ...HUB, identity: { type: 'SystemAssigned' }, properties: {} },
  {
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: '2022-04-01',
    name: "[guid(resourceId('Microsoft.Storage/storageAccounts', 'contosoarchive'), 'contoso-hub', 'contributor')]",
    scope: 'Microsoft.Storage/storageAccounts/contosoarchive',
    properties: {
      roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')]",
      principalId: "[reference(resourceId('Microsoft.Devices/IotHubs', 'contoso-hub'), '2023-06-30', 'Full').identity.principalId]",
    },
  },
);

describe('command line: safe and unsafe fixes', function () {
  this.timeout(30000);

  for (const [name, text, ruleId] of [
    ['a fallback route disabled', CLOSED_HUB, 'iothub-builtin-endpoint-bypasses-isolation'],
    ['an allow list removed', CLUSTER, 'kusto-allowlist-and-callout-policies'],
    ['a role replaced', CONTRIBUTOR, 'iothub-identity-broad-role'],
  ] as const) {
    it(`--fix leaves ${name} to --unsafe-fixes, and says so`, () => {
      const dir = tempFolder('cli-unsafe', { 't.json': text });
      const r = run(['--fix', 't.json'], dir);
      assert.strictEqual(fs.readFileSync(path.join(dir, 't.json'), 'utf8'), text, 'nothing written');
      assert.strictEqual(r.code, 1, r.stderr);
      assert.ok(r.stdout.includes(`  ${ruleId}  `), r.stdout);
      assert.match(r.stdout, /problems? can be fixed with --fix --unsafe-fixes\./);
      assert.doesNotMatch(r.stdout, /No problems found/);
      assert.doesNotMatch(r.stdout, /^Fixed /m);
    });
  }

  it('--fix --unsafe-fixes disables the fallback route and says what it changed', () => {
    const dir = tempFolder('cli-unsafe', { 't.json': CLOSED_HUB });
    const r = run(['--fix', '--unsafe-fixes', 't.json'], dir);
    const after = JSON.parse(fs.readFileSync(path.join(dir, 't.json'), 'utf8'));
    assert.strictEqual(after.resources[0].properties.routing.fallbackRoute.isEnabled, false);
    assert.match(r.stdout, /^Fixed 1 problem in t\.json:\n {2}iothub-builtin-endpoint-bypasses-isolation {2}Disable the fallback route — messages that match no route are dropped\n/);
  });

  it('--fix --unsafe-fixes removes one of the two Kusto settings, never both', () => {
    const dir = tempFolder('cli-unsafe', { 't.json': CLUSTER });
    run(['--fix', '--unsafe-fixes', 't.json'], dir);
    const properties = JSON.parse(fs.readFileSync(path.join(dir, 't.json'), 'utf8')).resources[0].properties;
    assert.deepStrictEqual(Object.keys(properties).sort(), ['calloutPolicies', 'enableDiskEncryption', 'restrictOutboundNetworkAccess']);
  });

  it('--fix --unsafe-fixes gives the role assignment the new role under a new name', () => {
    const dir = tempFolder('cli-unsafe', { 't.json': CONTRIBUTOR });
    const r = run(['--fix', '--unsafe-fixes', 't.json'], dir);
    const assignment = JSON.parse(fs.readFileSync(path.join(dir, 't.json'), 'utf8')).resources[2];
    assert.strictEqual(assignment.properties.roleDefinitionId, "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')]");
    assert.strictEqual(assignment.name, "[guid(resourceId('Microsoft.Storage/storageAccounts', 'contosoarchive'), 'contoso-hub', 'storageBlobDataContributor')]");
    assert.doesNotMatch(r.stdout, /iothub-identity-broad-role {2}The identity/);
  });

  it('counts safe and unsafe fixes apart in the summary', () => {
    const dir = tempFolder('cli-unsafe', { 'a.json': CLOSED_HUB, 'b.json': template({ ...HUB, properties: { restrictOutboundNetworkAccess: 'true', allowedFqdnList: ['iothub-ns-x-1-2-abcdef0123.servicebus.windows.net'] } }) });
    const r = run(['.'], dir);
    assert.match(r.stdout, / {2}1 problem can be fixed with --fix, 1 more with --fix --unsafe-fixes\.\n/);
    assert.match(r.stdout, / {4}fix: Write true\n/);
    assert.match(r.stdout, / {4}unsafe fix: Disable the fallback route — messages that match no route are dropped\n/);
  });

  it('says in JSON and SARIF which kind each fix is, and in JSON what --fix-dry-run would change', () => {
    const dir = tempFolder('cli-unsafe', { 't.json': CLOSED_HUB });
    const json = JSON.parse(run(['--format', 'json', 't.json'], dir).stdout);
    assert.strictEqual(json.files[0].findings[0].fixes[0].safety, 'unsafe');
    assert.deepStrictEqual(json.summary, { errors: 0, warnings: 1, infos: 0, fixable: 0, unsafeFixable: 1 });
    const sarif = JSON.parse(run(['--format', 'sarif', 't.json'], dir).stdout);
    assert.deepStrictEqual(sarif.runs[0].results[0].fixes[0].properties, { safety: 'unsafe' });
    const dry = JSON.parse(run(['--fix-dry-run', '--unsafe-fixes', '--format', 'json', 't.json'], dir).stdout);
    assert.deepStrictEqual(dry.files[0].fixed, [{ ruleId: 'iothub-builtin-endpoint-bypasses-isolation', title: 'Disable the fallback route — messages that match no route are dropped', safety: 'unsafe' }]);
    assert.strictEqual(fs.readFileSync(path.join(dir, 't.json'), 'utf8'), CLOSED_HUB, 'a dry run writes nothing');
  });
});
