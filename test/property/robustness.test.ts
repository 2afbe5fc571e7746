/**
 * Property-based tests: whatever the input — random bytes, real templates
 * with mutations, generated IoT resources — the analysis never throws, every
 * span lies inside its document, and every fix yields text that still parses
 * and no longer has the finding it fixed.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { applyTextEdits } from '../../server/src/core/fixes/edits';
import { quote } from '../../server/src/core/frontends/bicep/writer';
import type { Finding } from '../../server/src/core/findings';
import type { ProjectResult } from '../../server/src/core/project';
import { RULES } from '../../server/src/core/rules';
import { analyzeTexts } from '../support/analyze';
import { corpusAvailable, CORPUS, listFiles, ROOT } from '../support/paths';
import { parseFixture } from '../support/fixture';

const ID = '/p/template.json';
const BICEP_ID = '/p/main.bicep';
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function checkSpans(result: ProjectResult): void {
  const lengths = new Map(result.documents.map((d) => [d.id, d.text.length]));
  for (const f of result.findings) {
    const length = lengths.get(f.doc);
    assert.ok(length !== undefined, `finding in an unknown document ${f.doc}`);
    assert.ok(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= length, `${f.ruleId} span ${f.offset}+${f.length} outside ${length}`);
    for (const r of f.related) {
      const l = lengths.get(r.doc);
      assert.ok(l !== undefined && r.offset >= 0 && r.offset + r.length <= l, `related span of ${f.ruleId} outside its document`);
    }
  }
}

const syntaxErrors = (result: ProjectResult, doc: string) => result.findings.filter((f) => f.ruleId === 'syntax-error' && f.doc === doc).length;
const sameFinding = (a: Finding) => (b: Finding) => a.ruleId === b.ruleId && a.message === b.message;

/** Applies each fix of each finding on its own and checks what it leaves. */
function checkFixes(files: Record<string, string>, result: ProjectResult): number {
  let checked = 0;
  for (const finding of result.findings) {
    for (const fix of finding.fixes) {
      const edits = fix.edits;
      if (!edits) continue;
      const fixed = { ...files };
      for (const doc of new Set(edits.map((e) => e.doc))) {
        const next = applyTextEdits(fixed[doc], edits.filter((e) => e.doc === doc));
        assert.ok(next !== undefined, `fix '${fix.title}' has overlapping edits`);
        fixed[doc] = next!;
      }
      const after = analyzeTexts(fixed);
      for (const doc of new Set(edits.map((e) => e.doc))) {
        assert.ok(syntaxErrors(after, doc) <= syntaxErrors(result, doc), `fix '${fix.title}' of ${finding.ruleId} broke the syntax:\n${fixed[doc]}`);
      }
      const before = result.findings.filter(sameFinding(finding)).length;
      const remaining = after.findings.filter(sameFinding(finding)).length;
      assert.ok(remaining < before, `fix '${fix.title}' left the finding: ${finding.message}\n${fixed[finding.doc]}`);
      checked++;
    }
  }
  return checked;
}

/** Bicep files rich in what the rules look at: the rule fixtures and the corpus's IoT, Kusto, Device Update, messaging and storage files. */
function bicepSeeds(): string[] {
  const texts: string[] = [];
  for (const file of listFiles(path.join(ROOT, 'test', 'rules'), (f) => /\.bicep$/.test(f) && !/\.after\.bicep$/.test(f))) {
    texts.push(parseFixture(fs.readFileSync(file, 'utf8')).text);
  }
  if (corpusAvailable()) {
    const related = listFiles(path.join(CORPUS, 'templates'), (f) => /\.bicep$/.test(f) && /iot|kusto|deviceupdate|device-update|eventhub|servicebus|storage|private/i.test(f));
    for (const file of related.filter((_, i) => i % 3 === 0).slice(0, 60)) texts.push(fs.readFileSync(file, 'utf8'));
  }
  return texts;
}

