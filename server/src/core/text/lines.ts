/**
 * Offsets to line and column and back. The core keeps offsets; the edges
 * (command line, language server) convert with this.
 */
export interface Position {
  /** Zero-based. */
  line: number;
  /** Zero-based, in UTF-16 code units (as LSP and JavaScript strings count). */
  character: number;
}

export class LineIndex {
  private starts: number[] = [0];

  constructor(readonly text: string) {
    // indexOf scans far faster than a loop over characters; lone carriage returns are rare, so they get a second pass.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    if (text.indexOf('\r') >= 0) {
      const lone: number[] = [];
      for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) lone.push(i + 1);
      if (lone.length) this.starts = [...this.starts, ...lone].sort((a, b) => a - b);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** The line break a document uses (its first one), for text a fix inserts. */
export function detectEol(text: string): '\n' | '\r\n' {
  const n = text.indexOf('\n');
  return n > 0 && text.charCodeAt(n - 1) === 13 ? '\r\n' : '\n';
}

/** The indentation a document uses, read from its first indented line. */
export function detectIndent(text: string): { insertSpaces: boolean; tabSize: number } {
  const re = /\n([ \t]+)\S/g;
  for (let m = re.exec(text), seen = 0; m && seen < 200; m = re.exec(text), seen++) {
    const indent = m[1];
    if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4 };
    if (indent.length >= 2 && indent.length <= 8) return { insertSpaces: true, tabSize: Math.min(indent.length, 4) };
  }
  return { insertSpaces: true, tabSize: 2 };
}

/** Where the line holding `offset` starts (after `\n`, `\r\n` or `\r`). */
export function lineStartOf(text: string, offset: number): number {
  // A walk back to the line break: searching for each kind of break instead runs to the start of a file that has
  // none of that kind (no \r in most files), for every line asked about.
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** The white space that starts the line holding `offset`. */
export function lineIndentOf(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStartOf(text, offset), offset))![0];
}

/** One level of indentation as the document writes it: spaces, or a tab. */
export function indentUnit(text: string): string {
  const indent = detectIndent(text);
  return indent.insertSpaces ? ' '.repeat(indent.tabSize) : '\t';
}
