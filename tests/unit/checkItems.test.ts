import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankFromDisk } from '../../src/server/bankFiles';
import { loadChecksFromDisk } from '../../src/checks/checkFiles';
import {
  ACCURATE_PER_FORM,
  checkAnswer,
  CHECK_FORMS,
  formItems,
  formOrderForJoin,
  ITEMS_PER_FORM,
  parseCheckSet,
} from '../../src/core/checkItems';
import { checkSetReport } from '../../src/core/checkReport';
import { foldWhitespace } from '../../src/core/text';
import { formatBankError, type BankFile } from '../../src/core/types';

const root = join(import.meta.dirname, '..', '..');
const questionsDir = join(root, 'questions');
const fixtures = join(root, 'tests', 'fixtures', 'check-rules');
const { bank } = loadBankFromDisk(questionsDir, root);

function file(path: string): BankFile {
  return { path: path.slice(root.length + 1), text: readFileSync(path, 'utf8') };
}

const shippedItems = file(join(questionsDir, 'checks', 'items.yaml'));
const shippedForms = file(join(questionsDir, 'checks', 'forms.yaml'));

/** The problems of the shipped items with a fixture's forms, or a fixture's items with the shipped forms. */
function problems(fixture: string, which: 'forms' | 'items'): string[] {
  const replaced = file(join(fixtures, fixture, `${which}.yaml`));
  const { errors } =
    which === 'forms' ? parseCheckSet(shippedItems, replaced, bank) : parseCheckSet(replaced, shippedForms, bank);
  return errors.map(formatBankError);
}

describe('the shipped learning check', () => {
  const { checks, errors } = loadChecksFromDisk(questionsDir, bank, root);

  it('is valid: at least 36 items, half accurate, three forms of 12 with 6 accurate each', () => {
    expect(errors.map(formatBankError)).toEqual([]);
    expect(checks.items.length).toBeGreaterThanOrEqual(36);
    expect(checks.items.filter((item) => item.accurate).length * 2).toBe(checks.items.length);
    for (const form of CHECK_FORMS) {
      const items = formItems(checks, form);
      expect(items).toHaveLength(ITEMS_PER_FORM);
      expect(items.filter((item) => item.accurate)).toHaveLength(ACCURATE_PER_FORM);
    }
  });

  it('settles every item with excerpts found verbatim in shipped sources, none of them a round question’s first', () => {
    const firstExcerpts = bank.questions.map((question) => foldWhitespace(question.evidence[0]!.quote));
    for (const item of checks.items) {
      for (const excerpt of item.evidence) {
        expect(foldWhitespace(bank.sources[excerpt.source]!.text)).toContain(foldWhitespace(excerpt.quote));
      }
      expect(firstExcerpts).not.toContain(foldWhitespace(item.evidence[0]!.quote));
    }
  });

  it('is summarised by bank:report with each form’s balance', () => {
    const report = checkSetReport(checks);
    expect(report).toContain('Learning check: 36 items, 18 accurate and 18 not');
    expect(report).toMatch(/\n\s+A\s+12\s+6\s+6\s+28/);
    expect(report).toContain('0 problems');
  });

  it('has no learning check, and no problem, in a bank folder without checks/', () => {
    const other = loadChecksFromDisk(join(root, 'tests', 'fixtures', 'bank-rules', 'good'), bank, root);
    expect(other.errors).toEqual([]);
    expect(other.checks.items).toEqual([]);
  });
});

