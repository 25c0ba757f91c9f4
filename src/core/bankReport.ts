/** A plain-text summary of the bank: the counts a teacher or a reviewer checks first. */
import { isFactCheck, isTrueClaim } from './claims';
import { CLAIM_VERDICTS, DIFFICULTIES, SKILLS, type Bank, type Question } from './types';

// The reports of a played round count true claims the same way; both live in claims.ts.
export { isFactCheck, isTrueClaim };

function table(title: string, rows: [string, number][]): string {
  const width = Math.max(...rows.map(([label]) => label.length), title.length);
  return [`${title}`, ...rows.map(([label, count]) => `  ${label.padEnd(width)}  ${String(count).padStart(4)}`)].join(
    '\n',
  );
}

export function bankReport(bank: Bank): string {
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
    table('Kinds', [
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
  ];
  return sections.join('\n\n');
}
