/**
 * The rules of a class round, pure: the round every student plays, what a served question shows, how an
 * answer is judged by the server's clock (with the game's own scoring), and how the leaderboard is ranked.
 */
import type { AnswerRecord } from './session';
import type {
  AnswerOutcome,
  ChoiceTally,
  ClassSettings,
  LeaderboardEntry,
  PendingOutcome,
  QuestionTally,
  ServedQuestion,
} from './classProtocol';
import { DEFAULT_ROUND_SETTINGS, type PlannedQuestion, type RoundSettings } from './round';
import { scoreAnswer } from './scoring';
import { MAX_TIME_LIMIT_SEC, MIN_TIME_LIMIT_SEC } from './settings';
import type { Question } from './types';

export const MIN_CLASS_QUESTIONS = 1;
export const MAX_CLASS_QUESTIONS = 30;
export const DEFAULT_CLASS_SETTINGS: ClassSettings = {
  questionCount: 10,
  timeLimitSec: 20,
  topics: [],
  scoring: 'speed',
};

/**
 * Time allowed past the limit for the answer to travel to the server: the student's countdown ends at the
 * limit, and a tap in its last instant still counts (scored as if at the limit). Nothing later does.
 */
export const ANSWER_GRACE_MS = 750;

/** The round settings a class plays: the game's own rounds, with the teacher's count, time, topics and scoring. */
export function classRoundSettings(settings: ClassSettings): RoundSettings {
  return {
    ...DEFAULT_ROUND_SETTINGS,
    questionCount: settings.questionCount,
    timeLimitSec: settings.timeLimitSec,
    topics: [...settings.topics],
    speedPoints: settings.scoring === 'speed',
    ...(settings.kinds && settings.kinds.length > 0 ? { kinds: [...settings.kinds] } : {}),
  };
}

/** Problems with a teacher's settings against the bank, in words; empty when they are fine. */
export function classSettingsProblems(settings: ClassSettings, knownTopics: readonly string[]): string[] {
  const problems: string[] = [];
  const { questionCount, timeLimitSec, topics } = settings;
  if (!Number.isInteger(questionCount) || questionCount < MIN_CLASS_QUESTIONS || questionCount > MAX_CLASS_QUESTIONS) {
    problems.push(`The number of questions must be from ${MIN_CLASS_QUESTIONS} to ${MAX_CLASS_QUESTIONS}.`);
  }
  if (
    timeLimitSec !== null &&
    (!Number.isInteger(timeLimitSec) || timeLimitSec < MIN_TIME_LIMIT_SEC || timeLimitSec > MAX_TIME_LIMIT_SEC)
  ) {
    problems.push(`The time limit must be from ${MIN_TIME_LIMIT_SEC} to ${MAX_TIME_LIMIT_SEC} seconds, or none.`);
  }
  const unknown = topics.filter((topic) => !knownTopics.includes(topic));
  if (unknown.length > 0) problems.push(`Unknown topic(s): ${unknown.join(', ')}.`);
  if (new Set(topics).size !== topics.length) problems.push('A topic is listed twice.');
  return problems;
}

/** The copy of a question a student is served: the class's choice order, no correct flag, feedback or evidence. */
export function servedQuestion(
  question: Question,
  planned: PlannedQuestion,
  position: number,
  total: number,
  remainingMs: number | null,
): ServedQuestion {
  return {
    position,
    total,
    questionId: question.id,
    topic: question.topic,
    prompt: question.prompt,
    ...(question.claim ? { claimQuote: question.claim.quote } : {}),
    choices: planned.choiceOrder.map((index) => question.choices[index]!.text),
    timeLimitMs: planned.timeLimitMs,
    remainingMs,
  };
}

/** Milliseconds left on a served question by the server's clock (never negative); null without a limit. */
export function remainingOnServer(planned: PlannedQuestion, servedAt: number, now: number): number | null {
  if (planned.timeLimitMs === null) return null;
  return Math.max(0, planned.timeLimitMs - Math.max(0, now - servedAt));
}

/** Whether a served, unanswered question can no longer be answered at all (limit and grace both over). */
export function isPastAnswering(planned: PlannedQuestion, servedAt: number, now: number): boolean {
  return planned.timeLimitMs !== null && now - servedAt > planned.timeLimitMs + ANSWER_GRACE_MS;
}

/** Whether the student may give up waiting and move on: their countdown has reached zero. */
export function isTimeUp(planned: PlannedQuestion, servedAt: number, now: number): boolean {
  return planned.timeLimitMs !== null && now - servedAt >= planned.timeLimitMs;
}

/** What the server stores for one answer or time-out. */
export type JudgedAnswer = Pick<
  AnswerRecord,
  'choiceIndex' | 'correct' | 'timedOut' | 'elapsedMs' | 'base' | 'streakBonus' | 'points'
> & { streakAfter: number };

export type AnswerVerdict = { ok: true; judged: JudgedAnswer } | { ok: false; reason: 'unknown-choice' | 'too-late' };

/**
 * Judges an answer by the server's clock: `servedAt` and `now` are the server's own readings. The score
 * comes from the same scoreAnswer the game uses; an answer inside the grace counts as given at the limit.
 */
