import * as assert from 'assert';
import fc from 'fast-check';
import { parseBicep } from '../../server/src/core/frontends/bicep/parser';
import type * as S from '../../server/src/core/frontends/bicep/syntax';
import { forEachChild } from '../../server/src/core/frontends/bicep/syntax';

const lines = (...text: string[]) => text.join('\n');

/** Parses text that must have no syntax error. */
function parse(text: string): S.Statement[] {
  const doc = parseBicep(text);
  assert.deepStrictEqual(doc.errors, [], text);
  return doc.program.statements;
}

function only<T extends S.Statement>(text: string): T {
  const statements = parse(text);
  assert.strictEqual(statements.length, 1, text);
  return statements[0] as T;
}

/** The value of `var x = <expression>`. */
const expr = (expression: string) => only<S.VarDecl>(`var x = ${expression}`).value;

/** The source text of a node. */
const source = (text: string, node: { offset: number; length: number }) => text.slice(node.offset, node.offset + node.length);

/** A compact rendering of an expression, to compare shapes at a glance. */
function show(e: S.Expr | S.SpreadExpr | S.TypeExpr | string): string {
  if (typeof e === 'string') return e;
  switch (e.kind) {
    case 'Identifier':
      return e.name;
    case 'NumberLit':
    case 'BoolLit':
      return String(e.value);
    case 'NullLit':
      return 'null';
    case 'StringLit':
      return e.segments.map((s, i) => JSON.stringify(s) + (i < e.expressions.length ? `\${${show(e.expressions[i])}}` : '')).join('');
    case 'BinaryExpr':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'UnaryExpr':
      return `(${e.op}${show(e.operand)})`;
    case 'TernaryExpr':
      return `(${show(e.condition)} ? ${show(e.whenTrue)} : ${show(e.whenFalse)})`;
    case 'MemberExpr':
      return `${show(e.object)}${e.safe ? '.?' : '.'}${e.property.name}`;
    case 'IndexExpr':
      return `${show(e.object)}[${e.safe ? '?' : ''}${e.fromEnd ? '^' : ''}${show(e.index)}]`;
    case 'ResourceAccessExpr':
      return `${show(e.object)}::${e.name.name}`;
    case 'NonNullExpr':
      return `${show(e.expression)}!`;
    case 'CallExpr':
      return `${e.object ? show(e.object) + '.' : ''}${e.name.name}(${e.args.map(show).join(', ')})`;
    case 'ParenExpr':
      return show(e.expression);
    case 'LambdaExpr':
      return `(${e.params.map((p) => p.name).join(', ')}) => ${show(e.body)}`;
    case 'ArrayExpr':
      return `[${e.items.map(show).join(', ')}]`;
    case 'ObjectExpr':
      return `{${e.properties.map((p) => (p.kind === 'ObjectProperty' ? `${show(p.key)}: ${show(p.value)}` : p.kind === 'SpreadExpr' ? show(p) : `resource ${p.name.name}`)).join(', ')}}`;
    case 'SpreadExpr':
      return `...${show(e.expression)}`;
    case 'ForExpr':
      return `[for ${e.index ? `(${e.item?.name}, ${e.index.name})` : e.item?.name} in ${show(e.iterable)}: ${show(e.body)}]`;
    case 'IfExpr':
      return `if (${show(e.condition)}) ${show(e.body)}`;
    case 'UnionType':
      return e.members.map(show).join(' | ');
    case 'ArrayType':
      return `${show(e.element)}[]`;
    case 'NullableType':
      return `${show(e.type)}?`;
    case 'ObjectType':
      return `{${e.properties.map((p) => `${show(p.key)}: ${show(p.value)}`).join(', ')}}`;
    case 'ResourceTypeRef':
      return `resource ${e.type ? show(e.type) : ''}`;
    case 'ParameterizedType':
      return `${e.object ? show(e.object) + '.' : ''}${e.name.name}<${e.args.map(show).join(', ')}>`;
    case 'TypePropertyAccess':
      return `${show(e.object)}.${typeof e.property === 'string' ? e.property : e.property.name}`;
    default:
      return e.kind;
  }
}

