/**
 * Live lessons on the server: each live class's state in its own row (live_lessons, see db.ts), and what the
 * projector is shown of it. The rules of the lesson are in src/core/liveLesson.ts; ClassService applies them.
 */
import type { CitedSource } from '../../core/citation';
import type { ChoiceTally, LeaderboardEntry, LiveBoard } from '../../core/classProtocol';
import { ANSWER_GRACE_MS, tallyQuestions, type TallyRow } from '../../core/classRules';
import { liveExtendedTimeLeft, type LiveAnswerer } from '../../core/liveExtendedTime';
import {
  LIVE_COMMANDS,
  LIVE_LEADERBOARD_SIZE,
  LIVE_PODIUM_SIZE,
  liveRemainingMs,
  liveStep,
  parseLiveState,
  type LiveCommand,
  type LiveState,
} from '../../core/liveLesson';
import type { RevealWords } from '../../core/revealWords';
import type { PlannedQuestion } from '../../core/round';
import type { Question } from '../../core/types';
import type { ClassStore } from './store';

/** The deadline column: set only while a question's clock runs, so the due-question query reads only those. */
function runningDeadline(state: LiveState): number | null {
  return state.phase === 'question' && state.pausedAt === null ? state.deadline : null;
}

export class LiveLessonStore {
  private readonly stmt;

  constructor(db: ClassStore) {
    this.stmt = {
      // On PostgreSQL, requests of one live class run at once on several connections: the row is locked for the
      // transaction, so two of them (a late answer and the clock, say) never both close one question.
      get: db.prepare<[number], { state: string }>({
        sqlite: 'SELECT state FROM live_lessons WHERE class_id = ?',
        postgres: 'SELECT state FROM live_lessons WHERE class_id = ? FOR UPDATE',
      }),
      insert: db.prepare('INSERT INTO live_lessons (class_id, state, deadline) VALUES (?, ?, ?)'),
      save: db.prepare('UPDATE live_lessons SET state = ?, deadline = ? WHERE class_id = ?'),
      due: db.prepare<[number], { class_id: number }>(
        'SELECT class_id FROM live_lessons WHERE deadline IS NOT NULL AND deadline < ?',
      ),
    };
  }

  /** The class's live state; undefined for a self-paced class. A damaged row is an error naming the class. */
  async get(classId: number): Promise<LiveState | undefined> {
    const row = await this.stmt.get.get(classId);
    if (!row) return undefined;
    const state = parseLiveState(row.state);
    if (!state) throw new Error(`The live state of class ${classId} in the database is damaged: ${row.state}`);
    return state;
  }

  async insert(classId: number, state: LiveState): Promise<void> {
    await this.stmt.insert.run(classId, JSON.stringify(state), runningDeadline(state));
  }

  async save(classId: number, state: LiveState): Promise<void> {
    await this.stmt.save.run(JSON.stringify(state), runningDeadline(state), classId);
  }

  /** The classes whose open question's time (and the grace for an answer on its way) is up at `now`. */
  async due(now: number): Promise<number[]> {
    return (await this.stmt.due.all(now - ANSWER_GRACE_MS)).map((row) => row.class_id);
  }
}

/** The teacher's commands that fit this moment (the projector's buttons), in LIVE_COMMANDS' order. */
export function liveCommands(state: LiveState, now: number): LiveCommand[] {
  return LIVE_COMMANDS.filter((command) => liveStep(state, command, now, () => null).ok);
}

export interface LiveBoardInput {
  state: LiveState;
  now: number;
  items: readonly { question: Question; planned: PlannedQuestion }[];
  tally: readonly TallyRow[];
  players: number;
  leaderboard: readonly LeaderboardEntry[];
  hideScores: boolean;
  /** The students with extended time on the open question (liveExtendedTime.ts). */
  answerers: readonly LiveAnswerer[];
  citation: (sourceId: string) => string;
  /** The source an excerpt quotes, when the bank has it (the projector cites it in the teacher's language). */
  source: (sourceId: string) => CitedSource | undefined;
  /** The question's words after the answer in the other languages the bank has (revealWords.ts). */
  translations: (question: Question) => RevealWords[];
}

/** What the projector shows now: each part only in the phases that show it (see LiveBoard). */
export function liveBoard(input: LiveBoardInput): LiveBoard {
  const { state, now, items } = input;
  const item = state.position >= 0 ? items[state.position] : undefined;
  const phase = state.phase;
  const mine = input.tally.filter((row) => row.position === state.position);
  const answered = mine.filter((row) => row.choiceIndex !== null).reduce((sum, row) => sum + row.count, 0);
  const skipped = state.skipped.includes(state.position);
  const board: LiveBoard = {
    phase,
    position: state.position,
    total: state.total,
    remainingMs: liveRemainingMs(state, now),
    timeLimitMs: item?.planned.timeLimitMs ?? null,
    paused: state.pausedAt !== null,
    skipped,
    answered,
    players: input.players,
    commands: liveCommands(state, now),
    extendedTimeLeftMs: liveExtendedTimeLeft(
      state,
      now,
      item?.planned.timeLimitMs ?? null,
      input.answerers,
      ANSWER_GRACE_MS,
    ),
  };
  if (item && phase !== 'lobby' && phase !== 'podium') {
    const { question } = item;
    board.question = {
      questionId: question.id,
      prompt: question.prompt,
      ...(question.claim ? { claimQuote: question.claim.quote } : {}),
      choices: item.planned.choiceOrder.map((index) => question.choices[index]!.text),
    };
  }
  if (item && (phase === 'answer' || phase === 'evidence' || phase === 'leaderboard') && !skipped) {
    const [tally] = tallyQuestions(
      [item],
      mine.map((row) => ({ ...row, position: 0 })),
      // The question has closed by the time its distribution is shown.
      1,
    );
    const choices: ChoiceTally[] = tally!.choices;
    board.distribution = { choices, timedOut: tally!.timedOut };
  }
  if (item && phase === 'evidence') {
    const { question } = item;
    board.evidence = {
      excerpts: question.evidence.map((excerpt) => {
        const source = input.source(excerpt.source);
        return {
          ...excerpt,
          citation: input.citation(excerpt.source),
          // Only what a citation needs: the bank's sources also hold the documents' whole text.
          ...(source ? { cited: { title: source.title, publisher: source.publisher, date: source.date } } : {}),
        };
      }),
      ...(question.explanation ? { explanation: question.explanation } : {}),
      ...(question.asOf ? { asOf: question.asOf } : {}),
    };
    const translations = input.translations(question);
    if (translations.length > 0) board.evidence.translations = translations;
  }
  if (!input.hideScores && (phase === 'leaderboard' || phase === 'podium')) {
    board.leaderboard = input.leaderboard.slice(0, phase === 'podium' ? LIVE_PODIUM_SIZE : LIVE_LEADERBOARD_SIZE);
  }
  return board;
}
