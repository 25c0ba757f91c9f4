/** The dashboard's controller: it follows the class live and keeps every panel up to date. */
import QRCode from 'qrcode';
import type { DashboardPlayer, DashboardSnapshot, ServerInfo } from '../core/classProtocol';
import type { LiveCommand } from '../core/liveLesson';
import type { TimeAccommodation } from '../core/timeAccommodation';
import { joinLinkFor, reachWarning } from '../core/joinLink';
import type { ClassApi } from '../net/classApi';
import { openLive, type LiveConnection } from '../net/liveStream';
import {
  joiningText,
  leaderboardNote,
  liveModeText,
  progressText,
  scoreText,
  settingsLines,
  skillsCoverage,
  statusLine,
  verifiedMeaning,
} from './dashboardText';
import { CheckPanel } from './checkPanel';
import { confirm } from './dialog';
import { askForget } from './keptClasses';
import { csvFileParts } from './keptClassText';
import { awayText, waitingForText } from './presenceText';
import { button, el } from './dom';
import { t } from './hostLanguage';
import { message, show, type HostPage } from './page';
import { LiveStage } from './liveView';
import { discernmentParts, questionTallies, rankCells, skillParts } from './panels';
import type { SavedClass } from './savedClass';
import { timeCell, timeSetText, type TimeCell } from './timeCell';
import { refusalText } from './refusals';

/** The class live: how to join, the controls, the roster, the leaderboard, the skills and the questions. */
export class Dashboard {
  private readonly status = el('p', { class: 'status', data: { name: 'class-status' }, attrs: { tabindex: '-1' } });
  private readonly joining = el('p', { class: 'joining', data: { name: 'joining-state' } });
  private readonly settings = el('ul', { class: 'settings', data: { name: 'class-settings' } });
  private readonly live = el('span', { class: 'live', data: { name: 'live-mode' } });
  private readonly controls = el('div', { class: 'controls' });
  private readonly notice = el('p', { class: 'message', attrs: { role: 'status' } });
  /** Who the class waits for and who is away (self-paced). */
  private readonly waitingFor = el('p', { class: 'waiting-for', data: { name: 'waiting-for' } });
  private readonly away = el('p', { class: 'away-list', data: { name: 'away' } });
  /** The lobby's wall of joined nicknames, large, for the room to find their own. */
  private readonly wall = el('ul', {
    class: 'wall',
    data: { name: 'name-wall' },
    attrs: { 'aria-label': t('host:dashboard.joined') },
  });
  private readonly playSections: HTMLElement[] = [];
  private readonly rosterBody = el('tbody');
  private readonly rows = new Map<string, HTMLTableRowElement>();
  private readonly timeCells = new Map<string, TimeCell>();
  private readonly leaderboard = el('ol', { class: 'leaderboard', data: { name: 'leaderboard' } });
  private readonly leaderboardNote = el('p', { class: 'note' });
  private readonly questions = el('div', { class: 'questions' });
  private readonly skills = el('div', { class: 'skills', data: { name: 'skills-body' } });
  private skillsShown = '';
  private readonly startButton: HTMLButtonElement;
  private readonly hideButton: HTMLButtonElement;
  private readonly endButton: HTMLButtonElement;
  private readonly lockButton: HTMLButtonElement;
  private connection?: LiveConnection;
  private snapshot: DashboardSnapshot;
  /** The projector's view of a live lesson (none in a self-paced class). */
  private readonly stage?: LiveStage;
  /** Only for a class created with a learning check. */
  private readonly checkPanel?: CheckPanel;

