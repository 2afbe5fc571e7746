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
    const value = compute(key);
    if (this.values.size >= this.bound) this.values.clear();
    this.values.set(key, value);
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
