/** Reads the question bank from disk for the build, the command-line check, the tests and the server. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { baseName, parseBank, type BankResult } from '../core/bank.ts';
import { balanceProblems, measureBalance } from '../core/bankBalance.ts';
import type { Bank, BankBundle, BankError, BankFile } from '../core/types.ts';
import { hashSeed } from '../core/rng.ts';
import { soloQuestions } from '../core/classPool.ts';

function readFolder(folder: string, extension: RegExp, root: string): BankFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => extension.test(name))
    .sort()
    .map((name) => {
      const path = join(folder, name);
      return { path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
    });
}

/** The source documents (`*.md`) in a folder, with paths relative to root; none when the folder is missing. */
export function readSourceFiles(folder: string, root: string): BankFile[] {
  return readFolder(folder, /\.md$/i, root);
}

/**
 * The rules the shipped bank meets as a whole (docs/question-bank.md), each problem named by the topic file
 * that breaks it or, for a bank-wide rule, by the bank's folder.
 */
export function balanceErrors(bank: Bank, topicFiles: BankFile[], folder: string): BankError[] {
  const fileOf = new Map(topicFiles.map((file) => [baseName(file.path), file.path]));
  return balanceProblems(measureBalance(bank.topics, bank.questions)).map((problem) => ({
    file: (problem.topic !== undefined ? fileOf.get(problem.topic) : undefined) ?? folder,
    message: problem.message,
  }));
}

/**
 * Loads `<questionsDir>/sources/*.md` and `<questionsDir>/*.yaml` as the shipped bank: every question's rules and
 * the whole bank's. Paths in errors are relative to root.
 */
export function loadBankFromDisk(questionsDir: string, root = join(questionsDir, '..')): BankResult {
  const folder = relative(root, questionsDir).split('\\').join('/') || '.';
  const sources = readSourceFiles(join(questionsDir, 'sources'), root);
  const topics = readFolder(questionsDir, /\.ya?ml$/i, root);
  if (topics.length === 0) {
    return {
      bank: { topics: [], questions: [], sources: {} },
      errors: [{ file: folder, message: 'no topic files (*.yaml) found' }],
    };
  }
  const result = parseBank(sources, topics);
  return { ...result, errors: [...result.errors, ...balanceErrors(result.bank, topics, folder)] };
}

export function bundleBank(bank: Bank): BankBundle {
  const sources: BankBundle['sources'] = {};
  for (const [id, source] of Object.entries(bank.sources)) {
    const { text: _text, ...citation } = source;
    sources[id] = citation;
  }
  const body = JSON.stringify({ topics: bank.topics, questions: bank.questions, sources });
  return { version: hashSeed(body).toString(36), topics: bank.topics, questions: bank.questions, sources };
}

/** The bank the game ships (bank.json): without the questions held back for classes (see classPool.ts). */
export function soloBank(bank: Bank): Bank {
  return { ...bank, questions: soloQuestions(bank.questions) };
}
