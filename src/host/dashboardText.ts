/** What the teacher's dashboard says: its display rules as plain functions of the class's data (no DOM). */
import type { AnswerReveal, ClassInfo, ClassPool, DashboardSnapshot } from '../core/classProtocol';
import type { CalibrationFit } from '../core/reports';
import { formatLongDate } from '../core/dates';
import type { QuestionKind } from '../core/types';
import type { LiveMode } from '../net/liveStream';
import { hostTranslator, t } from './hostLanguage';

/** The live connection's state, beside the class's status line. */
export function liveModeText(mode: LiveMode): string {
  return t(`host:liveMode.${mode}`);
}

/** The verdict on one row of the confidence table. */
export function fitText(fit: CalibrationFit): string {
  return t(`host:fit.${fit}`);
}

/** A kind of question as the set-up form and the settings list name it. */
export function kindText(kind: QuestionKind): string {
  return t(`host:kind.${kind}`);
}

/** "1 player", "3 questions", "2 answers", by the language's plural rules. */
export function count(n: number, what: 'player' | 'question' | 'answer'): string {
  return t(`host:count.${what}`, { count: n });
}

/** A rate as a whole percentage, or "—" when nothing was asked. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : hostTranslator().formatNumber(rate, { style: 'percent', maximumFractionDigits: 0 });
}

/** "Playing · 12 players · 3 finished · 10 questions · 20 s each". */
export function statusLine(snapshot: DashboardSnapshot): string {
  const { class: info, players } = snapshot;
  const finished = players.filter((player) => player.finished).length;
  const state = {
    lobby: t('host:status.lobby', { joined: players.length }),
    open: t('host:status.open', { players: count(players.length, 'player'), finished }),
    ended: t('host:status.ended', { players: count(players.length, 'player') }),
  }[info.status];
  const time =
    info.timeLimitSec === null
      ? t('host:status.noTimeLimit')
      : t('host:status.seconds', { seconds: info.timeLimitSec });
  return t('host:status.line', { state, questions: count(info.questionCount, 'question'), time });
}

/** A player's progress in the roster: " 3 / 10", or " done". */
export function progressText(player: { answered: number; finished: boolean }, total: number): string {
  return player.finished ? ` ${t('host:roster.done')}` : ` ${player.answered} / ${total}`;
}

/** A player's score in the roster, or a dash while scores are hidden. */
export function scoreText(score: number, hidden: boolean): string {
  return hidden ? '—' : hostTranslator().formatNumber(score);
}

/** What "verified" means wherever scores are shown, and what it does not mean. */
export function verifiedMeaning(): string {
  return t('host:verified.meaning');
}

export function leaderboardNote(hidden: boolean): string {
  return hidden ? t('host:verified.hidden') : t('host:verified.note');
}

/** The Lock joining toggle's state, said plainly. */
export function joiningText(locked: boolean): string {
  return locked ? t('host:joining.locked') : t('host:joining.open');
}

/** A choice of where the questions come from. */
export function poolText(pool: ClassPool): string {
  return t(`host:pool.${pool}`);
}

/** A choice of when students see the answer. */
export function revealText(reveal: AnswerReveal): string {
  return t(`host:reveal.${reveal}`);
}

/** A pool choice with how many questions it holds over the ticked topics (all topics when none is ticked). */
export function poolChoiceText(
  pool: ClassPool,
  topics: readonly { id: string; questions: number; classOnlyQuestions: number }[],
  ticked: readonly string[],
): string {
  const chosen = ticked.length === 0 ? topics : topics.filter((topic) => ticked.includes(topic.id));
  const held = chosen.reduce(
    (sum, topic) => sum + (pool === 'class-only' ? topic.classOnlyQuestions : topic.questions),
    0,
  );
  return t('host:setup.withCount', { text: poolText(pool), held: count(held, 'question') });
}

/** The class's settings in a few lines, for the dashboard's summary. */
export function settingsLines(info: ClassInfo): string[] {
  return [
    t('host:settings.pool', { pool: t(`host:settings.poolIs.${info.pool}`) }),
    t('host:settings.kinds', {
      kinds: info.kinds.length === 0 ? t('host:settings.allKinds') : info.kinds.map(kindText).join('; '),
    }),
    t('host:settings.reveal', { reveal: t(`host:settings.revealIs.${info.answerReveal}`) }),
    t('host:settings.nicknames', {
      nicknames: info.generatedNicknamesOnly ? t('host:settings.generatedOnly') : t('host:settings.ownNicknames'),
    }),
  ];
}

/**
 * Whether a saved teacher link the server refused should be forgotten: only a 404 (the code is gone or the token
 * does not fit it) says it never will work again; a 429 or a lost connection may pass.
 */
export function savedClassIsDead(status: number): boolean {
  return status === 404;
}

/** Why the page forgot the class it had saved. */
export function droppedClassText(code: string): string {
  return t('host:page.droppedClass', { code });
}

/** The button that opens a finished class on request: "Show the last class (ABC234, ended 6 Dec 2026)". */
export function lastClassText(code: string, endedAt: number | null): string {
  return endedAt === null
    ? t('host:page.lastClass', { code })
    : t('host:page.lastClassEnded', { code, date: shortDate(endedAt) });
}

/** A day as a list of classes shows it: "6 Dec 2026", "6 dic 2026". */
export function shortDate(time: number): string {
  const translator = hostTranslator();
  // English keeps the day-first short date the page has always shown.
  return new Date(time).toLocaleDateString(translator.language === 'en' ? 'en-GB' : translator.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** A document's date in words: "6 August 2020", "6 de agosto de 2020". */
export function longDate(iso: string): string {
  const translator = hostTranslator();
  // English keeps the day-first date the game's reveal shows.
  return translator.language === 'en' ? formatLongDate(iso) : translator.formatDate(iso);
}

/** Which answers the skills panel counts so far; it never counts a question some player has still to answer. */
export function skillsCoverage(
  summary: { skills: readonly { asked: number }[]; players: number; questionsCounted: number },
  info: { status: DashboardSnapshot['class']['status']; questionCount: number },
): string {
  const asked = summary.skills.reduce((sum, row) => sum + row.asked, 0);
  const ended = info.status === 'ended';
  if (asked === 0) {
    return ended ? t('host:skills.nobodyAnswered') : t('host:skills.nothingYet');
  }
  if (ended) return t('host:skills.ended', { players: count(summary.players, 'player') });
  if (summary.questionsCounted >= info.questionCount) {
    return t('host:skills.allPast', { total: info.questionCount });
  }
  return t('host:skills.somePast', { counted: summary.questionsCounted, total: info.questionCount });
}

/** Under a question's tally: how many answered, and how many ran out of time. */
export function answeredNote(question: { answered: number; timedOut: number }): string {
  return question.timedOut > 0
    ? t('host:tally.answeredTimedOut', { answered: question.answered, timedOut: question.timedOut })
    : t('host:tally.answered', { answered: question.answered });
}
