/**
 * Answers of a pure function of a string, remembered. The analysis asks the
 * same few questions thousands of times (the lower case of a key, the parse
 * of an expression, where a file's parameters file would be), and an editor
 * asks them again at every keystroke. A bound keeps a stream of distinct
 * strings from growing the memory without end: past it, everything is forgotten.
 */
export class Memo<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly bound: number) {}

  get(key: string, compute: (key: string) => T): T {
    // One lookup for what is remembered; `has` only tells a remembered undefined from a new key.
    const found = this.values.get(key);
    if (found !== undefined || this.values.has(key)) return found as T;
    // Computed from a copy of its own, so that neither the key nor what is made of it holds on to a document.
    const own = detached(key);
    const value = compute(own);
    if (this.values.size >= this.bound) this.values.clear();
    this.values.set(own, value);
    return value;
  }

  /** Whether an answer is remembered (it may be undefined). */
  has(key: string): boolean {
    return this.values.has(key);
  }

  /** The answer if it is remembered, without computing it. */
  peek(key: string): T | undefined {
    return this.values.get(key);
  }

  /** Forgets one answer (its input changed). */
  delete(key: string): void {
    this.values.delete(key);
  }
}

/**
 * The same text, in a string of its own. V8 makes a substring of 13 characters or more a view into the string it
 * was cut from: an expression or a type read from a template, remembered as a key (or kept in what was computed
 * from it), kept that whole template alive, and in an editor one version of it per keystroke in an expression
 * (200 keystrokes in a 1 MB template held 216 MB).
 */
export function detached(text: string): string {
  return text.length < 13 ? text : internalized(text);
}

/** The engine's unique copy of a text, as a property name (and a string literal) is: a string of its own, compared by identity. */
export function internalized(text: string): string {
  return Object.keys({ [text]: 0 })[0];
}
