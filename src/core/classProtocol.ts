/**
 * The class server's messages, as the server sends them and the game and the host page read them.
 * Types only: the server checks requests with JSON schemas and its answers follow these shapes.
 */
import type { CitedSource } from './citation';
import type { LiveCommand, LivePhase } from './liveLesson';
import type { CheckProgress } from './classCheck';
import type { ClassSummary } from './reports';
import type { RevealWords } from './revealWords';
import type { TimeAccommodation } from './timeAccommodation';
import type { Claim, Excerpt, QuestionKind, Topic } from './types';

export const SCORING_MODES = ['speed', 'accuracy'] as const;
/** speed: 500–1,000 points a right answer, more the faster; accuracy: 1,000 for every right answer. */
export type ScoringMode = (typeof SCORING_MODES)[number];

/**
 * class-only: the round is drawn from the questions the game does not ship in its offline bank.json (see
 * classPool.ts), so their answers cannot be looked up; all: from the whole bank.
 */
export const CLASS_POOLS = ['class-only', 'all'] as const;
export type ClassPool = (typeof CLASS_POOLS)[number];
export const DEFAULT_CLASS_POOL: ClassPool = 'class-only';

/**
 * immediate: each student sees the right answer as soon as their own answer is in; settled: only once the question
 * is settled for the class (every player in it has answered it or run out of time, or the class has ended), so a
 * second device cannot scout the answers for the first.
 */
export const ANSWER_REVEALS = ['immediate', 'settled'] as const;
export type AnswerReveal = (typeof ANSWER_REVEALS)[number];
export const DEFAULT_ANSWER_REVEAL: AnswerReveal = 'immediate';

/**
 * live: the teacher moves the whole class from question to question on the projector (see liveLesson.ts);
 * self: each student plays the round at their own pace (homework, stations).
 */
export const CLASS_PACES = ['live', 'self'] as const;
export type ClassPace = (typeof CLASS_PACES)[number];
/** A class created without a pace (an older client, a script) is self-paced, as every class was before. */
export const DEFAULT_CLASS_PACE: ClassPace = 'self';

export interface ClassSettings {
  questionCount: number;
  /** Seconds per question, or null for no time limit (a question's own limit still applies when set). */
  timeLimitSec: number | null;
  /** Topic ids; empty means every topic. */
  topics: string[];
  scoring: ScoringMode;
  /** Students keep a name the game generates ("Curious Otter") and cannot type their own. */
  generatedNicknamesOnly?: boolean;
  /** Where the questions come from; class-only when not given. */
  pool?: ClassPool;
  /** When a student is shown the right answer; immediate when not given. */
  answerReveal?: AnswerReveal;
  /** The kinds of question the round is drawn from; none given (or empty) means every kind. */
  kinds?: QuestionKind[];
  /** Who moves the class on; self-paced when not given. */
  pace?: ClassPace;
  /**
   * Each student sees the choices in an order of their own (studentChoiceOrder in classPresence.ts); set by the
   * server on every class it creates, absent on classes stored before, which keep the class's one order.
   */
  studentChoiceOrder?: boolean;
  /** A learning check before and after the lesson (see classCheck.ts); stored only when on. */
  learningCheck?: boolean;
  /** The file of the teacher's own questions the class plays instead of the bank's; set by the server. */
  ownQuestions?: string;
}

/** lobby: students join and wait for the teacher; open: students play; ended: nothing more is taken. */
export type ClassStatus = 'lobby' | 'open' | 'ended';

/** What anyone with the code may know about a class. */
export interface ClassInfo {
  code: string;
  status: ClassStatus;
  questionCount: number;
  timeLimitSec: number | null;
  scoring: ScoringMode;
  topics: Topic[];
  hideScores: boolean;
  /** Only the game's generated nicknames are taken (see ClassSettings). */
  generatedNicknamesOnly: boolean;
  /** The teacher's "Lock joining": no new player can join while it is on. */
  joiningLocked: boolean;
  pool: ClassPool;
  answerReveal: AnswerReveal;
  /** The kinds of question the round was drawn from; empty means every kind. */
  kinds: QuestionKind[];
  pace: ClassPace;
  /** Students take a learning check before the first question and after the last. */
  learningCheck: boolean;
  /** The file of the teacher's own questions the class plays, when it plays them instead of the bank's. */
  ownQuestions?: string;
}

/** What the teacher gets on creating a class; the token is shown once and kept on the teacher's device. */
export interface CreatedClass {
  class: ClassInfo;
  teacherToken: string;
  expiresAt: number;
}

export interface JoinedClass {
  playerId: string;
  token: string;
  nickname: string;
  class: ClassInfo;
}

