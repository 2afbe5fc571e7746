/**
 * A tolerant, iterative parser for JSON with comments, as Azure Resource
 * Manager reads it: comments, trailing commas and raw control characters or
 * line breaks inside strings are accepted without complaint (real quickstart
 * templates rely on all three).
 *
 * It never throws and never recurses: nesting lives on an explicit stack, so
 * a document of 100,000 nested arrays parses like any other. On malformed
 * input it reports errors with ranges and keeps everything that parsed.
 *
 * The tree it builds has the shape jsonc-parser's edit operations expect from
 * a path, and the grammar it accepts is jsonc-parser's (with
 * `allowTrailingComma`), so edits computed by jsonc-parser line up with it.
 */
import { Comment, isHex4, JsonDocument, JsonNode, SyntaxError, Tape, TapeFlag, TapeKind } from './tree';

const enum Tok {
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  Colon,
  Comma,
  String,
  Number,
  True,
  False,
  Null,
  Invalid,
  EOF,
}

const enum State {
  /** After `[` or `,` in an array. */
  ArrayValue,
  /** After an item of an array. */
  ArrayAfterValue,
  /** After `{` or `,` in an object. */
  ObjectKey,
  /** After a key. */
  ObjectColon,
  /** After a colon. */
  ObjectValue,
  /** After a property value. */
  ObjectAfterValue,
}

export function parseJson(text: string): JsonDocument {
  return new Parser(text).parse();
}

class Parser {
  private pos = 0;
  private tokStart = 0;
  private tokEnd = 0;
  private tokFlags = 0;
  private pushedBack = false;
  private nextBackslash = -2;
  private nextLineBreak = -2;
  private lastTok: Tok = Tok.EOF;
  private readonly errors: SyntaxError[] = [];
  private readonly comments: Comment[] = [];
  private readonly len: number;
  private readonly tape: Tape;

  // The stack of open containers, as parallel typed arrays: nothing is allocated per container, and the code that
  // reads them meets the same kind of array in every document. (Plain arrays changed their elements kind in the
  // first document, and the optimized parser was thrown away at the start of the next one.)
  private stackIndex = new Int32Array(64);
  private stackState = new Uint8Array(64);
  private stackAfterComma = new Uint8Array(64);
  private depth = 0;