describe('the validator refuses a form set that', () => {
  it('breaks the balance of accurate and inaccurate items', () => {
    expect(problems('truth-unbalanced', 'forms')).toEqual([
      'tests/fixtures/check-rules/truth-unbalanced/forms.yaml, field "forms.A": must hold 6 accurate and 6 not accurate items, found 5 and 7',
      'tests/fixtures/check-rules/truth-unbalanced/forms.yaml, field "forms.B": must hold 6 accurate and 6 not accurate items, found 7 and 5',
    ]);
  });

  it('puts an item in two forms', () => {
    expect(problems('item-in-two-forms', 'forms')).toContainEqual(
      'tests/fixtures/check-rules/item-in-two-forms/forms.yaml, field "forms.C[12]": item "eo-13942-economy-too" is already in form A: no item may be in two forms',
    );
  });

  it('has a form of the wrong size', () => {
    expect(problems('form-too-short', 'forms')).toContainEqual(
      'tests/fixtures/check-rules/form-too-short/forms.yaml, field "forms.A": must hold 12 items, found 11',
    );
  });

  it('is not matched by difficulty', () => {
    expect(problems('difficulty-unmatched', 'forms')).toEqual([
      'tests/fixtures/check-rules/difficulty-unmatched/forms.yaml, field "forms": forms are not matched by difficulty: sums A 30, B 28, C 26 differ by more than 1',
    ]);
  });

  it('is not matched by kind of claim', () => {
    expect(problems('kind-unmatched', 'forms')).toEqual([
      'tests/fixtures/check-rules/kind-unmatched/forms.yaml, field "forms": forms are not matched by kind: "number" items A 2, B 1, C 0 differ by more than 1',
      'tests/fixtures/check-rules/kind-unmatched/forms.yaml, field "forms": forms are not matched by kind: "scope" items A 3, B 4, C 5 differ by more than 1',
    ]);
  });

  it('names an item that does not exist', () => {
    expect(problems('unknown-item', 'forms')).toContainEqual(
      'tests/fixtures/check-rules/unknown-item/forms.yaml, field "forms.B[1]": unknown check item "no-such-item"',
    );
  });

  it('repeats a round question, by its first excerpt or a part of it', () => {
    const found = problems('repeats-round-question', 'items');
    expect(found).toContainEqual(
      'tests/fixtures/check-rules/repeats-round-question/items.yaml, question "same-excerpt-as-question", field "evidence[1].quote": repeats a round question: the same first excerpt as question "orders-2020-two-legal-bases" (a check must not measure what the rounds practise)',
    );
    expect(found).toContainEqual(
      'tests/fixtures/check-rules/repeats-round-question/items.yaml, question "part-of-question-excerpt", field "evidence[1].quote": repeats a round question: a first excerpt overlapping question "orders-2020-two-legal-bases" (a check must not measure what the rounds practise)',
    );
  });

  it('has items that break the item rules, each named with its field and line', () => {
    const found = problems('item-rules', 'items');
    const at = 'tests/fixtures/check-rules/item-rules/items.yaml';
    expect(found).toEqual(
      expect.arrayContaining([
        `${at}, question "quote-not-in-source", field "evidence[1].quote": not found verbatim in source "eo-13942": "TikTok is a toy"`,
        expect.stringMatching(
          new RegExp(
            `^${at}, question "unknown-source", field "evidence\\[1\\]\\.source": unknown source id "no-such-source"`,
          ),
        ),
        `${at}, question "bad-verdict-and-kind", field "verdict": must be one of accurate, inaccurate, unsupported, found string "misleading"`,
        `${at}, question "bad-verdict-and-kind", field "kind": must be one of date, number, actor, scope, cause, status, found string "opinion"`,
        `${at}, question "bad-verdict-and-kind", field "difficulty": must be one of 1, 2, 3, found number 4`,
        `${at}, question "no-explanation", field "explanation": is missing`,
        `${at}, question "same-first-excerpt", field "evidence[1].quote": the same first excerpt already settles check item "first-of-two"`,
        `${at}, question "first-of-two", field "id": duplicate check item id (also item 5)`,
        `${at}, question "statment-typo", field "statment": unknown field (allowed: id, statement, verdict, kind, difficulty, evidence, explanation)`,
      ]),
    );
    // Forms naming items that failed their own checks are not reported again as unknown.
    expect(found.filter((message) => message.includes('unknown check item'))).toEqual([]);
    const lines = parseCheckSet(file(join(fixtures, 'item-rules', 'items.yaml')), shippedForms, bank).errors;
    expect(lines.find((error) => error.questionId === 'no-explanation')?.line).toBe(30);
  });
});

describe('form assignment at join', () => {
  it('alternates A→B and B→A by join order, with C for the delayed check', () => {
    expect(formOrderForJoin(0)).toEqual({ before: 'A', after: 'B', delayed: 'C' });
    expect(formOrderForJoin(1)).toEqual({ before: 'B', after: 'A', delayed: 'C' });
    expect(formOrderForJoin(2)).toEqual({ before: 'A', after: 'B', delayed: 'C' });
  });

  it('keeps the two orders within one student of each other for every class size from 1 to 60', () => {
    for (let size = 1; size <= 60; size += 1) {
      const orders = Array.from({ length: size }, (_, index) => formOrderForJoin(index));
      const aFirst = orders.filter((order) => order.before === 'A').length;
      expect(Math.abs(aFirst - (size - aFirst))).toBeLessThanOrEqual(1);
      for (const order of orders) expect(order.after).not.toBe(order.before);
    }
  });

  it('refuses a join position that is not a whole number from 0', () => {
    expect(() => formOrderForJoin(-1)).toThrow(/whole number from 0, found -1/);
    expect(() => formOrderForJoin(1.5)).toThrow(/found 1.5/);
  });
});

describe('an answer to a check item', () => {
  const { checks } = loadChecksFromDisk(questionsDir, bank, root);
  const [accurateItem] = formItems(checks, 'A').filter((item) => item.accurate);
  const [otherFormItem] = formItems(checks, 'B');

  it('becomes a response carrying the item’s truth', () => {
    expect(
      checkAnswer(checks, 'A', { itemId: accurateItem!.id, judgement: 'not-accurate', confidence: 'sure' }),
    ).toEqual({
      response: { itemId: accurateItem!.id, itemAccurate: true, judgement: 'not-accurate', confidence: 'sure' },
    });
  });

  it('is refused, saying why, when it names an item of another form or a value out of its list', () => {
    expect(
      checkAnswer(checks, 'A', { itemId: otherFormItem!.id, judgement: 'accurate', confidence: 'sure' }).error,
    ).toBe(`itemId string "${otherFormItem!.id}" is not an item of form A`);
    expect(checkAnswer(checks, 'A', { itemId: accurateItem!.id, judgement: 'true', confidence: 'sure' }).error).toBe(
      'judgement must be "accurate" or "not-accurate", found string "true"',
    );
    expect(checkAnswer(checks, 'A', { itemId: accurateItem!.id, judgement: 'accurate' }).error).toBe(
      'confidence must be "sure", "think-so" or "guessing", found nothing',
    );
    expect(checkAnswer(checks, 'A', 'accurate').error).toMatch(/^an answer must be a mapping/);
  });
});