/** A question as served to a student: the choices in the class's order, and nothing that tells which is right. */
export interface ServedQuestion {
  position: number;
  total: number;
  questionId: string;
  topic: string;
  prompt: string;
  /** The article's words that the question checks, without a verdict. */
  claimQuote?: string;
  choices: string[];
  timeLimitMs: number | null;
  /** Time left by the server's clock when this copy was sent; null with no time limit. */
  remainingMs: number | null;
}

/** The server's verdict on one answer (or on time running out), with the evidence, sent only after it is in. */
export interface AnswerOutcome {
  position: number;
  total: number;
  questionId: string;
  prompt: string;
  choices: string[];
  /** The position the student picked, or null when time ran out. */
  picked: number | null;
  /** The position of the right answer. */
  correctChoice: number;
  correct: boolean;
  timedOut: boolean;
  elapsedMs: number;
  base: number;
  streakBonus: number;
  points: number;
  /** The student's total and streak after this answer. */
  score: number;
  streak: number;
  feedback?: string;
  evidence: Excerpt[];
  claim?: Claim;
  explanation?: string;
  /** The date the evidence holds as of, for a fact that can change after it (the reveal names it). */
  asOf?: string;
  /**
   * The words after the answer in the student's language when it is not English and the bank words the question
   * in it (see revealWords.ts); absent for a teacher's own question, which stays as written.
   */
  translation?: RevealWords;
}

/**
 * An answer the server has taken and scored, its verdict held back because the class reveals answers only once a
 * question is settled: what the student picked, and nothing that tells whether it was right.
 */
export type PendingOutcome = { pending: true } & Pick<
  AnswerOutcome,
  'position' | 'total' | 'questionId' | 'prompt' | 'choices' | 'picked' | 'timedOut'
>;

export interface PlayerSummary {
  playerId: string;
  nickname: string;
  score: number;
  correct: number;
  answered: number;
  streak: number;
  bestStreak: number;
  /** The extended time the teacher gave this student (standard unless they gave some). */
  timeAccommodation: TimeAccommodation;
}

export interface FinalStanding {
  /** Place in the class, or null while the teacher hides scores. */
  rank: number | null;
  players: number;
  /**
   * Timed and scored by the class server, by its own clock, against its own copy of the questions: the device
   * never reports a score or a time. It does not mean the student answered alone or without looking things up.
   */
  verified: true;
}

/** Where a live lesson is, as a student's phone needs it. */
export interface LivePlayerStatus {
  phase: LivePhase;
  /** The question on show, from 0; -1 in the lobby. */
  position: number;
  paused: boolean;
  /** The student's place in the class once a question has closed; null before, or while scores are hidden. */
  rank: number | null;
  players: number;
}

export type PlayerView = { class: ClassInfo; player: PlayerSummary; total: number; live?: LivePlayerStatus } & (
  | { state: 'waiting' }
  /** A live lesson between questions, or a question that closed before this student joined: look at the screen. */
  | { state: 'watch' }
  /** The class is open and nothing has been served yet: ask for the next question. */
  | { state: 'ready' }
  | { state: 'question'; question: ServedQuestion }
  | { state: 'answered'; outcome: AnswerOutcome }
  /**
   * Answered, the verdict held back until the question is settled for the class; the player's totals are those
   * before this answer (streaks show 0). Next gives this again until then, and the live stream says "settled".
   */
  | { state: 'pending'; outcome: PendingOutcome }
  | { state: 'finished'; standing: FinalStanding; outcome?: AnswerOutcome }
);

export interface DashboardPlayer {
  playerId: string;
  nickname: string;
  joinedAt: number;
  /** Questions answered or timed out. */
  answered: number;
  correct: number;
  score: number;
  streak: number;
  finished: boolean;
  /**
   * Silent (no request, no open stream) for longer than the question's time and a margin (classPresence.ts):
   * away players hold back no marks, counts or skills. False again once they come back.
   */
  away: boolean;
  timeAccommodation: TimeAccommodation;
  /** The student asked for more time when joining, and the teacher has not set their time since. */
  asksForMoreTime: boolean;
}

export interface LeaderboardEntry {
  rank: number;
  playerId: string;
  nickname: string;
  score: number;
  correct: number;
  answered: number;
  verified: true;
}

export interface ChoiceTally {
  text: string;
  count: number;
  /** Whether this is the right answer (a tally has choices only once its question is settled). */
  correct: boolean;
}

/**
 * How the class answered a question. Until it is settled (every active player is past it, or the class has ended)
 * only how many answered is sent: no prompt, no choice, no count, so a projected dashboard gives nothing away.
 */
export interface QuestionTally {
  position: number;
  settled: boolean;
  /** Empty until settled. */
  questionId: string;
  /** Empty until settled. */
  prompt: string;
  /** Empty until settled. */
  choices: ChoiceTally[];
  answered: number;
  timedOut: number;
}

