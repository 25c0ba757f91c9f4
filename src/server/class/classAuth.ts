/**
 * Who a request speaks for, found once per request from its code and token (routes/auth.ts runs this before the
 * handler). A key names rows by id only: the service reads them again inside its transaction, so what it acts on
 * is what is stored then. A code that names no class, an expired class and a token that does not fit it are one
 * and the same 404 (notFound), which the failed-lookup limit counts.
 */
import { hashToken, notFound } from './classError';
import type { ClassStore } from './store';

/** The class whose teacher token a request carries. */
export interface TeacherKey {
  readonly classId: number;
}

/** The player whose token a request carries, and their class. */
export interface PlayerKey {
  readonly classId: number;
  readonly playerRowId: number;
  /** The player's public id (the one in paths and on the dashboard). */
  readonly playerId: string;
}

export class ClassAuth {
  private readonly stmt;

  constructor(
    store: ClassStore,
    private readonly now: () => number,
  ) {
    this.stmt = {
      classByTeacher: store.prepare<[string], { id: number; code: string; expires_at: number }>(
        'SELECT id, code, expires_at FROM classes WHERE teacher_token_hash = ?',
      ),
      playerByToken: store.prepare<
        [string],
        { id: number; public_id: string; class_id: number; code: string; expires_at: number }
      >(
        `SELECT players.id, players.public_id, players.class_id, classes.code, classes.expires_at
         FROM players JOIN classes ON classes.id = players.class_id WHERE players.token_hash = ?`,
      ),
    };
  }

  /** The class `code` when `token` is its teacher's and it has not expired. */
  async teacher(code: string, token: string): Promise<TeacherKey> {
    const row = await this.stmt.classByTeacher.get(hashToken(token));
    if (!row || row.code !== code || row.expires_at <= this.now()) throw notFound();
    return { classId: row.id };
  }

  /** The player `playerId` of class `code` when `token` is theirs and the class has not expired. */
  async player(code: string, playerId: string, token: string): Promise<PlayerKey> {
    const row = await this.stmt.playerByToken.get(hashToken(token));
    if (!row || row.code !== code || row.public_id !== playerId || row.expires_at <= this.now()) throw notFound();
    return { classId: row.class_id, playerRowId: row.id, playerId: row.public_id };
  }
}