  constructor(
    page: HostPage,
    private readonly api: ClassApi,
    private readonly saved: SavedClass,
    info: ServerInfo,
    snapshot: DashboardSnapshot,
    /**
     * The saved class is forgotten and the page starts again at the set-up form, saying `notice` when given
     * ("Host a new class", "Forget this device", a deleted class).
     */
    private readonly leave: (notice?: string, drop?: string) => void,
  ) {
    this.snapshot = snapshot;
    document.body.dataset.hostState = 'dashboard';
    if (snapshot.class.learningCheck) this.checkPanel = new CheckPanel(api, saved.code, saved.token);
    const joinUrl = joinLinkFor(saved.code, info, location.href);
    const qr = el('canvas', {
      data: { name: 'qr' },
      attrs: { role: 'img', 'aria-label': t('host:dashboard.qr', { url: joinUrl }) },
    });
    void QRCode.toCanvas(qr, joinUrl, { width: 260, margin: 2, color: { dark: '#14213d', light: '#ffffff' } });
    // The rule is core's; its words are the page's language.
    const reach = reachWarning(info, location.href) ? message(t('host:dashboard.reachWarning'), 'error') : null;

    this.startButton = button(t('host:dashboard.start'), () => void this.startClass(), {
      class: 'primary',
      data: { name: 'start' },
    });
    this.hideButton = button(t('host:dashboard.hideScores'), () => void this.toggleHide(), {
      data: { name: 'hide-scores' },
    });
    this.lockButton = button(t('host:dashboard.lock'), () => void this.toggleLock(), {
      data: { name: 'lock-joining' },
    });
    const exportButton = button(t('host:dashboard.export'), () => void this.exportCsv(), { data: { name: 'export' } });
    this.endButton = button(t('host:dashboard.end'), () => void this.askEnd(), {
      class: 'danger',
      data: { name: 'end' },
    });
    const newClassButton = button(t('host:dashboard.newClass'), () => this.close());
    const forgetButton = button(t('host:dashboard.forget'), () => void this.askForget(), {
      data: { name: 'forget-device' },
    });
    const deleteButton = button(t('host:dashboard.delete'), () => void this.askDelete(), {
      class: 'danger',
      data: { name: 'delete-class' },
    });
    this.controls.append(
      this.startButton,
      this.lockButton,
      this.hideButton,
      exportButton,
      this.endButton,
      newClassButton,
    );

    // Nothing of the questions shows in the lobby: these two come once the class is played.
    this.playSections.push(
      el(
        'section',
        { attrs: { 'aria-labelledby': 'skills-heading' }, data: { name: 'class-skills' } },
        el('h2', { text: t('host:dashboard.skillsHeading'), attrs: { id: 'skills-heading' } }),
        this.skills,
      ),
      ...(this.checkPanel ? [this.checkPanel.element] : []),
      el(
        'section',
        { attrs: { 'aria-labelledby': 'questions-heading' }, data: { name: 'questions' } },
        el('h2', { text: t('host:dashboard.questionsHeading'), attrs: { id: 'questions-heading' } }),
        el('p', { class: 'note', text: t('host:dashboard.questionsNote') }),
        this.questions,
      ),
    );
    show(
      page,
      el(
        'section',
        { class: 'join', attrs: { 'aria-label': t('host:dashboard.howToJoin') } },
        el(
          'div',
          {},
          el('p', { class: 'label', text: t('host:dashboard.code') }),
          el('p', { class: 'code', text: saved.code, data: { name: 'class-code' } }),
          el('p', { class: 'label', text: t('host:dashboard.joinAt') }),
          el(
            'p',
            {},
            el('a', {
              text: joinUrl,
              data: { name: 'join-link' },
              attrs: { href: joinUrl, target: '_blank', rel: 'noopener' },
            }),
          ),
          el('p', { class: 'note', text: t('host:dashboard.orType') }),
          reach,
        ),
        qr,
      ),
      el('div', { class: 'bar' }, this.status, this.live),
      this.joining,
      this.controls,
      this.notice,
      this.waitingFor,
      this.away,
      this.wall,
      el(
        'div',
        { class: 'columns' },
        el(
          'section',
          { attrs: { 'aria-labelledby': 'roster-heading' } },
          el('h2', { text: t('host:dashboard.playersHeading'), attrs: { id: 'roster-heading' } }),
          // A phone scrolls the roster sideways inside its own region (focusable, so a keyboard can scroll it too).
          el(
            'div',
            {
              class: 'table-scroll',
              attrs: { role: 'region', 'aria-label': t('host:dashboard.rosterTable'), tabindex: '0' },
            },
            el(
              'table',
              { class: 'roster', data: { name: 'roster' } },
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  ...(['nickname', 'progress', 'score', 'time', 'actions'] as const).map((column) =>
                    el('th', { text: t(`host:dashboard.column.${column}`), attrs: { scope: 'col' } }),
                  ),
                ),
              ),
              this.rosterBody,
            ),
          ),
        ),
        el(
          'section',
          { attrs: { 'aria-labelledby': 'board-heading' } },
          el('h2', { text: t('host:dashboard.leaderboardHeading'), attrs: { id: 'board-heading' } }),
          this.leaderboardNote,
          this.leaderboard,
        ),
      ),
      el(
        'section',
        { attrs: { 'aria-labelledby': 'settings-heading' } },
        el('h2', { text: t('host:dashboard.settingsHeading'), attrs: { id: 'settings-heading' } }),
        this.settings,
        el('div', { class: 'controls' }, forgetButton, deleteButton),
      ),
      ...this.playSections,
    );
    if (snapshot.class.pace === 'live') {
      this.stage = new LiveStage((command) => this.liveCommand(command), { code: saved.code, url: joinUrl });
      page.root.querySelector('h1')?.after(this.stage.element);
    }
    this.render(snapshot);
    this.connect();
  }

  /** A live lesson's command; a refusal is the stage's to say. */
  private async liveCommand(command: LiveCommand): Promise<void> {
    await this.api.live(this.saved.code, this.saved.token, command);
    this.render(await this.api.dashboard(this.saved.code, this.saved.token));
  }

  private connect(): void {
    this.connection = openLive({
      url: this.api.url(`classes/${encodeURIComponent(this.saved.code)}/events`),
      token: this.saved.token,
      onEvent: (name, data) => {
        if (name === 'snapshot') this.render(data as DashboardSnapshot);
      },
      poll: async () => this.render(await this.api.dashboard(this.saved.code, this.saved.token)),
      onMode: (mode) => {
        this.live.textContent = liveModeText(mode);
        document.body.dataset.live = mode;
      },
    });
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.render(await this.api.dashboard(this.saved.code, this.saved.token));
    } catch (error) {
      this.notice.textContent = refusalText(error, t('host:dashboard.failed'));
    }
  }

  /** Stops following the class and hands the page back. */
  private close(notice?: string, drop = false): void {
    this.connection?.close();
    this.stage?.close();
    this.leave(notice, drop ? this.saved.code : undefined);
  }

  /** Moves focus to the status line, so a screen reader reads the class's new state. */
  focusStatus(): void {
    this.status.focus();
  }

  private async startClass(): Promise<void> {
    await this.act(() => this.api.start(this.saved.code, this.saved.token));
    this.focusStatus();
  }

  private async askEnd(): Promise<void> {
    const choice = await confirm({
      name: 'confirm-end-dialog',
      heading: t('host:dashboard.endDialog.heading', { code: this.saved.code }),
      text: [t('host:dashboard.endDialog.text')],
      choices: [{ name: 'confirm-end', label: t('host:dashboard.endDialog.confirm'), danger: true }],
      safeLabel: t('host:dashboard.endDialog.safe'),
    });
    if (choice === 'confirm-end') await this.act(() => this.api.end(this.saved.code, this.saved.token));
    this.focusStatus();
  }

  private async toggleLock(): Promise<void> {
    await this.act(() => this.api.lockJoining(this.saved.code, this.saved.token, !this.snapshot.class.joiningLocked));
  }

  private async askDelete(): Promise<void> {
    const choice = await confirm({
      name: 'confirm-delete-dialog',
      heading: t('host:dashboard.deleteDialog.heading', { code: this.saved.code }),
      text: [t('host:dashboard.deleteDialog.text', { code: this.saved.code })],
      choices: [{ name: 'confirm-delete', label: t('host:dashboard.deleteDialog.confirm'), danger: true }],
      safeLabel: t('host:dashboard.deleteDialog.safe'),
    });
    if (choice !== 'confirm-delete') return;
    await this.deleteAndLeave();
  }

  /** Deletes the class on the server and forgets it here; says why when the server refuses. */
  private async deleteAndLeave(): Promise<void> {
    try {
      await this.api.deleteClass(this.saved.code, this.saved.token);
    } catch (error) {
      this.notice.textContent = t('host:dashboard.notDeleted', {
        why: refusalText(error, t('host:dashboard.refused')),
      });
      return;
    }
    this.close(t('host:dashboard.deleted', { code: this.saved.code }), true);
  }

  private async askForget(): Promise<void> {
    const choice = await askForget(this.saved.code);
    if (choice === 'delete-and-forget') await this.deleteAndLeave();
    else if (choice === 'forget') {
      this.close(t('host:dashboard.forgotten', { code: this.saved.code }), true);
    }
  }

  private async askErase(playerId: string, nickname: string): Promise<void> {
    const choice = await confirm({
      name: 'confirm-erase-dialog',
      heading: t('host:dashboard.eraseDialog.heading', { nickname }),
      text: [t('host:dashboard.eraseDialog.text', { nickname })],
      choices: [{ name: 'confirm-erase', label: t('host:dashboard.eraseDialog.confirm', { nickname }), danger: true }],
      safeLabel: t('host:dashboard.eraseDialog.safe'),
    });
    if (choice !== 'confirm-erase') return;
    await this.act(() => this.api.erasePlayer(this.saved.code, this.saved.token, playerId));
    this.notice.textContent = t('host:dashboard.erased', { nickname });
  }

  private async toggleHide(): Promise<void> {
    await this.act(() => this.api.hideScores(this.saved.code, this.saved.token, !this.snapshot.class.hideScores));
  }

  private async exportCsv(): Promise<void> {
    try {
      const csv = await this.api.resultsCsv(this.saved.code, this.saved.token);
      const url = URL.createObjectURL(new Blob(csvFileParts(csv), { type: 'text/csv;charset=utf-8' }));
      const link = el('a', { attrs: { href: url, download: `source-check-class-${this.saved.code}.csv` } });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.notice.textContent = t('host:dashboard.exported');
    } catch (error) {
      this.notice.textContent = refusalText(error, t('host:dashboard.notExported'));
    }
  }

  private async remove(playerId: string, nickname: string): Promise<void> {
    const choice = await confirm({
      name: 'confirm-remove-dialog',
      heading: t('host:dashboard.removeDialog.heading', { nickname }),
      text: [t('host:dashboard.removeDialog.text', { nickname })],
      choices: [
        { name: 'confirm-remove', label: t('host:dashboard.removeDialog.confirm', { nickname }), danger: true },
      ],
      safeLabel: t('host:dashboard.removeDialog.safe'),
    });
    if (choice !== 'confirm-remove') return;
    await this.act(() => this.api.removePlayer(this.saved.code, this.saved.token, playerId));
    this.notice.textContent = t('host:dashboard.removed', { nickname });
  }

  private async setTime(player: DashboardPlayer, accommodation: TimeAccommodation): Promise<void> {
    let done = false;
    await this.act(async () => {
      await this.api.setTime(this.saved.code, this.saved.token, player.playerId, accommodation);
      done = true;
    });
    if (done) this.notice.textContent = timeSetText(player.nickname, accommodation);
  }

  private render(snapshot: DashboardSnapshot): void {
    // An older snapshot (a poll racing the stream) never replaces a newer one from the same process.
    if (snapshot.version > 0 && snapshot.version < this.snapshot.version) return;
    this.snapshot = snapshot;
    const info = snapshot.class;
    this.status.textContent = statusLine(snapshot);
    document.body.dataset.classStatus = info.status;
    // A live lesson starts with the stage's first Next.
    this.startButton.hidden = info.status !== 'lobby' || info.pace === 'live';
    this.endButton.disabled = info.status === 'ended';
    this.hideButton.disabled = info.status === 'ended';
    this.hideButton.textContent = info.hideScores ? t('host:dashboard.showScores') : t('host:dashboard.hideScores');
    this.hideButton.setAttribute('aria-pressed', String(info.hideScores));
    this.lockButton.disabled = info.status === 'ended';
    this.lockButton.textContent = info.joiningLocked ? t('host:dashboard.unlock') : t('host:dashboard.lock');
    this.lockButton.setAttribute('aria-pressed', String(info.joiningLocked));
    this.joining.textContent = info.status === 'ended' ? '' : joiningText(info.joiningLocked);
    this.joining.classList.toggle('locked', info.joiningLocked);
    document.body.dataset.joiningLocked = String(info.joiningLocked);
    this.settings.replaceChildren(...settingsLines(info).map((line) => el('li', { text: line })));
    this.waitingFor.textContent = waitingForText(snapshot);
    this.away.textContent = awayText(snapshot);
    this.wall.hidden = info.status !== 'lobby';
    this.wall.replaceChildren(...snapshot.players.map((player) => el('li', { text: player.nickname })));
    for (const section of this.playSections) section.hidden = info.status === 'lobby';
    this.renderRoster(snapshot);
    this.renderLeaderboard(snapshot);
    this.renderSkills(snapshot);
    this.questions.replaceChildren(...questionTallies(snapshot));
    // Nothing of the questions in the lobby; a live lesson's questions are the stage's to show, one at a time: the
    // list of them waits for the end.
    this.questions.parentElement!.hidden =
      info.status === 'lobby' || (info.pace === 'live' && info.status !== 'ended' && snapshot.live?.phase !== 'podium');
    this.stage?.render(snapshot);
    this.checkPanel?.update(snapshot.checks);
  }

  /** Rows are kept by player, so a focused Remove button survives every update. */
  private renderRoster(snapshot: DashboardSnapshot): void {
    const seen = new Set<string>();
    const total = snapshot.class.questionCount;
    for (const player of snapshot.players) {
      seen.add(player.playerId);
      let row = this.rows.get(player.playerId);
      if (!row) {
        const time = timeCell(player, (accommodation) => this.setTime(player, accommodation));
        this.timeCells.set(player.playerId, time);
        row = el(
          'tr',
          { data: { player: player.playerId } },
          el('td', { class: 'nickname', text: player.nickname }),
          el(
            'td',
            {},
            el('progress', { attrs: { max: String(total), value: '0' } }),
            el('span', { class: 'progress-text' }),
          ),
          el('td', { class: 'score' }),
          time.cell,
          el(
            'td',
            { class: 'actions' },
            button(t('host:dashboard.remove'), () => void this.remove(player.playerId, player.nickname), {
              class: 'small',
              data: { name: 'remove' },
              attrs: { 'aria-label': t('host:dashboard.removeLabel', { nickname: player.nickname }) },
            }),
            button(t('host:dashboard.erase'), () => void this.askErase(player.playerId, player.nickname), {
              class: 'small danger',
              data: { name: 'erase' },
              attrs: { 'aria-label': t('host:dashboard.eraseLabel', { nickname: player.nickname }) },
            }),
          ),
        );
        this.rows.set(player.playerId, row);
      }
      this.rosterBody.append(row);
      const progress = row.querySelector('progress')!;
      progress.value = player.answered;
      row.querySelector('.progress-text')!.textContent =
        progressText(player, total) +
        (player.away && snapshot.class.status === 'open' ? ` · ${t('host:dashboard.away')}` : '');
      row.classList.toggle('away', player.away && snapshot.class.status === 'open');
      row.querySelector('.score')!.textContent = scoreText(player.score, snapshot.class.hideScores);
      row.querySelector<HTMLButtonElement>('button[data-name="remove"]')!.disabled = snapshot.class.status === 'ended';
      this.timeCells.get(player.playerId)?.update(player, snapshot.class.status === 'ended');
    }
    for (const [id, row] of this.rows) {
      if (seen.has(id)) continue;
      row.remove();
      this.rows.delete(id);
      this.timeCells.delete(id);
    }
    if (snapshot.players.length === 0) {
      this.rosterBody.replaceChildren(
        el('tr', {}, el('td', { text: t('host:dashboard.nobody'), attrs: { colspan: '5' } })),
      );
      this.rows.clear();
      this.timeCells.clear();
    } else {
      this.rosterBody.querySelector('tr:not([data-player])')?.remove();
    }
  }

  private renderLeaderboard(snapshot: DashboardSnapshot): void {
    const hidden = snapshot.class.hideScores;
    this.leaderboardNote.textContent = leaderboardNote(hidden);
    if (hidden) {
      const byProgress = [...snapshot.players].sort(
        (a, b) => b.answered - a.answered || a.nickname.localeCompare(b.nickname),
      );
      this.leaderboard.replaceChildren(
        ...byProgress.map((player) =>
          el(
            'li',
            { class: 'progress-only', data: { player: player.playerId } },
            el('span', { class: 'nickname', text: player.nickname }),
            el('span', { class: 'points', text: `${player.answered} / ${snapshot.class.questionCount}` }),
          ),
        ),
      );
      return;
    }
    this.leaderboard.replaceChildren(
      ...snapshot.leaderboard.map((entry) =>
        el(
          'li',
          {
            class: entry.rank <= 3 ? `top top-${entry.rank}` : '',
            data: { player: entry.playerId, rank: String(entry.rank) },
          },
          ...rankCells(entry),
          el('span', {
            class: 'verified',
            text: '✔',
            attrs: { title: verifiedMeaning(), 'aria-label': t('host:dashboard.verified') },
          }),
        ),
      ),
    );
  }

  private renderSkills(snapshot: DashboardSnapshot): void {
    const { summary, class: info } = snapshot;
    // Most snapshots leave the summary as it was (it changes as questions are settled): keep the DOM then.
    const shown = `${info.status}:${info.questionCount}:${JSON.stringify(summary)}`;
    if (shown === this.skillsShown) return;
    this.skillsShown = shown;
    const asked = summary.skills.reduce((sum, row) => sum + row.asked, 0);
    const coverage = skillsCoverage(summary, info);
    const note = el('p', { class: 'note', text: coverage, data: { name: 'skills-coverage' } });
    if (asked === 0) {
      this.skills.replaceChildren(note);
      this.skills.dataset.state = 'empty';
      return;
    }
    this.skills.dataset.state = 'filled';
    this.skills.replaceChildren(
      note,
      el(
        'div',
        { class: 'columns' },
        el('div', {}, ...skillParts(summary)),
        el('div', {}, ...discernmentParts(summary)),
      ),
    );
  }
}
