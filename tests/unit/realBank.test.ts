import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { DIFFICULTIES, formatBankError, QUESTION_KINDS, SKILLS } from '../../src/core/types';
import { isFactCheck, isTrueClaim } from '../../src/core/bankReport';
import {
  MAX_LONGEST_ANSWER_SHARE,
  MAX_LOOKUP_SHARE,
  MAX_SKILL_RATIO,
  MAX_TOPIC_LONGEST_ANSWER_SHARE,
  measureBalance,
} from '../../src/core/bankBalance';

const root = join(import.meta.dirname, '..', '..');
const { bank, errors } = loadBankFromDisk(join(root, 'questions'), root);

describe('the shipped question bank', () => {
  it('passes the validator', () => {
    expect(errors.map(formatBankError)).toEqual([]);
  });

  it('has at least 20 questions quoting the article and at least three primary sources', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(20);
    const quoted = new Set(
      bank.questions.flatMap((q) => [...q.evidence, ...(q.claim ? [q.claim] : [])].map((e) => e.source)),
    );
    expect(quoted.has('tiktok-ban-article-2020')).toBe(true);
    const primaries = [...quoted].filter((id) => bank.sources[id]?.kind === 'primary');
    expect(primaries.length).toBeGreaterThanOrEqual(3);
  });

  it('uses only sources that exist and every skill', () => {
    const used = new Set(bank.questions.map((q) => q.skill));
    expect([...used].sort()).toEqual([...SKILLS].sort());
  });

  it('meets the classroom counts: 120+ questions, 5+ topics, 30+ per level, 15+ per skill', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(120);
    expect(bank.topics.length).toBeGreaterThanOrEqual(5);
    for (const level of DIFFICULTIES) {
      expect(bank.questions.filter((q) => q.difficulty === level).length, `difficulty ${level}`).toBeGreaterThanOrEqual(
        30,
      );
    }
    for (const skill of SKILLS) {
      expect(bank.questions.filter((q) => q.skill === skill).length, skill).toBeGreaterThanOrEqual(15);
    }
  });

  it('holds 25+ fact-checks of the article against a primary source, and 15+ true claims', () => {
    const factChecks = bank.questions.filter(
      (q) =>
        isFactCheck(q) &&
        q.claim!.source === 'tiktok-ban-article-2020' &&
        bank.sources[q.evidence[0]!.source]?.kind === 'primary',
    );
    expect(factChecks.length).toBeGreaterThanOrEqual(25);
    expect(bank.questions.filter(isTrueClaim).length).toBeGreaterThanOrEqual(15);
    expect(bank.questions.filter((q) => q.topic === 'reading-sources').length).toBeGreaterThanOrEqual(10);
  });

  it('quotes every shipped source', () => {
    const quoted = new Set(
      bank.questions.flatMap((q) => [...q.evidence, ...(q.claim ? [q.claim] : [])].map((e) => e.source)),
    );
    expect(Object.keys(bank.sources).filter((id) => !quoted.has(id))).toEqual([]);
  });

  it('keeps explanations short enough to read in 20 seconds', () => {
    const long = bank.questions.filter((q) => (q.explanation ?? '').split(/\s+/).length > 70).map((q) => q.id);
    expect(long).toEqual([]);
  });

  it('keeps at least 170 questions, each saying what kind of task it is', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(170);
    expect(bank.questions.filter((q) => q.kind === undefined).map((q) => q.id)).toEqual([]);
  });

  it('does not give the right answer away by its length, in the bank or in any topic', () => {
    const balance = measureBalance(bank.topics, bank.questions);
    expect(balance.longest.share).toBeLessThanOrEqual(MAX_LONGEST_ANSWER_SHARE);
    for (const topic of balance.byTopic) {
      expect(topic.longest.share, topic.topic).toBeLessThanOrEqual(MAX_TOPIC_LONGEST_ANSWER_SHARE);
    }
  });

  it('asks for a move on a source more than for a lookup, and practises the four moves about equally', () => {
    const balance = measureBalance(bank.topics, bank.questions);
    expect(balance.lookups.share).toBeLessThanOrEqual(MAX_LOOKUP_SHARE);
    expect(balance.skillRatio).toBeLessThanOrEqual(MAX_SKILL_RATIO);
  });

  it('has the example of each kind that docs/question-bank.md names, of that kind', () => {
    const doc = readFileSync(join(root, 'docs', 'question-bank.md'), 'utf8');
    const examples = [...doc.matchAll(/^\| `([a-z-]+)` \| [^|]+ \| `([a-z0-9-]+)`/gm)].map((match) => [
      match[1],
      match[2],
    ]);
    expect(examples.map(([kind]) => kind)).toEqual([...QUESTION_KINDS]);
    for (const [kind, id] of examples) expect(bank.questions.find((q) => q.id === id)?.kind, id).toBe(kind);
  });
});
