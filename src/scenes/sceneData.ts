/**
 * What each screen is opened with, in one map from scene key to data: `goTo(key, data)` is checked against it, so
 * no screen imports another screen to learn what it takes.
 */
import type { AnswerOutcome, ClassInfo, PlayerView, ServedQuestion } from '../core/classProtocol';
import type { ChallengeBoard } from '../core/challengeProtocol';
import type { BoardId } from '../core/highScores';
import type { CheckForm } from '../core/checkForms';
import type { CheckJudgement } from '../core/discernment';
import type { SavedAnswer } from '../core/savedChecks';
import type { SessionState } from '../core/session';
import type { TakenCheck } from '../core/classCheck';
import type { ClassCheckRun } from '../game/classCheckRun';
import type { ClassPlay } from '../game/classPlay';
import type { LoadReport, NoticeTone } from '../game/customBankKit';
import type { RecordedRound } from '../game/results';
import type { RoundRequest } from '../game/roundFlow';
import type { SceneKey } from './keys';

/** A line of news at the top of a list screen. */
export interface Notice {
  text: string;
  tone: NoticeTone;
}

/** A round's screen: the round as it stands. */
export interface RoundData {
  session: SessionState;
}

/** The pause screen: opened by Pause, or by a way out of the round, when it asks whether to leave. */
export interface PauseSceneData extends RoundData {
  /** Opened by a way out of the round (Escape, Back to title): it asks first, and Escape keeps playing. */
  leaving?: boolean;
}

/** The question screen deals a new round itself, so a redraw never deals twice. */
export type QuestionSceneData = RoundData | { deal: RoundRequest };

export interface RevealSceneData extends RoundData {
  /** Which of the question's excerpts the source card shows; set when the player pages through them. */
  evidenceIndex?: number;
  /** The player paged to this excerpt: focus stays on the paging button and the excerpt is read. */
  paged?: boolean;
  /** Laid out at this text size rather than the player's: theirs left the explanation no room (a small phone). */
  textScale?: number;
}

export interface TitleSceneData {
  /** The entries besides the ways to play, on a page of their own (large text on a small screen). */
  more?: boolean;
}

export interface ResultsSceneData extends RoundData {
  /** Where the round went: its board and place, or why it is on none. */
  recorded: RecordedRound;
  /** A review row opened to its whole question and answer (its index in the round's log). */
  opened?: number;
  /** The first review row shown, where the rows do not all fit and the list has been scrolled. */
  reviewFirst?: number;
  /** The scroll button that was pressed, which keeps the focus. */
  reviewFocus?: 'up' | 'down';
  /** Asking for the name to save the score under (see ResultsScene): the name typed, and why it was refused. */
  naming?: { typed: string; refusal?: string };
  /** The name the player just chose for the saved score, which the results then say. */
  savedAs?: string;
  /** The spoiler-free view to screenshot: score, squares, mode and day, no question. */
  snapshot?: boolean;
  /** The button (its accessible name) that led to a page of the results' own, which has the focus back from it. */
  returnFocus?: string;
  /** The page of the buttons that did not fit under the review: their accessible names. */
  moreActions?: readonly string[];
}

export interface ReportSceneData {
  /** The round reported on (a practice round's first try, not its replays). */
  session: SessionState;
  /** The results screen to go back to. */
  back: ResultsSceneData;
}

/** What has focus after the timeline is rebuilt: a paging button or the selected item. */
export type TimelineFocus = 'Earlier' | 'Later' | 'item';

export type TimelineSceneData = (
  { source: 'bank' } | { source: 'round'; session: SessionState; back: ResultsSceneData }
) & {
  selected?: number;
  focus?: TimelineFocus;
};

export interface ShareSceneData {
  results: ResultsSceneData;
  /** Typing a name of one's own instead of the generated one. */
  editing?: boolean;
  /** Why the last typed name was refused. */
  refusal?: string;
  focus?: string;
}

export interface HighScoresSceneData {
  /** The place to light up on the board shown (the round just played). */
  highlight?: number | null;
  board?: BoardId;
  /** The board's clear button was pressed: ask before anything is lost. */
  confirmClear?: boolean;
  /** What to say once, after a board was cleared. */
  notice?: string;
}

/** Where Done on the settings leads: the title, or back to the paused round. */
export interface SettingsReturn {
  to: 'pause';
  data: RoundData;
}

export interface SettingsSceneData {
  /** Where Done leads; the title when not given. */
  returnTo?: SettingsReturn;
  /** The setting to focus after the screen is rebuilt. */
  focus?: string;
}

export interface TopicsSceneData {
  /** The settings screen to go back to. */
  settings: SettingsSceneData;
  /** The topic to focus after the screen is rebuilt ('all' for the first row). */
  focus?: string;
  /** Choose by topic (the default) or by kind of question. */
  view?: 'topics' | 'kinds';
}

