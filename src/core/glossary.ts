/**
 * The Spanish glossary (docs/es/glosario.md) read as data: each English term with the Spanish renderings we use
 * and the known alternatives we do not, so a test can flag a term translated a second way. Pure.
 */

export interface GlossaryEntry {
  english: string;
  /** The renderings we use. */
  spanish: string[];
  /** Renderings that exist but that we do not use: finding one in the Spanish text means a term drifted. */
  avoid: string[];
  /** The line of the glossary's table row, for messages. */
  line: number;
}

/** The table's header, in order: the rule reads the first table whose header starts so. */
const HEADER = ['English', 'Español', 'No usar'];

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** A cell's renderings: separated by ";", each without its parenthesised note ("aplazamiento (de la …)"). */
function renderings(cell: string): string[] {
  return cell
    .split(';')
    .map((part) =>
      part
        .replace(/\([^)]*\)/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '');
}

/** Reads the glossary's table, and what is wrong with it (a term twice, a rendering both used and avoided). */
export function parseGlossary(markdown: string): { entries: GlossaryEntry[]; problems: string[] } {
  const lines = markdown.split(/\r?\n/);
  const entries: GlossaryEntry[] = [];
  const problems: string[] = [];
  const start = lines.findIndex((line) => line.trim().startsWith('|') && cells(line).join('|') === HEADER.join('|'));
  if (start < 0) return { entries, problems: [`no table with the columns ${HEADER.join(', ')}`] };
  for (let index = start + 2; index < lines.length && lines[index]!.trim().startsWith('|'); index += 1) {
    const line = index + 1;
    const [english = '', spanish = '', avoid = ''] = cells(lines[index]!);
    if (english === '' || renderings(spanish).length === 0) {
      problems.push(`line ${line}: a term needs its English and at least one Spanish rendering`);
      continue;
    }
    entries.push({ english, spanish: renderings(spanish), avoid: renderings(avoid), line });
  }
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const key = entry.english.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) problems.push(`line ${entry.line}: "${entry.english}" is already listed on line ${other}`);
    seen.set(key, entry.line);
  }
  const used = new Map(entries.flatMap((entry) => entry.spanish.map((form) => [form.toLowerCase(), entry] as const)));
  for (const entry of entries) {
    for (const form of entry.avoid) {
      const user = used.get(form.toLowerCase());
      if (user) problems.push(`line ${entry.line}: "${form}" is to be avoided here but used for "${user.english}"`);
    }
  }
  return { entries, problems };
}

/** A Spanish text to check, and where it is. */
export interface PlacedText {
  where: string;
  text: string;
}

function occurs(form: string, text: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  // Whole words only, by Unicode letters: "traza su cadena" is not "Traza las afirmaciones".
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Every place where a term appears in a rendering the glossary says we do not use. */
export function glossaryConflicts(entries: readonly GlossaryEntry[], texts: readonly PlacedText[]): string[] {
  const conflicts: string[] = [];
  for (const entry of entries) {
    for (const form of entry.avoid) {
      for (const { where, text } of texts) {
        if (occurs(form, text)) {
          conflicts.push(
            `${where}: "${form}" translates "${entry.english}" a second way; the glossary uses ` +
              entry.spanish.map((s) => `"${s}"`).join(' or '),
          );
        }
      }
    }
  }
  return conflicts;
}
