/** `npm run bank:report`: what the question bank holds, by topic, difficulty, skill, kind and source. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBankFromDisk } from '../src/server/bankFiles';
import { bankReport } from '../src/core/bankReport';
import { formatBankError } from '../src/core/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { bank, errors } = loadBankFromDisk(join(root, 'questions'), root);
for (const error of errors) console.error(formatBankError(error));
console.log(bankReport(bank));
if (errors.length > 0) process.exit(1);
