/** Builds a round from the bank: same seed + same settings ⇒ same questions, order and choice order. */
import { createRng, shuffle, type RngState } from './rng';
import type { RoundSettings } from './roundSettings';
import { QUESTION_KINDS, type Difficulty, type Question, type QuestionKind } from './types';

export { DEFAULT_ROUND_SETTINGS, DIFFICULTY_ORDERS, type DifficultyOrder, type RoundSettings } from './roundSettings';

export interface PlannedQuestion {
  questionId: string;
  /** choiceOrder[position] = index of the choice in the question's own list. */
  choiceOrder: number[];
  /** null when the timer is off. */
  timeLimitMs: number | null;
}

export interface RoundPlan {
  seed: string;
  settings: RoundSettings;
  questions: PlannedQuestion[];
}

/** A question's time under the round's timer: its own time (or the round's), scaled; null without a timer. */
export function questionTimeLimitMs(
  question: Pick<Question, 'timeLimitSec'>,
  settings: Pick<RoundSettings, 'timeLimitSec' | 'timeScale'>,
): number | null {
  const seconds = settings.timeLimitSec === null ? null : (question.timeLimitSec ?? settings.timeLimitSec);
  return seconds === null ? null : Math.round(seconds * settings.timeScale * 1000);
}

/** Share of each difficulty in a round, easy first: the round ramps up. */
const DIFFICULTY_SHARE: Record<Difficulty, number> = { 1: 0.4, 2: 0.35, 3: 0.25 };

/** Takes questions round-robin across topics, so one topic cannot fill a round. */
function interleaveByTopic(rng: RngState, questions: readonly Question[]): [Question[], RngState] {
  const byTopic = new Map<string, Question[]>();
  for (const question of questions) {
    const list = byTopic.get(question.topic) ?? [];
    list.push(question);
    byTopic.set(question.topic, list);
  }
  const [topicOrder, next] = shuffle(rng, [...byTopic.keys()].sort());
  const result: Question[] = [];
  for (let depth = 0; result.length < questions.length; depth += 1) {
    for (const topic of topicOrder) {
      const item = byTopic.get(topic)![depth];
      if (item) result.push(item);
    }
  }
  return [result, next];
}

/** The questions of any of the given kinds; every question when none is given (a question without a kind too). */
export function questionsOfKinds(bank: readonly Question[], kinds: readonly QuestionKind[] = []): Question[] {
  if (kinds.length === 0) return [...bank];
  return bank.filter((question) => question.kind !== undefined && kinds.includes(question.kind));
}

/** What each kind of question is called on screen (the Topics screen, the teacher's page). */
export const KIND_TITLES: Record<QuestionKind, string> = {
  recall: 'Recall',
  arithmetic: 'Dates and days',
  'claim-check': 'Check a claim',
  'source-choice': 'Which source settles it',
  'who-speaks': 'Who is speaking',
  'what-is-missing': 'What is missing',
  compare: 'Compare',
  'claim-or-opinion': 'Claim or opinion',
};

/** Each kind of question described for a teacher: the host page's set-up form and class summary. */
export const KIND_DESCRIPTIONS: Record<QuestionKind, string> = {
  recall: 'Find what a document says',
  arithmetic: 'Count days or orders between documents',
  'claim-check': 'Judge a claim against the sources',
  'source-choice': 'Pick the document that settles a claim',
  'who-speaks': 'Tell who is speaking, and why',
  'what-is-missing': 'Notice what a passage leaves out',
  compare: 'Compare two descriptions side by side',
  'claim-or-opinion': 'Tell a claim from an opinion or forecast',
};

/** How many questions of each kind a bank holds, in the documented order, leaving out kinds it has none of. */
export function kindCounts(bank: readonly Question[]): { kind: QuestionKind; count: number }[] {
  return QUESTION_KINDS.map((kind) => ({
    kind,
    count: bank.filter((question) => question.kind === kind).length,
  })).filter((entry) => entry.count > 0);
}

/**
 * Draws a round. `settings.kinds` narrows the pool to those kinds of question (a round of who-speaks and
 * source-choice questions, say); left empty, seeds give the rounds they gave before kinds existed.
 */
export function buildRound(bank: readonly Question[], settings: RoundSettings, seed: string): RoundPlan {
  // The defaults add nothing to the hashed seed, so seeds made before these settings existed give the same round.
  // The mode itself is left out: a practice round of a seed asks the same questions as its classic round.
  const order = settings.difficulty === 'easy-first' ? '' : `|${settings.difficulty}`;
  const claims = settings.claimsOnly ? '|claims' : '';
  const kinds = settings.kinds && settings.kinds.length > 0 ? `|kinds:${[...settings.kinds].sort().join(',')}` : '';
  let rng = createRng(`${seed}|${settings.questionCount}|${settings.topics.join(',')}${order}${claims}${kinds}`);
  const eligible = questionsOfKinds(bank, settings.kinds)
    .filter((question) => settings.topics.length === 0 || settings.topics.includes(question.topic))
    .filter((question) => !settings.claimsOnly || question.claim !== undefined)
    .filter((question) => settings.difficulty !== 'hard-only' || question.difficulty === 3)
    .slice()
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const count = Math.max(0, Math.min(settings.questionCount, eligible.length));

  const [shuffled, afterShuffle] = shuffle(rng, eligible);
  rng = afterShuffle;
  const pools = new Map<Difficulty, Question[]>();
  for (const level of [1, 2, 3] as const) {
    let pool: Question[];
    [pool, rng] = interleaveByTopic(
      rng,
      shuffled.filter((question) => question.difficulty === level),
    );
    pools.set(level, pool);
  }

  // Take each difficulty's share, then fill any shortfall from whatever is left, easiest first.
  const picked: Question[] = [];
  const targets: [Difficulty, number][] = [
    [1, Math.round(count * DIFFICULTY_SHARE[1])],
    [2, Math.round(count * DIFFICULTY_SHARE[2])],
  ];
  targets.push([3, count - targets[0]![1] - targets[1]![1]]);
  for (const [level, target] of targets) picked.push(...pools.get(level)!.slice(0, Math.max(0, target)));
  const leftovers = [1, 2, 3].flatMap((level) => pools.get(level as Difficulty)!.filter((q) => !picked.includes(q)));
  picked.push(...leftovers.slice(0, count - picked.length));
  let ordered: Question[];
  if (settings.difficulty === 'easy-first') ordered = [...picked].sort((a, b) => a.difficulty - b.difficulty);
  else [ordered, rng] = shuffle(rng, picked);

  const questions: PlannedQuestion[] = [];
  for (const question of ordered.slice(0, count)) {
    let choiceOrder: number[];
    [choiceOrder, rng] = shuffle(
      rng,
      question.choices.map((_, index) => index),
    );
    questions.push({ questionId: question.id, choiceOrder, timeLimitMs: questionTimeLimitMs(question, settings) });
  }
  return { seed, settings, questions };
}
