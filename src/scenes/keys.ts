/** Scene keys, named once. */
export const SceneKey = {
  Preload: 'preload',
  Title: 'title',
  HowToPlay: 'how-to-play',
  Claim: 'claim',
  Question: 'question',
  Wager: 'wager',
  Pause: 'pause',
  Reveal: 'reveal',
  Results: 'results',
  Report: 'report',
  Timeline: 'timeline',
  Share: 'share',
  HighScores: 'high-scores',
  Settings: 'settings',
  Topics: 'topics',
  CustomBanks: 'custom-banks',
  CustomBank: 'custom-bank',
  Error: 'error',
  ClassJoin: 'class-join',
  ClassWait: 'class-wait',
  ClassQuestion: 'class-question',
  ClassReveal: 'class-reveal',
  ClassResults: 'class-results',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

export const BANK_URL = 'bank.json';
/**
 * How long the game waits for the question bank before starting Phaser. Started with the bank in hand, it opens
 * on the title; otherwise (a slow connection) on the loading screen, which shows the download's progress.
 */
export const BANK_WAIT_BEFORE_BOOT_MS = 300;
/** The background downloads start after the title's first frame, or after this long if no frame comes (a hidden tab). */
export const BACKGROUND_WORK_LATEST_MS = 500;
/** The shipped sources' full texts, fetched only by the "Your questions" screens (see vite.config.ts). */
export const SOURCES_URL = 'sources.json';

/** Performance marks the benchmark and the browser tests read. */
export const TITLE_INTERACTIVE_MARK = 'source-check:title-interactive';
export const ANSWER_FEEDBACK_MARK = 'source-check:answer-feedback';
