/**
 * The class's results as a table for a spreadsheet: one row per player per question (the language the student
 * played in, the question's id and its English text, the answer chosen in English, "time's up" when the time ran
 * out, right or not, the time and the points), then one total row per player. The text stays the bank's English
 * whatever language a student read it in, so the rows of one question read alike; the id names it in any language.
 */
import type { Question } from '../../core/types';

export const RESULTS_COLUMNS = [
  'nickname',
  'language',
  'question_id',
  'question',
  'chosen_answer',
  'correct',
  'time_ms',
  'points',
] as const;

/** What a time-out is written as, in the chosen-answer column. */
export const TIME_UP_TEXT = "time's up";
/** The question-id column of a player's total row. */
export const TOTAL_ROW_ID = 'TOTAL';

interface ResultsPlayer {
  nickname: string;
  language: string;
  score: number;
}

interface ResultsTurn {
  answered_at: number | null;
  choice_index: number | null;
  timed_out: 0 | 1;
  correct: 0 | 1 | null;
  elapsed_ms: number | null;
  points: number | null;
}

export function resultsTable<P extends ResultsPlayer>(
  items: readonly { question: Question }[],
  players: readonly P[],
  turnOf: (player: P, position: number) => ResultsTurn | undefined,
): (string | number)[][] {
  const lines: (string | number)[][] = [[...RESULTS_COLUMNS]];
  const totals: (string | number)[][] = [];
  for (const player of players) {
    let right = 0;
    let time = 0;
    let answered = 0;
    items.forEach(({ question }, position) => {
      const turn = turnOf(player, position);
      if (!turn || turn.answered_at === null) {
        lines.push([player.nickname, player.language, question.id, question.prompt, '', '', '', '']);
        return;
      }
      answered += 1;
      right += turn.correct ? 1 : 0;
      time += turn.elapsed_ms ?? 0;
      const chosen =
        turn.timed_out === 1 || turn.choice_index === null
          ? TIME_UP_TEXT
          : (question.choices[turn.choice_index]?.text ?? '');
      lines.push([
        player.nickname,
        player.language,
        question.id,
        question.prompt,
        chosen,
        turn.correct ? 'yes' : 'no',
        turn.elapsed_ms ?? 0,
        turn.points ?? 0,
      ]);
    });
    // The total's "question" cell says what it adds up; its correct cell is a count, for the spreadsheet to sum.
    totals.push([
      player.nickname,
      player.language,
      TOTAL_ROW_ID,
      `${answered} of ${items.length} questions answered`,
      '',
      right,
      time,
      player.score,
    ]);
  }
  return [...lines, ...totals];
}
