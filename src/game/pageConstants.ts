/** What the page fetches and marks: the game's files, its timings before the first screen, performance marks. */
export const BANK_URL = 'bank.json';
/**
 * How long a visit whose title needs the question bank (a round to resume, a link to follow) waits for it before
 * starting Phaser. Started with the bank in hand, it opens on the title; otherwise (a slow connection) on the
 * loading screen, which shows the download's progress. Other visits do not wait: their title opens without it.
 */
export const BANK_WAIT_BEFORE_BOOT_MS = 300;
/** The background downloads start after the title's first frame, or after this long if no frame comes (a hidden tab). */
export const BACKGROUND_WORK_LATEST_MS = 500;
/** The shipped sources' full texts, fetched only by the "Your questions" screens (see vite.config.ts). */
export const SOURCES_URL = 'sources.json';

/**
 * The longest the canvas goes undrawn while nothing on it changes (src/engine/drawOnlyChanges.ts): a change the
 * engine did not see (a kind of object the game does not use yet, a value kept deeper than an object's own) shows
 * at most this late.
 */
export const MAX_UNDRAWN_MS = 1000;

/** Performance marks the benchmark and the browser tests read. */
export const TITLE_INTERACTIVE_MARK = 'source-check:title-interactive';
export const ANSWER_FEEDBACK_MARK = 'source-check:answer-feedback';
/** The learning check's items and forms, written by the build next to bank.json. */
export const CHECKS_URL = 'checks.json';
