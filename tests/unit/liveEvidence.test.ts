/** What the projector shows in a live lesson's evidence phase (src/host/liveEvidence.ts). */
import { describe, expect, it } from 'vitest';
import { liveExcerpts } from '../../src/host/liveEvidence';
import { NO_SOURCE_LABEL, NO_SOURCE_TEXT } from '../../src/ui/noSourceText';

describe("the projector's evidence", () => {
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
});
