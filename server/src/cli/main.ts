/**
 * `iot-netlint [options] <files or folders...>`: the command line CI pipelines run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cloudNamed, DEFAULT_CLOUD } from '../core/clouds';
import { Config, DEFAULT_MAX_FILE_SIZE, withLevels } from '../core/config';
import { Finding, TOOL_FINDINGS } from '../core/findings';
import { analyzeProject, ProjectFile } from '../core/project';
import { CliOptions, parseArgs, USAGE, UsageError } from './args';
import { ConfigResolver } from '../node/configResolver';
import { bicepCacheOnDisk } from '../node/bicepCache';
import { fileSystemHost } from '../node/fileHost';
import { encode, readSource, writeFileMakingFolders } from '../node/files';
export { tuneEngine } from '../node/engine';
import { AppliedFix, fixFiles } from '../core/fixes/fixAll';
import { readInputs } from './inputs';
import { renderReport } from './output';

declare const IOT_NETLINT_VERSION: string | undefined;
export const VERSION = typeof IOT_NETLINT_VERSION === 'string' ? IOT_NETLINT_VERSION : '0.0.0-dev';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  isTty: boolean;
  /** Everything on the standard input (--stdin). */
  readStdin(): Buffer;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  isTty: !!process.stdout.isTTY,
  readStdin: () => fs.readFileSync(0),
};

/** Runs the command line; resolves to the exit code. */
export function run(argv: readonly string[], io: Io = processIo): number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`iot-netlint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  try {
    return lint(options, io);
  } catch (error) {
    io.stderr(`iot-netlint: internal error: ${(error as Error).message}\n`);
    if (options.debug) io.stderr(`${(error as Error).stack}\n`);
    else io.stderr('Run again with --debug for details.\n');
    return 2;
  }
}

function lint(options: CliOptions, io: Io): number {
  let exitCode = 0;
  if (options.config && !fs.existsSync(path.resolve(io.cwd, options.config))) {
    io.stderr(`iot-netlint: cannot read the configuration ${options.config}: no such file\n`);
    return 2;
  }
  const configs = new ConfigResolver(options.config ? path.resolve(io.cwd, options.config) : undefined);
  const { loaded, skipped, unreadable, first } = readInputs(options, io.cwd, configs, io.readStdin);
  for (const u of unreadable) {
    io.stderr(`iot-netlint: cannot read ${u.path}: ${u.reason}\n`);
    exitCode = 2;
  }

  let parameters: ProjectFile | undefined;
  if (options.parameters) {
    const read = readSource(path.resolve(io.cwd, options.parameters), DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) {
      io.stderr(`iot-netlint: cannot use the parameters file ${options.parameters}: ${read.skipped.reason}\n`);
      return 2;
    }
    parameters = { id: read.file.path, text: read.file.text };
  }

  const host = fileSystemHost((id) => loaded.get(id)?.text, bicepCacheOnDisk());
  const firstConfig = first !== undefined ? configs.forFile(first).config : undefined;
  const cloud = (options.cloud && cloudNamed(options.cloud)) || (firstConfig?.cloud && cloudNamed(firstConfig.cloud)) || DEFAULT_CLOUD;
  const configFor = withRuleLevels((doc) => configs.forFile(doc).config, options.rules);
  const unusedDirectives = options.reportUnusedDirectives ? 'warning' : undefined;
  const analyze = () => analyzeProject([...loaded.values()], { host, cloud, parameters, configFor, unusedDirectives });

  let fixed = new Map<string, AppliedFix[]>();
  if (options.fix || options.fixDryRun) {
    // fixFiles updates the texts of `loaded` in place; a dry run only keeps them in memory.
    fixed = fixFiles(loaded, () => analyze().findings, { unsafe: options.unsafeFixes });
    if (options.fix) {
      for (const p of fixed.keys()) {
        const file = loaded.get(p)!;
        try {
          fs.writeFileSync(p, encode(file.text, file.encoding));
        } catch (error) {
          io.stderr(`iot-netlint: cannot write ${path.relative(io.cwd, p)}: ${(error as Error).message}\n`);
          exitCode = 2;
        }
      }
    }
  }

  const result = analyze();
  let findings = [...result.findings, ...skipped, ...configFindings(configs)];
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');

  // Positions are computed at the edge, in the texts as analysed, for every document a finding can point into.
  const texts = new Map<string, string>();
  for (const d of result.documents) texts.set(d.id, d.text);
  for (const f of loaded.values()) if (!texts.has(f.id)) texts.set(f.id, f.text);
  for (const p of configs.problems) texts.set(p.path, p.text);
  const report = renderReport(options, {
    findings,
    texts,
    wouldFix: options.fixDryRun ? new Map([...fixed.keys()].map((p) => [p, loaded.get(p)!.text])) : undefined,
    fixed: options.fix || options.fixDryRun ? fixed : undefined,
    cwd: io.cwd,
    color: options.color ?? (!options.outputFile && wantsColor(io)),
    version: VERSION,
  });
  if (options.outputFile) {
    try {
      writeFileMakingFolders(path.resolve(io.cwd, options.outputFile), report);
    } catch (error) {
      io.stderr(`iot-netlint: cannot write the report to ${options.outputFile}: ${(error as Error).message}\n`);
      return 2;
    }
  } else {
    io.stdout(report);
  }

  if (exitCode !== 0) return exitCode;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (options.exitZero) return 0;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0) return warnings > options.maxWarnings ? 1 : 0;
  return warnings > 0 ? 1 : 0;
}

/** The configuration of each document with the levels given by --rule over it; made once per configuration. */
function withRuleLevels(configFor: (doc: string) => Config, levels: Config['rules']): (doc: string) => Config {
  if (Object.keys(levels).length === 0) return configFor;
  const made = new Map<Config, Config>();
  return (doc) => {
    const config = configFor(doc);
    let merged = made.get(config);
    if (!merged) made.set(config, (merged = withLevels(config, levels)));
    return merged;
  };
}

/** Colors on a terminal, unless NO_COLOR says otherwise; FORCE_COLOR turns them on anywhere. */
function wantsColor(io: Io): boolean {
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return io.isTty && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

function configFindings(configs: ConfigResolver): Finding[] {
  return configs.problems.flatMap((p) =>
    p.problems.map((problem) => ({
      ruleId: TOOL_FINDINGS.configError,
      severity: 'error' as const,
      message: problem.message,
      doc: p.path,
      offset: problem.offset,
      length: problem.length,
      related: [],
      fixes: [],
    })),
  );
}
