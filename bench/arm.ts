/**
 * `npm run bench`: the ARM front-end and all rules against the floor any ARM
 * tool pays — reading the file and `JSON.parse` — measured in the same run,
 * each measurement in a fresh process so that its peak memory is its own.
 * The two sides take turns, round by round, so that both meet the same
 * moments of a shared, noisy machine; each side reports its median round.
 *
 *   quickstarts   the 993 azuredeploy.json of the corpus (target: under 5 s)
 *   generated     a 20 MB template of 10,000 resources (target: at most 4x the floor, under 1 s)
 *   Bicep         the corpus's Bicep files that lie beside the template the Bicep compiler
 *                 made of them; the floor reads and parses those compiled templates, which is
 *                 what an ARM tool pays for the same deployments
 *   with fixes    the generated template again, with the text edits of every fix written
 *                 out, as JSON and SARIF output and --fix ask for them (no target)
 *   loop          1,000 private endpoints from one loop over a known list, and the hubs they
 *                 link from a loop of ten: an ARM template with copy loops, and the same
 *                 deployment in Bicep, whose floor reads and parses that template (target: under 100 ms)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tuneEngine } from '../server/src/node/engine';
import { fileSystemHost } from '../server/src/node/fileHost';
import { analyzeProject } from '../server/src/core/project';
import { CORPUS, listFiles } from '../test/support/paths';
import { generateLoopBicep, generateLoopTemplate, generateTemplate } from './generate';

/** Analyses per process (the process reports its median) and processes per side (the table shows the median). */
const RUNS = 3;
const ROUNDS = 5;

type Mode = 'floor' | 'ours' | 'fixes';

