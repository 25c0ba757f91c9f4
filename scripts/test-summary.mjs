// Prints the plain closing line "N passed, N failed" from Vitest's JSON report.
// When the checks before Vitest (types, lint, format) failed, there is no report: that is one failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, exitStatus] = process.argv.slice(2);
if (!reportPath || !existsSync(reportPath)) {
  console.log(exitStatus === '0' ? '0 passed, 0 failed' : '0 passed, 1 failed');
  process.exit(0);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const passed = report.numPassedTests ?? 0;
let failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTests ?? 0);
// A suite that failed to load counts as a failure even with no test inside it.
failed += (report.testResults ?? []).filter(
  (suite) => suite.status === 'failed' && suite.assertionResults?.length === 0,
).length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
