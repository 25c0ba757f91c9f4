/**
 * `npm run import -- quiz.gift [--out quiz.yaml] [--sources folder]`: converts a teacher's GIFT file, CSV sheet
 * or YAML topic file into the bank's YAML with the same checks and messages as the game. The YAML goes to
 * stdout or to --out; what was changed and what was skipped go to stderr, each under its heading. Exits 1 when no
 * question could be read, 2 on a usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseSources } from '../src/core/bank.ts';
import { exportTopicYaml, importFileBytes, importReportLines, topicForFile } from '../src/core/import/index.ts';
import { formatBankError, type BankError } from '../src/core/types.ts';
import { readSourceFiles } from '../src/server/bankFiles.ts';

const USAGE = `Usage: npm run import -- <file.gift|file.txt|file.csv|file.yaml> [--out <file.yaml>] [--sources <folder>]

  --out <file.yaml>    write the questions there (their topic is named after it) instead of to the screen
  --sources <folder>   more source documents (*.md, see docs/question-format.md) that excerpts may quote`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// npm runs scripts from the project folder; paths typed by the user are relative to where they typed them.
const here = process.env.INIT_CWD ?? process.cwd();
const questionsDir = process.env.QUESTIONS_DIR ? join(root, process.env.QUESTIONS_DIR) : join(root, 'questions');

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, sources: { type: 'string' } } });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const args = readArgs();
if (args.positionals.length !== 1) fail('Name one file to import.');
const input = resolve(here, args.positionals[0]!);
const out = args.values.out !== undefined ? resolve(here, args.values.out) : undefined;

let bytes: Uint8Array;
try {
  bytes = readFileSync(input);
} catch (error) {
  fail(`Cannot read ${input}: ${error instanceof Error ? error.message : String(error)}`);
}

const sourceErrors: BankError[] = [];
const sourceFiles = [
  ...readSourceFiles(join(questionsDir, 'sources'), root),
  ...(args.values.sources !== undefined ? readSourceFiles(resolve(here, args.values.sources), here) : []),
];
const sources = parseSources(sourceFiles, sourceErrors);
for (const error of sourceErrors) console.error(formatBankError(error));

const name = basename(input);
const result = importFileBytes(name, bytes, {
  sources,
  ...(out !== undefined ? { topicId: topicForFile(out).id } : {}),
});
const report = importReportLines(result);
for (const [heading, lines] of [
  ['Changed (these questions play, altered as said)', report.changed],
  ['Skipped (fix these and import again)', report.skipped],
] as const) {
  if (lines.length === 0) continue;
  console.error(`${heading}:`);
  for (const line of lines) console.error(`  ${name}: ${line}`);
}
for (const warning of result.warnings) console.error(`${name}: warning: ${warning}`);

const count = result.questions.length;
const withoutSource = result.questions.filter((question) => question.noSource).length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const summary =
  `${plural(count, 'question')} read from ${name}` +
  (withoutSource > 0 ? ` (${withoutSource} without a source excerpt)` : '') +
  (result.changes.length > 0 ? `, ${plural(result.changes.length, 'change')}` : '') +
  `, ${plural(result.problems.length, 'problem')}.`;
if (count === 0) {
  console.error(summary);
  process.exit(1);
}
const yaml = exportTopicYaml(result.topic, result.questions);
if (out !== undefined) {
  writeFileSync(out, yaml);
  console.error(`${summary} Wrote ${out}.`);
} else {
  process.stdout.write(yaml);
  console.error(summary);
}
