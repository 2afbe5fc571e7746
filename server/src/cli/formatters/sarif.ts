/**
 * SARIF 2.1.0 output, for code scanning: one run, the rule catalog as
 * `tool.driver.rules`, results with one-based regions, related locations and
 * fixes.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TOOL_FINDINGS } from '../../core/findings';
import { docsUrl, Rule, Severity } from '../../core/rules/rule';
import type { LineIndex } from '../../core/text/lines';
import { withForwardSlashes } from '../../node/files';
import { Documents, FileReport, rangeOf } from './report';

const HOMEPAGE = 'https://github.com/iot-netlint/iot-netlint';

/** Every finding of the tool itself, described: keyed by its name in TOOL_FINDINGS so that none can be left out. */
const TOOL_DESCRIPTIONS: Record<keyof typeof TOOL_FINDINGS, string> = {
  syntaxError: 'The document does not parse; what parsed is still analysed.',
  fileSkipped: 'The file, or a part of it, was not analysed: too large, binary, not UTF-8, unreadable, ignored by the configuration, or nested deployments past the first 500.',
  configError: 'A .iot-netlint.json setting cannot be used as written.',
  unusedDirective: 'A suppression comment that suppresses nothing.',
  moduleNotFollowed: 'A module that cannot be read (a registry module not in the module cache, a file that is not there): what it deploys is not checked.',
};
const TOOL_RULES = (Object.keys(TOOL_FINDINGS) as Array<keyof typeof TOOL_FINDINGS>).map((name) => ({ id: TOOL_FINDINGS[name], description: TOOL_DESCRIPTIONS[name] }));

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

export function formatSarif(reports: readonly FileReport[], documents: Documents, rules: readonly Rule[], version: string, cwd: string): string {
  const driverRules = [
    ...rules.map((r) => ({
      id: r.id,
      name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: r.description },
      helpUri: docsUrl(r.id),
      help: { text: `${r.description} See ${docsUrl(r.id)}` },
      defaultConfiguration: { level: level(r.severity) },
    })),
    ...TOOL_RULES.map((r) => ({
      id: r.id,
      shortDescription: { text: r.description },
      helpUri: `${HOMEPAGE}#findings-that-are-not-rules`,
      defaultConfiguration: { level: r.id === TOOL_FINDINGS.syntaxError ? 'error' : r.id === TOOL_FINDINGS.moduleNotFollowed ? 'note' : 'warning' },
    })),
  ];
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const location = (p: string, lines: LineIndex, offset: number, length: number) => {
    const r = rangeOf(lines, offset, length);
    return {
      physicalLocation: {
        artifactLocation: { uri: withForwardSlashes(p), uriBaseId: '%SRCROOT%' },
        region: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn, charOffset: offset, charLength: length },
      },
    };
  };
  const results = reports.flatMap((report) =>
    report.findings.map((f) => {
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: level(f.severity),
        message: { text: f.message },
        locations: [location(report.path, report.lines, f.offset, f.length)],
      };
      const related = f.related
        .map((r, i) => {
          const doc = documents.get(r.doc);
          return doc ? { id: i + 1, ...location(doc.path, doc.lines, r.offset, r.length), message: { text: r.message } } : undefined;
        })
        .filter((r) => r !== undefined);
      if (related.length) result.relatedLocations = related;
      const fixes = f.fixes
        .filter((fix) => fix.edits && fix.edits.every((e) => documents.get(e.doc)))
        .map((fix) => {
          const byDoc = new Map<string, typeof fix.edits>();
          for (const e of fix.edits!) byDoc.set(e.doc, [...(byDoc.get(e.doc) ?? []), e]);
          return {
            description: { text: fix.title },
            // Whether --fix applies it (safe) or only --fix --unsafe-fixes (unsafe).
            properties: { safety: fix.safety },
            artifactChanges: [...byDoc].map(([doc, edits]) => {
              const d = documents.get(doc)!;
              return {
                artifactLocation: { uri: withForwardSlashes(d.path), uriBaseId: '%SRCROOT%' },
                replacements: edits!.map((e) => {
                  const r = rangeOf(d.lines, e.offset, e.length);
                  return {
                    deletedRegion: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn, charOffset: e.offset, charLength: e.length },
                    insertedContent: { text: e.newText },
                  };
                }),
              };
            }),
          };
        });
      if (fixes.length) result.fixes = fixes;
      return result;
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'iot-netlint', version, semanticVersion: version, informationUri: HOMEPAGE, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