/** Every node's span lies in the text, and inside its parent's. */
function checkSpans(doc: S.BicepDocument, textLength: number): void {
  const visit = (node: S.Node, parent: S.Node | undefined) => {
    assert.ok(node.offset >= 0 && node.length >= 0 && node.offset + node.length <= textLength, `${node.kind} at ${node.offset}+${node.length}`);
    if (parent && node.length > 0) {
      assert.ok(node.offset >= parent.offset && node.offset + node.length <= parent.offset + parent.length, `${node.kind} outside its ${parent.kind}`);
    }
    forEachChild(node, (child) => visit(child, node));
  };
  visit(doc.program, undefined);
}

describe('Bicep parser', () => {
  describe('declarations', () => {
    it('reads each kind of declaration', () => {
      const statements = parse(
        lines(
          "targetScope = 'resourceGroup'",
          "metadata description = 'IoT hub'",
          "extension microsoftGraphV1",
          "import { subnetType, naming as names } from 'types.bicep'",
          "import * as shared from 'shared.bicep'",
          "param location string = resourceGroup().location",
          "param sku string",
          "var hubName = 'hub-${uniqueString(resourceGroup().id)}'",
          "var count int = 3",
          "type skuName = 'S1' | 'S2'",
          "func prefixed(name string) string => 'x-${name}'",
          "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
          '  name: hubName',
          '}',
          "module network 'network.bicep' = {",
          "  name: 'network'",
          '}',
          "assert small = count < 10",
          "test smoke 'main.bicep' = {",
          '  params: {}',
          '}',
          'output hubId string = hub.id',
        ),
      );
      assert.deepStrictEqual(
        statements.map((s) => s.kind),
        [
          'TargetScopeDecl',
          'MetadataDecl',
          'ExtensionDecl',
          'ImportDecl',
          'ImportDecl',
          'ParamDecl',
          'ParamDecl',
          'VarDecl',
          'VarDecl',
          'TypeDecl',
          'FuncDecl',
          'ResourceDecl',
          'ModuleDecl',
          'AssertDecl',
          'TestDecl',
          'OutputDecl',
        ],
      );
      const [, , , named, wildcard] = statements as S.ImportDecl[];
      assert.deepStrictEqual(
        named.symbols?.map((s) => [show(s.name), s.alias?.name]),
        [
          ['subnetType', undefined],
          ['naming', 'names'],
        ],
      );
      assert.strictEqual(wildcard.wildcardAlias?.name, 'shared');
      const func = statements[10] as S.FuncDecl;
      assert.deepStrictEqual([func.name.name, func.params.map((p) => `${p.name.name} ${show(p.type)}`), show(func.returnType), show(func.body)], [
        'prefixed',
        ['name string'],
        'string',
        '"x-"${name}""',
      ]);
    });

    it('reads parameters with a type, a default, or a resource type', () => {
      const [withDefault, plain, asResource] = parse(
        lines("param location string = 'westeurope'", 'param tags object', "param storage resource 'Microsoft.Storage/storageAccounts@2023-05-01'"),
      ) as S.ParamDecl[];
      assert.deepStrictEqual([withDefault.name.name, show(withDefault.type!), show(withDefault.value!)], ['location', 'string', '"westeurope"']);
      assert.deepStrictEqual([plain.name.name, show(plain.type!), plain.value], ['tags', 'object', undefined]);
      assert.strictEqual(show(asResource.type!), 'resource "Microsoft.Storage/storageAccounts@2023-05-01"');
    });

    it('reads a parameters file: using, then parameters assigned without a type', () => {
      const [using, name, tags] = parse(lines("using './main.bicep'", '', "param hubName = 'hub1'", "param tags = { env: 'test' }")) as [
        S.UsingDecl,
        S.ParamDecl,
        S.ParamDecl,
      ];
      assert.strictEqual(show(using.path as S.StringLit), '"./main.bicep"');
      assert.deepStrictEqual([name.name.name, name.type, show(name.value!)], ['hubName', undefined, '"hub1"']);
      assert.strictEqual(show(tags.value!), '{env: "test"}');
      assert.strictEqual(only<S.UsingDecl>('using none').path, undefined);
    });

    it('reads a resource: its type string, existing, and body', () => {
      const text = lines("resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {", "  name: 'store'", '}');
      const resource = only<S.ResourceDecl>(text);
      assert.strictEqual(resource.name.name, 'sa');
      assert.deepStrictEqual((resource.type as S.StringLit).segments, ['Microsoft.Storage/storageAccounts@2023-05-01']);
      assert.strictEqual(source(text, resource.type), "'Microsoft.Storage/storageAccounts@2023-05-01'");
      assert.strictEqual(resource.existing, true);
      assert.strictEqual(show(resource.value), '{name: "store"}');
      assert.strictEqual(source(text, resource), text);
    });

    it('reads conditions, loops with an index, and filtered loops as resource and module bodies', () => {
      const [conditional, looped, filtered, condition] = parse(
        lines(
          "resource a 'M.X/y@1' = if (deploy) {",
          "  name: 'a'",
          '}',
          "module b 'b.bicep' = [for (region, i) in regions: {",
          "  name: 'b${i}'",
          '}]',
          "resource c 'M.X/y@1' = [for i in range(0, 3): if (i > 0) {",
          "  name: 'c${i}'",
          '}]',
          "resource d 'M.X/y@1' =",
          '  if (deploy) {',
          "    name: 'd'",
          '  }',
        ),
      ) as [S.ResourceDecl, S.ModuleDecl, S.ResourceDecl, S.ResourceDecl];
      assert.strictEqual(show(conditional.value), 'if (deploy) {name: "a"}');
      assert.strictEqual(show(looped.value), '[for (region, i) in regions: {name: "b"${i}""}]');
      assert.strictEqual(show(filtered.value), '[for i in range(0, 3): if ((i > 0)) {name: "c"${i}""}]');
      assert.strictEqual(condition.value.kind, 'IfExpr');
    });

    it('keeps resources declared inside a resource body among its properties', () => {
      const resource = only<S.ResourceDecl>(
        lines(
          "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
          "  name: 'hub'",
          '  @batchSize(1)',
          "  resource group 'consumerGroups' = {",
          "    name: 'events/cg'",
          '  }',
          '}',
        ),
      );
      const [name, child] = (resource.value as S.ObjectExpr).properties;
      assert.strictEqual(name.kind, 'ObjectProperty');
      assert.strictEqual(child.kind, 'ResourceDecl');
      assert.strictEqual(show((child as S.ResourceDecl).decorators[0].expression), 'batchSize(1)');
      assert.strictEqual(show(((child as S.ResourceDecl).type as S.StringLit)), '"consumerGroups"');
    });

    it('reads decorators, with or without a namespace, before declarations and typed properties', () => {
      const text = lines(
        '@minLength(3)',
        "@sys.description('The hub name')",
        'param hubName string',
        '',
        '@export()',
        'type endpoint = {',
        "  @description('The host')",
        '  host: string',
        '  port: int?',
        '  *: string',
        '}',
      );
      const [param, type] = parse(text) as [S.ParamDecl, S.TypeDecl];
      assert.deepStrictEqual(param.decorators.map((d) => show(d.expression)), ['minLength(3)', 'sys.description("The hub name")']);
      assert.strictEqual(param.offset, 0);
      assert.strictEqual(show(type.decorators[0].expression), 'export()');
      const object = type.value as S.ObjectType;
      assert.strictEqual(show(object), '{host: string, port: int?, *: string}');
      assert.strictEqual(show(object.properties[0].decorators[0].expression), 'description("The host")');
    });

    it('reads type expressions', () => {
      const types = parse(
        lines(
          "type a = 'one' | 'two'",
          'type b = string[]',
          'type c = {',
          '  name: string',
          '  tags: object?',
          '}',
          "type d = resourceInput<'Microsoft.Devices/IotHubs@2023-06-30'>.properties",
          'type e =',
          "  | 'x'",
          "  | 'y'",
          'type f = [string, int]',
          'type g = -1 | 1',
        ),
      ) as S.TypeDecl[];
      assert.deepStrictEqual(types.map((t) => show(t.value)), [
        '"one" | "two"',
        'string[]',
        '{name: string, tags: object?}',
        'resourceInput<"Microsoft.Devices/IotHubs@2023-06-30">.properties',
        '"x" | "y"',
        'TupleType',
        '(-1) | 1',
      ]);
    });

    it('reads an output of a resource type', () => {
      const output = only<S.OutputDecl>("output hub resource 'Microsoft.Devices/IotHubs@2023-06-30' = hub");
      assert.strictEqual(show(output.type), 'resource "Microsoft.Devices/IotHubs@2023-06-30"');
      assert.strictEqual(show(output.value), 'hub');
    });

    it('reads extensions in their current and older spellings', () => {
      const [current, configured, old] = parse(
        lines('extension kubernetes with { namespace: \'default\' } as k8s', "extension 'br:mcr.microsoft.com/bicep/ext@1.0'", "import 'az@1.0.0'"),
      ) as S.ExtensionDecl[];
      assert.deepStrictEqual([current.keyword, show(current.specification), show(current.config!), current.alias?.name], [
        'extension',
        'kubernetes',
        '{namespace: "default"}',
        'k8s',
      ]);
      assert.strictEqual(show(configured.specification), '"br:mcr.microsoft.com/bicep/ext@1.0"');
      assert.strictEqual(old.keyword, 'import');
    });
  });

  it('reads a file with a byte order mark and CRLF line breaks', () => {
    const [a, b] = parse('\uFEFFvar a = 1\r\nvar b = {\r\n  c: 2\r\n}\r\n') as S.VarDecl[];
    assert.deepStrictEqual([a.name.name, show(b.value)], ['a', '{c: 2}']);
  });

  it('reads the other declarations of parameters files', () => {
    const statements = parse(lines("using './main.bicep'", "extends 'base.bicepparam'", 'extensionConfig k8s with {', "  namespace: 'x'", '}', 'param a = 1'));
    assert.deepStrictEqual(statements.map((s) => s.kind), ['UsingDecl', 'ExtendsDecl', 'ExtensionConfigDecl', 'ParamDecl']);
  });

  describe('strings', () => {
    it('unescapes \\\\ \\\' \\n \\r \\t \\$ and \\u{…}', () => {
      assert.deepStrictEqual((expr("'a\\\\b\\'c\\nd\\re\\tf\\${g}\\u{48}\\u{1F600}'") as S.StringLit).segments, ["a\\b'c\nd\re\tf${g}H\u{1F600}"]);
    });

    it('cuts interpolated strings into segments and expressions', () => {
      const value = expr("'${a}-${b.c}${d}'") as S.StringLit;
      assert.deepStrictEqual(value.segments, ['', '-', '', '']);
      assert.deepStrictEqual(value.expressions.map(show), ['a', 'b.c', 'd']);
    });

    it('reads strings nested inside interpolation, and no objects or arrays there', () => {
      assert.strictEqual(show(expr("'a${'b${c}'}d'")), '"a"${"b"${c}""}"d"');
      assert.strictEqual(show(expr("'${a ? '{' : '}'}'")), '""${(a ? "{" : "}")}""');
      assert.deepStrictEqual(
        parseBicep("var x = '${f({})}'").errors.map((e) => e.message),
        ['Objects and arrays are not allowed inside a string interpolation.'],
      );
    });

    it('reads multi-line strings verbatim, without the first line break and without escapes', () => {
      const value = expr(lines("'''", 'first \\n', "it's ${here}", "'''")) as S.StringLit;
      assert.deepStrictEqual([value.multiline, value.segments, value.expressions], [true, ["first \\n\nit's ${here}\n"], []]);
      assert.deepStrictEqual((expr("'''a''''") as S.StringLit).segments, ["a'"]);
    });

    it('reads interpolation in multi-line strings opened with $', () => {
      const value = expr("$'''host: ${name}, cost: $${price}'''") as S.StringLit;
      assert.deepStrictEqual([value.segments, value.expressions.map(show)], [['host: ', ', cost: $', ''], ['name', 'price']]);
      const doubled = expr("$$'''${literal} $${name}'''") as S.StringLit;
      assert.deepStrictEqual([doubled.segments, doubled.expressions.map(show)], [['${literal} ', ''], ['name']]);
    });

    it('reports a string left open at the end of its line, and goes on', () => {
      const doc = parseBicep(lines("var a = 'open", "var b = 'closed'"));
      assert.deepStrictEqual(
        doc.errors.map((e) => e.message),
        ['Unterminated string: a string cannot span lines.'],
      );
      assert.strictEqual(show((doc.program.statements[1] as S.VarDecl).value), '"closed"');
    });
  });

  describe('expressions', () => {
    it('binds operators by precedence, left to right', () => {
      assert.strictEqual(show(expr('a || b && c == d + e * f')), '(a || (b && (c == (d + (e * f)))))');
      assert.strictEqual(show(expr('a - b - c')), '((a - b) - c)');
      assert.strictEqual(show(expr('a ?? b ?? c')), '((a ?? b) ?? c)');
      assert.strictEqual(show(expr('a < 1 != b >= 2')), '((a < 1) != (b >= 2))');
      assert.strictEqual(show(expr("a =~ 'x' && b !~ 'y'")), '((a =~ "x") && (b !~ "y"))');
      assert.strictEqual(show(expr('!a && -b % 2 > 0')), '((!a) && (((-b) % 2) > 0))');
    });

    it('reads ternaries, also across lines', () => {
      assert.strictEqual(show(expr('a ? b : c ? d : e')), '(a ? b : (c ? d : e))');
      assert.strictEqual(show(expr(lines('empty(x)', '  ? 1', '  : 2'))), '(empty(x) ? 1 : 2)');
    });

    it('reads member access, safe access, indexes, nested resource access and non-null assertions', () => {
      assert.strictEqual(show(expr('hub::group.properties.?tags[?0][^1].name!')), 'hub::group.properties.?tags[?0][^1].name!');
      assert.strictEqual(show(expr("a['key'].b")), 'a["key"].b');
    });

    it('reads calls, namespaced calls and calls on an instance', () => {
      assert.strictEqual(show(expr('az.resourceGroup().location')), 'az.resourceGroup().location');
      assert.strictEqual(show(expr("sys.concat('a', 'b')")), 'sys.concat("a", "b")');
      assert.strictEqual(show(expr('storage.listKeys().keys[0].value')), 'storage.listKeys().keys[0].value');
      const call = expr('az.resourceGroup()') as S.CallExpr;
      assert.strictEqual(show(call.object!), 'az');
    });

    it('reads lambdas of one or more parameters', () => {
      assert.strictEqual(show(expr('map(list, x => x.id)')), 'map(list, (x) => x.id)');
      assert.strictEqual(show(expr('reduce(list, 0, (cur, next) => cur + next)')), 'reduce(list, 0, (cur, next) => (cur + next))');
      assert.strictEqual(show(expr('() => 1')), '() => 1');
      assert.strictEqual(show(expr(lines('map(list, x =>', '  x.id)'))), 'map(list, (x) => x.id)');
    });

    it('reads for-expressions, with and without an index', () => {
      assert.strictEqual(show(expr('[for item in items: item.name]')), '[for item in items: item.name]');
      assert.strictEqual(show(expr('[for (item, i) in items: { id: i }]')), '[for (item, i) in items: {id: i}]');
      assert.strictEqual(show(expr(lines('[', '  for i in range(0, 3): i', ']'))), '[for i in range(0, 3): i]');
    });

    it('separates items and properties by line breaks, or by commas on one line', () => {
      assert.strictEqual(show(expr("{ a: 1, 'b-c': [1, 2], ...rest }")), '{a: 1, "b-c": [1, 2], ...rest}');
      assert.strictEqual(show(expr(lines('[', '  1', '  ...more', '  {', '    a: true', '  }', ']'))), '[1, ...more, {a: true}]');
      assert.strictEqual(show(expr(lines('concat(', "  'a',", "  'b'", ')'))), 'concat("a", "b")');
      assert.strictEqual(show(expr('{}')), '{}');
    });

    it('reports items without a separator, and a line break after a comma', () => {
      const errors = (text: string) => parseBicep(text).errors.map((e) => e.message);
      assert.deepStrictEqual(errors("var a = concat('a' 'b')"), ["Expected ',' or ')'."]);
      assert.deepStrictEqual(errors("var a = ['a' 'b']"), ['Expected a new line or a comma.']);
      assert.deepStrictEqual(errors(lines('var a = {', '  b: 1,', '  c: 2', '}')), ["Unexpected new line after ','."]);
      assert.deepStrictEqual(errors(lines('var a = f(', '  1', '  2', ')')), ["Expected ','."]);
    });
  });

  describe('spans', () => {
    it('gives property values and array items their exact source', () => {
      const text = lines(
        "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = {",
        '  name: hubName',
        '  properties: {',
        "    publicNetworkAccess: 'Disabled'",
        '    ipFilterRules: [',
        "      { filterName: 'a', action: 'Accept' }",
        '      other',
        '    ]',
        '  }',
        '}',
      );
      const body = only<S.ResourceDecl>(text).value as S.ObjectExpr;
      const properties = body.properties.find((p): p is S.ObjectProperty => p.kind === 'ObjectProperty' && show(p.key) === 'properties')!;
      const inner = properties.value as S.ObjectExpr;
      const [access, rules] = inner.properties as S.ObjectProperty[];
      assert.strictEqual(source(text, access), "publicNetworkAccess: 'Disabled'");
      assert.strictEqual(source(text, access.value), "'Disabled'");
      const array = rules.value as S.ArrayExpr;
      assert.deepStrictEqual(array.items.map((i) => source(text, i)), ["{ filterName: 'a', action: 'Accept' }", 'other']);
      assert.strictEqual(text[array.offset], '[');
      assert.strictEqual(text[array.closeOffset], ']');
      assert.strictEqual(text[inner.offset], '{');
      assert.strictEqual(text.slice(inner.closeOffset, inner.closeOffset + 3), '}\n}');
      assert.strictEqual(source(text, inner), text.slice(text.indexOf('{\n    public'), inner.closeOffset + 1));
      assert.strictEqual(body.closeOffset, text.length - 1);
    });

    it('counts offsets in UTF-16 code units', () => {
      const text = "var x = { name: '\u{1F600}é', v: 1 }";
      const object = only<S.VarDecl>(text).value as S.ObjectExpr;
      assert.strictEqual(source(text, (object.properties[1] as S.ObjectProperty).value), '1');
    });

    it('marks a missing closing bracket with -1', () => {
      const doc = parseBicep(lines('var a = {', '  b: [1, 2'));
      const object = (doc.program.statements[0] as S.VarDecl).value as S.ObjectExpr;
      assert.strictEqual(object.closeOffset, -1);
      assert.strictEqual(((object.properties[0] as S.ObjectProperty).value as S.ArrayExpr).closeOffset, -1);
    });
  });

  describe('comments and directives', () => {
    it('keeps comments with their text, and #disable-next-line directives apart', () => {
      const text = lines(
        '// iot-netlint-disable-next-line iothub-identity-missing',
        "resource hub 'Microsoft.Devices/IotHubs@2023-06-30' = { /* inline */",
        '  #disable-next-line BCP037 no-hardcoded-location',
        "  location: 'westus' // trailing",
        '}',
      );
      const doc = parseBicep(text);
      assert.deepStrictEqual(doc.errors, []);
      assert.deepStrictEqual(
        doc.comments.map((c) => [c.text, source(text, c)]),
        [
          [' iot-netlint-disable-next-line iothub-identity-missing', '// iot-netlint-disable-next-line iothub-identity-missing'],
          [' inline ', '/* inline */'],
          [' trailing', '// trailing'],
        ],
      );
      assert.deepStrictEqual(doc.directives.map((d) => [d.text, source(text, d)]), [
        ['#disable-next-line BCP037 no-hardcoded-location', '#disable-next-line BCP037 no-hardcoded-location'],
      ]);
      assert.strictEqual(doc.program.statements.length, 1);
    });

    it('reports a directive without codes, and a # elsewhere', () => {
      assert.deepStrictEqual(parseBicep('#disable-next-line\nvar a = 1').errors.map((e) => e.message), ['#disable-next-line needs at least one diagnostic code.']);
      assert.deepStrictEqual(parseBicep('var a = 1 #disable-next-line x').errors.length, 1);
    });
  });

  describe('recovery', () => {
    it('keeps the next resource when one is left unclosed', () => {
      const doc = parseBicep(
        lines(
          "resource a 'Microsoft.Storage/storageAccounts@2023-05-01' = {",
          "  name: 'a'",
          '  properties: {',
          '',
          "resource b 'Microsoft.Devices/IotHubs@2023-06-30' = {",
          "  name: 'b'",
          '}',
        ),
      );
      assert.deepStrictEqual(doc.errors.map((e) => e.message), ["Expected '}'."]);
      const [a, b] = doc.program.statements as S.ResourceDecl[];
      assert.deepStrictEqual([a.kind, a.name.name, b.kind, b.name.name], ['ResourceDecl', 'a', 'ResourceDecl', 'b']);
      assert.strictEqual(show(b.value), '{name: "b"}');
      assert.strictEqual((a.value as S.ObjectExpr).closeOffset, -1);
    });

    it('tells a nested resource written without indentation from a resource after a body left open', () => {
      const nested = only<S.ResourceDecl>(lines("resource hub 'M.X/y@1' = {", "name: 'hub'", "resource group 'groups' = {", "name: 'g'", '}', '}'));
      assert.strictEqual(show(nested.value), '{name: "hub", resource group}');
      const doc = parseBicep(lines("resource hub 'M.X/y@1' = {", "  name: 'hub'", '', "resource other 'M.X/z@1' = {", "  name: 'other'", '}', 'output o string = other.id'));
      assert.deepStrictEqual(doc.errors.map((e) => e.message), ["Expected '}'."]);
      assert.deepStrictEqual(doc.program.statements.map((s) => s.kind), ['ResourceDecl', 'ResourceDecl', 'OutputDecl']);
    });

    it('keeps the other properties of an object with a broken one', () => {
      const doc = parseBicep(
        lines("resource a 'M.X/y@1' = {", "  name: 'a'", '  sku: = 5', '  kind: )', "  location: 'west'", '}', "output o string = 'x'"),
      );
      assert.deepStrictEqual(doc.errors.map((e) => e.message), ['Expected an expression.', 'Expected an expression.']);
      const [resource, output] = doc.program.statements as [S.ResourceDecl, S.OutputDecl];
      assert.strictEqual(show(resource.value), '{name: "a", sku: MissingExpr, kind: MissingExpr, location: "west"}');
      assert.strictEqual(output.kind, 'OutputDecl');
    });

    it('skips a line that declares nothing as one error, and reads on', () => {
      const doc = parseBicep(lines('this is { not bicep } at all', "var a = 'b'"));
      assert.strictEqual(doc.errors.length, 1);
      assert.deepStrictEqual(doc.program.statements.map((s) => s.kind), ['ErrorStatement', 'VarDecl']);
    });

    it('reports an unrecognized character once', () => {
      assert.deepStrictEqual(parseBicep('var x = "a"').errors.map((e) => e.message), ["Unexpected character '\"'.", "Unexpected character '\"'."]);
      assert.deepStrictEqual(parseBicep('var é = 1').errors.map((e) => e.message), ["Unexpected character 'é'."]);
    });

    it('reports unterminated strings and comments', () => {
      const errors = (text: string) => parseBicep(text).errors.map((e) => e.message);
      assert.deepStrictEqual(errors("var x = '''open"), ["Unterminated multi-line string: ''' is missing."]);
      assert.deepStrictEqual(errors('/* open'), ['Unterminated comment: "*/" is missing.']);
      assert.deepStrictEqual(errors("var x = '${a\nvar y = 1"), ['Unterminated string: a string cannot span lines.']);
      assert.deepStrictEqual(errors("var x = '\\q'"), ["Unrecognized escape sequence: use \\\\, \\', \\n, \\r, \\t, \\$ or \\u{…}."]);
    });

    it('reports what follows a complete declaration on its line', () => {
      const doc = parseBicep("var a = 'b' 'c'\nvar d = 1");
      assert.deepStrictEqual(doc.errors.map((e) => e.message), ['Expected a new line after the declaration.']);
      assert.strictEqual(doc.program.statements.length, 2);
    });
  });

  describe('robustness', () => {
    it('parses 100,000 nested brackets without overflowing the stack', () => {
      const depth = 100000;
      for (const text of ['['.repeat(depth) + ']'.repeat(depth), `var a = ${'['.repeat(depth)}${']'.repeat(depth)}`, `var a = ${'{a:'.repeat(depth)}`, `type t = ${'{a:'.repeat(depth)}`, `var a = ${"'${".repeat(depth)}`]) {
        const doc = parseBicep(text);
        assert.ok(doc.errors.length > 0 && doc.errors.length <= 3, text.slice(0, 20));
      }
      const doc = parseBicep(`var a = ${'['.repeat(depth)}${']'.repeat(depth)}\nvar b = 1`);
      assert.deepStrictEqual(doc.errors.map((e) => e.message), ['Nested more than 256 levels deep: the inner levels are not read.']);
      assert.strictEqual(doc.program.statements.length, 2);
    });

    it('never throws on random text, and keeps every span inside the text and its parent', () => {
      const soup = fc.array(
        fc.oneof(
          fc.constantFrom('resource ', 'param ', 'var ', "'", "'''", '${', '}', '{', '[', ']', '(', ')', '\n', ':', ',', '=', '=>', '?', '.', '::', '@', '#disable-next-line ', 'for ', 'in ', 'if ', '//', '/*', '*/', '$', '|', '!', '...'),
          fc.string({ maxLength: 3 }),
          fc.string({ unit: 'binary', maxLength: 3 }),
        ),
        { maxLength: 200 },
      );
      fc.assert(
        fc.property(soup, (parts) => {
          const text = parts.join('');
          checkSpans(parseBicep(text), text.length);
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws on random bytes', () => {
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let run = 0; run < 50; run++) {
        let text = '';
        for (let i = 0; i < 20000; i++) text += String.fromCharCode(Math.floor(random() * 256));
        const doc = parseBicep(text);
        assert.ok(doc.errors.length <= 201);
      }
    });

    it('parses a 5 MB file in well under a few seconds', () => {
      const resource = (i: number) =>
        lines(
          `@description('Hub ${i}')`,
          `resource hub${i} 'Microsoft.Devices/IotHubs@2023-06-30' = if (deploy) {`,
          `  name: 'hub-\${suffix}-${i}'`,
          '  location: location',
          "  sku: { name: 'S1', capacity: 1 }",
          '  properties: {',
          "    publicNetworkAccess: 'Disabled' // isolated",
          '    networkRuleSets: {',
          '      ipRules: [for (ip, j) in allowed: { filterName: \'r${j}\', action: \'Allow\', ipMask: ip }]',
          '    }',
          `    restrictOutboundNetworkAccess: contains(flags, 'restrict') ? true : false`,
          '  }',
          '}',
          '',
        );
      const parts: string[] = [];
      let size = 0;
      for (let i = 0; size < 5_000_000; i++) {
        parts.push(resource(i));
        size += parts[i].length + 1;
      }
      const text = parts.join('\n');
      const started = Date.now();
      const doc = parseBicep(text);
      const ms = Date.now() - started;
      assert.deepStrictEqual(doc.errors, []);
      assert.strictEqual(doc.program.statements.length, parts.length);
      assert.ok(ms < 5000, `${ms} ms`);
    });
  });
});
