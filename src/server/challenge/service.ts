/**
 * Challenges on the class server. A challenge is a self-paced class (so its round is drawn, served, timed and
 * scored by the class rules in ClassService, from the class-only pool) with a title, a deadline and a board: its
 * code is the class's code, and its creator's token is the class's teacher token, so the creator can also read the
 * class's report and CSV. This module keeps only what a class does not have: which seats are first tries and which
 * are practice, the deadline, and who may make how many challenges.
 */
import {
  CHALLENGE_QUESTION_COUNT,
  CHALLENGE_TIME_LIMIT_SEC,
  DEFAULT_CHALLENGE_DAYS,
  MAX_CHALLENGE_DAYS,
  MAX_CHALLENGE_TITLE_LENGTH,
  MIN_CHALLENGE_DAYS,
  type ChallengeBoard,
  type ChallengeEntry,
  type ChallengeSeat,
  type CreateChallengeRequest,
  type CreatedChallenge,
} from '../../core/challengeProtocol';
import { checkNickname, NICKNAME_MAX_LENGTH } from '../../core/nicknames';
import type { ClassStore } from '../class/store';
import { checkClassNickname } from '../class/nicknameGuard';
import {
  ClassError,
  DAY_MS,
  DEFAULT_RETENTION_DAYS,
  hashToken,
  type ClassEvent,
  type ClassService,
} from '../class/service';
import { ChallengeFloodGuard, DEFAULT_CHALLENGE_FLOOD, type ChallengeFloodLimits } from './floodGuard';

export interface ChallengeServiceOptions {
  now?: () => number;
  /** How long the server keeps a class's data: no challenge may outlive it. */
  retentionMs?: number;
  flood?: Partial<ChallengeFloodLimits>;
}

interface ChallengeRow {
  id: number;
  class_id: number;
  code: string;
  title: string | null;
  created_at: number;
  closes_at: number;
  closed_at: number | null;
  status: 'lobby' | 'open' | 'ended';
}

interface EntryRow {
  player_id: number;
  public_id: string;
  nickname: string;
  first_nickname: string | null;
  score: number;
  correct: number;
  answered: number;
  finished_at: number | null;
  attempt: number;
  creator: 0 | 1;
}

function unknownChallenge(): ClassError {
  return new ClassError('unknown-challenge', 'There is no challenge with that code. Ask for the link again.');
}

