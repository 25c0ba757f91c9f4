/** A server challenge's score card: the player's entry as the server scored it, with the challenge's short link. */
import type { ChallengeBoard, ChallengeEntry } from '../core/challengeProtocol';
import type { ScoreCardFacts } from '../ui/scoreCard';

/** The challenge's own title, or whose it is. */
export function challengeName(board: Pick<ChallengeBoard, 'title' | 'creator'>): string {
  return board.title ?? `${board.creator}’s challenge`;
}

/** What the card shows: no grid (the board keeps no answer by answer), the server's word and the link. */
export function challengeCardFacts(
  board: ChallengeBoard,
  entry: ChallengeEntry,
  link: string,
  date: string,
): ScoreCardFacts {
  const practice = entry.attempt > 1 ? ` · practice, try ${entry.attempt}` : '';
  return {
    name: entry.nickname,
    label: `${challengeName(board)} · scored by the server${practice}`,
    score: entry.score,
    correct: entry.correct,
    total: entry.total,
    marks: [],
    date,
    link,
  };
}

/** The words the card is shared with: whose score, that the server scored it, and the link to take it. */
export function challengeCardText(board: ChallengeBoard, entry: ChallengeEntry, link: string): string {
  const practice = entry.attempt > 1 ? ` (practice, try ${entry.attempt})` : '';
  return (
    `${entry.nickname}: ${entry.score.toLocaleString('en-US')} points, ${entry.correct}/${entry.total} right` +
    `${practice} on ${challengeName(board)}, timed and scored by the Source Check server. Take it: ${link}`
  );
}
