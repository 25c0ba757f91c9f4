/**
 * The student's class screens in the player's language: the class server's refusals by their code (the server's
 * own sentence is English), places in a class ("3rd" / "3.º"), and the nickname checks' reasons.
 */
import { NICKNAME_MAX_LENGTH, NICKNAME_MIN_LENGTH, type NicknameProblem } from '../core/nicknames';
import type { Translator } from '../i18n/translator';
import { ClassApiError } from '../net/classApi';

/** The refusals a student can meet, each with its sentence under `classroom:error.<code>`. */
const STUDENT_ERRORS = [
  'offline',
  'no-server',
  'unknown-class',
  'class-ended',
  'removed',
  'joining-locked',
  'class-full',
  'nickname-taken',
  'nickname-removed',
  'nickname-not-generated',
  'address-full',
  'join-rate',
  'rate-limited',
  'not-started',
  'already-answered',
  'too-late',
  'question-closed',
  'not-served',
  'check-item-answered',
  'check-off',
  'unknown-player',
  'server-error',
] as const;
type StudentError = (typeof STUDENT_ERRORS)[number];

const isStudentError = (code: string): code is StudentError => (STUDENT_ERRORS as readonly string[]).includes(code);

/** The nickname checks' codes as the server sends them (`nickname-too-short`, …). */
const NICKNAME_CODE = /^nickname-(too-short|too-long|characters|blocked)$/;

/**
 * What a failed call says to the student. English readers get the server's own sentence (it may carry numbers the
 * code does not); any other language gets its sentence for the code, or a general one for a code it does not know.
 */
export function classErrorMessage(error: unknown, translator: Translator): string {
  const { t } = translator;
  if (translator.language === 'en' && error instanceof Error && error.message) return error.message;
  if (!(error instanceof ClassApiError)) return t('classroom:error.generic');
  const nickname = NICKNAME_CODE.exec(error.code)?.[1] as NicknameProblem | undefined;
  if (nickname) return nicknameProblem(nickname, translator);
  if (isStudentError(error.code)) return t(`classroom:error.${error.code}`);
  if (error.status > 0) return t('classroom:error.answered', { status: error.status });
  return t('classroom:error.generic');
}

/** Why a typed nickname was refused, in the player's language. */
export function nicknameProblem(problem: NicknameProblem, { t }: Translator): string {
  return t(`classroom:nickname.${problem}`, { min: NICKNAME_MIN_LENGTH, max: NICKNAME_MAX_LENGTH });
}

/** A place in a class by the language's ordinal rules: "1st", "22nd", "13th"; "1.º". */
export function placeOf(place: number, translator: Translator): string {
  const form = new Intl.PluralRules(translator.locale, { type: 'ordinal' }).select(place);
  const known = form === 'one' || form === 'two' || form === 'few' ? form : 'other';
  return translator.t(`classroom:ordinal.${known}`, { n: place });
}
