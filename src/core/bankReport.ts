/** A plain-text summary of the bank: the counts a teacher or a reviewer checks first. */
import {
  MAX_LONGEST_ANSWER_SHARE,
  MAX_LOOKUP_SHARE,
  MAX_SKILL_RATIO,
  MAX_TOPIC_LONGEST_ANSWER_SHARE,
  measureBalance,
  percent,
  type Share,
} from './bankBalance';
import { isFactCheck, isTrueClaim } from './claims';
import { CLAIM_VERDICTS, DIFFICULTIES, LOOKUP_KINDS, QUESTION_KINDS, SKILLS, type Bank, type Question } from './types';

// The reports of a played round count true claims the same way; both live in claims.ts.
export { isFactCheck, isTrueClaim };

function table(title: string, rows: [string, number][]): string {
  const width = Math.max(...rows.map(([label]) => label.length), title.length);
  return [`${title}`, ...rows.map(([label, count]) => `  ${label.padEnd(width)}  ${String(count).padStart(4)}`)].join(
    '\n',
  );
}

function shareText({ count, share }: Share): string {
  return `${count} (${percent(share)})`;
}

/** The bank's balance against its rules (bankBalance.ts), each line with its bound. */
function balanceSection(bank: Bank): string[] {
  const balance = measureBalance(bank.topics, bank.questions);
  const ratio = Number.isFinite(balance.skillRatio) ? balance.skillRatio.toFixed(2) : 'a move is never used';
  return [
    [
      `Right answer is the uniquely longest choice: ${shareText(balance.longest)}, at most ${percent(MAX_LONGEST_ANSWER_SHARE)}`,
      `Right answer is the uniquely shortest choice: ${shareText(balance.shortest)}`,
      ...balance.byTopic.map(
        (topic) =>
          `  ${topic.topic}: longest ${shareText(topic.longest)} of ${topic.questions}, at most ` +
          `${percent(MAX_TOPIC_LONGEST_ANSWER_SHARE)}; shortest ${shareText(topic.shortest)}`,
      ),
    ].join('\n'),
    table('By kind (what the question asks the player to do)', [
      ...QUESTION_KINDS.map((kind): [string, number] => [kind, balance.kinds[kind]]),
      ...(balance.withoutKind > 0 ? [['(no kind)', balance.withoutKind] as [string, number]] : []),
    ]),
    `Lookups (${LOOKUP_KINDS.join(' + ')}): ${shareText(balance.lookups)}, at most ${percent(MAX_LOOKUP_SHARE)}`,
    `Skill spread: most-used over least-used ${ratio}, at most ${MAX_SKILL_RATIO}`,
  ];
}

/** The report; `problems` are the validator's messages, listed at the end (none for a bank that passes). */
export function bankReport(bank: Bank, problems: readonly string[] = []): string {
  const questions = bank.questions;
  const count = (predicate: (q: Question) => boolean) => questions.filter(predicate).length;
  const usage = new Map<string, number>();
  for (const question of questions) {
    for (const excerpt of [...question.evidence, ...(question.claim ? [question.claim] : [])]) {
      usage.set(excerpt.source, (usage.get(excerpt.source) ?? 0) + 1);
    }
  }
  const neverQuoted = Object.keys(bank.sources).filter((id) => !usage.has(id));
  const sections = [
    `${questions.length} questions in ${bank.topics.length} topics, quoting ${usage.size} of ${Object.keys(bank.sources).length} sources`,
    table(
      'By topic',
      bank.topics.map((topic) => [`${topic.id} (${topic.title})`, count((q) => q.topic === topic.id)]),
    ),
    table(
      'By difficulty',
      DIFFICULTIES.map((level) => [
        `${level} ${['easy', 'medium', 'hard'][level - 1]}`,
        count((q) => q.difficulty === level),
      ]),
    ),
    table(
      'By skill',
      SKILLS.map((skill) => [skill, count((q) => q.skill === skill)]),
    ),
    ...balanceSection(bank),
    table('Claims', [
      ['fact-check (with a claim)', count(isFactCheck)],
      ...CLAIM_VERDICTS.map((verdict): [string, number] => [
        `  claim verdict: ${verdict}`,
        count((q) => q.claim?.verdict === verdict),
      ]),
      ['surprising: true', count((q) => q.surprising === true)],
      ['true claims (surprising or accurate)', count(isTrueClaim)],
      ['about the sources (reading-sources)', count((q) => q.topic === 'reading-sources')],
    ]),
    table(
      'Source usage (quotes in evidence and claims)',
      [...usage.entries()].sort((a, b) => b[1] - a[1]),
    ),
    `Sources never quoted: ${neverQuoted.length === 0 ? 'none' : neverQuoted.join(', ')}`,
    [`${problems.length} problem${problems.length === 1 ? '' : 's'}`, ...problems.map((p) => `  ${p}`)].join('\n'),
  ];
  return sections.join('\n\n');
}
