/** The excerpts that settle a question, in the accessible layer's "Source" region: each quote and its citation. */
import type { AccessibleLayer } from '../a11y/AccessibleLayer';

export interface EvidenceItem {
  source: string;
  quote: string;
}

export function mirrorEvidence(
  a11y: AccessibleLayer,
  region: HTMLElement,
  evidence: readonly EvidenceItem[],
  citationOf: (sourceId: string) => string,
): void {
  for (const [index, item] of evidence.entries()) {
    const quote = a11y.text(`${index === 0 ? 'The source says' : 'More evidence'}: “${item.quote}”`, {
      parent: region,
    });
    quote.dataset.source = item.source;
    quote.dataset.quote = item.quote;
    quote.classList.add('excerpt');
    a11y.text(`Source: ${citationOf(item.source)}`, { parent: region });
  }
}

/** The as-of note (asOfNote in core/dates.ts) in the "Source" region, named so it can be found; nothing without one. */
export function mirrorAsOfNote(a11y: AccessibleLayer, region: HTMLElement, note: string | undefined): void {
  if (note) a11y.text(note, { parent: region }).dataset.name = 'as-of';
}
