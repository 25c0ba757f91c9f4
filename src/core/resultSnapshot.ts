/**
 * The results as a picture to screenshot and post: the score, the right/wrong pattern as squares, the mode and the
 * day, and nothing of the questions (no prompt, no answer), so a posted screenshot gives nothing away. Built from
 * the same numbers as the share text.
 */
import type { Translator } from '../i18n/translator';
import type { ResultMark } from './challenge';
import { localDate } from './localDate';
import type { ModeId } from './modes';
import { dailyDateOf } from './dailyDay';

export interface SnapshotFacts {
  mode: ModeId;
  seed: string;
  score: number;
  correct: number;
  total: number;
  marks: readonly ResultMark[];
  /** The player's local day the round was played on (a daily round names its own day instead). */
  today: string;
  /** A round that was not the player's first try at it (a second daily of the day) says so. */
  replay: boolean;
}

export interface ResultSnapshot {
  /** The mode, and "replay, not a first try" for a replay. */
  round: string;
  day: string;
  score: string;
  correct: string;
  marks: readonly ResultMark[];
  /** The squares in words, for the accessible layer. */
  pattern: string;
}

/** The snapshot's lines in the player's language. */
export function resultSnapshot(facts: SnapshotFacts, translator: Translator): ResultSnapshot {
  const { t } = translator;
  const mode = t(`common:mode.${facts.mode}.title`);
  const day = facts.mode === 'daily' ? (dailyDateOf(facts.seed) ?? facts.today) : facts.today;
  return {
    round: facts.replay ? t('share:snapshot.replayRound', { mode }) : mode,
    day: localDate(translator, day),
    score: t('share:snapshot.score', { points: translator.formatNumber(facts.score) }),
    correct: t('share:snapshot.correct', { correct: facts.correct, total: facts.total }),
    marks: facts.marks,
    pattern: t('share:snapshot.pattern', {
      marks: facts.marks.map((mark) => t(`share:snapshot.mark.${mark}`)).join(', '),
    }),
  };
}
