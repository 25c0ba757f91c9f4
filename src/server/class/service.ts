/**
 * Class mode on the server: classes, players and their turns in SQLite, every answer judged here by this
 * server's clock with the game's own rules (src/core). Each public method is one request's work, done in
 * one transaction, and either returns its result or throws a ClassError (a refusal: a code and a sentence);
 * nothing is written when it throws.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { classCodeFrom, CLASS_CODE_LENGTH } from '../../core/classCode';
import {
  DEFAULT_ANSWER_REVEAL,
  DEFAULT_CLASS_PACE,
  DEFAULT_CLASS_POOL,
  type AnswerOutcome,
  type ClassInfo,
  type ClassSettings,
  type ClassSkillSummary,
  type ClassStatus,
  type CreatedClass,
  type DashboardSnapshot,
  type FinalStanding,
  type JoinedClass,
  type LiveBoard,
  type KeptClass,
  type PendingOutcome,
  type PlayerSummary,
  type PlayerView,
} from '../../core/classProtocol';
import {
  ANSWER_GRACE_MS,
  answerOutcome,
  classRoundSettings,
  classSettingsProblems,
  isTimeUp,
  judgeAnswer,
  judgeTimeOut,
  pendingOutcome,
  rankLeaderboard,
  remainingOnServer,
  servedQuestion,
  tallyQuestions,
  type JudgedAnswer,
  type TallyRow,
} from '../../core/classRules';
import type { CheckSet } from '../../core/checkItems';
import type { CheckAnswerReply, ClassCheckData, PlayerCheckView } from '../../core/classCheck';
import { classOnlyIds } from '../../core/classPool';
import { sourceCitation } from '../../core/citation';
import {
  closeLiveQuestion,
  isLiveTimeUp,
  liveAnswerRefusal,
  liveSettledCount,
  liveStep,
  newLiveState,
  type LiveCommand,
  type LiveState,
} from '../../core/liveLesson';
import {
  isLiveOwnTimeUp,
  isLiveQuestionDue,
  livePlayerRemainingMs,
  type LiveAnswerer,
} from '../../core/liveExtendedTime';
import { isAway, settledCount, studentChoiceOrder } from '../../core/classPresence';
import { toCsv } from '../../core/csv';
import { resultsTable } from './resultsTable';
import { isGeneratedNickname } from '../../core/nicknames';
import { combineClassSummary, playerSummaryPart, type LoggedAnswer, type PlayerSummaryPart } from '../../core/reports';
import { revealWordsIn, revealWordsInEvery, type BankOverlays } from '../../core/revealWords';
import { buildRound, kindCounts, type PlannedQuestion } from '../../core/round';
import { playerTimeLimitMs, type TimeAccommodation } from '../../core/timeAccommodation';
import type { BankBundle, Question, QuestionKind, SourceDoc, Topic } from '../../core/types';
import { ClassAuth, type PlayerKey, type TeacherKey } from './classAuth';
import { ClassError, hashToken, notFound } from './classError';
import { CHECK_CSV_COLUMNS, ClassChecks, type SentCheckAnswer } from './classChecks';
import { DEFAULT_JOIN_LIMITS, JoinGuard, type JoinLimits } from './joinGuard';
import { DEFAULT_LANGUAGE, type Language } from '../../core/languages';
import { liveBoard, LiveLessonStore } from './liveLessons';
import { checkOwnQuestions, type OwnQuestionsUpload } from './ownQuestions';
import { checkClassNickname, nicknameKey } from './nicknameGuard';
import type { ClassStore } from './store';

export { ClassError, hashToken } from './classError';

/** What changed, for the live streams (see hub.ts). */
export type ClassEvent =
  | { kind: 'progress'; classId: number }
  | { kind: 'class'; classId: number; info: ClassInfo }
  | { kind: 'removed'; classId: number; playerId: string }
  | { kind: 'deleted'; classId: number }
  /** The first `upTo` questions are settled for the class (only in classes that reveal answers once settled). */
  | { kind: 'settled'; classId: number; upTo: number }
  /** A live lesson moved on (a question opened, closed, paused…): the students' phones look again. */
  | { kind: 'live'; classId: number; phase: LiveState['phase']; position: number; paused: boolean };

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RETENTION_DAYS = 30;
export const MAX_PLAYERS_PER_CLASS = 200;
/** Past this many players lacking a summary part, one read of the whole class's turns beats one read each. */
const MAX_SEPARATE_SUMMARY_READS = 4;

export interface ClassServiceOptions {
  /** The server's clock (epoch milliseconds); tests pass their own. */
  now?: () => number;
  /** How long a class's data is kept after it was created. */
  retentionMs?: number;
  onEvent?: (event: ClassEvent) => void;
  /** How fast a class seats players and how many per address (see joinGuard.ts). */
  joinLimits?: Partial<JoinLimits>;
  /** The learning check's claims and forms, for classes created with a check; none: no class can have one. */
  checks?: CheckSet;
  /** The shipped source documents with their texts, which a teacher's own questions may quote (ownQuestions.ts). */
  sources?: Record<string, SourceDoc>;
  /** The bank in other languages (questions/es/), for a verdict's and the projector's words after the answer. */
  overlays?: BankOverlays;
}

/** A class without its round (which is large, and parsed once per process: see round()). */
interface ClassRow {
  id: number;
  code: string;
  status: ClassStatus;
  hide_scores: 0 | 1;
  joining_locked: 0 | 1;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  expires_at: number;
  settled_up_to: number;
}

interface PlayerRow {
  id: number;
  class_id: number;
  public_id: string;
  nickname: string;
  joined_at: number;
  removed_at: number | null;
  finished_at: number | null;
  score: number;
  correct: number;
  answered: number;
  streak: number;
  best_streak: number;
  time_accommodation: TimeAccommodation;
  time_requested: 0 | 1;
  /** The language the student plays in: from the join, then from each answer (migration 10). */
  language: Language;
}

interface TurnRow {
  player_id: number;
  position: number;
  question_id: string;
  served_at: number;
  answered_at: number | null;
  choice_index: number | null;
  timed_out: 0 | 1;
  correct: 0 | 1 | null;
  elapsed_ms: number | null;
  base: number | null;
  streak_bonus: number | null;
  points: number | null;
}

/** A class's active players (in the order they joined) and its answers counted per question and choice. */
interface Roster {
  players: PlayerRow[];
  byId: Map<number, PlayerRow>;
  tally: Map<string, TallyRow>;
}

/** A class's round, parsed once: each planned question with the full question it was built from. */
interface ClassRound {
  settings: ClassSettings;
  seed: string;
  items: { planned: PlannedQuestion; question: Question }[];
}

