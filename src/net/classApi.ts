/**
 * The class server's API as the game and the host page call it. Tokens go in the Authorization header only.
 * Every failure becomes a ClassApiError: status 0 when the server could not be reached at all.
 */
import {
  bearer,
  MAX_KEPT_CLASSES,
  type AnswerOutcome,
  type ClassInfo,
  type ClassSettings,
  type CreatedClass,
  type DashboardSnapshot,
  type JoinedClass,
  type LiveBoard,
  type KeptClass,
  type PendingOutcome,
  type PlayerView,
  type ServerInfo,
} from '../core/classProtocol';
import type { LiveCommand } from '../core/liveLesson';
import type { CheckAnswerReply, CheckStage, ClassCheckData, PlayerCheckView } from '../core/classCheck';
import type { CheckJudgement, Confidence } from '../core/discernment';
import type { Language } from '../core/languages';
import type { TimeAccommodation } from '../core/timeAccommodation';
import type { QuestionKind, Topic } from '../core/types';

export class ClassApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server sent for a page to word the refusal in its own language, unchecked. */
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The server could not be reached, or answered with something that is not the class server. */
  get unreachable(): boolean {
    return this.status === 0 || this.code === 'no-server';
  }
}

export interface PlayerKey {
  code: string;
  playerId: string;
  token: string;
}

/** The URL of an API path, relative to the page (the game and the API share one origin). */
export function apiUrl(path: string, base: string = document.baseURI): string {
  return new URL(`api/${path}`, base).href;
}

export class ClassApi {
  constructor(private readonly base: string = document.baseURI) {}

  url(path: string): string {
    return apiUrl(path, this.base);
  }

