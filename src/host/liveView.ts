/**
 * The projector during a live lesson: the question large with the countdown and how many have answered (never
 * what), then the distribution with the right answer marked, then the source's words with their citation and the
 * explanation, the leaderboard, the podium; and the teacher's buttons (Next, Show answer, Pause/Resume, Skip, End).
 * The board comes from the server with each snapshot (see LiveBoard); the countdown runs here between them.
 */
import QRCode from 'qrcode';
import type { ChoiceTally, DashboardSnapshot, LiveBoard } from '../core/classProtocol';
import { asOfNote } from '../core/dates';
import { LIVE_COMMANDS, type LiveCommand } from '../core/liveLesson';
import { count, longDate } from './dashboardText';
import { confirm } from './dialog';
import { button, el } from './dom';
import { t } from './hostLanguage';
import {
  answeredText,
  commandLabel,
  countdownText,
  extendedStillAnswering,
  extendedWaitText,
  phaseHeading,
} from './liveText';
import './live.css';
import { rankCells, skillParts } from './panels';
import { liveExcerpts } from './liveEvidence';
import { localChoice, localQuestion, localRevealWords } from './hostQuestions';
import { refusalText } from './refusals';

/** How often the countdown on the projector is redrawn. */
const TICK_MS = 200;

/** A bar as long as its share of the largest count (set through the CSSOM: the page's CSP allows no inline style). */
function shareBar(share: number): HTMLElement {
  const bar = el('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } });
  bar.style.setProperty('--share', String(share));
  return bar;
}

export class LiveStage {
  readonly element: HTMLElement;
  private readonly heading = el('h2', {
    attrs: { id: 'live-heading', tabindex: '-1' },
    data: { name: 'live-heading' },
  });
  private readonly countdown = el('p', {
    class: 'live-countdown',
    data: { name: 'live-countdown' },
    attrs: { role: 'timer', 'aria-label': t('host:live.timeLeft') },
  });
  private readonly answered = el('p', { class: 'live-answered', data: { name: 'live-answered' } });
  /** Once the class's time is up: how many students with extended time the question still waits for. */
  private readonly waiting = el('p', { class: 'live-waiting', data: { name: 'live-waiting' }, hidden: true });
  /** When the board came, by this page's clock: the extended times left run on from there. */
  private boardAt = 0;
  private waitingFor = 0;
  private readonly screen = el('div', { class: 'live-screen', data: { name: 'live-screen' } });
  private readonly spoken = el('p', { class: 'visually-hidden', attrs: { role: 'status' } });
  private readonly problem = el('p', { class: 'message error', attrs: { role: 'alert' }, hidden: true });
  private readonly buttons = new Map<LiveCommand, HTMLButtonElement>();
  private board?: LiveBoard;
  /** When the open question's time is up by this page's clock, from the server's time left. */
  private deadline: number | null = null;
  private shown = '';
  private readonly timer: number;

  constructor(
    private readonly send: (command: LiveCommand) => Promise<void>,
    /** How to join, shown large in the lobby (the page's join panel may be out of sight on a projector). */
    private readonly join: { code: string; url: string },
  ) {
    for (const command of LIVE_COMMANDS) {
      const control = button('', () => void this.command(command), {
        class: command === 'next' || command === 'show-answer' ? 'primary' : command === 'end' ? 'danger' : '',
        data: { name: `live-${command}` },
      });
      this.buttons.set(command, control);
    }
    this.element = el(
      'section',
      { class: 'live-stage', data: { name: 'live-stage' }, attrs: { 'aria-labelledby': 'live-heading' } },
      el('div', { class: 'live-top' }, this.heading, this.countdown, this.answered, this.waiting),
      this.screen,
      el(
        'div',
        { class: 'live-controls', attrs: { role: 'group', 'aria-label': t('host:live.controls') } },
        ...this.buttons.values(),
      ),
      this.problem,
      this.spoken,
    );
    this.timer = window.setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops the countdown (the dashboard is closing). */
  close(): void {
    window.clearInterval(this.timer);
  }

  render(snapshot: DashboardSnapshot): void {
    const board = snapshot.live;
    if (!board) return;
    this.board = board;
    this.boardAt = Date.now();
    this.deadline = board.remainingMs === null || board.paused ? null : Date.now() + board.remainingMs;
    document.body.dataset.livePhase = board.phase;
    document.body.dataset.livePosition = String(board.position);
    this.element.dataset.phase = board.phase;
    const heading = phaseHeading(board);
    if (this.heading.textContent !== heading) {
      this.heading.textContent = heading;
      this.spoken.textContent = heading;
    }
    const focused = document.activeElement;
    for (const [command, control] of this.buttons) {
      control.textContent = commandLabel(command, board);
      control.hidden = !board.commands.includes(command);
    }
    // A button that went away (Show answer once the question closed) hands focus to Next, or the first left.
    if (focused instanceof HTMLButtonElement && focused.hidden && this.element.contains(focused)) {
      [...this.buttons.values()].find((control) => !control.hidden)?.focus();
    }
    this.answered.textContent = board.phase === 'question' ? answeredText(board) : '';
    this.answered.hidden = board.phase !== 'question';
    this.tick();
    // The screen is rebuilt only when what it shows changes (not on every answer's count).
    const key = JSON.stringify([
      board.phase,
      board.position,
      board.skipped,
      board.question,
      board.distribution,
      board.evidence,
      board.leaderboard,
      board.phase === 'lobby' || board.phase === 'podium' ? snapshot.players.map((p) => p.nickname) : null,
      board.phase === 'podium' ? snapshot.summary : null,
    ]);
    if (key === this.shown) return;
    this.shown = key;
    this.screen.replaceChildren(...this.screenFor(board, snapshot));
  }

  private tick(): void {
    const board = this.board;
    if (!board || board.phase !== 'question') {
      this.countdown.textContent = '';
      this.countdown.hidden = true;
      this.showWaiting([]);
      return;
    }
    this.countdown.hidden = false;
    const left = board.paused
      ? board.remainingMs
      : this.deadline === null
        ? null
        : Math.max(0, this.deadline - Date.now());
    const text = countdownText(board, left);
    if (this.countdown.textContent !== text) this.countdown.textContent = text;
    this.showWaiting(extendedStillAnswering(board, left, board.paused ? 0 : Date.now() - this.boardAt));
  }

  /** The students with extended time still answering: said as it starts and when their count changes, not every second. */
  private showWaiting(left: readonly (number | null)[]): void {
    const text = extendedWaitText(left);
    if (left.length !== this.waitingFor && left.length > 0) this.spoken.textContent = text;
    this.waitingFor = left.length;
    if (this.waiting.textContent !== text) this.waiting.textContent = text;
    this.waiting.hidden = text === '';
  }

  private async command(command: LiveCommand): Promise<void> {
    if (command === 'end') {
      const choice = await confirm({
        name: 'confirm-live-end-dialog',
        heading: t('host:live.endDialog.heading'),
        text: [t('host:live.endDialog.text')],
        choices: [{ name: 'confirm-live-end', label: t('host:live.endDialog.confirm'), danger: true }],
        safeLabel: t('host:live.endDialog.safe'),
      });
      if (choice !== 'confirm-live-end') return;
    }
    this.problem.hidden = true;
    try {
      await this.send(command);
    } catch (error) {
      this.problem.textContent = refusalText(error, t('host:dashboard.failed'));
      this.problem.hidden = false;
    }
  }

  private screenFor(board: LiveBoard, snapshot: DashboardSnapshot): Node[] {
    const question = board.question;
    // In the page's language where the bank has it (hostQuestions.ts); the claim's quote stays as published.
    const words = question ? localQuestion(question.questionId, question.prompt, question.choices) : undefined;
    const prompt = question
      ? [
          question.claimQuote
            ? el('p', { class: 'live-claim', text: `“${question.claimQuote}”`, attrs: { lang: 'en' } })
            : null,
          words?.claimTranslation
            ? el('p', {
                class: 'live-translation',
                text: t('host:live.translation', { translation: words.claimTranslation }),
              })
            : null,
          el('p', { class: 'live-prompt', text: words!.prompt, data: { name: 'live-prompt' } }),
        ].filter((node): node is HTMLParagraphElement => node !== null)
      : [];
    switch (board.phase) {
      case 'lobby':
        return [
          this.joinPanel(),
          el('p', {
            class: 'live-lead',
            text: t('host:live.inClass', { players: count(snapshot.players.length, 'player') }),
          }),
          el(
            'ul',
            { class: 'live-wall', data: { name: 'live-wall' } },
            ...snapshot.players.map((player) => el('li', { text: player.nickname })),
          ),
        ];
      case 'question':
        return [
          ...prompt,
          el(
            'ol',
            { class: 'live-choices', data: { name: 'live-choices' } },
            ...(words?.choices ?? []).map((text) => el('li', { text })),
          ),
        ];
      case 'answer':
        return [...prompt, this.distribution(board)];
      case 'evidence':
        return [...prompt.slice(-1), ...this.evidence(board)];
      case 'leaderboard':
      case 'podium':
        return [
          this.ranking(board),
          ...(board.phase === 'podium'
            ? [el('div', { class: 'live-skills' }, ...skillParts(snapshot.summary, t('host:live.podiumSkills')))]
            : []),
        ];
    }
  }

  /** The class code, the join link and its QR code, large. */
  private joinPanel(): HTMLElement {
    const qr = el('canvas', {
      class: 'live-qr',
      attrs: { role: 'img', 'aria-label': t('host:dashboard.qr', { url: this.join.url }) },
    });
    void QRCode.toCanvas(qr, this.join.url, { width: 240, margin: 2, color: { dark: '#14213d', light: '#ffffff' } });
    return el(
      'div',
      { class: 'live-join', data: { name: 'live-join' } },
      el(
        'div',
        {},
        el('p', { class: 'live-lead', text: t('host:dashboard.code') }),
        el('p', { class: 'live-code', text: this.join.code }),
        el('p', { class: 'live-lead', text: t('host:live.joinAt', { url: this.join.url }) }),
      ),
      qr,
    );
  }

  private distribution(board: LiveBoard): HTMLElement {
    if (!board.distribution) {
      return el('p', { class: 'live-lead', text: t('host:live.skipped') });
    }
    const { timedOut } = board.distribution;
    const choices = this.localChoices(board);
    const most = Math.max(1, ...choices.map((choice) => choice.count), timedOut);
    return el(
      'div',
      {},
      el(
        'ol',
        { class: 'live-choices live-distribution', data: { name: 'live-distribution' } },
        ...choices.map((choice) =>
          el(
            'li',
            { class: choice.correct ? 'right' : '', data: { correct: String(choice.correct === true) } },
            el('span', { class: 'choice-text', text: choice.correct ? `✔ ${choice.text}` : choice.text }),
            shareBar(choice.count / most),
            el('span', { class: 'choice-count', text: count(choice.count, 'answer') }),
            choice.correct
              ? el('span', { class: 'visually-hidden', text: ` ${t('host:live.rightAnswerMark')}` })
              : null,
          ),
        ),
      ),
      el('p', { class: 'live-note', text: t('host:live.timedOut', { timedOut }) }),
    );
  }

  /** The distribution's choices as the page words them. */
  private localChoices(board: LiveBoard): ChoiceTally[] {
    const questionId = board.question?.questionId;
    return (board.distribution?.choices ?? []).map((choice) =>
      questionId ? { ...choice, text: localChoice(questionId, choice.text) } : choice,
    );
  }

  private evidence(board: LiveBoard): Node[] {
    const evidence = board.evidence;
    const right = this.localChoices(board).find((choice) => choice.correct);
    const explanation = localRevealWords(evidence)?.explanation ?? evidence?.explanation;
    return [
      right ? el('p', { class: 'live-right', text: t('host:live.rightAnswer', { answer: right.text }) }) : null,
      ...liveExcerpts(evidence).map((excerpt) =>
        el(
          'figure',
          { class: 'live-excerpt', data: { name: excerpt.name } },
          // A quote as published: English, whatever the page's language.
          el('blockquote', {
            text: excerpt.quote,
            ...(excerpt.name === 'live-excerpt' ? { attrs: { lang: 'en' } } : {}),
          }),
          excerpt.translation
            ? el('p', { class: 'live-translation', text: excerpt.translation, data: { name: 'live-translation' } })
            : null,
          el('figcaption', { text: excerpt.caption }),
        ),
      ),
      explanation ? el('p', { class: 'live-why', text: t('host:live.why', { explanation }) }) : null,
      evidence?.asOf && asOfNote(evidence)
        ? el('p', { class: 'live-note', text: t('host:live.asOf', { date: longDate(evidence.asOf) }) })
        : null,
    ].filter((node): node is HTMLElement => node !== null);
  }

  private ranking(board: LiveBoard): HTMLElement {
    if (!board.leaderboard) return el('p', { class: 'live-lead', text: t('host:live.scoresHidden') });
    return el(
      'ol',
      { class: `live-ranking ${board.phase}`, data: { name: `live-${board.phase}` } },
      ...board.leaderboard.map((entry) => el('li', { data: { rank: String(entry.rank) } }, ...rankCells(entry))),
    );
  }
}
