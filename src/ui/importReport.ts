/**
 * How an import report is shown (the lines of importReportList in core/import): a title for what the list holds,
 * skipped questions in the colour of a problem, changes in the colour of a note.
 */
import type { TextColors } from './theme';

const CHANGED = 'Changed:';
const SKIPPED = 'Skipped:';

/** "What was changed or skipped in quiz.gift", or only what the list holds; lines of neither kind are problems. */
export function importReportTitle(lines: readonly string[], where: string): string {
  const changed = lines.some((line) => line.startsWith(CHANGED));
  const skipped = lines.some((line) => line.startsWith(SKIPPED));
  const other = lines.some((line) => !line.startsWith(CHANGED) && !line.startsWith(SKIPPED));
  if (other || (!changed && !skipped)) return `Problems in ${where}`;
  if (changed && skipped) return `What was changed or skipped in ${where}`;
  return changed ? `What was changed in ${where}` : `What was skipped in ${where}`;
}

/** A change is a note (the question plays); anything else kept a question out, so it reads as a problem. */
export function importReportColor(line: string, text: Readonly<TextColors>): string {
  return line.startsWith(CHANGED) ? text.muted : text.wrong;
}
