/** The command line's options, parsed without a library: the grammar is small and the messages are ours. */
import { CloudName, cloudNamed } from '../core/clouds';
import { Level, LEVELS } from '../core/config';
import { LEVEL_IDS } from '../core/rules';

export type Format = 'text' | 'json' | 'sarif' | 'github' | 'azure-devops';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github', 'azure-devops'];

export interface CliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  /** Fixes applied in memory only: the report is of the fixed texts, and nothing is written. */
  fixDryRun: boolean;
  /** With --fix or --fix-dry-run: unsafe fixes too, for findings that have no safe one. */
  unsafeFixes: boolean;
  /** Levels given with --rule, over those of the configuration files. */
  rules: Record<string, Level>;
  /** Errors only: warnings and infos are neither reported nor counted. */
  quiet: boolean;
  /** Suppression comments that suppress nothing are reported, as warnings. */
  reportUnusedDirectives: boolean;
  outputFile?: string;
  /** The one file is read from standard input; `stdinFilename` is the path it stands for. */
  stdin: boolean;
  stdinFilename?: string;
  config?: string;
  parameters?: string;
  maxWarnings?: number;
  cloud?: CloudName;
  debug: boolean;
  exitZero: boolean;
  color: boolean | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: iot-netlint [options] <files or folders...>
       iot-netlint [options] --stdin [--stdin-filename PATH]

Finds network-isolation mistakes in Azure IoT Hub, Azure Data Explorer and
Device Update deployments written as ARM templates or Bicep files.

Options:
  --format NAME              Output format: text (default), json, sarif, or
                             github and azure-devops (annotations in the
                             CI service's log)
  --fix                      Apply the safe fix of every finding that has one,
                             write the files in place, say what changed, then
                             report what remains
  --fix-dry-run              Apply the fixes in memory only: report what would
                             remain and which files --fix would change (with
                             --format json, each such file's fixed text)
  --unsafe-fixes             With --fix or --fix-dry-run, also apply unsafe
                             fixes (they remove access, stop a flow, drop a
                             setting, raise an API version or replace a
                             resource) where a finding has no safe one
  --rule ID:LEVEL            Set a rule's level (error, warning, info or off)
                             over the configuration files; may be repeated
  --quiet                    Report errors only
  --report-unused-disable-directives
                             Warn of suppression comments that suppress
                             nothing (--fix removes them)
  -o, --output-file FILE     Write the report to FILE instead of the standard
                             output
  --stdin                    Read the file to analyse from the standard input
  --stdin-filename PATH      The path that text stands for: its language, its
                             configuration, parameters file and modules
                             (default: stdin.json in the working folder)
  --config FILE              Use this configuration instead of the nearest
                             .iot-netlint.json
  --parameters FILE          A parameters file for the templates (default: the
                             <name>.parameters.json or <name>.bicepparam
                             beside each template)
  --max-warnings N           Exit with 1 only when there are errors or more
                             than N warnings
  --cloud NAME               AzureCloud (default), AzureChinaCloud or
                             AzureUSGovernment
  --exit-zero                Exit with 0 even when there are findings (2 still
                             means a usage or internal error)
  --color, --no-color        Force colors on or off in text output
  --debug                    Print stack traces of internal errors
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no warning or error, 1 warnings or errors found, 2 usage or
internal error (or a path that could not be read).`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'text', fix: false, fixDryRun: false, unsafeFixes: false, rules: {}, quiet: false, reportUnusedDirectives: false, stdin: false, debug: false, exitZero: false, color: undefined, help: false, version: false };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${name} needs a value.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = (name: string): string => {
      if (inline !== undefined) return inline;
      const v = value(i, name);
      i++;
      return v;
    };
    switch (arg) {
      case '--format': {
        const f = take('--format');
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`Unknown format '${f}': use ${FORMATS.join(', ')}.`);
        options.format = f as Format;
        break;
      }
      case '--fix':
        options.fix = true;
        break;
      case '--fix-dry-run':
        options.fixDryRun = true;
        break;
      case '--unsafe-fixes':
        options.unsafeFixes = true;
        break;
      case '--rule': {
        const [id, level] = ruleLevel(take('--rule'));
        options.rules[id] = level;
        break;
      }
      case '--quiet':
        options.quiet = true;
        break;
      case '--report-unused-disable-directives':
        options.reportUnusedDirectives = true;
        break;
      case '-o':
      case '--output-file':
        options.outputFile = take(arg);
        break;
      case '--stdin':
        options.stdin = true;
        break;
      case '--stdin-filename':
        options.stdinFilename = take('--stdin-filename');
        break;
      case '--config':
        options.config = take('--config');
        break;
      case '--parameters':
        options.parameters = take('--parameters');
        break;
      case '--max-warnings': {
        const n = take('--max-warnings');
        if (!/^-?\d+$/.test(n)) throw new UsageError(`--max-warnings takes a whole number, not '${n}'.`);
        options.maxWarnings = Number(n);
        break;
      }
      case '--cloud': {
        const c = take('--cloud');
        const cloud = cloudNamed(c);
        if (!cloud) throw new UsageError(`Unknown cloud '${c}': use AzureCloud, AzureChinaCloud or AzureUSGovernment.`);
        options.cloud = cloud.name;
        break;
      }
      case '--exit-zero':
        options.exitZero = true;
        break;
      case '--debug':
        options.debug = true;
        break;
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--':
        options.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option '${arg}'. See iot-netlint --help.`);
        options.paths.push(argv[i]);
    }
  }
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together.');
  if (options.unsafeFixes && !options.fix && !options.fixDryRun) throw new UsageError('--unsafe-fixes goes with --fix or --fix-dry-run.');
  if (options.stdin && options.paths.length) throw new UsageError('Give files and folders, or --stdin, not both.');
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename goes with --stdin.');
  if (options.stdin && options.fix) throw new UsageError('--fix cannot write the standard input: use --fix-dry-run (with --format json, each fixed text is its output).');
  if (!options.help && !options.version && !options.stdin && options.paths.length === 0) throw new UsageError('No files or folders given. See iot-netlint --help.');
  return options;
}


/** `--rule iothub-identity-role-missing:warning` (spaces around the colon allowed, as in `"id: off"`). */
function ruleLevel(text: string): [string, Level] {
  const colon = text.lastIndexOf(':');
  const id = text.slice(0, Math.max(0, colon)).trim();
  const level = text.slice(colon + 1).trim();
  if (colon < 0 || !id) throw new UsageError(`--rule takes ID:LEVEL, as in --rule iothub-identity-role-missing:warning, not '${text}'.`);
  if (!LEVEL_IDS.has(id)) throw new UsageError(`--rule: there is no rule '${id}'. The rules are listed in the README and by --format sarif.`);
  if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--rule: '${level}' is not a level: use error, warning, info or off.`);
  return [id, level as Level];
}
