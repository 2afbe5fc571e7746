/**
 * Registry modules followed through a module cache made from the corpus's
 * copy of the Azure Verified Modules (templates/bicep-registry-modules/avm/res):
 * each module folder's compiled main.json is put where `bicep restore` puts
 * `br/public:avm/res/<folder>:<version>` (Bicep's layout, spelt out here by
 * hand): `<home>/.bicep/br/mcr.microsoft.com/bicep$avm$res$<folder, / as $>/<version>$/main.json`.
 * The version is version.json's major.minor with the patch of the newest
 * CHANGELOG.md heading of that line (the IoT hub module names private-endpoint 0.12.1).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeProject, ProjectResult } from '../../server/src/core/project';
import type { Resource } from '../../server/src/core/model/resource';
import { asString } from '../../server/src/core/model/values';
import { bicepCacheOnDisk } from '../../server/src/node/bicepCache';
import { fileSystemHost } from '../../server/src/node/fileHost';
import { CORPUS, listFiles, requireCorpus } from '../support/paths';
import { tempFolder } from '../support/tempFolders';

const AVM = path.join(CORPUS, 'templates', 'bicep-registry-modules', 'avm', 'res');
const IOT_HUB = path.join(AVM, 'devices', 'iot-hub', 'main.bicep');
const MAX_TEST = path.join(AVM, 'devices', 'iot-hub', 'tests', 'e2e', 'max', 'main.test.bicep');

/** A home folder whose module cache holds every AVM module of the corpus; the paths written, relative to the cache. */
function homeWithCache(): { home: string; written: string[] } {
  const home = tempFolder('bicep-home');
  const written: string[] = [];
  for (const versionFile of listFiles(AVM, (f) => path.basename(f) === 'version.json' && !f.split(path.sep).includes('tests'))) {
    const folder = path.dirname(versionFile);
    if (!fs.existsSync(path.join(folder, 'main.json'))) continue;
    const line = (JSON.parse(fs.readFileSync(versionFile, 'utf8')) as { version: string }).version;
    const changelog = path.join(folder, 'CHANGELOG.md');
    const heading = fs.existsSync(changelog) ? new RegExp(`^## (${line.replace(/\./g, '\\.')}\\.\\d+)\\s*$`, 'm').exec(fs.readFileSync(changelog, 'utf8')) : null;
    const version = heading ? heading[1] : `${line}.0`;
    const repository = ['bicep', 'avm', 'res', ...path.relative(AVM, folder).split(path.sep)].join('$');
    const target = path.join('br', 'mcr.microsoft.com', repository, `${version}$`, 'main.json');
    fs.mkdirSync(path.join(home, '.bicep', path.dirname(target)), { recursive: true });
    fs.copyFileSync(path.join(folder, 'main.json'), path.join(home, '.bicep', target));
    written.push(target.split(path.sep).join('/'));
  }
  return { home, written };
}

function analyze(file: string, home: string, text = fs.readFileSync(file, 'utf8')): ProjectResult {
  return analyzeProject([{ id: file, text }], { host: fileSystemHost(undefined, bicepCacheOnDisk(undefined, home)) });
}

const lineOf = (result: ProjectResult, doc: string, offset: number) => (result.documents.find((d) => d.id === doc)?.text ?? '').slice(0, offset).split('\n').length;
const fromCache = (home: string) => (r: Resource) => r.doc.startsWith(path.join(home, '.bicep') + path.sep);
/** Resource types deployed, without the deployments of modules and `existing` references (as test/corpus/bicep-model.test.ts compares them). */
const deployedTypes = (result: ProjectResult) =>
  result.resources
    .filter((r) => !r.existing && r.type.toLowerCase() !== 'microsoft.resources/deployments')
    .map((r) => r.type.toLowerCase())
    .sort();

