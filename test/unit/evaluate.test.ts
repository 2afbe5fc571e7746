import * as assert from 'assert';
import { CLOUDS, DEFAULT_CLOUD } from '../../server/src/core/clouds';
import { evaluate } from '../../server/src/core/evaluate/evaluator';
import { parseExpression } from '../../server/src/core/evaluate/expression';
import { ArmScope } from '../../server/src/core/frontends/arm/scope';
import { formatResourceId } from '../../server/src/core/model/ids';
import { sameValue, Value } from '../../server/src/core/model/values';
import { armScope } from '../support/scope';

const TEMPLATE = `{
  "parameters": {
    "name": { "type": "string", "defaultValue": "contoso" },
    "count": { "type": "int", "defaultValue": 3 },
    "flag": { "type": "bool", "defaultValue": true },
    "noDefault": { "type": "string" },
    "list": { "type": "array", "defaultValue": ["a", "b"] },
    "obj": { "type": "object", "defaultValue": { "x": { "y": 1 }, "z": "w" } },
    "sites": { "type": "array", "defaultValue": [{ "name": "lyon" }, { "name": "porto" }] },
    "fromOther": { "type": "string", "defaultValue": "[concat(parameters('name'), '-x')]" }
  },
  "variables": {
    "hub": "[concat(parameters('name'), '-hub')]",
    "loop": "[variables('loop')]",
    "copy": [{ "name": "items", "count": 2, "input": "[concat('item', copyIndex('items'))]" }]
  }
}`;

function scope(cloud = DEFAULT_CLOUD): ArmScope {
  return armScope(TEMPLATE, cloud);
}

function ev(expression: string, cloud = DEFAULT_CLOUD): Value {
  return evaluate(parseExpression(expression), scope(cloud), undefined);
}

/** A readable form of a value, for comparisons. */
function show(v: Value): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
      return null;
    case 'array':
      return v.items.map(show);
    case 'object':
      return Object.fromEntries(v.entries().map((e) => [e.key ?? '?', show(e.value)]));
    case 'unknown':
      return v.parts ? { parts: v.parts } : '<unknown>';
    case 'ref':
      return { ref: formatResourceId(v.ref).map((p) => p ?? '?').join('') };
    case 'runtime':
      return { runtime: v.via, type: v.ref.type, path: v.path.join('.') };
  }
}

