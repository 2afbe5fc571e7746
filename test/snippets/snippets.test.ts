/**
 * The VS Code snippets of snippets/arm.json and snippets/bicep.json:
 *  - both files are JSON in VS Code's snippet format, with well-formed tab stops;
 *  - every ARM snippet, expanded as inserted (each tab stop at its default),
 *    placed in a deployment template with the resources it refers to, gives
 *    exactly the findings its placeholders are meant to prompt: one
 *    iothub-egress-allowlist-missing-builtin-endpoint for the hub's TODO
 *    entry, nothing else — and nothing once the TODO is replaced;
 *  - a change that breaks what a snippet gets right is reported, so that
 *    "no findings" means the engine read the snippet, not that it missed it;
 *  - the same for every Bicep snippet, placed in a Bicep file with the
 *    resources it names by symbol; and each declares the resource types and
 *    API versions, and writes the literal settings, of its ARM twin.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkAllowListEntry, isBuiltInEndpointShape } from '../../server/src/core/azure/hosts';
import { DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { TOOL_FINDINGS } from '../../server/src/core/findings';
import { analyzeTexts } from '../support/analyze';
import { ROOT } from '../support/paths';
import { quote } from '../../server/src/core/frontends/bicep/writer';
import { expandSnippet, parseSnippet, SnippetSyntaxError, tabStops } from './expand';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

type SnippetFile = Record<string, Snippet>;

const SNIPPETS = path.join(ROOT, 'snippets');
const FILES = ['arm.json', 'bicep.json'] as const;

function readSnippets(file: string): SnippetFile {
  return JSON.parse(fs.readFileSync(path.join(SNIPPETS, file), 'utf8')) as SnippetFile;
}

const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** The placeholder the hub snippet leaves for its built-in endpoint host: a valid host name that is deliberately not iothub-ns-*. */
const BUILTIN_PLACEHOLDER = 'TODO-iothub-ns-HUB-DIGITS-HEX.servicebus.windows.net';
/** A host of the built-in endpoint's documented shape, as a user would paste it. */
const BUILTIN_HOST = 'iothub-ns-contoso-hu-24717165-5d1a0c9e3b.servicebus.windows.net';

const PREFIX = {
  hub: 'iot-netlint-hub-restricted-egress',
  adx: 'iot-netlint-adx-callout-policies',
  role: 'iot-netlint-hub-storage-role',
  privateEndpoint: 'iot-netlint-hub-private-endpoint',
  deviceUpdate: 'iot-netlint-device-update',
} as const;

// ---------------------------------------------------------------------------------------------
// Minimal deployment templates

/** The resources the snippets refer to by their default names, declared so that they produce no finding of their own. */
const SIBLINGS = {
  hub: {
    type: 'Microsoft.Devices/IotHubs',
    apiVersion: '2023-06-30',
    name: 'contoso-hub',
    location: '[resourceGroup().location]',
    sku: { name: 'S1', capacity: 1 },
    identity: { type: 'SystemAssigned' },
    properties: {},
  },
  storage: {
    type: 'Microsoft.Storage/storageAccounts',
    apiVersion: '2023-05-01',
    name: 'contosostorage',
    location: '[resourceGroup().location]',
    sku: { name: 'Standard_LRS' },
    kind: 'StorageV2',
    properties: { minimumTlsVersion: 'TLS1_2' },
  },
};

/** A deployment template whose `resources` hold the given resource texts, written as they are (not re-serialised). */
function template(resources: Array<string | object>): string {
  const items = resources.map((r) => (typeof r === 'string' ? r : JSON.stringify(r, null, '\t')));
  return [
    '{',
    '\t"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '\t"contentVersion": "1.0.0.0",',
    '\t"resources": [',
    items.join(',\n'),
    '\t]',
    '}',
    '',
  ].join('\n');
}

const DOC = '/snippets/azuredeploy.json';

function analyze(text: string) {
  return analyzeTexts({ [DOC]: text }).findings;
}

function describeFindings(findings: ReturnType<typeof analyze>): string {
  return findings.map((f) => `  ${f.ruleId} (${f.severity}): ${f.message}`).join('\n') || '  (none)';
}

