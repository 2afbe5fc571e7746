import * as assert from 'assert';
import { configCandidates, parseConfig } from '../../server/src/core/config';
import * as fc from 'fast-check';
import { IgnoreList, patternProblem } from '../../server/src/core/ignore';
import { RULE_IDS } from '../../server/src/core/rules';
import { isSuppressed, readSuppressions } from '../../server/src/core/suppressions';
import { parseJson } from '../../server/src/core/json/parser';
import { LineIndex } from '../../server/src/core/text/lines';
import { analyzeTexts, applyFix } from '../support/analyze';

describe('configuration', () => {
  it('reads levels, cloud and file size limit', () => {
    const { config, problems } = parseConfig(
      '{ "$schema": "x", "rules": { "iothub-identity-role-missing": "off", "egress-allowlist-invalid-entry": "error" }, "cloud": "AzureChinaCloud", "maxFileSize": 1000 }',
      RULE_IDS,
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config, { rules: { 'iothub-identity-role-missing': 'off', 'egress-allowlist-invalid-entry': 'error' }, cloud: 'AzureChinaCloud', maxFileSize: 1000 });
  });

  it('reports what it cannot use, where it is written, and keeps the rest', () => {
    const text = '{ "rules": { "no-such-rule": "off", "iothub-identity-missing": "loud", "iothub-identity-broad-role": "info" }, "cloud": "Mars", "extra": 1 }';
    const { config, problems } = parseConfig(text, RULE_IDS);
    assert.deepStrictEqual(
      problems.map((p) => [p.message, text.slice(p.offset, p.offset + p.length)]),
      [
        ["Unknown rule 'no-such-rule'.", '"no-such-rule"'],
        ["The level of 'iothub-identity-missing' must be one of error, warning, info, off.", '"loud"'],
        ['"cloud" must be AzureCloud, AzureChinaCloud or AzureUSGovernment.', '"Mars"'],
        ["Unknown setting 'extra'.", '"extra"'],
      ],
    );
    assert.deepStrictEqual(config.rules, { 'iothub-identity-broad-role': 'info' });
  });

  it('reads ignore patterns and reports those it cannot use', () => {
    const text = '{ "ignore": ["generated/", "", "!keep.json", 3, "[a-z"] }';
    const { config, problems } = parseConfig(text, RULE_IDS);
    assert.deepStrictEqual(config.ignore, ['generated/']);
    assert.deepStrictEqual(
      problems.map((p) => [p.message, text.slice(p.offset, p.offset + p.length)]),
      [
        ['An ignore pattern must not be empty.', '""'],
        ['Ignore patterns cannot be negated with "!": list only what to ignore.', '"!keep.json"'],
        ['An ignore pattern must be a string.', '3'],
        ["The pattern '[a-z' has a '[' without its ']'.", '"[a-z"'],
      ],
    );
    assert.deepStrictEqual(parseConfig('{ "ignore": "generated" }', RULE_IDS).problems[0].message, '"ignore" must be an array of patterns.');
  });

  it('is looked for from the file’s folder up to the root', () => {
    assert.deepStrictEqual(configCandidates('/a/b/c.json'), ['/a/b/.iot-netlint.json', '/a/.iot-netlint.json', '/.iot-netlint.json']);
    assert.deepStrictEqual(configCandidates('C:\\repo\\t.json')[0], 'C:\\repo\\.iot-netlint.json');
  });
});

