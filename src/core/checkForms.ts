/**
 * The learning check's forms and their size, apart from the YAML checks in checkItems.ts so the game can use them
 * without the parser.
 */
export const CHECK_FORMS = ['A', 'B', 'C'] as const;
export type CheckForm = (typeof CHECK_FORMS)[number];

export const ITEMS_PER_FORM = 12;
export const ACCURATE_PER_FORM = ITEMS_PER_FORM / 2;

export function isCheckForm(value: unknown): value is CheckForm {
  return (CHECK_FORMS as readonly unknown[]).includes(value);
}

/** How a student judged one check item. */
export const CHECK_JUDGEMENTS = ['accurate', 'not-accurate'] as const;
export type CheckJudgement = (typeof CHECK_JUDGEMENTS)[number];

export function isCheckJudgement(value: unknown): value is CheckJudgement {
  return (CHECK_JUDGEMENTS as readonly unknown[]).includes(value);
}
