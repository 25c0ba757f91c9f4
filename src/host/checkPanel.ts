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
import { summaryTable } from './panels';

const FIGURE_COLUMNS = ['Check', 'Students', 'Hit rate', 'False-alarm rate', 'Discernment d′', 'Bias c'];

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
    this.openButton = button('Open the delayed check', () => void this.openDelayed(), {
      data: { name: 'open-delayed-check' },
    });
    this.element = el(
      'section',
      { attrs: { 'aria-labelledby': 'check-heading' }, data: { name: 'learning-check' } },
      el('h2', { text: 'Learning check', attrs: { id: 'check-heading' } }),
      el('p', {
        class: 'note',
        text:
          'Twelve claims before the first question and twelve after the last: discernment d′ says how well the class ' +
          'tells accurate claims from inaccurate ones; bias c above 0 means calling more claims “not accurate”, ' +
          'the accurate ones included.',
      }),
      this.progress,
      this.figures,
      this.readings,
      el('h3', { text: 'Delayed check' }),
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
          this.notice.textContent = error instanceof Error ? error.message : 'The check’s answers could not be read.';
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
      this.notice.textContent = 'The delayed check is open.';
    } catch (error) {
      // The server's sentence says why (too early, too late) and when it can be opened.
      this.notice.textContent = error instanceof Error ? error.message : 'The delayed check could not be opened.';
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
          attrs: { role: 'region', 'aria-label': 'Learning check figures', tabindex: '0' },
        },
        summaryTable(
          'check-table',
          'The class’s figures for each check, with 95% intervals over students',
          FIGURE_COLUMNS,
          rows.map((row) => ({
            key: row.stage,
            head: row.label,
            cells: [
              String(row.students),
              ...(row.figures
                ? [row.figures.hitRate, row.figures.falseAlarmRate, row.figures.dPrime, row.figures.c].map(estimateCell)
                : ['Not taken yet', '—', '—', '—']),
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
              text: 'What changed shows once students have taken the before check and a later one.',
            }),
          ]
        : readings.map((reading) =>
            el(
              'div',
              { class: 'reading', data: { name: 'check-reading', stage: reading.label } },
              el('h3', { text: `${reading.label} (${reading.students} students who took both)` }),
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
