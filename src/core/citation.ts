/** How a source is cited under its excerpt, on a student's screen and on the projector alike. */
import { formatLongDate } from './dates';
import { NOT_STATED } from './settings';
import type { SourceDoc } from './types';

/** What a citation needs of a source: never its text. */
export type CitedSource = Pick<SourceDoc, 'title' | 'publisher' | 'date'>;

/** "Source title (issuer, 6 August 2020)"; the source's id when the bank does not know it. */
export function sourceCitation(sourceId: string, source: CitedSource | undefined): string {
  if (!source) return sourceId;
  // The undated article states neither: saying so is part of the lesson, "(not stated, not stated)" is not.
  const known = [source.publisher, formatLongDate(source.date)].filter((part) => part !== NOT_STATED);
  return known.length > 0 ? `${source.title} (${known.join(', ')})` : `${source.title} (no outlet or date given)`;
}
