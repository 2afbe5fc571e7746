/**
 * The TextMate grammars in syntaxes/: focused checks on small inline samples
 * (no corpus needed), and a run over every Bicep and .azcli file of the
 * shared corpus: no line runs into the tokenizer's time limit (the mark of a
 * catastrophic regular expression; timings are reported, not asserted), and a valid file leaves the
 * grammar back at its root state (no string, comment or bracket left open).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { IGrammar } from 'vscode-textmate';
import { GRAMMAR_FILES, INITIAL, compileRegex, StateStack, Token, loadGrammar, splitLines, tokenizeLine, tokenizeText } from '../support/grammar';
import { CORPUS, listFiles, requireCorpus } from '../support/paths';

/** The line tokenized after each valid file: it must start with a declaration keyword again. */
const SENTINEL = 'param x int';

// ---------------------------------------------------------------- helpers

function tokens(grammar: IGrammar, text: string): Token[] {
  return tokenizeText(grammar, text).lines.flat();
}

/** The scopes of the nth token whose text is exactly `text` (asserting that there is one). */
function scopesOf(all: Token[], text: string, nth = 0): string[] {
  const found = all.filter((t) => t.text === text);
  assert.ok(found.length > nth, `no token ${JSON.stringify(text)} (#${nth}) in ${JSON.stringify(all.map((t) => t.text))}`);
  return found[nth].scopes;
}

function expectScope(all: Token[], text: string, scope: string, nth = 0): void {
  const scopes = scopesOf(all, text, nth);
  assert.ok(scopes.includes(scope), `${JSON.stringify(text)} has ${scope}; it has ${scopes.join(' ')}`);
}

function expectNoScope(all: Token[], text: string, scopePrefix: string, nth = 0): void {
  const scopes = scopesOf(all, text, nth);
  assert.ok(
    !scopes.some((s) => s === scopePrefix || s.startsWith(scopePrefix + '.')),
    `${JSON.stringify(text)} has no ${scopePrefix}*; it has ${scopes.join(' ')}`,
  );
}

function endsAtRoot(grammar: IGrammar, text: string): boolean {
  return tokenizeText(grammar, text).state.depth === INITIAL.depth;
}

interface FileRun {
  lines: number;
  totalMs: number;
  maxLineMs: number;
  maxLineNo: number;
  state: StateStack;
}

/**
 * Tokenizes a file line by line as an editor does, timing every line for the
 * report. A line that runs into the tokenizer's time limit of a second fails:
 * a catastrophic regular expression takes that long on any machine.
 */
function runFile(grammar: IGrammar, text: string): FileRun {
  let state = INITIAL;
  let maxLineMs = 0;
  let maxLineNo = 0;
  const started = process.hrtime.bigint();
  const lines = splitLines(text);
  lines.forEach((line, i) => {
    const t0 = process.hrtime.bigint();
    const r = grammar.tokenizeLine(line, state, 1000);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(!r.stoppedEarly, `line ${i + 1} stopped early (over 1 s)`);
    if (ms > maxLineMs) {
      maxLineMs = ms;
      maxLineNo = i + 1;
    }
    state = r.ruleStack;
  });
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { lines: lines.length, totalMs, maxLineMs, maxLineNo, state };
}

/** path (relative to bicep-conformance, with '/') -> valid | syntax-error | no-crash */
function readExpectations(folder: string): Map<string, string> {
  const map = new Map<string, string>();
  const csv = path.join(folder, 'EXPECTED.csv');
  if (!fs.existsSync(csv)) return map;
  const [header, ...rows] = splitLines(fs.readFileSync(csv, 'utf8')).filter((l) => l.trim() !== '');
  const cols = header.split(',');
  const pathCol = cols.indexOf('path');
  const expectedCol = cols.indexOf('expected');
  for (const row of rows) {
    const cells = row.split(',');
    map.set(cells[pathCol], cells[expectedCol]);
  }
  return map;
}

interface FolderReport {
  folder: string;
  files: number;
  lines: number;
  checkedAtRoot: number;
  offRootNotValid: number;
  maxLineMs: number;
  maxLineAt: string;
  totalMs: number;
}

const reports: FolderReport[] = [];

/**
 * Tokenizes every file; asserts the per-line and per-file time limits for all
 * of them, and for those `mustEndAtRoot` says are valid, that the state is the
 * root one at the end and that the sentinel line gets its keyword scope.
 */
