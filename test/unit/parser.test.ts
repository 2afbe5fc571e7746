import * as assert from 'assert';
import { parseJson } from '../../server/src/core/json/parser';
import { findKeyIndex, findKeyIndices, findProperty, hasBracketKey, nodeAt, nodeOfIndex, pathOf, toPlain, valueIndexOf } from '../../server/src/core/json/tree';

const plain = (text: string) => toPlain(parseJson(text).root!);

describe('JSON parser', () => {
  it('reads what JSON.parse reads', () => {
    const samples = ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\"y\\u00e9\\n"]}', '"s"', '0', '{"nested":{"deep":[[],[{}]]}}'];
    for (const s of samples) {
      assert.deepStrictEqual(parseJson(s).errors, [], s);
      assert.deepStrictEqual(plain(s), JSON.parse(s), s);
    }
  });

  it('tolerates comments, trailing commas and raw control characters in strings, as ARM does', () => {
    const text = '{\n  // a comment\n  "a": [1, 2,], /* block */\n  "b": "line one\nline two\ttab",\n}';
    const doc = parseJson(text);
    assert.deepStrictEqual(doc.errors, []);
    assert.deepStrictEqual(plain(text), { a: [1, 2], b: 'line one\nline two\ttab' });
    assert.deepStrictEqual(
      doc.comments.map((c) => c.text.trim()),
      ['a comment', 'block'],
    );
  });

  it('skips a byte order mark', () => {
    const doc = parseJson('\uFEFF{"a":1}');
    assert.deepStrictEqual(doc.errors, []);
    assert.strictEqual(findProperty(doc.root, 'a')!.offset, 2);
  });

  it('reports errors with ranges and keeps what parsed', () => {
    const text = '{"a": 1 "b": 2, "c": [1 2], "d": }';
    const doc = parseJson(text);
    assert.deepStrictEqual(
      doc.errors.map((e) => e.message),
      ["Expected ',' between properties.", "Expected ',' between array items.", 'Expected a value.'],
    );
    assert.deepStrictEqual(plain(text), { a: 1, b: 2, c: [1, 2] });
  });

  it('closes what is left open at the end, with an error', () => {
    const doc = parseJson('{"resources": [ {"type": "x"');
    assert.strictEqual(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /not closed/);
    assert.deepStrictEqual(toPlain(doc.root!), { resources: [{ type: 'x' }] });
  });

  it('ends an unterminated string at its line break', () => {
    const doc = parseJson('{"a": "open\n, "b": 1}');
    assert.ok(doc.errors.some((e) => /Unterminated string/.test(e.message)));
    assert.strictEqual(findProperty(doc.root, 'b')?.value?.value, 1);
  });

  it('reports a run of junk once', () => {
    const doc = parseJson('{"a": @@@@@@@@@@}');
    assert.strictEqual(doc.errors.filter((e) => e.message.startsWith('Unexpected')).length, 1);
  });

  it('parses 100,000 nested arrays without recursion', () => {
    const depth = 100000;
    const doc = parseJson('['.repeat(depth) + ']'.repeat(depth));
    assert.deepStrictEqual(doc.errors, []);
    assert.strictEqual(doc.maxDepth, depth);
  });

  it('caps the number of errors on binary junk', () => {
    let junk = '{';
    for (let i = 0; i < 5000; i++) junk += '"k": ,';
    const doc = parseJson(junk);
    assert.ok(doc.errors.length <= 201);
    assert.match(doc.errors[doc.errors.length - 1].message, /Too many/);
  });

  it('gives nodes their paths and finds the node at an offset', () => {
    const text = '{"resources": [{"name": "a"}, {"name": "b"}]}';
    const doc = parseJson(text);
    const node = nodeAt(doc.root, text.indexOf('"b"') + 1)!;
    assert.strictEqual(node.value, 'b');
    assert.deepStrictEqual(pathOf(node), ['resources', 1, 'name']);
  });

  it('finds the node of any tape index again from the root, with its path', () => {
    const text = '{"resources": [{"name": "a", "tags": {"x": [1, {"y": true}]}}, {"name": "b"}], "after": null}';
    const doc = parseJson(text);
    const tape = doc.root!.tape;
    for (let i = 0; i < tape.count; i++) {
      const node = nodeOfIndex(tape, i);
      // Keys are not nodes: the property's value is.
      if (tape.kinds[i] === 8) assert.strictEqual(node, undefined, `key at ${i}`);
      else assert.strictEqual(node?.index, i, `token ${i}`);
    }
    const y = nodeOfIndex(tape, valueIndexOf(tape, findKeyIndex(tape, findProperty(findProperty(findProperty(doc.root, 'resources')!.value!.items![0], 'tags')!.value!, 'x')!.value!.items![1].index, 'y')))!;
    assert.deepStrictEqual(pathOf(y), ['resources', 0, 'tags', 'x', 1, 'y']);
    assert.strictEqual(nodeOfIndex(tape, tape.count + 5), undefined);
  });

  it('finds keys on the tape as ARM does: exact spelling first, then without regard to case, escapes decoded', () => {
    const text = '{"Name": 1, "name": 2, "t\\u0079pe": 3, "LOCATION": 4}';
    const doc = parseJson(text);
    const tape = doc.root!.tape;
    const valueOf = (key: string) => {
      const k = findKeyIndex(tape, 0, key);
      return k < 0 ? undefined : tape.text.slice(tape.starts[valueIndexOf(tape, k)], tape.ends[valueIndexOf(tape, k)]);
    };
    assert.strictEqual(valueOf('name'), '2');
    assert.strictEqual(valueOf('NAME'), '1');
    assert.strictEqual(valueOf('type'), '3');
    assert.strictEqual(valueOf('location'), '4');
    assert.strictEqual(valueOf('absent'), undefined);
    assert.deepStrictEqual(
      Array.from(findKeyIndices(tape, 0, ['location', 'absent', 'name', 'type']), (k) => (k < 0 ? undefined : tape.text.slice(tape.starts[k + 1], tape.ends[k + 1]))),
      ['4', undefined, '2', '3'],
    );
  });

  it('marks objects that have a key in brackets', () => {
    const doc = parseJson('{"a": {"[parameters(\'k\')]": 1}, "b": {"k": "[x]"}}');
    assert.strictEqual(hasBracketKey(doc.root!.tape, findProperty(doc.root, 'a')!.value!.index), true);
    assert.strictEqual(hasBracketKey(doc.root!.tape, findProperty(doc.root, 'b')!.value!.index), false);
    assert.strictEqual(hasBracketKey(doc.root!.tape, doc.root!.index), false);
  });

  it('treats a container in a key position as an error, not as a closer', () => {
    const doc = parseJson('{"a": 1, {"x": 1}, "b": 2}');
    assert.ok(doc.errors.length >= 1);
    assert.strictEqual(findProperty(doc.root, 'b')?.value?.value, 2);
  });
});
