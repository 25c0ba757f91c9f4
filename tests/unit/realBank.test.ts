import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { formatBankError, SKILLS } from '../../src/core/types';

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
});
