/** The words for a teacher's question that quotes no source, apart from the card, for pages without Phaser. */
export const NO_SOURCE_LABEL = 'No source given';
export const NO_SOURCE_TEXT =
  'This question quotes no source, so there are no exact words to check the answer against. ' +
  'Where would you look to check it?';
