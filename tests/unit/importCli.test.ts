/** `npm run import`: the command line gives the same questions and messages as the game, with exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTopicYaml, importQuestions } from '../../src/core/import/index';
import { loadBankFromDisk } from '../../src/server/bankFiles';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join('tests', 'fixtures', 'import');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);
const scratch = mkdtempSync(join(tmpdir(), 'source-check-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runImport(...args: string[]) {
  // As `npm run import` from the project folder, reading the shipped bank's sources.
  const env: NodeJS.ProcessEnv = { ...process.env, INIT_CWD: root };
  delete env.QUESTIONS_DIR;
  const run = spawnSync(tsx, ['scripts/import.ts', ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run import', () => {
  it('writes the YAML of a good file to stdout and a summary to stderr', () => {
    const file = join(fixtures, 'gift', 'good-multiple-choice.gift');
    const run = runImport(file);
    const expected = importQuestions(
      { path: 'good-multiple-choice.gift', text: readFileSync(join(root, file), 'utf8') },
      { sources: bank.sources },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(exportTopicYaml(expected.topic, expected.questions));
    expect(run.stderr).toBe('1 question read from good-multiple-choice.gift, 0 problems.\n');
  });

  it('prints every problem and still writes the valid questions', () => {
    const run = runImport(join(fixtures, 'gift', 'mixed-good-and-broken.gift'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('id: good-one');
    expect(run.stderr).toBe(
      [
        'Skipped (fix these and import again):',
        '  mixed-good-and-broken.gift: Line 4, question "Bad one", answers: no answer is marked correct; start the right answer with "="',
        '  mixed-good-and-broken.gift: Line 8, question "Essay", answers: are empty, as in an essay question: the game needs answers to choose from, like {=right ~wrong}',
        '3 questions read from mixed-good-and-broken.gift (3 without a source excerpt), 2 problems.',
        '',
      ].join('\n'),
    );
  });

  it('fails when no question is valid', () => {
    const run = runImport(join(fixtures, 'csv', 'broken-correct-letter.csv'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Skipped (fix these and import again):\n' +
        '  broken-correct-letter.csv: Row 2, question "Who owns TikTok?", column "Correct answer(s)": must be the number of the right answer, 1 to 6; found "A"\n' +
        '0 questions read from broken-correct-letter.csv, 1 problem.\n',
    );
  });

  it('writes to --out, naming the topic after that file', () => {
    const out = join(scratch, 'week-3.yaml');
    const run = runImport(join(fixtures, 'csv', 'good-two-answers.csv'), '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `2 questions read from good-two-answers.csv (2 without a source excerpt), 0 problems. Wrote ${out}.\n`,
    );
    const written = importQuestions({ path: out, text: readFileSync(out, 'utf8') }, { sources: bank.sources });
    expect(written.problems).toEqual([]);
    expect(written.topic.id).toBe('week-3');
    expect(written.questions).toHaveLength(2);
  });

  it('checks quotes against more source documents given with --sources', () => {
    const quiz = join(fixtures, 'cli', 'handout-quiz.gift');
    const without = runImport(quiz);
    expect(without.status).toBe(0);
    expect(without.stderr).toMatch(
      /^Changed \(these questions play, altered as said\):\n {2}handout-quiz\.gift: Line 1, question "[^"]+", source comment 1 \(source\): no source called "class-handout" \(the sources are: [^)]+\); the question plays without a source excerpt\n/,
    );
    expect(without.stderr).toMatch(
      /1 question read from handout-quiz\.gift \(1 without a source excerpt\), 1 change, 0 problems\.\n$/,
    );
    const run = runImport(quiz, '--sources', join(fixtures, 'cli', 'sources'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('source: class-handout');
    expect(run.stderr).toBe('1 question read from handout-quiz.gift, 0 problems.\n');
    // Two runs of the command: more than the default five seconds on a busy machine.
  }, 20_000);

  it('reads a spreadsheet Excel saved as Windows-1252 as the game does, listing that under Changed', () => {
    const run = runImport(join(fixtures, 'real', 'kahoot-template-excel-windows-1252.csv'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('prompt: What’s the first SIFT move?');
    expect(run.stderr).toMatch(
      /^Changed \(these questions play, altered as said\):\n {2}kahoot-template-excel-windows-1252\.csv: The file is not UTF-8: it was read as Windows-1252[^\n]*"CSV UTF-8"[^\n]*\n5 questions read from kahoot-template-excel-windows-1252\.csv \(5 without a source excerpt\), 1 change, 0 problems\.\n$/,
    );
  });

  it('refuses a file that is not text, saying how to save it as UTF-8', () => {
    const run = runImport(join(fixtures, 'defects', '09-not-windows-1252.csv'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Skipped \(fix these and import again\):\n {2}09-not-windows-1252\.csv: The file cannot be read: it is neither UTF-8 nor Windows-1252 text[^\n]*"CSV UTF-8"/,
    );
  });

  it('explains its usage when no file is named', () => {
    const run = runImport();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Name one file to import\.\n\nUsage: npm run import -- /);
  });
});
