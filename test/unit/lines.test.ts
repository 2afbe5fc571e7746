/** Where lines start, and their indentation, in texts with any kind of line break. */
import * as assert from 'assert';
import { lineIndentOf, lineStartOf } from '../../server/src/core/text/lines';

describe('lineStartOf and lineIndentOf', () => {
  // Each case: a text with the place asked about marked by |, and where its line starts marked by ^.
  const CASES = [
    '^a|bc',
    '^|',
    'ab\n^  c|d',
    'ab\r\n^  c|d',
    'ab\r^  c|d',
    'a\n^|',
    '\n^|x',
    '^|\nx',
    'a\r\n\r\n^\t\t|x',
  ];
  for (const marked of CASES) {
    it(`finds the start of the line in ${JSON.stringify(marked)}`, () => {
      const start = marked.indexOf('^');
      const text = marked.replace('^', '').replace('|', '');
      const offset = marked.replace('^', '').indexOf('|');
      assert.strictEqual(lineStartOf(text, offset), start);
      assert.strictEqual(lineIndentOf(text, offset), /^[ \t]*/.exec(text.slice(start, offset))![0]);
    });
  }
});
