/** Scene keys, named once. */
export const SceneKey = {
  Preload: 'preload',
  Title: 'title',
  HowToPlay: 'how-to-play',
  Question: 'question',
  Pause: 'pause',
  Reveal: 'reveal',
  Results: 'results',
  HighScores: 'high-scores',
  Settings: 'settings',
  Topics: 'topics',
  Error: 'error',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

export const BANK_URL = 'bank.json';

/** Performance marks the benchmark and the browser tests read. */
export const TITLE_INTERACTIVE_MARK = 'source-check:title-interactive';
export const ANSWER_FEEDBACK_MARK = 'source-check:answer-feedback';
