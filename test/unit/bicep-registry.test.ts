import * as assert from 'assert';
import { Config, emptyConfig } from '../../server/src/core/config';
import { BicepCacheHost, Host, memoryHost } from '../../server/src/core/host';
import { BicepConfig, builtInBicepConfig, cachedModule, encodeTag, parseModuleReference, readBicepConfig } from '../../server/src/core/frontends/bicep/registry';
import { analyzeProject, LoadCache, ProjectResult } from '../../server/src/core/project';
import { prop } from '../../server/src/core/model/resource';
import { asString, getPath } from '../../server/src/core/model/values';
import { BICEP_HUB, bicepEndpointModule, ENDPOINT_MODULE, ENDPOINT_MODULE_IN_CACHE } from '../support/templates';

const CACHE: BicepCacheHost = { root: '/home/u/.bicep', home: '/home/u', fileId: (p) => p };
const SUBSCRIPTION = '00000000-1111-2222-3333-444444444444';

function hostOf(files: Record<string, string>, cache: BicepCacheHost | undefined): Host {
  return { ...memoryHost(files), bicepCache: cache };
}

/** Where a reference's module is read from, or why it is not. */
function cachePath(reference: string, config: BicepConfig = builtInBicepConfig()): string {
  const parsed = parseModuleReference(reference);
  if (parsed.kind !== 'registry') return `not a registry reference: ${parsed.kind}`;
  const found = cachedModule(reference, parsed, config, CACHE);
  return 'problem' in found ? `problem: ${found.problem}` : found.path;
}

/** Analyses `/w/main.bicep` with the other files (the cache's among them). */
function analyze(main: string, files: Record<string, string> = {}, options: { configFor?: (doc: string) => Config; cache?: BicepCacheHost | undefined } = {}): ProjectResult {
  const all = { '/w/main.bicep': main, ...files };
  const host = hostOf(all, 'cache' in options ? options.cache : CACHE);
  return analyzeProject([{ id: '/w/main.bicep', text: main }], { host, configFor: options.configFor });
}

/** Each finding as `rule-id severity 'text at its place'`. */
function shown(result: ProjectResult): string[] {
  const text = (doc: string) => result.documents.find((d) => d.id === doc)?.text ?? '';
  return result.findings.map((f) => `${f.ruleId} ${f.severity} ${text(f.doc).slice(f.offset, f.offset + f.length)}`);
}

const ENDPOINT_IN_CACHE = `/home/u/.bicep/${ENDPOINT_MODULE_IN_CACHE}`;