export interface DashboardSnapshot {
  /** Grows with every change the server makes to the class while this process runs. */
  version: number;
  class: ClassInfo & {
    createdAt: number;
    startedAt: number | null;
    endedAt: number | null;
    expiresAt: number;
  };
  players: DashboardPlayer[];
  leaderboard: LeaderboardEntry[];
  questions: QuestionTally[];
  summary: ClassSkillSummary;
  /** How far the class's learning check is, when it has one (the host page fetches the answers). */
  checks?: CheckProgress;
  /** What the projector shows of a live lesson; absent in a self-paced class. */
  live?: LiveBoard;
}

/**
 * A live lesson on the projector. Each part is there only in the phases that show it: the question from the moment
 * it opens; how many have answered (never what) while it is open; the distribution with the right answer once it
 * has closed; the evidence in the evidence phase; the top five between questions, the top three on the podium.
 */
export interface LiveBoard {
  phase: LivePhase;
  position: number;
  total: number;
  /** Time left by the server's clock when this was sent (frozen while paused); null with no time limit. */
  remainingMs: number | null;
  timeLimitMs: number | null;
  paused: boolean;
  /** Whether the question on show was closed by Skip (its answer is not shown). */
  skipped: boolean;
  /** Players who have answered the question on show, and players in the class. */
  answered: number;
  players: number;
  /** The commands that fit this moment, in the order of the teacher's buttons. */
  commands: LiveCommand[];
  /**
   * While a question is open: the time left of each student with extended time still answering it (null: no time
   * limit), never who they are. The question stays open for them after the class's time (liveExtendedTime.ts).
   */
  extendedTimeLeftMs?: (number | null)[];
  /** The id lets the projector word the question in the teacher's language from the bank (bank.es.json). */
  question?: { questionId: string; prompt: string; claimQuote?: string; choices: string[] };
  distribution?: { choices: ChoiceTally[]; timedOut: number };
  evidence?: {
    /** `cited`: the source's title, issuer and date, which a projector in another language cites it with. */
    excerpts: (Excerpt & { citation: string; cited?: CitedSource })[];
    explanation?: string;
    asOf?: string;
    /** The explanation and each quote's rendering in every other language the bank words the question in. */
    translations?: RevealWords[];
  };
  leaderboard?: LeaderboardEntry[];
}

/**
 * The class-wide SIFT skill and discernment summary (classSummary in reports.ts) over the answers to the questions
 * every player is past, or every answer once the class has ended: the rule that marks the right answers in the
 * tallies. Counting sooner would let a skill's right answers, set beside a question's choice counts, tell a
 * projected room which choice is right.
 */
export interface ClassSkillSummary extends ClassSummary {
  /** How many of the round's questions, from the first, it counts. */
  questionsCounted: number;
}

/** Classes one device may ask about at once (the host page keeps each class it created). */
export const MAX_KEPT_CLASSES = 50;

/** A class a teacher's device created, as the server lists it for its teacher token (POST /api/classes/kept). */
export interface KeptClass {
  code: string;
  status: ClassStatus;
  questionCount: number;
  players: number;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  expiresAt: number;
}

/** An error from the API: a stable code for programs and a sentence for people. */
export interface ApiErrorBody {
  error: string;
  message: string;
}

/** How the server can be reached from the classroom, for the join link and the QR code. */
export interface ServerInfo {
  /** Origins students can open, best first; empty when the server listens on this computer only. */
  joinOrigins: string[];
  loopbackOnly: boolean;
  /** PUBLIC_URL when set: the full address students open, path included (https://school.example/quiz/). */
  publicUrl?: string;
}

/** The header that carries a teacher's or a student's token. */
export const TOKEN_HEADER = 'authorization';
/** A teacher's or a student's token as a request may carry it (the server hands out 32 characters). */
export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{20,100}$';
/** A player's public id in a path: 9 random bytes in base64url. */
export const PLAYER_ID_PATTERN = '^[A-Za-z0-9_-]{12}$';

// What a request may carry before the rules look at it: looser than the rules, so the rules' own refusal (a
// nickname's `nickname-too-long`, an answer's `unknown-choice`) names what is wrong.
export const MAX_SENT_NICKNAME_CHARS = 200;
/** Past the most choices any question has (MAX_IMPORTED_CHOICES). */
export const MAX_SENT_CHOICE = 9;
export const MAX_SENT_TOPICS = 50;
export const MAX_TOPIC_ID_CHARS = 80;
export const MAX_CHECK_ITEM_ID_CHARS = 100;
export function bearer(token: string): string {
  return `Bearer ${token}`;
}
