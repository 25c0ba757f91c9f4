/**
 * The excerpts the projector shows in a live lesson's evidence phase: each quote with its citation, or, for a
 * teacher's own question that quotes no source, the words a student's reveal shows in its place.
 */
import type { LiveBoard } from '../core/classProtocol';
import { t } from './hostLanguage';

export interface ShownExcerpt {
  quote: string;
  caption: string;
  name: 'live-excerpt' | 'live-no-source';
}

export function liveExcerpts(evidence: LiveBoard['evidence']): ShownExcerpt[] {
  if (!evidence) return [];
  if (evidence.excerpts.length === 0)
    return [{ quote: t('host:live.noSourceText'), caption: t('host:live.noSourceLabel'), name: 'live-no-source' }];
  return evidence.excerpts.map((excerpt) => ({
    quote: excerpt.quote,
    caption: `— ${excerpt.citation}`,
    name: 'live-excerpt',
  }));
}
