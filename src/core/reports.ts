/**
 * What a played round says about the player: how well their confidence matched their answers (calibration),
 * whether they are fooled more by false claims or by true ones (discernment), which SIFT skill needs work, and
 * where the questions sit in time. Plain functions over the questions and the answer log, so the game's results
 * screen and a class server's dashboard tell the same story from the same data.
 */
import { isFalseClaim, isJudgementRight, isTrueClaim, JUDGEMENT_FOR_VERDICT, type ClaimJudgement } from './claims';
import { dayNumber, isIsoDate } from './dates';
import type { AnswerRecord } from './session';
import { MIN_ITEMS_TO_COMPARE, TIMELINE_END, TIMELINE_START, TIP_PROMPT_CHARS } from './settings';
import { SKILLS, type BankBundle, type Question, type Skill } from './types';
import { BEST_CONFIDENCE_RANGES, CONFIDENCE_LEVELS, type Confidence } from './wager';

/** What the reports read of one answer. A session's AnswerRecord has it; a server can build it from its rows. */
export type LoggedAnswer = Pick<AnswerRecord, 'questionId' | 'correct'> &
  Partial<Pick<AnswerRecord, 'claimJudgement' | 'wager'>>;

/** A played round: its questions in the order asked and its log (a finished SessionState is one). */
export interface PlayedRound {
  questions: readonly Question[];
  log: readonly LoggedAnswer[];
}

export interface Tally {
  asked: number;
  right: number;
  /** right / asked, or null when nothing was asked. */
  rate: number | null;
}

function tally(results: readonly boolean[]): Tally {
  const right = results.filter(Boolean).length;
  return { asked: results.length, right, rate: results.length === 0 ? null : right / results.length };
}

function sumTallies(tallies: readonly Tally[]): Tally {
  const asked = tallies.reduce((sum, item) => sum + item.asked, 0);
  const right = tallies.reduce((sum, item) => sum + item.right, 0);
  return { asked, right, rate: asked === 0 ? null : right / asked };
}

/** The log's answers with their questions, and each answer's place in the round (1-based). */
function answered(
  questions: readonly Question[],
  log: readonly LoggedAnswer[],
): { question: Question; entry: LoggedAnswer; position: number }[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  return log.flatMap((entry, index) => {
    const question = byId.get(entry.questionId);
    return question ? [{ question, entry, position: index + 1 }] : [];
  });
}

// ---------------------------------------------------------------- calibration

/** over: right less often than the level pays for; under: right often enough for a surer level. */
export type CalibrationFit = 'fits' | 'over-confident' | 'under-confident' | 'too-few';

export interface CalibrationRow extends Tally {
  confidence: Confidence;
  /** The share of right answers for which this level pays most on average. */
  bestFor: { from: number; to: number };
  fit: CalibrationFit;
}

/** For Sure, Think so and Guessing: how many answers were given so, and how many of those were right. */
export function calibrationReport(round: Pick<PlayedRound, 'log'>): CalibrationRow[] {
  return CONFIDENCE_LEVELS.map((confidence) => {
    const counts = tally(
      round.log.filter((entry) => entry.wager?.confidence === confidence).map((entry) => entry.correct),
    );
    const bestFor = BEST_CONFIDENCE_RANGES[confidence];
    let fit: CalibrationFit = 'fits';
    if (counts.asked < MIN_ITEMS_TO_COMPARE) fit = 'too-few';
    else if (counts.rate! < bestFor.from) fit = 'over-confident';
    else if (counts.rate! > bestFor.to) fit = 'under-confident';
    return { confidence, ...counts, bestFor, fit };
  });
}

// ---------------------------------------------------------------- discernment

export type DiscernmentSide = 'true-claims' | 'false-claims';
/** even: the same rate on both; not-enough: fewer than MIN_ITEMS_TO_COMPARE of one kind. */
export type DiscernmentOutcome = DiscernmentSide | 'even' | 'not-enough';