/** A template of one hub, its properties written as given (whole lines, indented as the template does). */
const hubTemplate = (properties: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.Devices/IotHubs",
      "apiVersion": "2023-06-30",
      "name": "h",
      "properties": {
${properties}
      }
    }
  ]
}`;

describe('suppression comments', () => {
  const lines = (text: string) => readSuppressions(parseJson(text).comments, new LineIndex(text));

  it('reads next-line and same-line directives with several ids and a reason', () => {
    const s = lines('{\n// iot-netlint-disable-next-line a b, c -- known and accepted\n"x": 1, // iot-netlint-disable-line d\n/* iot-netlint-disable-next-line */\n"y": 2\n}');
    assert.deepStrictEqual(
      s.map((x) => [x.line, x.ruleIds]),
      [
        [2, ['a', 'b', 'c']],
        [2, ['d']],
        [4, undefined],
      ],
    );
    assert.ok(isSuppressed(s, 'b', 2));
    assert.ok(!isSuppressed(s, 'z', 2));
    assert.ok(isSuppressed(s, 'anything', 4));
  });

  it('silences a finding in a template, and only the rule it names', () => {
    const template = (comment: string) =>
      hubTemplate(`        "restrictOutboundNetworkAccess": true,\n        ${comment}\n        "allowedFqdnList": ["a.example.com", "a.example.com"]`);
    const ids = (text: string) => analyzeTexts({ '/s.json': text }).findings.map((f) => f.ruleId);
    assert.deepStrictEqual(ids(template('')).sort(), ['egress-allowlist-invalid-entry', 'iothub-egress-allowlist-missing-builtin-endpoint']);
    assert.deepStrictEqual(ids(template('// iot-netlint-disable-next-line egress-allowlist-invalid-entry')), ['iothub-egress-allowlist-missing-builtin-endpoint']);
    assert.deepStrictEqual(ids(template('// iot-netlint-disable-next-line')), []);
  });
});

describe('suppression comments that suppress nothing', () => {
  // `"restrictOutboundNetworkAccess": "true"` below is restrict-outbound-value-type's finding, for directives to silence.
  const unused = (text: string, id = '/t.json') =>
    analyzeTexts({ [id]: text }, { unusedDirectives: 'warning' }).findings.filter((f) => f.ruleId === 'unused-disable-directive');

  // Before, the message, and after its fix.
  const CASES: Array<[string, string, string]> = [
    [
      '        // iot-netlint-disable-next-line restrict-outbound-value-type\n        "publicNetworkAccess": "Enabled"',
      "This directive suppresses nothing: no finding of 'restrict-outbound-value-type' is on the line it names.",
      '        "publicNetworkAccess": "Enabled"',
    ],
    [
      '        "publicNetworkAccess": "Enabled" // iot-netlint-disable-line',
      'This directive suppresses nothing: no finding is on the line it names.',
      '        "publicNetworkAccess": "Enabled"',
    ],
    [
      '        /* iot-netlint-disable-line */ "publicNetworkAccess": "Enabled"',
      'This directive suppresses nothing: no finding is on the line it names.',
      '        "publicNetworkAccess": "Enabled"',
    ],
    [
      '        // iot-netlint-disable-next-line restrict-outbound-value-type, iothub-identity-missing -- a string on purpose\n        "restrictOutboundNetworkAccess": "true"',
      "'iothub-identity-missing' in this directive suppresses nothing: no finding of 'iothub-identity-missing' is on the line it names.",
      '        // iot-netlint-disable-next-line restrict-outbound-value-type -- a string on purpose\n        "restrictOutboundNetworkAccess": "true"',
    ],
    [
      '        // iot-netlint-disable-next-line restrict-outbound-valu-type restrict-outbound-value-type\n        "restrictOutboundNetworkAccess": "true"',
      "'restrict-outbound-valu-type' in this directive suppresses nothing: 'restrict-outbound-valu-type' is not a rule of iot-netlint.",
      '        // iot-netlint-disable-next-line restrict-outbound-value-type\n        "restrictOutboundNetworkAccess": "true"',
    ],
  ];
  for (const [before, message, after] of CASES) {
    it(message, () => {
      for (const eol of ['\n', '\r\n']) {
        const text = hubTemplate(before).replace(/\n/g, eol);
        const found = unused(text);
        assert.deepStrictEqual(found.map((f) => [f.message, f.severity]), [[message, 'warning']]);
        assert.strictEqual(applyFix({ '/t.json': text }, found[0])['/t.json'], hubTemplate(after).replace(/\n/g, eol));
      }
    });
  }

  it('leaves alone a directive that silences a finding, and Bicep’s own directive', () => {
    assert.deepStrictEqual(unused(hubTemplate('        // iot-netlint-disable-next-line restrict-outbound-value-type\n        "restrictOutboundNetworkAccess": "true"')), []);
    assert.deepStrictEqual(unused(hubTemplate('        // iot-netlint-disable-next-line\n        "restrictOutboundNetworkAccess": "true"')), []);
    const bicep = "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {\n  name: 'h'\n  properties: {\n    #disable-next-line no-hardcoded-env-urls\n    publicNetworkAccess: 'Enabled'\n    // iot-netlint-disable-next-line\n    minTlsVersion: '1.2'\n  }\n}";
    assert.deepStrictEqual(
      unused(bicep, '/main.bicep').map((f) => bicep.slice(f.offset, f.offset + f.length)),
      ['// iot-netlint-disable-next-line'],
    );
  });

  it('removes a directive on the last line of a file with the line break before it', () => {
    const text = '{ "resources": [] }\n// iot-netlint-disable-next-line';
    const found = unused(text);
    assert.strictEqual(applyFix({ '/t.json': text }, found[0])['/t.json'], '{ "resources": [] }');
  });

  it('is reported only when asked for', () => {
    const text = hubTemplate('        "publicNetworkAccess": "Enabled" // iot-netlint-disable-line');
    assert.deepStrictEqual(analyzeTexts({ '/t.json': text }).findings, []);
  });
});

describe('ignore patterns', () => {
  // Each pattern, then paths (relative to the configuration's folder; a trailing / marks a folder) with whether it ignores them.
  const CASES: Array<[string, Record<string, boolean>]> = [
    ['generated', { generated: true, 'generated/': true, 'a/generated/t.json': true, 'generated.json': false, 'a/generatedx/t.json': false }],
    ['generated/', { 'generated/': true, 'a/generated/t.json': true, generated: false, 'x/generated': false }],
    ['/infra/legacy', { 'infra/legacy/': true, 'infra/legacy/t.json': true, 'a/infra/legacy/t.json': false }],
    ['infra/legacy', { 'infra/legacy/t.json': true, 'a/infra/legacy/t.json': false }],
    ['*.parameters.json', { 'main.parameters.json': true, 'a/b/main.parameters.json': true, 'main.json': false }],
    ['tests/**/*.json', { 'tests/t.json': true, 'tests/a/b/t.json': true, 'tests/a/t.bicep': false, 'x/tests/t.json': false }],
    ['**/fixtures', { 'fixtures/t.json': true, 'a/b/fixtures/t.json': true, 'a/fixturesx/t.json': false }],
    ['build/**', { 'build/t.json': true, 'build/a/t.json': true, 'build/': false }],
    ['hub-?.json', { 'hub-1.json': true, 'hub-10.json': false, 'a/hub-x.json': true }],
    ['env-[a-c].bicep', { 'env-a.bicep': true, 'env-c.bicep': true, 'env-d.bicep': false }],
    ['env-[!a].bicep', { 'env-a.bicep': false, 'env-b.bicep': true }],
    ['a+b (1).json', { 'a+b (1).json': true, 'aab (1).json': false }],
  ];
  for (const [pattern, paths] of CASES) {
    it(pattern, () => {
      const list = new IgnoreList([pattern]);
      for (const [p, expected] of Object.entries(paths)) {
        const isFolder = p.endsWith('/');
        assert.strictEqual(list.match(isFolder ? p.slice(0, -1) : p, isFolder) === pattern, expected, `${pattern} on ${p}`);
      }
    });
  }

  it('reads any text as a pattern or says why not, and never throws', () => {
    assert.strictEqual(patternProblem('[z-a]'), "The pattern '[z-a]' has a set of characters that cannot be read.");
    assert.strictEqual(new IgnoreList(['[z-a]', 'x']).match('x', false), 'x', 'a pattern that cannot be read is left out');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '?', '[', ']', '!', '-', '/', '\\', 'a', 'z', '.', '^', '$', '(', ' ') }), fc.string(), (pattern, p) => {
        patternProblem(pattern);
        new IgnoreList([pattern]).match(p, false);
      }),
      { numRuns: 2000 },
    );
  });

  it('never ignores what lies outside the configuration’s folder, and names the first pattern that matches', () => {
    const list = new IgnoreList(['*.json', 't.json']);
    assert.strictEqual(list.match('../t.json', false), undefined);
    assert.strictEqual(list.match('a/t.json', false), '*.json');
    assert.strictEqual(new IgnoreList([]).empty, true);
  });
});
