/** `npm run bank:report`: what the question bank holds, by topic, difficulty, skill, kind and source, its balance against the
 * bank-wide rules, and every problem (it exits with 1 when there is one). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBankFromDisk } from '../src/server/bankFiles';
import { loadChecksFromDisk } from '../src/checks/checkFiles';
import { bankReport } from '../src/core/bankReport';
import { checkSetReport } from '../src/core/checkReport';
import { formatBankError } from '../src/core/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const questionsDir = join(root, 'questions');
const loaded = loadBankFromDisk(questionsDir, root);
const { bank } = loaded;
const { checks, errors: checkErrors } = loadChecksFromDisk(questionsDir, bank, root);
const errors = [...loaded.errors, ...checkErrors];
console.log(bankReport(bank, loaded.errors.map(formatBankError)));
console.log(`\n${checkSetReport(checks, checkErrors.map(formatBankError))}`);
if (errors.length > 0) process.exit(1);
