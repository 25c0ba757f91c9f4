/** The set-up form's words and file picker for a teacher's own questions (src/host/ownQuestions.ts). */
import { describe, expect, it } from 'vitest';
import { IMPORT_EXTENSIONS } from '../../src/core/import/index';
import { OWN_QUESTIONS_ACCEPT, ownQuestionsNote } from '../../src/host/ownQuestions';

describe("the set-up form's own questions", () => {
  it('offers every file ending the importer reads, and no other', () => {
    expect(OWN_QUESTIONS_ACCEPT.split(',').sort()).toEqual(Object.values(IMPORT_EXTENSIONS).flat().sort());
  });

  it('says the class plays the file’s questions instead of the game’s, counted', () => {
    expect(ownQuestionsNote(1)).toBe(
      'The class will play this question (up to the number of questions above) instead of the game’s: the topics, ' +
        'kinds and question source above are set aside.',
    );
    expect(ownQuestionsNote(12)).toContain('will play these 12 questions (up to');
  });
});
