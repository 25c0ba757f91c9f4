/**
 * `npm run admin -- <command>`: list, export, delete and purge classes, take and restore snapshots, with the
 * server stopped (see src/server/class/admin.ts and docs/operations.md). Reads the same settings as the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBankBundle } from '../src/core/bankBundle';
import { runAdmin } from '../src/server/class/admin';
import { configFromEnv } from '../src/server/class/config';

const root = join(import.meta.dirname, '..');

try {
  const config = configFromEnv(process.env, root);
  const code = await runAdmin(
    process.argv.slice(2),
    config,
    () => {
      const checked = checkBankBundle(JSON.parse(readFileSync(join(root, 'dist', 'bank.json'), 'utf8')));
      if (!checked.bundle) throw new Error(`dist/bank.json is not usable: ${checked.error}`);
      return checked.bundle;
    },
    { out: (line) => console.log(line), err: (line) => console.error(line) },
  );
  process.exit(code);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
