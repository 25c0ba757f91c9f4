/** What a student's phone says during a live lesson, while the class looks at the projector. */
import type { LivePlayerStatus } from '../core/classProtocol';

export const LOOK_AT_THE_SCREEN = 'Look at the screen';

/** "1st", "22nd", "13th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "You are 3rd of 25", or nothing while the place is not known (or the teacher hides scores). */
export function rankLine(live: LivePlayerStatus | undefined): string {
  return live?.rank ? `You are ${ordinal(live.rank)} of ${live.players}` : '';
}

/** What the projector shows now, in a line for the phone. */
export function watchLine(live: LivePlayerStatus | undefined): string {
  switch (live?.phase) {
    case 'question':
      // Their own time is up while the question stays open for students with extended time.
      return "Time's up. The answer comes up on the screen when the question closes.";
    case 'answer':
      return 'How the class answered is on the screen.';
    case 'evidence':
      return 'The source that settles it is on the screen.';
    case 'leaderboard':
      return 'The leaderboard is on the screen.';
    default:
      return 'The next question comes up here when your teacher moves on.';
  }
}
