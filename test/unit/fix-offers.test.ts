/**
 * Fixes are offered only when they can be applied safely: a fix whose result
 * the analysis could not recognize would leave its own finding behind.
 */
import * as assert from 'assert';
import { analyzeTexts } from '../support/analyze';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { deploymentTemplate, hubTemplate } from '../support/templates';

/** A hub routing to a storage account with its identity, and no role assignment; `hubName` as written, and a copy loop if given. */
function hubRoutingToStorage(hubName: string, userAssignedIdentity?: string, copy?: object): string {
  const identity = userAssignedIdentity ? { userAssignedIdentity } : undefined;
  const resources = [
    { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'contosoarchive', location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' },
    {
      type: 'Microsoft.Devices/IotHubs',
      apiVersion: '2023-06-30',
      name: hubName,
      copy,
      location: 'westeurope',
      sku: { name: 'S1', capacity: 1 },
      identity: { type: 'SystemAssigned' },
      properties: {
        routing: {
          endpoints: {
            storageContainers: [
              { name: 'archive', authenticationType: 'identityBased', identity, endpointUri: 'https://contosoarchive.blob.core.windows.net/', containerName: 'telemetry' },
            ],
          },
          routes: [{ name: 'all', source: 'DeviceMessages', condition: 'true', endpointNames: ['archive'], isEnabled: true }],
        },
      },
    },
  ];
  return deploymentTemplate(...resources.map((r) => JSON.stringify(r, null, 2)));
}

const roleMissing = (text: string) => analyzeTexts({ '/t.json': text }).findings.filter((f) => f.ruleId === 'iothub-identity-role-missing');

describe('fixes offered', () => {
  it('adds a role assignment for a hub named literally or by an expression it can evaluate', () => {
    for (const name of ['contoso-hub', "[concat('contoso', '-hub')]"]) {
      const [finding] = roleMissing(hubRoutingToStorage(name));
      assert.strictEqual(finding?.fixes.length, 1, name);
    }
  });

  it('offers no role assignment for a hub whose name cannot be evaluated, since the assignment it wrote could not be matched to it', () => {
    const [finding] = roleMissing(hubRoutingToStorage("[arameters('hubName')]"));
    assert.ok(finding, 'the finding stays');
    assert.deepStrictEqual(finding.fixes, []);
  });

  it('offers no role assignment for hubs of a copy loop: their names read copyIndex(), which an assignment outside the loop cannot', () => {
    const [finding] = roleMissing(hubRoutingToStorage("[concat('contoso-hub-', copyIndex())]", undefined, { name: 'hubs', count: 2 }));
    assert.ok(finding, 'the finding stays');
    assert.deepStrictEqual(finding.fixes, []);
  });

  it('offers no role assignment for an endpoint whose identity is not a user-assigned identity', () => {
    const [finding] = roleMissing(hubRoutingToStorage('contoso-hub', "[resourceId('Microsoft.Storage/storageAccounts', 'contosoarchive')]"));
    assert.ok(finding, 'the finding stays');
    assert.deepStrictEqual(finding.fixes, []);
  });

  it('writes no property over a parameter, even one that is null and so reads as the property left out', () => {
    const bypasses = (files: Record<string, string>) => analyzeTexts(files).findings.filter((f) => f.ruleId === 'iothub-builtin-endpoint-bypasses-isolation');
    const arm = (routing: string) => hubTemplate({ publicNetworkAccess: 'Disabled', ...(routing ? { routing } : {}) }, { parameters: { routing: { type: 'object', nullable: true } } });
    const bicep = (routing: string) =>
      `param routing object?\nresource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {\n  name: 'contoso-hub'\n  location: 'westeurope'\n  sku: { name: 'S1', capacity: 1 }\n  properties: {\n    publicNetworkAccess: 'Disabled'\n${routing}  }\n}\n`;
    // Routing from a nullable parameter left out: the fallback route is on, so the finding is made; the fix that would write routing is not offered.
    for (const files of [{ '/t.json': arm("[parameters('routing')]") }, { '/t.bicep': bicep('    routing: routing\n') }] as Array<Record<string, string>>) {
      const [finding] = bypasses(files);
      assert.ok(finding, Object.keys(files)[0]);
      assert.deepStrictEqual(finding.fixes, [], Object.keys(files)[0]);
    }
    // Routing left out, or written as a literal null, takes the fix.
    for (const files of [{ '/t.json': arm('') }, { '/t.bicep': bicep('') }, { '/t.bicep': bicep('    routing: null\n') }] as Array<Record<string, string>>) {
      const [finding] = bypasses(files);
      assert.strictEqual(finding?.fixes.length, 1, Object.values(files)[0]);
    }
  });

  it('adds no host to an allow list when its text is not known, though the host is known to be missing', () => {
    const storageContainers = [
      { name: 'keyed', authenticationType: 'identityBased', endpointUri: "[concat('https://st', uniqueString(resourceGroup().id), '.blob.core.windows.net/')]", containerName: 'c' },
      { name: 'known', authenticationType: 'identityBased', endpointUri: 'https://contosodata.blob.core.windows.net/', containerName: 'c' },
    ];
    const allowedFqdnList = ['iothub-ns-contoso-hu-1-abcdef0123.servicebus.windows.net', 'www.bing.com'];
    const template = hubTemplate({ restrictOutboundNetworkAccess: true, allowedFqdnList, routing: { endpoints: { storageContainers } } }, { identity: { type: 'SystemAssigned' } });
    const missing = analyzeTexts({ '/t.json': template }).findings.filter((f) => f.ruleId === 'iothub-egress-allowlist-missing-endpoint');
    assert.deepStrictEqual(
      missing.map((f) => [f.message.includes('st….blob.core.windows.net'), f.fixes.length]),
      [
        [true, 0],
        [false, 1],
      ],
    );
  });
});

describe('role fixes replace the assignment', () => {
  /** A Bicep hub whose identity is given Contributor on a storage account, under `name` as written. */
  const contributorNamed = (name: string) => `param assignmentName string = newGuid()
resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'contosoarchive'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}
resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {
  name: 'contoso-hub'
  location: 'westeurope'
  sku: { name: 'S1', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {}
}
resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: ${name}
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: hub.identity.principalId
  }
}
`;
  const broadRole = (text: string) => analyzeTexts({ '/t.bicep': text }).findings.filter((f) => f.ruleId === 'iothub-identity-broad-role');

  it('offers the role change only with a new name: none when the name cannot be rewritten, since Azure would refuse the update', () => {
    for (const name of ['assignmentName', "'contributor-of-hub'", "concat('a', 'b')"]) {
      const [finding] = broadRole(contributorNamed(name));
      assert.ok(finding, `the finding stays (${name})`);
      assert.deepStrictEqual(finding.fixes, [], name);
    }
  });

  it('marks the role change unsafe, with what it costs in its title', () => {
    const [finding] = broadRole(contributorNamed('guid(storage.id, hub.id)'));
    assert.strictEqual(finding.fixes.length, 1);
    assert.strictEqual(finding.fixes[0].safety, 'unsafe');
    assert.match(finding.fixes[0].title, /replaces the role assignment/);
  });

  it('does not rename the symbol onto one that is taken', () => {
    const text = contributorNamed('guid(storage.id, hub.id)') + "\nvar storageBlobDataContributor = 'taken'\n";
    const [finding] = broadRole(text);
    const edits = finding.fixes[0].edits!;
    assert.ok(edits.every((e) => !e.newText.includes('resource storageBlobDataContributor') && e.newText !== 'storageBlobDataContributor'), JSON.stringify(edits));
  });
});

describe('unused suppression ids', () => {
  it('removes an id written twice in one directive, both times, keeping the others', () => {
    const hub = { type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'contoso-hub', properties: { restrictOutboundNetworkAccess: 'true' } };
    const text = deploymentTemplate(JSON.stringify(hub, null, 2)).replace(
      '"restrictOutboundNetworkAccess": "true"',
      '"restrictOutboundNetworkAccess": "true" // iot-netlint-disable-line restrict-outbound-value-type no-such-rule, no-such-rule',
    );
    const result = analyzeTexts({ '/t.json': text }, { unusedDirectives: 'warning' });
    const unused = result.findings.filter((f) => f.ruleId === 'unused-disable-directive');
    assert.strictEqual(unused.length, 1, unused.map((f) => f.message).join('\n'));
    const fixed = applyTextEdits(text, unused[0].fixes[0].edits!)!;
    assert.ok(fixed.includes('// iot-netlint-disable-line restrict-outbound-value-type\n'), fixed);
  });
});

describe('fixes of a finding reported by several instances of a loop', () => {
  /** Hubs of a loop over these regions, each with its own built-in endpoint, and one allow list written for them all. */
  const hubs = (regions: string[]) => `
param regions array = [${regions.map((r) => `'${r}'`).join(', ')}]
resource hubs 'Microsoft.Devices/IotHubs@2023-06-30' = [for region in regions: {
  name: 'contoso-\${region}'
  location: region
  properties: {
    restrictOutboundNetworkAccess: true
    allowedFqdnList: ['contosoarchive.blob.core.windows.net']
    eventHubEndpoints: { events: { endpoint: 'sb://iothub-ns-contoso-\${region}.servicebus.windows.net/' } }
  }
}]
`;
  const builtIn = (text: string) => analyzeTexts({ '/t.bicep': text }).findings.filter((f) => f.ruleId === 'iothub-egress-allowlist-missing-builtin-endpoint');

  it('offers the fix when every instance asks for the same', () => {
    const [finding] = builtIn(hubs(['westeurope']));
    assert.deepStrictEqual(
      finding?.fixes.map((f) => f.title),
      ["Add 'iothub-ns-contoso-westeurope.servicebus.windows.net' to allowedFqdnList"],
    );
  });

  it('offers none when the instances ask for different text at the place they share', () => {
    const findings = builtIn(hubs(['westeurope', 'northeurope']));
    assert.strictEqual(findings.length, 1, 'one finding where the list is written');
    assert.deepStrictEqual(findings[0].fixes, []);
  });
});
