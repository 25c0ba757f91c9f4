/**
 * The rules a bank meets as a whole, so that it teaches the skill rather than the test: the right answer is not
 * given away by being the longest choice, most questions ask for a move on a source rather than a lookup, and the
 * four SIFT moves are practised about equally. The shipped bank fails its build past a bound; a teacher's own
 * bank is only warned. Pure: used by the validator, `npm run bank:report` and the importer.
 */
import {
  LOOKUP_KINDS,
  QUESTION_KINDS,
  SKILLS,
  type Question,
  type QuestionKind,
  type Skill,
  type Topic,
} from './types.ts';

/** The most of a bank whose right answer is the uniquely longest choice (chance alone gives about 25 %). */
export const MAX_LONGEST_ANSWER_SHARE = 0.3;
/** The same bound for each topic on its own, looser since a topic is a small sample. */
export const MAX_TOPIC_LONGEST_ANSWER_SHARE = 0.4;
/** The most of a bank that may be lookups (recall) and date arithmetic. */
export const MAX_LOOKUP_SHARE = 0.35;
/** The most-used SIFT move may be used at most this many times as often as the least-used. */
export const MAX_SKILL_RATIO = 1.2;
/** A teacher's file is only warned from this many questions on: a share of fewer (1 of 3 is 33 %) says little. */
export const MIN_QUESTIONS_TO_WARN = 10;

/** A choice's length as the rule measures it: characters, after trimming. */
function choiceLength(text: string): number {
  return text.trim().length;
}

function rightAnswerIsUniquely(question: Question, longer: (a: number, b: number) => boolean): boolean {
  const right = question.choices.find((choice) => choice.correct);
  if (!right) return false;
  const length = choiceLength(right.text);
  return question.choices.every((choice) => choice === right || longer(length, choiceLength(choice.text)));
}

/** The right answer is longer, by characters after trimming, than every other choice. */
export function rightAnswerIsUniquelyLongest(question: Question): boolean {
  return rightAnswerIsUniquely(question, (right, other) => right > other);
}

/** The right answer is shorter, by characters after trimming, than every other choice. */
export function rightAnswerIsUniquelyShortest(question: Question): boolean {
  return rightAnswerIsUniquely(question, (right, other) => right < other);
}

export function isLookup(question: Question): boolean {
  return question.kind !== undefined && LOOKUP_KINDS.includes(question.kind);
}

/** A count and its share of the questions it was counted in (0 when there are none). */
export interface Share {
  count: number;
  share: number;
}

function share(count: number, total: number): Share {
  return { count, share: total === 0 ? 0 : count / total };
}

export interface TopicBalance {
  topic: string;
  questions: number;
  longest: Share;
  shortest: Share;
}

/** What the rules measure, for a bank or any set of questions. */
export interface BankBalance {
  questions: number;
  longest: Share;
  shortest: Share;
  byTopic: TopicBalance[];
  kinds: Record<QuestionKind, number>;
  /** Questions with no kind (only a teacher's own bank may have them). */
  withoutKind: number;
  lookups: Share;
  skills: Record<Skill, number>;
  /** The most-used move's count over the least-used's (Infinity when a move is never used). */
  skillRatio: number;
}

export function measureBalance(topics: readonly Topic[], questions: readonly Question[]): BankBalance {
  const total = questions.length;
  const count = (list: readonly Question[], predicate: (q: Question) => boolean) => list.filter(predicate).length;
  const topicIds = [...new Set([...topics.map((topic) => topic.id), ...questions.map((q) => q.topic)])];
  const byTopic = topicIds.map((topic): TopicBalance => {
    const own = questions.filter((q) => q.topic === topic);
    return {
      topic,
      questions: own.length,
      longest: share(count(own, rightAnswerIsUniquelyLongest), own.length),
      shortest: share(count(own, rightAnswerIsUniquelyShortest), own.length),
    };
  });
  const kinds = Object.fromEntries(
    QUESTION_KINDS.map((kind) => [kind, count(questions, (q) => q.kind === kind)]),
  ) as Record<QuestionKind, number>;
  const skills = Object.fromEntries(
    SKILLS.map((skill) => [skill, count(questions, (q) => q.skill === skill)]),
  ) as Record<Skill, number>;
  const skillCounts = Object.values(skills);
  const most = Math.max(...skillCounts);
  const least = Math.min(...skillCounts);
  return {
    questions: total,
    longest: share(count(questions, rightAnswerIsUniquelyLongest), total),
    shortest: share(count(questions, rightAnswerIsUniquelyShortest), total),
    byTopic,
    kinds,
    withoutKind: count(questions, (q) => q.kind === undefined),
    lookups: share(count(questions, isLookup), total),
    skills,
    skillRatio: most === 0 ? 1 : least === 0 ? Infinity : most / least,
  };
}

