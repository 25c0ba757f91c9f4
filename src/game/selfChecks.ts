/**
 * "Check yourself" for the screens: the checked checks.json (downloaded once, when first needed), the player's
 * saved checks, and the lines of their figures for the report screens. The rules are in src/core/selfCheck.ts.
 */
import type { CheckSet } from '../core/checkItems';
import { CONFIDENCE_LABELS, type CheckJudgement } from '../core/discernment';
import { formatLongDate } from '../core/dates';
import {
  checkCheckSet,
  checkFigures,
  FORM_STAGES,
  readPlayerChange,
  takenForm,
  type SelfCheckData,
} from '../core/selfCheck';
import { SelfCheckStore } from '../storage/SelfCheckStore';
import type { KeyValueStore } from '../storage/SafeStorage';
import { CHECKS_URL } from './pageConstants';

export const JUDGEMENT_LABELS: Record<CheckJudgement, string> = {
  accurate: 'Accurate',
  'not-accurate': 'Not accurate',
};

export type ChecksLoad = { checks: CheckSet } | { error: string };

let checksRequest: Promise<ChecksLoad> | undefined;

async function downloadChecks(url: string): Promise<ChecksLoad> {
  let data: unknown;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok)
      return { error: `The check (${url}) could not be downloaded: the server answered ${response.status}.` };
    data = await response.json();
  } catch {
    return {
      error: `The check (${url}) could not be downloaded or is not valid JSON. Check the connection and try again.`,
    };
  }
  const checked = checkCheckSet(data);
  return checked.error === undefined
    ? { checks: checked.checks }
    : { error: `The check is damaged: ${checked.error}.` };
}

/** The checked check set; a failed download is tried again on the next call. */
export function loadChecks(): Promise<ChecksLoad> {
  checksRequest ??= downloadChecks(CHECKS_URL).then((result) => {
    if ('error' in result) checksRequest = undefined;
    return result;
  });
  return checksRequest;
}

const stores = new WeakMap<KeyValueStore, SelfCheckStore>();

/** The player's saved checks, read from the device once per page. */
export function selfCheckStore(storage: KeyValueStore): SelfCheckStore {
  let store = stores.get(storage);
  if (!store) {
    store = new SelfCheckStore(storage);
    stores.set(storage, store);
  }
  return store;
}

/** How two decimals of d′ and c are shown (a minus sign, not a hyphen). */
export function signedFigure(value: number): string {
  return value.toFixed(2).replace('-', '−');
}

function leaning(c: number): string {
  if (c > 0) return 'leaning to “not accurate”';
  if (c < 0) return 'leaning to “accurate”';
  return 'even-handed';
}

export interface ReportLine {
  text: string;
  heading?: boolean;
  /** A figure or a reading, shown in the brighter colour. */
  strong?: boolean;
}

/** The player's figures per check taken, and the readings of before → after and before → a week later. */
export function checkReportLines(data: SelfCheckData): ReportLine[] {
  if (data.taken.length === 0) {
    return [{ text: 'No check taken yet. “Check yourself” on the title screen starts the first.' }];
  }
  const lines: ReportLine[] = [];
  for (const check of [...data.taken].sort((a, b) => a.form.localeCompare(b.form))) {
    const figures = checkFigures(check);
    const { hits, misses, falseAlarms, correctRejections } = figures.outcomes;
    const day = formatLongDate(new Date(check.takenAt).toISOString());
    lines.push({ text: `Check ${check.form} · ${FORM_STAGES[check.form]} · ${day}`, heading: true });
    lines.push({ text: `Accurate claims you called accurate (hits): ${hits} of ${hits + misses}.` });
    lines.push({
      text: `Inaccurate claims you called accurate (false alarms): ${falseAlarms} of ${falseAlarms + correctRejections}.`,
    });
    if (figures.measures) {
      lines.push({
        text: `Discernment d′ ${signedFigure(figures.measures.dPrime)} · response bias c ${signedFigure(figures.measures.c)} (${leaning(figures.measures.c)}).`,
        strong: true,
      });
    }
    const confidence = figures.confidence
      .filter((level) => level.count > 0)
      .map((level) => `${CONFIDENCE_LABELS[level.level]}: ${level.correct} of ${level.count} right`)
      .join(' · ');
    lines.push({ text: `How sure you were: ${confidence}.` });
  }
  const before = takenForm(data, 'A');
  const readings: [string, 'B' | 'C'][] = [
    ['Before → after', 'B'],
    ['Before → a week later', 'C'],
  ];
  for (const [label, form] of readings) {
    const later = takenForm(data, form);
    const change = before && later ? readPlayerChange(before, later) : undefined;
    if (!change) continue;
    lines.push({ text: label, heading: true });
    lines.push({
      text: `d′ ${change.dPrime >= 0 ? '+' : ''}${signedFigure(change.dPrime)}, c ${change.c >= 0 ? '+' : ''}${signedFigure(change.c)}. ${change.words}`,
      strong: true,
    });
  }
  return lines;
}
