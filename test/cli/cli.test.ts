/** The command line as CI pipelines run it: a real process, real files, exit codes and output formats. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from '../support/paths';
import { BICEP_HUB, bicepEndpointModule, ENDPOINT_MODULE, ENDPOINT_MODULE_IN_CACHE } from '../support/templates';
import { tempFolder } from '../support/tempFolders';

const BIN = path.join(ROOT, 'server', 'bin', 'iot-netlint.js');
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function run(args: string[], cwd: string, stdin = '', env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: stdin, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const workspace = (files: Record<string, string | Buffer>): string => tempFolder('cli', files);

const hub = (properties: object, extra: object = {}) =>
  JSON.stringify(
    { $schema: SCHEMA, contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'contoso-hub', properties, ...extra }] },
    null,
    2,
  );

const DUPLICATE = hub({ restrictOutboundNetworkAccess: true, allowedFqdnList: ['iothub-ns-contoso-1-2-abcdef0123.servicebus.windows.net', 'a.example.com', 'A.example.com'] });
const WRONG_TYPE = hub({ restrictOutboundNetworkAccess: 'true', allowedFqdnList: ['iothub-ns-contoso-1-2-abcdef0123.servicebus.windows.net'] });
const CLEAN = hub({ publicNetworkAccess: 'Enabled' });

describe('command line', function () {
  this.timeout(30000);
  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build first');
  });

  it('prints file:line:col, severity, rule id and message, a code frame and a summary; exits 1 on findings', () => {
    const dir = workspace({ 'infra/hub.json': WRONG_TYPE });
    const r = run(['infra'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    const first = r.stdout.split('\n')[0];
    assert.match(first, /^infra[\\/]hub\.json:10:42 {2}error {2}restrict-outbound-value-type {2}restrictOutboundNetworkAccess of hub 'contoso-hub' is "true"/);
    assert.match(r.stdout, /> 10 \| {9}"restrictOutboundNetworkAccess": "true",/);
    assert.match(r.stdout, /\^{6}/);
    assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings, 0 infos\)/);
    assert.match(r.stdout, /1 problem can be fixed with --fix/);
  });

  it('finds every rule of the catalog in the examples npm start lints, as the README says', () => {
    const r = run(['--format', 'json', 'examples'], ROOT);
    const found = new Set((JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> }).files.flatMap((f) => f.findings.map((x) => x.ruleId)));
    assert.deepStrictEqual(RULES.map((rule) => rule.id).filter((id) => !found.has(id)), []);
  });

  it('exits 0 on a clean folder, and skips node_modules and .git', () => {
    const dir = workspace({ 'ok.json': CLEAN, 'node_modules/x/bad.json': WRONG_TYPE, '.git/bad.json': WRONG_TYPE, 'package.json': '{"name": "x"}' });
    const r = run(['.'], dir);
    assert.strictEqual(r.code, 0, r.stdout);
    assert.match(r.stdout, /No problems found/);
  });

  it('keeps infos from failing the build; --max-warnings and --exit-zero decide for warnings', () => {
    const dir = workspace({ 'd.json': DUPLICATE });
    assert.strictEqual(run(['d.json'], dir).code, 0, 'a duplicate is only info');
    const warn = workspace({ 'w.json': hub({ restrictOutboundNetworkAccess: true }) });
    assert.strictEqual(run(['w.json'], warn).code, 1);
    assert.strictEqual(run(['w.json', '--max-warnings', '1'], warn).code, 0);
    assert.strictEqual(run(['w.json', '--max-warnings=0'], warn).code, 1);
    assert.strictEqual(run(['w.json', '--exit-zero'], warn).code, 0);
  });

  it('writes JSON with positions, related locations and fixes', () => {
    const dir = workspace({ 'd.json': DUPLICATE });
    const r = run(['--format', 'json', 'd.json'], dir);
    const out = JSON.parse(r.stdout);
    const finding = out.files[0].findings[0];
    assert.strictEqual(finding.ruleId, 'egress-allowlist-invalid-entry');
    assert.strictEqual(finding.severity, 'info');
    assert.strictEqual(finding.startLine, 14);
    assert.strictEqual(finding.fixes[0].title, "Remove the duplicate 'A.example.com'");
    assert.strictEqual(finding.fixes[0].safety, 'safe');
    assert.deepStrictEqual(out.summary, { errors: 0, warnings: 0, infos: 1, fixable: 1, unsafeFixable: 0 });
  });

  it('writes SARIF 2.1.0: the rule catalog, results with one-based regions, related locations and fixes', () => {
    const dir = workspace({ 'w.json': WRONG_TYPE, 'broken.json': '{"$schema": "' + SCHEMA + '", "resources": [ }' });
    const sarif = JSON.parse(run(['--format', 'sarif', '.'], dir).stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    assert.strictEqual(sarif.runs.length, 1);
    const driver = sarif.runs[0].tool.driver;
    assert.strictEqual(driver.name, 'iot-netlint');
    for (const rule of RULES) {
      const entry = driver.rules.find((r: { id: string }) => r.id === rule.id);
      assert.ok(entry, rule.id);
      assert.match(entry.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.ok(entry.shortDescription.text.length > 10);
    }
    const results = sarif.runs[0].results;
    const typeResult = results.find((r: { ruleId: string }) => r.ruleId === 'restrict-outbound-value-type');
    assert.strictEqual(typeResult.level, 'error');
    assert.deepStrictEqual(typeResult.locations[0].physicalLocation.artifactLocation, { uri: 'w.json', uriBaseId: '%SRCROOT%' });
    assert.strictEqual(typeResult.locations[0].physicalLocation.region.startLine, 10);
    assert.strictEqual(typeResult.locations[0].physicalLocation.region.startColumn, 42);
    assert.strictEqual(driver.rules[typeResult.ruleIndex].id, 'restrict-outbound-value-type');
    assert.strictEqual(typeResult.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'true');
    const syntax = results.find((r: { ruleId: string }) => r.ruleId === 'syntax-error');
    assert.ok(syntax, 'syntax errors are results');
    assert.strictEqual(driver.rules[syntax.ruleIndex].id, 'syntax-error');
    for (const id of ['file-not-analyzed', 'config-error', 'unused-disable-directive']) assert.ok(driver.rules.some((r: { id: string }) => r.id === id), id);
  });

  it('writes annotations for GitHub Actions and Azure Pipelines, escaped as each service reads them', () => {
    const dir = workspace({ 'infra/hub;1,a.json': WRONG_TYPE, 'd.json': DUPLICATE });
    const github = run(['--format', 'github', '.'], dir);
    assert.strictEqual(github.code, 1);
    assert.deepStrictEqual(github.stdout.split('\n').filter(Boolean), [
      "::notice file=d.json,line=14,col=11,endLine=14,endColumn=26,title=egress-allowlist-invalid-entry::allowedFqdnList entry 'A.example.com' of 'contoso-hub' repeats an earlier entry.",
      `::error file=infra/hub;1%2Ca.json,line=10,col=42,endLine=10,endColumn=48,title=restrict-outbound-value-type::restrictOutboundNetworkAccess of hub 'contoso-hub' is "true", but IoT Hub takes a boolean (true or false).`,
      'iot-netlint: 1 errors, 0 warnings, 1 infos',
    ]);
    const azure = run(['--format', 'azure-devops', '.'], dir).stdout.split('\n').filter(Boolean);
    assert.match(azure[0], /^##vso\[task\.logissue type=warning;sourcepath=d\.json;linenumber=14;columnnumber=11;code=egress-allowlist-invalid-entry\]\(info\) /);
    assert.strictEqual(
      azure[1],
      `##vso[task.logissue type=error;sourcepath=infra/hub%3B1,a.json;linenumber=10;columnnumber=42;code=restrict-outbound-value-type]restrictOutboundNetworkAccess of hub 'contoso-hub' is "true", but IoT Hub takes a boolean (true or false).`,
    );
  });

  it('--fix writes the first fix of each finding, keeps BOM and CRLF, and reports what remains', () => {
    const crlf = '\uFEFF' + WRONG_TYPE.replace(/\n/g, '\r\n');
    const dir = workspace({ 'w.json': crlf });
    const r = run(['--fix', 'w.json'], dir);
    assert.strictEqual(r.code, 0, r.stdout);
    const after = fs.readFileSync(path.join(dir, 'w.json'));
    assert.deepStrictEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = after.toString('utf8').slice(1);
    assert.ok(text.includes('"restrictOutboundNetworkAccess": true,\r\n'), text);
    assert.ok(!/[^\r]\n/.test(text));
  });

  it('walks Bicep files with their .bicepparam and modules, and --fix writes Bicep', () => {
    const main = [
      'param restrict bool = false',
      '',
      "module hubModule 'modules/hub.bicep' = {",
      "  name: 'hub'",
      '  params: {',
      '    restrict: restrict',
      '  }',
      '}',
      '',
    ].join('\n');
    const module = [
      'param restrict bool',
      "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
      "  name: 'contoso-hub'",
      '  properties: {',
      '    restrictOutboundNetworkAccess: restrict',
      "    publicNetworkAccess: 'disabled'",
      '  }',
      '}',
      '',
    ].join('\n');
    const dir = workspace({ 'infra/main.bicep': main, 'infra/main.bicepparam': "using 'main.bicep'\nparam restrict = true\n", 'infra/modules/hub.bicep': module });
    const r = run(['infra', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string }> }> };
    const findings = report.files.flatMap((f) => f.findings.map((x) => `${path.basename(f.path)} ${x.ruleId}`));
    // The module analysed alone knows nothing of the restriction; deployed by main.bicep with its .bicepparam, it is on.
    assert.ok(findings.includes('hub.bicep iothub-egress-allowlist-empty'), findings.join('\n'));
    assert.ok(findings.includes('hub.bicep iothub-builtin-endpoint-bypasses-isolation'), findings.join('\n'));
    // Disabling the fallback route drops messages: --fix leaves it, and says how to apply it.
    const safeOnly = run(['--fix', 'infra'], dir);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'infra/modules/hub.bicep'), 'utf8'), module);
    assert.ok(safeOnly.stdout.includes('iothub-builtin-endpoint-bypasses-isolation'), safeOnly.stdout);
    assert.ok(safeOnly.stdout.includes('1 problem can be fixed with --fix --unsafe-fixes.'), safeOnly.stdout);
    const fixed = run(['--fix', '--unsafe-fixes', 'infra'], dir);
    const after = fs.readFileSync(path.join(dir, 'infra/modules/hub.bicep'), 'utf8');
    assert.ok(after.includes("    publicNetworkAccess: 'disabled'\n    routing: {\n      fallbackRoute: {\n"), after);
    assert.ok(fixed.stdout.includes(`Fixed 1 problem in ${path.join('infra', 'modules', 'hub.bicep')}:\n  iothub-builtin-endpoint-bypasses-isolation  Disable the fallback route — messages that match no route are dropped\n`), fixed.stdout);
    assert.ok(!fixed.stdout.includes('bypasses-isolation  Hub'), fixed.stdout);
  });

  it('follows br/public: modules through the module cache of the home folder, or of cacheRootDirectory, and says which it cannot read', () => {
    const main = BICEP_HUB + bicepEndpointModule('notAGroupId');
    const inCache = ENDPOINT_MODULE_IN_CACHE;
    const dir = workspace({ 'infra/main.bicep': main, [`home/.bicep/${inCache}`]: ENDPOINT_MODULE, [`restored/${inCache}`]: ENDPOINT_MODULE });
    const home = { HOME: path.join(dir, 'home'), USERPROFILE: path.join(dir, 'home') };
    const fromHome = run(['infra'], dir, '', home);
    assert.strictEqual(fromHome.code, 1, fromHome.stdout);
    assert.match(fromHome.stdout, /^infra[\\/]main\.bicep:6:17 {2}error {2}private-endpoint-group-id {2}Private endpoint 'contoso-hub-pe' asks IoT hub 'contoso-hub' for group id 'notAGroupId'/m);
    assert.match(fromHome.stdout, /home[\\/]\.bicep[\\/]br[\\/]mcr\.microsoft\.com[\\/]bicep\$avm\$res\$network\$private-endpoint[\\/]0\.12\.1\$[\\/]main\.json:\d+:\d+: Here, in registry module/);

    // bicepconfig.json's cacheRootDirectory over the home folder's; an empty home folder has nothing.
    fs.writeFileSync(path.join(dir, 'infra', 'bicepconfig.json'), JSON.stringify({ cacheRootDirectory: path.join(dir, 'restored') }));
    const empty = { HOME: path.join(dir, 'nobody'), USERPROFILE: path.join(dir, 'nobody') };
    const fromConfig = run(['--format', 'json', 'infra'], dir, '', empty);
    const findings = JSON.parse(fromConfig.stdout).files.flatMap((f: { findings: Array<{ ruleId: string; related: Array<{ path: string }> }> }) => f.findings);
    assert.deepStrictEqual(findings.map((f: { ruleId: string }) => f.ruleId), ['private-endpoint-group-id']);
    assert.match(findings[0].related[0].path, /restored[\\/]br[\\/]mcr\.microsoft\.com/);

    // Not restored: one information at the reference, which does not fail the build and which --rule or the configuration silence.
    fs.unlinkSync(path.join(dir, 'infra', 'bicepconfig.json'));
    const missing = run(['infra'], dir, '', empty);
    assert.strictEqual(missing.code, 0, missing.stdout);
    assert.match(missing.stdout, /^infra[\\/]main\.bicep:6:17 {2}info {2}module-not-followed {2}Registry module 'br\/public:avm\/res\/network\/private-endpoint:0\.12\.1' is not in the module cache \(.*nobody.*\): `bicep restore` puts it there\./m);
    const sarif = JSON.parse(run(['--format', 'sarif', 'infra'], dir, '', empty).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'module-not-followed');
    assert.deepStrictEqual([rule.defaultConfiguration.level, sarif.runs[0].results[0].ruleId, sarif.runs[0].results[0].level], ['note', 'module-not-followed', 'note']);
    assert.match(run(['--rule', 'module-not-followed:off', 'infra'], dir, '', empty).stdout, /No problems found/);
    fs.writeFileSync(path.join(dir, '.iot-netlint.json'), JSON.stringify({ rules: { 'module-not-followed': 'off' } }));
    assert.match(run(['infra'], dir, '', empty).stdout, /^No problems found/);
  });

  it('--fix leaves files in UTF-16 in UTF-16', () => {
    const body = Buffer.from(WRONG_TYPE, 'utf16le');
    const dir = workspace({ 'w.json': Buffer.concat([Buffer.from([0xff, 0xfe]), body]) });
    assert.strictEqual(run(['--fix', 'w.json'], dir).code, 0);
    const after = fs.readFileSync(path.join(dir, 'w.json'));
    assert.deepStrictEqual([...after.subarray(0, 2)], [0xff, 0xfe]);
    assert.ok(after.subarray(2).toString('utf16le').includes('"restrictOutboundNetworkAccess": true'));
  });

  it('reports syntax errors and still analyses what parsed', () => {
    const broken = WRONG_TYPE.replace('"location"', '').replace('"sku"', '').replace(/\n\s*\]\n\}$/, '\n');
    const dir = workspace({ 'b.json': broken });
    const r = run(['b.json'], dir);
    assert.match(r.stdout, /syntax-error/);
    assert.match(r.stdout, /restrict-outbound-value-type/);
  });

  it('skips a file over the size limit, and a binary one, with one finding each', () => {
    const dir = workspace({
      '.iot-netlint.json': JSON.stringify({ maxFileSize: 200 }),
      'big.json': hub({ note: 'x'.repeat(500) }),
      'junk.json': Buffer.from([0x7b, 0x00, 0x01, 0xff, 0xfe, 0x00]),
    });
    const r = run(['big.json', 'junk.json'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /big\.json:1:1 {2}warning {2}file-not-analyzed {2}Not analysed: it is 0\.0 MB, over the 0\.0 MB limit \(maxFileSize\)\./);
    assert.match(r.stdout, /junk\.json:1:1 {2}warning {2}file-not-analyzed {2}Not analysed: it is a binary file\./);
  });

  it('says which path it cannot read, exits 2, and still analyses the others', () => {
    const dir = workspace({ 'w.json': WRONG_TYPE });
    const r = run(['missing.json', 'w.json'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /cannot read missing\.json: no such file or folder/);
    assert.match(r.stdout, /restrict-outbound-value-type/);
  });

  it('uses the parameters file beside a template, or the one given', () => {
    const template = JSON.stringify({
      $schema: SCHEMA,
      parameters: { restrict: { type: 'string', defaultValue: 'Enabled' } },
      resources: [{ type: 'Microsoft.Kusto/clusters', apiVersion: '2024-04-13', name: 'adx', properties: { restrictOutboundNetworkAccess: "[parameters('restrict')]", allowedFqdnList: ['a.example.com'] } }],
    });
    const params = (v: string) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: { restrict: { value: v } } });
    const dir = workspace({ 'adx.json': template, 'adx.parameters.json': params('Disabled'), 'prod.parameters.json': params('Enabled') });
    assert.match(run(['adx.json'], dir).stdout, /kusto-egress-rules-without-restriction/);
    assert.match(run(['adx.json', '--parameters', 'prod.parameters.json'], dir).stdout, /No problems found/);
  });

  it('reads the cloud from --cloud', () => {
    const china = hub({ restrictOutboundNetworkAccess: true, allowedFqdnList: ['iothub-ns-h-1-abcdef0123.servicebus.chinacloudapi.cn'], storageEndpoints: { $default: { connectionString: 'DefaultEndpointsProtocol=https;AccountName=sa', containerName: 'c' } } });
    const dir = workspace({ 'c.json': china });
    assert.match(run(['c.json'], dir).stdout, /'sa\.blob\.core\.windows\.net' is not in allowedFqdnList/);
    assert.match(run(['c.json', '--cloud', 'AzureChinaCloud'], dir).stdout, /'sa\.blob\.core\.chinacloudapi\.cn' is not in allowedFqdnList/);
  });

  it('turns rules off and changes their level through .iot-netlint.json, and reports what it cannot use', () => {
    const dir = workspace({ 'w.json': WRONG_TYPE, '.iot-netlint.json': JSON.stringify({ rules: { 'restrict-outbound-value-type': 'off', 'no-such-rule': 'error' } }) });
    const r = run(['w.json'], dir);
    assert.doesNotMatch(r.stdout, /^w\.json.*restrict-outbound-value-type/m);
    assert.match(r.stdout, /\.iot-netlint\.json:1:\d+ {2}error {2}config-error {2}Unknown rule 'no-such-rule'\./);
  });

  it('leaves out what the configuration ignores, and says so of a file named on the command line', () => {
    const dir = workspace({
      '.iot-netlint.json': JSON.stringify({ ignore: ['generated/', '*.test.json'] }),
      'main.json': WRONG_TYPE,
      'generated/out.json': WRONG_TYPE,
      'infra/generated/deep.json': WRONG_TYPE,
      'infra/hub.test.json': WRONG_TYPE,
      // A folder with its own configuration answers for itself, as for rule levels.
      'own/.iot-netlint.json': '{}',
      'own/hub.test.json': WRONG_TYPE,
    });
    const r = run(['--format', 'json', '.'], dir);
    assert.deepStrictEqual(
      JSON.parse(r.stdout).files.map((f: { path: string }) => f.path.split(path.sep).join('/')),
      ['main.json', 'own/hub.test.json'],
    );
    const named = run(['infra/hub.test.json', 'main.json'], dir);
    assert.strictEqual(named.code, 1);
    assert.match(named.stdout, /^infra[\\/]hub\.test\.json:1:1 {2}info {2}file-not-analyzed {2}Not analysed: ignored by '\*\.test\.json' in \.iot-netlint\.json\.\n\nmain\.json/m);
    assert.strictEqual(run(['infra/hub.test.json'], dir).code, 0, 'an ignored file does not fail the build');
  });

  it('--report-unused-disable-directives warns of suppression comments that suppress nothing, and --fix removes them', () => {
    const text = CLEAN.replace('"publicNetworkAccess": "Enabled"', '"publicNetworkAccess": "Enabled" // iot-netlint-disable-line restrict-outbound-value-type');
    const dir = workspace({ 'u.json': text });
    assert.strictEqual(run(['u.json'], dir).code, 0, 'not reported unless asked for');
    const r = run(['--report-unused-disable-directives', 'u.json'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^u\.json:10:42 {2}warning {2}unused-disable-directive {2}This directive suppresses nothing: no finding of 'restrict-outbound-value-type' is on the line it names\.$/m);
    const sarif = JSON.parse(run(['--report-unused-disable-directives', '--format', 'sarif', 'u.json'], dir).stdout);
    const result = sarif.runs[0].results[0];
    assert.strictEqual(sarif.runs[0].tool.driver.rules[result.ruleIndex].id, 'unused-disable-directive');
    assert.strictEqual(run(['--report-unused-disable-directives', '--fix', 'u.json'], dir).code, 0);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'u.json'), 'utf8'), CLEAN);
  });

  it('--stdin analyses the standard input as the file --stdin-filename names, with its configuration and parameters file', () => {
    const restrictByParameter = JSON.stringify(
      {
        $schema: SCHEMA,
        parameters: { restrict: { type: 'bool', defaultValue: false } },
        resources: [{ type: 'Microsoft.Devices/IotHubs', apiVersion: '2023-06-30', name: 'contoso-hub', properties: { restrictOutboundNetworkAccess: "[parameters('restrict')]" } }],
      },
      null,
      2,
    );
    const dir = workspace({
      'infra/hub.parameters.json': JSON.stringify({ parameters: { restrict: { value: true } } }),
      'infra/.iot-netlint.json': JSON.stringify({ rules: { 'iothub-egress-allowlist-empty': 'error' } }),
    });
    const r = run(['--stdin', '--stdin-filename', 'infra/hub.json'], dir, restrictByParameter);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stdout, /^infra[\\/]hub\.json:\d+:\d+ {2}error {2}iothub-egress-allowlist-empty /m);
    const bicep = run(['--stdin', '--stdin-filename=main.bicep', '--format', 'json'], dir, "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {\n  name: 'h'\n  properties: {\n    restrictOutboundNetworkAccess: 'true'\n  }\n}\n");
    assert.deepStrictEqual(JSON.parse(bicep.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId), ['restrict-outbound-value-type']);
    const fixed = JSON.parse(run(['--stdin', '--fix-dry-run', '--format', 'json'], dir, WRONG_TYPE).stdout);
    assert.strictEqual(fixed.files[0].path, 'stdin.json');
    assert.ok(fixed.files[0].output.includes('"restrictOutboundNetworkAccess": true,'));
  });

  it('--rule sets a level over the configuration files', () => {
    const dir = workspace({ 'w.json': WRONG_TYPE, '.iot-netlint.json': JSON.stringify({ rules: { 'restrict-outbound-value-type': 'error' } }) });
    const off = run(['--rule', 'restrict-outbound-value-type:off', 'w.json'], dir);
    assert.strictEqual(off.code, 0, off.stdout);
    assert.match(off.stdout, /No problems found/);
    const info = run(['--rule=restrict-outbound-value-type: info', 'w.json'], dir);
    assert.strictEqual(info.code, 0, info.stdout);
    assert.match(info.stdout, /^w\.json:10:42 {2}info {2}restrict-outbound-value-type /m);
  });

  it('--quiet reports and counts errors only', () => {
    const dir = workspace({ 'e.json': WRONG_TYPE, 'w.json': hub({ restrictOutboundNetworkAccess: true }) });
    const r = run(['--quiet', '.'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^e\.json:10:42 {2}error /m);
    assert.doesNotMatch(r.stdout, /warning {2}/);
    assert.match(r.stdout, /1 problem \(1 error, 0 warnings, 0 infos\)/);
    const warningsOnly = run(['--quiet', 'w.json'], dir);
    assert.strictEqual(warningsOnly.code, 0, warningsOnly.stdout);
  });

  it('-o writes the report to a file, making its folder, and keeps the exit code', () => {
    const dir = workspace({ 'w.json': WRONG_TYPE });
    const r = run(['--format', 'sarif', '-o', 'reports/iot-netlint.sarif', 'w.json'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stdout, '');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'iot-netlint.sarif'), 'utf8'));
    assert.strictEqual(sarif.runs[0].results[0].ruleId, 'restrict-outbound-value-type');
    const text = run(['--output-file=out.txt', 'w.json'], dir);
    assert.strictEqual(text.code, 1);
    assert.match(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'), /^w\.json:10:42 {2}error/);
    const unwritable = run(['-o', path.join(dir, 'w.json', 'report.txt'), 'w.json'], dir);
    assert.strictEqual(unwritable.code, 2);
    assert.match(unwritable.stderr, /^iot-netlint: cannot write the report to /);
  });

  it('--fix-dry-run reports what --fix would leave and change, and writes nothing', () => {
    const dir = workspace({ 'w.json': WRONG_TYPE, 'ok.json': CLEAN });
    const text = run(['--fix-dry-run', '.'], dir);
    assert.strictEqual(text.code, 0, text.stdout);
    assert.match(text.stdout, /No problems found\.\n--fix would change 1 file: w\.json\n$/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'w.json'), 'utf8'), WRONG_TYPE);
    const json = JSON.parse(run(['--fix-dry-run', '--format', 'json', '.'], dir).stdout);
    assert.deepStrictEqual(
      json.files.map((f: { path: string; findings: unknown[] }) => [f.path, f.findings.length]),
      [['w.json', 0]],
    );
    assert.strictEqual(json.files[0].output, WRONG_TYPE.replace('"restrictOutboundNetworkAccess": "true"', '"restrictOutboundNetworkAccess": true'));
    assert.strictEqual(fs.readFileSync(path.join(dir, 'w.json'), 'utf8'), WRONG_TYPE);
  });

  it('answers usage errors with exit 2 and a message', () => {
    const dir = workspace({});
    const usage = [
      [],
      ['--format', 'xml', '.'],
      ['--format', 'github-actions', '.'],
      ['--bogus', '.'],
      ['--cloud', 'Mars', '.'],
      ['--max-warnings', 'many', '.'],
      ['--rule', 'no-such-rule:off', '.'],
      ['--rule', 'restrict-outbound-value-type:loud', '.'],
      ['--rule', 'restrict-outbound-value-type', '.'],
      ['--fix', '--fix-dry-run', '.'],
      ['--stdin', 'main.json'],
      ['--stdin-filename', 'main.json', '.'],
      ['--stdin', '--fix'],
      ['--unsafe-fixes', '.'],
      ['-o'],
    ];
    for (const args of usage) {
      const r = run(args, dir);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^iot-netlint: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace without --debug');
    }
    assert.match(run(['--help'], dir).stdout, /Usage: iot-netlint/);
    assert.match(run(['--version'], dir).stdout, /^\d+\.\d+\.\d+/);
  });
});
