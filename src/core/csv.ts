/**
 * CSV for spreadsheets: every field quoted, quotes doubled, CRLF line ends, and text that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) made inert with a leading '.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted; a value that would start a formula gets a ' in front (OWASP's advice for CSV injection). */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows to CSV text, each line ended by CRLF (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
