/** The excerpts that settle a question, in the accessible layer's "Source" region: each quote and its citation. */
import type { AccessibleLayer } from '../a11y/AccessibleLayer';
import type { Translate } from '../i18n/translator';

export interface EvidenceItem {
  source: string;
  quote: string;
  /** A rendering in the interface's language, read after the quote as published. */
  translation?: string;
}

/** What the mirror says in the interface's language. */
export interface MirrorWords {
  t: Translate;
  /** The label that marks a rendering as unofficial. */
  translationLabel?: string;
}

export function mirrorEvidence(
  a11y: AccessibleLayer,
  region: HTMLElement,
  evidence: readonly EvidenceItem[],
  citationOf: (sourceId: string) => string,
  words: MirrorWords,
): void {
  const { t } = words;
  for (const [index, item] of evidence.entries()) {
    const quote = a11y.text(
      index === 0
        ? t('play:evidence.sourceSays', { quote: item.quote })
        : t('play:evidence.moreEvidence', { quote: item.quote }),
      { parent: region },
    );
    quote.dataset.source = item.source;
    quote.dataset.quote = item.quote;
    quote.classList.add('excerpt');
    // Around a rendering, the quote as published is read in English's voice, the words around it in the page's.
    if (words.translationLabel) markEnglish(quote, item.quote);
    if (item.translation && words.translationLabel) {
      const rendering = a11y.text(
        t('play:evidence.translation', { label: words.translationLabel, translation: item.translation }),
        { parent: region },
      );
      rendering.dataset.name = 'translation';
    }
    a11y.text(t('play:evidence.source', { citation: citationOf(item.source) }), { parent: region });
  }
}

/** Puts the quote inside an element's text in a span of its own marked as English; its text stays the same. */
function markEnglish(element: HTMLElement, quote: string): void {
  const text = element.textContent ?? '';
  const at = text.indexOf(quote);
  if (at < 0) return;
  const span = document.createElement('span');
  span.lang = 'en';
  span.textContent = quote;
  element.replaceChildren(text.slice(0, at), span, text.slice(at + quote.length));
}

/** The as-of note (asOfNote in core/dates.ts) in the "Source" region, named so it can be found; nothing without one. */
export function mirrorAsOfNote(a11y: AccessibleLayer, region: HTMLElement, note: string | undefined): void {
  if (note) a11y.text(note, { parent: region }).dataset.name = 'as-of';
}

/** Where a teacher's question quotes no source, the "Source" region says so, named so it can be found. */
export function mirrorNoSource(a11y: AccessibleLayer, region: HTMLElement, t: Translate): void {
  a11y.text(t('play:reveal.noSource', { label: t('play:noSource.label'), text: t('play:noSource.text') }), {
    parent: region,
  }).dataset.name = 'no-source';
}