export function judgeAnswer(input: {
  question: Question;
  planned: PlannedQuestion;
  picked: number;
  servedAt: number;
  now: number;
  streakBefore: number;
  speedPoints: boolean;
}): AnswerVerdict {
  const { question, planned, picked, servedAt, now } = input;
  const choiceIndex = Number.isInteger(picked) ? planned.choiceOrder[picked] : undefined;
  if (choiceIndex === undefined || question.choices[choiceIndex] === undefined) {
    return { ok: false, reason: 'unknown-choice' };
  }
  if (isPastAnswering(planned, servedAt, now)) return { ok: false, reason: 'too-late' };
  const limit = planned.timeLimitMs;
  const elapsed = Math.max(0, Math.min(now - servedAt, limit ?? Number.POSITIVE_INFINITY));
  const correct = question.choices[choiceIndex]!.correct;
  const score = scoreAnswer({
    correct,
    elapsedMs: elapsed,
    limitMs: limit,
    streakBefore: input.streakBefore,
    speedPoints: input.speedPoints,
  });
  return {
    ok: true,
    judged: {
      choiceIndex,
      correct,
      timedOut: false,
      elapsedMs: Math.round(elapsed),
      base: score.base,
      streakBonus: score.streakBonus,
      points: score.total,
      streakAfter: score.streakAfter,
    },
  };
}

/** Time ran out on a served question: nothing scored, the streak ends. */
export function judgeTimeOut(planned: PlannedQuestion): JudgedAnswer {
  return {
    choiceIndex: null,
    correct: false,
    timedOut: true,
    elapsedMs: planned.timeLimitMs ?? 0,
    base: 0,
    streakBonus: 0,
    points: 0,
    streakAfter: 0,
  };
}

/** The verdict as the student sees it: positions in the class's order, then the evidence. */
export function answerOutcome(
  question: Question,
  planned: PlannedQuestion,
  position: number,
  total: number,
  judged: JudgedAnswer,
  totals: { score: number; streak: number },
): AnswerOutcome {
  const correctIndex = question.choices.findIndex((choice) => choice.correct);
  const picked = judged.choiceIndex === null ? null : planned.choiceOrder.indexOf(judged.choiceIndex);
  const pickedChoice = judged.choiceIndex === null ? undefined : question.choices[judged.choiceIndex];
  return {
    position,
    total,
    questionId: question.id,
    prompt: question.prompt,
    choices: planned.choiceOrder.map((index) => question.choices[index]!.text),
    picked,
    correctChoice: planned.choiceOrder.indexOf(correctIndex),
    correct: judged.correct,
    timedOut: judged.timedOut,
    elapsedMs: judged.elapsedMs,
    base: judged.base,
    streakBonus: judged.streakBonus,
    points: judged.points,
    score: totals.score,
    streak: totals.streak,
    ...(pickedChoice && !judged.correct && pickedChoice.feedback ? { feedback: pickedChoice.feedback } : {}),
    evidence: question.evidence.map((excerpt) => ({ ...excerpt })),
    ...(question.claim ? { claim: { ...question.claim } } : {}),
    ...(question.explanation ? { explanation: question.explanation } : {}),
    ...(question.asOf ? { asOf: question.asOf } : {}),
  };
}

/** The part of an outcome a student may see before the question is settled for the class (see PendingOutcome). */
export function pendingOutcome(outcome: AnswerOutcome): PendingOutcome {
  const { position, total, questionId, prompt, choices, picked, timedOut } = outcome;
  return { pending: true, position, total, questionId, prompt, choices, picked, timedOut };
}

export interface RankablePlayer {
  playerId: string;
  nickname: string;
  score: number;
  correct: number;
  answered: number;
}

/**
 * The leaderboard: highest score first; equal scores share a place (1, 2, 2, 4) and are listed by more right
 * answers, then by name. Every score on it was computed by the server, so every entry is marked verified.
 */
const byName = new Intl.Collator('en');

export function rankLeaderboard(players: readonly RankablePlayer[]): LeaderboardEntry[] {
  const sorted = [...players].sort(
    (a, b) =>
      b.score - a.score ||
      b.correct - a.correct ||
      byName.compare(a.nickname, b.nickname) ||
      (a.playerId < b.playerId ? -1 : 1),
  );
  let rank = 0;
  return sorted.map((player, index) => {
    if (index === 0 || sorted[index - 1]!.score !== player.score) rank = index + 1;
    return {
      rank,
      playerId: player.playerId,
      nickname: player.nickname,
      score: player.score,
      correct: player.correct,
      answered: player.answered,
      verified: true,
    };
  });
}

/** One answer in a tally: the question's own choice index, or null for time's up. */
export interface TallyRow {
  position: number;
  choiceIndex: number | null;
  count: number;
}

/**
 * How the class answered each question, choices in the class's order. A question not yet settled (see
 * settledCount in classPresence.ts) shows only how many answered: its prompt, choices and counts, which would
 * tell someone still answering what the class chose, come once every active player is past it.
 */
export function tallyQuestions(
  questions: readonly { question: Question; planned: PlannedQuestion }[],
  rows: readonly TallyRow[],
  settledUpTo: number,
): QuestionTally[] {
  return questions.map(({ question, planned }, position) => {
    const mine = rows.filter((row) => row.position === position);
    const settled = position < settledUpTo;
    const answered = mine.filter((row) => row.choiceIndex !== null).reduce((sum, row) => sum + row.count, 0);
    const timedOut = mine.find((row) => row.choiceIndex === null)?.count ?? 0;
    if (!settled) return { position, settled, questionId: '', prompt: '', choices: [], answered, timedOut };
    const choices: ChoiceTally[] = planned.choiceOrder.map((index) => ({
      text: question.choices[index]!.text,
      count: mine.find((row) => row.choiceIndex === index)?.count ?? 0,
      correct: question.choices[index]!.correct,
    }));
    return { position, settled, questionId: question.id, prompt: question.prompt, choices, answered, timedOut };
  });
}