describe('template expressions', () => {
  const cases: Array<[string, unknown]> = [
    ["parameters('name')", 'contoso'],
    ["parameters('NAME')", 'contoso'],
    ["parameters('fromOther')", 'contoso-x'],
    ["variables('hub')", 'contoso-hub'],
    ["variables('items')", ['item0', 'item1']],
    ["concat('a', 'b', parameters('count'))", 'ab3'],
    ["concat('contoso', '-', 'hub')", 'contoso-hub'],
    ['concat()', ''],
    ["concat(createArray(1), parameters('list'))", [1, 'a', 'b']],
    ["format('{0}-{1}', 'a', parameters('name'))", 'a-contoso'],
    ["format('{{0}} {0}', 'x')", '{0} x'],
    ["createObject('a', 1, 'b', createArray('x'))", { a: 1, b: ['x'] }],
    ["union(parameters('obj'), createObject('z', 'v'))", { x: { y: 1 }, z: 'v' }],
    ["union(createArray('a'), parameters('list'))", ['a', 'b']],
    ["items(createObject('b', 2, 'A', 1))", [{ key: 'A', value: 1 }, { key: 'b', value: 2 }]],
    ["items(createObject('a', parameters('count')))[0].value", 3],
    ["toLower('ABC')", 'abc'],
    ["toUpper('abc')", 'ABC'],
    ["replace('a-b-c', '-', '.')", 'a.b.c'],
    ["substring('contoso', 1, 3)", 'ont'],
    ["split('a,b;c', createArray(',', ';'))", ['a', 'b', 'c']],
    ["if(parameters('flag'), 'yes', 'no')", 'yes'],
    ["if(equals(parameters('count'), 3), 'three', 'other')", 'three'],
    ["not(parameters('flag'))", false],
    ["and(true, parameters('flag'))", true],
    ["or(false, false())", false],
    ["empty(parameters('list'))", false],
    ["empty('')", true],
    ["contains(parameters('list'), 'b')", true],
    ["contains('contoso', 'tos')", true],
    ["string(parameters('count'))", '3'],
    ["bool('true')", true],
    ["int('42')", 42],
    ["length(parameters('list'))", 2],
    ["parameters('obj').x.y", 1],
    ["parameters('obj')['z']", 'w'],
    ["parameters('list')[1]", 'b'],
    ["first(parameters('list'))", 'a'],
    ["environment().suffixes.storage", 'core.windows.net'],
    ["resourceId('Microsoft.Storage/storageAccounts', 'sa')", { ref: '/subscriptions/?/resourceGroups/?/providers/Microsoft.Storage/storageAccounts/sa' }],
    ["subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'guid')", { ref: '/subscriptions/?/providers/Microsoft.Authorization/roleDefinitions/guid' }],
    ["resourceId('other-rg', 'Microsoft.Devices/IotHubs', 'h')", { ref: '/subscriptions/?/resourceGroups/other-rg/providers/Microsoft.Devices/IotHubs/h' }],
    ["resourceId('Microsoft.EventHub/namespaces/eventhubs', 'ns', 'eh')", { ref: '/subscriptions/?/resourceGroups/?/providers/Microsoft.EventHub/namespaces/ns/eventhubs/eh' }],
    ["resourceId('Microsoft.EventHub/namespaces/eventhubs', 'ns/eh')", { ref: '/subscriptions/?/resourceGroups/?/providers/Microsoft.EventHub/namespaces/ns/eventhubs/eh' }],
    ["extensionResourceId(resourceId('Microsoft.Storage/storageAccounts', 'sa'), 'Microsoft.Authorization/roleAssignments', 'x')", { ref: '/subscriptions/?/resourceGroups/?/providers/Microsoft.Storage/storageAccounts/sa/providers/Microsoft.Authorization/roleAssignments/x' }],
    ["reference(resourceId('Microsoft.Devices/IotHubs', 'h'), '2023-06-30', 'Full').identity.principalId", { runtime: 'full', type: 'Microsoft.Devices/IotHubs', path: 'identity.principalId' }],
    ["reference(resourceId('Microsoft.Storage/storageAccounts', 'sa')).primaryEndpoints.blob", 'https://sa.blob.core.windows.net/'],
    [
      "listKeys(resourceId('Microsoft.EventHub/namespaces/authorizationRules', 'ns', 'send'), '2024-01-01').primaryConnectionString",
      { parts: ['Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=', null] },
    ],
    ["concat('https://', parameters('noDefault'), '.blob.core.windows.net')", { parts: ['https://', null, '.blob.core.windows.net'] }],
    ["toLower(concat('A', parameters('noDefault')))", { parts: ['a', null] }],
    ["parameters('noDefault')", '<unknown>'],
    ["variables('loop')", '<unknown>'],
    ["unknownFunction('x')", '<unknown>'],
    ["utcNow()", '<unknown>'],
    ["concat('a'", '<unknown>'],
    ["'it''s'", "it's"],
    ['true', true],
  ];
  for (const [expression, expected] of cases) {
    it(expression, () => assert.deepStrictEqual(show(ev(expression)), expected));
  }

  it('selects the sovereign clouds for environment()', () => {
    assert.strictEqual(show(ev('environment().suffixes.storage', CLOUDS.AzureChinaCloud)), 'core.chinacloudapi.cn');
    assert.strictEqual(show(ev('environment().name', CLOUDS.AzureUSGovernment)), 'AzureUSGovernment');
  });

  it('gives guid() an unknown value that is stable for the same inputs', () => {
    const s = scope();
    const a = evaluate(parseExpression("guid(resourceGroup().id, 'x')"), s, undefined);
    const b = evaluate(parseExpression("guid(resourceGroup().id, 'x')"), s, undefined);
    const c = evaluate(parseExpression("guid(resourceGroup().id, 'y')"), s, undefined);
    assert.strictEqual(a.kind, 'unknown');
    assert.strictEqual(sameValue(a, b), true);
    assert.notStrictEqual(sameValue(a, c), true);
  });

  it('makes the same unknown name from the same parameter, written two ways', () => {
    const s = scope();
    const a = evaluate(parseExpression("concat(parameters('noDefault'), '-hub')"), s, undefined);
    const b = evaluate(parseExpression("format('{0}-hub', parameters('noDefault'))"), s, undefined);
    assert.strictEqual(sameValue(a, b), true);
  });

  it('reads a parameter as a plain value, marked as an input and placed where it is read', () => {
    const s = scope();
    for (const [name, expected] of [['name', 'contoso'], ['count', 3], ['flag', true]] as const) {
      const at = { doc: 't.json', offset: 100, length: 5 };
      const a = evaluate(parseExpression(`parameters('${name}')`), s, at);
      const b = evaluate(parseExpression(`parameters('${name}')`), s, undefined);
      assert.deepStrictEqual([show(a), a.input, a.loc], [expected, true, at], name);
      assert.strictEqual(b.input, true, name);
      // Copies of their own class would give each read a hidden class of its own: reads stay plain values.
      assert.strictEqual(Object.getPrototypeOf(a), Object.prototype, name);
    }
    const obj = evaluate(parseExpression("parameters('obj')"), s, { doc: 't.json', offset: 7, length: 1 });
    assert.deepStrictEqual([show(obj), obj.input, obj.loc?.offset], [{ x: { y: 1 }, z: 'w' }, true, 7]);
  });

  it('reads an item of a list parameter, as a copy loop does, through a copy that does not make the item a prototype', () => {
    const s = scope();
    const at = { doc: 't.json', offset: 100, length: 5 };
    const read = evaluate(parseExpression("parameters('sites')[1]"), s, at);
    const list = s.parameter('sites');
    const item = list.kind === 'array' ? list.items[1] : undefined;
    assert.ok(read.kind === 'object' && item?.kind === 'object');
    // An input, where the item is written.
    assert.deepStrictEqual([read.input, read.loc?.offset], [true, item.loc?.offset]);
    // The same value read through: what the item read is not read again.
    assert.strictEqual(read.get('name'), item.get('name'));
    // An object made a prototype gets a hidden class of its own: code reading a loop's thousand items would slow down.
    assert.ok(!item.isPrototypeOf(read) && !list.isPrototypeOf(evaluate(parseExpression("parameters('sites')"), s, at)));
  });

  it('never throws, whatever the expression', () => {
    for (const junk of ['', '(', "'", 'a.b.c', '[[[', 'concat(,)', 'parameters()', "substring('a', -5, 99)", 'range(0, 100000000)', "json('[1')"]) {
      assert.doesNotThrow(() => ev(junk), junk);
    }
  });

  it('turns nesting beyond reason into unknown rather than a deep recursion', () => {
    const deep = 'concat('.repeat(5000) + "'a'" + ')'.repeat(5000);
    assert.strictEqual(ev(deep).kind, 'unknown');
  });
});
