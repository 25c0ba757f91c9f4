/**
 * The learning check in a class, on the server: the class's own copy of the claims and forms (taken when the class
 * is created with a check), each student's form order (at join), their answers (one claim at a time, each checked
 * against the form the student holds at that stage), the delayed check the teacher opens one to four weeks later
 * (which keeps the class long enough to take it), and what the host page and the CSV read. The rules of when each
 * check is open are in src/core/classCheck.ts.
 */
import type { CheckForm } from '../../core/checkForms';
import { checkAnswer, formItems, type CheckSet } from '../../core/checkItems';
import {
  CHECK_STAGES,
  delayedCheckRefusal,
  delayedCheckWindow,
  dueStage,
  expiryWithDelayedCheck,
  firstFormForJoin,
  formForStage,
  stageClosedReason,
  STAGE_NAMES,
  type CheckAnswerReply,
  type CheckProgress,
  type CheckStage,
  type ClassCheckData,
  type PlayerCheckView,
  type StudentChecks,
  type TakenCheck,
} from '../../core/classCheck';
import {
  countOutcomes,
  studentMeasures,
  type CheckJudgement,
  type CheckResponse,
  type Confidence,
} from '../../core/discernment';
import type { PlayerKey } from './classAuth';
import { ClassError, notFound } from './classError';
import type { ClassStore } from './store';

interface CheckClassRow {
  id: number;
  code: string;
  status: 'lobby' | 'open' | 'ended';
  created_at: number;
  expires_at: number;
  check_set: string | null;
  delayed_check_opened_at: number | null;
}

interface CheckPlayerRow {
  id: number;
  class_id: number;
  public_id: string;
  nickname: string;
  removed_at: number | null;
  finished_at: number | null;
  check_first_form: 'A' | 'B' | null;
}

interface AnswerRow {
  player_id: number;
  stage: CheckStage;
  form: CheckForm;
  position: number;
  item_id: string;
  accurate: 0 | 1;
  judgement: CheckJudgement;
  confidence: Confidence;
}

/** One answer as a student sends it (already shaped by the route's schema). */
export interface SentCheckAnswer {
  stage: CheckStage;
  itemId: string;
  judgement: CheckJudgement;
  confidence: Confidence;
}

function checkOff(): ClassError {
  return new ClassError('check-off', 'This class was created without a learning check.');
}

/** What a student's place in the lesson says about which check is open (see dueStage). */
interface LessonFacts {
  started: boolean;
  lessonOver: boolean;
  delayedOpenedAt: number | null;
}

const CLASS_COLUMNS = 'id, code, status, created_at, expires_at, check_set, delayed_check_opened_at';
/** Check sets parsed and kept in memory; past this many classes the cache starts again. */
const MAX_CACHED_SETS = 500;

export class ClassChecks {
  private readonly stmt;
  /** Each class's check set, parsed once, by class id and code (a deleted class's id may be given again). */
  private readonly sets = new Map<string, CheckSet>();

  constructor(
    private readonly db: ClassStore,
    /** The server's check set, copied into each class created with a check; none when questions/ has no checks. */
    private readonly checks: CheckSet | undefined,
    private readonly now: () => number,
    /** Called after a change the dashboard shows (an answer, the delayed check opened). */
    private readonly onChange: (classId: number) => void,
  ) {
    this.stmt = {
      classById: db.prepare<[number], CheckClassRow>(`SELECT ${CLASS_COLUMNS} FROM classes WHERE id = ?`),
      setCheckSet: db.prepare('UPDATE classes SET check_set = ? WHERE id = ?'),
      openDelayed: db.prepare('UPDATE classes SET delayed_check_opened_at = ?, expires_at = ? WHERE id = ?'),
      playerById: db.prepare<[number], CheckPlayerRow>(
        `SELECT id, class_id, public_id, nickname, removed_at, finished_at, check_first_form FROM players
         WHERE id = ?`,
      ),
      playersJoined: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM players WHERE class_id = ?'),
      setFirstForm: db.prepare('UPDATE players SET check_first_form = ? WHERE id = ?'),
      activePlayers: db.prepare<[number], CheckPlayerRow>(
        `SELECT id, class_id, public_id, nickname, removed_at, finished_at, check_first_form FROM players
         WHERE class_id = ? AND removed_at IS NULL ORDER BY joined_at, id`,
      ),
      served: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM turns WHERE player_id = ?'),
      answersOf: db.prepare<[number], AnswerRow>(
        'SELECT * FROM check_answers WHERE player_id = ? ORDER BY stage, position',
      ),
      classAnswers: db.prepare<[number], AnswerRow>(
        `SELECT a.* FROM check_answers a JOIN players p ON p.id = a.player_id
         WHERE a.class_id = ? AND p.removed_at IS NULL ORDER BY a.player_id, a.stage, a.position`,
      ),
      finishedCounts: db.prepare<[number], { stage: CheckStage; answers: number }>(
        `SELECT a.stage, COUNT(*) AS answers FROM check_answers a JOIN players p ON p.id = a.player_id
         WHERE a.class_id = ? AND p.removed_at IS NULL GROUP BY a.player_id, a.stage`,
      ),
      insertAnswer: db.prepare(
        `INSERT INTO check_answers (player_id, class_id, stage, form, position, item_id, accurate, judgement,
           confidence, answered_at)
         VALUES (@playerId, @classId, @stage, @form, @position, @itemId, @accurate, @judgement, @confidence, @now)`,
      ),
    };
  }

