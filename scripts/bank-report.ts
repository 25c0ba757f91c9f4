/** `npm run bank:report`: what the question bank holds, by topic, difficulty, skill, kind and source, its balance against the
 * bank-wide rules, and every problem (it exits with 1 when there is one). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBankFromDisk } from '../src/server/bankFiles';
import { bankReport } from '../src/core/bankReport';
import { formatBankError } from '../src/core/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { bank, errors } = loadBankFromDisk(join(root, 'questions'), root);
console.log(bankReport(bank, errors.map(formatBankError)));
if (errors.length > 0) process.exit(1);