function checkFolder(
  grammar: IGrammar,
  folder: string,
  files: string[],
  mustEndAtRoot: (file: string) => boolean,
  sentinel?: { line: string; text: string; scope: string },
): FolderReport {
  const failures: string[] = [];
  const report: FolderReport = {
    folder: path.relative(CORPUS, folder) || '.',
    files: 0,
    lines: 0,
    checkedAtRoot: 0,
    offRootNotValid: 0,
    maxLineMs: 0,
    maxLineAt: '',
    totalMs: 0,
  };
  for (const file of files) {
    const rel = path.relative(folder, file);
    let run: FileRun;
    try {
      run = runFile(grammar, fs.readFileSync(file, 'utf8'));
    } catch (e) {
      failures.push(`${rel}: ${(e as Error).message}`);
      continue;
    }
    report.files++;
    report.lines += run.lines;
    report.totalMs += run.totalMs;
    if (run.maxLineMs > report.maxLineMs) {
      report.maxLineMs = run.maxLineMs;
      report.maxLineAt = `${rel}:${run.maxLineNo}`;
    }
    if (mustEndAtRoot(file)) {
      report.checkedAtRoot++;
      if (run.state.depth !== INITIAL.depth) failures.push(`${rel}: ends with rule stack depth ${run.state.depth}, not ${INITIAL.depth}`);
      if (sentinel) {
        const after = tokenizeLine(grammar, sentinel.line, run.state).tokens;
        const t = after.find((x) => x.text === sentinel.text);
        if (!t || !t.scopes.includes(sentinel.scope)) {
          failures.push(`${rel}: the line "${sentinel.line}" after it gets ${t ? t.scopes.join(' ') : 'no token ' + sentinel.text}`);
        }
      }
    } else if (run.state.depth !== INITIAL.depth) {
      report.offRootNotValid++;
    }
  }
  reports.push(report);
  assert.ok(report.files > 0, `no files in ${folder}`);
  assert.deepStrictEqual(failures.slice(0, 20), [], `${failures.length} problem(s) in ${report.folder}`);
  return report;
}

// ---------------------------------------------------------------- the grammar files

interface RawRule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
  repository?: Record<string, RawRule>;
}

/** Every rule of a grammar, nested ones and captures included. */
function allRules(rule: RawRule, out: RawRule[] = []): RawRule[] {
  out.push(rule);
  for (const r of rule.patterns ?? []) allRules(r, out);
  for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) for (const r of Object.values(caps ?? {})) allRules(r, out);
  for (const r of Object.values(rule.repository ?? {})) allRules(r, out);
  return out;
}

describe('grammars: the grammar files', () => {
  for (const [scopeName, file] of Object.entries(GRAMMAR_FILES)) {
    it(`${path.basename(file)}: is ${scopeName}, its includes resolve and its regular expressions compile`, async () => {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawRule & { scopeName: string };
      assert.strictEqual(raw.scopeName, scopeName);
      const rules = allRules(raw);
      const repository = raw.repository ?? {};
      for (const r of rules) {
        // vscode-textmate ignores an include it cannot resolve: a typo would go unnoticed
        if (r.include && r.include !== '$self' && r.include !== '$base') {
          assert.ok(r.include.startsWith('#') && r.include.slice(1) in repository, `include ${r.include} resolves`);
        }
        for (const re of [r.match, r.begin, r.end]) if (re !== undefined) await compileRegex(re);
      }
      // every repository entry is used
      const included = new Set(rules.map((r) => r.include));
      for (const key of Object.keys(repository)) assert.ok(included.has(`#${key}`), `#${key} is included somewhere`);
      assert.ok((await loadGrammar(scopeName)) !== null);
    });
  }
});

// ---------------------------------------------------------------- Bicep, inline

