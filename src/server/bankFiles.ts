/** Reads the question bank from disk for the build, the command-line check, the tests and the server. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseBank, type BankResult } from '../core/bank.ts';
import type { Bank, BankBundle, BankFile } from '../core/types.ts';
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

/** Loads `<questionsDir>/sources/*.md` and `<questionsDir>/*.yaml`; paths in errors are relative to root. */
export function loadBankFromDisk(questionsDir: string, root = join(questionsDir, '..')): BankResult {
  const sources = readSourceFiles(join(questionsDir, 'sources'), root);
  const topics = readFolder(questionsDir, /\.ya?ml$/i, root);
  if (topics.length === 0) {
    return {
      bank: { topics: [], questions: [], sources: {} },
      errors: [{ file: relative(root, questionsDir) || '.', message: 'no topic files (*.yaml) found' }],
    };
  }
  return parseBank(sources, topics);
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