export type BalanceRule = 'longest-answer' | 'topic-longest-answer' | 'lookup-share' | 'skill-ratio';

/** A rule the bank as a whole breaks; `topic` is set for a rule one topic breaks. */
export interface BalanceProblem {
  rule: BalanceRule;
  topic?: string;
  message: string;
}

export function percent(value: number): string {
  return `${Math.round(value * 1000) / 10} %`;
}

/** Which of the rules to hold a bank to: a teacher's file cannot always say what kind or move a question is. */
export interface BalanceRules {
  perTopic: boolean;
  lookups: boolean;
  skills: boolean;
}

export const ALL_BALANCE_RULES: BalanceRules = { perTopic: true, lookups: true, skills: true };

export function balanceProblems(balance: BankBalance, rules: BalanceRules = ALL_BALANCE_RULES): BalanceProblem[] {
  const problems: BalanceProblem[] = [];
  if (balance.questions === 0) return problems;
  if (balance.longest.share > MAX_LONGEST_ANSWER_SHARE) {
    problems.push({
      rule: 'longest-answer',
      message:
        `the right answer is the uniquely longest choice in ${balance.longest.count} of ${balance.questions} ` +
        `questions (${percent(balance.longest.share)}, at most ${percent(MAX_LONGEST_ANSWER_SHARE)} allowed): ` +
        'make wrong choices as specific as the right one, or the right one plainer',
    });
  }
  if (rules.perTopic) {
    for (const topic of balance.byTopic) {
      if (topic.longest.share <= MAX_TOPIC_LONGEST_ANSWER_SHARE) continue;
      problems.push({
        rule: 'topic-longest-answer',
        topic: topic.topic,
        message:
          `the right answer is the uniquely longest choice in ${topic.longest.count} of this topic's ` +
          `${topic.questions} questions (${percent(topic.longest.share)}, at most ` +
          `${percent(MAX_TOPIC_LONGEST_ANSWER_SHARE)} per topic allowed)`,
      });
    }
  }
  if (rules.lookups && balance.lookups.share > MAX_LOOKUP_SHARE) {
    problems.push({
      rule: 'lookup-share',
      message:
        `${balance.lookups.count} of ${balance.questions} questions are ${LOOKUP_KINDS.join(' or ')} ` +
        `(${percent(balance.lookups.share)}, at most ${percent(MAX_LOOKUP_SHARE)} allowed): ` +
        'turn lookups into questions that practise a move on a source',
    });
  }
  if (rules.skills && balance.skillRatio > MAX_SKILL_RATIO) {
    const counts = SKILLS.map((skill) => `${skill} ${balance.skills[skill]}`).join(', ');
    problems.push({
      rule: 'skill-ratio',
      message:
        `the four moves are not used about equally (${counts}): the most-used may be at most ` +
        `${MAX_SKILL_RATIO} times the least-used`,
    });
  }
  return problems;
}

/**
 * The same rules as warnings for a teacher's own bank, which is played all the same. Its file may not say what
 * move a question practises (a GIFT file or a spreadsheet cannot), so the spread of moves is only checked when
 * it does; questions without a kind never count as lookups. A short file is not warned at all.
 */
export function teacherBankWarnings(questions: readonly Question[], options: { skillsGiven: boolean }): string[] {
  if (questions.length < MIN_QUESTIONS_TO_WARN) return [];
  const rules: BalanceRules = { perTopic: false, lookups: true, skills: options.skillsGiven };
  return balanceProblems(measureBalance([], questions), rules).map((problem) => problem.message);
}
