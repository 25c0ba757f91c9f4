/**
 * The words of "Your questions" that are made away from its screens (a load's summary and notices, a size, a
 * refused change), in the language of the translator given: the importer and the store return data and English,
 * the screens show these.
 */
import type { ImportProblem, ImportResult } from '../core/import/index';
import type { Translate, Translator } from '../i18n/translator';
import type { SaveRefusal } from '../storage/CustomBankStore';
import { importProblemText } from './importWords';

/** "12 KB", "1.2 MB": how much room saved banks take, as a teacher reads it (characters count as bytes). */
export function sizeText(chars: number, translator: Pick<Translator, 't' | 'formatNumber'>): string {
  const { t, formatNumber } = translator;
  if (chars < 1000) return t('banks:size.bytes', { amount: formatNumber(chars) });
  if (chars < 1_000_000) return t('banks:size.kb', { amount: formatNumber(Math.max(1, Math.round(chars / 1000))) });
  return t('banks:size.mb', { amount: formatNumber(chars / 1_000_000, { maximumFractionDigits: 1 }) });
}

/** "2 questions ready to play. 1 change made while reading, listed below. 1 problem: …" */
export function importSummaryText(result: Pick<ImportResult, 'questions' | 'problems' | 'changes'>, t: Translate) {
  const problems = result.problems.length;
  if (result.questions.length === 0) {
    return problems === 0 ? t('banks:summary.noneRead') : t('banks:summary.noneToPlay', { count: problems });
  }
  const parts = [t('banks:summary.ready', { count: result.questions.length })];
  if (result.changes.length > 0) parts.push(t('banks:summary.changes', { count: result.changes.length }));
  if (problems > 0) parts.push(t('banks:summary.problems', { count: problems }));
  return parts.join(' ');
}

/** Why the store refused a change. */
export function refusalText(refusal: SaveRefusal, translator: Pick<Translator, 't' | 'formatNumber'>): string {
  const { t } = translator;
  if (refusal.why !== 'over-budget') return t(`banks:refused.${refusal.why}`);
  return t('banks:refused.over-budget', {
    size: sizeText(refusal.chars, translator),
    limit: sizeText(refusal.limit, translator),
  });
}

/** A load report's lines in one list: each change, then each problem, each saying which it is. */
export function reportLines(
  report: { changed: readonly ImportProblem[]; skipped: readonly ImportProblem[] },
  words: Pick<Translator, 't' | 'formatNumber' | 'locale'>,
) {
  const { t } = words;
  return [
    ...report.changed.map((note) => ({
      text: t('banks:changedLine', { line: importProblemText(note, words) }),
      changed: true,
    })),
    ...report.skipped.map((note) => ({
      text: t('banks:skippedLine', { line: importProblemText(note, words) }),
      changed: false,
    })),
  ];
}

/** "What was changed or skipped in quiz.gift", or only what the list holds. */
export function reportTitle(
  report: { changed: readonly unknown[]; skipped: readonly unknown[] },
  where: string,
  t: Translate,
) {
  if (report.changed.length > 0 && report.skipped.length > 0) return t('banks:reportTitle.changedOrSkipped', { where });
  if (report.changed.length > 0) return t('banks:reportTitle.changed', { where });
  if (report.skipped.length > 0) return t('banks:reportTitle.skipped', { where });
  return t('banks:reportTitle.problems', { where });
}