  constructor(private readonly text: string) {
    this.len = text.length;
    // The corpus templates hold a token every 21 to 28 characters (5th to 75th percentile); the tape doubles when it must.
    // Starting larger costs more than the rare doubling: every byte of the tape is zeroed, and the
    // garbage collector counts it as memory pressure.
    this.tape = new Tape(text, Math.max(64, (this.len / 16) | 0));
    // A byte order mark is not part of the document.
    if (this.len > 0 && text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parse(): JsonDocument {
    const tape = this.tape;
    let maxDepth = 0;

    let tok = this.next();
    while (tok !== Tok.EOF && !isValueStart(tok)) {
      this.errorAtToken('Expected a JSON value.');
      tok = this.next();
    }
    if (tok === Tok.EOF) {
      this.error(this.tokStart, 0, 'The document is empty: expected a JSON object.');
      return { root: undefined, errors: this.errors, comments: this.comments, maxDepth: 0 };
    }
    this.pushValue(tok);
    if (tok === Tok.OpenBrace || tok === Tok.OpenBracket) this.open(0, tok);
    maxDepth = this.depth;

    while (this.depth > 0) {
      const top = this.depth - 1;
      const state = this.stackState[top];
      tok = this.next();

      if (tok === Tok.EOF) {
        // Everything still open is closed at the end of the text.
        const container = this.stackIndex[top];
        const closer = tape.kinds[container] === TapeKind.Object ? '}' : ']';
        const what = tape.kinds[container] === TapeKind.Object ? 'object' : 'array';
        this.error(tape.starts[container], 1, `Missing '${closer}': this ${what} is not closed.`);
        while (this.depth > 0) this.close(this.len);
        break;
      }

      switch (state) {
        case State.ArrayValue:
          if (tok === Tok.CloseBracket) {
            if (this.stackAfterComma[top] && tape.skips[this.stackIndex[top]] === this.stackIndex[top] + 1 && tape.count === this.stackIndex[top] + 1) {
              this.errorAtToken('Expected a value before the comma.');
            }
            this.close(this.tokEnd);
          } else if (isValueStart(tok)) {
            const item = this.pushValue(tok);
            this.stackState[top] = State.ArrayAfterValue;
            this.stackAfterComma[top] = 0;
            if (tok === Tok.OpenBrace || tok === Tok.OpenBracket) {
              this.open(item, tok);
              if (this.depth > maxDepth) maxDepth = this.depth;
            }
          } else if (tok === Tok.Comma) {
            this.errorAtToken('Expected a value before the comma.');
          } else if (tok === Tok.CloseBrace && this.encloses(TapeKind.Object)) {
            this.errorAtToken("Expected ']' before '}'.");
            this.close(this.tokStart);
            this.pushBack();
          } else {
            this.errorAtToken('Expected a value.');
          }
          break;

        case State.ArrayAfterValue:
          if (tok === Tok.Comma) {
            this.stackState[top] = State.ArrayValue;
            this.stackAfterComma[top] = 1;
          } else if (tok === Tok.CloseBracket) {
            this.close(this.tokEnd);
          } else if (isValueStart(tok)) {
            this.error(this.tokStart, 0, "Expected ',' between array items.");
            this.stackState[top] = State.ArrayValue;
            this.pushBack();
          } else if (tok === Tok.CloseBrace && this.encloses(TapeKind.Object)) {
            this.errorAtToken("Expected ']' before '}'.");
            this.close(this.tokStart);
            this.pushBack();
          } else {
            this.errorAtToken("Expected ',' or ']'.");
          }
          break;

        case State.ObjectKey:
          if (tok === Tok.String) {
            tape.push(TapeKind.Key, this.tokStart, this.tokEnd, this.tokFlags);
            if (this.text.charCodeAt(this.tokStart + 1) === 91) tape.flags[this.stackIndex[top]] |= TapeFlag.BracketKey;
            this.stackState[top] = State.ObjectColon;
            this.stackAfterComma[top] = 0;
          } else if (tok === Tok.CloseBrace) {
            if (this.stackAfterComma[top] && tape.count === this.stackIndex[top] + 1) this.errorAtToken('Expected a property before the comma.');
            this.close(this.tokEnd);
          } else if (tok === Tok.CloseBracket && this.encloses(TapeKind.Array)) {
            this.errorAtToken("Expected '}' before ']'.");
            this.close(this.tokStart);
            this.pushBack();
          } else {
            this.errorAtToken('Expected a property name in double quotes.');
            if (tok === Tok.OpenBrace || tok === Tok.OpenBracket) {
              // A container where a key belongs: read it, outside the tree, so its closer does not close this object.
              const orphan = tape.push(TapeKind.Orphan, this.tokStart, this.tokEnd, 0);
              this.open(orphan, tok);
              if (this.depth > maxDepth) maxDepth = this.depth;
            }
          }
          break;

        case State.ObjectColon:
          if (tok === Tok.Colon) {
            this.stackState[top] = State.ObjectValue;
          } else {
            this.error(this.tokStart, 0, "Expected ':' after the property name.");
            this.stackState[top] = State.ObjectValue;
            if (tok === Tok.CloseBrace || tok === Tok.Comma || isValueStart(tok)) this.pushBack();
          }
          break;

        case State.ObjectValue:
          if (isValueStart(tok)) {
            const value = this.pushValue(tok);
            this.stackState[top] = State.ObjectAfterValue;
            if (tok === Tok.OpenBrace || tok === Tok.OpenBracket) {
              this.open(value, tok);
              if (this.depth > maxDepth) maxDepth = this.depth;
            }
          } else {
            this.errorAtToken('Expected a value.');
            this.stackState[top] = State.ObjectAfterValue;
            if (tok === Tok.CloseBrace || tok === Tok.Comma || tok === Tok.CloseBracket) this.pushBack();
          }
          break;

        case State.ObjectAfterValue:
          if (tok === Tok.Comma) {
            this.stackState[top] = State.ObjectKey;
            this.stackAfterComma[top] = 1;
          } else if (tok === Tok.CloseBrace) {
            this.close(this.tokEnd);
          } else if (tok === Tok.String) {
            this.error(this.tokStart, 0, "Expected ',' between properties.");
            this.stackState[top] = State.ObjectKey;
            this.pushBack();
          } else if (tok === Tok.CloseBracket && this.encloses(TapeKind.Array)) {
            this.errorAtToken("Expected '}' before ']'.");
            this.close(this.tokStart);
            this.pushBack();
          } else {
            this.errorAtToken("Expected ',' or '}'.");
          }
          break;
      }
    }

    return this.finish(maxDepth);
  }

  /**
   * After the root value. A method of its own: the loop above is compiled while it runs (on-stack replacement),
   * before this code ever ran, and optimized code that meets code without type feedback is thrown away, at the end of
   * every parse of an editing session.
   */
  private finish(maxDepth: number): JsonDocument {
    // Anything after the root value is an error (comments excepted).
    if (this.next() !== Tok.EOF) {
      const start = this.tokStart;
      this.error(start, this.len - start, 'Unexpected content after the end of the document.');
    }
    this.tape.root = new JsonNode(this.tape, 0, undefined);
    return { root: this.tape.root, errors: this.errors, comments: this.comments, maxDepth };
  }

  /** Puts a value token on the tape; a scalar that is a key's value completes that key. */
  private pushValue(tok: Tok): number {
    const tape = this.tape;
    let kind: TapeKind;
    switch (tok) {
      case Tok.OpenBrace:
        kind = TapeKind.Object;
        break;
      case Tok.OpenBracket:
        kind = TapeKind.Array;
        break;
      case Tok.String:
        kind = TapeKind.String;
        break;
      case Tok.Number:
        kind = TapeKind.Number;
        break;
      case Tok.True:
        kind = TapeKind.True;
        break;
      case Tok.False:
        kind = TapeKind.False;
        break;
      default:
        kind = TapeKind.Null;
    }
    const index = tape.push(kind, this.tokStart, this.tokEnd, this.tokFlags);
    if (kind !== TapeKind.Object && kind !== TapeKind.Array) this.completeKey(index);
    return index;
  }

  /** A value at `index` right after a key is that key's value: the key's subtree ends with it. */
  private completeKey(index: number): void {
    const tape = this.tape;
    if (index > 0 && tape.kinds[index - 1] === TapeKind.Key && tape.kinds[index] !== TapeKind.Orphan) tape.skips[index - 1] = tape.count;
  }

  private open(index: number, tok: Tok): void {
    if (this.depth === this.stackIndex.length) this.growStack();
    const top = this.depth++;
    this.stackIndex[top] = index;
    this.stackState[top] = tok === Tok.OpenBrace ? State.ObjectKey : State.ArrayValue;
    this.stackAfterComma[top] = 0;
  }

  /** Doubles the stack: 100,000 nested arrays are a document too. */
  private growStack(): void {
    const size = this.stackIndex.length * 2;
    const index = new Int32Array(size);
    const state = new Uint8Array(size);
    const afterComma = new Uint8Array(size);
    index.set(this.stackIndex);
    state.set(this.stackState);
    afterComma.set(this.stackAfterComma);
    this.stackIndex = index;
    this.stackState = state;
    this.stackAfterComma = afterComma;
  }

  /** Whether some container below the top of the stack is of this kind (a mismatched closer then belongs to it). */
  private encloses(kind: TapeKind): boolean {
    for (let i = this.depth - 2; i >= 0; i--) if (this.tape.kinds[this.stackIndex[i]] === kind) return true;
    return false;
  }

  /** Closes the container on top of the stack; it ends at `end`. */
  private close(end: number): void {
    const tape = this.tape;
    const index = this.stackIndex[--this.depth];
    tape.ends[index] = end;
    tape.skips[index] = tape.count;
    this.completeKey(index);
  }

  private pushBack(): void {
    this.pushedBack = true;
  }

  private error(offset: number, length: number, message: string): void {
    // Binary junk would otherwise produce an error per byte; past a point more errors tell nothing.
    if (this.errors.length < MAX_ERRORS) this.errors.push({ offset, length, message });
    else if (this.errors.length === MAX_ERRORS) {
      this.errors.push({ offset, length: 0, message: 'Too many syntax errors: the rest are not reported.' });
    }
  }

  private errorAtToken(message: string): void {
    this.error(this.tokStart, this.tokEnd - this.tokStart, message);
  }

  /** The next token, skipping white space and comments. */
  private next(): Tok {
    if (this.pushedBack) {
      this.pushedBack = false;
      return this.lastTok;
    }
    let tok = this.scan();
    // Invalid runs were reported by the scanner; the grammar never sees them.
    while (tok === Tok.Invalid) tok = this.scan();
    this.lastTok = tok;
    return tok;
  }

  private scan(): Tok {
    const text = this.text;
    const len = this.len;
    let pos = this.pos;
    for (;;) {
      // White space.
      while (pos < len) {
        const c = text.charCodeAt(pos);
        if (isJsonSpace(c)) pos++;
        else break;
      }
      if (pos >= len) {
        this.tokStart = this.tokEnd = this.pos = len;
        return Tok.EOF;
      }
      const c = text.charCodeAt(pos);
      if (c === 47 /* / */) {
        const c2 = pos + 1 < len ? text.charCodeAt(pos + 1) : 0;
        if (c2 === 47) {
          let end = pos + 2;
          while (end < len) {
            const d = text.charCodeAt(end);
            if (d === 10 || d === 13) break;
            end++;
          }
          this.comments.push({ offset: pos, length: end - pos, text: text.slice(pos + 2, end) });
          pos = end;
          continue;
        }
        if (c2 === 42) {
          const close = text.indexOf('*/', pos + 2);
          const end = close < 0 ? len : close + 2;
          if (close < 0) this.error(pos, len - pos, 'Unterminated comment: missing */.');
          this.comments.push({ offset: pos, length: end - pos, text: text.slice(pos + 2, close < 0 ? len : close) });
          pos = end;
          continue;
        }
      }
      this.tokStart = pos;
      this.tokFlags = 0;
      switch (c) {
        case 123:
          this.pos = this.tokEnd = pos + 1;
          return Tok.OpenBrace;
        case 125:
          this.pos = this.tokEnd = pos + 1;
          return Tok.CloseBrace;
        case 91:
          this.pos = this.tokEnd = pos + 1;
          return Tok.OpenBracket;
        case 93:
          this.pos = this.tokEnd = pos + 1;
          return Tok.CloseBracket;
        case 58:
          this.pos = this.tokEnd = pos + 1;
          return Tok.Colon;
        case 44:
          this.pos = this.tokEnd = pos + 1;
          return Tok.Comma;
        case 34:
          return this.scanString(pos);
        case 116:
          return this.scanWord(pos, 'true', Tok.True);
        case 102:
          return this.scanWord(pos, 'false', Tok.False);
        case 110:
          return this.scanWord(pos, 'null', Tok.Null);
        default:
          if (c === 45 || (c >= 48 && c <= 57)) return this.scanNumber(pos);
          return this.scanInvalid(pos);
      }
    }
  }

  private scanString(start: number): Tok {
    const text = this.text;
    const len = this.len;
    let end = start + 1;
    let hasEscape = false;
    // Fast path: find the closing quote with indexOf and check for escapes in between.
    for (;;) {
      const quote = text.indexOf('"', end);
      if (quote < 0) {
        end = -1;
        break;
      }
      const backslash = this.backslashFrom(end);
      if (backslash < 0 || backslash > quote) {
        end = quote;
        break;
      }
      // An escape comes first: step over it.
      hasEscape = true;
      end = backslash + 2;
      if (end > len) {
        end = -1;
        break;
      }
    }
    // ARM accepts line breaks inside strings; but when a string with a line break is followed by something
    // no string can be followed by, its closing quote is missing: it ends at its first line break.
    if (end >= 0) {
      const lineBreak = this.lineBreakFrom(start + 1);
      if (lineBreak >= 0 && lineBreak < end && !this.canFollowString(end + 1)) end = -1;
    }
    if (end < 0) {
      // Unterminated: end the string at its first line break so the rest of the document still parses.
      let stop = start + 1;
      while (stop < len) {
        const d = text.charCodeAt(stop);
        if (d === 10 || d === 13) break;
        stop++;
      }
      this.error(start, stop - start, 'Unterminated string: missing closing quote.');
      this.tokFlags = TapeFlag.Unterminated | (hasEscape ? TapeFlag.Escaped : 0);
      this.tokEnd = this.pos = stop;
      return Tok.String;
    }
    this.tokFlags = hasEscape ? TapeFlag.Escaped : 0;
    this.tokEnd = this.pos = end + 1;
    if (hasEscape) this.checkEscapes(start + 1, end);
    return Tok.String;
  }

  /** The position of the next line feed at or after `from` (-1 when there is none), remembered like backslashes. */
  private lineBreakFrom(from: number): number {
    if (this.nextLineBreak !== -1 && this.nextLineBreak < from) this.nextLineBreak = this.text.indexOf('\n', from);
    return this.nextLineBreak;
  }

  /** Whether the text at `pos` (after white space) may follow a string: a separator, a closer, a comment, the end. */
  private canFollowString(pos: number): boolean {
    const text = this.text;
    while (pos < this.len) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else return c === 44 || c === 125 || c === 93 || c === 58 || c === 47;
    }
    return true;
  }

  /**
   * The position of the next backslash at or after `from` (-1 when there is none).
   * Remembered between calls: positions only grow, so the whole parse scans the text for backslashes once.
   */
  private backslashFrom(from: number): number {
    if (this.nextBackslash !== -1 && this.nextBackslash < from) this.nextBackslash = this.text.indexOf('\\', from);
    return this.nextBackslash;
  }

  /** Reports escape sequences JSON does not know (the value is still decoded leniently). */
  private checkEscapes(from: number, to: number): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) !== 92) continue;
      const e = text.charCodeAt(i + 1);
      if (e === 117 /* u */) {
        if (!isHex4(text, i + 2)) this.error(i, 2, 'Invalid unicode escape: expected four hex digits.');
      } else if (!(e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)) {
        this.error(i, 2, 'Invalid escape character in string.');
      }
      i++;
    }
  }

  private scanWord(start: number, word: string, tok: Tok): Tok {
    if (this.text.startsWith(word, start) && !isWordChar(this.text.charCodeAt(start + word.length))) {
      this.tokEnd = this.pos = start + word.length;
      this.tokFlags = 0;
      return tok;
    }
    return this.scanInvalid(start);
  }

  private scanNumber(start: number): Tok {
    const text = this.text;
    const len = this.len;
    let pos = start;
    if (text.charCodeAt(pos) === 45) pos++;
    const digitsStart = pos;
    while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    let valid = pos > digitsStart;
    if (pos < len && text.charCodeAt(pos) === 46) {
      pos++;
      const fraction = pos;
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
      if (pos === fraction) valid = false;
    }
    if (pos < len && (text.charCodeAt(pos) === 101 || text.charCodeAt(pos) === 69)) {
      pos++;
      if (pos < len && (text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45)) pos++;
      const exponent = pos;
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
      if (pos === exponent) valid = false;
    }
    if (pos < len && isWordChar(text.charCodeAt(pos))) return this.scanInvalid(start);
    this.tokEnd = this.pos = pos;
    if (!valid) this.error(start, pos - start, 'Invalid number.');
    this.tokFlags = valid ? 0 : TapeFlag.InvalidNumber;
    return Tok.Number;
  }

  /** A run of characters that starts no token: reported once, as one error. */
  private scanInvalid(start: number): Tok {
    const text = this.text;
    let pos = start + 1;
    while (pos < this.len && !endsInvalidRun(text.charCodeAt(pos))) pos++;
    this.tokEnd = this.pos = pos;
    this.error(start, pos - start, `Unexpected '${text.slice(start, Math.min(pos, start + 40))}'.`);
    return Tok.Invalid;
  }
}

const MAX_ERRORS = 200;

/** White space between tokens, as jsonc-parser reads it (line and paragraph separators, BOM and no-break space too). */
export function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 11 || c === 12;
}

function endsInvalidRun(c: number): boolean {
  return c === 123 || c === 125 || c === 91 || c === 93 || c === 58 || c === 44 || c === 34 || c === 47 || c === 32 || c === 10 || c === 13 || c === 9;
}

function isValueStart(tok: Tok): boolean {
  return tok <= Tok.OpenBracket ? tok === Tok.OpenBrace || tok === Tok.OpenBracket : tok >= Tok.String && tok <= Tok.Null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 45 || c === 43 || c === 46;
}