export interface CustomBanksSceneData {
  /** The last file loaded, when it did not become a bank (nothing playable, or it could not be saved). */
  report?: LoadReport;
  /** The page of the saved banks on view. */
  page?: number;
  /** The button to focus after the screen is rebuilt. */
  focus?: string;
  notice?: Notice;
}

export interface CustomBankSceneData {
  bankId: string;
  /** The file just loaded into this bank, with its problems. */
  report?: LoadReport;
  /** Viewing, typing a new name, or asked to confirm the removal. */
  mode?: 'view' | 'rename' | 'remove';
  notice?: Notice;
  /** The button to focus after the screen is rebuilt. */
  focus?: string;
}

export interface ClassJoinData {
  /** The code from a join link, or typed. */
  code?: string;
  step?: 'code' | 'name' | 'no-server';
  info?: ClassInfo;
  /** Typing a nickname of one's own. */
  editing?: boolean;
  message?: string;
  /** The student asks the teacher for more time per question (sent with the join). */
  moreTime?: boolean;
  /** Focus goes back to the "Ask for more time" switch (it was just pressed). */
  focusMoreTime?: boolean;
}

/**
 * Why a player waits outside the round: the teacher ended the class, removed them, the server failed, or they asked
 * to leave the round (it asks first).
 */
export type ClassNote = 'ended' | 'removed' | 'error' | 'leaving';

export interface ClassWaitData {
  play: ClassPlay;
  note?: ClassNote;
  message?: string;
  /** "Leave the class" was pressed: the screen asks to confirm. */
  confirmLeave?: boolean;
}

export interface ClassQuestionData {
  play: ClassPlay;
  question: ServedQuestion;
}

export interface ClassRevealData {
  play: ClassPlay;
  outcome: AnswerOutcome;
  /**
   * The answer was sent again after the connection dropped: it arrived in time and counted, or after the time was
   * up (the outcome is then the time-out). The reveal says which.
   */
  arrival?: 'in-time' | 'too-late';
}

/** A live lesson's moment with nothing to answer on the phone: the student looks at the projector. */
export interface ClassWatchData {
  play: ClassPlay;
}

export interface ClassResultsData {
  play: ClassPlay;
  view: Extract<PlayerView, { state: 'finished' }>;
}

/** A server challenge: making one, the page its link opens, or its board (see ChallengeScene). */
export interface ChallengeSceneData {
  step: 'create' | 'intro' | 'board';
  code?: string;
  /** The board as last read; the screen reads it first when not given. */
  board?: ChallengeBoard;
  /** The title typed so far, kept across a rebuild. */
  title?: string;
  message?: string;
  /** The creator pressed Close: ask before the challenge stops taking entries. */
  confirmClose?: boolean;
}

/** Check yourself: its introduction, or one claim (judged, then rated for confidence) with the answers so far. */
export type CheckSceneData =
  | { step: 'intro'; form: CheckForm }
  | { step: 'item'; form: CheckForm; answers: SavedAnswer[]; judgement?: CheckJudgement }
  /** A check in a class: its introduction until `started`, then each claim, sent to the server as it is answered. */
  | { step: 'class'; run: ClassCheckRun; started?: boolean; judgement?: CheckJudgement };

export interface CheckReportSceneData {
  /** The check just finished, said once at the top. */
  finished?: CheckForm;
  /** One claim of a check taken, with its evidence, instead of the figures. */
  claims?: { form: CheckForm; index: number };
  /** A check just finished in a class: its claims with their evidence (one when `index` is given). */
  classCheck?: { taken: TakenCheck; index?: number; play?: ClassPlay };
}

export interface ErrorSceneData {
  message?: string;
}

/** Every screen's data; `undefined` where a screen takes none, optional where it can open without any. */
export interface SceneDataMap {
  preload: undefined;
  title: TitleSceneData | undefined;
  'how-to-play': undefined;
  claim: RoundData;
  question: QuestionSceneData;
  wager: RoundData;
  pause: PauseSceneData;
  reveal: RevealSceneData;
  results: ResultsSceneData;
  report: ReportSceneData;
  timeline: TimelineSceneData;
  share: ShareSceneData;
  'high-scores': HighScoresSceneData | undefined;
  settings: SettingsSceneData | undefined;
  topics: TopicsSceneData;
  'custom-banks': CustomBanksSceneData | undefined;
  'custom-bank': CustomBankSceneData;
  error: ErrorSceneData;
  check: CheckSceneData;
  'check-report': CheckReportSceneData;
  'class-join': ClassJoinData | undefined;
  'class-wait': ClassWaitData;
  'class-question': ClassQuestionData;
  'class-reveal': ClassRevealData;
  'class-results': ClassResultsData;
  'class-watch': ClassWatchData;
  challenge: ChallengeSceneData;
}

/** The data argument of `goTo(key, …)`: left out where the screen needs none. */
export type SceneDataArgs<K extends SceneKey> = undefined extends SceneDataMap[K]
  ? [data?: SceneDataMap[K]]
  : [data: SceneDataMap[K]];
