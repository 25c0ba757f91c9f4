/**
 * `npm run check:questions`: validates the whole bank and the learning check's items and forms, and prints every
 * problem with file, id and field.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadBankFromDisk } from '../src/server/bankFiles';
import { loadChecksFromDisk } from '../src/checks/checkFiles';
import { formatBankError } from '../src/core/types';
import { loadSpanishOverlay } from './spanishBankFiles';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const questionsDir = join(root, 'questions');
const loaded = loadBankFromDisk(questionsDir, root);
const { bank } = loaded;
const { checks, errors: checkErrors } = loadChecksFromDisk(questionsDir, bank, root);
const spanish = loadSpanishOverlay(questionsDir, bank, root);
const errors = [...loaded.errors, ...checkErrors, ...spanish.errors];

for (const error of errors) console.error(formatBankError(error));
const summary =
  `${bank.questions.length} valid questions in ${bank.topics.length} topics, ${Object.keys(bank.sources).length} sources, ` +
  `${checks.items.length} check items, ${Object.keys(spanish.overlay.questions).length} questions in Spanish`;
if (errors.length > 0) {
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'} found; ${summary}.`);
  process.exit(1);
}
console.log(`Question bank OK: ${summary}.`);
