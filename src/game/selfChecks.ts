/**
 * "Check yourself" for the screens: the checked checks.json (downloaded once, when first needed), the player's
 * saved checks, and the lines of their figures for the report screens. The rules are in src/core/selfCheck.ts.
 */
import type { CheckSet } from '../core/checkItems';
import { checkCheckSet, checkFigures, readPlayerChange } from '../core/selfCheck';
import { takenForm, type SelfCheckData } from '../core/savedChecks';
import type { Translator } from '../i18n/translator';
import { CHECKS_URL } from './pageConstants';

/** A failed load says what went wrong in English (`error`, with the address or the fault) and its kind. */
export type ChecksLoad = { checks: CheckSet } | { error: string; problem: 'download' | 'damaged' };

let checksRequest: Promise<ChecksLoad> | undefined;

async function downloadChecks(url: string): Promise<ChecksLoad> {
  let data: unknown;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok)
      return {
        error: `The check (${url}) could not be downloaded: the server answered ${response.status}.`,
        problem: 'download',
      };
    data = await response.json();
  } catch {
    return {
      error: `The check (${url}) could not be downloaded or is not valid JSON. Check the connection and try again.`,
      problem: 'download',
    };
  }
  const checked = checkCheckSet(data);
  return checked.error === undefined
    ? { checks: checked.checks }
    : { error: `The check is damaged: ${checked.error}.`, problem: 'damaged' };
}

/** The checked check set; a failed download is tried again on the next call. */
export function loadChecks(): Promise<ChecksLoad> {
  checksRequest ??= downloadChecks(CHECKS_URL).then((result) => {
    if ('error' in result) checksRequest = undefined;
    return result;
  });
  return checksRequest;
}

/**
 * Why the check did not load, for the player: the English detail as it is (the address, the fault) to an English
 * reader, and the sentence for its kind in any other language.
 */
export function checksLoadMessage(failed: Extract<ChecksLoad, { error: string }>, translator: Translator): string {
  return translator.language === 'en' ? failed.error : translator.t(`check:loadProblem.${failed.problem}`);
}

/** How two decimals of d′ and c are shown (a minus sign, not a hyphen). */
export function signedFigure(value: number): string {
  return value.toFixed(2).replace('-', '−');
}

function leaning(c: number): 'not-accurate' | 'accurate' | 'even' {
  if (c > 0) return 'not-accurate';
  if (c < 0) return 'accurate';
  return 'even';
}

/** A change's figure with its sign: "+0.40", "−0.25". */
const signedChange = (value: number) => `${value >= 0 ? '+' : ''}${signedFigure(value)}`;

export interface ReportLine {
  text: string;
  heading?: boolean;
  /** A figure or a reading, shown in the brighter colour. */
  strong?: boolean;
}

/**
 * The player's figures per check taken, and the readings of before → after and before → a week later, in the
 * translator's language.
 */
export function checkReportLines(data: SelfCheckData, translator: Translator): ReportLine[] {
  const { t } = translator;
  if (data.taken.length === 0) return [{ text: t('check:figures.none') }];
  const lines: ReportLine[] = [];
  for (const check of [...data.taken].sort((a, b) => a.form.localeCompare(b.form))) {
    const figures = checkFigures(check);
    const { hits, misses, falseAlarms, correctRejections } = figures.outcomes;
    const stage = t(`check:figures.stage.${check.form}`);
    const day = translator.formatDate(new Date(check.takenAt));
    lines.push({ text: t('check:figures.heading', { form: check.form, stage, day }), heading: true });
    lines.push({ text: t('check:figures.hits', { hits, count: hits + misses }) });
    lines.push({ text: t('check:figures.falseAlarms', { falseAlarms, count: falseAlarms + correctRejections }) });
    if (figures.measures) {
      const { dPrime, c } = figures.measures;
      lines.push({
        text: t('check:figures.measures', {
          dPrime: signedFigure(dPrime),
          c: signedFigure(c),
          leaning: t(`check:figures.leaning.${leaning(c)}`),
        }),
        strong: true,
      });
    }
    const levels = figures.confidence
      .filter((level) => level.count > 0)
      .map((level) =>
        t('check:figures.confidenceLevel', {
          level: t(`check:confidence.${level.level}`),
          correct: level.correct,
          count: level.count,
        }),
      )
      .join(' · ');
    lines.push({ text: t('check:figures.howSure', { levels }) });
  }
  const before = takenForm(data, 'A');
  const readings = [
    [t('check:figures.beforeAfter'), 'B'],
    [t('check:figures.beforeLater'), 'C'],
  ] as const;
  for (const [label, form] of readings) {
    const later = takenForm(data, form);
    const change = before && later ? readPlayerChange(before, later) : undefined;
    if (!change) continue;
    lines.push({ text: label, heading: true });
    lines.push({
      text: t('check:figures.change', {
        dPrime: signedChange(change.dPrime),
        c: signedChange(change.c),
        reading: t(`check:figures.reading.${change.reading}`),
        note: t('check:figures.smallSample'),
      }),
      strong: true,
    });
  }
  return lines;
}