  /** Whether the server has a check to give classes (a teacher's own bank folder may have none). */
  get available(): boolean {
    return this.checks !== undefined && this.checks.items.length > 0;
  }

  /** Gives a class just created with a check its own copy of the claims and forms. */
  async attachToClass(classId: number): Promise<void> {
    if (!this.checks || !this.available) {
      throw new ClassError('no-check-items', 'This server has no learning check: its questions/ lacks checks/.');
    }
    await this.stmt.setCheckSet.run(JSON.stringify(this.checks), classId);
  }

  /** Gives a student who just joined a class with a check their first form, alternating A and B by join order. */
  async assignAtJoin(classId: number, playerId: number): Promise<void> {
    const joinIndex = (await this.stmt.playersJoined.get(classId))!.n - 1;
    await this.stmt.setFirstForm.run(firstFormForJoin(joinIndex), playerId);
  }

  // ——— The student ———

  /** The check open to the student now and the checks they finished, with their evidence. */
  async playerView(key: PlayerKey): Promise<PlayerCheckView> {
    const { row, player } = await this.authPlayer(key);
    const set = this.setOf(row);
    if (!set) return { enabled: false, taken: [] };
    const answers = await this.stmt.answersOf.all(player.id);
    const taken = this.takenChecks(set, player, answers);
    const due = dueStage(await this.lessonState(row, player), new Set(taken.map((check) => check.stage)));
    if (!due) return { enabled: true, taken };
    const form = formForStage(player.check_first_form ?? 'A', due);
    return {
      enabled: true,
      due: {
        stage: due,
        form,
        items: formItems(set, form).map((item) => ({ id: item.id, statement: item.statement })),
        answered: answers.filter((answer) => answer.stage === due).map((answer) => answer.item_id),
      },
      taken,
    };
  }

  /** Stores one judged claim of the student's check at `stage`; the results come with the last one. */
  async answer(key: PlayerKey, sent: SentCheckAnswer): Promise<CheckAnswerReply> {
    return this.db.run(async () => {
      const { row, player } = await this.authPlayer(key);
      const set = this.setOf(row);
      if (!set) throw checkOff();
      const closed = stageClosedReason(sent.stage, await this.lessonState(row, player));
      if (closed) throw new ClassError('check-closed', closed);
      const form = formForStage(player.check_first_form ?? 'A', sent.stage);
      const checked = checkAnswer(set, form, sent);
      if (checked.error !== undefined) {
        throw new ClassError(
          'not-in-form',
          `Claim "${sent.itemId}" is not in ${STAGE_NAMES[sent.stage]} you take (form ${form}).`,
        );
      }
      const before = (await this.stmt.answersOf.all(player.id)).filter((answer) => answer.stage === sent.stage);
      if (before.some((answer) => answer.item_id === sent.itemId)) {
        throw new ClassError('check-item-answered', 'That claim of this check has already been answered.');
      }
      await this.stmt.insertAnswer.run({
        playerId: player.id,
        classId: row.id,
        stage: sent.stage,
        form,
        position: before.length,
        itemId: sent.itemId,
        accurate: checked.response.itemAccurate ? 1 : 0,
        judgement: sent.judgement,
        confidence: sent.confidence,
        now: this.now(),
      });
      this.onChange(row.id);
      const total = set.forms[form].length;
      const answered = before.length + 1;
      if (answered < total) return { stage: sent.stage, answered, total };
      const answers = await this.stmt.answersOf.all(player.id);
      const taken = this.takenChecks(set, player, answers).find((check) => check.stage === sent.stage);
      return { stage: sent.stage, answered, total, ...(taken ? { taken } : {}) };
    });
  }