/** Templates rich in what the rules look at: the rule fixtures, the examples, and the corpus's IoT, Kusto and Device Update templates. */
function seeds(): string[] {
  const texts: string[] = [];
  for (const file of listFiles(path.join(ROOT, 'test', 'rules'), (f) => /\.json$/.test(f) && !/\.after\.json$/.test(f))) {
    texts.push(parseFixture(fs.readFileSync(file, 'utf8')).text);
  }
  for (const file of listFiles(path.join(ROOT, 'examples'), (f) => /azuredeploy\.json$/.test(f))) texts.push(fs.readFileSync(file, 'utf8'));
  if (corpusAvailable()) {
    const related = listFiles(path.join(CORPUS, 'templates'), (f) => /\.json$/.test(f) && /iot|kusto|deviceupdate|device-update|eventhub|servicebus|storage/i.test(f));
    for (const file of related.filter((_, i) => i % 7 === 0).slice(0, 60)) texts.push(fs.readFileSync(file, 'utf8'));
  }
  return texts;
}

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'truncate'; at: number; size: number; text: string };

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    switch (m.kind) {
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.size);
        break;
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'duplicate':
        out = out.slice(0, at + m.size) + out.slice(at, at + m.size) + out.slice(at + m.size);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
    }
  }
  return out;
}

const BICEP_TOKENS = ['{', '}', '[', ']', '(', ')', "'", '${', "'''", ':', '::', '.?', '?', '=', '\n', '//', '/*', '@description(', 'resource x ', 'existing', 'if (', 'for x in ', 'true', 'null', "'Disabled'", "'Enabled'", '\\', '\uFEFF'];
const bicepMutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'duplicate', 'truncate'),
  at: fc.nat(),
  size: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(fc.constantFrom(...BICEP_TOKENS), fc.string({ maxLength: 8 })),
});

const TOKENS = ['{', '}', '[', ']', ',', ':', '"', '"[', ']"', '//', '/*', '\n', 'true', 'null', '"Disabled"', '"Enabled"', "[parameters('x')]", '\\', '\uFEFF', '\u0000'];
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'duplicate', 'truncate'),
  at: fc.nat(),
  size: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
});

