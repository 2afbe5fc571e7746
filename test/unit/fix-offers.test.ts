/**
 * Fixes are offered only when they can be applied safely: a fix whose result
 * the analysis could not recognize would leave its own finding behind.
 */
import * as assert from 'assert';
import { analyzeTexts } from '../support/analyze';
import { deploymentTemplate, hubTemplate } from '../support/templates';

/** A hub routing to a storage account with its identity, and no role assignment; `hubName` as written. */
function hubRoutingToStorage(hubName: string, userAssignedIdentity?: string): string {
  const identity = userAssignedIdentity ? { userAssignedIdentity } : undefined;
  const resources = [
    { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'contosoarchive', location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' },
    {
      type: 'Microsoft.Devices/IotHubs',
      apiVersion: '2023-06-30',
      name: hubName,
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
