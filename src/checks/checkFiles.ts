/** Reads the learning check's items and forms from disk for the build, the command-line check, the tests and the server. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCheckSet, type CheckSet } from '../core/checkItems.ts';
import type { Bank, BankError, BankFile } from '../core/types.ts';

export const CHECKS_FOLDER = 'checks';
export const CHECK_ITEMS_FILE = 'items.yaml';
export const CHECK_FORMS_FILE = 'forms.yaml';

function readFile(path: string, root: string, errors: BankError[]): BankFile | undefined {
  const name = relative(root, path).split('\\').join('/');
  if (!existsSync(path)) {
    errors.push({ file: name, message: 'is missing: the learning check needs both its items and its forms' });
    return undefined;
  }
  return { path: name, text: readFileSync(path, 'utf8') };
}

/** No learning check at all, as in a teacher's own bank folder without one. */
const NO_CHECKS: CheckSet = { items: [], forms: { A: [], B: [], C: [] } };

/**
 * Loads `<questionsDir>/checks/items.yaml` and `forms.yaml` and checks them against a bank already loaded from the
 * same folder (its sources settle the items; its questions must not be repeated). A folder without `checks/` has no
 * learning check and no problem; one file without the other is a problem. Paths in errors are relative to root.
 */
export function loadChecksFromDisk(
  questionsDir: string,
  bank: Bank,
  root = join(questionsDir, '..'),
): { checks: CheckSet; errors: BankError[] } {
  const folder = join(questionsDir, CHECKS_FOLDER);
  if (!existsSync(folder)) return { checks: NO_CHECKS, errors: [] };
  const errors: BankError[] = [];
  const items = readFile(join(folder, CHECK_ITEMS_FILE), root, errors);
  const forms = readFile(join(folder, CHECK_FORMS_FILE), root, errors);
  if (!items || !forms) return { checks: NO_CHECKS, errors };
  return parseCheckSet(items, forms, bank);
}