describe('grammars: Bicep (inline samples)', () => {
  let bicep: IGrammar;
  before(async () => {
    bicep = await loadGrammar('source.bicep');
  });

  it('scopes declaration keywords and the names they declare', () => {
    const t = tokens(
      bicep,
      [
        "targetScope = 'resourceGroup'",
        "metadata info = 'x'",
        'param location string = resourceGroup().location',
        "var prefix = 'iot'",
        "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
        '}',
        "module net 'modules/net.bicep' = {",
        '}',
        'output hubId string = hub.id',
        'type port = int',
        "func greet(name string) string => 'hi ${name}'",
        'assert ok = true',
        "extension 'br:mcr.microsoft.com/bicep/extensions/x/v1:1.0.0' with { a: 1 } as ext",
        "import { a, b as c } from 'mod.bicep'",
        "import * as mod from 'mod.bicep'",
      ].join('\n'),
    );
    for (const kw of ['targetScope', 'metadata', 'param', 'var', 'resource', 'module', 'output', 'type', 'func', 'assert', 'extension', 'import']) {
      expectScope(t, kw, 'keyword.control.declaration.bicep');
    }
    for (const name of ['info', 'location', 'prefix', 'hub', 'net', 'hubId', 'ok']) {
      expectScope(t, name, 'entity.name.variable.declaration.bicep');
    }
    expectScope(t, 'port', 'entity.name.type.bicep');
    expectScope(t, 'greet', 'entity.name.function.bicep');
    expectScope(t, 'string', 'support.type.primitive.bicep');
    expectScope(t, 'c', 'entity.name.variable.alias.bicep');
    expectScope(t, 'ext', 'entity.name.variable.alias.bicep');
    expectScope(t, 'mod', 'entity.name.variable.alias.bicep');
    expectScope(t, '*', 'keyword.operator.wildcard.bicep');
    for (const kw of ['with', 'as', 'from']) expectScope(t, kw, 'keyword.control.bicep');
  });

  it('scopes the .bicepparam keywords using and none', () => {
    const t = tokens(bicep, "using './main.bicep'\nparam name = 'x'");
    expectScope(t, 'using', 'keyword.control.declaration.bicep');
    expectScope(t, 'param', 'keyword.control.declaration.bicep');
    expectScope(t, 'name', 'entity.name.variable.declaration.bicep');
    const none = tokens(bicep, 'using none');
    expectScope(none, 'using', 'keyword.control.declaration.bicep');
    expectScope(none, 'none', 'constant.language.none.bicep');
  });

  it('scopes existing, if, for, in and the literals true, false, null', () => {
    const t = tokens(
      bicep,
      [
        "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {",
        "  name: 'sa'",
        '}',
        "resource pe 'Microsoft.Network/privateEndpoints@2023-05-01' = if (deploy) {",
        '  properties: {',
        '    subnets: [for (s, i) in subnets: s.id]',
        '    enabled: true',
        '    disabled: false',
        '    nothing: null',
        '  }',
        '}',
      ].join('\n'),
    );
    expectScope(t, 'existing', 'keyword.control.bicep');
    expectScope(t, 'if', 'keyword.control.bicep');
    expectScope(t, 'for', 'keyword.control.bicep');
    expectScope(t, 'in', 'keyword.control.bicep');
    expectScope(t, 'true', 'constant.language.boolean.true.bicep');
    expectScope(t, 'false', 'constant.language.boolean.false.bicep');
    expectScope(t, 'null', 'constant.language.null.bicep');
  });

  it('does not take keywords used as property keys or member names for keywords', () => {
    const t = tokens(bicep, "var o = {\n  type: 'SystemAssigned'\n  resource: x.type\n  if: 1\n}");
    expectScope(t, 'type', 'variable.other.property.bicep');
    expectNoScope(t, 'type', 'keyword');
    expectScope(t, 'resource', 'variable.other.property.bicep');
    expectNoScope(t, 'resource', 'keyword');
    expectScope(t, 'type', 'variable.other.property.bicep', 1);
    expectNoScope(t, 'type', 'keyword', 1);
    expectNoScope(t, 'if', 'keyword');
  });

  it('scopes property keys in objects: identifiers, quoted keys, one-line objects, optional keys in types', () => {
    const t = tokens(
      bicep,
      ["var o = {", "  name: 'n'", "  'my-key': 1", '  nested: { a: 1, b: 2 }', '  pick: cond ? left : right', '}', 'type t = {', '  opt?: string', '}'].join('\n'),
    );
    for (const key of ['name', 'nested', 'a', 'b', 'pick', 'opt']) {
      expectScope(t, key, 'meta.object-literal.key.bicep');
      expectScope(t, key, 'variable.other.property.bicep');
    }
    expectScope(t, 'my-key', 'meta.object-literal.key.bicep');
    expectScope(t, 'my-key', 'string.quoted.single.bicep');
    expectScope(t, ':', 'punctuation.separator.key-value.bicep');
    // the ternary's branches are not keys
    expectScope(t, 'left', 'variable.other.readwrite.bicep');
    expectNoScope(t, 'left', 'meta.object-literal.key');
    expectScope(t, '?', 'keyword.operator.ternary.bicep');
    expectScope(t, '?', 'keyword.operator.optional.bicep', 1);
  });

  it('scopes single-quoted strings', () => {
    const t = tokens(bicep, "var s = 'hello world'");
    expectScope(t, "'", 'punctuation.definition.string.begin.bicep', 0);
    expectScope(t, 'hello world', 'string.quoted.single.bicep');
    expectScope(t, "'", 'punctuation.definition.string.end.bicep', 1);
  });

  it("scopes interpolation: '${name}-x' has the template punctuation and an inner variable", () => {
    const t = tokens(bicep, "var s = '${name}-x'");
    expectScope(t, '${', 'punctuation.definition.template-expression.begin.bicep');
    expectScope(t, '${', 'meta.template.expression.bicep');
    expectScope(t, 'name', 'variable.other.readwrite.bicep');
    expectScope(t, 'name', 'meta.embedded.line.bicep');
    expectScope(t, 'name', 'string.quoted.single.bicep');
    expectScope(t, '}', 'punctuation.definition.template-expression.end.bicep');
    expectScope(t, '-x', 'string.quoted.single.bicep');
    expectNoScope(t, '-x', 'meta.template.expression');
  });

  it('highlights nested expressions inside interpolation as code, including strings and objects', () => {
    const t = tokens(bicep, "var s = '${toLower(concat('a', '${b}'))}/${{ k: 1 }.k}/${x.?y ?? 2}'\nparam after int");
    expectScope(t, 'toLower', 'entity.name.function.bicep');
    expectScope(t, 'toLower', 'meta.embedded.line.bicep');
    expectScope(t, 'a', 'string.quoted.single.bicep');
    expectScope(t, 'b', 'variable.other.readwrite.bicep');
    expectScope(t, 'k', 'meta.object-literal.key.bicep');
    expectScope(t, '1', 'constant.numeric.bicep');
    expectScope(t, '??', 'keyword.operator.coalesce.bicep');
    expectScope(t, '/', 'string.quoted.single.bicep');
    expectScope(t, 'param', 'keyword.control.declaration.bicep');
    expectNoScope(t, 'param', 'string');
  });

  it('scopes the escapes \\\' \\\\ \\n \\r \\t \\$ \\u{...}; \\${ is not interpolation; an unknown escape is invalid', () => {
    const t = tokens(bicep, "var s = 'it\\'s \\\\ \\n \\r \\t \\${no} \\u{1F600} \\q'");
    for (const e of ["\\'", '\\\\', '\\n', '\\r', '\\t', '\\$', '\\u{1F600}']) expectScope(t, e, 'constant.character.escape.bicep');
    assert.ok(!t.some((x) => x.scopes.includes('meta.template.expression.bicep')), 'no interpolation after \\$');
    expectScope(t, '\\q', 'invalid.illegal.escape.bicep');
  });

  it("scopes ''' multi-line strings with no escapes and no interpolation", () => {
    const text = ["var script = '''", 'echo ${notAHole} \\n // not a comment', "it's fine", "'''", 'param after int'].join('\n');
    const t = tokens(bicep, text);
    expectScope(t, "'''", 'string.quoted.multi.bicep', 0);
    expectScope(t, 'echo ${notAHole} \\n // not a comment', 'string.quoted.multi.bicep');
    expectScope(t, "it's fine", 'string.quoted.multi.bicep');
    expectScope(t, "'''", 'punctuation.definition.string.end.bicep', 1);
    expectScope(t, 'param', 'keyword.control.declaration.bicep');
    // extra quotes belong to the string; ''''''is empty
    assert.ok(endsAtRoot(bicep, "var a = ''''abc''''\nvar b = ''''''\nvar c = '''x'''"));
  });

  it("scopes $''' interpolated multi-line strings, with as many '$' in a hole as before the quotes", () => {
    const one = tokens(bicep, "var s = $'''\nHello ${name}\n'''");
    expectScope(one, '${', 'punctuation.definition.template-expression.begin.bicep');
    expectScope(one, 'name', 'variable.other.readwrite.bicep');
    const two = tokens(bicep, "var s = $$'''${literal}$${hole}'''");
    expectScope(two, '$${', 'punctuation.definition.template-expression.begin.bicep');
    expectScope(two, 'hole', 'variable.other.readwrite.bicep');
    expectNoScope(two, '${literal}', 'meta.template.expression');
    assert.ok(endsAtRoot(bicep, "var s = $$$'''\n${a}\n$$${b}\n$$$${c}\n'''"));
  });

  it('scopes // and /* */ comments, but not // inside a string', () => {
    const t = tokens(bicep, "// line\nvar url = 'https://example.com' // trailing\n/* block\n   comment */ var x = 1");
    expectScope(t, '//', 'comment.line.double-slash.bicep');
    expectScope(t, ' line', 'comment.line.double-slash.bicep');
    expectScope(t, 'https://example.com', 'string.quoted.single.bicep');
    expectNoScope(t, 'https://example.com', 'comment');
    expectScope(t, ' trailing', 'comment.line.double-slash.bicep');
    expectScope(t, '/*', 'comment.block.bicep');
    expectScope(t, '   comment ', 'comment.block.bicep');
    expectScope(t, '*/', 'punctuation.definition.comment.end.bicep');
    expectNoScope(t, 'x', 'comment');
  });

  it('scopes decorators, with or without a namespace', () => {
    const t = tokens(bicep, "@description('The hub')\n@sys.secure()\n@minValue(1)\nparam key string");
    expectScope(t, '@', 'punctuation.definition.decorator.bicep');
    expectScope(t, 'description', 'entity.name.function.decorator.bicep');
    expectScope(t, 'description', 'meta.decorator.bicep');
    expectScope(t, 'sys', 'entity.name.namespace.bicep');
    expectScope(t, 'secure', 'entity.name.function.decorator.bicep');
    expectScope(t, 'The hub', 'string.quoted.single.bicep');
    expectScope(t, '1', 'constant.numeric.bicep');
  });

  it('scopes numbers, but not digits inside identifiers', () => {
    const t = tokens(bicep, 'var n = 42 + -7\nvar abc123 = n');
    expectScope(t, '42', 'constant.numeric.bicep');
    expectScope(t, '7', 'constant.numeric.bicep');
    expectScope(t, '-', 'keyword.operator.arithmetic.bicep');
    expectScope(t, 'abc123', 'entity.name.variable.declaration.bicep');
  });

  it('scopes operators, member access, function calls and lambdas', () => {
    const t = tokens(bicep, "var b = !(a == 1) && c != 2 || d =~ 'x' ? e.f : g::h\nvar m = map(items, item => item.name)\nvar o = { ...base }");
    expectScope(t, '!', 'keyword.operator.logical.bicep');
    expectScope(t, '==', 'keyword.operator.comparison.bicep');
    expectScope(t, '&&', 'keyword.operator.logical.bicep');
    expectScope(t, '!=', 'keyword.operator.comparison.bicep');
    expectScope(t, '||', 'keyword.operator.logical.bicep');
    expectScope(t, '=~', 'keyword.operator.comparison.bicep');
    expectScope(t, '?', 'keyword.operator.ternary.bicep');
    expectScope(t, 'f', 'variable.other.property.bicep');
    expectScope(t, '::', 'punctuation.accessor.bicep');
    expectScope(t, 'map', 'entity.name.function.bicep');
    expectScope(t, 'item', 'variable.parameter.bicep');
    // a function's return type before => is a type, not a lambda parameter
    const f = tokens(bicep, 'func isEven(i int) bool => i % 2 == 0\nfunc wrap(x int) myType => x');
    expectScope(f, 'bool', 'support.type.primitive.bicep');
    expectScope(f, 'myType', 'entity.name.type.bicep');
    expectScope(t, '=>', 'storage.type.function.arrow.bicep');
    expectScope(t, 'name', 'variable.other.property.bicep');
    expectScope(t, '...', 'keyword.operator.spread.bicep');
  });

  it("scopes resource type strings: 'Microsoft.X/y@2023-01-01'", () => {
    const t = tokens(
      bicep,
      [
        "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
        "  resource cg 'eventHubEndpoints/ConsumerGroups@2023-06-30-preview' = {",
        '  }',
        '}',
        "var n = 'Microsoft.Kusto/clusters/${x}@2023-08-15'",
      ].join('\n'),
    );
    expectScope(t, 'Microsoft.Devices/IotHubs', 'entity.name.type.resource.bicep');
    expectScope(t, 'Microsoft.Devices/IotHubs', 'string.quoted.single.bicep');
    expectScope(t, '@', 'punctuation.separator.version.bicep');
    expectScope(t, '2023-06-30', 'constant.other.api-version.bicep');
    expectScope(t, 'eventHubEndpoints/ConsumerGroups', 'entity.name.type.resource.bicep');
    expectScope(t, '2023-06-30-preview', 'constant.other.api-version.bicep');
    expectScope(t, 'cg', 'entity.name.variable.declaration.bicep');
    // an interpolated string is an ordinary string
    expectScope(t, 'x', 'meta.embedded.line.bicep');
  });

  it('scopes #disable-next-line directives', () => {
    const t = tokens(bicep, '#disable-next-line BCP081 no-unused-params\nparam p string');
    expectScope(t, 'disable-next-line', 'keyword.control.directive.bicep');
    expectScope(t, 'BCP081', 'constant.other.diagnostic-code.bicep');
    expectScope(t, 'param', 'keyword.control.declaration.bicep');
  });

  it('keeps an unterminated string from spilling into the next line', () => {
    const t = tokens(bicep, "var broken = 'no end\nparam p int");
    expectScope(t, 'param', 'keyword.control.declaration.bicep');
    expectNoScope(t, 'param', 'string');
  });

  it('returns to the root state after objects, arrays, calls and strings spread over lines', () => {
    const text = [
      "resource r 'A.B/c@2020-01-01' = [for (x, i) in range(0, 3): {",
      "  name: '${prefix}-${i}'",
      '  properties: {',
      '    list: [',
      "      'a'",
      '      { k: [1, 2] }',
      '    ]',
      '    value: union(a, {',
      '      b: c',
      '    })',
      '  }',
      '}]',
    ].join('\n');
    assert.ok(endsAtRoot(bicep, text));
  });

  it('tokenizes pathological long lines without catastrophic backtracking', () => {
    const n = 5000;
    // Deep nesting costs vscode-textmate itself time per level (scopes are matched against the
    // whole stack), whatever the grammar: those samples are kept to a depth of 1,000.
    const samples = [
      "var s = '" + 'a'.repeat(n),
      "var s = '" + '\\'.repeat(n),
      "var s = '" + '${'.repeat(500),
      '{'.repeat(1000),
      "'" + "'".repeat(n),
      '$'.repeat(n) + "'''",
      '  ' + 'a'.repeat(n) + ' ',
      "  '" + 'a\\'.repeat(n / 2) + ' ',
      ' '.repeat(n) + '@',
      '/*' + '*'.repeat(n),
      'x'.repeat(n) + '.'.repeat(n),
    ];
    for (const line of samples) {
      // Runaway backtracking would run into the tokenizer's own time limit; the time itself is not asserted.
      const r = bicep.tokenizeLine(line, INITIAL, 2000);
      assert.ok(!r.stoppedEarly, `stopped early on ${line.slice(0, 20)}…`);
    }
  });
});

