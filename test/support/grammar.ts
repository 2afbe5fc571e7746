/**
 * Loads the project's TextMate grammars (syntaxes/*.tmLanguage.json) with
 * vscode-textmate and the Oniguruma WebAssembly build, as VS Code does, and
 * tokenizes text with them.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ROOT } from './paths';

export const SYNTAXES = path.join(ROOT, 'syntaxes');

/** scopeName -> grammar file, for the grammars this project ships. */
export const GRAMMAR_FILES: Record<string, string> = {
  'source.bicep': path.join(SYNTAXES, 'bicep.tmLanguage.json'),
  'source.azcli': path.join(SYNTAXES, 'azcli.tmLanguage.json'),
};

let registry: vsctm.Registry | undefined;

function getRegistry(): vsctm.Registry {
  if (!registry) {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    // loadWASM is idempotent: a second call returns the first call's promise.
    const onigLib: Promise<vsctm.IOnigLib> = oniguruma
      .loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
      .then(() => ({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }));
    registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        const file = GRAMMAR_FILES[scopeName];
        if (!file) return null;
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
  }
  return registry;
}

/** Compiles one regular expression with Oniguruma, as the grammar engine would; throws on a bad one. */
export async function compileRegex(source: string): Promise<void> {
  await loadGrammar('source.bicep'); // makes sure the WebAssembly module is loaded
  new oniguruma.OnigScanner([source]).dispose();
}

const grammars = new Map<string, Promise<vsctm.IGrammar>>();

export function loadGrammar(scopeName: string): Promise<vsctm.IGrammar> {
  let grammar = grammars.get(scopeName);
  if (!grammar) {
    grammar = getRegistry()
      .loadGrammar(scopeName)
      .then((g) => {
        if (!g) throw new Error(`no grammar for ${scopeName}`);
        return g;
      });
    grammars.set(scopeName, grammar);
  }
  return grammar;
}

export const INITIAL = vsctm.INITIAL;
export type StateStack = vsctm.StateStack;

/** Lines as VS Code sees them: a leading BOM dropped, split on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export interface Token {
  text: string;
  scopes: string[];
}

export interface TokenizedLine {
  tokens: Token[];
  state: StateStack;
}

export function tokenizeLine(grammar: vsctm.IGrammar, line: string, state: StateStack = INITIAL): TokenizedLine {
  const result = grammar.tokenizeLine(line, state);
  return {
    tokens: result.tokens.map((t) => ({ text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes })),
    state: result.ruleStack,
  };
}

/** Tokenizes a whole text, line by line, carrying the state from each line to the next. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): { lines: Token[][]; state: StateStack } {
  let state = INITIAL;
  const lines: Token[][] = [];
  for (const line of splitLines(text)) {
    const r = tokenizeLine(grammar, line, state);
    lines.push(r.tokens);
    state = r.state;
  }
  return { lines, state };
}