describe('corpus: registry modules followed through a module cache of the Azure Verified Modules', function () {
  this.timeout(120000);
  let home = '';
  before(function () {
    requireCorpus(this);
    const cache = homeWithCache();
    home = cache.home;
    assert.ok(cache.written.includes('br/mcr.microsoft.com/bicep$avm$res$network$private-endpoint/0.12.1$/main.json'), cache.written.join('\n'));
    assert.ok(cache.written.includes('br/mcr.microsoft.com/bicep$avm$res$devices$iot-hub/0.3.0$/main.json'), cache.written.join('\n'));
  });

  it("follows the IoT hub module's br/public: private endpoint module: the resources of its compiled template, none left unread", () => {
    // The module's own `max` test deploys it with a private endpoint (the module alone leaves privateEndpoints out: none).
    const followed = analyze(MAX_TEST, home);
    assert.deepStrictEqual(
      followed.findings.filter((f) => f.ruleId === 'module-not-followed' && f.doc === IOT_HUB).map((f) => f.message),
      [],
      'every module of the IoT hub is in the cache',
    );
    const endpoints = followed.resources.filter((r) => r.type === 'Microsoft.Network/privateEndpoints');
    assert.ok(endpoints.length > 0 && endpoints.every(fromCache(home)), 'the private endpoints come from the cached private endpoint module');
    // The compiled template inlines the private endpoint module: with it followed, the Bicep gives the same resources.
    const compiled = analyze(path.join(AVM, 'devices', 'iot-hub', 'main.json'), home);
    assert.deepStrictEqual(deployedTypes(analyze(IOT_HUB, home)), deployedTypes(compiled));

    // Without the cache, the reference is said, and what the module deploys is missing.
    const unrestored = analyze(MAX_TEST, tempFolder('bicep-home-empty'));
    const notFollowed = unrestored.findings.filter((f) => f.ruleId === 'module-not-followed' && f.doc === IOT_HUB);
    assert.deepStrictEqual(
      notFollowed.map((f) => `${lineOf(unrestored, f.doc, f.offset)} ${f.severity}`),
      ['264 info'],
    );
    assert.match(notFollowed[0].message, /^Registry module 'br\/public:avm\/res\/network\/private-endpoint:0\.12\.1' is not in the module cache/);
    assert.strictEqual(unrestored.resources.filter((r) => r.type === 'Microsoft.Network/privateEndpoints').length, 0);
  });

  it('analyses a Bicep file that deploys the IoT hub module from the registry with a private endpoint, and shows a finding inside it at the reference', () => {
    const main = [
      "module hub 'br/public:avm/res/devices/iot-hub:0.3.0' = {",
      "  name: 'contoso-hub'",
      '  params: {',
      "    name: 'contoso-hub'",
      "    skuName: 'S1'",
      '    allowedFqdnList: []',
      '    privateEndpoints: [',
      '      {',
      "        service: 'iotHub'",
      "        subnetResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints'",
      '      }',
      '    ]',
      '  }',
      '}',
      '',
    ].join('\n');
    const file = path.join(tempFolder('avm-user', { 'main.bicep': main }), 'main.bicep');
    const result = analyze(file, home, main);
    const hub = result.resources.find((r) => r.type === 'Microsoft.Devices/IotHubs');
    assert.ok(hub && fromCache(home)(hub) && asString(hub.names[0]) === 'contoso-hub', 'the hub of the cached module, named by the caller');
    assert.ok(result.resources.some((r) => r.type === 'Microsoft.Network/privateEndpoints' && fromCache(home)(r)), 'the private endpoint the module deploys');
    // The module restricts egress unless told otherwise; the empty allow list the caller gives blocks it all.
    const shown = result.findings.map((f) => `${path.basename(f.doc)}:${lineOf(result, f.doc, f.offset)} ${f.ruleId}`);
    assert.deepStrictEqual(shown, ['main.bicep:1 iothub-egress-allowlist-empty']);
    const inside = result.findings[0].related[0];
    assert.ok(inside.doc.endsWith(path.join('bicep$avm$res$devices$iot-hub', '0.3.0$', 'main.json')), inside.doc);
    assert.match(inside.message, /registry module 'br\/public:avm\/res\/devices\/iot-hub:0\.3\.0'/);
  });
});
