/**
 * How a source is cited in the interface's language, on a student's reveal and on the projector alike: in English as
 * sourceCitation writes it; in another language with the overlay's rendering of the source's title and issuer, and
 * the date the language's way ("6 de agosto de 2020"). The document's own title stays as published.
 */
import { sourceCitation, type CitedSource } from '../core/citation';
import { formatLongDate } from '../core/dates';
import { NOT_STATED } from '../core/settings';
import type { SpanishSource } from '../core/spanishBank';
import type { Translator } from './translator';

/** A calendar date the language's way: the English screens write "6 August 2020", the Spanish "6 de agosto de 2020". */
export function longDateIn(translator: Translator, iso: string): string {
  if (translator.language === 'en' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return formatLongDate(iso);
  return translator.formatDate(iso.slice(0, 10));
}

/**
 * A source's citation: `rendered` is the overlay's title and issuer in the translator's language (undefined leaves
 * them as published); `withOriginalTitle` adds the document's own title beside a rendered one.
 */
export function citationIn(
  translator: Translator,
  sourceId: string,
  source: CitedSource | undefined,
  rendered: Pick<SpanishSource, 'title' | 'publisher'> | undefined,
  withOriginalTitle = false,
): string {
  if (translator.language === 'en' || !source) return sourceCitation(sourceId, source);
  const { t } = translator;
  const details = [
    source.publisher === NOT_STATED ? undefined : (rendered?.publisher ?? source.publisher),
    source.date === NOT_STATED ? undefined : longDateIn(translator, source.date),
  ].filter((part): part is string => part !== undefined);
  const title = rendered?.title ?? source.title;
  if (details.length === 0) return t('play:citation.unknown', { title });
  const joined = details.join(t('play:citation.separator'));
  return rendered && withOriginalTitle
    ? t('play:citation.translated', { title, originalTitle: source.title, details: joined })
    : t('play:citation.full', { title, details: joined });
}
