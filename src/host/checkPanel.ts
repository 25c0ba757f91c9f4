/**
 * The dashboard's learning-check panel, for a class created with a check: how many students finished each check,
 * the class's figures for before, after and delayed, the readings in plain words, and the delayed check's state
 * with the button that opens it. The answers are fetched when the snapshot says they changed; what is said comes
 * from checkText.ts.
 */
import type { CheckProgress, ClassCheckData } from '../core/classCheck';
import type { ClassApi } from '../net/classApi';
import { checkFiguresRows, checkProgressText, checkReadings, delayedCheckText, type ShownEstimate } from './checkText';
import { button, el } from './dom';
import { t } from './hostLanguage';
import { summaryTable } from './panels';
import { refusalText } from './refusals';

/** The figures table's columns, in order. */
const FIGURE_COLUMNS = ['check', 'students', 'hitRate', 'falseAlarmRate', 'dPrime', 'c'] as const;

/** A figure and, under it, its interval. */
function estimateCell(estimate: ShownEstimate): HTMLElement {
  return el(
    'span',
    {},
    el('span', { class: 'figure', text: estimate.value }),
    el('br'),
    el('small', { text: estimate.interval }),
  );
}

export class CheckPanel {
  readonly element: HTMLElement;
  private readonly progress = el('p', { data: { name: 'check-progress' } });
  private readonly figures = el('div', { data: { name: 'check-figures' } });
  private readonly readings = el('div', { data: { name: 'check-readings' } });
  private readonly delayed = el('p', { data: { name: 'delayed-check-state' } });
  private readonly notice = el('p', { class: 'message', attrs: { role: 'status' }, data: { name: 'check-notice' } });
  private readonly openButton: HTMLButtonElement;
  /** What the shown figures were computed from (the snapshot's count of answers and the delayed check's state). */
  private shownKey = '';
  private wantedKey = '';
  private loading?: Promise<void>;

  constructor(
    private readonly api: ClassApi,
    private readonly code: string,
    private readonly token: string,
  ) {
    this.openButton = button(t('host:checks.openDelayed'), () => void this.openDelayed(), {
      data: { name: 'open-delayed-check' },
    });
    this.element = el(
      'section',
      { attrs: { 'aria-labelledby': 'check-heading' }, data: { name: 'learning-check' } },
      el('h2', { text: t('host:checks.heading'), attrs: { id: 'check-heading' } }),
      el('p', { class: 'note', text: t('host:checks.intro') }),
      this.progress,
      this.figures,
      this.readings,
      el('h3', { text: t('host:checks.delayedHeading') }),
      this.delayed,
      el('div', { class: 'controls' }, this.openButton),
      this.notice,
    );
  }

  /** Fetches the answers again when the snapshot's check progress has moved since the figures were computed. */
  update(progress: CheckProgress | undefined): void {
    this.wantedKey = JSON.stringify(progress ?? null);
    if (this.wantedKey === this.shownKey || this.loading) return;
    const key = this.wantedKey;
    this.loading = this.api
      .classChecks(this.code, this.token)
      .then(
        (data) => {
          this.shownKey = key;
          this.render(data);
        },
        (error: unknown) => {
          this.notice.textContent = refusalText(error, t('host:checks.notRead'));
        },
      )
      .finally(() => {
        this.loading = undefined;
        // Answers that came in while this fetch was under way: fetch once more (a failed fetch waits for the next).
        if (this.wantedKey !== key && this.shownKey === key) this.update(JSON.parse(this.wantedKey) as CheckProgress);
      });
  }

  private async openDelayed(): Promise<void> {
    try {
      this.render(await this.api.openDelayedCheck(this.code, this.token));
      this.notice.textContent = t('host:checks.opened');
    } catch (error) {
      // The server's sentence says why (too early, too late) and when it can be opened.
      this.notice.textContent = refusalText(error, t('host:checks.notOpened'));
    }
  }

  private render(data: ClassCheckData): void {
    this.progress.textContent = checkProgressText(data);
    const rows = checkFiguresRows(data, this.code);
    // A phone scrolls the table sideways inside its own region (focusable, so a keyboard can scroll it too).
    this.figures.replaceChildren(
      el(
        'div',
        {
          class: 'table-scroll',
          attrs: { role: 'region', 'aria-label': t('host:checks.figuresLabel'), tabindex: '0' },
        },
        summaryTable(
          'check-table',
          t('host:checks.caption'),
          FIGURE_COLUMNS.map((column) => t(`host:checks.column.${column}`)),
          rows.map((row) => ({
            key: row.stage,
            head: row.label,
            cells: [
              String(row.students),
              ...(row.figures
                ? [row.figures.hitRate, row.figures.falseAlarmRate, row.figures.dPrime, row.figures.c].map(estimateCell)
                : [t('host:checks.notTaken'), '—', '—', '—']),
            ],
          })),
        ),
      ),
    );
    const readings = checkReadings(data, this.code);
    this.readings.replaceChildren(
      ...(readings.length === 0
        ? [
            el('p', {
              class: 'note',
              text: t('host:checks.noReadings'),
            }),
          ]
        : readings.map((reading) =>
            el(
              'div',
              { class: 'reading', data: { name: 'check-reading', stage: reading.label } },
              el('h3', { text: t('host:checks.readingHeading', { label: reading.label, count: reading.students }) }),
              el('p', { text: reading.change }),
              el('p', { text: reading.words }),
            ),
          )),
    );
    const delayed = delayedCheckText(data, this.code);
    this.delayed.textContent = delayed.text;
    this.openButton.hidden = !delayed.canOpen;
  }
}
