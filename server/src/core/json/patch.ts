/**
 * Reparsing after a keystroke. Most edits in an editor change one string or
 * number and nothing else (a character typed in a host name, `true` replaced
 * by `"true"`): the document's tokens are then those of the text before, but
 * for that one token and the offsets after it. The tape of the new text is
 * made from the old one by moving those offsets, instead of reading the whole
 * text again.
 *
 * The result is the document `parseJson` would make of the new text, or
 * undefined when the edit is anything else (then the caller parses): the
 * unit and property tests hold the two to be equal. `patchJson` makes a new
 * document; `patchJsonInPlace` changes the old one, for a front-end that keeps
 * what it read from the tape (arm/template.ts, `updated`).
 */
import { isJsonSpace, parseJson } from './parser';
import { Comment, JsonDocument, JsonNode, nodeOfIndex, Tape, TapeFlag, TapeKind } from './tree';

/** What an edit does to a document: its one changed token becomes a token of `kind` (with `flags`), and what follows moves by `delta`. */
export interface JsonPatch {
  text: string;
  token: number;
  kind: TapeKind;
  flags: number;
  /** Where the token ended before the edit: tokens starting from here on move, and containers ending from here on grow. */
  oldEnd: number;
  delta: number;
}

/** The patch that makes `previous` the document of `text`, or undefined when the edit is not inside one scalar token. */
export function planPatch(previous: JsonDocument, text: string): JsonPatch | undefined {
  const tape = previous.root?.tape;
  // A document with syntax errors is read again whole: where its errors lie depends on the text around them.
  if (!tape || previous.errors.length > 0) return undefined;
  const old = tape.text;
  const delta = text.length - old.length;
  const t = changedToken(tape, text);
  if (t < 0) return undefined;
  const kind = tape.kinds[t];
  if (kind === TapeKind.Object || kind === TapeKind.Array || kind === TapeKind.Orphan) return undefined;
  const start = tape.starts[t];
  const oldEnd = tape.ends[t];
  const newEnd = oldEnd + delta;
  if (newEnd <= start) return undefined;

  // The new token, read alone: it must be one scalar and nothing else (no error, no comment).
  const token = text.slice(start, newEnd);
  const alone = parseJson(token);
  const read = alone.root?.tape;
  if (!read || alone.errors.length > 0 || alone.comments.length > 0 || read.count !== 1 || read.starts[0] !== 0 || read.ends[0] !== token.length) return undefined;
  let newKind = read.kinds[0] as TapeKind;
  // A container in place of a scalar would change the nesting the document reports (maxDepth).
  if (newKind === TapeKind.Object || newKind === TapeKind.Array) return undefined;
  if (kind === TapeKind.Key) {
    if (newKind !== TapeKind.String) return undefined;
    // A key that begins with `[` marks its object (BracketKey): such keys are rare enough to be read again whole.
    if (old.charCodeAt(start + 1) === 91 || text.charCodeAt(start + 1) === 91) return undefined;
    newKind = TapeKind.Key;
  }
  // What follows the token ends it in the new text as it did in the old (a number followed by a digit would not).
  if (newEnd < text.length && !endsToken(text.charCodeAt(newEnd))) return undefined;
  return { text, token: t, kind: newKind, flags: read.flags[0] & (TapeFlag.Escaped | TapeFlag.Unterminated | TapeFlag.InvalidNumber), oldEnd, delta };
}

/** The document of the new text as a new document: the previous one stays as it was. Undefined when the edit is not a patch. */
export function patchJson(previous: JsonDocument, text: string): JsonDocument | undefined {
  const patch = planPatch(previous, text);
  if (!patch) return undefined;
  const tape = previous.root!.tape;
  const count = tape.count;
  const patched = new Tape(text, count);
  patched.kinds.set(tape.kinds.subarray(0, count));
  patched.flags.set(tape.flags.subarray(0, count));
  patched.skips.set(tape.skips.subarray(0, count));
  patched.count = count;
  moveSpans(tape, patched, patch);
  patched.root = new JsonNode(patched, 0, undefined);
  return { root: patched.root, errors: [], comments: movedComments(previous, patch), maxDepth: previous.maxDepth };
}

/**
 * Makes `previous` the document of the patch's text, in place: what was read
 * from its tape (values, tree nodes, spans) sees the new text and offsets from
 * now on, except what was read from the changed token itself, which the caller
 * reads again.
 */
export function patchJsonInPlace(previous: JsonDocument, patch: JsonPatch): void {
  const tape = previous.root!.tape;
  tape.text = patch.text;
  moveSpans(tape, tape, patch);
  previous.comments = movedComments(previous, patch);
  // The tree node of the changed token, if one was made, remembers its old value.
  nodeOfIndex(tape, patch.token)?.forgetValue();
}

/** Writes the spans of `from`, moved by the patch, into `to` (the same tape when patching in place), and the changed token. */
function moveSpans(from: Tape, to: Tape, patch: JsonPatch): void {
  const { oldEnd, delta, token } = patch;
  const starts = from.starts;
  const ends = from.ends;
  // Tokens after the edited one start after it; the containers around it end after it.
  for (let i = 0; i < from.count; i++) {
    const s = starts[i];
    const e = ends[i];
    to.starts[i] = s >= oldEnd ? s + delta : s;
    to.ends[i] = e >= oldEnd ? e + delta : e;
  }
  to.kinds[token] = patch.kind;
  to.flags[token] = patch.flags;
}

function movedComments(previous: JsonDocument, patch: JsonPatch): Comment[] {
  return previous.comments.map((c) => (c.offset >= patch.oldEnd ? { ...c, offset: c.offset + patch.delta } : c));
}

/**
 * The one token outside of which the two texts are equal, or -1: the last
 * token that starts within the texts' common prefix, provided the texts
 * agree again from its end on.
 */
function changedToken(tape: Tape, text: string): number {
  const old = tape.text;
  if (old === text || tape.count === 0) return -1;
  const delta = text.length - old.length;
  const prefix = commonPrefixLength(old, text);
  if (tape.starts[0] > prefix) return -1;
  // Tokens are on the tape in the order they start: find the last one that starts within the prefix.
  let low = 0;
  let high = tape.count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (tape.starts[mid] <= prefix) low = mid;
    else high = mid - 1;
  }
  // Token `low` may be a container whose start is before the edit; the edit must lie in a scalar, checked by the caller.
  const end = tape.ends[low];
  if (end + delta < tape.starts[low] || old.slice(end) !== text.slice(end + delta)) return -1;
  return low;
}

/**
 * How many characters two texts share from their start. The comparing is
 * left to the engine, a slice at a time: slices of growing size find the one
 * that differs in time proportional to where the edit is, and halving that
 * slice finds the character. (Halving the whole text instead compares
 * megabytes at each of its two dozen steps: a keystroke in a 20 MB template
 * paid 25 ms for it.)
 */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let from = 0;
  for (let size = 4096; from < max; size *= 2) {
    const to = Math.min(max, from + size);
    if (a.slice(from, to) !== b.slice(from, to)) {
      // They differ in [from, to), and agree before `from`.
      let lo = from;
      let hi = to;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
        else hi = mid;
      }
      return lo;
    }
    from = to;
  }
  return max;
}

/** Characters that may follow a scalar token: white space, a delimiter, a comment's slash. */
function endsToken(c: number): boolean {
  return isJsonSpace(c) || c === 44 || c === 93 || c === 125 || c === 58 || c === 47;
}
