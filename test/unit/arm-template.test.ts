import * as assert from 'assert';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { memoryHost } from '../../server/src/core/host';
import { loadArmTemplate } from '../../server/src/core/frontends/arm/template';
import { MAX_LOOP_INSTANCES, MAX_LOOP_INSTANCES_TOTAL } from '../../server/src/core/frontends/loops';
import { formatResourceId } from '../../server/src/core/model/ids';
import { analyzeProject } from '../../server/src/core/project';
import { displayName, prop, Resource } from '../../server/src/core/model/resource';
import { asObject, asString, Value } from '../../server/src/core/model/values';
import { innerDeployment } from '../support/templates';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function load(template: object | string, extra: { parameters?: object; files?: Record<string, string> } = {}): Resource[] {
  const text = typeof template === 'string' ? template : JSON.stringify(template, null, 2);
  const files = { '/t/main.json': text, ...(extra.files ?? {}) };
  return loadArmTemplate(
    { id: '/t/main.json', text },
    {
      cloud: DEFAULT_CLOUD,
      parameters: extra.parameters ? { id: '/t/main.parameters.json', text: JSON.stringify(extra.parameters) } : undefined,
      host: memoryHost(files),
    },
  ).resources;
}

const summary = (resources: Resource[]) => resources.map((r) => `${r.type} ${displayName(r)}`);
const id = (v: { ref: Parameters<typeof formatResourceId>[0] } | undefined) => (v ? formatResourceId(v.ref).map((p) => p ?? '?').join('') : undefined);
const text = (v: Value | undefined) => asString(v);

