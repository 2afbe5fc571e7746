/**
 * The Bicep lexer: one pass over the character codes, writing tokens into
 * typed arrays (kind, start, end, flags) so that a large file costs no
 * object per token. Comments and `#disable-next-line` directives are trivia,
 * collected on the side; line breaks are tokens, because they separate
 * statements, properties and items.
 *
 * Strings are cut into pieces at their interpolation holes (`'a${` `}b${`
 * `}c'`), so the lexer is modal: a stack records, for each open hole, what
 * kind of string it belongs to, and braces opened inside the hole, so that a
 * `}` can be told apart as the end of an object or the end of the hole.
 */
import type { SourceComment } from '../../model/document';

export const enum Tok {
  EOF,
  NewLine,
  Identifier,
  Integer,
  True,
  False,
  Null,
  /** `'…'` or `'''…'''`: a string without holes. */
  StringComplete,
  /** `'…${` */
  StringLeft,
  /** `}…${` */
  StringMiddle,
  /** `}…'` */
  StringRight,
  LeftBrace,
  RightBrace,
  LeftParen,
  RightParen,
  LeftSquare,
  RightSquare,
  Comma,
  Dot,
  Question,
  Colon,
  Semicolon,
  Assignment,
  Plus,
  Minus,
  Asterisk,
  Slash,
  Modulo,
  Exclamation,
  Less,
  Greater,
  LessOrEqual,
  GreaterOrEqual,
  Equals,
  NotEquals,
  EqualsInsensitive,
  NotEqualsInsensitive,
  And,
  Or,
  DoubleQuestion,
  DoubleColon,
  Arrow,
  Pipe,
  Ellipsis,
  Hat,
  At,
  Unrecognized,
}

/** The number of token kinds, for tables indexed by kind. */
export const TOKEN_KINDS = Tok.Unrecognized + 1;

/** Flags of a string piece; the interpolation's `$` count of a multi-line string is stored above them. */
export const enum StringFlag {
  Unterminated = 1,
  Multiline = 2,
  /** A single-line piece with a backslash in it. */
  Escaped = 4,
  DollarShift = 3,
}

export class Tokens {
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
  }

  push(kind: Tok, start: number, end: number, flags: number): void {
    if (this.count === this.kinds.length) this.grow();
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.flags[i] = flags;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds);
    this.kinds = kinds;
    for (const key of ['starts', 'ends', 'flags'] as const) {
      const next = new Int32Array(capacity);
      next.set(this[key]);
      this[key] = next;
    }
  }
}

export interface LexResult {
  tokens: Tokens;
  comments: SourceComment[];
  directives: SourceComment[];
}

/** What an open interpolation hole belongs to: a brace opened inside a hole, a single-line string, or a multi-line string with its `$` count. */
const HOLE_BRACE = -1;
const HOLE_SINGLE_LINE = 0;

const MAX_IDENTIFIER_LENGTH = 255;

const DIRECTIVE_KEYWORDS = ['disable-next-line', 'disable-diagnostics', 'restore-diagnostics'];

