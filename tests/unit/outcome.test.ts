import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';
import { answerLineOf, spokenOutcome, spokenReveal, verdictOf } from '../../src/ui/outcome';

const english = createTranslator('en');
const spanish = createTranslator('es', SPANISH_RESOURCES);

const base = { points: 850, right: 'The Commerce Department' };

describe('the words of an outcome', () => {
  it('give the verdict: right, wrong, or out of time even when nothing was picked', () => {
    expect(verdictOf({ correct: true, timedOut: false }, english)).toBe('✔ Correct');
    expect(verdictOf({ correct: false, timedOut: false }, english)).toBe('✘ Not quite');
    expect(verdictOf({ correct: false, timedOut: true }, english)).toBe("◔ Time's up");
  });

  it('show the answer picked beside the right one only when it was wrong', () => {
    expect(answerLineOf({ ...base, correct: true, timedOut: false, picked: base.right }, english)).toBe(
      'Answer: The Commerce Department',
    );
    expect(answerLineOf({ ...base, correct: false, timedOut: false, picked: 'Congress' }, english)).toBe(
      'Answer: The Commerce Department   ·   You picked: Congress',
    );
    expect(answerLineOf({ ...base, correct: false, timedOut: true }, english)).toBe('Answer: The Commerce Department');
  });

  it('say the outcome and the answer aloud', () => {
    expect(spokenOutcome({ ...base, correct: true, timedOut: false }, english)).toBe(
      'Correct, plus 850 points. The answer is: The Commerce Department.',
    );
    expect(spokenOutcome({ ...base, correct: false, timedOut: false, picked: 'Congress' }, english)).toBe(
      'Not quite. You picked Congress. The answer is: The Commerce Department.',
    );
    expect(spokenOutcome({ ...base, correct: false, timedOut: true }, english)).toBe(
      "Time's up. The answer is: The Commerce Department.",
    );
  });

  it('say everything the reveal shows: feedback, the calls on the claim and the wager, the streak and the score', () => {
    const wrong = { ...base, correct: false, timedOut: false, points: 0, picked: 'Congress' };
    expect(
      spokenReveal(
        wrong,
        {
          feedback: 'Congress passed the law; the department carries it out',
          calls: 'You judged the claim Accurate: not quite, the sources contradict it. You were Sure: −6,000.',
          streak: 0,
          score: 4200,
        },
        english,
      ),
    ).toBe(
      'Not quite. You picked Congress. The answer is: The Commerce Department. Congress passed the law; the ' +
        'department carries it out. You judged the claim Accurate: not quite, the sources contradict it. You were ' +
        'Sure: −6,000. Score: 4,200.',
    );
    expect(spokenReveal({ ...base, correct: true, timedOut: false }, { streak: 3, score: 12_850 }, english)).toBe(
      'Correct, plus 850 points. The answer is: The Commerce Department. 3 right in a row. Score: 12,850.',
    );
    expect(spokenReveal({ ...base, correct: true, timedOut: false }, { streak: 1 }, english)).toBe(
      'Correct, plus 850 points. The answer is: The Commerce Department.',
    );
  });

  it('say it all in Spanish for a Spanish interface, with numbers as US Spanish writes them', () => {
    const right = { ...base, right: 'El Departamento de Comercio' };
    expect(verdictOf({ correct: false, timedOut: false }, spanish)).toBe('✘ No es así');
    expect(answerLineOf({ ...right, correct: false, timedOut: false, picked: 'El Congreso' }, spanish)).toBe(
      'Respuesta: El Departamento de Comercio   ·   Elegiste: El Congreso',
    );
    expect(spokenReveal({ ...right, correct: true, timedOut: false }, { streak: 3, score: 12_850 }, spanish)).toBe(
      'Correcto, ganas 850 puntos. La respuesta es: El Departamento de Comercio. 3 aciertos seguidos. Puntos: 12,850.',
    );
  });
});
