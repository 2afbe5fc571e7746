/**
 * A source document as the analysis holds it: its text, where its comments
 * are (for suppressions), and what did not parse.
 */

import type { Loc } from './values';

export type DocumentLanguage = 'arm-template' | 'arm-parameters' | 'bicep' | 'bicepparam' | 'cli-bash' | 'cli-powershell' | 'live' | 'other';

export interface SourceComment {
  offset: number;
  length: number;
  text: string;
}

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
}

export interface SourceDocument {
  id: string;
  text: string;
  language: DocumentLanguage;
  comments: readonly SourceComment[];
  syntaxErrors: readonly SyntaxProblem[];
  /**
   * Parts the analysis did not read, and why (nested deployments past the loader's limit). A place, not numbers:
   * an edit elsewhere in the template, read incrementally, moves it.
   */
  unread?: ReadonlyArray<{ at: Loc; message: string }>;
  /** Modules this document deploys that could not be read, each at its reference (`module-not-followed`). */
  notFollowed?: ReadonlyArray<{ at: Loc; message: string }>;
  /**
   * A template read from Bicep's module cache for a registry module: the module reference, in the file that
   * deploys it, that brought it in. The cache is not the user's to edit: what is found inside is reported there.
   */
  restoredFor?: { at: Loc; reference: string };
  /** What the writer of this document's front-end needs (the JSON tree for ARM). */
  tree?: unknown;
}