  protected async call<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = bearer(options.token);
    let body: string | undefined;
    if (options.body !== undefined || method === 'POST') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body ?? {});
    }
    let response: Response;
    try {
      response = await fetch(this.url(path), { method, headers, body, credentials: 'omit', cache: 'no-store' });
    } catch {
      throw new ClassApiError(0, 'offline', 'The class server could not be reached. Check the connection.');
    }
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) {
      // A static host answers /api/… with its own page or a plain 404: there is no class server here.
      if (response.ok || response.status === 404 || response.status === 405) {
        throw new ClassApiError(response.status, 'no-server', 'There is no class server here.');
      }
      throw new ClassApiError(response.status, 'bad-response', `The class server answered ${response.status}.`);
    }
    const data = (await response.json().catch(() => undefined)) as
      { error?: unknown; message?: unknown; details?: unknown } | undefined;
    if (!response.ok) {
      const code = typeof data?.error === 'string' ? data.error : 'error';
      const message =
        typeof data?.message === 'string' ? data.message : `The class server answered ${response.status}.`;
      throw new ClassApiError(response.status, code, message, data?.details);
    }
    return data as T;
  }

  /** True when a class server answers here (false on a static host or with no connection). */
  async available(): Promise<boolean> {
    try {
      const health = await this.call<{ ok?: unknown }>('GET', 'health');
      return health?.ok === true;
    } catch {
      return false;
    }
  }

  serverInfo(): Promise<ServerInfo> {
    return this.call('GET', 'server-info');
  }

  /** The bank's topics and kinds of question, each with how many questions it holds and how many are class-only. */
  topics(): Promise<{
    topics: (Topic & { questions: number; classOnlyQuestions: number })[];
    kinds: { kind: QuestionKind; questions: number; classOnlyQuestions: number }[];
  }> {
    return this.call('GET', 'topics');
  }

  /** `ownQuestions`: the teacher's checked questions as YAML, played instead of the bank's (see host/ownQuestions.ts). */
  createClass(
    settings: ClassSettings,
    holdStart: boolean,
    ownQuestions?: { fileName: string; yaml: string },
  ): Promise<CreatedClass> {
    return this.call('POST', 'classes', {
      body: { ...settings, holdStart, ...(ownQuestions ? { ownQuestions } : {}) },
    });
  }

  classInfo(code: string): Promise<ClassInfo> {
    return this.call('GET', `classes/${encodeURIComponent(code)}`);
  }

  /**
   * `asksForMoreTime` puts the student's request for extended time on the teacher's roster; `language` is the one
   * they play in (the teacher's CSV lists it, and the verdicts' words come in it).
   */
  join(code: string, nickname: string, asksForMoreTime = false, language?: Language): Promise<JoinedClass> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/players`, {
      body: { nickname, ...(asksForMoreTime ? { asksForMoreTime } : {}), ...(language ? { language } : {}) },
    });
  }

  view(key: PlayerKey): Promise<PlayerView> {
    return this.call('GET', playerPath(key), { token: key.token });
  }

  next(key: PlayerKey): Promise<PlayerView> {
    return this.call('POST', `${playerPath(key)}/next`, { token: key.token });
  }

  /**
   * The verdict, or only that the answer is in when the class reveals answers once a question is settled.
   * `language`: the one the student plays in now, which the server keeps and words the verdict in.
   */
  answer(
    key: PlayerKey,
    position: number,
    choice: number,
    language?: Language,
  ): Promise<AnswerOutcome | PendingOutcome> {
    return this.call('POST', `${playerPath(key)}/answers`, {
      token: key.token,
      body: { position, choice, ...(language ? { language } : {}) },
    });
  }

  /** The student leaves the class ("Leave the class", confirmed): the server removes them. */
  leave(key: PlayerKey): Promise<void> {
    return this.call('DELETE', `${playerPath(key)}/seat`, { token: key.token });
  }

  /** The classes a device created (code and teacher token each) that the server still has, with status and dates. */
  async keptClasses(kept: readonly { code: string; token: string }[]): Promise<KeptClass[]> {
    const classes = kept.slice(0, MAX_KEPT_CLASSES).map(({ code, token }) => ({ code, token }));
    return (await this.call<{ classes: KeptClass[] }>('POST', 'classes/kept', { body: { classes } })).classes;
  }

  dashboard(code: string, token: string): Promise<DashboardSnapshot> {
    return this.call('GET', `classes/${encodeURIComponent(code)}/dashboard`, { token });
  }

  /** A teacher's command on a live lesson (Next, Show answer, Pause, Resume, Skip, End); the projector's board after it. */
  live(code: string, token: string, command: LiveCommand): Promise<LiveBoard> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/live`, { token, body: { command } });
  }

  /** The teacher's "Lock joining": while locked, no new player can join the class. */
  lockJoining(code: string, token: string, locked: boolean): Promise<ClassInfo> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/lock-joining`, { token, body: { locked } });
  }

  start(code: string, token: string): Promise<ClassInfo> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/start`, { token });
  }

  end(code: string, token: string): Promise<ClassInfo> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/end`, { token });
  }

  hideScores(code: string, token: string, hideScores: boolean): Promise<ClassInfo> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/hide-scores`, { token, body: { hideScores } });
  }

  /** One student's extended time in the class, from the question they are on. */
  setTime(code: string, token: string, playerId: string, accommodation: TimeAccommodation): Promise<void> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/players/${encodeURIComponent(playerId)}/time`, {
      token,
      body: { accommodation },
    });
  }

  removePlayer(code: string, token: string, playerId: string): Promise<void> {
    return this.call('DELETE', `classes/${encodeURIComponent(code)}/players/${encodeURIComponent(playerId)}`, {
      token,
    });
  }

  /** Deletes the class with every player and answer in it, at once (the host page's "Delete this class"). */
  deleteClass(code: string, token: string): Promise<void> {
    return this.call('DELETE', `classes/${encodeURIComponent(code)}`, { token });
  }

  /** Deletes one player's nickname, answers and totals, at once (a family's request to delete their data). */
  erasePlayer(code: string, token: string, playerId: string): Promise<void> {
    return this.call('DELETE', `classes/${encodeURIComponent(code)}/players/${encodeURIComponent(playerId)}/data`, {
      token,
    });
  }

  /** The student's learning check: the check open to them now, and those they finished. */
  playerCheck(key: PlayerKey): Promise<PlayerCheckView> {
    return this.call('GET', `${playerPath(key)}/check`, { token: key.token });
  }

  /** One judged claim of the student's check; the results come with the last one. */
  checkAnswer(
    key: PlayerKey,
    answer: { stage: CheckStage; itemId: string; judgement: CheckJudgement; confidence: Confidence },
  ): Promise<CheckAnswerReply> {
    return this.call('POST', `${playerPath(key)}/check-answers`, { token: key.token, body: answer });
  }

  /** Every student's check answers, for the host page's figures. */
  classChecks(code: string, token: string): Promise<ClassCheckData> {
    return this.call('GET', `classes/${encodeURIComponent(code)}/checks`, { token });
  }

  /** Opens the delayed check (7 to 28 days after the class was created). */
  openDelayedCheck(code: string, token: string): Promise<ClassCheckData> {
    return this.call('POST', `classes/${encodeURIComponent(code)}/delayed-check`, { token });
  }

  /** The results as CSV text (the page turns it into a download). */
  async resultsCsv(code: string, token: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(this.url(`classes/${encodeURIComponent(code)}/results.csv`), {
        headers: { authorization: bearer(token) },
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new ClassApiError(0, 'offline', 'The class server could not be reached. Check the connection.');
    }
    if (!response.ok)
      throw new ClassApiError(response.status, 'error', `The class server answered ${response.status}.`);
    return response.text();
  }
}

function playerPath(key: PlayerKey): string {
  return `classes/${encodeURIComponent(key.code)}/players/${encodeURIComponent(key.playerId)}`;
}