describe('robustness (property-based)', function () {
  this.timeout(300000);

  it('never throws on random text or bytes, and keeps spans inside the document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')), fc.json()), (text) => {
        const result = analyzeTexts({ [ID]: text });
        checkSpans(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on random text as Bicep, and keeps spans inside the document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        checkSpans(analyzeTexts({ [BICEP_ID]: text }));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated Bicep files; spans stay inside; fixes parse and remove their finding', () => {
    const texts = bicepSeeds();
    let fixesChecked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(bicepMutationArb, { maxLength: 3 }), (index, mutations) => {
        const files = { [BICEP_ID]: mutate(texts[index], mutations) };
        const result = analyzeTexts(files);
        checkSpans(result);
        fixesChecked += checkFixes(files, result);
      }),
      { numRuns: 500 },
    );
    assert.ok(fixesChecked > 20, `only ${fixesChecked} fixes were exercised`);
  });

  it('reports suppression comments that suppress nothing wherever they are written, and their fixes parse and remove them', () => {
    const texts = [...seeds().map((text) => ({ id: ID, text })), ...bicepSeeds().map((text) => ({ id: BICEP_ID, text }))];
    const ids = [...RULES.map((r) => r.id), 'no-such-rule', 'syntax-error'];
    const directive = fc.record({
      line: fc.nat(),
      own: fc.boolean(),
      ids: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
      separator: fc.constantFrom(' ', ', ', ','),
      reason: fc.constantFrom('', ' -- accepted', ' --'),
      block: fc.boolean(),
    });
    let fixesChecked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(directive, { minLength: 1, maxLength: 3 }), (index, directives) => {
        const { id, text } = texts[index];
        const lines = text.split('\n');
        for (const d of directives) {
          const at = d.line % lines.length;
          const body = `iot-netlint-disable-${d.own ? 'next-line' : 'line'} ${d.ids.join(d.separator)}${d.reason}`;
          // Block comments are JSON's only (Bicep's are too, but a directive there is read from line comments alike).
          const comment = d.block && id === ID ? `/* ${body} */` : `// ${body}`;
          lines[at] = d.own ? `${/^\s*/.exec(lines[at])![0]}${comment}\n${lines[at]}` : `${lines[at]} ${comment}`;
        }
        const files = { [id]: lines.join('\n') };
        const result = analyzeTexts(files, { unusedDirectives: 'warning' });
        checkSpans(result);
        const unused = result.findings.filter((f) => f.ruleId === 'unused-disable-directive');
        for (const finding of unused) {
          const edits = finding.fixes[0].edits!;
          const fixed = applyTextEdits(files[id], edits);
          assert.ok(fixed !== undefined);
          const after = analyzeTexts({ [id]: fixed! }, { unusedDirectives: 'warning' });
          assert.ok(syntaxErrors(after, id) <= syntaxErrors(result, id), `removing '${finding.message}' broke the syntax:\n${fixed}`);
          const same = (f: Finding) => f.ruleId === finding.ruleId && f.message === finding.message;
          assert.ok(after.findings.filter(same).length < unused.filter(same).length, `'${finding.message}' is still there:\n${fixed}`);
          // Removing a directive or an id never lets through a finding that a directive silenced.
          const reported = (r: ProjectResult) => r.findings.filter((f) => f.ruleId !== 'unused-disable-directive').length;
          assert.ok(reported(after) <= reported(result), `removing '${finding.message}' brought back a finding:\n${fixed}`);
          fixesChecked++;
        }
      }),
      { numRuns: 300 },
    );
    assert.ok(fixesChecked > 50, `only ${fixesChecked} removals were exercised`);
  });

  it('never throws on mutated real templates; spans stay inside; fixes parse and remove their finding', () => {
    const texts = seeds();
    let fixesChecked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(mutationArb, { maxLength: 3 }), (index, mutations) => {
        const text = mutate(texts[index], mutations);
        const files = { [ID]: text };
        const result = analyzeTexts(files);
        checkSpans(result);
        fixesChecked += checkFixes(files, result);
      }),
      { numRuns: 800 },
    );
    assert.ok(fixesChecked > 50, `only ${fixesChecked} fixes were exercised`);
  });

  // Generated IoT resources: the rules' inputs in every combination the palettes allow.
  const host = fc.constantFrom(
    'contoso.blob.core.windows.net',
    'https://contoso.blob.core.windows.net/',
    'iothub-ns-hub-1234-abcdef0123.servicebus.windows.net',
    'ns.servicebus.windows.net',
    'ns.servicebus.windows.net:443',
    ' spaced.example.com',
    '*.example.com',
    '10.0.0.1',
    "[parameters('host')]",
    'CONTOSO.blob.core.windows.net',
  );
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const endpoint = fc.record({
    name: fc.constantFrom('a', 'b', 'events2'),
    authenticationType: maybe(fc.constantFrom('identityBased', 'keyBased', 'IdentityBased')),
    endpointUri: maybe(fc.constantFrom('sb://ns.servicebus.windows.net', 'https://contoso.blob.core.windows.net/', "[concat('sb://', parameters('ns'), '.servicebus.windows.net')]")),
    connectionString: maybe(fc.constantFrom('Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=s;SharedAccessKey=k;EntityPath=eh', 'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=k', '')),
    entityPath: maybe(fc.constantFrom('eh', 'q')),
    containerName: maybe(fc.constant('c')),
  });
  const hubArb = fc.record({
    apiVersion: fc.constantFrom('2020-03-01', '2021-07-01', '2023-06-30'),
    identity: maybe(fc.constantFrom({ type: 'SystemAssigned' }, { type: 'UserAssigned' }, { type: 'None' }, { type: 'SystemAssigned, UserAssigned' })),
    properties: fc.record(
      {
        publicNetworkAccess: fc.constantFrom('Enabled', 'Disabled'),
        restrictOutboundNetworkAccess: fc.constantFrom<unknown>(true, false, 'true', 'Enabled', "[parameters('restrict')]"),
        allowedFqdnList: fc.array(host, { maxLength: 4 }),
        routing: fc.record(
          {
            endpoints: fc.record({ eventHubs: fc.array(endpoint, { maxLength: 2 }), storageContainers: fc.array(endpoint, { maxLength: 2 }), serviceBusQueues: fc.array(endpoint, { maxLength: 1 }) }, { requiredKeys: [] }),
            routes: fc.array(fc.record({ name: fc.constant('r'), source: fc.constant('DeviceMessages'), endpointNames: fc.array(fc.constantFrom('a', 'b', 'events'), { maxLength: 2 }), isEnabled: fc.boolean() }), { maxLength: 2 }),
            fallbackRoute: fc.record({ name: fc.constant('$fallback'), source: fc.constant('DeviceMessages'), endpointNames: fc.constant(['events']), isEnabled: fc.boolean() }),
          },
          { requiredKeys: [] },
        ),
        networkRuleSets: fc.record({ defaultAction: fc.constantFrom('Deny', 'Allow'), applyToBuiltInEventHubEndpoint: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  });
  const clusterArb = fc.record({
    apiVersion: fc.constantFrom('2021-01-01', '2022-02-01', '2024-04-13'),
    properties: fc.record(
      {
        restrictOutboundNetworkAccess: fc.constantFrom<unknown>('Enabled', 'Disabled', 'enabled', true),
        allowedFqdnList: fc.array(host, { maxLength: 3 }),
        calloutPolicies: fc.array(
          fc.record({ calloutType: fc.constantFrom('sql', 'kusto', 'bogus'), calloutUriRegex: fc.constantFrom('.*', 'a\\.b', '(unclosed', '*'), outboundAccess: fc.constantFrom('Allow', 'deny', 'Maybe') }, { requiredKeys: [] }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
  });
  const storageArb = fc.record({
    networkAcls: fc.record({ defaultAction: fc.constantFrom('Deny', 'Allow'), bypass: fc.constantFrom('None', 'Logging', 'AzureServices', 'Logging, Metrics') }, { requiredKeys: [] }),
  });

  it('fixes on generated hubs, clusters and storage accounts parse and remove their finding', () => {
    let fixesChecked = 0;
    fc.assert(
      fc.property(hubArb, clusterArb, storageArb, fc.boolean(), fc.boolean(), (hub, cluster, storage, roleAssignment, spaces) => {
        const resources: object[] = [
          { type: 'Microsoft.Devices/IotHubs', name: 'hub', sku: { name: 'S1', capacity: 1 }, ...hub },
          { type: 'Microsoft.Kusto/clusters', name: 'adx', ...cluster },
          { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'contoso', properties: storage },
          { type: 'Microsoft.EventHub/namespaces', apiVersion: '2024-01-01', name: 'ns', resources: [{ type: 'networkRuleSets', apiVersion: '2024-01-01', name: 'default', properties: { defaultAction: 'Deny' } }] },
        ];
        if (roleAssignment) {
          resources.push({
            type: 'Microsoft.Authorization/roleAssignments',
            apiVersion: '2022-04-01',
            name: "[guid('x')]",
            scope: 'Microsoft.Storage/storageAccounts/contoso',
            properties: { roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')]", principalId: "[reference(resourceId('Microsoft.Devices/IotHubs', 'hub'), '2023-06-30', 'Full').identity.principalId]" },
          });
        }
        const text = JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', resources }, null, spaces ? 2 : '\t');
        const files = { [ID]: text };
        const result = analyzeTexts(files);
        checkSpans(result);
        fixesChecked += checkFixes(files, result);
      }),
      { numRuns: 500 },
    );
    assert.ok(fixesChecked > 200, `only ${fixesChecked} fixes were exercised`);
  });

  it('fixes on the same generated resources written in Bicep parse and remove their finding', () => {
    let fixesChecked = 0;
    fc.assert(
      fc.property(hubArb, clusterArb, storageArb, fc.boolean(), fc.boolean(), (hub, cluster, storage, roleAssignment, tabs) => {
        const indent = tabs ? '\t' : '  ';
        const declarations = [
          'param restrict bool',
          'param host string',
          'param ns string',
          bicepResource('hub', 'Microsoft.Devices/IotHubs', hub.apiVersion, { name: 'hub', sku: { name: 'S1', capacity: 1 }, identity: hub.identity, properties: hub.properties }, indent),
          bicepResource('adx', 'Microsoft.Kusto/clusters', cluster.apiVersion, { name: 'adx', properties: cluster.properties }, indent),
          bicepResource('contoso', 'Microsoft.Storage/storageAccounts', '2023-01-01', { name: 'contoso', properties: storage }, indent),
          bicepResource('eventHubs', 'Microsoft.EventHub/namespaces', '2024-01-01', { name: 'ns' }, indent),
          bicepResource('eventHubsRules', 'Microsoft.EventHub/namespaces/networkRuleSets', '2024-01-01', { parent: BICEP('eventHubs'), name: 'default', properties: { defaultAction: 'Deny' } }, indent),
        ];
        if (roleAssignment) {
          declarations.push(
            bicepResource(
              'assignment',
              'Microsoft.Authorization/roleAssignments',
              '2022-04-01',
              {
                name: BICEP("guid('x')"),
                scope: BICEP('contoso'),
                properties: { roleDefinitionId: BICEP("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')"), principalId: BICEP('hub.identity.principalId') },
              },
              indent,
            ),
          );
        }
        const files = { [BICEP_ID]: declarations.join('\n\n') + '\n' };
        const result = analyzeTexts(files);
        assert.deepStrictEqual(result.findings.filter((f) => f.ruleId === 'syntax-error').map((f) => f.message), [], files[BICEP_ID]);
        checkSpans(result);
        fixesChecked += checkFixes(files, result);
      }),
      { numRuns: 300 },
    );
    assert.ok(fixesChecked > 100, `only ${fixesChecked} fixes were exercised`);
  });
});

/** Bicep source to write as it is, not as a string. */
interface BicepCode {
  bicep: string;
}
const BICEP = (bicep: string): BicepCode => ({ bicep });

/** The ARM expressions of the generated palettes, as Bicep writes them (with the parameters declared above). */
const BICEP_EXPRESSIONS: Record<string, string> = {
  "[parameters('restrict')]": 'restrict',
  "[parameters('host')]": 'host',
  "[concat('sb://', parameters('ns'), '.servicebus.windows.net')]": "'sb://${ns}.servicebus.windows.net'",
};

/** A value in Bicep syntax: objects and arrays over lines, strings single-quoted; undefined properties left out. */
function bicepValue(value: unknown, indent: string, unit: string): string {
  if (value && typeof value === 'object' && 'bicep' in value) return (value as BicepCode).bicep;
  if (typeof value === 'string') return BICEP_EXPRESSIONS[value] ?? quote(value);
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => `${indent}${unit}${bicepValue(v, indent + unit, unit)}\n`).join('')}${indent}]` : '[]';
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return '{}';
    const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `'${k}'`);
    return `{\n${entries.map(([k, v]) => `${indent}${unit}${key(k)}: ${bicepValue(v, indent + unit, unit)}\n`).join('')}${indent}}`;
  }
  return String(value);
}

function bicepResource(symbol: string, type: string, apiVersion: string, body: object, unit: string): string {
  return `resource ${symbol} '${type}@${apiVersion}' = ${bicepValue(body, '', unit)}`;
}