/** Asserts that the template parses, and that its findings are exactly these rule ids. */
function assertFindings(text: string, expected: string[], what: string): void {
  const findings = analyze(text);
  const syntax = findings.filter((f) => f.ruleId === TOOL_FINDINGS.syntaxError);
  assert.deepStrictEqual(syntax, [], `${what}: the template does not parse:\n${describeFindings(syntax)}\n${text}`);
  assert.deepStrictEqual(
    findings.map((f) => f.ruleId).sort(),
    [...expected].sort(),
    `${what}: findings differ.\nActual:\n${describeFindings(findings)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The files

describe('snippets: the files', () => {
  for (const file of FILES) {
    describe(file, () => {
      let snippets: SnippetFile;
      before(() => {
        snippets = readSnippets(file);
      });

      it('is JSON: an object of snippets', () => {
        assert.ok(snippets && typeof snippets === 'object' && !Array.isArray(snippets));
        assert.strictEqual(Object.keys(snippets).length, 5);
      });

      it('gives every snippet a prefix, a body and a description', () => {
        for (const [name, s] of Object.entries(snippets)) {
          const prefixes = prefixesOf(s);
          assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.startsWith('iot-netlint-')), `${name}: prefix`);
          assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string')), `${name}: body`);
          assert.ok(typeof s.description === 'string' && s.description.trim().length > 40, `${name}: description`);
          assert.deepStrictEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: no other keys`);
        }
      });

      it('has unique prefixes, and the five it promises', () => {
        const prefixes = Object.values(snippets).flatMap(prefixesOf);
        assert.strictEqual(new Set(prefixes).size, prefixes.length, `duplicate prefix in ${prefixes.join(', ')}`);
        assert.deepStrictEqual([...prefixes].sort(), Object.values(PREFIX).sort());
      });

      it('has well-formed tab stops: numbered 1..n, each with a default or a choice, no conflicting defaults', () => {
        for (const [name, s] of Object.entries(snippets)) {
          const text = Array.isArray(s.body) ? s.body.join('\n') : s.body;
          const stops = tabStops(parseSnippet(text));
          const indexes = [...new Set(stops.map((t) => t.index).filter((i) => i !== 0))].sort((a, b) => a - b);
          assert.ok(indexes.length > 0, `${name}: no tab stops`);
          assert.deepStrictEqual(indexes, indexes.map((_, i) => i + 1), `${name}: tab stops are not numbered 1..n`);
          assert.ok(stops.filter((t) => t.index === 0).length <= 1, `${name}: more than one $0`);
          for (const index of indexes) {
            // What each occurrence would show on its own: a choice's options, a placeholder's default text.
            const shown = stops
              .filter((t) => t.index === index && (t.kind === 'choice' || t.children.length > 0))
              .map((t) => (t.kind === 'choice' ? `|${t.options.join(',')}|` : expandSnippet(serialize(t))));
            assert.ok(shown.length > 0, `${name}: tab stop ${index} has no default`);
            assert.strictEqual(new Set(shown).size, 1, `${name}: tab stop ${index} has different defaults: ${shown.join(' / ')}`);
          }
        }
      });
    });
  }

  it('has the same snippets, by prefix, in both files', () => {
    const arm = Object.values(readSnippets('arm.json')).flatMap(prefixesOf).sort();
    const bicep = Object.values(readSnippets('bicep.json')).flatMap(prefixesOf).sort();
    assert.deepStrictEqual(bicep, arm);
  });
});

/** A placeholder written back as snippet text, to expand it alone. */
function serialize(node: ReturnType<typeof tabStops>[number]): string {
  if (node.kind === 'choice') return `\${${node.index}|${node.options.join(',')}|}`;
  const inner = node.children
    .map((c) => (c.kind === 'text' ? c.value.replace(/[\\$}]/g, (m) => `\\${m}`) : serialize(c)))
    .join('');
  return `\${${node.index}:${inner}}`;
}

// ---------------------------------------------------------------------------------------------
// The expander