export const DISCERNMENT_MESSAGES: Record<DiscernmentOutcome, string> = {
  'false-claims':
    'False or misleading claims caught you out more often than true ones: check a claim against its source before you believe it.',
  'true-claims':
    'True claims tripped you up more often than false ones: a surprising claim can still be right, so check it rather than reject it.',
  even: 'You did as well on true claims as on false or misleading ones.',
  'not-enough': `Not enough questions to tell: it takes at least ${MIN_ITEMS_TO_COMPARE} true and ${MIN_ITEMS_TO_COMPARE} false or misleading claims.`,
};

export interface DiscernmentReport {
  /** Answers to questions that confirm a true claim, and to those that expose a false or misleading one. */
  answers: { trueClaims: Tally; falseClaims: Tally };
  /** Claim judgements of a fact-check round, by what the claim called for; null when none were made. */
  judgements: { trueClaims: Tally; falseClaims: Tally; unsupported: Tally } | null;
  /** Judgements decide when there are any (they ask the question directly); answers otherwise. */
  basis: 'answers' | 'judgements';
  weaker: DiscernmentOutcome;
  message: string;
}

function weakerSide(trueClaims: Tally, falseClaims: Tally): DiscernmentOutcome {
  if (trueClaims.asked < MIN_ITEMS_TO_COMPARE || falseClaims.asked < MIN_ITEMS_TO_COMPARE) return 'not-enough';
  // Compared as fractions by cross-multiplying, so 1/2 and 2/4 are equal.
  const difference = trueClaims.right * falseClaims.asked - falseClaims.right * trueClaims.asked;
  if (difference === 0) return 'even';
  return difference < 0 ? 'true-claims' : 'false-claims';
}

function discernmentFrom(
  answers: DiscernmentReport['answers'],
  judgements: DiscernmentReport['judgements'],
): DiscernmentReport {
  const basis = judgements === null ? 'answers' : 'judgements';
  const decisive = judgements ?? answers;
  const weaker = weakerSide(decisive.trueClaims, decisive.falseClaims);
  return { answers, judgements, basis, weaker, message: DISCERNMENT_MESSAGES[weaker] };
}

/**
 * Accuracy on true claims against accuracy on false or misleading ones, and which the player is weaker at.
 * A true claim is a surprising fact or a claim the sources bear out (isTrueClaim); unsupported claims are
 * neither, and count only in the judgements.
 */
export function discernmentReport(round: PlayedRound): DiscernmentReport {
  const items = answered(round.questions, round.log);
  const answers = {
    trueClaims: tally(items.filter(({ question }) => isTrueClaim(question)).map(({ entry }) => entry.correct)),
    falseClaims: tally(items.filter(({ question }) => isFalseClaim(question)).map(({ entry }) => entry.correct)),
  };
  const judged: Record<ClaimJudgement, boolean[]> = { accurate: [], inaccurate: [], 'cannot-tell': [] };
  for (const { question, entry } of items) {
    const verdict = question.claim?.verdict;
    if (entry.claimJudgement === undefined || verdict === undefined) continue;
    judged[JUDGEMENT_FOR_VERDICT[verdict]].push(isJudgementRight(question, entry.claimJudgement)!);
  }
  const anyJudged = Object.values(judged).some((results) => results.length > 0);
  return discernmentFrom(
    answers,
    anyJudged
      ? {
          trueClaims: tally(judged.accurate),
          falseClaims: tally(judged.inaccurate),
          unsupported: tally(judged['cannot-tell']),
        }
      : null,
  );
}

// ---------------------------------------------------------------- skills

export const SKILL_NAMES: Record<Skill, string> = {
  stop: 'Stop',
  'investigate-source': 'Investigate the source',
  'find-better-coverage': 'Find better coverage',
  'trace-claims': 'Trace claims to the original',
};

/** One tip per SIFT move, for the skill a round shows to be weakest. */
export const SKILL_TIPS: Record<Skill, string> = {
  stop: 'Pause before you answer: ask what exactly the claim says and what you know about where it comes from. A claim that fits what you expected needs the same check.',
  'investigate-source':
    'Ask who is speaking before you weigh what they say: look for an author, a publisher and a date. A text with none of the three deserves extra care.',
  'find-better-coverage':
    'See what other sources say: a true claim about a law or an order shows up in the official record and in several trusted outlets.',
  'trace-claims':
    'Follow the claim back to the document it is about and compare the exact words, dates and numbers: details drift each time a story is retold.',
};