/** 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const CLASS_COLUMNS =
  'id, code, status, hide_scores, joining_locked, created_at, started_at, ended_at, expires_at, settled_up_to';

function tooLate(): ClassError {
  return new ClassError('too-late', 'The time for that question was up before the answer arrived.');
}

function ended(): ClassError {
  return new ClassError('class-ended', 'This class has ended.');
}

export class ClassService {
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly emit: (event: ClassEvent) => void;
  private readonly topics: Map<string, Topic>;
  private readonly sources: Record<string, SourceDoc>;
  private readonly overlays: BankOverlays;
  private readonly rounds = new Map<number, ClassRound>();
  /** Each class's skill summary, with the key of what it counts (see skillSummary()). */
  private readonly summaries = new Map<
    number,
    { key: string; parts: Map<string, PlayerSummaryPart>; summary: ClassSkillSummary }
  >();
  /**
   * Each class's roster as the dashboard shows it, kept in memory once read and updated by the writes that
   * change it (a join, an answer or a time-out, a finish), so the snapshot after every answer reads no rows.
   * A removal or an expiry drops the class's roster, to be read again; so does any failed write that had
   * touched one (see atomically()). The database stays the record.
   */
  private readonly rosters = new Map<number, Roster>();
  /** With a store that keeps no rosters: the classes this server has served, whose away players it watches. */
  private readonly watched = new Set<number>();
  private rostersTouched = false;
  private readonly joins: JoinGuard;
  /** The questions held back from the game's bank.json, which class rounds draw from by default. */
  private readonly classOnly: Set<string>;
  /** How many questions, from the first, each class has announced as settled (see settle()). */
  private readonly settledUpTo = new Map<number, number>();
  /** The state of each live (teacher-paced) class, kept in the database (see liveLessons.ts). */
  private readonly live: LiveLessonStore;
  /**
   * When the server last heard from each player (by row id), and how many live streams each holds open: who is
   * away (classPresence.ts). Kept in memory only; a player not heard from since this process started counts
   * from its start, so a restart makes nobody away at once.
   */
  private readonly lastSeen = new Map<number, number>();
  private readonly openStreams = new Map<number, number>();
  private readonly startedAt: number;
  /** Each open class's away players as last announced (see checkAway()). */
  private readonly awayShown = new Map<number, string>();
  private readonly stmt;
  /** The learning check of classes created with one (see classChecks.ts). */
  readonly checks: ClassChecks;
  /** Finds who a request speaks for from its code and token, once per request (see routes/auth.ts). */
  readonly auth: ClassAuth;

  constructor(
    private readonly store: ClassStore,
    private readonly bank: BankBundle,
    options: ClassServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_DAYS * DAY_MS;
    const onEvent = options.onEvent ?? (() => {});
    this.emit = (event) => store.afterCommit(() => onEvent(event));
    this.topics = new Map(bank.topics.map((topic) => [topic.id, topic]));
    this.sources = options.sources ?? {};
    this.overlays = options.overlays ?? {};
    this.classOnly = classOnlyIds(bank.questions);
    this.joins = new JoinGuard({ ...DEFAULT_JOIN_LIMITS, ...options.joinLimits }, this.now);
    this.live = new LiveLessonStore(store);
    this.auth = new ClassAuth(store, this.now);
    this.checks = new ClassChecks(store, options.checks, this.now, (classId) =>
      this.emit({ kind: 'progress', classId }),
    );
    // A failed commit rolls back writes the memory already holds: it forgets them.
    store.onFailedCommit(() => this.forgetRosters());
    const db = store;
    this.stmt = {
      classByCode: db.prepare<[string], ClassRow>(`SELECT ${CLASS_COLUMNS} FROM classes WHERE code = ?`),
      classByTeacher: db.prepare<[string], ClassRow>(
        `SELECT ${CLASS_COLUMNS} FROM classes WHERE teacher_token_hash = ?`,
      ),
      classById: db.prepare<[number], ClassRow>(`SELECT ${CLASS_COLUMNS} FROM classes WHERE id = ?`),
      roundOf: db.prepare<[number], { settings: string; plan: string; seed: string }>(
        'SELECT settings, plan, seed FROM classes WHERE id = ?',
      ),
      setSettled: db.prepare('UPDATE classes SET settled_up_to = ? WHERE id = ? AND settled_up_to < ?'),
      leavePlayer: db.prepare('UPDATE players SET removed_at = ?, left_at = ? WHERE id = ? AND removed_at IS NULL'),
      insertClass: db.prepare<unknown[], { id: number }>(
        `INSERT INTO classes (code, teacher_token_hash, settings, seed, plan, bank_version, status, created_at,
           started_at, expires_at, own_questions)
         VALUES (@code, @teacher, @settings, @seed, @plan, @bankVersion, @status, @now, @startedAt, @expiresAt,
           @ownQuestions)
         RETURNING id`,
      ),
      setStatus: db.prepare(
        `UPDATE classes SET status = @status,
           started_at = CASE WHEN @status = 'open' THEN @now ELSE started_at END,
           ended_at = CASE WHEN @status = 'ended' THEN @now ELSE ended_at END
         WHERE id = @id`,
      ),
      setHide: db.prepare('UPDATE classes SET hide_scores = ? WHERE id = ?'),
      setJoiningLocked: db.prepare('UPDATE classes SET joining_locked = ? WHERE id = ?'),
      // A player who left by their own choice does not hold their name: only the teacher's removal does.
      nicknames: db.prepare<[number], { nickname: string; removed: 0 | 1 }>(
        `SELECT nickname, CASE WHEN removed_at IS NULL THEN 0 ELSE 1 END AS removed FROM players
         WHERE class_id = ? AND NOT (removed_at IS NOT NULL AND left_at IS NOT NULL)`,
      ),
      playerById: db.prepare<[number], PlayerRow>('SELECT * FROM players WHERE id = ?'),
      playerByPublicId: db.prepare<[number, string], PlayerRow>(
        'SELECT * FROM players WHERE class_id = ? AND public_id = ?',
      ),
      countPlayers: db.prepare<[number], { n: number }>(
        'SELECT COUNT(*) AS n FROM players WHERE class_id = ? AND removed_at IS NULL',
      ),
      insertPlayer: db.prepare<unknown[], { id: number }>(
        `INSERT INTO players (class_id, public_id, token_hash, nickname, joined_at, time_requested, language)
         VALUES (@classId, @publicId, @token, @nickname, @now, @timeRequested, @language)
         RETURNING id`,
      ),
      setLanguage: db.prepare('UPDATE players SET language = ? WHERE id = ?'),
      activePlayers: db.prepare<[number], PlayerRow>(
        'SELECT * FROM players WHERE class_id = ? AND removed_at IS NULL ORDER BY joined_at, id',
      ),
      removePlayer: db.prepare('UPDATE players SET removed_at = ? WHERE id = ? AND removed_at IS NULL'),
      setTimeAccommodation: db.prepare(
        'UPDATE players SET time_accommodation = ?, time_requested = 0 WHERE id = ? AND removed_at IS NULL',
      ),
      finishPlayer: db.prepare('UPDATE players SET finished_at = ? WHERE id = ? AND finished_at IS NULL'),
      scorePlayer: db.prepare(
        `UPDATE players SET score = score + @points, correct = correct + @correct, answered = answered + 1,
           streak = @streak, best_streak = CASE WHEN best_streak > @streak THEN best_streak ELSE @streak END
         WHERE id = @id`,
      ),
      rankOf: db.prepare<[number, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM players WHERE class_id = ? AND removed_at IS NULL AND score > ?',
      ),
      latestTurn: db.prepare<[number], TurnRow>(
        'SELECT * FROM turns WHERE player_id = ? ORDER BY position DESC LIMIT 1',
      ),
      turnAt: db.prepare<[number, number], TurnRow>('SELECT * FROM turns WHERE player_id = ? AND position = ?'),
      insertTurn: db.prepare(
        `INSERT INTO turns (player_id, class_id, position, question_id, served_at)
         VALUES (@playerId, @classId, @position, @questionId, @now)`,
      ),
      closeTurn: db.prepare(
        `UPDATE turns SET answered_at = @now, choice_index = @choiceIndex, timed_out = @timedOut, correct = @correct,
           elapsed_ms = @elapsedMs, base = @base, streak_bonus = @streakBonus, points = @points
         WHERE player_id = @playerId AND position = @position AND answered_at IS NULL`,
      ),
      classTurns: db.prepare<[number], TurnRow>(
        `SELECT t.* FROM turns t JOIN players p ON p.id = t.player_id
         WHERE t.class_id = ? AND p.removed_at IS NULL ORDER BY t.player_id, t.position`,
      ),
      tally: db.prepare<[number], { position: number; choice_index: number | null; count: number }>(
        `SELECT t.position, t.choice_index, COUNT(*) AS count FROM turns t JOIN players p ON p.id = t.player_id
         WHERE t.class_id = ? AND p.removed_at IS NULL AND t.answered_at IS NOT NULL
         GROUP BY t.position, t.choice_index`,
      ),
      settledTurns: db.prepare<[number, number], { player_id: number; question_id: string; correct: 0 | 1 | null }>(
        `SELECT player_id, question_id, correct FROM turns
         WHERE class_id = ? AND position < ? AND answered_at IS NOT NULL ORDER BY position`,
      ),
      settledTurnsOf: db.prepare<[number, number], { player_id: number; question_id: string; correct: 0 | 1 | null }>(
        `SELECT player_id, question_id, correct FROM turns
         WHERE player_id = ? AND position < ? AND answered_at IS NOT NULL ORDER BY position`,
      ),
      expired: db.prepare<[number], { id: number }>('SELECT id FROM classes WHERE expires_at <= ?'),
      createdBefore: db.prepare<[number], { id: number }>('SELECT id FROM classes WHERE created_at < ?'),
      deleteClass: db.prepare('DELETE FROM classes WHERE id = ?'),
      deletePlayer: db.prepare('DELETE FROM players WHERE id = ?'),
      finishAll: db.prepare(
        'UPDATE players SET finished_at = ? WHERE class_id = ? AND finished_at IS NULL AND removed_at IS NULL',
      ),
    };
  }

  /** The bank's topics, with how many questions each has and how many of them are class-only (see classPool.ts). */
  topicList(): (Topic & { questions: number; classOnlyQuestions: number })[] {
    return this.bank.topics.map((topic) => {
      const inTopic = this.bank.questions.filter((question) => question.topic === topic.id);
      return {
        ...topic,
        questions: inTopic.length,
        classOnlyQuestions: inTopic.filter((question) => this.classOnly.has(question.id)).length,
      };
    });
  }

  /** How many questions of each kind the bank holds, and how many of them are class-only (kindCounts' order). */
  kindList(): { kind: QuestionKind; questions: number; classOnlyQuestions: number }[] {
    const classOnly = new Map(
      kindCounts(this.bank.questions.filter((question) => this.classOnly.has(question.id))).map((entry) => [
        entry.kind,
        entry.count,
      ]),
    );
    return kindCounts(this.bank.questions).map((entry) => ({
      kind: entry.kind,
      questions: entry.count,
      classOnlyQuestions: classOnly.get(entry.kind) ?? 0,
    }));
  }

  async createClass(
    settings: ClassSettings,
    holdStart: boolean,
    ownUpload?: OwnQuestionsUpload,
  ): Promise<CreatedClass> {
    const own = ownUpload ? checkOwnQuestions(ownUpload, this.sources) : undefined;
    const problems = classSettingsProblems(settings, [...this.topics.keys()]);
    if (problems.length > 0) throw new ClassError('bad-settings', problems.join(' '));
    const pool = settings.pool ?? DEFAULT_CLASS_POOL;
    const answerReveal = settings.answerReveal ?? DEFAULT_ANSWER_REVEAL;
    const pace = settings.pace ?? DEFAULT_CLASS_PACE;
    // A live lesson waits in the lobby until the teacher opens the first question.
    const inLobby = holdStart || pace === 'live';
    const seed = randomBytes(8).toString('hex');
    const drawn = own
      ? own.questions
      : pool === 'class-only'
        ? this.bank.questions.filter((question) => this.classOnly.has(question.id))
        : this.bank.questions;
    // A teacher's own questions are drawn from whatever topics and kinds the file holds.
    const roundSettings = own
      ? { ...classRoundSettings(settings), topics: [], kinds: undefined }
      : classRoundSettings(settings);
    const plan = buildRound(drawn, roundSettings, seed);
    if (plan.questions.length === 0) {
      throw new ClassError(
        'no-questions',
        pool === 'class-only'
          ? 'The chosen topics and kinds hold no class-only questions: choose more of them, or the whole bank.'
          : 'The chosen topics and kinds hold no questions.',
      );
    }
    const byId = new Map(drawn.map((question) => [question.id, question]));
    // The class keeps its own copy of its questions: a later change to the bank cannot change a running class.
    const items = plan.questions.map((planned) => ({ planned, question: byId.get(planned.questionId)! }));
    const stored: ClassSettings = {
      ...settings,
      questionCount: items.length,
      pool,
      answerReveal,
      pace,
      studentChoiceOrder: true,
      ...(own ? { topics: [], ownQuestions: ownUpload!.fileName } : {}),
    };
    if (own) delete stored.kinds;
    const teacherToken = newToken();
    const now = this.now();
    const expiresAt = now + this.retentionMs;
    for (let attempt = 0; ; attempt += 1) {
      const code = classCodeFrom(Array.from({ length: CLASS_CODE_LENGTH }, () => randomInt(0, 2 ** 31)));
      try {
        const { id: lastInsertRowid } = (await this.stmt.insertClass.get({
          code,
          teacher: hashToken(teacherToken),
          settings: JSON.stringify(stored),
          seed,
          plan: JSON.stringify(items),
          bankVersion: this.bank.version,
          status: inLobby ? 'lobby' : 'open',
          now,
          startedAt: inLobby ? null : now,
          expiresAt,
          ownQuestions: ownUpload ? JSON.stringify(ownUpload) : null,
        }))!;
        if (settings.learningCheck === true) await this.checks.attachToClass(Number(lastInsertRowid));
        const row = (await this.stmt.classByCode.get(code))!;
        this.rounds.set(Number(lastInsertRowid), { settings: stored, seed, items });
        if (pace === 'live') await this.live.insert(Number(lastInsertRowid), newLiveState(items.length));
        return { class: await this.info(row), teacherToken, expiresAt };
      } catch (error) {
        // A code already taken (one in 86 million): draw another.
        if (attempt < 20 && isUniqueViolation(error, 'classes.code')) continue;
        throw error;
      }
    }
  }

  /**
   * The classes a teacher's device keeps, each by its code and teacher token: the status and dates of those that
   * are still here and fit their token. The others are left out, with no word on which (gone, or never this
   * token's), as one lookup would answer.
   */
  async keptClasses(kept: readonly { code: string; token: string }[]): Promise<KeptClass[]> {
    const found: KeptClass[] = [];
    for (const { code, token } of kept) {
      const row = await this.stmt.classByCode.get(code);
      if (!row || row.expires_at <= this.now()) continue;
      const owner = await this.stmt.classByTeacher.get(hashToken(token));
      if (!owner || owner.id !== row.id) continue;
      found.push({
        code: row.code,
        status: row.status,
        questionCount: (await this.round(row)).items.length,
        players: (await this.stmt.countPlayers.get(row.id))!.n,
        createdAt: row.created_at,
        startedAt: row.started_at,
        endedAt: row.ended_at,
        expiresAt: row.expires_at,
      });
    }
    return found;
  }

  async classInfo(code: string): Promise<ClassInfo> {
    return await this.info(await this.classByCode(code));
  }

  /**
   * Seats a new player; `address` is the client's, for the per-address cap (see joinGuard.ts). `asksForMoreTime`
   * puts the student's request for extended time on the teacher's roster; `language` is the one they play in.
   */
  async join(
    code: string,
    typedNickname: string,
    address = 'local',
    asksForMoreTime = false,
    language: Language = DEFAULT_LANGUAGE,
  ): Promise<JoinedClass> {
    return await this.atomically(async () => {
      const row = await this.classByCode(code);
      if (row.status === 'ended') throw ended();
      if (row.joining_locked === 1) {
        throw new ClassError('joining-locked', 'The teacher has locked this class: no one new can join now.');
      }
      const check = checkClassNickname(typedNickname);
      if (!check.ok) throw new ClassError(`nickname-${check.problem}`, check.message);
      if ((await this.round(row)).settings.generatedNicknamesOnly === true && !isGeneratedNickname(check.nickname)) {
        throw new ClassError(
          'nickname-not-generated',
          'This class takes only the nicknames the game makes up: keep the one you are given or ask for another.',
        );
      }
      const key = nicknameKey(check.nickname);
      for (const other of await this.stmt.nicknames.all(row.id)) {
        if (nicknameKey(other.nickname) !== key) continue;
        if (other.removed === 1) {
          throw new ClassError('nickname-removed', 'The teacher removed a player of that name: pick another nickname.');
        }
        throw new ClassError('nickname-taken', 'Someone in this class already has that nickname. Pick another.');
      }
      if ((await this.stmt.countPlayers.get(row.id))!.n >= MAX_PLAYERS_PER_CLASS) {
        throw new ClassError('class-full', `This class is full (${MAX_PLAYERS_PER_CLASS} players).`);
      }
      const refusal = this.joins.check(row.id, address);
      if (refusal?.code === 'address-full') {
        throw new ClassError(
          'address-full',
          `${refusal.limit} players have already joined this class from your network address: ask your teacher.`,
        );
      }
      if (refusal?.code === 'join-rate') {
        throw new ClassError(
          'join-rate',
          `Many players are joining this class right now: try again in ${refusal.retryAfterSec} s.`,
        );
      }
      const token = newToken();
      const publicId = randomBytes(9).toString('base64url');
      const now = this.now();
      try {
        const { id: lastInsertRowid } = (await this.stmt.insertPlayer.get({
          classId: row.id,
          publicId,
          token: hashToken(token),
          nickname: check.nickname,
          now,
          timeRequested: asksForMoreTime ? 1 : 0,
          language,
        }))!;
        if ((await this.round(row)).settings.learningCheck === true)
          await this.checks.assignAtJoin(row.id, Number(lastInsertRowid));
        this.updateRoster(row.id, (roster) => {
          const player: PlayerRow = {
            id: Number(lastInsertRowid),
            class_id: row.id,
            public_id: publicId,
            nickname: check.nickname,
            joined_at: now,
            removed_at: null,
            finished_at: null,
            score: 0,
            correct: 0,
            answered: 0,
            streak: 0,
            best_streak: 0,
            time_accommodation: 'standard',
            time_requested: asksForMoreTime ? 1 : 0,
            language,
          };
          roster.players.push(player);
          roster.byId.set(player.id, player);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'players.nickname')) {
          throw new ClassError('nickname-taken', 'Someone in this class already has that nickname. Pick another.');
        }
        throw error;
      }
      this.joins.taken(row.id, address);
      this.emit({ kind: 'progress', classId: row.id });
      return { playerId: publicId, token, nickname: check.nickname, class: await this.info(row) };
    });
  }

  /** Where a student is, changing nothing (but closing a live question whose time is up): a reload or a rejoin. */
  async playerView(key: PlayerKey): Promise<PlayerView> {
    return await this.atomically(async () => {
      const { row } = await this.authPlayer(key);
      await this.liveOf(row);
      return await this.viewOf(row, (await this.stmt.playerByPublicId.get(row.id, key.playerId))!);
    });
  }

  /**
   * Moves a student on: the question they are on while it has time left (never a fresh clock), its time-out
   * once the time is up, the next question once it is answered, and the end after the last.
   */
  async next(key: PlayerKey): Promise<PlayerView> {
    return await this.atomically(async () => {
      const { row, player } = await this.authPlayer(key);
      if (row.status === 'lobby') return await this.viewOf(row, player);
      // In a live lesson the teacher moves the class on: a student is shown where it is.
      if (await this.liveOf(row))
        return await this.viewOf(row, (await this.stmt.playerByPublicId.get(row.id, key.playerId))!);
      const round = await this.round(row);
      const now = this.now();
      const latest = await this.stmt.latestTurn.get(player.id);
      if (latest && latest.answered_at === null) {
        const planned = this.plannedFor(round, player, latest.position);
        if (!isTimeUp(planned, latest.served_at, now)) return await this.viewOf(row, player, latest);
        await this.close(row, player, latest, judgeTimeOut(planned), now);
        await this.settle(row);
        return await this.viewOf(row, (await this.stmt.playerByPublicId.get(row.id, key.playerId))!);
      }
      // The class reveals answers once settled: the next question waits until this one is settled.
      if (latest && latest.answered_at !== null && (await this.isPending(row, latest)))
        return await this.viewOf(row, player, latest);
      const position = latest ? latest.position + 1 : 0;
      if (position >= round.items.length) {
        if ((await this.stmt.finishPlayer.run(now, player.id)).changes > 0) {
          this.updateRoster(row.id, (roster) => {
            const listed = roster.byId.get(player.id);
            if (listed) listed.finished_at = now;
          });
          this.emit({ kind: 'progress', classId: row.id });
        }
        return await this.viewOf(row, (await this.stmt.playerByPublicId.get(row.id, key.playerId))!);
      }
      const questionId = round.items[position]!.question.id;
      await this.stmt.insertTurn.run({ playerId: player.id, classId: row.id, position, questionId, now });
      const served: TurnRow = {
        player_id: player.id,
        position,
        question_id: questionId,
        served_at: now,
        answered_at: null,
        choice_index: null,
        timed_out: 0,
        correct: null,
        elapsed_ms: null,
        base: null,
        streak_bonus: null,
        points: null,
      };
      return await this.viewOf(row, player, served);
    });
  }

  /**
   * Takes one answer to the question at `position`, judged by this server's clock. `language`, when sent, is the one
   * the student plays in now (they may have switched since joining): kept, and the verdict's words come in it.
   */
  async answer(
    key: PlayerKey,
    position: number,
    picked: number,
    language?: Language,
  ): Promise<AnswerOutcome | PendingOutcome> {
    return await this.atomically(async () => {
      const { row, player } = await this.authPlayer(key);
      if (language !== undefined && language !== player.language) await this.switchLanguage(row, player, language);
      if (row.status === 'lobby') throw new ClassError('not-started', 'The teacher has not started the class yet.');
      const live = await this.liveOf(row);
      if (live) return await this.liveAnswer(row, player, live, position, picked);
      const turn = await this.stmt.turnAt.get(player.id, position);
      if (!turn) throw new ClassError('not-served', 'That question has not been served to you yet.');
      if (turn.answered_at !== null) {
        throw new ClassError('already-answered', 'That question has already been answered (or its time ran out).');
      }
      const now = this.now();
      const judged = await this.judge(row, player, position, picked, turn.served_at, now, tooLate());
      const outcome = await this.close(row, player, turn, judged, now);
      await this.settle(row);
      return (await this.isPending(row, turn)) ? pendingOutcome(outcome) : outcome;
    });
  }

  private async switchLanguage(row: ClassRow, player: PlayerRow, language: Language): Promise<void> {
    await this.stmt.setLanguage.run(language, player.id);
    player.language = language;
    this.updateRoster(row.id, (roster) => {
      const listed = roster.byId.get(player.id);
      if (listed) listed.language = language;
    });
  }

  /** The student's learning check: the check open to them now, and those they finished (see classChecks.ts). */
  async checkView(key: PlayerKey): Promise<PlayerCheckView> {
    return await this.checks.playerView(key);
  }

  async checkAnswer(key: PlayerKey, sent: SentCheckAnswer): Promise<CheckAnswerReply> {
    return await this.checks.answer(key, sent);
  }

  // ——— The teacher ———

  /** Every student's check answers, for the host page's figures. */
  async classChecks(teacher: TeacherKey): Promise<ClassCheckData> {
    return await this.checks.classData((await this.authTeacher(teacher)).id);
  }

  /** Opens the delayed check, 7 to 28 days after the class was created; the class is kept to cover it. */
  async openDelayedCheck(teacher: TeacherKey): Promise<ClassCheckData> {
    return await this.checks.openDelayed((await this.authTeacher(teacher)).id);
  }

  async dashboard(teacher: TeacherKey): Promise<DashboardSnapshot> {
    return await this.snapshot(await this.authTeacher(teacher), 0);
  }

  /** The snapshot the live stream sends (no authorisation: the stream checked it when it opened). */
  async snapshotById(classId: number, version: number): Promise<DashboardSnapshot | undefined> {
    const row = await this.stmt.classById.get(classId);
    return row && row.expires_at > this.now() ? await this.snapshot(row, version) : undefined;
  }

  async start(teacher: TeacherKey): Promise<ClassInfo> {
    return await this.atomically(async () => {
      const row = await this.authTeacher(teacher, true);
      if (row.status !== 'lobby') throw new ClassError('already-started', 'The class has already started.');
      await this.stmt.setStatus.run({ status: 'open', now: this.now(), id: row.id });
      return await this.changed(row.id);
    });
  }

  async end(teacher: TeacherKey): Promise<ClassInfo> {
    return await this.atomically(async () => {
      const row = await this.authTeacher(teacher, true);
      const live = await this.live.get(row.id);
      if (live && live.phase !== 'podium') {
        const podium = liveStep(live, 'end', this.now(), () => null);
        if (podium.ok) await this.applyLive(row, live, podium.state, this.now());
      }
      await this.stmt.setStatus.run({ status: 'ended', now: this.now(), id: row.id });
      const info = await this.changed(row.id);
      await this.settle((await this.stmt.classById.get(row.id))!);
      return info;
    });
  }

  /** Ends a class without its teacher's token: a challenge whose deadline has passed (src/server/challenge/). */
  async endByDeadline(code: string): Promise<void> {
    await this.atomically(async () => {
      const row = await this.classByCode(code);
      if (row.status === 'ended') return;
      await this.stmt.setStatus.run({ status: 'ended', now: this.now(), id: row.id });
      await this.changed(row.id);
      await this.settle((await this.stmt.classById.get(row.id))!);
    });
  }

  async setHideScores(teacher: TeacherKey, hide: boolean): Promise<ClassInfo> {
    return await this.atomically(async () => {
      const row = await this.authTeacher(teacher, true);
      await this.stmt.setHide.run(hide ? 1 : 0, row.id);
      return await this.changed(row.id);
    });
  }

  /** The teacher's "Lock joining": while on, no new player is seated (those in the class play on). */
  async setJoiningLocked(teacher: TeacherKey, locked: boolean): Promise<ClassInfo> {
    return await this.atomically(async () => {
      const row = await this.authTeacher(teacher, true);
      await this.stmt.setJoiningLocked.run(locked ? 1 : 0, row.id);
      return await this.changed(row.id);
    });
  }

  /**
   * Sets one student's extended time in this class (it answers their request for more time, if any). It holds from
   * the question they are on: the server's clock gives that question the new time at once.
   */
  async setTimeAccommodation(teacher: TeacherKey, playerId: string, accommodation: TimeAccommodation): Promise<void> {
    await this.atomically(async () => {
      const row = await this.authTeacher(teacher, true);
      const player = await this.stmt.playerByPublicId.get(row.id, playerId);
      if (!player || player.removed_at !== null) {
        throw new ClassError('unknown-player', 'There is no such player in this class.');
      }
      await this.stmt.setTimeAccommodation.run(accommodation, player.id);
      this.updateRoster(row.id, (roster) => {
        const listed = roster.byId.get(player.id);
        if (listed) {
          listed.time_accommodation = accommodation;
          listed.time_requested = 0;
        }
      });
      this.emit({ kind: 'progress', classId: row.id });
    });
  }

  async removePlayer(teacher: TeacherKey, playerId: string): Promise<void> {
    await this.atomically(async () => {
      const row = await this.authTeacher(teacher, true);
      const player = await this.stmt.playerByPublicId.get(row.id, playerId);
      if (!player || player.removed_at !== null) {
        throw new ClassError('unknown-player', 'There is no such player in this class.');
      }
      await this.stmt.removePlayer.run(this.now(), player.id);
      this.rosters.delete(row.id);
      this.emit({ kind: 'removed', classId: row.id, playerId });
      this.emit({ kind: 'progress', classId: row.id });
      // The player the class was waiting for may be the one removed.
      await this.settle(row);
    });
  }

  /**
   * The student leaves by their own choice ("Leave the class", confirmed on their screen): they are removed as the
   * teacher would remove them, so they hold nothing back, but their nickname stays free to join again.
   */
  async leave(key: PlayerKey): Promise<void> {
    await this.atomically(async () => {
      const { row, player } = await this.authPlayer(key);
      const now = this.now();
      await this.stmt.leavePlayer.run(now, now, player.id);
      this.rosters.delete(row.id);
      this.lastSeen.delete(player.id);
      this.emit({ kind: 'removed', classId: row.id, playerId: key.playerId });
      this.emit({ kind: 'progress', classId: row.id });
      await this.settle(row);
    });
  }

  /** The results as CSV: one row per player per question, then one total row per player (see resultsTable.ts). */
  async resultsCsv(teacher: TeacherKey): Promise<string> {
    return await this.csvOf(await this.authTeacher(teacher));
  }

  /** The same CSV by the class's code alone (the administrator's export, with the server stopped). */
  async exportCsv(code: string): Promise<string> {
    return await this.csvOf(await this.storedClassByCode(code));
  }

  private async csvOf(row: ClassRow): Promise<string> {
    const round = await this.round(row);
    const players = await this.stmt.activePlayers.all(row.id);
    const turns = new Map<string, TurnRow>();
    for (const turn of await this.stmt.classTurns.all(row.id)) turns.set(`${turn.player_id}:${turn.position}`, turn);
    const table = resultsTable(round.items, players, (player, position) => turns.get(`${player.id}:${position}`));
    if (round.settings.learningCheck !== true) return toCsv(table);
    // A class with a learning check: more columns, and each student's check rows after the round's rows.
    const checkRows = await this.checks.csvRows(row.id, new Map(players.map((player) => [player.id, player.nickname])));
    const padding = CHECK_CSV_COLUMNS.map(() => '');
    const [header, ...body] = table;
    return toCsv([
      [...header!, ...CHECK_CSV_COLUMNS],
      ...body.map((line) => [...line, ...padding]),
      // A check row starts with the nickname; the student's language goes beside it, as in the round's rows.
      ...players.flatMap((player) =>
        (checkRows.get(player.id) ?? []).map(([nickname, ...rest]) => [nickname!, player.language, ...rest]),
      ),
    ]);
  }

  /** Deletes every class whose time is up, with its players and answers; returns how many went. */
  async sweepExpired(): Promise<number> {
    return await this.deleteClasses(() => this.stmt.expired.all(this.now()));
  }

  /** Deletes every class created before `time` (the administrator's purge by age); returns how many went. */
  async deleteCreatedBefore(time: number): Promise<number> {
    return await this.deleteClasses(() => this.stmt.createdBefore.all(time));
  }

  /**
   * Deletes a class at its teacher's request, running or ended, with every player and answer in it. The rows go
   * at once and their bytes are zeroed (secure_delete); call flushDeleted() once the deletion is committed.
   */
  async deleteClass(teacher: TeacherKey): Promise<void> {
    await this.atomically(async () => {
      const row = await this.authTeacher(teacher);
      await this.stmt.deleteClass.run(row.id);
      this.forgetClass(row.id);
    });
  }

  /** Deletes a class by its code alone (the administrator's command, with the server stopped). */
  async deleteClassByCode(code: string): Promise<void> {
    const { id } = await this.storedClassByCode(code);
    await this.deleteClasses(() => Promise.resolve([{ id }]));
  }

  /**
   * Deletes one player's data (their nickname, answers and totals) at their teacher's request, removed or not,
   * in a running or an ended class. Their streams are told they were removed.
   */
  async erasePlayer(teacher: TeacherKey, playerId: string): Promise<void> {
    await this.atomically(async () => {
      const row = await this.authTeacher(teacher);
      const player = await this.stmt.playerByPublicId.get(row.id, playerId);
      if (!player) throw new ClassError('unknown-player', 'There is no such player in this class.');
      await this.stmt.deletePlayer.run(player.id);
      this.rosters.delete(row.id);
      this.summaries.delete(row.id);
      this.emit({ kind: 'removed', classId: row.id, playerId });
      this.emit({ kind: 'progress', classId: row.id });
    });
  }

  /** After a committed deletion: empties the WAL, where the deleted text still sits in older page versions. */
  flushDeleted(): void {
    this.store.flushDeleted();
  }

  /** Deletes these classes in one transaction, forgets them, and empties the WAL of their old pages. */
  private async deleteClasses(find: () => Promise<{ id: number }[]>): Promise<number> {
    const ids = await this.atomically(async () => {
      // With several servers on one database, one of them at a time does it (the others find the lock taken).
      if (!(await this.store.tryJobLock('class deletion'))) return [];
      const found = (await find()).map((row) => row.id);
      for (const id of found) await this.stmt.deleteClass.run(id);
      return found;
    });
    if (ids.length === 0) return 0;
    for (const id of ids) this.forgetClass(id);
    this.store.flushDeleted();
    return ids.length;
  }

  private forgetClass(id: number): void {
    this.rounds.delete(id);
    this.rosters.delete(id);
    this.joins.forget(id);
    this.settledUpTo.delete(id);
    // A new class may be given a deleted class's id.
    this.summaries.delete(id);
    this.checks.forget(id);
    this.emit({ kind: 'deleted', classId: id });
  }

  /**
   * The teacher's class as stored now (the request's token was checked once, see classAuth.ts); `changing`
   * refuses an ended class.
   */
  async authTeacher(teacher: TeacherKey, changing = false): Promise<ClassRow> {
    const row = await this.classById(teacher.classId);
    if (changing && row.status === 'ended') throw ended();
    return row;
  }

  /** The student and their class as stored now (the request's token was checked once, see classAuth.ts). */
  async authPlayer(key: PlayerKey): Promise<{ row: ClassRow; player: PlayerRow }> {
    const row = await this.classById(key.classId);
    if (row.status === 'ended') throw ended();
    const player = await this.stmt.playerById.get(key.playerRowId);
    if (!player) throw notFound();
    if (player.removed_at !== null) throw new ClassError('removed', 'The teacher has removed you from this class.');
    // Every request of theirs says the player is there (see isAwayNow).
    if (this.lastSeen.size > 100_000) this.lastSeen.clear();
    this.lastSeen.set(player.id, this.now());
    return { row, player };
  }

  /** The id of the class a code names (for the live streams). */
  async classId(code: string): Promise<number> {
    return (await this.classByCode(code)).id;
  }

  // ——— Live lessons (the teacher moves the class on) ———

  /** One of the teacher's commands (Next, Show answer, Pause, Resume, Skip, End) on a live lesson. */
  async liveCommand(teacher: TeacherKey, command: LiveCommand): Promise<LiveBoard> {
    return await this.atomically(async () => {
      const row = await this.authTeacher(teacher, true);
      const before = await this.liveOf(row);
      if (!before) {
        throw new ClassError('not-live', 'This class is self-paced: each student moves on by themselves.');
      }
      const now = this.now();
      const round = await this.round(row);
      const step = liveStep(before, command, now, (position) => round.items[position]?.planned.timeLimitMs ?? null);
      if (!step.ok) throw new ClassError(step.code, step.message);
      await this.applyLive(row, before, step.state, now);
      return (await this.snapshot((await this.stmt.classById.get(row.id))!, 0)).live!;
    });
  }

  /** Closes every live question whose time is up (the server's clock calls this); returns how many closed. */
  async closeDueLessons(): Promise<number> {
    let closed = 0;
    for (const classId of await this.live.due(this.now())) {
      const row = await this.stmt.classById.get(classId);
      if (!row || row.status === 'ended') continue;
      await this.atomically(async () => {
        if ((await this.liveOf(row))?.phase === 'answer') closed += 1;
      });
    }
    return closed;
  }

  private async isLive(row: ClassRow): Promise<boolean> {
    return (await this.round(row)).settings.pace === 'live';
  }

  /** A live class's state, its open question closed first if its time is up; undefined for a self-paced class. */
  private async liveOf(row: ClassRow): Promise<LiveState | undefined> {
    if (!(await this.isLive(row))) return undefined;
    const state = await this.live.get(row.id);
    if (!state) return undefined;
    const now = this.now();
    if (!isLiveTimeUp(state, now, ANSWER_GRACE_MS)) return state;
    // A student with extended time still answering keeps the question open (liveExtendedTime.ts).
    const { classLimitMs, answerers } = await this.liveAnswerers(row, state);
    if (!isLiveQuestionDue(state, now, classLimitMs, answerers, ANSWER_GRACE_MS)) return state;
    const closed = closeLiveQuestion(state);
    await this.applyLive(row, state, closed, now);
    return closed;
  }

  /** The open live question's time for the class, and each student who may have more (timeAccommodation.ts). */
  private async liveAnswerers(
    row: ClassRow,
    state: LiveState,
  ): Promise<{ classLimitMs: number | null; answerers: LiveAnswerer[] }> {
    const classLimitMs = (await this.round(row)).items[state.position]?.planned.timeLimitMs ?? null;
    const answerers: LiveAnswerer[] = [];
    for (const player of (await this.roster(row.id)).players) {
      if (player.time_accommodation === 'standard') continue;
      answerers.push({
        timeLimitMs: playerTimeLimitMs(classLimitMs, player.time_accommodation),
        answered: ((await this.stmt.turnAt.get(player.id, state.position))?.answered_at ?? null) !== null,
      });
    }
    return { classLimitMs, answerers };
  }

  /**
   * Stores a live lesson's next state and does what the step means for the class: the first question starts the
   * class, a closed question records a time-out for everyone who had not answered it, the podium finishes
   * everyone. The students' phones and the teacher's page are told.
   */
  private async applyLive(row: ClassRow, before: LiveState, after: LiveState, now: number): Promise<void> {
    if (row.status === 'lobby' && after.phase !== 'lobby')
      await this.stmt.setStatus.run({ status: 'open', now, id: row.id });
    const closedQuestion =
      before.phase === 'question' && (after.phase !== 'question' || after.position !== before.position);
    if (closedQuestion) await this.timeOutTheRest(row, before, now);
    if (after.phase === 'podium' && before.phase !== 'podium') {
      await this.stmt.finishAll.run(now, row.id);
      this.rosters.delete(row.id);
    }
    await this.live.save(row.id, after);
    if (row.status === 'lobby' && after.phase !== 'lobby') await this.changed(row.id);
    this.emit({
      kind: 'live',
      classId: row.id,
      phase: after.phase,
      position: after.position,
      paused: after.pausedAt !== null,
    });
    this.emit({ kind: 'progress', classId: row.id });
    await this.settle((await this.stmt.classById.get(row.id))!);
  }

  /** A live question closed: every player in the class who had not answered it gets its time-out. */
  private async timeOutTheRest(row: ClassRow, state: LiveState, now: number): Promise<void> {
    const item = (await this.round(row)).items[state.position]!;
    for (const player of [...(await this.roster(row.id)).players]) {
      let turn = await this.stmt.turnAt.get(player.id, state.position);
      if (turn?.answered_at !== null && turn !== undefined) continue;
      if (!turn) {
        await this.stmt.insertTurn.run({
          playerId: player.id,
          classId: row.id,
          position: state.position,
          questionId: item.question.id,
          now: state.openedAt ?? now,
        });
        turn = (await this.stmt.turnAt.get(player.id, state.position))!;
      }
      await this.close(row, player, turn, judgeTimeOut(item.planned), now);
    }
  }

  /**
   * An answer to the live question, judged from the moment it opened for everyone. Its verdict is held back until
   * the question closes; the last player to answer closes it.
   */
  private async liveAnswer(
    row: ClassRow,
    player: PlayerRow,
    state: LiveState,
    position: number,
    picked: number,
  ): Promise<AnswerOutcome | PendingOutcome> {
    const refusal = liveAnswerRefusal(state, position);
    if (refusal) throw new ClassError(refusal.code, refusal.message);
    const existing = await this.stmt.turnAt.get(player.id, position);
    if (existing && existing.answered_at !== null) {
      throw new ClassError('already-answered', 'That question has already been answered (or its time ran out).');
    }
    const item = (await this.round(row)).items[position]!;
    const now = this.now();
    const openedAt = state.openedAt ?? now;
    const closed = new ClassError('question-closed', 'That question has closed: answers are no longer taken.');
    const judged = await this.judge(row, player, position, picked, openedAt, now, closed);
    if (!existing) {
      await this.stmt.insertTurn.run({
        playerId: player.id,
        classId: row.id,
        position,
        questionId: item.question.id,
        now: openedAt,
      });
    }
    const turn = existing ?? (await this.stmt.turnAt.get(player.id, position))!;
    const outcome = await this.close(row, player, turn, judged, now);
    const { players, tally } = await this.roster(row.id);
    let answered = 0;
    for (const counted of tally.values()) if (counted.position === position) answered += counted.count;
    if (players.length > 0 && answered >= players.length)
      await this.applyLive(row, state, closeLiveQuestion(state), now);
    return (await this.isPending(row, turn)) ? pendingOutcome(outcome) : outcome;
  }

  /** Judges an answer by this server's clock; an unknown choice is a 422, one past the time `late`. */
  private async judge(
    row: ClassRow,
    player: PlayerRow,
    position: number,
    picked: number,
    servedAt: number,
    now: number,
    late: ClassError,
  ): Promise<JudgedAnswer> {
    const round = await this.round(row);
    const item = round.items[position]!;
    const verdict = judgeAnswer({
      question: item.question,
      // The student's own time and order of the choices, as their tiles showed them.
      planned: this.plannedFor(round, player, position),
      picked,
      servedAt,
      now,
      streakBefore: player.streak,
      speedPoints: round.settings.scoring === 'speed',
    });
    if (verdict.ok) return verdict.judged;
    if (verdict.reason === 'unknown-choice')
      throw new ClassError('unknown-choice', 'That question has no such answer.');
    throw late;
  }

  /** A live lesson as a student's phone needs it: the moment, and their place once a question has closed. */
  private async liveStatus(
    row: ClassRow,
    player: PlayerRow,
    state: LiveState,
  ): Promise<NonNullable<PlayerView['live']>> {
    const ranked = state.phase !== 'lobby' && state.phase !== 'question' && row.hide_scores !== 1;
    return {
      phase: state.phase,
      position: state.position,
      paused: state.pausedAt !== null,
      rank: ranked ? (await this.stmt.rankOf.get(row.id, player.score))!.n + 1 : null,
      players: (await this.stmt.countPlayers.get(row.id))!.n,
    };
  }

  /** Where a student is in a live lesson: the open question, their held-back answer, their verdict, or the screen. */
  private async liveViewOf(row: ClassRow, player: PlayerRow, state: LiveState): Promise<PlayerView> {
    const round = await this.round(row);
    const base = {
      class: await this.info(row),
      player: this.summary(player),
      total: round.items.length,
      live: await this.liveStatus(row, player, state),
    };
    if (row.status === 'lobby' || state.phase === 'lobby') return { ...base, state: 'waiting' };
    const turn = state.position >= 0 ? await this.stmt.turnAt.get(player.id, state.position) : undefined;
    const answered = turn && turn.answered_at !== null ? turn : undefined;
    if (state.phase === 'podium') {
      return {
        ...base,
        state: 'finished',
        standing: await this.standing(row, player),
        ...(answered ? { outcome: await this.outcomeOf(row, player, answered) } : {}),
      };
    }
    if (state.phase === 'question') {
      if (answered) {
        const outcome = pendingOutcome(await this.outcomeOf(row, player, answered));
        return { ...base, player: this.summaryBefore(player, answered), state: 'pending', outcome };
      }
      const item = round.items[state.position]!;
      const planned = this.plannedFor(round, player, state.position);
      // Their own time is up while the question waits for a student with extended time: nothing left to answer.
      if (isLiveOwnTimeUp(state, this.now(), planned.timeLimitMs, ANSWER_GRACE_MS)) return { ...base, state: 'watch' };
      const remaining = livePlayerRemainingMs(state, this.now(), planned.timeLimitMs);
      return {
        ...base,
        state: 'question',
        question: servedQuestion(item.question, planned, state.position, round.items.length, remaining),
      };
    }
    if (answered) return { ...base, state: 'answered', outcome: await this.outcomeOf(row, player, answered) };
    return { ...base, state: 'watch' };
  }

  // ——— Inside ———

  /**
   * Runs one request's work as a transaction (a savepoint inside a group commit). Should it fail after touching a
   * roster, the rosters go: the memory must not keep what the database rolled back.
   */
  private async atomically<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.rostersTouched;
    this.rostersTouched = false;
    try {
      return await this.store.run(work);
    } catch (error) {
      if (this.rostersTouched) this.forgetRosters();
      throw error;
    } finally {
      this.rostersTouched ||= outer;
    }
  }

  /** Drops a class's roster kept in memory: another server changed the class (see fanout.ts). */
  forgetRoster(classId: number): void {
    this.rosters.delete(classId);
  }

  /** Drops every roster kept in memory (a commit failed: they may hold writes that were rolled back). */
  forgetRosters(): void {
    this.rosters.clear();
  }

  private async roster(classId: number): Promise<Roster> {
    let roster = this.rosters.get(classId);
    if (!roster) {
      const players = await this.stmt.activePlayers.all(classId);
      roster = {
        players,
        byId: new Map(players.map((player) => [player.id, player])),
        tally: new Map(
          (await this.stmt.tally.all(classId)).map((row) => [
            `${row.position}:${row.choice_index}`,
            { position: row.position, choiceIndex: row.choice_index, count: row.count },
          ]),
        ),
      };
      // Without a store that sees every write, a roster is read for each use and not kept; the class is only
      // remembered as one to watch for players falling away (see checkAway).
      if (!this.store.keepsRosters) {
        if (this.watched.size > 2000) this.watched.clear();
        this.watched.add(classId);
        return roster;
      }
      if (this.rosters.size > 2000) this.rosters.clear();
      this.rosters.set(classId, roster);
    }
    return roster;
  }

  /** Applies a write to the class's roster when one is kept (otherwise the next read gets it from the database). */
  private updateRoster(classId: number, update: (roster: Roster) => void): void {
    const roster = this.rosters.get(classId);
    if (!roster) return;
    this.rostersTouched = true;
    update(roster);
  }

  /** A class the request's key names, gone (deleted or expired) since the key was found: the same 404. */
  private async classById(id: number): Promise<ClassRow> {
    const row = await this.stmt.classById.get(id);
    if (!row || row.expires_at <= this.now()) throw notFound();
    return row;
  }

  private async classByCode(code: string): Promise<ClassRow> {
    const row = await this.stmt.classByCode.get(code);
    // An expired class is gone at once, not at the next sweep.
    if (!row || row.expires_at <= this.now()) throw notFound();
    return row;
  }

  /**
   * A class still in the file, expired or not: the administrator exports and deletes what the file holds, and an
   * expired class stays there until the running server's next sweep.
   */
  private async storedClassByCode(code: string): Promise<ClassRow> {
    const row = await this.stmt.classByCode.get(code);
    if (!row) throw notFound();
    return row;
  }

  private async round(row: ClassRow): Promise<ClassRound> {
    let round = this.rounds.get(row.id);
    if (!round) {
      const stored = (await this.stmt.roundOf.get(row.id))!;
      round = {
        settings: JSON.parse(stored.settings) as ClassSettings,
        seed: stored.seed,
        items: JSON.parse(stored.plan) as ClassRound['items'],
      };
      if (this.rounds.size > 2000) this.rounds.clear();
      this.rounds.set(row.id, round);
    }
    return round;
  }

  private async info(row: ClassRow): Promise<ClassInfo> {
    const settings = (await this.round(row)).settings;
    return {
      code: row.code,
      status: row.status,
      questionCount: settings.questionCount,
      timeLimitSec: settings.timeLimitSec,
      scoring: settings.scoring,
      topics: settings.topics.map((id) => this.topics.get(id) ?? { id, title: id }),
      hideScores: row.hide_scores === 1,
      generatedNicknamesOnly: settings.generatedNicknamesOnly === true,
      joiningLocked: row.joining_locked === 1,
      // Classes stored before these settings drew from the whole bank and revealed at once.
      pool: settings.pool ?? 'all',
      answerReveal: settings.answerReveal ?? 'immediate',
      kinds: settings.kinds ?? [],
      pace: settings.pace ?? DEFAULT_CLASS_PACE,
      learningCheck: settings.learningCheck === true,
      ...(settings.ownQuestions ? { ownQuestions: settings.ownQuestions } : {}),
    };
  }

  private async changed(classId: number): Promise<ClassInfo> {
    const row = (await this.stmt.classById.get(classId))!;
    const info = await this.info(row);
    this.emit({ kind: 'class', classId, info });
    this.emit({ kind: 'progress', classId });
    return info;
  }

  /** Stores an answer or a time-out on an open turn and adds it to the player's totals. */
  private async close(
    row: ClassRow,
    player: PlayerRow,
    turn: TurnRow,
    judged: JudgedAnswer,
    now: number,
  ): Promise<AnswerOutcome> {
    const result = await this.stmt.closeTurn.run({
      now,
      choiceIndex: judged.choiceIndex,
      timedOut: judged.timedOut ? 1 : 0,
      correct: judged.correct ? 1 : 0,
      elapsedMs: judged.elapsedMs,
      base: judged.base,
      streakBonus: judged.streakBonus,
      points: judged.points,
      playerId: player.id,
      position: turn.position,
    });
    if (result.changes !== 1) {
      throw new ClassError('already-answered', 'That question has already been answered (or its time ran out).');
    }
    await this.stmt.scorePlayer.run({
      points: judged.points,
      correct: judged.correct ? 1 : 0,
      streak: judged.streakAfter,
      id: player.id,
    });
    this.updateRoster(row.id, (roster) => {
      const listed = roster.byId.get(player.id);
      if (listed) {
        listed.score += judged.points;
        listed.correct += judged.correct ? 1 : 0;
        listed.answered += 1;
        listed.streak = judged.streakAfter;
        listed.best_streak = Math.max(listed.best_streak, judged.streakAfter);
      }
      const key = `${turn.position}:${judged.choiceIndex}`;
      const counted = roster.tally.get(key);
      if (counted) counted.count += 1;
      else roster.tally.set(key, { position: turn.position, choiceIndex: judged.choiceIndex, count: 1 });
    });
    this.emit({ kind: 'progress', classId: row.id });
    return this.outcomeIn(await this.round(row), player, turn.position, judged, {
      score: player.score + judged.points,
      streak: judged.streakAfter,
    });
  }

  /** The verdict on a player's turn, in their own order of the choices. */
  private outcomeIn(
    round: ClassRound,
    player: PlayerRow,
    position: number,
    judged: JudgedAnswer,
    totals: { score: number; streak: number },
  ): AnswerOutcome {
    const item = round.items[position]!;
    const planned = this.plannedFor(round, player, position);
    const outcome = answerOutcome(item.question, planned, position, round.items.length, judged, totals);
    const translation = revealWordsIn(
      item.question,
      player.language,
      this.overlaysOf(round),
      outcome.feedback !== undefined ? judged.choiceIndex : null,
    );
    return translation ? { ...outcome, translation } : outcome;
  }

  /** The bank's other languages, for a class of its questions; none for a teacher's own (their ids are theirs). */
  private overlaysOf(round: ClassRound): BankOverlays {
    return round.settings.ownQuestions === undefined ? this.overlays : {};
  }

  /** A question as one player sees it: with their own time (timeAccommodation.ts) and order of its choices (see studentChoiceOrder). */
  private plannedFor(round: ClassRound, player: PlayerRow, position: number): PlannedQuestion {
    const planned = withTimeAccommodation(round.items[position]!.planned, player);
    if (round.settings.studentChoiceOrder !== true) return planned;
    return {
      ...planned,
      choiceOrder: studentChoiceOrder(planned.choiceOrder, round.seed, player.public_id, position),
    };
  }

  private summary(player: PlayerRow): PlayerSummary {
    return {
      playerId: player.public_id,
      nickname: player.nickname,
      score: player.score,
      correct: player.correct,
      answered: player.answered,
      streak: player.streak,
      bestStreak: player.best_streak,
      timeAccommodation: player.time_accommodation,
    };
  }

  /** A player's totals before an answer whose verdict is held back; streaks show 0 (they would tell it). */
  private summaryBefore(player: PlayerRow, turn: TurnRow): PlayerSummary {
    return {
      ...this.summary(player),
      score: player.score - (turn.points ?? 0),
      correct: player.correct - (turn.correct === 1 ? 1 : 0),
      answered: player.answered - 1,
      streak: 0,
      bestStreak: 0,
    };
  }

  /**
   * How many questions, from the first, are settled for the class: every player in it is past them (answered or
   * out of time), or the class has ended.
   */
  private async settledCount(row: ClassRow): Promise<number> {
    const round = await this.round(row);
    const total = round.items.length;
    if (row.status === 'ended') return total;
    const live = (await this.isLive(row)) ? await this.live.get(row.id) : undefined;
    if (live) return liveSettledCount(live);
    const now = this.now();
    const players = (await this.roster(row.id)).players.map((player) => ({
      answered: player.answered,
      away: this.isAwayNow(round, player, now),
    }));
    return settledCount(players, total, this.settledBefore(row));
  }

  /** How many questions were settled before, by this process or (stored) by an earlier one. */
  private settledBefore(row: ClassRow): number {
    return Math.max(row.settled_up_to, this.settledUpTo.get(row.id) ?? 0);
  }

  /** Silent too long (see classPresence.ts); a finished player is past every question, so never holds one back. */
  private isAwayNow(round: ClassRound, player: PlayerRow, now: number): boolean {
    if (player.finished_at !== null || round.items.length === 0) return false;
    const position = Math.min(player.answered, round.items.length - 1);
    const facts = {
      lastSeenAt: this.lastSeen.get(player.id) ?? Math.max(player.joined_at, this.startedAt),
      streamOpen: (this.openStreams.get(player.id) ?? 0) > 0,
      // The student's own time, without dealing their order of the choices (this runs for everyone every second).
      timeLimitMs: withTimeAccommodation(round.items[position]!.planned, player).timeLimitMs,
    };
    return isAway(facts, now);
  }

  /**
   * Time alone makes a player away: called every second by the server, it tells the dashboards of each open class
   * whose away players changed, and settles the questions nobody active is still on.
   */
  async checkAway(): Promise<void> {
    const now = this.now();
    for (const classId of this.store.keepsRosters ? [...this.rosters.keys()] : [...this.watched]) {
      const row = await this.stmt.classById.get(classId);
      if (!row || row.status !== 'open') {
        this.watched.delete(classId);
        continue;
      }
      const roster = await this.roster(classId);
      const round = await this.round(row);
      const away = roster.players
        .filter((player) => this.isAwayNow(round, player, now))
        .map((player) => player.public_id)
        .join(',');
      if (away === (this.awayShown.get(classId) ?? '')) continue;
      if (this.awayShown.size > 2000) this.awayShown.clear();
      this.awayShown.set(classId, away);
      this.emit({ kind: 'progress', classId });
      await this.atomically(async () => await this.settle(row));
    }
  }

  /** A student's live stream is open: they count as present until it closes (see isAway). */
  followStream(playerRowId: number, response: { once(event: 'close', listener: () => void): unknown }): void {
    this.openStreams.set(playerRowId, (this.openStreams.get(playerRowId) ?? 0) + 1);
    response.once('close', () => {
      const left = (this.openStreams.get(playerRowId) ?? 1) - 1;
      if (left > 0) this.openStreams.set(playerRowId, left);
      else this.openStreams.delete(playerRowId);
      this.lastSeen.set(playerRowId, this.now());
    });
  }

  /** Whether an answered turn still has its verdict held back (a class that reveals answers once settled). */
  private async isPending(row: ClassRow, answered: TurnRow): Promise<boolean> {
    // A live lesson always holds the verdict until the question closes for everyone.
    if ((await this.round(row)).settings.answerReveal !== 'settled' && !(await this.isLive(row))) return false;
    return answered.position >= (await this.settledCount(row));
  }

  /** Tells the students' streams when more questions are settled (a class that reveals answers once settled). */
  private async settle(row: ClassRow): Promise<void> {
    const upTo = await this.settledCount(row);
    if (upTo <= this.settledBefore(row)) return;
    await this.stmt.setSettled.run(upTo, row.id, upTo);
    if (this.settledUpTo.size > 2000) this.settledUpTo.clear();
    this.settledUpTo.set(row.id, upTo);
    if ((await this.round(row)).settings.answerReveal === 'settled' || (await this.isLive(row))) {
      this.emit({ kind: 'settled', classId: row.id, upTo });
    }
  }

  private async outcomeOf(row: ClassRow, player: PlayerRow, turn: TurnRow): Promise<AnswerOutcome> {
    const round = await this.round(row);
    const judged: JudgedAnswer = {
      choiceIndex: turn.choice_index,
      correct: turn.correct === 1,
      timedOut: turn.timed_out === 1,
      elapsedMs: turn.elapsed_ms ?? 0,
      base: turn.base ?? 0,
      streakBonus: turn.streak_bonus ?? 0,
      points: turn.points ?? 0,
      streakAfter: player.streak,
    };
    // Only the latest turn is ever shown again, so the player's totals are the totals after it.
    return this.outcomeIn(round, player, turn.position, judged, { score: player.score, streak: player.streak });
  }

  /** `known` is the player's latest turn when the caller has just read or written it. */
  private async viewOf(row: ClassRow, player: PlayerRow, known?: TurnRow | null): Promise<PlayerView> {
    const round = await this.round(row);
    const live = (await this.isLive(row)) ? await this.live.get(row.id) : undefined;
    if (live) return await this.liveViewOf(row, player, live);
    const base = { class: await this.info(row), player: this.summary(player), total: round.items.length };
    if (row.status === 'lobby') return { ...base, state: 'waiting' };
    const latest = known === undefined ? await this.stmt.latestTurn.get(player.id) : (known ?? undefined);
    if (player.finished_at !== null) {
      return {
        ...base,
        state: 'finished',
        standing: await this.standing(row, player),
        ...(latest && latest.answered_at !== null ? { outcome: await this.outcomeOf(row, player, latest) } : {}),
      };
    }
    if (!latest) return { ...base, state: 'ready' };
    if (latest.answered_at !== null && (await this.isPending(row, latest))) {
      const outcome = pendingOutcome(await this.outcomeOf(row, player, latest));
      return { ...base, player: this.summaryBefore(player, latest), state: 'pending', outcome };
    }
    if (latest.answered_at !== null)
      return { ...base, state: 'answered', outcome: await this.outcomeOf(row, player, latest) };
    const item = round.items[latest.position]!;
    const planned = this.plannedFor(round, player, latest.position);
    const remaining = remainingOnServer(planned, latest.served_at, this.now());
    return {
      ...base,
      state: 'question',
      question: servedQuestion(item.question, planned, latest.position, round.items.length, remaining),
    };
  }

  private async standing(row: ClassRow, player: PlayerRow): Promise<FinalStanding> {
    return {
      rank: row.hide_scores === 1 ? null : (await this.stmt.rankOf.get(row.id, player.score))!.n + 1,
      players: (await this.stmt.countPlayers.get(row.id))!.n,
      verified: true,
    };
  }

  private async snapshot(row: ClassRow, version: number): Promise<DashboardSnapshot> {
    const round = await this.round(row);
    const { players, tally } = await this.roster(row.id);
    const rows = [...tally.values()];
    const now = this.now();
    const settled = await this.settledCount(row);
    const live = (await this.isLive(row)) ? await this.live.get(row.id) : undefined;
    const ranked = players.map((player) => ({
      playerId: player.public_id,
      nickname: player.nickname,
      score: player.score,
      correct: player.correct,
      answered: player.answered,
    }));
    return {
      version,
      class: {
        ...(await this.info(row)),
        createdAt: row.created_at,
        startedAt: row.started_at,
        endedAt: row.ended_at,
        expiresAt: row.expires_at,
      },
      players: players.map((player) => ({
        playerId: player.public_id,
        nickname: player.nickname,
        joinedAt: player.joined_at,
        answered: player.answered,
        correct: player.correct,
        score: player.score,
        streak: player.streak,
        finished: player.finished_at !== null,
        away: row.status === 'open' && this.isAwayNow(round, player, now),
        timeAccommodation: player.time_accommodation,
        asksForMoreTime: player.time_requested === 1,
      })),
      leaderboard: rankLeaderboard(ranked),
      questions: tallyQuestions(round.items, rows, settled),
      summary: await this.skillSummary(row, round, players, settled),
      ...(live
        ? {
            live: liveBoard({
              state: live,
              now,
              items: round.items,
              tally: rows,
              players: players.length,
              leaderboard: rankLeaderboard(ranked),
              hideScores: row.hide_scores === 1,
              answerers: live.phase === 'question' ? (await this.liveAnswerers(row, live)).answerers : [],
              citation: (sourceId) => sourceCitation(sourceId, this.bank.sources[sourceId]),
              source: (sourceId) => this.bank.sources[sourceId],
              translations: (question) => revealWordsInEvery(question, this.overlaysOf(round)),
            }),
          }
        : {}),
      ...(round.settings.learningCheck === true ? { checks: await this.checks.progress(row.id) } : {}),
    };
  }

  /**
   * The class-wide skill and discernment summary, over the settled questions (see ClassSkillSummary).
   * Those answers can no longer change, so a player's part of it is fixed by how many questions are counted: the
   * parts are kept by player and count, and the summary is combined from them again only when the count or the
   * players change (about once per question, and on a join or a removal), reading only the settled turns of the
   * parts it lacks. The snapshot that follows every answer stays cheap, and the summary is never stale.
   */
  private async skillSummary(
    row: ClassRow,
    round: ClassRound,
    players: readonly PlayerRow[],
    counted: number,
  ): Promise<ClassSkillSummary> {
    // A player away or newly joined may be short of the settled questions: their part covers what they answered
    // of them, and is kept by that count (it grows as they catch up).
    const partKey = (player: PlayerRow) => `${player.id}:${Math.min(counted, player.answered)}`;
    const key = `${counted}:${players.map(partKey).join(',')}`;
    const cached = this.summaries.get(row.id);
    if (cached?.key === key) return cached.summary;
    const questions = round.items.map((item) => item.question);
    const parts = cached?.parts ?? new Map<string, PlayerSummaryPart>();
    const missing = players.filter((player) => !parts.has(partKey(player)));
    if (missing.length > 0) {
      const logs = new Map<number, LoggedAnswer[]>(missing.map((player) => [player.id, []]));
      const settled = (turn: { player_id: number; question_id: string; correct: 0 | 1 | null }) =>
        logs.get(turn.player_id)?.push({ questionId: turn.question_id, correct: turn.correct === 1 });
      if (counted === 0) {
        // Nothing is counted yet: every log is empty.
      } else if (missing.length > MAX_SEPARATE_SUMMARY_READS) {
        for (const turn of await this.stmt.settledTurns.all(row.id, counted)) settled(turn);
      } else {
        for (const player of missing)
          for (const turn of await this.stmt.settledTurnsOf.all(player.id, counted)) settled(turn);
      }
      for (const player of missing) parts.set(partKey(player), playerSummaryPart(questions, logs.get(player.id)!));
    }
    if (parts.size > players.length * (round.items.length + 1)) {
      // Players removed since: their parts go.
      const present = new Set(players.map((player) => player.id));
      for (const id of parts.keys()) if (!present.has(Number(id.split(':')[0]))) parts.delete(id);
    }
    const summary = {
      ...combineClassSummary(
        questions,
        players.map((player) => parts.get(partKey(player))!),
      ),
      questionsCounted: counted,
    };
    if (this.summaries.size > 2000) this.summaries.clear();
    this.summaries.set(row.id, { key, parts, summary });
    return summary;
  }
}

/** A planned question as one player plays it: the class's time under the player's accommodation. */
function withTimeAccommodation(planned: PlannedQuestion, player: PlayerRow): PlannedQuestion {
  const timeLimitMs = playerTimeLimitMs(planned.timeLimitMs, player.time_accommodation);
  return timeLimitMs === planned.timeLimitMs ? planned : { ...planned, timeLimitMs };
}

function isUniqueViolation(error: unknown, what: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(what);
}