describe('snippets: the expander', () => {
  const cases: Array<[string, string, Record<number, string>?]> = [
    ['plain text', 'plain text'],
    ['${1:default}', 'default'],
    ['a ${1|first,second|} b', 'a first b'],
    ['$1$0', ''],
    ['x${1}y${0}z', 'xyz'],
    ['${1:outer ${2:inner} end}', 'outer inner end'],
    ['${1:outer ${2:inner}} $2', 'outer inner inner'],
    ['${1:name} and $1 and ${1}', 'name and name and name'],
    ['$1 before ${1:later}', 'later before later'],
    ['${1|a,b|}=$1', 'a=a'],
    ['${1:a} ${1:b}', 'a a'], // VS Code: the first placeholder with a value wins
    ['\\$fallback \\} \\\\ \\n', '$fallback } \\ \\n'],
    ['${1:x\\}y}', 'x}y'],
    ['${1|a\\,b,c\\|d|}', 'a,b'],
    ['{iothub}/{partition}', '{iothub}/{partition}'],
    ['"capacity": ${1:2}', '"capacity": 2'],
    ['${1:contoso}.host and https://$1/', 'mine.host and https://mine/', { 1: 'mine' }],
    ['${1:outer ${2:inner}}', 'typed', { 1: 'typed' }],
    ['${1:outer ${2:inner}}', 'outer typed', { 2: 'typed' }],
  ];
  for (const [body, expected, values] of cases) {
    it(`expands ${JSON.stringify(body)}${values ? ` with ${JSON.stringify(values)}` : ''}`, () => {
      assert.strictEqual(expandSnippet(body, values), expected);
    });
  }

  it('joins lines of an array body', () => {
    assert.strictEqual(expandSnippet(['{', '\t"a": "${1:b}"', '}']), '{\n\t"a": "b"\n}');
  });

  const errors = ['$fallback', '${TM_FILENAME}', '${1:unclosed', '${1|a,b}', '${1|a,,b|}', '${x}', '$', 'a $ b', '${1/a/b/}', '${1:a ${2:b}'];
  for (const body of errors) {
    it(`rejects ${JSON.stringify(body)}`, () => {
      assert.throws(() => expandSnippet(body), SnippetSyntaxError);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// ARM snippets, analysed

function armSnippet(prefix: string): Snippet {
  const found = Object.values(readSnippets('arm.json')).find((s) => prefixesOf(s).includes(prefix));
  assert.ok(found, `no ARM snippet ${prefix}`);
  return found;
}

function bicepSnippet(prefix: string): Snippet {
  const found = Object.values(readSnippets('bicep.json')).find((s) => prefixesOf(s).includes(prefix));
  assert.ok(found, `no Bicep snippet ${prefix}`);
  return found;
}

/** The index of the tab stop whose default is `text`. */
function indexOfDefault(body: string | string[], text: string): number {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const stop = tabStops(parseSnippet(source)).find((t) => t.kind === 'tabstop' && t.children.length > 0 && expandSnippet(serialize(t)) === text);
  assert.ok(stop, `no tab stop with the default ${text}`);
  return stop.index;
}

/** Every choice option of the body, one at a time: index → options. */
function choicesOf(body: string | string[]): Map<number, string[]> {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const out = new Map<number, string[]>();
  for (const t of tabStops(parseSnippet(source))) if (t.kind === 'choice' && !out.has(t.index)) out.set(t.index, t.options);
  return out;
}

interface ArmCase {
  prefix: string;
  /** The resources the snippet refers to. */
  siblings: object[];
  /** Rule ids the default expansion must produce, and nothing else. */
  expected: string[];
  /** Typed values that complete the snippet: then it is clean. */
  completed?: (body: string | string[]) => Record<number, string>;
}

const ARM_CASES: ArmCase[] = [
  {
    prefix: PREFIX.hub,
    siblings: [],
    expected: ['iothub-egress-allowlist-missing-builtin-endpoint'],
    completed: (body) => ({ [indexOfDefault(body, BUILTIN_PLACEHOLDER)]: BUILTIN_HOST }),
  },
  { prefix: PREFIX.adx, siblings: [], expected: [] },
  { prefix: PREFIX.role, siblings: [SIBLINGS.hub, SIBLINGS.storage], expected: [] },
  { prefix: PREFIX.privateEndpoint, siblings: [SIBLINGS.hub], expected: [] },
  { prefix: PREFIX.deviceUpdate, siblings: [SIBLINGS.hub], expected: [] },
];

/** How snippets of one language are placed in a file and checked. */
interface Language<Sibling> {
  name: string;
  snippet: (prefix: string) => Snippet;
  /** A file holding the siblings and the expanded snippet. */
  file: (siblings: Sibling[], expanded: string) => string;
  check: (text: string, expected: string[], what: string) => void;
  cases: Array<Omit<ArmCase, 'siblings'> & { siblings: Sibling[] }>;
  siblings: Sibling[];
}

/** Each snippet of a language, expanded as inserted, with filled-in placeholders and with every choice. */
function describeInserted<Sibling>(language: Language<Sibling>): void {
  describe(`snippets: ${language.name}, analysed as inserted`, () => {
    it('declares siblings that are clean on their own', () => {
      language.check(language.file(language.siblings, ''), [], 'siblings alone');
    });

    for (const c of language.cases) {
      describe(c.prefix, () => {
        it(`gives ${c.expected.length ? c.expected.join(', ') : 'no finding'} with every tab stop at its default`, () => {
          language.check(language.file(c.siblings, expandSnippet(language.snippet(c.prefix).body)), c.expected, c.prefix);
        });

        if (c.completed) {
          it('gives no finding once the placeholder is filled in', () => {
            const body = language.snippet(c.prefix).body;
            language.check(language.file(c.siblings, expandSnippet(body, c.completed!(body))), [], `${c.prefix}, completed`);
          });
        }

        it('gives the same findings with every option of every choice', () => {
          const body = language.snippet(c.prefix).body;
          const base = c.completed ? c.completed(body) : {};
          const expected = c.completed ? [] : c.expected;
          for (const [index, options] of choicesOf(body)) {
            for (const option of options) {
              language.check(language.file(c.siblings, expandSnippet(body, { ...base, [index]: option })), expected, `${c.prefix} with $${index} = ${option}`);
            }
          }
        });
      });
    }
  });
}

describeInserted<object>({
  name: 'ARM',
  snippet: armSnippet,
  file: (siblings, expanded) => template(expanded ? [...siblings, expanded] : siblings),
  check: assertFindings,
  cases: ARM_CASES,
  siblings: [SIBLINGS.hub, SIBLINGS.storage],
});

describe('snippets: ARM, what the engine reads of them', () => {
  it('hub: the finding is on the allow list of the snippet\'s hub, and names no exact host', () => {
    const text = template([expandSnippet(armSnippet(PREFIX.hub).body)]);
    const [finding] = analyze(text);
    assert.strictEqual(finding.ruleId, 'iothub-egress-allowlist-missing-builtin-endpoint');
    assert.match(text.slice(finding.offset, finding.offset + finding.length), /allowedFqdnList/);
    assert.match(finding.message, /Hub 'contoso-hub'/);
    // No exact host is known before deployment, so no fix guesses one.
    assert.deepStrictEqual(finding.fixes, []);
  });

  it('hub: the TODO placeholder is a valid host name, not of the built-in endpoint\'s shape (so only the missing-endpoint rule speaks)', () => {
    assert.strictEqual(isBuiltInEndpointShape(BUILTIN_PLACEHOLDER, DEFAULT_CLOUD), false);
    assert.deepStrictEqual(checkAllowListEntry(BUILTIN_PLACEHOLDER).problems, []);
    assert.strictEqual(isBuiltInEndpointShape(BUILTIN_HOST, DEFAULT_CLOUD), true);
    const expanded = expandSnippet(armSnippet(PREFIX.hub).body);
    assert.deepStrictEqual(JSON.parse(expanded).properties.allowedFqdnList, [BUILTIN_PLACEHOLDER, 'contosostorage.blob.core.windows.net']);
  });

  it('hub: the storage host must stay in the allow list (the routing endpoint is read)', () => {
    const body = armSnippet(PREFIX.hub).body;
    const text = expandSnippet(body, { [indexOfDefault(body, BUILTIN_PLACEHOLDER)]: BUILTIN_HOST }).replace('"contosostorage.blob.core.windows.net"', '"other.blob.core.windows.net"');
    assertFindings(template([text]), ['iothub-egress-allowlist-missing-endpoint'], 'hub without its storage host');
  });

  it('hub: without the system-assigned identity, the identity-based endpoint is reported', () => {
    const body = armSnippet(PREFIX.hub).body;
    const hub = JSON.parse(expandSnippet(body, { [indexOfDefault(body, BUILTIN_PLACEHOLDER)]: BUILTIN_HOST }));
    delete hub.identity;
    assertFindings(template([hub]), ['iothub-identity-missing'], 'hub without identity');
  });

  it('cluster: the callout pattern is the narrow one the docs show, and an older API version is reported', () => {
    const expanded = expandSnippet(armSnippet(PREFIX.adx).body);
    const cluster = JSON.parse(expanded);
    assert.ok(cluster.apiVersion >= '2024-04-13', cluster.apiVersion);
    assert.strictEqual(cluster.properties.restrictOutboundNetworkAccess, 'Enabled');
    assert.strictEqual(cluster.properties.allowedFqdnList, undefined);
    const [policy] = cluster.properties.calloutPolicies;
    assert.deepStrictEqual(policy, { calloutType: 'sql', calloutUriRegex: 'contoso-sql\\.database\\.windows\\.net/?$', outboundAccess: 'Allow' });
    const pattern = new RegExp(policy.calloutUriRegex);
    assert.ok(pattern.test('contoso-sql.database.windows.net'));
    assert.ok(!pattern.test('contoso-sqlxdatabase.windows.net'));
    assert.ok(!pattern.test('https://attacker.example.org/exfiltrate'));
    assertFindings(template([expanded.replace('"2024-04-13"', '"2023-08-15"')]), ['restrict-outbound-api-version'], 'cluster at 2023-08-15');
  });

  it('role assignment: the engine sees the hub identity and the storage scope (Contributor instead is reported)', () => {
    const expanded = expandSnippet(armSnippet(PREFIX.role).body);
    assert.match(expanded, /ba92f5b4-2d11-453d-a403-e96b0029c9fe/);
    const contributor = expanded.replace(/ba92f5b4-2d11-453d-a403-e96b0029c9fe/g, 'b24988ac-6180-42a0-ab88-20f7382dd24c');
    assertFindings(template([SIBLINGS.hub, SIBLINGS.storage, contributor]), ['iothub-identity-broad-role'], 'Contributor');
  });

  it('private endpoint: the engine sees the hub as its target (a wrong group id or zone is reported)', () => {
    const expanded = expandSnippet(armSnippet(PREFIX.privateEndpoint).body);
    assertFindings(template([SIBLINGS.hub, expanded.replace('"iotHub"', '"cluster"')]), ['private-endpoint-group-id'], 'group id cluster');
    const wrongZones = expanded.replace(/privatelink\.(azure-devices|servicebus\.windows)\.net/g, 'privatelink.blob.core.windows.net');
    assertFindings(template([SIBLINGS.hub, wrongZones]), ['private-dns-zone-mismatch'], 'blob zones');
  });

  it('Device Update: the engine follows the link to the hub (a hub closed to the internet is reported)', () => {
    const closed = {
      ...SIBLINGS.hub,
      properties: {
        publicNetworkAccess: 'Disabled',
        routing: { fallbackRoute: { name: '$fallback', source: 'DeviceMessages', condition: 'true', endpointNames: ['events'], isEnabled: false } },
      },
    };
    assertFindings(template([closed]), [], 'the closed hub alone');
    assertFindings(template([closed, expandSnippet(armSnippet(PREFIX.deviceUpdate).body)]), ['deviceupdate-hub-public-access-disabled'], 'linked to a closed hub');
  });

  describe('all five together, with the storage account', () => {
    const all = (values: { hub?: Record<number, string> } = {}, without?: string) =>
      template([
        SIBLINGS.storage,
        ...Object.values(PREFIX)
          .filter((p) => p !== without)
          .map((p) => expandSnippet(armSnippet(p).body, p === PREFIX.hub ? values.hub : {})),
      ]);
    const completedHub = () => {
      const body = armSnippet(PREFIX.hub).body;
      return { [indexOfDefault(body, BUILTIN_PLACEHOLDER)]: BUILTIN_HOST };
    };

    it('gives only the TODO finding as inserted, and nothing once it is filled in', () => {
      assertFindings(all(), ['iothub-egress-allowlist-missing-builtin-endpoint'], 'all five');
      assertFindings(all({ hub: completedHub() }), [], 'all five, completed');
    });

    it('needs the role assignment: without it, the hub identity lacks the data role', () => {
      assertFindings(all({ hub: completedHub() }, PREFIX.role), ['iothub-identity-role-missing'], 'all but the role assignment');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// What an ARM snippet declares and writes literally, for the comparison with its Bicep twin

/** Resource types with API versions an ARM resource declares, nested children with their full type. */
function armDeclarations(resource: Record<string, unknown>, parentType?: string): string[] {
  const own = String(resource.type);
  const type = parentType && !own.includes('.') ? `${parentType}/${own}` : own;
  const children = Array.isArray(resource.resources) ? (resource.resources as Array<Record<string, unknown>>) : [];
  return [`${type}@${resource.apiVersion}`, ...children.flatMap((c) => armDeclarations(c, type))];
}

type Literal = string | number | boolean | null;

/**
 * The settings an ARM resource writes literally (not as `[expressions]`),
 * with their property names (undefined for array items), nested children
 * included; and the GUIDs and host names quoted inside its expressions,
 * with the property that holds the expression.
 * The resource's own type, apiVersion, dependsOn and scope are left out:
 * Bicep writes them otherwise.
 */
function armLiterals(resource: Record<string, unknown>): { settings: Array<{ key?: string; value: Literal }>; quoted: Array<{ key?: string; text: string }> } {
  const settings: Array<{ key?: string; value: Literal }> = [];
  const quoted: Array<{ key?: string; text: string }> = [];
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (typeof value === 'string' && value.startsWith('[') && !value.startsWith('[[')) {
      for (const m of value.matchAll(/'([^']*)'/g)) {
        if (/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(m[1]) || /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(m[1])) quoted.push({ key, text: m[1] });
      }
    } else settings.push({ key, value: value as Literal });
  };
  for (const [k, v] of Object.entries(resource)) {
    if (k === 'resources') (v as Array<Record<string, unknown>>).forEach((child) => {
      const inner = armLiterals(child);
      settings.push(...inner.settings);
      quoted.push(...inner.quoted);
    });
    else if (!['type', 'apiVersion', 'dependsOn', 'scope'].includes(k)) walk(v, k);
  }
  return { settings, quoted };
}

// ---------------------------------------------------------------------------------------------
// Bicep snippets, analysed

/** The resources the Bicep snippets refer to by symbol (`iotHub`, `storageAccount`), declared so that they produce no finding of their own. */
const BICEP_SIBLINGS = {
  hub: [
    "resource iotHub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
    "\tname: 'contoso-hub'",
    '\tlocation: resourceGroup().location',
    "\tsku: {\n\t\tname: 'S1'\n\t\tcapacity: 1\n\t}",
    "\tidentity: {\n\t\ttype: 'SystemAssigned'\n\t}",
    '\tproperties: {}',
    '}',
  ].join('\n'),
  storage: [
    "resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {",
    "\tname: 'contosostorage'",
    '\tlocation: resourceGroup().location',
    "\tsku: {\n\t\tname: 'Standard_LRS'\n\t}",
    "\tkind: 'StorageV2'",
    "\tproperties: {\n\t\tminimumTlsVersion: 'TLS1_2'\n\t}",
    '}',
  ].join('\n'),
};

const BICEP_DOC = '/snippets/main.bicep';

function bicepFile(declarations: string[]): string {
  return declarations.join('\n\n') + '\n';
}

function assertBicepFindings(text: string, expected: string[], what: string): void {
  const result = analyzeTexts({ [BICEP_DOC]: text });
  const syntax = result.findings.filter((f) => f.ruleId === TOOL_FINDINGS.syntaxError);
  assert.deepStrictEqual(syntax, [], `${what}: the file does not parse:\n${describeFindings(syntax)}\n${text}`);
  assert.deepStrictEqual(result.findings.map((f) => f.ruleId).sort(), [...expected].sort(), `${what}: findings differ.\nActual:\n${describeFindings(result.findings)}\n${text}`);
}

/** The same cases as the ARM snippets, with the Bicep siblings. */
const BICEP_CASES = ARM_CASES.map((c) => ({
  ...c,
  siblings: c.siblings.map((s) => (s === SIBLINGS.hub ? BICEP_SIBLINGS.hub : BICEP_SIBLINGS.storage)),
}));

describeInserted<string>({
  name: 'Bicep',
  snippet: bicepSnippet,
  file: (siblings, expanded) => bicepFile(expanded ? [...siblings, expanded] : siblings),
  check: assertBicepFindings,
  cases: BICEP_CASES,
  siblings: [BICEP_SIBLINGS.hub, BICEP_SIBLINGS.storage],
});

describe('snippets: Bicep, beside their ARM twins', () => {
  for (const c of BICEP_CASES) {
    describe(c.prefix, () => {
      it('declares the resource types and API versions of its ARM twin', () => {
        const bicep = analyzeTexts({ [BICEP_DOC]: expandSnippet(bicepSnippet(c.prefix).body) }).resources.filter((r) => r.doc === BICEP_DOC);
        const arm = armDeclarations(JSON.parse(expandSnippet(armSnippet(c.prefix).body)));
        assert.deepStrictEqual(bicep.map((r) => `${r.type}@${r.apiVersion?.kind === 'string' ? r.apiVersion.value : '?'}`).sort(), arm.sort());
      });

      it('writes every literal setting of its ARM twin, and the same role and zone names', () => {
        const lines = expandSnippet(bicepSnippet(c.prefix).body).split('\n').map((l) => l.trim());
        const { settings, quoted } = armLiterals(JSON.parse(expandSnippet(armSnippet(c.prefix).body)));
        assert.ok(settings.length > 0);
        const literal = (value: Literal) => (typeof value === 'string' ? quote(value) : String(value));
        const missing = settings.filter(({ key, value }) => !lines.includes(key === undefined ? literal(value) : `${key}: ${literal(value)}`));
        assert.deepStrictEqual(missing, [], 'settings of the ARM snippet that the Bicep snippet does not write alike');
        for (const { key, text } of quoted) {
          const holders = lines.filter((l) => (key === undefined ? true : l.startsWith(`${key}:`)));
          assert.ok(holders.some((l) => l.includes(`'${text}'`)), `no Bicep line ${key ? `${key}: … ` : ''}quotes '${text}'`);
        }
      });
    });
  }
});

describe('snippets: Bicep, what the engine reads of them', () => {
  const hubCompleted = () => {
    const body = bicepSnippet(PREFIX.hub).body;
    return expandSnippet(body, { [indexOfDefault(body, BUILTIN_PLACEHOLDER)]: BUILTIN_HOST });
  };
  const cases: Array<{ what: string; declarations: () => string[]; expected: string[] }> = [
    {
      what: 'hub without its storage host in the allow list',
      declarations: () => [hubCompleted().replace("'contosostorage.blob.core.windows.net'", "'other.blob.core.windows.net'")],
      expected: ['iothub-egress-allowlist-missing-endpoint'],
    },
    {
      what: 'hub without its system-assigned identity',
      declarations: () => [hubCompleted().replace(/\tidentity: \{\n\t\ttype: 'SystemAssigned'\n\t\}\n/, '')],
      expected: ['iothub-identity-missing'],
    },
    {
      what: 'cluster at an API version without callout policies',
      declarations: () => [expandSnippet(bicepSnippet(PREFIX.adx).body).replace('@2024-04-13', '@2023-08-15')],
      expected: ['restrict-outbound-api-version'],
    },
    {
      what: 'role assignment giving Contributor',
      declarations: () => [BICEP_SIBLINGS.hub, BICEP_SIBLINGS.storage, expandSnippet(bicepSnippet(PREFIX.role).body).replace(/ba92f5b4-2d11-453d-a403-e96b0029c9fe/g, 'b24988ac-6180-42a0-ab88-20f7382dd24c')],
      expected: ['iothub-identity-broad-role'],
    },
    {
      what: 'private endpoint with the group id of a cluster',
      declarations: () => [BICEP_SIBLINGS.hub, expandSnippet(bicepSnippet(PREFIX.privateEndpoint).body).replace("'iotHub'", "'cluster'")],
      expected: ['private-endpoint-group-id'],
    },
    {
      what: 'private endpoint with blob zones',
      declarations: () => [BICEP_SIBLINGS.hub, expandSnippet(bicepSnippet(PREFIX.privateEndpoint).body).replace(/privatelink\.(azure-devices|servicebus\.windows)\.net/g, 'privatelink.blob.core.windows.net')],
      expected: ['private-dns-zone-mismatch'],
    },
    {
      what: 'Device Update linked to a hub closed to the internet',
      declarations: () => [
        BICEP_SIBLINGS.hub.replace(
          '\tproperties: {}',
          "\tproperties: {\n\t\tpublicNetworkAccess: 'Disabled'\n\t\trouting: {\n\t\t\tfallbackRoute: {\n\t\t\t\tname: '$fallback'\n\t\t\t\tsource: 'DeviceMessages'\n\t\t\t\tcondition: 'true'\n\t\t\t\tendpointNames: [\n\t\t\t\t\t'events'\n\t\t\t\t]\n\t\t\t\tisEnabled: false\n\t\t\t}\n\t\t}\n\t}",
        ),
        expandSnippet(bicepSnippet(PREFIX.deviceUpdate).body),
      ],
      expected: ['deviceupdate-hub-public-access-disabled'],
    },
  ];
  for (const c of cases) {
    it(`reports the ${c.what}`, () => {
      const declarations = c.declarations();
      assert.ok(declarations.every((d) => !d.includes('TODO')), 'a case starts from a completed snippet');
      assertBicepFindings(bicepFile(declarations), c.expected, c.what);
    });
  }

  describe('all five together, with the storage account', () => {
    const all = (completed: boolean, without?: string) =>
      bicepFile([
        BICEP_SIBLINGS.storage,
        ...Object.values(PREFIX)
          .filter((p) => p !== without)
          .map((p) => (p === PREFIX.hub ? (completed ? hubCompleted() : expandSnippet(bicepSnippet(p).body)) : expandSnippet(bicepSnippet(p).body))),
      ]);

    it('gives only the TODO finding as inserted, and nothing once it is filled in', () => {
      assertBicepFindings(all(false), ['iothub-egress-allowlist-missing-builtin-endpoint'], 'all five');
      assertBicepFindings(all(true), [], 'all five, completed');
    });

    it('needs the role assignment: without it, the hub identity lacks the data role', () => {
      assertBicepFindings(all(true, PREFIX.role), ['iothub-identity-role-missing'], 'all but the role assignment');
    });
  });
});

describe('snippets: the checks against the ARM twins', () => {
  it('tells an ARM twin that differs', () => {
    const arm = armDeclarations({ type: 'Microsoft.X/a', apiVersion: '2024-01-01', resources: [{ type: 'b', apiVersion: '2024-01-01' }] });
    assert.deepStrictEqual(arm, ['Microsoft.X/a@2024-01-01', 'Microsoft.X/a/b@2024-01-01']);
    const { settings } = armLiterals({ type: 'T', apiVersion: 'v', name: 'n', properties: { on: true, list: ['x'], ref: "[resourceId('T', 'n')]" } });
    assert.deepStrictEqual(settings, [{ key: 'name', value: 'n' }, { key: 'on', value: true }, { key: undefined, value: 'x' }]);
    const role = armLiterals({ type: 'T', apiVersion: 'v', properties: { roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')]" } });
    assert.deepStrictEqual(role.quoted, [{ key: 'roleDefinitionId', text: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' }]);
  });
});