describe('ARM template front-end', () => {
  it('reads resources as an array, with children written inside their parents', () => {
    const resources = load({
      $schema: SCHEMA,
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          name: 'sa',
          resources: [{ type: 'blobServices', name: 'default', resources: [{ type: 'containers', name: 'c' }] }],
        },
      ],
    });
    assert.deepStrictEqual(summary(resources), [
      'Microsoft.Storage/storageAccounts sa',
      'Microsoft.Storage/storageAccounts/blobServices sa/default',
      'Microsoft.Storage/storageAccounts/blobServices/containers sa/default/c',
    ]);
  });

  it('reads resources keyed by symbolic names (languageVersion 2.0), with existing resources', () => {
    const resources = load({
      $schema: SCHEMA,
      languageVersion: '2.0',
      resources: {
        hub: { type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'h', properties: {} },
        sa: { existing: true, type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'sa' },
      },
    });
    assert.deepStrictEqual(resources.map((r) => [r.symbol, r.existing]), [
      ['hub', false],
      ['sa', true],
    ]);
  });

  it('reads the legacy providers form of role assignments as an extension of the resource', () => {
    const [assignment] = load({
      $schema: SCHEMA,
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts/providers/roleAssignments',
          name: "[concat('sa', '/Microsoft.Authorization/', guid('x'))]",
          properties: {},
        },
      ],
    });
    assert.strictEqual(assignment.type, 'Microsoft.Authorization/roleAssignments');
    assert.strictEqual(id({ ref: assignment.extensionOf! }), '/subscriptions/?/resourceGroups/?/providers/Microsoft.Storage/storageAccounts/sa');
  });

  it('reads the scope of extension resources: a relative id, a resourceId(), a symbolic name', () => {
    const resources = load({
      $schema: SCHEMA,
      languageVersion: '2.0',
      resources: {
        sa: { type: 'Microsoft.Storage/storageAccounts', name: 'sa' },
        a: { type: 'Microsoft.Authorization/roleAssignments', name: 'a', scope: "[format('Microsoft.Storage/storageAccounts/{0}', 'sa')]", properties: {} },
        b: { type: 'Microsoft.Authorization/roleAssignments', name: 'b', scope: "[resourceId('Microsoft.EventHub/namespaces', 'ns')]", properties: {} },
        c: { type: 'Microsoft.Authorization/roleAssignments', name: 'c', scope: "[parameters('unknownScope')]", properties: {} },
      },
    });
    assert.strictEqual(resources[1].extensionOf?.type, 'Microsoft.Storage/storageAccounts');
    assert.strictEqual(text(resources[1].extensionOf?.names[0]), 'sa');
    assert.strictEqual(resources[2].extensionOf?.type, 'Microsoft.EventHub/namespaces');
    assert.strictEqual(resources[3].extensionUnknown, true);
  });

  it('reads a scope given as the name of a resource declared before it, each time against all declared so far', () => {
    const resources = load({
      $schema: SCHEMA,
      resources: [
        { type: 'Microsoft.Storage/storageAccounts', name: 'first' },
        { type: 'Microsoft.Authorization/roleAssignments', name: 'a', scope: 'first', properties: {} },
        { type: 'Microsoft.Storage/storageAccounts', name: 'second' },
        { type: 'Microsoft.Authorization/roleAssignments', name: 'b', scope: 'second', properties: {} },
        { type: 'Microsoft.Authorization/roleAssignments', name: 'c', scope: 'nowhere', properties: {} },
      ],
    });
    assert.strictEqual(text(resources[1].extensionOf?.names[0]), 'first');
    assert.strictEqual(text(resources[3].extensionOf?.names[0]), 'second');
    assert.strictEqual(resources[3].extensionOf?.type, 'Microsoft.Storage/storageAccounts');
    assert.strictEqual(resources[4].extensionOf, undefined);
    assert.strictEqual(resources[4].extensionUnknown, true);
  });

  it('leaves out resources whose condition is false, keeps those it cannot tell', () => {
    const resources = load({
      $schema: SCHEMA,
      parameters: { deploy: { type: 'bool', defaultValue: false }, maybe: { type: 'bool' } },
      resources: [
        { condition: "[parameters('deploy')]", type: 'Microsoft.Devices/IotHubs', name: 'no' },
        { condition: "[parameters('maybe')]", type: 'Microsoft.Devices/IotHubs', name: 'maybe' },
        { condition: "[not(parameters('deploy'))]", type: 'Microsoft.Devices/IotHubs', name: 'yes' },
      ],
    });
    assert.deepStrictEqual(summary(resources), ['Microsoft.Devices/IotHubs maybe', 'Microsoft.Devices/IotHubs yes']);
  });

  it('reads a copy loop with a known count as one resource per copy, copyIndex() known in each, and unrolls property copy loops', () => {
    const resources = load({
      $schema: SCHEMA,
      parameters: { regions: { type: 'array', defaultValue: ['westeurope', 'northeurope', 'eastus'] } },
      resources: [
        {
          type: 'Microsoft.Devices/IotHubs',
          name: "[concat('hub', copyIndex())]",
          location: "[parameters('regions')[copyIndex('hubs')]]",
          copy: { name: 'hubs', count: "[length(parameters('regions'))]", mode: 'Serial', batchSize: 1 },
          properties: {
            first: '[copyIndex(1)]',
            named: "[copyIndex('hubs', 10)]",
            copy: [{ name: 'allowedFqdnList', count: 2, input: "[concat('host', copyIndex('hubs'), '-', copyIndex('allowedFqdnList'), '.example.com')]" }],
          },
          // A child written inside a copied parent is deployed with each copy, and sees its index.
          resources: [{ type: 'certificates', name: "[concat('cert', copyIndex())]" }],
        },
        // Copies whose condition is false are left out; a count of zero deploys nothing.
        { type: 'Microsoft.Storage/storageAccounts', name: "[concat('odd', copyIndex())]", condition: '[equals(mod(copyIndex(), 2), 1)]', copy: { name: 'odd', count: 4 } },
        { type: 'Microsoft.Storage/storageAccounts', name: 'none', copy: { name: 'none', count: 0 } },
      ],
    });
    assert.deepStrictEqual(summary(resources), [
      'Microsoft.Devices/IotHubs hub0',
      'Microsoft.Devices/IotHubs hub1',
      'Microsoft.Devices/IotHubs hub2',
      'Microsoft.Devices/IotHubs/certificates hub0/cert0',
      'Microsoft.Devices/IotHubs/certificates hub1/cert1',
      'Microsoft.Devices/IotHubs/certificates hub2/cert2',
      'Microsoft.Storage/storageAccounts odd1',
      'Microsoft.Storage/storageAccounts odd3',
    ]);
    const hub = resources[1];
    assert.strictEqual(text(prop(hub, 'location')), 'northeurope');
    assert.deepStrictEqual([prop(hub, 'properties.first'), prop(hub, 'properties.named')].map((v) => (v?.kind === 'number' ? v.value : v?.kind)), [2, 11]);
    const list = prop(hub, 'properties.allowedFqdnList');
    assert.deepStrictEqual(list?.kind === 'array' ? list.items.map(text) : list, ['host1-0.example.com', 'host1-1.example.com']);
  });

  it('reads a copy loop whose count is unknown, or past the bounds, as one resource whose index is unknown', () => {
    const hubLoop = (name: string, count: string | number) => ({ type: 'Microsoft.Devices/IotHubs', name: `[concat('${name}', copyIndex())]`, copy: { name, count } });
    const resources = load({
      $schema: SCHEMA,
      parameters: { count: { type: 'int' } },
      resources: [hubLoop('unknown', "[parameters('count')]"), hubLoop('long', MAX_LOOP_INSTANCES + 1), hubLoop('fits', MAX_LOOP_INSTANCES)],
    });
    assert.strictEqual(resources.length, 2 + MAX_LOOP_INSTANCES);
    const [unknownCount, long] = resources;
    assert.deepStrictEqual(summary([unknownCount, long]), ['Microsoft.Devices/IotHubs unknown…', 'Microsoft.Devices/IotHubs long…']);
    // The index of the copy that stands for the loop is unknown, the same at every read.
    const name = unknownCount.names[0];
    assert.ok(name.kind === 'unknown' && name.key !== undefined);
    assert.strictEqual(displayName(resources[resources.length - 1]), `fits${MAX_LOOP_INSTANCES - 1}`);

    // Past the bound of one analysis, loops are not unrolled any more, in nested deployments too.
    const loops = Math.floor(MAX_LOOP_INSTANCES_TOTAL / MAX_LOOP_INSTANCES);
    const many = load({
      $schema: SCHEMA,
      resources: [
        ...Array.from({ length: loops }, (_, i) => hubLoop(`l${i}-`, MAX_LOOP_INSTANCES)),
        { type: 'Microsoft.Resources/deployments', name: 'nested', properties: { template: { $schema: SCHEMA, resources: [hubLoop('past', 2)] } } },
      ],
    });
    assert.strictEqual(many.length, loops * MAX_LOOP_INSTANCES + 2);
    assert.strictEqual(displayName(many[many.length - 1]), 'past…');
  });

  it('unrolls copy loops in nested deployments, and deploys each copy of a copied deployment on its own', () => {
    const resources = load({
      $schema: SCHEMA,
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: "[concat('nested', copyIndex())]",
          copy: { name: 'deployments', count: 2 },
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { group: { value: "[concat('rg', copyIndex())]" } },
            template: {
              $schema: SCHEMA,
              parameters: { group: { type: 'string' }, unset: { type: 'string' } },
              resources: [
                { type: 'Microsoft.Storage/storageAccounts', name: "[concat(parameters('group'), 'sa', copyIndex())]", copy: { name: 'accounts', count: 2 } },
                // Unknown in each deployment, and another unknown in the other: the two are deployments of their own.
                { type: 'Microsoft.Storage/storageAccounts', name: "[parameters('unset')]" },
              ],
            },
          },
        },
      ],
    });
    const accounts = resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts');
    assert.deepStrictEqual(accounts.slice(0, 2).map(displayName), ['rg0sa0', 'rg0sa1']);
    assert.deepStrictEqual(accounts.slice(3, 5).map(displayName), ['rg1sa0', 'rg1sa1']);
    const unset = [accounts[2].names[0], accounts[5].names[0]].map((n) => (n.kind === 'unknown' ? n.key : undefined));
    assert.ok(unset[0] !== undefined && unset[1] !== undefined && unset[0] !== unset[1], `keys ${unset}`);
    assert.deepStrictEqual(summary(resources.filter((r) => r.type === 'Microsoft.Resources/deployments')), ['Microsoft.Resources/deployments nested0', 'Microsoft.Resources/deployments nested1']);
  });

  it('knows each copy of a symbolic resource by its name and index (languageVersion 2.0)', () => {
    const resources = load({
      $schema: SCHEMA,
      languageVersion: '2.0',
      resources: {
        hubs: { type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: "[format('hub{0}', copyIndex())]", copy: { name: 'hubs', count: 2 }, properties: {} },
        assignment: {
          type: 'Microsoft.Authorization/roleAssignments',
          apiVersion: '2022-04-01',
          name: 'a',
          properties: { principalId: "[reference('hubs[1]', '2023-06-30', 'full').identity.principalId]" },
        },
      },
    });
    assert.deepStrictEqual(resources.map((r) => [r.symbol, displayName(r)]), [
      ['hubs', 'hub0'],
      ['hubs', 'hub1'],
      ['assignment', 'a'],
    ]);
    const principal = prop(resources[2], 'properties.principalId');
    assert.ok(principal?.kind === 'runtime' && text(principal.ref.names[0]) === 'hub1');
  });

  it('takes parameter values from a parameters file before defaults; Key Vault references stay unknown', () => {
    const [hub] = load(
      {
        $schema: SCHEMA,
        parameters: { name: { type: 'string', defaultValue: 'default-name' }, secret: { type: 'securestring', defaultValue: 'x' } },
        resources: [{ type: 'Microsoft.Devices/IotHubs', name: "[parameters('name')]", properties: { s: "[parameters('secret')]" } }],
      },
      { parameters: { parameters: { name: { value: 'from-file' }, secret: { reference: { keyVault: { id: 'kv' }, secretName: 's' } } } } },
    );
    assert.strictEqual(displayName(hub), 'from-file');
    assert.strictEqual(prop(hub, 'properties.s')?.kind, 'unknown');
  });

  it('reads a nullable parameter left out as null, at the top as in a nested deployment; the property it sets reads as absent', () => {
    const template = (parameters: object) => ({
      $schema: SCHEMA,
      parameters: { routing: { type: 'object', nullable: true }, name: { type: 'string' } },
      resources: [
        { type: 'Microsoft.Devices/IotHubs', name: 'top', properties: { routing: "[parameters('routing')]", name: "[parameters('name')]" } },
        innerDeployment(
          'inner',
          {
            $schema: SCHEMA,
            parameters: { routing: { type: 'object', nullable: true } },
            resources: [{ type: 'Microsoft.Devices/IotHubs', name: 'nested', properties: { routing: "[parameters('routing')]" } }],
          },
          parameters,
        ),
      ],
    });
    const written = (hub: Resource | undefined) => asObject(prop(hub!, 'properties'))?.raw('routing');
    const [top, , nested] = load(template({}));
    assert.strictEqual(written(top)?.kind, 'null');
    assert.strictEqual(prop(top, 'properties.routing'), undefined);
    assert.strictEqual(written(nested)?.kind, 'null');
    // A parameter that is not nullable and has no value stays a deployment input, unknown.
    assert.strictEqual(prop(top, 'properties.name')?.kind, 'unknown');
    // A value given (by a parameters file, by the deployment) is that value.
    const [fromFile] = load(template({}), { parameters: { parameters: { routing: { value: { routes: [] } } } } });
    assert.strictEqual(written(fromFile)?.kind, 'object');
    const [, , given] = load(template({ routing: { value: { routes: [] } } }));
    assert.strictEqual(written(given)?.kind, 'object');
  });

  it('follows nested deployments: inner scope with its own parameters, outer scope with the parent’s', () => {
    const resources = load({
      $schema: SCHEMA,
      parameters: { hubName: { type: 'string', defaultValue: 'outer-hub' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          resourceGroup: 'other-rg',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { hubName: { value: "[concat(parameters('hubName'), '-inner')]" } },
            template: {
              $schema: SCHEMA,
              parameters: { hubName: { type: 'string' } },
              resources: [{ type: 'Microsoft.Devices/IotHubs', name: "[parameters('hubName')]", properties: {} }],
            },
          },
        },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'outer',
          properties: {
            mode: 'Incremental',
            template: { $schema: SCHEMA, resources: [{ type: 'Microsoft.Devices/IotHubs', name: "[parameters('hubName')]", properties: {} }] },
          },
        },
      ],
    });
    const hubs = resources.filter((r) => r.type === 'Microsoft.Devices/IotHubs');
    assert.deepStrictEqual(hubs.map(displayName), ['outer-hub-inner', 'outer-hub']);
    assert.strictEqual(text(hubs[0].scope.resourceGroup), 'other-rg');
  });

  it('reads a nested deployment parameter given as one expression: its value when known, unknown (not the default) when not', () => {
    const nested = (name: string, entry: string) =>
      innerDeployment(
        name,
        {
          $schema: SCHEMA,
          parameters: { hubName: { type: 'string', defaultValue: 'default-hub' } },
          resources: [{ type: 'Microsoft.Devices/IotHubs', name: "[parameters('hubName')]", properties: {} }],
        },
        { hubName: entry },
      );
    const resources = load({
      $schema: SCHEMA,
      parameters: { given: { type: 'object' } },
      resources: [
        nested('known', "[if(true(), createObject('value', 'given-hub'), createObject('value', 'other'))]"),
        nested('unknown', "[if(contains(parameters('given'), 'hubName'), createObject('value', parameters('given').hubName), createObject('value', 'fallback'))]"),
      ],
    });
    const hubs = resources.filter((r) => r.type === 'Microsoft.Devices/IotHubs');
    assert.deepStrictEqual(hubs.map((h) => h.names[0].kind === 'string' ? h.names[0].value : h.names[0].kind), ['given-hub', 'unknown']);
  });

  it('follows linked templates by relative path', () => {
    const linked = JSON.stringify({ $schema: SCHEMA, parameters: { n: { type: 'string' } }, resources: [{ type: 'Microsoft.Devices/IotHubs', name: "[parameters('n')]", properties: {} }] });
    const resources = load(
      {
        $schema: SCHEMA,
        resources: [
          {
            type: 'Microsoft.Resources/deployments',
            name: 'linked',
            properties: { templateLink: { relativePath: 'nested/hub.json' }, parameters: { n: { value: 'linked-hub' } } },
          },
        ],
      },
      { files: { '/t/nested/hub.json': linked } },
    );
    const hub = resources.find((r) => r.type === 'Microsoft.Devices/IotHubs')!;
    assert.strictEqual(displayName(hub), 'linked-hub');
    assert.strictEqual(hub.doc, '/t/nested/hub.json');
  });

  it('survives a template that links to itself', () => {
    const self = JSON.stringify({ $schema: SCHEMA, resources: [{ type: 'Microsoft.Resources/deployments', name: 'again', properties: { templateLink: { relativePath: 'main.json' } } }] });
    assert.doesNotThrow(() => load(self, { files: { '/t/main.json': self } }));
  });

  it('follows 500 nested deployments, and says where it stopped past them', () => {
    /** A chain of deployments, each nesting the next; the innermost deploys a hub. */
    const chain = (depth: number): object => {
      let template: object = { $schema: SCHEMA, resources: [{ type: 'Microsoft.Devices/IotHubs', name: 'hub' }] };
      for (let i = depth; i >= 1; i--) {
        template = { $schema: SCHEMA, resources: [{ type: 'Microsoft.Resources/deployments', name: `d${i}`, properties: { expressionEvaluationOptions: { scope: 'inner' }, template } }] };
      }
      return template;
    };
    const read = (depth: number) => {
      const text = JSON.stringify(chain(depth));
      const result = loadArmTemplate({ id: '/t/main.json', text }, { cloud: DEFAULT_CLOUD, host: memoryHost({}) });
      return { text, hubs: result.resources.filter((r) => r.type === 'Microsoft.Devices/IotHubs').length, unread: result.documents.flatMap((d) => d.unread ?? []) };
    };
    // The template and 499 deployments: 500 templates read, the hub in the last.
    assert.deepStrictEqual({ hubs: read(499).hubs, unread: read(499).unread }, { hubs: 1, unread: [] });
    const past = read(501);
    assert.strictEqual(past.hubs, 0);
    assert.deepStrictEqual(
      past.unread.map((u) => ({ at: past.text.slice(u.at.offset, u.at.offset + u.at.length), message: u.message })),
      [{ at: '"d500"', message: 'Not analysed: nested deployments past the first 500: this one and what it nests.' }],
    );
    // The analysis reports it as a warning where it stopped; an edit before it, read incrementally, moves it along.
    const account = { type: 'Microsoft.Storage/storageAccounts', name: 'st', properties: { minimumTlsVersion: 'TLS1_2' } };
    const withAccount = JSON.stringify({ ...(chain(501) as { resources: object[] }), resources: [account, ...(chain(501) as { resources: object[] }).resources] });
    const edited = withAccount.replace('"TLS1_2"', '"TLS1_2 and more"');
    const cache = new Map();
    const notAnalysed = (text: string) =>
      analyzeProject([{ id: '/t/main.json', text }], { host: memoryHost({}), cache }).findings.map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.offset, f.offset + f.length)}`);
    assert.deepStrictEqual(notAnalysed(withAccount), ['file-not-analyzed warning "d500"']);
    assert.deepStrictEqual(notAnalysed(edited), ['file-not-analyzed warning "d500"']);
  });

  it('tells templates, parameters files and other JSON apart by content', () => {
    const kind = (t: object) => loadArmTemplate({ id: 'x.json', text: JSON.stringify(t) }, { cloud: DEFAULT_CLOUD }).kind;
    assert.strictEqual(kind({ $schema: SCHEMA, resources: [] }), 'template');
    assert.strictEqual(kind({ contentVersion: '1.0.0.0', resources: [] }), 'template');
    assert.strictEqual(kind({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: {} }), 'parameters');
    assert.strictEqual(kind({ name: 'package', version: '1.0.0' }), 'other');
  });

  it('reports resources where their name is written', () => {
    const source = `{"$schema": "${SCHEMA}", "resources": [{"type": "Microsoft.Devices/IotHubs", "name": "hub"}]}`;
    const [hub] = load(source);
    assert.strictEqual(source.slice(hub.nameLoc.offset, hub.nameLoc.offset + hub.nameLoc.length), '"hub"');
  });
});