export function lex(text: string, report: (offset: number, length: number, message: string) => void): LexResult {
  return new Lexer(text, report).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Tokens;
  private readonly holes: number[] = [];
  private readonly comments: SourceComment[] = [];
  private readonly directives: SourceComment[] = [];

  constructor(
    private readonly text: string,
    private readonly report: (offset: number, length: number, message: string) => void,
  ) {
    this.tokens = new Tokens(Math.max(16, text.length >> 2));
  }

  run(): LexResult {
    const text = this.text;
    const n = text.length;
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    while (this.pos < n) this.scan();
    if (this.holes.some((h) => h !== HOLE_BRACE)) this.report(n, 0, 'Unterminated string: the file ends inside an interpolation.');
    this.tokens.push(Tok.EOF, n, n, 0);
    return { tokens: this.tokens, comments: this.comments, directives: this.directives };
  }

  /** Reads trivia or one token at `pos`. */
  private scan(): void {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    let p = start + 1;
    let kind: Tok;
    switch (c) {
      case 32: // space
      case 9: // tab
        while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
        this.pos = p;
        return;
      case 10:
      case 13:
        if (this.holes.length) {
          // A line break ends any string whose hole is open: the hole cannot span lines.
          this.report(start, 0, 'Unterminated string: a string cannot span lines.');
          this.holes.length = 0;
          this.tokens.push(Tok.StringRight, start, start, StringFlag.Unterminated);
          return;
        }
        while (p < text.length && (text.charCodeAt(p) === 10 || text.charCodeAt(p) === 13)) p++;
        kind = Tok.NewLine;
        break;
      case 47: // /
        if (text.charCodeAt(p) === 47) return this.lineComment(start);
        if (text.charCodeAt(p) === 42) return this.blockComment(start);
        kind = Tok.Slash;
        break;
      case 35: // #
        if (this.directive(start)) return;
        kind = Tok.Unrecognized;
        this.report(start, 1, "Unexpected character '#'.");
        break;
      case 39: // '
        if (text.charCodeAt(p) === 39 && text.charCodeAt(p + 1) === 39) {
          this.pos = p + 2;
          return this.multilineString(start, true, 0);
        }
        this.pos = p;
        return this.singleLineString(start, true);
      case 36: {
        // $'''…''' with holes opened by as many $ as lead the string
        while (text.charCodeAt(p) === 36) p++;
        if (text.charCodeAt(p) === 39 && text.charCodeAt(p + 1) === 39 && text.charCodeAt(p + 2) === 39) {
          const dollars = p - start;
          this.pos = p + 3;
          return this.multilineString(start, true, dollars);
        }
        kind = Tok.Unrecognized;
        this.report(start, p - start, "Unexpected character '$'.");
        break;
      }
      case 123: // {
        if (this.holes.length) this.holes.push(HOLE_BRACE);
        kind = Tok.LeftBrace;
        break;
      case 125: {
        // }
        const top = this.holes.length ? this.holes[this.holes.length - 1] : HOLE_BRACE;
        if (top === HOLE_BRACE) {
          if (this.holes.length) this.holes.pop();
          kind = Tok.RightBrace;
          break;
        }
        this.pos = p;
        if (top === HOLE_SINGLE_LINE) return this.singleLineString(start, false);
        return this.multilineString(start, false, top);
      }
      case 40:
        kind = Tok.LeftParen;
        break;
      case 41:
        kind = Tok.RightParen;
        break;
      case 91:
        kind = Tok.LeftSquare;
        break;
      case 93:
        kind = Tok.RightSquare;
        break;
      case 64:
        kind = Tok.At;
        break;
      case 44:
        kind = Tok.Comma;
        break;
      case 59:
        kind = Tok.Semicolon;
        break;
      case 43:
        kind = Tok.Plus;
        break;
      case 45:
        kind = Tok.Minus;
        break;
      case 37:
        kind = Tok.Modulo;
        break;
      case 42:
        kind = Tok.Asterisk;
        break;
      case 94:
        kind = Tok.Hat;
        break;
      case 46: // .
        if (text.charCodeAt(p) === 46 && text.charCodeAt(p + 1) === 46) {
          p += 2;
          kind = Tok.Ellipsis;
        } else kind = Tok.Dot;
        break;
      case 63: // ?
        if (text.charCodeAt(p) === 63) {
          p++;
          kind = Tok.DoubleQuestion;
        } else kind = Tok.Question;
        break;
      case 58: // :
        if (text.charCodeAt(p) === 58) {
          p++;
          kind = Tok.DoubleColon;
        } else kind = Tok.Colon;
        break;
      case 33: {
        // !
        const d = text.charCodeAt(p);
        if (d === 61) {
          p++;
          kind = Tok.NotEquals;
        } else if (d === 126) {
          p++;
          kind = Tok.NotEqualsInsensitive;
        } else kind = Tok.Exclamation;
        break;
      }
      case 60: // <
        if (text.charCodeAt(p) === 61) {
          p++;
          kind = Tok.LessOrEqual;
        } else kind = Tok.Less;
        break;
      case 62: // >
        if (text.charCodeAt(p) === 61) {
          p++;
          kind = Tok.GreaterOrEqual;
        } else kind = Tok.Greater;
        break;
      case 61: {
        // =
        const d = text.charCodeAt(p);
        if (d === 61) {
          p++;
          kind = Tok.Equals;
        } else if (d === 126) {
          p++;
          kind = Tok.EqualsInsensitive;
        } else if (d === 62) {
          p++;
          kind = Tok.Arrow;
        } else kind = Tok.Assignment;
        break;
      }
      case 38: // &
        if (text.charCodeAt(p) === 38) {
          p++;
          kind = Tok.And;
        } else {
          kind = Tok.Unrecognized;
          this.report(start, 1, "Unexpected character '&'.");
        }
        break;
      case 124: // |
        if (text.charCodeAt(p) === 124) {
          p++;
          kind = Tok.Or;
        } else kind = Tok.Pipe;
        break;
      default:
        if (isIdentifierStart(c)) {
          while (p < text.length && isIdentifierPart(text.charCodeAt(p))) p++;
          kind = keywordKind(text, start, p);
          if (p - start > MAX_IDENTIFIER_LENGTH) this.report(start, p - start, `An identifier may have at most ${MAX_IDENTIFIER_LENGTH} characters.`);
        } else if (c >= 48 && c <= 57) {
          while (p < text.length && isDigit(text.charCodeAt(p))) p++;
          kind = Tok.Integer;
        } else {
          // A run of characters that start nothing is one error, not one per character.
          while (p < text.length && isJunk(text.charCodeAt(p))) p++;
          kind = Tok.Unrecognized;
          this.report(start, p - start, p - start === 1 ? `Unexpected character '${text[start]}'.` : 'Unexpected characters.');
        }
    }
    this.tokens.push(kind, start, p, 0);
    this.pos = p;
  }

  private lineComment(start: number): void {
    const text = this.text;
    let p = start + 2;
    while (p < text.length && !isLineBreak(text.charCodeAt(p))) p++;
    this.comments.push({ offset: start, length: p - start, text: text.slice(start + 2, p) });
    this.pos = p;
  }

  private blockComment(start: number): void {
    const text = this.text;
    const close = text.indexOf('*/', start + 2);
    const end = close < 0 ? text.length : close + 2;
    if (close < 0) this.report(start, 2, 'Unterminated comment: "*/" is missing.');
    this.comments.push({ offset: start, length: end - start, text: text.slice(start + 2, close < 0 ? end : close) });
    this.pos = end;
  }

  /** `#disable-next-line code …` at the start of a line (after blanks only). */
  private directive(start: number): boolean {
    const text = this.text;
    for (let q = start - 1; q >= 0 && !isLineBreak(text.charCodeAt(q)); q--) {
      const c = text.charCodeAt(q);
      if (c !== 32 && c !== 9) return false;
    }
    const keyword = DIRECTIVE_KEYWORDS.find((k) => text.startsWith(k, start + 1));
    if (!keyword) return false;
    let end = start + 1 + keyword.length;
    let p = end;
    let codes = 0;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 9) {
        p++;
        continue;
      }
      if (!isIdentifierPart(c) && c !== 45) break;
      while (p < text.length && (isIdentifierPart(text.charCodeAt(p)) || text.charCodeAt(p) === 45)) p++;
      end = p;
      codes++;
    }
    if (codes === 0) this.report(start, end - start, `#${keyword} needs at least one diagnostic code.`);
    this.directives.push({ offset: start, length: end - start, text: text.slice(start, end) });
    this.pos = end;
    return true;
  }

  /** A piece of a `'…'` string, from after its `'` or `}`. */
  private singleLineString(start: number, first: boolean): void {
    const text = this.text;
    let p = this.pos;
    let escaped = 0;
    for (;;) {
      if (p >= text.length) {
        this.report(start, p - start, 'Unterminated string.');
        return this.endPiece(start, p, first, false, StringFlag.Unterminated | escaped);
      }
      const c = text.charCodeAt(p);
      if (c === 10 || c === 13) {
        this.report(start, p - start, 'Unterminated string: a string cannot span lines.');
        return this.endPiece(start, p, first, false, StringFlag.Unterminated | escaped);
      }
      p++;
      if (c === 39) return this.endPiece(start, p, first, false, escaped);
      if (c === 36 && text.charCodeAt(p) === 123) {
        if (first) this.holes.push(HOLE_SINGLE_LINE);
        return this.endPiece(start, p + 1, first, true, escaped);
      }
      if (c === 92) {
        escaped = StringFlag.Escaped;
        p = this.escape(p);
      }
    }
  }

  /** Checks the escape sequence after a backslash at `p - 1`; returns the position after it. */
  private escape(p: number): number {
    const text = this.text;
    const c = text.charCodeAt(p);
    switch (c) {
      case 110: // n
      case 114: // r
      case 116: // t
      case 92: // \
      case 39: // '
      case 36: // $
        return p + 1;
      case 117: {
        // u{hex}
        const code = unicodeEscape(text, p - 1);
        if (code.length) return p - 1 + code.length;
        this.report(p - 1, 2, 'Invalid unicode escape: write \\u{hex digits}, up to 10FFFF.');
        return p + 1;
      }
      default:
        if (p >= text.length || isLineBreak(c)) return p;
        this.report(p - 1, 2, "Unrecognized escape sequence: use \\\\, \\', \\n, \\r, \\t, \\$ or \\u{…}.");
        return p + 1;
    }
  }

  /** A piece of a `'''…'''` string, from after its opening quotes or `}`; `dollars` opens its holes (0: none). */
  private multilineString(start: number, first: boolean, dollars: number): void {
    const text = this.text;
    const flags = StringFlag.Multiline | (dollars << StringFlag.DollarShift);
    let p = this.pos;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      if (c === 36) {
        let run = 0;
        while (text.charCodeAt(p) === 36) {
          p++;
          run++;
        }
        if (dollars > 0 && run >= dollars && text.charCodeAt(p) === 123) {
          if (first) this.holes.push(dollars);
          return this.endPiece(start, p + 1, first, true, flags);
        }
      } else if (c === 39) {
        let run = 0;
        while (text.charCodeAt(p) === 39) {
          p++;
          run++;
        }
        if (run >= 3) {
          if (!first) this.holes.pop();
          return this.endPiece(start, p, first, false, flags);
        }
      } else p++;
    }
    this.report(start, p - start, "Unterminated multi-line string: ''' is missing.");
    if (!first) this.holes.pop();
    this.endPiece(start, p, first, false, flags | StringFlag.Unterminated);
  }

  private endPiece(start: number, end: number, first: boolean, opensHole: boolean, flags: number): void {
    const kind = opensHole ? (first ? Tok.StringLeft : Tok.StringMiddle) : first ? Tok.StringComplete : Tok.StringRight;
    // A single-line string ends its hole here; a multi-line one did so itself.
    if (!first && !opensHole && !(flags & StringFlag.Multiline) && this.holes.length) this.holes.pop();
    this.tokens.push(kind, start, end, flags);
    this.pos = end;
  }
}