// ---------------------------------------------------------------- Azure CLI, inline

describe('grammars: Azure CLI (inline samples)', () => {
  let azcli: IGrammar;
  before(async () => {
    azcli = await loadGrammar('source.azcli');
  });

  it('scopes az, its group and subcommand words, options and values', () => {
    const t = tokens(azcli, 'az iot hub create --name myhub -g rg --sku S1');
    expectScope(t, 'az', 'entity.name.command.az.azcli');
    for (const w of ['iot', 'hub', 'create']) expectScope(t, w, 'entity.name.function.subcommand.azcli');
    expectScope(t, '--name', 'constant.other.option.azcli');
    expectScope(t, '-g', 'constant.other.option.azcli');
    expectScope(t, '--sku', 'constant.other.option.azcli');
    for (const v of ['myhub', 'rg', 'S1']) expectScope(t, v, 'string.unquoted.argument.azcli');
    for (const x of t) if (x.text.trim()) assert.ok(x.scopes.includes('meta.command.az.azcli'), x.text);
  });

  it('continues a command over lines ending with \\ or `, and ends it at the end of a line otherwise', () => {
    const t = tokens(azcli, 'az group create --name $rg \\\n    --location westus\naz kusto cluster update `\n  --restrict-outbound-network-access Enabled\necho done');
    expectScope(t, '\\', 'punctuation.separator.continuation.line.azcli');
    expectScope(t, '--location', 'constant.other.option.azcli');
    expectScope(t, '--location', 'meta.command.az.azcli');
    expectScope(t, 'westus', 'string.unquoted.argument.azcli');
    expectScope(t, '`', 'punctuation.separator.continuation.line.azcli');
    expectScope(t, '--restrict-outbound-network-access', 'constant.other.option.azcli');
    expectScope(t, 'Enabled', 'string.unquoted.argument.azcli');
    const echo = t.find((x) => x.text.includes('echo'));
    assert.ok(echo && !echo.scopes.includes('meta.command.az.azcli'), 'echo is outside the az command');
    assert.ok(endsAtRoot(azcli, 'az group create --name $rg \\\n    --location westus'));
  });

  it('scopes quoted strings, with variables in double quotes only', () => {
    const t = tokens(azcli, `az group create --name "$rg-x" --tags 'owner=$me' --query "[0].value"`);
    expectScope(t, '"', 'punctuation.definition.string.begin.azcli');
    expectScope(t, 'rg', 'variable.other.azcli');
    expectScope(t, 'rg', 'string.quoted.double.azcli');
    expectScope(t, 'owner=$me', 'string.quoted.single.azcli');
    expectScope(t, '[0].value', 'string.quoted.double.azcli');
  });

  it('scopes $variables and ${variables}', () => {
    const t = tokens(azcli, 'az storage account create --name ${name}x --resource-group $resourceGroup');
    expectScope(t, '${', 'punctuation.definition.variable.begin.azcli');
    expectScope(t, 'name', 'variable.other.azcli');
    expectScope(t, 'resourceGroup', 'variable.other.azcli');
    expectScope(t, '$', 'punctuation.definition.variable.azcli');
  });

  it('scopes # comments, but not # inside a word', () => {
    const t = tokens(azcli, '# Create the hub\naz iot hub create --name a#b # trailing');
    expectScope(t, '#', 'comment.line.number-sign.azcli');
    expectScope(t, ' Create the hub', 'comment.line.number-sign.azcli');
    expectScope(t, 'a#b', 'string.unquoted.argument.azcli');
    expectScope(t, ' trailing', 'comment.line.number-sign.azcli');
  });

  it('scopes assignments and az commands inside $( )', () => {
    const t = tokens(azcli, 'subscriptionId=$(az account show --query id -o tsv)\nlocation=westus');
    expectScope(t, 'subscriptionId', 'variable.other.assignment.azcli');
    expectScope(t, '$(', 'punctuation.definition.subshell.begin.azcli');
    expectScope(t, 'az', 'entity.name.command.az.azcli');
    expectScope(t, 'account', 'entity.name.function.subcommand.azcli');
    expectScope(t, '-o', 'constant.other.option.azcli');
    expectScope(t, ')', 'punctuation.definition.subshell.end.azcli');
    expectNoScope(t, ')', 'meta.command.az');
    expectScope(t, 'location', 'variable.other.assignment.azcli');
  });

  it('ends a command at a pipe, and takes --set paths with = as values', () => {
    const t = tokens(azcli, "az iot hub update -n hub --set properties.publicNetworkAccess=Disabled | tr -d '\"'");
    expectScope(t, 'properties.publicNetworkAccess=Disabled', 'string.unquoted.argument.azcli');
    expectScope(t, '|', 'keyword.operator.pipe.azcli');
    expectNoScope(t, '|', 'meta.command.az');
    const tr = t.find((x) => x.text.trim().startsWith('tr'));
    assert.ok(tr && !tr.scopes.includes('meta.command.az.azcli'));
  });

  it('tokenizes pathological long lines without catastrophic backtracking', () => {
    const n = 5000;
    for (const line of ['az ' + 'a '.repeat(n), 'az x ' + '--a '.repeat(n), '"' + '\\'.repeat(n), '#'.repeat(n), 'az' + ' \\'.repeat(n)]) {
      // Runaway backtracking would run into the tokenizer's own time limit; the time itself is not asserted.
      const r = azcli.tokenizeLine(line, INITIAL, 2000);
      assert.ok(!r.stoppedEarly, `stopped early on ${line.slice(0, 20)}…`);
    }
  });
});