/** A title as shown: spaces folded, or null when there is none. */
function cleanTitle(title: string | undefined): string | null {
  const folded = (title ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (folded === '') return null;
  if ([...folded].length > MAX_CHALLENGE_TITLE_LENGTH) {
    throw new ClassError('bad-title', `A challenge's title can be at most ${MAX_CHALLENGE_TITLE_LENGTH} characters.`);
  }
  // The nickname rules keep a title to letters, digits and ordinary punctuation, without the blocked words.
  const check = checkNickname(folded.slice(0, NICKNAME_MAX_LENGTH));
  if (!check.ok && check.problem !== 'too-short') {
    throw new ClassError('bad-title', `The title: ${check.message}`);
  }
  return folded;
}

export class ChallengeService {
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly flood: ChallengeFloodGuard;
  /** Deadlines of the challenges still open, by code: a class request for one past its deadline closes it first. */
  private readonly openDeadlines = new Map<string, number>();
  /** The class ids that are challenges, by class id (null: a class, not a challenge), for the live boards. */
  private readonly challengeOfClass = new Map<number, string | null>();
  private readonly listeners = new Set<(code: string) => void>();
  private readonly stmt;

  constructor(
    private readonly db: ClassStore,
    private readonly classes: ClassService,
    options: ChallengeServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_DAYS * DAY_MS;
    this.flood = new ChallengeFloodGuard({ ...DEFAULT_CHALLENGE_FLOOD, ...options.flood }, this.now);
    const columns = `ch.id, ch.class_id, c.code, ch.title, ch.created_at, ch.closes_at, ch.closed_at, c.status`;
    this.stmt = {
      byCode: db.prepare<[string, number], ChallengeRow>(
        `SELECT ${columns} FROM challenges ch JOIN classes c ON c.id = ch.class_id
         WHERE c.code = ? AND c.expires_at > ?`,
      ),
      byClass: db.prepare<[number], { code: string }>(
        'SELECT c.code FROM challenges ch JOIN classes c ON c.id = ch.class_id WHERE ch.class_id = ?',
      ),
      open: db.prepare<[], { code: string; closes_at: number }>(
        `SELECT c.code, ch.closes_at FROM challenges ch JOIN classes c ON c.id = ch.class_id
         WHERE ch.closed_at IS NULL AND c.status <> 'ended'`,
      ),
      insert: db.prepare<unknown[], { id: number }>(
        `INSERT INTO challenges (class_id, title, created_at, closes_at)
         VALUES (@classId, @title, @now, @closesAt)
         RETURNING id`,
      ),
      insertEntry: db.prepare(
        `INSERT INTO challenge_entries (player_id, challenge_id, first_player_id, attempt, creator)
         VALUES (@playerId, @challengeId, @firstPlayerId, @attempt, @creator)`,
      ),
      playerIdOf: db.prepare<[string], { id: number }>('SELECT id FROM players WHERE public_id = ?'),
      priorTry: db.prepare<[string, number], { first: number; nickname: string }>(
        `SELECT COALESCE(e.first_player_id, e.player_id) AS first, COALESCE(f.nickname, p.nickname) AS nickname
         FROM players p JOIN challenge_entries e ON e.player_id = p.id
         LEFT JOIN players f ON f.id = e.first_player_id
         WHERE p.token_hash = ? AND e.challenge_id = ?`,
      ),
      attempts: db.prepare<[{ challengeId: number; first: number }], { n: number }>(
        `SELECT COUNT(*) AS n FROM challenge_entries
         WHERE challenge_id = @challengeId AND (player_id = @first OR first_player_id = @first)`,
      ),
      entries: db.prepare<[number], EntryRow>(
        `SELECT p.id AS player_id, p.public_id, p.nickname, f.nickname AS first_nickname, p.score, p.correct,
           p.answered, p.finished_at, e.attempt, e.creator
         FROM challenge_entries e JOIN players p ON p.id = e.player_id
         LEFT JOIN players f ON f.id = e.first_player_id
         WHERE e.challenge_id = ? AND p.removed_at IS NULL AND (f.id IS NULL OR f.removed_at IS NULL)
         ORDER BY p.joined_at, p.id`,
      ),
      close: db.prepare('UPDATE challenges SET closed_at = ? WHERE id = ? AND closed_at IS NULL'),
    };
  }

  /** Reads the deadlines of the challenges still open (once, before the server takes requests). */
  async load(): Promise<void> {
    for (const row of await this.stmt.open.all()) this.openDeadlines.set(row.code, row.closes_at);
  }

  /** Makes a challenge and seats its creator, whose round is the first entry. */
  async create(request: CreateChallengeRequest, address: string): Promise<CreatedChallenge> {
    const title = cleanTitle(request.title);
    const days = request.days ?? DEFAULT_CHALLENGE_DAYS;
    if (!Number.isInteger(days) || days < MIN_CHALLENGE_DAYS || days > MAX_CHALLENGE_DAYS) {
      throw new ClassError(
        'bad-deadline',
        `A challenge runs for ${MIN_CHALLENGE_DAYS} to ${MAX_CHALLENGE_DAYS} days; ${days} was asked for.`,
      );
    }
    const now = this.now();
    // The class (and so the board) is deleted after the retention: the deadline never reaches past it.
    const closesAt = Math.min(now + days * DAY_MS, now + this.retentionMs - 60_000);
    // Checked before a round is drawn for it: a refused name costs nothing.
    const name = checkClassNickname(request.nickname);
    if (!name.ok) throw new ClassError(`nickname-${name.problem}`, name.message);
    const wait = this.flood.waitFor(address);
    if (wait > 0) {
      throw new ClassError(
        'challenge-flood',
        `Many challenges have been made from your network address: try again in ${Math.ceil(wait / 60)} min.`,
      );
    }
    return this.db.run(async () => {
      const created = await this.classes.createClass(
        {
          questionCount: CHALLENGE_QUESTION_COUNT,
          timeLimitSec: CHALLENGE_TIME_LIMIT_SEC,
          topics: [],
          scoring: 'speed',
          pool: 'class-only',
          answerReveal: 'immediate',
        },
        false,
      );
      const code = created.class.code;
      const classId = await this.classes.classId(code);
      const challengeId = (await this.stmt.insert.get({ classId, title, now, closesAt }))!.id;
      const joined = await this.classes.join(code, request.nickname, address);
      await this.stmt.insertEntry.run({
        playerId: (await this.stmt.playerIdOf.get(joined.playerId))!.id,
        challengeId,
        firstPlayerId: null,
        attempt: 1,
        creator: 1,
      });
      this.flood.taken(address);
      this.openDeadlines.set(code, closesAt);
      this.challengeOfClass.set(classId, code);
      const seat: ChallengeSeat = {
        code,
        playerId: joined.playerId,
        token: joined.token,
        nickname: joined.nickname,
        attempt: 1,
      };
      return { board: await this.board(code), creatorToken: created.teacherToken, seat };
    });
  }

  /**
   * Seats a player. With the token of an earlier seat in this challenge (kept on their device), the seat is a
   * later try, shown as practice under the first try's name; without one it is a first try under the class's
   * nickname rules (so a name already on the board is refused).
   */
  async join(code: string, nickname: string, address: string, earlierToken?: string): Promise<ChallengeSeat> {
    return this.db.run(async () => {
      const row = await this.open(code);
      const prior = earlierToken ? await this.stmt.priorTry.get(hashToken(earlierToken), row.id) : undefined;
      if (!prior) {
        const joined = await this.classes.join(code, nickname, address);
        await this.stmt.insertEntry.run({
          playerId: (await this.stmt.playerIdOf.get(joined.playerId))!.id,
          challengeId: row.id,
          firstPlayerId: null,
          attempt: 1,
          creator: 0,
        });
        return { code, playerId: joined.playerId, token: joined.token, nickname: joined.nickname, attempt: 1 };
      }
      const attempt = (await this.stmt.attempts.get({ challengeId: row.id, first: prior.first }))!.n + 1;
      const suffix = ` (try ${attempt})`;
      // The seat's own name must be unique in the class; the board shows the first try's name.
      const seatName = [...prior.nickname].slice(0, NICKNAME_MAX_LENGTH - suffix.length).join('') + suffix;
      const joined = await this.classes.join(code, seatName, address);
      await this.stmt.insertEntry.run({
        playerId: (await this.stmt.playerIdOf.get(joined.playerId))!.id,
        challengeId: row.id,
        firstPlayerId: prior.first,
        attempt,
        creator: 0,
      });
      return { code, playerId: joined.playerId, token: joined.token, nickname: prior.nickname, attempt };
    });
  }

  /** Everyone who took the challenge: first tries ranked, later tries as practice. Open to anyone with the code. */
  async board(code: string): Promise<ChallengeBoard> {
    const row = await this.find(code);
    const info = await this.classes.classInfo(code);
    const total = info.questionCount;
    const entries: ChallengeEntry[] = [];
    const practice: ChallengeEntry[] = [];
    let creator = '';
    let scoreToBeat: number | null = null;
    for (const entry of await this.stmt.entries.all(row.id)) {
      const shown: ChallengeEntry = {
        playerId: entry.public_id,
        nickname: entry.first_nickname ?? entry.nickname,
        score: entry.score,
        correct: entry.correct,
        answered: entry.answered,
        total,
        finished: entry.finished_at !== null,
        creator: entry.creator === 1,
        attempt: entry.attempt,
      };
      if (entry.attempt > 1) {
        practice.push(shown);
        continue;
      }
      entries.push(shown);
      if (shown.creator) {
        creator = shown.nickname;
        if (shown.finished) scoreToBeat = shown.score;
      }
    }
    entries.sort((a, b) => b.score - a.score || Number(b.finished) - Number(a.finished));
    return {
      code: row.code,
      title: row.title,
      status: this.isClosed(row) ? 'closed' : 'open',
      createdAt: row.created_at,
      closesAt: row.closes_at,
      questionCount: total,
      creator,
      scoreToBeat,
      entries,
      practice,
    };
  }

  /** The creator closes the challenge: no one new joins, and rounds in play stop. */
  async close(code: string, creatorToken: string): Promise<ChallengeBoard> {
    return this.db.run(async () => {
      const row = await this.find(code);
      const creator = await this.classes.auth.teacher(code, creatorToken);
      await this.stmt.close.run(this.now(), row.id);
      if (row.status !== 'ended') await this.classes.end(creator);
      this.openDeadlines.delete(code);
      return await this.board(code);
    });
  }

  /** The creator takes an entry off the board (and its player out of the round). */
  async removeEntry(code: string, creatorToken: string, playerId: string): Promise<ChallengeBoard> {
    return this.db.run(async () => {
      await this.find(code);
      await this.classes.removePlayer(await this.classes.auth.teacher(code, creatorToken), playerId);
      return await this.board(code);
    });
  }

  /** Closes every challenge whose deadline has passed; called before any request that could play in one. */
  async closeDue(code?: string): Promise<void> {
    const now = this.now();
    const due =
      code === undefined
        ? [...this.openDeadlines].filter(([, closesAt]) => closesAt <= now).map(([due]) => due)
        : (this.openDeadlines.get(code) ?? Infinity) <= now
          ? [code]
          : [];
    for (const dueCode of due) {
      this.openDeadlines.delete(dueCode);
      try {
        await this.db.run(async () => {
          const row = await this.stmt.byCode.get(dueCode, now);
          if (!row) return;
          await this.stmt.close.run(now, row.id);
          await this.classes.endByDeadline(dueCode);
        });
      } catch (error) {
        // Expired and swept meanwhile: nothing left to close.
        if (!(error instanceof ClassError)) throw error;
      }
    }
  }

  /** Listens for changes to any challenge's board (by code); returns the way to stop. */
  onChange(listener: (code: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fed the class service's events: a change to a challenge's class changes its board. */
  readonly onEvent = (event: ClassEvent): void => {
    if (this.listeners.size === 0) return;
    const known = this.challengeOfClass.get(event.classId);
    if (event.kind === 'deleted') this.challengeOfClass.delete(event.classId);
    if (known !== undefined) {
      if (known !== null) for (const listener of this.listeners) listener(known);
      return;
    }
    this.stmt.byClass.get(event.classId).then(
      (row) => {
        const code = row?.code ?? null;
        if (this.challengeOfClass.size > 10_000) this.challengeOfClass.clear();
        if (event.kind !== 'deleted') this.challengeOfClass.set(event.classId, code);
        if (code !== null) for (const listener of this.listeners) listener(code);
      },
      // The database away: this change is not shown on a board; the next one is.
      () => {},
    );
  };

  private isClosed(row: ChallengeRow): boolean {
    return row.closed_at !== null || row.status === 'ended' || row.closes_at <= this.now();
  }

  private async find(code: string): Promise<ChallengeRow> {
    await this.closeDue(code);
    const row = await this.stmt.byCode.get(code, this.now());
    if (!row) throw unknownChallenge();
    return row;
  }

  private async open(code: string): Promise<ChallengeRow> {
    const row = await this.find(code);
    if (this.isClosed(row))
      throw new ClassError('challenge-closed', 'This challenge is closed: it takes no more entries.');
    return row;
  }
}
