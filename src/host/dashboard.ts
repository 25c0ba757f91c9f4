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
  LIVE_TEXT,
  progressText,
  scoreText,
  settingsLines,
  skillsCoverage,
  statusLine,
  VERIFIED_MEANING,
} from './dashboardText';
import { CheckPanel } from './checkPanel';
import { confirm } from './dialog';
import { askForget } from './keptClasses';
import { csvFileParts } from './keptClassText';
import { awayText, waitingForText } from './presenceText';
import { button, el } from './dom';
import { message, show, type HostPage } from './page';
import { LiveStage } from './liveView';
import { discernmentParts, questionTallies, skillParts } from './panels';
import type { SavedClass } from './savedClass';
import { timeCell, timeSetText, type TimeCell } from './timeCell';

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
  private readonly wall = el('ul', { class: 'wall', data: { name: 'name-wall' }, attrs: { 'aria-label': 'Joined' } });
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
    const qr = el('canvas', { data: { name: 'qr' }, attrs: { role: 'img', 'aria-label': `QR code for ${joinUrl}` } });
    void QRCode.toCanvas(qr, joinUrl, { width: 260, margin: 2, color: { dark: '#14213d', light: '#ffffff' } });
    const warning = reachWarning(info, location.href);
    const reach = warning ? message(warning, 'error') : null;

    this.startButton = button('Start the class', () => void this.startClass(), {
      class: 'primary',
      data: { name: 'start' },
    });
    this.hideButton = button('Hide scores', () => void this.toggleHide(), { data: { name: 'hide-scores' } });
    this.lockButton = button('Lock joining', () => void this.toggleLock(), { data: { name: 'lock-joining' } });
    const exportButton = button('Export results (CSV)', () => void this.exportCsv(), { data: { name: 'export' } });
    this.endButton = button('End the class', () => void this.askEnd(), { class: 'danger', data: { name: 'end' } });
    const newClassButton = button('Host a new class', () => this.close());
    const forgetButton = button('Forget this device', () => void this.askForget(), {
      data: { name: 'forget-device' },
    });
    const deleteButton = button('Delete this class and all its answers now', () => void this.askDelete(), {
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
        el('h2', { text: 'Class skills', attrs: { id: 'skills-heading' } }),
        this.skills,
      ),
      ...(this.checkPanel ? [this.checkPanel.element] : []),
      el(
        'section',
        { attrs: { 'aria-labelledby': 'questions-heading' }, data: { name: 'questions' } },
        el('h2', { text: 'How the class answered', attrs: { id: 'questions-heading' } }),
        el('p', {
          class: 'note',
          text:
            "A question's choices, counts and right answer show once every player still playing is past it " +
            '(players away are not waited for), so the projector never gives an answer away.',
        }),
        this.questions,
      ),
    );
    show(
      page,
      el(
        'section',
        { class: 'join', attrs: { 'aria-label': 'How to join' } },
        el(
          'div',
          {},
          el('p', { class: 'label', text: 'Class code' }),
          el('p', { class: 'code', text: saved.code, data: { name: 'class-code' } }),
          el('p', { class: 'label', text: 'Join at' }),
          el(
            'p',
            {},
            el('a', {
              text: joinUrl,
              data: { name: 'join-link' },
              attrs: { href: joinUrl, target: '_blank', rel: 'noopener' },
            }),
          ),
          el('p', { class: 'note', text: 'Or open the game, choose Class and type the code.' }),
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
          el('h2', { text: 'Players', attrs: { id: 'roster-heading' } }),
          el(
            'table',
            { class: 'roster', data: { name: 'roster' } },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ...['Nickname', 'Progress', 'Score', 'Time', 'Actions'].map((text) =>
                  el('th', { text, attrs: { scope: 'col' } }),
                ),
              ),
            ),
            this.rosterBody,
          ),
        ),
        el(
          'section',
          { attrs: { 'aria-labelledby': 'board-heading' } },
          el('h2', { text: 'Leaderboard', attrs: { id: 'board-heading' } }),
          this.leaderboardNote,
          this.leaderboard,
        ),
      ),
      el(
        'section',
        { attrs: { 'aria-labelledby': 'settings-heading' } },
        el('h2', { text: 'This class', attrs: { id: 'settings-heading' } }),
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
        this.live.textContent = LIVE_TEXT[mode];
        document.body.dataset.live = mode;
      },
    });
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.render(await this.api.dashboard(this.saved.code, this.saved.token));
    } catch (error) {
      this.notice.textContent = error instanceof Error ? error.message : 'That did not work.';
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
      heading: `End the class ${this.saved.code}?`,
      text: ['The class ends for everyone: nobody can answer after this. The results stay until you delete them.'],
      choices: [{ name: 'confirm-end', label: 'End now', danger: true }],
      safeLabel: 'Keep going',
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
      heading: `Delete the class ${this.saved.code}?`,
      text: [
        `The class ${this.saved.code}, every player in it and all their answers are deleted from the class server ` +
          'now. This cannot be undone. Export the results first if you need them.',
      ],
      choices: [{ name: 'confirm-delete', label: 'Delete the class', danger: true }],
      safeLabel: 'Keep the class',
    });
    if (choice !== 'confirm-delete') return;
    await this.deleteAndLeave();
  }

  /** Deletes the class on the server and forgets it here; says why when the server refuses. */
  private async deleteAndLeave(): Promise<void> {
    try {
      await this.api.deleteClass(this.saved.code, this.saved.token);
    } catch (error) {
      this.notice.textContent = `The class was not deleted: ${error instanceof Error ? error.message : 'the server refused.'}`;
      return;
    }
    this.close(`The class ${this.saved.code} and all its answers were deleted from the class server.`, true);
  }

  private async askForget(): Promise<void> {
    const choice = await askForget(this.saved.code);
    if (choice === 'delete-and-forget') await this.deleteAndLeave();
    else if (choice === 'forget') {
      this.close(`This device has forgotten the class ${this.saved.code}; it is still on the class server.`, true);
    }
  }

  private async askErase(playerId: string, nickname: string): Promise<void> {
    const choice = await confirm({
      name: 'confirm-erase-dialog',
      heading: `Delete ${nickname}'s data?`,
      text: [`${nickname}'s nickname, answers and score are deleted from the class server now. This cannot be undone.`],
      choices: [{ name: 'confirm-erase', label: `Delete ${nickname}'s data`, danger: true }],
      safeLabel: 'Keep it',
    });
    if (choice !== 'confirm-erase') return;
    await this.act(() => this.api.erasePlayer(this.saved.code, this.saved.token, playerId));
    this.notice.textContent = `${nickname}'s data was deleted from the class server.`;
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
      this.notice.textContent = 'The results were downloaded as a CSV file.';
    } catch (error) {
      this.notice.textContent = error instanceof Error ? error.message : 'The results could not be exported.';
    }
  }

  private async remove(playerId: string, nickname: string): Promise<void> {
    const choice = await confirm({
      name: 'confirm-remove-dialog',
      heading: `Remove ${nickname} from the class?`,
      text: [
        `${nickname} can no longer answer, and leaves the leaderboard and the results. ` +
          'Nobody can join this class again with that nickname.',
      ],
      choices: [{ name: 'confirm-remove', label: `Remove ${nickname}`, danger: true }],
      safeLabel: 'Keep them',
    });
    if (choice !== 'confirm-remove') return;
    await this.act(() => this.api.removePlayer(this.saved.code, this.saved.token, playerId));
    this.notice.textContent = `${nickname} was removed from the class.`;
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
    this.hideButton.textContent = info.hideScores ? 'Show scores' : 'Hide scores';
    this.hideButton.setAttribute('aria-pressed', String(info.hideScores));
    this.lockButton.disabled = info.status === 'ended';
    this.lockButton.textContent = info.joiningLocked ? 'Unlock joining' : 'Lock joining';
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
            button('Remove', () => void this.remove(player.playerId, player.nickname), {
              class: 'small',
              data: { name: 'remove' },
              attrs: { 'aria-label': `Remove ${player.nickname}` },
            }),
            button('Delete data', () => void this.askErase(player.playerId, player.nickname), {
              class: 'small danger',
              data: { name: 'erase' },
              attrs: { 'aria-label': `Delete data of ${player.nickname}` },
            }),
          ),
        );
        this.rows.set(player.playerId, row);
      }
      this.rosterBody.append(row);
      const progress = row.querySelector('progress')!;
      progress.value = player.answered;
      row.querySelector('.progress-text')!.textContent =
        progressText(player, total) + (player.away && snapshot.class.status === 'open' ? ' · away' : '');
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
        el('tr', {}, el('td', { text: 'Nobody has joined yet.', attrs: { colspan: '5' } })),
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
          el('span', { class: 'rank', text: `${entry.rank}.` }),
          el('span', { class: 'nickname', text: entry.nickname }),
          el('span', { class: 'points', text: `${entry.score.toLocaleString('en-US')} pts` }),
          el('span', {
            class: 'verified',
            text: '✔',
            attrs: { title: VERIFIED_MEANING, 'aria-label': 'verified' },
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
