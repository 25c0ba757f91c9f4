/** A server challenge's score card: the player's entry as the server scored it, with the challenge's short link. */
import type { ChallengeBoard, ChallengeEntry } from '../core/challengeProtocol';
import type { Translate, Translator } from '../i18n/translator';
import type { ScoreCardFacts } from '../ui/scoreCard';

/** The challenge's own title, or whose it is. */
export function challengeName(board: Pick<ChallengeBoard, 'title' | 'creator'>, t: Translate): string {
  return board.title ?? t('share:challenge.name', { creator: board.creator });
}

/** What the card shows: no grid (the board keeps no answer by answer), the server's word and the link. */
export function challengeCardFacts(
  board: ChallengeBoard,
  entry: ChallengeEntry,
  link: string,
  date: string,
  t: Translate,
): ScoreCardFacts {
  const name = challengeName(board, t);
  return {
    name: entry.nickname,
    label:
      entry.attempt > 1
        ? t('share:challenge.cardLabelPractice', { name, attempt: entry.attempt })
        : t('share:challenge.cardLabel', { name }),
    score: entry.score,
    correct: entry.correct,
    total: entry.total,
    marks: [],
    date,
    link,
  };
}

/** The words the card is shared with: whose score, that the server scored it, and the link to take it. */
export function challengeCardText(
  board: ChallengeBoard,
  entry: ChallengeEntry,
  link: string,
  translator: Translator,
): string {
  const { t } = translator;
  const values = {
    nickname: entry.nickname,
    points: translator.formatNumber(entry.score),
    correct: entry.correct,
    total: entry.total,
    attempt: entry.attempt,
    name: challengeName(board, t),
    link,
  };
  return entry.attempt > 1 ? t('share:challenge.cardTextPractice', values) : t('share:challenge.cardText', values);
}