/**
 * Practice mode's "Why is this the source that settles it?", by the move the question drills: what makes the
 * excerpt on the card outrank the claim it checks.
 */
export const SETTLING_SOURCE_NOTES: Record<Skill, string> = {
  stop: 'It is the text the claim is about, read before reacting to the claim: a claim that stirs a strong feeling is worth this pause before it is believed or passed on.',
  'investigate-source':
    'It says who is speaking, in what role and when: the author, the publisher and the date of a text tell you how much weight its words can carry.',
  'find-better-coverage':
    'It is the record that other coverage relies on: when retellings disagree, the official text, or an outlet that quotes it, settles what one retelling cannot.',
  'trace-claims':
    'It is the original that the claim retells: the order, the law or the ruling itself, whose own words, dates and numbers outrank any paraphrase of them.',
};

export interface SkillRow extends Tally {
  skill: Skill;
  /** Asked and not answered right (wrong or out of time). */
  missed: number;
}

export interface SkillTip {
  skill: Skill;
  tip: string;
  /** The round's first missed question of the skill: "Question 4: “The article says …”". */
  example: { position: number; questionId: string; text: string };
}

export interface SkillReport {
  /** All four skills, in SIFT order, including those the round did not ask. */
  rows: SkillRow[];
  /** null when the round missed nothing. */
  weakest: Skill | null;
  tip: SkillTip | null;
}

