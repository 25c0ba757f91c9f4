/** A plain-text summary of the learning check's items and forms, printed by `npm run bank:report`. */
import { CHECK_FORMS, CHECK_KINDS, formItems, type CheckSet } from './checkItems';

/** The report; `problems` are the validator's messages, listed at the end (none for a set that passes). */
export function checkSetReport(checks: CheckSet, problems: readonly string[] = []): string {
  const accurate = checks.items.filter((item) => item.accurate).length;
  const header = ['form', 'items', 'accurate', 'not', 'difficulty', ...CHECK_KINDS];
  const rows = CHECK_FORMS.map((form) => {
    const items = formItems(checks, form);
    const right = items.filter((item) => item.accurate).length;
    return [
      form,
      items.length,
      right,
      items.length - right,
      items.reduce((sum, item) => sum + item.difficulty, 0),
      ...CHECK_KINDS.map((kind) => items.filter((item) => item.kind === kind).length),
    ].map(String);
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => cell.padStart(widths[column]!)).join('  ')}`;
  return [
    `Learning check: ${checks.items.length} items, ${accurate} accurate and ${checks.items.length - accurate} not`,
    ['Forms (difficulty is the sum of the items’ levels)', line(header), ...rows.map(line)].join('\n'),
    [`${problems.length} problem${problems.length === 1 ? '' : 's'}`, ...problems.map((p) => `  ${p}`)].join('\n'),
  ].join('\n\n');
}
