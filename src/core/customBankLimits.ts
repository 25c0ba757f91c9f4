/**
 * The limits and messages of teachers' saved banks: light enough for the screens that are always loaded (the
 * reading, checking and storing itself is in customBanks.ts, loaded with the importer only when needed).
 */

/**
 * The most the saved banks may take together, in characters of stored text. Browsers give a site about five
 * million characters; a fifth of that holds dozens of class quizzes and always leaves room for scores and settings.
 */
export const MAX_SAVED_BANKS_CHARS = 1_000_000;
/** The largest file the game reads. A quiz of a hundred questions is some 50 KB. */
export const MAX_IMPORT_FILE_BYTES = 500_000;
export const MAX_BANK_NAME_CHARS = 60;

/** "12 KB", "1.2 MB": how much room saved banks take, as a teacher reads it (characters count as bytes). */
export function formatSize(chars: number): string {
  if (chars < 1000) return `${chars} bytes`;
  if (chars < 1_000_000) return `${Math.max(1, Math.round(chars / 1000))} KB`;
  return `${Number((chars / 1_000_000).toFixed(1))} MB`;
}

export function fileTooBigMessage(fileName: string, bytes: number): string {
  return (
    `${fileName} is ${formatSize(bytes)}; the game reads files of up to ${formatSize(MAX_IMPORT_FILE_BYTES)}. ` +
    'A quiz file is rarely that big: check that it is the right file, or split it into several.'
  );
}

export function overBudgetMessage(chars: number, limit = MAX_SAVED_BANKS_CHARS): string {
  return (
    `Not saved: your saved banks would take ${formatSize(chars)}, more than the ${formatSize(limit)} the game ` +
    'keeps on a device. Remove a bank you no longer need (export it first to keep a copy), then try again.'
  );
}

export const STORAGE_FULL_MESSAGE =
  'Not saved: this browser’s storage for the game is full. Remove a bank you no longer need (export it first ' +
  'to keep a copy), then try again.';

/** One question, several questions: "1 question", "3 questions". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