// ---------------------------------------------------------------- corpus

describe('grammars: the shared corpus', function () {
  let bicep: IGrammar;
  let azcli: IGrammar;

  before(async function () {
    requireCorpus(this);
    bicep = await loadGrammar('source.bicep');
    azcli = await loadGrammar('source.azcli');
    // compile the common rules before any line is timed
    tokenizeText(bicep, "@description('x')\nparam p string = '${a}'\nvar o = { k: [1, (2)] } // c\n/* c */");
    tokenizeText(azcli, 'az group create --name "$x" \\\n  -g y # c');
  });

  after(() => {
    if (reports.length === 0) return;
    console.log('\n  Grammar corpus run:');
    for (const r of reports) {
      console.log(
        `    ${r.folder}: ${r.files} files, ${r.lines} lines, ${r.totalMs.toFixed(0)} ms; ` +
          `max ${r.maxLineMs.toFixed(1)} ms per line (${r.maxLineAt}); ` +
          `${r.checkedAtRoot} checked to end at the root state` +
          (r.offRootNotValid ? `; ${r.offRootNotValid} invalid files end elsewhere (allowed)` : ''),
      );
    }
  });

  const conformance = path.join(CORPUS, 'bicep-conformance');
  const isBicep = (f: string) => /\.bicep(param)?$/.test(f);

  for (const sub of ['baselines', 'baselines_bicepparam', 'user_submitted']) {
    it(`tokenizes every Bicep file of bicep-conformance/${sub}; the valid ones end at the root state`, function () {
      const folder = path.join(conformance, sub);
      if (!fs.existsSync(folder)) {
        console.warn(`\n  NOTICE: ${folder} is absent: skipped.\n`);
        this.skip();
      }
      const expected = readExpectations(conformance);
      const files = listFiles(folder, isBicep);
      const unlisted = files.filter((f) => !expected.has(path.relative(conformance, f).split(path.sep).join('/')));
      assert.deepStrictEqual(unlisted, [], 'every file has a line in EXPECTED.csv');
      checkFolder(
        bicep,
        folder,
        files,
        (f) => expected.get(path.relative(conformance, f).split(path.sep).join('/')) === 'valid',
        { line: SENTINEL, text: 'param', scope: 'keyword.control.declaration.bicep' },
      );
    });
  }

  it('finds the files EXPECTED.csv lists', function () {
    const expected = readExpectations(conformance);
    if (expected.size === 0) this.skip();
    const missing = [...expected.keys()].filter((p) => !fs.existsSync(path.join(conformance, p)));
    assert.deepStrictEqual(missing, []);
  });

  const templates = path.join(CORPUS, 'templates');
  const templateFolders = fs.existsSync(templates)
    ? fs.readdirSync(templates).filter((d) => fs.statSync(path.join(templates, d)).isDirectory()).sort()
    : [];

  for (const sub of templateFolders) {
    const folder = path.join(templates, sub);
    const bicepFiles = listFiles(folder, (f) => f.endsWith('.bicep'));
    const azcliFiles = listFiles(folder, (f) => f.endsWith('.azcli'));
    if (bicepFiles.length > 0) {
      it(`tokenizes every .bicep of templates/${sub}, each ending at the root state`, () => {
        // published templates compile: they are all expected to be valid
        checkFolder(bicep, folder, bicepFiles, () => true, { line: SENTINEL, text: 'param', scope: 'keyword.control.declaration.bicep' });
      });
    }
    if (azcliFiles.length > 0) {
      it(`tokenizes every .azcli of templates/${sub}, each ending at the root state`, () => {
        checkFolder(azcli, folder, azcliFiles, () => true, { line: 'az group list', text: 'az', scope: 'entity.name.command.az.azcli' });
      });
    }
  }

  it('finds .bicep and .azcli files in templates/', function () {
    if (!fs.existsSync(templates)) {
      console.warn(`\n  NOTICE: ${templates} is absent: skipped.\n`);
      this.skip();
    }
    assert.ok(listFiles(templates, (f) => f.endsWith('.bicep')).length > 0);
    assert.ok(listFiles(templates, (f) => f.endsWith('.azcli')).length > 0);
  });
});
