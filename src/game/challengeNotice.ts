/**
 * Why a challenge link cannot be played, as data: the title words it in the language in use when it shows it (the
 * link is read before the language's strings are here, and the player may switch language before the title).
 */
import type { LinkProblem } from '../core/challenge';
import type { Translate } from '../i18n/translator';

export type ChallengeNotice =
  /** The link itself is refused; `sender` when that part of it survived (the player knows whom to ask). */
  | { kind: 'broken'; problem: LinkProblem; field?: string; sender?: string }
  /** The link's reader could not be downloaded. */
  | { kind: 'noReader' }
  /** Made with another version of the questions. */
  | { kind: 'otherBank' }
  /** Names topics this game does not have. */
  | { kind: 'unknownTopics' };

export function challengeNoticeText(notice: ChallengeNotice, t: Translate): string {
  switch (notice.kind) {
    case 'broken': {
      const reason = t(`share:link.problem.${notice.problem}`, { field: notice.field ?? '' });
      return notice.sender
        ? t('share:link.brokenFrom', { sender: notice.sender, reason })
        : t('share:link.broken', { reason });
    }
    case 'noReader':
      return t('share:link.noReader');
    case 'otherBank':
      return t('share:link.otherBank');
    case 'unknownTopics':
      return t('share:link.unknownTopics');
  }
}
