/**
 * What the analysis reports: findings with offsets, related places and fixes
 * as text edits. The command line and the language server convert offsets
 * to positions; nothing here knows about either.
 */
import type { FixSafety, TextEdit } from './fixes/edits';
import type { Severity } from './rules/rule';

export interface RelatedLocation {
  doc: string;
  offset: number;
  length: number;
  message: string;
}

export interface Fix {
  title: string;
  safety: FixSafety;
  /** The text edits, computed when first asked; undefined when the fix turned out not to apply. */
  readonly edits: TextEdit[] | undefined;
}

/**
 * What a finding says of the deployment, as data: `about` names one fact of one place (the built-in endpoint of one
 * hub receives messages), `holds` whether the finding says it is so. Two findings that say opposite things of one
 * fact contradict each other, which a test looks for over the fixtures and the corpus.
 */
export interface Claim {
  about: string;
  holds: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  doc: string;
  offset: number;
  length: number;
  related: RelatedLocation[];
  fixes: Fix[];
  claims?: readonly Claim[];
}

/** Findings that come from the tool itself, not from a rule of the catalog. */
export const TOOL_FINDINGS = {
  /** The document does not parse; what parsed is still analysed. */
  syntaxError: 'syntax-error',
  /** The document was not analysed: too large, binary, not UTF-8, or unreadable. */
  fileSkipped: 'file-not-analyzed',
  /** A `.iot-netlint.json` that cannot be used as written. */
  configError: 'config-error',
  /** A suppression comment that suppresses nothing (reported when asked for: `--report-unused-disable-directives`, and in the editor). */
  unusedDirective: 'unused-disable-directive',
  /** A module whose template cannot be read: see CONFIGURABLE_TOOL_FINDINGS. */
  moduleNotFollowed: 'module-not-followed',
} as const;

/** Where the tool's own findings are explained (they have no rule page). */
export const TOOL_FINDINGS_URL = 'https://github.com/iot-netlint/iot-netlint#findings-that-are-not-rules';

/** Findings of the tool that a configuration may set a level for, as for a rule (`"module-not-followed": "off"`). */
export const CONFIGURABLE_TOOL_FINDINGS: ReadonlyArray<{ id: string; severity: 'info'; description: string }> = [
  {
    id: TOOL_FINDINGS.moduleNotFollowed,
    severity: 'info',
    description: 'A module that cannot be read (a registry module not in the module cache, a file that is not there): what it deploys is not checked.',
  },
];