  // ——— The teacher ———

  /**
   * Opens the delayed check (form C) 7 to 28 days after the class was created, and keeps the class at least two
   * weeks from now. Opening it again changes nothing.
   */
  async openDelayed(classId: number): Promise<ClassCheckData> {
    return this.db.run(async () => {
      const row = (await this.stmt.classById.get(classId))!;
      if (!this.setOf(row)) throw checkOff();
      if (row.delayed_check_opened_at === null) {
        const now = this.now();
        const refusal = delayedCheckRefusal(row.created_at, now);
        if (refusal) throw new ClassError(refusal.code, refusal.message);
        await this.stmt.openDelayed.run(now, expiryWithDelayedCheck(row.expires_at, now), row.id);
        this.onChange(row.id);
      }
      return await this.classData(classId);
    });
  }

  /** Every active student's answers, in join order, with the delayed check's state: the host page's figures. */
  async classData(classId: number): Promise<ClassCheckData> {
    const row = (await this.stmt.classById.get(classId))!;
    const set = this.setOf(row);
    const base = {
      delayedOpenedAt: row.delayed_check_opened_at,
      delayedWindow: delayedCheckWindow(row.created_at),
      expiresAt: row.expires_at,
    };
    if (!set) return { enabled: false, ...base, students: [] };
    const byPlayer = new Map<number, AnswerRow[]>();
    for (const answer of await this.stmt.classAnswers.all(classId)) {
      const list = byPlayer.get(answer.player_id) ?? [];
      list.push(answer);
      byPlayer.set(answer.player_id, list);
    }
    const students = (await this.stmt.activePlayers.all(classId)).map((player): StudentChecks => ({
      playerId: player.public_id,
      nickname: player.nickname,
      firstForm: player.check_first_form ?? 'A',
      answers: responsesByStage(byPlayer.get(player.id) ?? []),
    }));
    return { enabled: true, ...base, students };
  }

  /** How many students finished each check, for the dashboard's snapshot; undefined for a class without a check. */
  async progress(classId: number): Promise<CheckProgress | undefined> {
    const row = await this.stmt.classById.get(classId);
    const set = row && this.setOf(row);
    if (!row || !set) return undefined;
    const progress: CheckProgress = { before: 0, after: 0, delayed: 0, answers: 0, delayedOpenedAt: null };
    const formSize = set.forms.A.length;
    for (const entry of await this.stmt.finishedCounts.all(classId)) {
      progress.answers += entry.answers;
      if (entry.answers >= formSize) progress[entry.stage] += 1;
    }
    progress.delayedOpenedAt = row.delayed_check_opened_at;
    return progress;
  }

  /**
   * The CSV rows of each active student's checks (by player row id): one per judged claim, then one summary per
   * check with both kinds of claim answered. Each row has CHECK_CSV_COLUMNS after the round's columns but the language
   * (RESULTS_COLUMNS; the CSV puts the student's language in after the nickname).
   */
  async csvRows(classId: number, nicknames: ReadonlyMap<number, string>): Promise<Map<number, CsvRow[]>> {
    const rows = new Map<number, CsvRow[]>();
    const byPlayer = new Map<number, AnswerRow[]>();
    for (const answer of await this.stmt.classAnswers.all(classId)) {
      const list = byPlayer.get(answer.player_id) ?? [];
      list.push(answer);
      byPlayer.set(answer.player_id, list);
    }
    for (const [playerId, answers] of byPlayer) {
      const nickname = nicknames.get(playerId);
      if (nickname === undefined) continue;
      const lines: CsvRow[] = [];
      for (const stage of CHECK_STAGES) {
        const given = answers.filter((answer) => answer.stage === stage);
        if (given.length === 0) continue;
        for (const answer of given) {
          const correct = (answer.judgement === 'accurate') === (answer.accurate === 1);
          lines.push([
            nickname,
            '',
            '',
            '',
            correct ? 'yes' : 'no',
            '',
            '',
            stage,
            answer.form,
            answer.item_id,
            answer.accurate === 1 ? 'accurate' : 'not-accurate',
            answer.judgement,
            answer.confidence,
            '',
            '',
            '',
            '',
          ]);
        }
        const responses = responsesByStage(given)[stage];
        const [own] = studentMeasures([{ student: nickname, responses }]);
        if (!own) continue;
        const outcomes = countOutcomes(responses);
        lines.push([
          nickname,
          '',
          '',
          '',
          '',
          '',
          '',
          stage,
          given[0]!.form,
          '',
          '',
          '',
          '',
          outcomes.hits,
          outcomes.falseAlarms,
          roundFigure(own.measures.dPrime),
          roundFigure(own.measures.c),
        ]);
      }
      rows.set(playerId, lines);
    }
    return rows;
  }

