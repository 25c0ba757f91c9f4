/**
 * The excerpts the projector shows in a live lesson's evidence phase: each quote with its citation (and its
 * rendering in the page's language, marked as unofficial, when the server sent one), or, for a teacher's own
 * question that quotes no source, the words a student's reveal shows in its place.
 */
import type { LiveBoard } from '../core/classProtocol';
import { t } from './hostLanguage';
import { localCitation, localRevealWords } from './hostQuestions';

export interface ShownExcerpt {
  quote: string;
  caption: string;
  name: 'live-excerpt' | 'live-no-source';
  /** "Unofficial translation: …" in the page's language; the quote itself stays as published. */
  translation?: string;
}

export function liveExcerpts(evidence: LiveBoard['evidence']): ShownExcerpt[] {
  if (!evidence) return [];
  if (evidence.excerpts.length === 0)
    return [{ quote: t('host:live.noSourceText'), caption: t('host:live.noSourceLabel'), name: 'live-no-source' }];
  const renderings = localRevealWords(evidence)?.evidence ?? [];
  return evidence.excerpts.map((excerpt, index) => ({
    quote: excerpt.quote,
    caption: `— ${localCitation(excerpt)}`,
    name: 'live-excerpt',
    ...(renderings[index] ? { translation: t('host:live.translation', { translation: renderings[index] }) } : {}),
  }));
}