/**
 * The value of the string piece at token `i`: its text between the
 * delimiters, unescaped (single-line) or without the line break that
 * follows the opening quotes (multi-line).
 */
export function stringPieceValue(text: string, tokens: Tokens, i: number): string {
  const kind = tokens.kinds[i];
  const flags = tokens.flags[i];
  const first = kind === Tok.StringComplete || kind === Tok.StringLeft;
  const opensHole = kind === Tok.StringLeft || kind === Tok.StringMiddle;
  let start = tokens.starts[i];
  let end = tokens.ends[i];
  if (flags & StringFlag.Multiline) {
    const dollars = flags >> StringFlag.DollarShift;
    if (first) {
      start += dollars + 3;
      if (text.charCodeAt(start) === 13) start++;
      if (text.charCodeAt(start) === 10) start++;
    } else start++;
    if (opensHole) end -= dollars + 1;
    else if (!(flags & StringFlag.Unterminated)) end -= 3;
    return start < end ? text.slice(start, end) : '';
  }
  start++;
  if (opensHole) end -= 2;
  else if (!(flags & StringFlag.Unterminated)) end--;
  if (start >= end) return '';
  return flags & StringFlag.Escaped ? unescape(text, start, end) : text.slice(start, end);
}

function unescape(text: string, start: number, end: number): string {
  let out = '';
  let p = start;
  while (p < end) {
    if (text.charCodeAt(p) !== 92) {
      const from = p;
      while (p < end && text.charCodeAt(p) !== 92) p++;
      out += text.slice(from, p);
      continue;
    }
    const e = text.charCodeAt(p + 1);
    switch (e) {
      case 110:
        out += '\n';
        break;
      case 114:
        out += '\r';
        break;
      case 116:
        out += '\t';
        break;
      case 92:
      case 39:
      case 36:
        out += text[p + 1];
        break;
      case 117: {
        const code = unicodeEscape(text, p);
        if (code.length) {
          out += String.fromCodePoint(code.value);
          p += code.length;
          continue;
        }
        out += text.slice(p, p + 2);
        break;
      }
      default:
        // An invalid escape (already reported) keeps its text.
        out += text.slice(p, Math.min(p + 2, end));
    }
    p += 2;
  }
  return out;
}

/** `\u{hex}` at `p` (the backslash): its length (0 if invalid) and code point. */
function unicodeEscape(text: string, p: number): { length: number; value: number } {
  if (text.charCodeAt(p + 2) !== 123) return { length: 0, value: 0 };
  let q = p + 3;
  let value = 0;
  while (q < text.length && isHexDigit(text.charCodeAt(q)) && value <= 0x10ffff) {
    value = value * 16 + parseInt(text[q], 16);
    q++;
  }
  if (q === p + 3 || text.charCodeAt(q) !== 125 || value > 0x10ffff) return { length: 0, value: 0 };
  return { length: q + 1 - p, value };
}

function keywordKind(text: string, start: number, end: number): Tok {
  switch (end - start) {
    case 4:
      if (text.startsWith('true', start)) return Tok.True;
      if (text.startsWith('null', start)) return Tok.Null;
      break;
    case 5:
      if (text.startsWith('false', start)) return Tok.False;
  }
  return Tok.Identifier;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Characters that begin no token: control characters, non-ASCII, `"`, `` ` ``, `~` and `\`. */
function isJunk(c: number): boolean {
  return c > 126 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 34 || c === 96 || c === 126 || c === 92;
}
