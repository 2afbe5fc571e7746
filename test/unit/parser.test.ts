import * as assert from 'assert';
import { parseJson } from '../../server/src/core/json/parser';
import { findProperty, nodeAt, pathOf, toPlain } from '../../server/src/core/json/tree';

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

  it('treats a container in a key position as an error, not as a closer', () => {
    const doc = parseJson('{"a": 1, {"x": 1}, "b": 2}');
    assert.ok(doc.errors.length >= 1);
    assert.strictEqual(findProperty(doc.root, 'b')?.value?.value, 2);
  });
});
