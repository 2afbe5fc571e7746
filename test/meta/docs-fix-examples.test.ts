/**
 * Where a rule page shows what its fix writes, the fix writes that: the page's example, deployed with the resources
 * it names, fixed, reads as the page's corrected example.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeTexts, applyFix } from '../support/analyze';
import { ROOT } from '../support/paths';

/** The fenced code blocks of a page, in order, by language. */
function blocks(page: string, language: string): string[] {
  return [...page.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]);
}

/** The example fixed: the rule's one finding in `before + example + after`, its first fix applied, and what then stands between the two. */
function fixedExample(id: string, before: string, example: string, after: string, ruleId: string): string {
  const text = before + example + after;
  const findings = analyzeTexts({ [id]: text }).findings.filter((f) => f.ruleId === ruleId);
  assert.strictEqual(findings.length, 1, findings.map((f) => f.message).join('\n'));
  const fixed = applyFix({ [id]: text }, findings[0])[id];
  assert.ok(fixed.startsWith(before) && fixed.endsWith(after), 'the fix changes the example only');
  return fixed.slice(before.length, fixed.length - after.length);
}

describe('meta: rule pages show what their fixes write', () => {
  const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'iothub-identity-broad-role.md'), 'utf8');

  it('iothub-identity-broad-role, ARM: the role and the name of the corrected example', () => {
    const [example, corrected] = blocks(page, 'json');
    const storage = JSON.stringify({ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'contosoarchive', location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2' });
    const hub = JSON.stringify({ type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'contoso-hub', location: 'westeurope', sku: { name: 'S1', capacity: 1 }, identity: { type: 'SystemAssigned' }, properties: {} });
    const head = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [${storage}, ${hub}, `;
    assert.strictEqual(fixedExample('/page.json', head, example, ']}', 'iothub-identity-broad-role'), corrected);
  });

  it('iothub-identity-broad-role, Bicep: the role, the name and the symbol of the corrected example', () => {
    const [example, corrected] = blocks(page, 'bicep');
    const declared = [
      "resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      "  name: 'contosoarchive'",
      "  location: 'westeurope'",
      "  sku: { name: 'Standard_LRS' }",
      "  kind: 'StorageV2'",
      '}',
      "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
      "  name: 'contoso-hub'",
      "  location: 'westeurope'",
      "  sku: { name: 'S1', capacity: 1 }",
      "  identity: { type: 'SystemAssigned' }",
      '  properties: {}',
      '}',
      '',
    ].join('\n');
    assert.strictEqual(fixedExample('/page.bicep', declared, example, '\n', 'iothub-identity-broad-role'), corrected);
  });
});