describe('Bicep registry modules', () => {
  it('reads a module reference as Bicep does: a path without a colon, or a scheme and maybe an alias before the first colon', () => {
    assert.deepStrictEqual(parseModuleReference('modules/hub.bicep'), { kind: 'local', path: 'modules/hub.bicep' });
    assert.deepStrictEqual(parseModuleReference('br/public:avm/res/x:1.0.0'), { kind: 'registry', scheme: 'br', alias: 'public', rest: 'avm/res/x:1.0.0' });
    assert.deepStrictEqual(parseModuleReference('br:contoso.azurecr.io/hub:v1'), { kind: 'registry', scheme: 'br', alias: undefined, rest: 'contoso.azurecr.io/hub:v1' });
    assert.deepStrictEqual(parseModuleReference('ts/specs:hub:1.0'), { kind: 'registry', scheme: 'ts', alias: 'specs', rest: 'hub:1.0' });
    assert.deepStrictEqual(parseModuleReference('C:\\modules\\hub.bicep'), { kind: 'unknown-scheme', scheme: 'C' });
  });

  it('finds a registry module where bicep restore puts it: the registry, the repository with $ for /, the tag with $ and the mask of its capitals, or the digest', () => {
    assert.strictEqual(cachePath('br/public:avm/res/network/private-endpoint:0.12.1'), ENDPOINT_IN_CACHE);
    assert.strictEqual(cachePath('br:contosoregistry.azurecr.io/bicep/modules/hub:v1'), '/home/u/.bicep/br/contosoregistry.azurecr.io/bicep$modules$hub/v1$/main.json');
    // The registry in lower case, its port after a $; the tag's capitals V (0) and B (5): mask 0x21.
    assert.strictEqual(cachePath('br:Contoso.AzureCR.io:5000/hub:V1.2-Beta'), '/home/u/.bicep/br/contoso.azurecr.io$5000/hub/V1.2-Beta$21/main.json');
    const digest = 'sha256:' + 'ab12'.repeat(16);
    assert.strictEqual(cachePath(`br:contoso.azurecr.io/infra/hub@${digest}`), `/home/u/.bicep/br/contoso.azurecr.io/infra$hub/sha256#${'ab12'.repeat(16)}/main.json`);
    // Template specs: subscription, resource group, name and version, all in lower case.
    assert.strictEqual(cachePath(`ts:${SUBSCRIPTION}/Infra-RG/HubSpec:V1.0`), `/home/u/.bicep/ts/${SUBSCRIPTION}/infra-rg/hubspec/v1.0/main.json`);
  });

  it('encodes a tag as Bicep does (the cases of its own TagEncoder tests)', () => {
    const cases: Array<[string, string]> = [
      ['', '$'],
      ['v1', 'v1$'],
      ['V1', 'V1$1'],
      ['AbCd', 'AbCd$5'],
      ['ABCD', 'ABCD$f'],
      ['ABCDABCDABCDABCDAB', 'ABCDABCDABCDABCDAB$3ffff'],
      ['ABCDABCDABCDABCDABCDABCDABCDABCDA', 'ABCDABCDABCDABCDABCDABCDABCDABCDA$1ffffffff'],
      ['ABCDABCDABCDABCDABCDABCDABCDABCDAbC', 'ABCDABCDABCDABCDABCDABCDABCDABCDAbC$5ffffffff'],
      ['A'.repeat(128), 'A'.repeat(128) + '$' + 'f'.repeat(32)],
    ];
    for (const [tag, encoded] of cases) assert.strictEqual(encodeTag(tag), encoded, tag);
  });

  it('expands aliases of bicepconfig.json, the built-in public one among them, and says what it cannot use', () => {
    const config = builtInBicepConfig();
    config.br.set('contoso', { registry: 'contoso.azurecr.io', modulePath: 'bicep/modules' });
    config.br.set('bare', { registry: 'bare.azurecr.io' });
    config.br.set('broken', { modulePath: 'x' });
    config.ts.set('specs', { subscription: SUBSCRIPTION, resourceGroup: 'Specs' });
    assert.strictEqual(cachePath('br/contoso:hub:v1', config), '/home/u/.bicep/br/contoso.azurecr.io/bicep$modules$hub/v1$/main.json');
    assert.strictEqual(cachePath('br/bare:infra/hub:v1', config), '/home/u/.bicep/br/bare.azurecr.io/infra$hub/v1$/main.json');
    assert.strictEqual(cachePath('br/public:avm/res/network/private-endpoint:0.12.1', config), ENDPOINT_IN_CACHE);
    assert.strictEqual(cachePath('ts/specs:hub:1.0', config), `/home/u/.bicep/ts/${SUBSCRIPTION}/specs/hub/1.0/main.json`);
    assert.strictEqual(cachePath('br/nothere:hub:v1', config), "problem: no bicepconfig.json defines the module alias 'nothere' (moduleAliases.br)");
    assert.strictEqual(cachePath('br/broken:hub:v1', config), "problem: the module alias 'broken' of bicepconfig.json has no registry");
    assert.strictEqual(cachePath('ts/nothere:hub:1.0', config), "problem: no bicepconfig.json defines the module alias 'nothere' (moduleAliases.ts)");
    for (const invalid of ['br:contoso.azurecr.io/hub', 'br:contoso.azurecr.io/Hub:v1', 'br:contoso.azurecr.io/hub@sha256:12', 'br:../hub:v1', 'br:contoso.azurecr.io/../hub:v1']) {
      assert.strictEqual(cachePath(invalid), `problem: '${invalid}' is not a registry module reference Bicep accepts`);
    }
    assert.strictEqual(cachePath('ts:not-a-guid/rg/hub:1.0'), "problem: 'ts:not-a-guid/rg/hub:1.0' is not a template spec reference Bicep accepts");
  });

  it('reads the bicepconfig.json nearest the Bicep file over the built-in configuration, comments and trailing commas allowed', () => {
    const files = {
      '/bicepconfig.json': '{ "moduleAliases": { "br": { "far": { "registry": "far.azurecr.io" } } } }',
      '/w/bicepconfig.json': `{
        // The team's registry.
        "moduleAliases": { "br": { "contoso": { "registry": "contoso.azurecr.io", "modulePath": "bicep", }, "public": { "modulePath": "other" } } },
        "cacheRootDirectory": "/var/cache/bicep",
      }`,
      '/w/infra/app/main.bicep': '',
    };
    const config = readBicepConfig('/w/infra/app/main.bicep', memoryHost(files));
    // The nearest file is the configuration; one further up is not merged in.
    assert.deepStrictEqual([...config.br.keys()].sort(), ['contoso', 'public']);
    // A built-in alias a file changes keeps what the file leaves alone.
    assert.deepStrictEqual(config.br.get('public'), { registry: 'mcr.microsoft.com', modulePath: 'other' });
    assert.strictEqual(config.cacheRootDirectory, '/var/cache/bicep');
    assert.strictEqual(cachePath('br/contoso:hub:v1', config), '/var/cache/bicep/br/contoso.azurecr.io/bicep$hub/v1$/main.json');
    // Without a file above it, the built-in configuration.
    assert.deepStrictEqual(readBicepConfig('/elsewhere/main.bicep', memoryHost({ '/elsewhere/main.bicep': '' })), builtInBicepConfig());
  });

  it('follows extends from the nearest bicepconfig.json; a file it cannot use leaves the built-in configuration, without throwing', () => {
    const base = '{ "moduleAliases": { "br": { "contoso": { "registry": "contoso.azurecr.io", "modulePath": "base" }, "shared": { "registry": "shared.azurecr.io" } } }, "cacheRootDirectory": "/base/cache" }';
    const leaf = '{ "extends": "../shared/bicepconfig.json", "moduleAliases": { "br": { "contoso": { "modulePath": "leaf" } } } }';
    const config = readBicepConfig('/w/app/main.bicep', memoryHost({ '/w/shared/bicepconfig.json': base, '/w/app/bicepconfig.json': leaf }));
    assert.deepStrictEqual(config.br.get('contoso'), { registry: 'contoso.azurecr.io', modulePath: 'leaf' });
    assert.deepStrictEqual(config.br.get('shared'), { registry: 'shared.azurecr.io', modulePath: undefined });
    assert.strictEqual(config.cacheRootDirectory, '/base/cache');
    const unusable: Record<string, string> = {
      'a syntax error': '{ "moduleAliases": { "br": { "contoso": { "registry": "contoso.azurecr.io" } } }',
      'not an object': '[1, 2]',
      'an absolute extends': '{ "extends": "/w/shared/bicepconfig.json", "cacheRootDirectory": "/x" }',
      'a missing extends': '{ "extends": "../none/bicepconfig.json", "cacheRootDirectory": "/x" }',
      'a cycle': '{ "extends": "./bicepconfig.json", "cacheRootDirectory": "/x" }',
      'binary junk': '\u0000\u0001{{{',
    };
    for (const [what, text] of Object.entries(unusable)) {
      assert.deepStrictEqual(readBicepConfig('/w/app/main.bicep', memoryHost({ '/w/shared/bicepconfig.json': base, '/w/app/bicepconfig.json': text })), builtInBicepConfig(), what);
    }
  });

  it('takes the cache folder from cacheRootDirectory (~ for the home folder), and refuses a relative one', () => {
    const at = (cacheRootDirectory: string) => {
      const config = builtInBicepConfig();
      config.cacheRootDirectory = cacheRootDirectory;
      return cachePath('br:contoso.azurecr.io/hub:v1', config);
    };
    assert.strictEqual(at('/srv/bicep-cache'), '/srv/bicep-cache/br/contoso.azurecr.io/hub/v1$/main.json');
    assert.strictEqual(at('~/cache'), '/home/u/cache/br/contoso.azurecr.io/hub/v1$/main.json');
    assert.strictEqual(at('~'), '/home/u/br/contoso.azurecr.io/hub/v1$/main.json');
    assert.strictEqual(at(''), '/home/u/.bicep/br/contoso.azurecr.io/hub/v1$/main.json');
    assert.strictEqual(at('cache'), "problem: the cacheRootDirectory of bicepconfig.json, 'cache', is not an absolute path");
  });

  it('follows a br/public: module through the cache: deployed with the parameters it is given, its outputs read by the caller', () => {
    const main = `${BICEP_HUB}${bicepEndpointModule('iotHub')}
resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid('a')
  properties: {
    description: endpoint.outputs.name
  }
}
`;
    const result = analyze(main, { [ENDPOINT_IN_CACHE]: ENDPOINT_MODULE });
    const endpoint = result.resources.find((r) => r.type === 'Microsoft.Network/privateEndpoints')!;
    assert.ok(endpoint, 'the private endpoint of the registry module is in the model');
    assert.strictEqual(endpoint.doc, ENDPOINT_IN_CACHE);
    assert.strictEqual(asString(endpoint.names[0]), 'contoso-hub-pe');
    const connections = prop(endpoint, 'properties.privateLinkServiceConnections');
    const target = connections?.kind === 'array' ? getPath(connections.items[0], 'properties.privateLinkServiceId') : undefined;
    assert.ok(target?.kind === 'ref' && asString(target.ref.names[0]) === 'contoso-hub', target?.kind);
    const assignment = result.resources.find((r) => r.type === 'Microsoft.Authorization/roleAssignments')!;
    assert.strictEqual(asString(prop(assignment, 'properties.description')), 'contoso-hub-pe');
    assert.deepStrictEqual(shown(result), []);
  });

  it('follows a ts: module through the template spec version the cache keeps: its properties.mainTemplate', () => {
    const spec = JSON.stringify({ id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/specs/providers/Microsoft.Resources/templateSpecs/endpoint/versions/1.0`, properties: { mainTemplate: JSON.parse(ENDPOINT_MODULE) } });
    const main = `${BICEP_HUB}${bicepEndpointModule('iotHub', `ts:${SUBSCRIPTION}/Specs/Endpoint:1.0`)}`;
    const result = analyze(main, { [`/home/u/.bicep/ts/${SUBSCRIPTION}/specs/endpoint/1.0/main.json`]: spec });
    assert.deepStrictEqual(
      result.resources.map((r) => `${r.type} ${asString(r.names[0])}`),
      ['Microsoft.Devices/IotHubs contoso-hub', 'Microsoft.Network/privateEndpoints contoso-hub-pe'],
    );
  });

  it('reports a finding inside a registry module at its reference, with the place in the cache as related information and no fix', () => {
    const main = `${BICEP_HUB}${bicepEndpointModule('notAGroupId')}`;
    const result = analyze(main, { [ENDPOINT_IN_CACHE]: ENDPOINT_MODULE });
    assert.deepStrictEqual(shown(result), ["private-endpoint-group-id error 'br/public:avm/res/network/private-endpoint:0.12.1'"]);
    const [finding] = result.findings;
    assert.strictEqual(finding.doc, '/w/main.bicep');
    assert.match(finding.message, /group id 'notAGroupId'/);
    const inside = finding.related[0];
    assert.strictEqual(inside.doc, ENDPOINT_IN_CACHE);
    assert.strictEqual(ENDPOINT_MODULE.slice(inside.offset, inside.offset + inside.length), `"[parameters('groupId')]"`);
    assert.match(inside.message, /registry module 'br\/public:avm\/res\/network\/private-endpoint:0\.12\.1'/);
    assert.deepStrictEqual(finding.fixes, []);
    // A value written in the module itself would have a fix, which would write into the cache: none is offered.
    const literal = ENDPOINT_MODULE.replace(`"[parameters('groupId')]"`, '"blob"');
    const inModule = analyze(main, { [ENDPOINT_IN_CACHE]: literal }).findings;
    assert.deepStrictEqual(inModule.map((f) => `${f.ruleId} ${f.doc} ${f.fixes.length}`), ['private-endpoint-group-id /w/main.bicep 0']);
    const local = analyze(`${BICEP_HUB}${bicepEndpointModule('notAGroupId', 'endpoint.json')}`, { '/w/endpoint.json': literal }).findings;
    assert.deepStrictEqual(local.map((f) => `${f.ruleId} ${f.doc} ${f.fixes.length > 0}`), ['private-endpoint-group-id /w/endpoint.json true'], 'the same template beside the file');
    // Suppressed where it is shown, and levelled by the configuration of the user's file.
    const suppressed = analyze(`${BICEP_HUB}// iot-netlint-disable-next-line private-endpoint-group-id\n${bicepEndpointModule('notAGroupId')}`, { [ENDPOINT_IN_CACHE]: ENDPOINT_MODULE });
    assert.deepStrictEqual(shown(suppressed), []);
    const levels = (doc: string): Config => (doc === '/w/main.bicep' ? { rules: { 'private-endpoint-group-id': 'warning' } } : emptyConfig());
    assert.deepStrictEqual(shown(analyze(main, { [ENDPOINT_IN_CACHE]: ENDPOINT_MODULE }, { configFor: levels })), ["private-endpoint-group-id warning 'br/public:avm/res/network/private-endpoint:0.12.1'"]);
  });

  it('says once per reference which module it could not read, and why', () => {
    const main = `${bicepEndpointModule('iotHub')}
module missing 'modules/none.bicep' = {
  name: 'missing'
}
module arm 'none.json' = {
  name: 'arm'
}
module aliased 'br/contoso:hub:v1' = {
  name: 'aliased'
}
module twice 'modules/twice.bicep' = {
  name: 'twice-1'
}
module twiceAgain 'modules/twice.bicep' = {
  name: 'twice-2'
}
`;
    const twice = "module inner 'br:contoso.azurecr.io/inner:v1' = {\n  name: 'inner'\n}\n";
    const result = analyze(main, { '/w/modules/twice.bicep': twice });
    assert.deepStrictEqual(shown(result), [
      "module-not-followed info 'br/public:avm/res/network/private-endpoint:0.12.1'",
      "module-not-followed info 'modules/none.bicep'",
      "module-not-followed info 'none.json'",
      "module-not-followed info 'br/contoso:hub:v1'",
      "module-not-followed info 'br:contoso.azurecr.io/inner:v1'",
    ]);
    const messages = result.findings.map((f) => f.message);
    assert.strictEqual(
      messages[0],
      `Registry module 'br/public:avm/res/network/private-endpoint:0.12.1' is not in the module cache (${ENDPOINT_IN_CACHE}): \`bicep restore\` puts it there. What it deploys is not checked.`,
    );
    assert.strictEqual(messages[1], "Module 'modules/none.bicep' is not followed: its file cannot be read. What it deploys is not checked.");
    assert.strictEqual(messages[3], "Module 'br/contoso:hub:v1' is not followed: no bicepconfig.json defines the module alias 'contoso' (moduleAliases.br). What it deploys is not checked.");
    // Where the cache is cannot be known without the host saying so.
    assert.deepStrictEqual(
      analyze(bicepEndpointModule('iotHub'), {}, { cache: undefined }).findings.map((f) => f.message),
      ["Module 'br/public:avm/res/network/private-endpoint:0.12.1' is not followed: where the module cache is, is not known here. What it deploys is not checked."],
    );
  });

  it('reads a file again, in an editor, when a module it could not read appears or its bicepconfig.json changes', () => {
    const main = `${BICEP_HUB}${bicepEndpointModule('notAGroupId')}`;
    const files: Record<string, string> = { '/w/main.bicep': main };
    const host = hostOf(files, CACHE);
    const cache: LoadCache = new Map();
    const again = () => shown(analyzeProject([{ id: '/w/main.bicep', text: main }], { host, cache }));
    assert.deepStrictEqual(again(), ["module-not-followed info 'br/public:avm/res/network/private-endpoint:0.12.1'"]);
    // `bicep restore` fills the cache: the same text, analysed again, follows the module.
    files[ENDPOINT_IN_CACHE] = ENDPOINT_MODULE;
    assert.deepStrictEqual(again(), ["private-endpoint-group-id error 'br/public:avm/res/network/private-endpoint:0.12.1'"]);
    // A cache folder elsewhere, set in a new bicepconfig.json, holds nothing.
    files['/w/bicepconfig.json'] = '{ "cacheRootDirectory": "/elsewhere" }';
    assert.deepStrictEqual(again(), ["module-not-followed info 'br/public:avm/res/network/private-endpoint:0.12.1'"]);
  });

  it('lets the configuration and suppression comments silence module-not-followed', () => {
    const main = `${bicepEndpointModule('iotHub')}// iot-netlint-disable-next-line module-not-followed -- restored in CI only
module local 'modules/none.bicep' = {
  name: 'local'
}
`;
    assert.deepStrictEqual(shown(analyze(main)), ["module-not-followed info 'br/public:avm/res/network/private-endpoint:0.12.1'"]);
    const off = (): Config => ({ rules: { 'module-not-followed': 'off' } });
    assert.deepStrictEqual(shown(analyze(main, {}, { configFor: off })), []);
    const warning = (): Config => ({ rules: { 'module-not-followed': 'warning' } });
    assert.deepStrictEqual(shown(analyze(main, {}, { configFor: warning })), ["module-not-followed warning 'br/public:avm/res/network/private-endpoint:0.12.1'"]);
  });
});
