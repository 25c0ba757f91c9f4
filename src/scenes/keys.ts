/** Scene keys, named once. */
export const SceneKey = {
  Boot: 'boot',
  Preload: 'preload',
  Title: 'title',
  HowToPlay: 'how-to-play',
  Question: 'question',
  Reveal: 'reveal',
  Results: 'results',
  HighScores: 'high-scores',
  Error: 'error',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

export const BANK_KEY = 'bank';
export const BANK_URL = 'bank.json';