/** In a child process: runs one measurement over a list of files and prints its result. */
function child(mode: Mode, listFile: string): void {
  // Both sides run in a process set up as the command line sets up its own (the floor's JSON.parse does not depend on it).
  tuneEngine();
  const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const host = fileSystemHost();
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    findings = 0;
    const started = process.hrtime.bigint();
    for (const file of files) findings += measureOne(mode, file, host);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  process.stdout.write(JSON.stringify({ ms: middleOf(times, (ms) => ms), runs: times, findings, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * One file, read and parsed or analysed; the number of findings. A function of its own so that nothing of one
 * run outlives it: a result held in the loop above stayed reachable from its frame until the next run's result
 * replaced it, and the next run's garbage collector marked a whole analysis that was over (about 50 ms of the
 * second run on the generated template), which the floor, whose JSON.parse result is dropped at once, never paid.
 */
function measureOne(mode: Mode, file: string, host: ReturnType<typeof fileSystemHost>): number {
  const text = fs.readFileSync(file, 'utf8');
  if (mode === 'floor') {
    try {
      JSON.parse(text);
    } catch {
      // 21 quickstarts are not strict JSON; the floor still paid for reading and trying.
    }
    return 0;
  }
  const result = analyzeProject([{ id: file, text }], { host });
  if (mode === 'fixes') for (const f of result.findings) for (const fix of f.fixes) void fix.edits;
  return result.findings.length;
}

interface Measured {
  ms: number;
  /** Each run of the process, in order: the first pays for V8 compiling the code it runs. */
  runs: number[];
  findings: number;
  peakMb: number;
}

/** The item in the middle once sorted by `by` (the median of an odd count). */
function middleOf<T>(items: readonly T[], by: (item: T) => number): T {
  return [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)];
}

/** The median over rounds of each run of a process: run 1, run 2… */
function medianRuns(rounds: Measured[]): number[] {
  return rounds[0].runs.map((_, run) => middleOf(rounds.map((r) => r.runs[run]), (ms) => ms));
}

function measure(mode: Mode, files: string[]): Measured {
  const list = path.join(os.tmpdir(), `iot-netlint-bench-${process.pid}-${mode}.txt`);
  fs.writeFileSync(list, files.join('\n'));
  const r = spawnSync(process.execPath, [__filename, '--child', mode, list], { encoding: 'utf8', maxBuffer: 1 << 20 });
  fs.unlinkSync(list);
  if (r.status !== 0) throw new Error(`benchmark child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function main(): void {
  const rows: Array<{ name: string; files: string[]; floorFiles?: string[]; mode?: Mode; target: (floor: number, ours: number) => string }> = [];
  const quickstarts = path.join(CORPUS, 'templates', 'azure-quickstart-templates-2021fork');
  if (fs.existsSync(quickstarts)) {
    const files = listFiles(quickstarts, (file) => path.basename(file) === 'azuredeploy.json');
    rows.push({ name: `quickstarts (${files.length} templates)`, files, target: (_f, ours) => (ours < 5000 ? 'met (< 5 s)' : 'MISSED (< 5 s)') });
  } else {
    console.warn(`NOTICE: ${quickstarts} is absent: the quickstart row is skipped.`);
  }
  if (fs.existsSync(CORPUS)) {
    const bicep = listFiles(CORPUS, (file) => path.basename(file) === 'main.bicep' && fs.existsSync(path.join(path.dirname(file), 'main.json')));
    rows.push({ name: `Bicep (${bicep.length} files)`, files: bicep, floorFiles: bicep.map((f) => path.join(path.dirname(f), 'main.json')), target: () => '' });
  }
  const generatedFile = path.join(os.tmpdir(), 'iot-netlint-bench-20mb.json');
  fs.writeFileSync(generatedFile, generateTemplate(10000, 20 * 1024 * 1024));
  rows.push({
    name: 'generated (10,000 resources)',
    files: [generatedFile],
    target: (floor, ours) => (ours <= 4 * floor && ours < 1000 ? 'met (<= 4x, < 1 s)' : `MISSED (<= 4x, < 1 s)`),
  });
  rows.push({ name: 'generated, with fixes', files: [generatedFile], mode: 'fixes', target: () => '' });
  const loopFile = path.join(os.tmpdir(), 'iot-netlint-bench-loop.json');
  const loopBicepFile = path.join(os.tmpdir(), 'iot-netlint-bench-loop.bicep');
  fs.writeFileSync(loopFile, generateLoopTemplate(1000));
  fs.writeFileSync(loopBicepFile, generateLoopBicep(1000));
  const underLoopTarget = (_floor: number, ours: number) => (ours < 100 ? 'met (< 100 ms)' : 'MISSED (< 100 ms)');
  rows.push({ name: 'loop of 1,000 items, ARM', files: [loopFile], target: underLoopTarget });
  rows.push({ name: 'loop of 1,000 items, Bicep', files: [loopBicepFile], floorFiles: [loopFile], target: underLoopTarget });

  const table: string[][] = [['workload', 'size', 'floor: read + JSON.parse', 'iot-netlint: read + analyse', 'ratio', 'floor peak', 'iot-netlint peak', 'findings', 'target']];
  // Run by run: the first run of a process is what one command line run pays; later runs, what a language server does.
  const byRun: string[][] = [['workload', 'side', ...Array.from({ length: RUNS }, (_, run) => `run ${run + 1}`)]];
  for (const row of rows) {
    const bytes = row.files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const floors: Measured[] = [];
    const oursRounds: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      floors.push(measure('floor', row.floorFiles ?? row.files));
      oursRounds.push(measure(row.mode ?? 'ours', row.files));
    }
    // The round of median time, with its peak memory.
    const floor = middleOf(floors, (r) => r.ms);
    const ours = middleOf(oursRounds, (r) => r.ms);
    table.push([
      row.name,
      `${(bytes / 1024 / 1024).toFixed(1)} MB`,
      `${floor.ms.toFixed(0)} ms`,
      `${ours.ms.toFixed(0)} ms`,
      `${(ours.ms / floor.ms).toFixed(2)}x`,
      `${floor.peakMb.toFixed(0)} MB`,
      `${ours.peakMb.toFixed(0)} MB`,
      String(ours.findings),
      row.target(floor.ms, ours.ms),
    ]);
    byRun.push([row.name, 'floor', ...medianRuns(floors).map((ms) => `${ms.toFixed(0)} ms`)]);
    byRun.push(['', 'iot-netlint', ...medianRuns(oursRounds).map((ms) => `${ms.toFixed(0)} ms`)]);
  }
  for (const file of [generatedFile, loopFile, loopBicepFile]) fs.unlinkSync(file);
  console.log(`Node ${process.version}, ${os.cpus().length} cores; ${ROUNDS} rounds, the two sides taking turns, each in a fresh process of ${RUNS} runs; medians.\n`);
  printTable(table);
  console.log(`\nEach run of a process (median over the rounds); the table above takes the median run of each process.\n`);
  printTable(byRun);
}

function printTable(table: string[][]): void {
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(table[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table.slice(1)) console.log(line(r));
}

if (process.argv[2] === '--child') child(process.argv[3] as Mode, process.argv[4]);
else main();
