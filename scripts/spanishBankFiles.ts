/** Reads the Spanish overlay of the bank (questions/es/) from disk for the build and `npm run check:questions`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BankOverlays } from '../src/core/revealWords.ts';
import { parseSpanishOverlay, SPANISH_SOURCES_FILE, type SpanishOverlay } from '../src/core/spanishBank.ts';
import type { Bank, BankError, BankFile } from '../src/core/types.ts';

/** The overlay's folder inside the bank's. */
export const SPANISH_FOLDER = 'es';

/** Loads `<questionsDir>/es/*.yaml` and checks it against the English bank; paths in errors are relative to root. */
export function loadSpanishOverlay(
  questionsDir: string,
  bank: Bank,
  root: string,
): { overlay: SpanishOverlay; errors: BankError[] } {
  const dir = join(questionsDir, SPANISH_FOLDER);
  const folder = relative(root, dir).split('\\').join('/');
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort();
  } catch {
    names = [];
  }
  const read = (name: string): BankFile => ({
    path: `${folder}/${name}`,
    text: readFileSync(join(dir, name), 'utf8'),
  });
  const topicFiles = names.filter((name) => name !== SPANISH_SOURCES_FILE).map(read);
  const sourcesFile = names.includes(SPANISH_SOURCES_FILE) ? read(SPANISH_SOURCES_FILE) : undefined;
  return parseSpanishOverlay({ topicFiles, folder, ...(sourcesFile ? { sourcesFile } : {}) }, bank);
}

/** The bank's other languages as the class server takes them (its words after an answer), with their problems. */
export function loadBankOverlays(
  questionsDir: string,
  bank: Bank,
  root: string,
): { overlays: BankOverlays; errors: BankError[] } {
  const { overlay, errors } = loadSpanishOverlay(questionsDir, bank, root);
  return { overlays: { es: overlay }, errors };
}
