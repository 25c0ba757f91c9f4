/** `npm run check:questions`: validates the whole bank and prints every problem with file, id and field. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadBankFromDisk } from '../src/server/bankFiles';
import { formatBankError } from '../src/core/types';
import { loadSpanishOverlay } from './spanishBankFiles';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { bank, errors: englishErrors } = loadBankFromDisk(join(root, 'questions'), root);
const spanish = loadSpanishOverlay(join(root, 'questions'), bank, root);
const errors = [...englishErrors, ...spanish.errors];

for (const error of errors) console.error(formatBankError(error));
const summary = `${bank.questions.length} valid questions in ${bank.topics.length} topics, ${Object.keys(bank.sources).length} sources, ${Object.keys(spanish.overlay.questions).length} in Spanish`;
if (errors.length > 0) {
  console.error(`\n${errors.length} problem${errors.length === 1 ? '' : 's'} found; ${summary}.`);
  process.exit(1);
}
console.log(`Question bank OK: ${summary}.`);
