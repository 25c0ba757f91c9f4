/** What the projector shows in a live lesson's evidence phase (src/host/liveEvidence.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { useHostTranslator } from '../../src/host/hostLanguage';
import { liveExcerpts } from '../../src/host/liveEvidence';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';
import { createTranslator } from '../../src/i18n/translator';
import { NO_SOURCE_LABEL, NO_SOURCE_TEXT } from '../../src/ui/noSourceText';

describe("the projector's evidence", () => {
  afterEach(() => useHostTranslator(createTranslator('en'), undefined));

  it('shows each excerpt with its citation', () => {
    const excerpt = { source: 'eo-13942', quote: 'THE WHITE HOUSE, August 6, 2020.', citation: 'EO 13942' };
    expect(liveExcerpts({ excerpts: [excerpt] })).toEqual([
      { quote: excerpt.quote, caption: '— EO 13942', name: 'live-excerpt' },
    ]);
  });

  it('says no source was given for a teacher’s question that quotes none, as the students’ reveal does', () => {
    expect(liveExcerpts({ excerpts: [], explanation: 'Why not.' })).toEqual([
      { quote: NO_SOURCE_TEXT, caption: NO_SOURCE_LABEL, name: 'live-no-source' },
    ]);
    expect(liveExcerpts(undefined)).toEqual([]);
  });

  it('cites the source in the page’s language from the details the server sends beside the excerpt', () => {
    const excerpt = {
      source: 'eo-13942',
      quote: 'THE WHITE HOUSE, August 6, 2020.',
      citation: 'Executive Order 13942 (The White House, 6 August 2020)',
      cited: { title: 'Executive Order 13942', publisher: 'The White House', date: '2020-08-06' },
    };
    // English: the server's own words.
    expect(liveExcerpts({ excerpts: [excerpt] })[0]!.caption).toBe(`— ${excerpt.citation}`);
    useHostTranslator(createTranslator('es', SPANISH_RESOURCES), undefined);
    // Spanish without the bank's Spanish (its download failed): the title and issuer as published, the date in Spanish.
    expect(liveExcerpts({ excerpts: [excerpt] })[0]!.caption).toBe(
      '— Executive Order 13942 (The White House, 6 de agosto de 2020)',
    );
    const undated = { ...excerpt, cited: { ...excerpt.cited, publisher: 'not stated', date: 'not stated' } };
    expect(liveExcerpts({ excerpts: [undated] })[0]!.caption).toBe('— Executive Order 13942 (sin medio ni fecha)');
    // A teacher's own source the bank does not know: the server's citation as it came.
    const { cited: _cited, ...unknown } = excerpt;
    expect(liveExcerpts({ excerpts: [unknown] })[0]!.caption).toBe(`— ${excerpt.citation}`);
  });
});
