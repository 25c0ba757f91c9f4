import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classOnlyIds } from '../../src/core/classPool';
import {
  bundleSpanishBank,
  checkSpanishBankBundle,
  spanishServedQuestion,
  type SpanishBankBundle,
} from '../../src/core/spanishBankBundle';
import { bundleBank, loadBankFromDisk, soloBank } from '../../src/server/bankFiles';
import { loadSpanishOverlay } from '../../scripts/spanishBankFiles';

const root = join(import.meta.dirname, '..', '..');
const { bank } = loadBankFromDisk(join(root, 'questions'), root);
const { overlay } = loadSpanishOverlay(join(root, 'questions'), bank, root);
const shipped = bundleBank(soloBank(bank));
const spanish = bundleSpanishBank(
  shipped.version,
  overlay,
  bank.questions,
  new Set(shipped.questions.map((question) => question.id)),
);

describe('the Spanish bank as the game downloads it', () => {
  it('has the whole overlay of every shipped question and nothing but the served words of a held-back one', () => {
    const held = classOnlyIds(bank.questions);
    expect(held.size).toBeGreaterThan(0);
    for (const question of bank.questions) {
      expect(spanish.served[question.id]?.prompt).toBe(overlay.questions[question.id]!.prompt);
      if (held.has(question.id)) expect(spanish.overlay.questions[question.id]).toBeUndefined();
      else expect(spanish.overlay.questions[question.id]).toEqual(overlay.questions[question.id]);
    }
    // No feedback, explanation or quote rendering of a class question is in the file.
    const text = JSON.stringify(spanish);
    for (const id of held) {
      const question = overlay.questions[id]!;
      if (question.explanation) expect(text).not.toContain(JSON.stringify(question.explanation));
    }
  });

  it('keys the served choices by their English text, sorted, so their order does not tell the right one', () => {
    const question = bank.questions.find((q) => classOnlyIds(bank.questions).has(q.id))!;
    const keys = Object.keys(spanish.served[question.id]!.choices);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys)).toEqual(new Set(question.choices.map((choice) => choice.text)));
  });

  it('gives a served question its Spanish in the order the student was served', () => {
    const question = bank.questions[0]!;
    const served = [...question.choices].reverse().map((choice) => choice.text);
    const words = spanishServedQuestion(spanish, question.id, served)!;
    const byEnglish = new Map(
      question.choices.map((c, i) => [c.text, overlay.questions[question.id]!.choices[i]!.text]),
    );
    expect(words.choices).toEqual(served.map((text) => byEnglish.get(text)));
    expect(words.prompt).toBe(overlay.questions[question.id]!.prompt);
  });

  it('leaves a teacher’s own question, or a changed choice, as written', () => {
    const question = bank.questions[0]!;
    expect(spanishServedQuestion(spanish, 'my-own-question', ['Yes', 'No'])).toBeUndefined();
    expect(spanishServedQuestion(spanish, question.id, ['An answer the bank never had'])).toBeUndefined();
  });

  it('takes the file it made and names what is wrong with a damaged one', () => {
    expect(checkSpanishBankBundle(JSON.parse(JSON.stringify(spanish))).bundle).toBeDefined();
    expect(checkSpanishBankBundle([]).error).toBe('bank.es.json lacks its overlay or its served words');
    const id = Object.keys(spanish.overlay.questions)[0]!;
    const broken = JSON.parse(JSON.stringify(spanish)) as SpanishBankBundle;
    (broken.overlay.questions[id] as { prompt?: string }).prompt = undefined;
    expect(checkSpanishBankBundle(broken).error).toBe(
      `bank.es.json, question "${id}": prompt, choices or evidence are missing`,
    );
    const brokenServed = JSON.parse(JSON.stringify(spanish)) as SpanishBankBundle;
    brokenServed.served[id] = { prompt: 'x' } as never;
    expect(checkSpanishBankBundle(brokenServed).error).toBe(
      `bank.es.json, served words of "${id}": prompt or choices are missing`,
    );
  });
});
