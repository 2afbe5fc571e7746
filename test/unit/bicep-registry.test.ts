import * as assert from 'assert';
import { BicepCacheHost, memoryHost } from '../../server/src/core/host';
import { BicepConfig, builtInBicepConfig, cachedModule, encodeTag, parseModuleReference, readBicepConfig } from '../../server/src/core/frontends/bicep/registry';
import { ENDPOINT_MODULE_IN_CACHE } from '../support/templates';

const CACHE: BicepCacheHost = { root: '/home/u/.bicep', home: '/home/u', fileId: (p) => p };
const SUBSCRIPTION = '00000000-1111-2222-3333-444444444444';

/** Where a reference's module is read from, or why it is not. */
function cachePath(reference: string, config: BicepConfig = builtInBicepConfig()): string {
  const parsed = parseModuleReference(reference);
  if (parsed.kind !== 'registry') return `not a registry reference: ${parsed.kind}`;
  const found = cachedModule(reference, parsed, config, CACHE);
  return 'problem' in found ? `problem: ${found.problem}` : found.path;
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
});