  /** Forgets a deleted class's parsed check set. */
  forget(classId: number): void {
    for (const key of this.sets.keys()) if (key.startsWith(`${classId}:`)) this.sets.delete(key);
  }

  // ——— Inside ———

  /** A student of a class that has not expired: unlike the round, the after and delayed checks outlive it. */
  private async authPlayer(key: PlayerKey): Promise<{ row: CheckClassRow; player: CheckPlayerRow }> {
    const row = await this.stmt.classById.get(key.classId);
    if (!row || row.expires_at <= this.now()) throw notFound();
    const player = await this.stmt.playerById.get(key.playerRowId);
    if (!player) throw notFound();
    if (player.removed_at !== null) throw new ClassError('removed', 'The teacher has removed you from this class.');
    return { row, player };
  }

  private async lessonState(row: CheckClassRow, player: CheckPlayerRow): Promise<LessonFacts> {
    return {
      started: (await this.stmt.served.get(player.id))!.n > 0,
      lessonOver: player.finished_at !== null || row.status === 'ended',
      delayedOpenedAt: row.delayed_check_opened_at,
    };
  }

  private setOf(row: CheckClassRow): CheckSet | undefined {
    if (row.check_set === null) return undefined;
    const key = `${row.id}:${row.code}`;
    let set = this.sets.get(key);
    if (!set) {
      set = JSON.parse(row.check_set) as CheckSet;
      if (this.sets.size >= MAX_CACHED_SETS) this.sets.clear();
      this.sets.set(key, set);
    }
    return set;
  }

  /** The checks the student has answered every claim of, with each claim's evidence. */
  private takenChecks(set: CheckSet, player: CheckPlayerRow, answers: readonly AnswerRow[]): TakenCheck[] {
    const items = new Map(set.items.map((item) => [item.id, item]));
    return CHECK_STAGES.flatMap((stage): TakenCheck[] => {
      const form = formForStage(player.check_first_form ?? 'A', stage);
      const given = answers.filter((answer) => answer.stage === stage);
      if (given.length < set.forms[form].length) return [];
      return [
        {
          stage,
          form,
          results: given.map((answer) => {
            const item = items.get(answer.item_id)!;
            return {
              itemId: answer.item_id,
              statement: item.statement,
              accurate: answer.accurate === 1,
              judgement: answer.judgement,
              confidence: answer.confidence,
              evidence: item.evidence,
              explanation: item.explanation,
            };
          }),
        },
      ];
    });
  }
}

type CsvRow = (string | number)[];

/** The columns the CSV gains for a class with a check, after the round's own (which stay as they were). */
export const CHECK_CSV_COLUMNS = [
  'check',
  'form',
  'item_id',
  'truth',
  'judgement',
  'confidence',
  'hits',
  'false_alarms',
  'd_prime',
  'c',
] as const;

/** d′ and c in the CSV: four decimals, as numbers (a spreadsheet reads them as such). */
function roundFigure(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A student's stored answers as the measure reads them, per check. */
function responsesByStage(rows: readonly AnswerRow[]): Record<CheckStage, CheckResponse[]> {
  const answers: Record<CheckStage, CheckResponse[]> = { before: [], after: [], delayed: [] };
  for (const row of rows) {
    answers[row.stage].push({
      itemId: row.item_id,
      itemAccurate: row.accurate === 1,
      judgement: row.judgement,
      confidence: row.confidence,
    });
  }
  return answers;
}