/** The start of a prompt, cut at a word and marked with … when it is longer than a tip may quote. */
export function briefPrompt(prompt: string, maxChars = TIP_PROMPT_CHARS): string {
  const text = prompt.replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  // Room is kept for the …; a cut that ends just before a space keeps its last word whole.
  const atWord = text[cut.length] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(atWord > 0 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The weakest skill among those with a miss: the lowest rate of right answers; on a tie, the one with the most
 * questions missed; then the first in SIFT order (stop, investigate the source, find better coverage, trace).
 */
export function weakestSkill(rows: readonly SkillRow[]): Skill | null {
  const candidates = rows.filter((row) => row.missed > 0);
  if (candidates.length === 0) return null;
  const ranked = [...candidates].sort(
    (a, b) =>
      a.right * b.asked - b.right * a.asked || b.missed - a.missed || SKILLS.indexOf(a.skill) - SKILLS.indexOf(b.skill),
  );
  return ranked[0]!.skill;
}

function skillRows(items: readonly { question: Question; entry: LoggedAnswer }[]): SkillRow[] {
  return SKILLS.map((skill) => {
    const counts = tally(items.filter(({ question }) => question.skill === skill).map(({ entry }) => entry.correct));
    return { skill, ...counts, missed: counts.asked - counts.right };
  });
}

/** Right out of asked for each SIFT skill, the weakest, and a tip for it tied to a question of this round. */
export function skillReport(round: PlayedRound): SkillReport {
  const items = answered(round.questions, round.log);
  const rows = skillRows(items);
  const weakest = weakestSkill(rows);
  if (weakest === null) return { rows, weakest, tip: null };
  const missed = items.find(({ question, entry }) => question.skill === weakest && !entry.correct)!;
  const text = `Question ${missed.position}: “${briefPrompt(missed.question.prompt)}”`;
  return {
    rows,
    weakest,
    tip: {
      skill: weakest,
      tip: SKILL_TIPS[weakest],
      example: { position: missed.position, questionId: missed.question.id, text },
    },
  };
}

// ---------------------------------------------------------------- timeline

export interface TimelineItem {
  questionId: string;
  /** ISO date the question is placed at. */
  date: string;
  /** as-of: the question's own asOf; source: the date of its first evidence source. */
  dateFrom: 'as-of' | 'source';
  /** Where on the TIMELINE_START–TIMELINE_END line it sits, from 0 to 1 (dates outside are held at the ends). */
  place: number;
  /** In a round: its position (1-based) and, once answered, whether it was answered right. */
  position?: number;
  correct?: boolean;
}

export interface Timeline {
  start: string;
  end: string;
  /** Earliest first; on the same date, in round (or bank) order. */
  items: TimelineItem[];
  /** Questions with no date of their own and a source that states none (the 2020 article is undated). */
  undated: string[];
}

type SourceDates = Record<string, Pick<BankBundle['sources'][string], 'date'>>;

function datedItem(question: Question, sources: SourceDates): Omit<TimelineItem, 'position' | 'correct'> | undefined {
  let date: string | undefined;
  let dateFrom: TimelineItem['dateFrom'] = 'as-of';
  if (question.asOf !== undefined && isIsoDate(question.asOf)) date = question.asOf;
  else {
    const first = question.evidence[0];
    const sourceDate = first ? sources[first.source]?.date : undefined;
    if (sourceDate !== undefined && isIsoDate(sourceDate)) [date, dateFrom] = [sourceDate, 'source'];
  }
  if (date === undefined) return undefined;
  const [start, end] = [dayNumber(TIMELINE_START), dayNumber(TIMELINE_END)];
  const place = Math.min(1, Math.max(0, (dayNumber(date) - start) / (end - start)));
  return { questionId: question.id, date, dateFrom, place };
}

function timelineOf(
  questions: readonly Question[],
  sources: SourceDates,
  extra: (question: Question, index: number) => Pick<TimelineItem, 'position' | 'correct'>,
): Timeline {
  const items: (TimelineItem & { order: number })[] = [];
  const undated: string[] = [];
  questions.forEach((question, index) => {
    const item = datedItem(question, sources);
    if (item) items.push({ ...item, ...extra(question, index), order: index });
    else undated.push(question.id);
  });
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  return { start: TIMELINE_START, end: TIMELINE_END, items: items.map(({ order: _order, ...item }) => item), undated };
}

/** The round's questions on the 2019–2025 line, by their asOf date or else the date of their first source. */
export function roundTimeline(round: PlayedRound, sources: SourceDates): Timeline {
  const results = new Map(round.log.map((entry) => [entry.questionId, entry.correct]));
  return timelineOf(round.questions, sources, (question, index) => ({
    position: index + 1,
    ...(results.has(question.id) ? { correct: results.get(question.id)! } : {}),
  }));
}

/** Every question of the bank on the same line. */
export function bankTimeline(bank: { questions: readonly Question[]; sources: SourceDates }): Timeline {
  return timelineOf(bank.questions, bank.sources, () => ({}));
}

// ---------------------------------------------------------------- a round, and a class

export interface RoundReports {
  calibration: CalibrationRow[];
  discernment: DiscernmentReport;
  skills: SkillReport;
  timeline: Timeline;
}

/** The four reports of one played round (calibration is all zeros when the round had no wager). */
export function roundReports(round: PlayedRound, sources: SourceDates): RoundReports {
  return {
    calibration: calibrationReport(round),
    discernment: discernmentReport(round),
    skills: skillReport(round),
    timeline: roundTimeline(round, sources),
  };
}

export interface ClassSummary {
  players: number;
  /** Everyone's answers together, per skill, in SIFT order. */
  skills: SkillRow[];
  /** The class's weakest skill by the same rule as one player's, with its tip; null when nobody missed anything. */
  weakestSkill: Skill | null;
  tip: string | null;
  /** The question of the weakest skill that most players missed (the earliest in the bank's order on a tie). */
  mostMissed: { questionId: string; prompt: string; missed: number; asked: number } | null;
  /** How many players have each skill as their own weakest. */
  weakestSkillCounts: Record<Skill, number>;
  /** Everyone's answers and judgements together. */
  discernment: DiscernmentReport;
  /** How many players come out weaker on each side, even, or with too few questions to tell. */
  discernmentCounts: Record<DiscernmentOutcome, number>;
  calibration: CalibrationRow[];
}

/** What one player adds to a class summary; see playerSummaryPart(). */
export interface PlayerSummaryPart {
  log: readonly LoggedAnswer[];
  items: AnsweredItem[];
  weakest: Skill | null;
  discernment: DiscernmentReport;
}

type AnsweredItem = ReturnType<typeof answered>[number];

/**
 * One player's share of a class summary. It depends only on their log, so a server can keep it and build the
 * summary again from the parts when one player's log changes or a player comes or goes.
 */
export function playerSummaryPart(questions: readonly Question[], log: readonly LoggedAnswer[]): PlayerSummaryPart {
  const round = { questions, log };
  return {
    log,
    items: answered(questions, log),
    weakest: skillReport(round).weakest,
    discernment: discernmentReport(round),
  };
}

/**
 * The teacher's view of many players: `questions` holds every question any log names (the bank will do),
 * `logs` one answer log per player. Players with an empty log count as players but add no answers.
 */
export function classSummary(questions: readonly Question[], logs: readonly (readonly LoggedAnswer[])[]): ClassSummary {
  // A class mid-question is mostly players who have answered nothing yet: their parts are all the same.
  let nothingAnswered: PlayerSummaryPart | undefined;
  const parts = logs.map((log) =>
    log.length === 0 ? (nothingAnswered ??= playerSummaryPart(questions, log)) : playerSummaryPart(questions, log),
  );
  return combineClassSummary(questions, parts);
}

/** The class summary from each player's part (the parts of the same `questions`). */
export function combineClassSummary(questions: readonly Question[], parts: readonly PlayerSummaryPart[]): ClassSummary {
  const weakestSkillCounts = Object.fromEntries(SKILLS.map((skill) => [skill, 0])) as Record<Skill, number>;
  const discernmentCounts: Record<DiscernmentOutcome, number> = {
    'true-claims': 0,
    'false-claims': 0,
    even: 0,
    'not-enough': 0,
  };
  for (const { weakest, discernment } of parts) {
    if (weakest !== null) weakestSkillCounts[weakest] += 1;
    discernmentCounts[discernment.weaker] += 1;
  }
  const discernments = parts.map((part) => part.discernment);
  const judged = discernments.flatMap((report) => (report.judgements ? [report.judgements] : []));
  const allItems = parts.flatMap((part) => part.items);
  const skills = skillRows(allItems);
  const weakest = weakestSkill(skills);
  return {
    players: parts.length,
    skills,
    weakestSkill: weakest,
    tip: weakest === null ? null : SKILL_TIPS[weakest],
    mostMissed: weakest === null ? null : mostMissedOf(questions, allItems, weakest),
    weakestSkillCounts,
    discernment: discernmentFrom(
      {
        trueClaims: sumTallies(discernments.map((report) => report.answers.trueClaims)),
        falseClaims: sumTallies(discernments.map((report) => report.answers.falseClaims)),
      },
      judged.length === 0
        ? null
        : {
            trueClaims: sumTallies(judged.map((item) => item.trueClaims)),
            falseClaims: sumTallies(judged.map((item) => item.falseClaims)),
            unsupported: sumTallies(judged.map((item) => item.unsupported)),
          },
    ),
    discernmentCounts,
    calibration: calibrationReport({ log: parts.flatMap((part) => part.log) }),
  };
}

/** Of the skill's questions, the one missed by the most answers; the earliest in `questions` on a tie. */
function mostMissedOf(
  questions: readonly Question[],
  items: readonly { question: Question; entry: LoggedAnswer }[],
  skill: Skill,
): ClassSummary['mostMissed'] {
  const counts = new Map<string, { asked: number; missed: number }>();
  for (const { question, entry } of items) {
    const count = counts.get(question.id) ?? { asked: 0, missed: 0 };
    counts.set(question.id, { asked: count.asked + 1, missed: count.missed + (entry.correct ? 0 : 1) });
  }
  let best: ClassSummary['mostMissed'] = null;
  for (const question of questions) {
    const count = counts.get(question.id);
    if (question.skill !== skill || !count || count.missed === 0) continue;
    if (best === null || count.missed > best.missed) {
      best = { questionId: question.id, prompt: briefPrompt(question.prompt), ...count };
    }
  }
  return best;
}
