/**
 * "Host a class": the teacher's page. Pick the round (questions, time, topics, scoring), get a class code, a
 * join link and a QR code for the projector, then watch the class live: who has joined and how far they are,
 * the leaderboard (scores can be hidden), the class's SIFT skills and discernment, and how the class answered
 * each question. Remove a player, end the class, export the results as CSV. Plain DOM: every piece of text from users is set as text.
 */
import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';
import QRCode from 'qrcode';
import type {
  ClassSettings,
  ClassSkillSummary,
  DashboardSnapshot,
  ScoringMode,
  ServerInfo,
} from '../core/classProtocol';
import { MAX_CLASS_QUESTIONS, MIN_CLASS_QUESTIONS } from '../core/classRules';
import { SKILL_NAMES, type CalibrationFit, type Tally } from '../core/reports';
import { CONFIDENCE_LABELS } from '../core/wager';
import { ClassApi, ClassApiError } from '../net/classApi';
import { openLive, type LiveConnection, type LiveMode } from '../net/liveStream';
import { SafeStorage } from '../storage/SafeStorage';
import { button, el } from './dom';
import './host.css';

const SAVED_KEY = 'source-check:host:v1';
const TIME_CHOICES: { label: string; value: number | null }[] = [
  { label: '10 seconds', value: 10 },
  { label: '20 seconds', value: 20 },
  { label: '30 seconds', value: 30 },
  { label: '45 seconds', value: 45 },
  { label: '60 seconds', value: 60 },
  { label: '90 seconds', value: 90 },
  { label: 'No time limit', value: null },
];

interface SavedClass {
  code: string;
  token: string;
}

const api = new ClassApi();
const storage = SafeStorage.fromWindow();
const root = document.getElementById('host')!;

function loadSaved(): SavedClass | undefined {
  try {
    const data = JSON.parse(storage.getItem(SAVED_KEY) ?? 'null') as Partial<SavedClass> | null;
    if (data && typeof data.code === 'string' && typeof data.token === 'string') {
      return { code: data.code, token: data.token };
    }
  } catch {
    // Not ours or damaged: start afresh.
  }
  return undefined;
}

function show(...children: Node[]): void {
  root.replaceChildren(el('h1', { text: 'Source Check — host a class' }), ...children);
}

function message(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return el('p', { class: `message ${kind}`, text, attrs: { role: kind === 'error' ? 'alert' : 'status' } });
}

async function boot(): Promise<void> {
  show(message('Looking for the class server…'));
  if (!(await api.available())) {
    document.body.dataset.hostState = 'no-server';
    show(
      message(
        'Hosting a class needs the class server, and this page was opened without it. On the computer that will run ' +
          'the class, start it with "npm start" (see the README) and open the address it prints. ' +
          'The game itself works without it: students can still play on their own.',
        'error',
      ),
      el('p', {}, el('a', { text: 'Play Source Check', attrs: { href: './' } })),
    );
    return;
  }
  const info = await api.serverInfo().catch((): ServerInfo => ({ joinOrigins: [], loopbackOnly: true }));
  const saved = loadSaved();
  if (saved) {
    try {
      const snapshot = await api.dashboard(saved.code, saved.token);
      new Dashboard(saved, info, snapshot);
      return;
    } catch (error) {
      if (!(error instanceof ClassApiError) || error.status === 0) {
        show(message('The class server could not be reached. Reload the page to try again.', 'error'));
        return;
      }
      storage.removeItem(SAVED_KEY);
    }
  }
  await showSetup(info);
}

async function showSetup(info: ServerInfo): Promise<void> {
  document.body.dataset.hostState = 'setup';
  const { topics } = await api.topics();
  const count = el('input', {
    attrs: {
      type: 'number',
      id: 'question-count',
      min: String(MIN_CLASS_QUESTIONS),
      max: String(MAX_CLASS_QUESTIONS),
      value: '10',
      required: '',
    },
  });
  const time = el('select', { attrs: { id: 'time-limit' } });
  for (const choice of TIME_CHOICES) {
    const option = el('option', {
      text: choice.label,
      attrs: { value: choice.value === null ? 'none' : String(choice.value) },
    });
    if (choice.value === 20) option.selected = true;
    time.append(option);
  }
  const topicBoxes = topics.map((topic) => {
    const box = el('input', { attrs: { type: 'checkbox', value: topic.id, name: 'topic' } });
    return { box, label: el('label', { class: 'check' }, box, ` ${topic.title} (${topic.questions})`) };
  });
  const scoring = (value: ScoringMode, text: string, checked: boolean) => {
    const radio = el('input', { attrs: { type: 'radio', name: 'scoring', value } });
    radio.checked = checked;
    return el('label', { class: 'check' }, radio, ` ${text}`);
  };
  const hold = el('input', { attrs: { type: 'checkbox', id: 'hold-start' } });
  hold.checked = true;
  const problem = el('p', { class: 'message error', attrs: { role: 'alert' }, hidden: true });
  const submit = el('button', { text: 'Create the class', attrs: { type: 'submit' }, class: 'primary' });
  const form = el(
    'form',
    { class: 'setup', data: { name: 'setup' } },
    el('p', {
      text: 'Everyone plays the same questions at their own pace; the server keeps the time and the score.',
    }),
    el('label', { attrs: { for: 'question-count' } }, 'Number of questions'),
    count,
    el('label', { attrs: { for: 'time-limit' } }, 'Time for each question'),
    time,
    el(
      'fieldset',
      {},
      el('legend', { text: 'Topics (none ticked: all topics)' }),
      ...topicBoxes.map((item) => item.label),
    ),
    el(
      'fieldset',
      {},
      el('legend', { text: 'Scoring' }),
      scoring('speed', 'Speed and accuracy: 500–1,000 points for a right answer, more the faster', true),
      scoring('accuracy', 'Accuracy only: 1,000 points for every right answer', false),
    ),
    el('label', { class: 'check' }, hold, ' Hold the start until everyone has joined (I press Start)'),
    problem,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const settings: ClassSettings = {
      questionCount: Number(count.value),
      timeLimitSec: time.value === 'none' ? null : Number(time.value),
      topics: topicBoxes.filter((item) => item.box.checked).map((item) => item.box.value),
      scoring: (form.querySelector<HTMLInputElement>('input[name="scoring"]:checked')?.value ?? 'speed') as ScoringMode,
    };
    submit.disabled = true;
    problem.hidden = true;
    api.createClass(settings, hold.checked).then(
      async (created) => {
        const saved = { code: created.class.code, token: created.teacherToken };
        storage.setItem(SAVED_KEY, JSON.stringify(saved));
        new Dashboard(saved, info, await api.dashboard(saved.code, saved.token));
      },
      (error: unknown) => {
        submit.disabled = false;
        problem.textContent = error instanceof Error ? error.message : 'The class could not be created.';
        problem.hidden = false;
      },
    );
  });
  show(form);
  count.focus();
}

/** The origin students should open: this page's, unless it was opened on this computer only. */
function joinUrlFor(code: string, info: ServerInfo): string {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  const base =
    local && info.joinOrigins[0]
      ? new URL(new URL('./', location.href).pathname, info.joinOrigins[0])
      : new URL('./', location.href);
  base.search = `?class=${code}`;
  return base.href;
}

const LIVE_TEXT: Record<LiveMode, string> = {
  connecting: 'Connecting…',
  live: '● Live',
  polling: 'Updating every few seconds (the live connection dropped)',
  closed: 'Not updating',
};

const FIT_TEXT: Record<CalibrationFit, string> = {
  fits: 'Fits',
  'over-confident': 'Over-confident',
  'under-confident': 'Under-confident',
  'too-few': 'Too few to tell',
};

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A table with a caption, column headings and one row per item, each row headed by its first cell. */
function summaryTable(
  name: string,
  caption: string,
  columns: string[],
  rows: { key: string; head: string; cells: (string | Node)[] }[],
): HTMLTableElement {
  return el(
    'table',
    { class: 'summary', data: { name } },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...columns.map((text) => el('th', { text, attrs: { scope: 'col' } })))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { data: { row: row.key } },
          el('th', { text: row.head, attrs: { scope: 'row' } }),
          ...row.cells.map((cell) => el('td', {}, cell)),
        ),
      ),
    ),
  );
}

/** "3 / 5" with a bar for the back of the room (the numbers say the same to a screen reader). */
function rightOfAsked(tally: Tally): HTMLElement {
  return el(
    'span',
    { class: 'right-of' },
    `${tally.right} / ${tally.asked}`,
    tally.asked > 0
      ? el('progress', { attrs: { max: String(tally.asked), value: String(tally.right), 'aria-hidden': 'true' } })
      : null,
  );
}

class Dashboard {
  private readonly status = el('p', { class: 'status', data: { name: 'class-status' } });
  private readonly live = el('span', { class: 'live', data: { name: 'live-mode' } });
  private readonly controls = el('div', { class: 'controls' });
  private readonly notice = el('p', { class: 'message', attrs: { role: 'status' } });
  private readonly rosterBody = el('tbody');
  private readonly rows = new Map<string, HTMLTableRowElement>();
  private readonly leaderboard = el('ol', { class: 'leaderboard', data: { name: 'leaderboard' } });
  private readonly leaderboardNote = el('p', { class: 'note' });
  private readonly questions = el('div', { class: 'questions' });
  private readonly skills = el('div', { class: 'skills', data: { name: 'skills-body' } });
  private skillsShown = '';
  private readonly startButton: HTMLButtonElement;
  private readonly hideButton: HTMLButtonElement;
  private readonly endButton: HTMLButtonElement;
  private readonly confirmEnd: HTMLElement;
  private connection?: LiveConnection;
  private snapshot: DashboardSnapshot;

  constructor(
    private readonly saved: SavedClass,
    info: ServerInfo,
    snapshot: DashboardSnapshot,
  ) {
    this.snapshot = snapshot;
    document.body.dataset.hostState = 'dashboard';
    const joinUrl = joinUrlFor(saved.code, info);
    const qr = el('canvas', { data: { name: 'qr' }, attrs: { role: 'img', 'aria-label': `QR code for ${joinUrl}` } });
    void QRCode.toCanvas(qr, joinUrl, { width: 260, margin: 2, color: { dark: '#14213d', light: '#ffffff' } });
    const reach = info.loopbackOnly
      ? message(
          'Students cannot reach this server yet: it listens on this computer only. Stop it and start it again ' +
            'with "HOST=0.0.0.0 npm start", then reload this page.',
          'error',
        )
      : null;

    this.startButton = button('Start the class', () => void this.act(() => api.start(saved.code, saved.token)), {
      class: 'primary',
      data: { name: 'start' },
    });
    this.hideButton = button('Hide scores', () => void this.toggleHide(), { data: { name: 'hide-scores' } });
    const exportButton = button('Export results (CSV)', () => void this.exportCsv(), { data: { name: 'export' } });
    this.endButton = button('End the class', () => this.askEnd(true), { class: 'danger', data: { name: 'end' } });
    this.confirmEnd = el(
      'div',
      { class: 'confirm', hidden: true, attrs: { role: 'group', 'aria-label': 'End the class?' } },
      el('span', { text: 'End the class for everyone? Nobody can answer after this.' }),
      button('End now', () => void this.act(() => api.end(saved.code, saved.token)).then(() => this.askEnd(false)), {
        class: 'danger',
        data: { name: 'confirm-end' },
      }),
      button('Keep going', () => this.askEnd(false)),
    );
    const newClass = button('Host a new class', () => {
      this.connection?.close();
      storage.removeItem(SAVED_KEY);
      void boot();
    });
    this.controls.append(this.startButton, this.hideButton, exportButton, this.endButton, newClass);

    show(
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
      this.controls,
      this.confirmEnd,
      this.notice,
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
                ...['Nickname', 'Progress', 'Score', ''].map((text) => el('th', { text, attrs: { scope: 'col' } })),
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
        { attrs: { 'aria-labelledby': 'skills-heading' }, data: { name: 'class-skills' } },
        el('h2', { text: 'Class skills', attrs: { id: 'skills-heading' } }),
        this.skills,
      ),
      el(
        'section',
        { attrs: { 'aria-labelledby': 'questions-heading' }, data: { name: 'questions' } },
        el('h2', { text: 'How the class answered', attrs: { id: 'questions-heading' } }),
        el('p', {
          class: 'note',
          text: 'The right answer is marked once every player is past the question, so the projector never gives it away.',
        }),
        this.questions,
      ),
    );
    this.render(snapshot);
    this.connect();
  }

  private connect(): void {
    this.connection = openLive({
      url: api.url(`classes/${encodeURIComponent(this.saved.code)}/events`),
      token: this.saved.token,
      onEvent: (name, data) => {
        if (name === 'snapshot') this.render(data as DashboardSnapshot);
      },
      poll: async () => this.render(await api.dashboard(this.saved.code, this.saved.token)),
      onMode: (mode) => {
        this.live.textContent = LIVE_TEXT[mode];
        document.body.dataset.live = mode;
      },
    });
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.render(await api.dashboard(this.saved.code, this.saved.token));
    } catch (error) {
      this.notice.textContent = error instanceof Error ? error.message : 'That did not work.';
    }
  }

  private askEnd(open: boolean): void {
    this.confirmEnd.hidden = !open;
    this.endButton.hidden = open;
    if (open) this.confirmEnd.querySelector('button')?.focus();
  }

  private async toggleHide(): Promise<void> {
    await this.act(() => api.hideScores(this.saved.code, this.saved.token, !this.snapshot.class.hideScores));
  }

  private async exportCsv(): Promise<void> {
    try {
      const csv = await api.resultsCsv(this.saved.code, this.saved.token);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
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
    await this.act(() => api.removePlayer(this.saved.code, this.saved.token, playerId));
    this.notice.textContent = `${nickname} was removed from the class.`;
  }

  private render(snapshot: DashboardSnapshot): void {
    // An older snapshot (a poll racing the stream) never replaces a newer one from the same process.
    if (snapshot.version > 0 && snapshot.version < this.snapshot.version) return;
    this.snapshot = snapshot;
    const { class: info, players } = snapshot;
    const total = info.questionCount;
    const finished = players.filter((player) => player.finished).length;
    const statusText = {
      lobby: `Waiting to start · ${players.length} joined`,
      open: `Playing · ${players.length} players · ${finished} finished`,
      ended: `Ended · ${players.length} players`,
    }[info.status];
    this.status.textContent = `${statusText} · ${total} questions · ${info.timeLimitSec === null ? 'no time limit' : `${info.timeLimitSec} s each`}`;
    document.body.dataset.classStatus = info.status;
    this.startButton.hidden = info.status !== 'lobby';
    this.endButton.disabled = info.status === 'ended';
    this.hideButton.disabled = info.status === 'ended';
    this.hideButton.textContent = info.hideScores ? 'Show scores' : 'Hide scores';
    this.hideButton.setAttribute('aria-pressed', String(info.hideScores));
    this.renderRoster(snapshot);
    this.renderLeaderboard(snapshot);
    this.renderSkills(snapshot);
    this.renderQuestions(snapshot);
  }

  /** Rows are kept by player, so a focused Remove button survives every update. */
  private renderRoster(snapshot: DashboardSnapshot): void {
    const seen = new Set<string>();
    const total = snapshot.class.questionCount;
    for (const player of snapshot.players) {
      seen.add(player.playerId);
      let row = this.rows.get(player.playerId);
      if (!row) {
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
          el(
            'td',
            {},
            button('Remove', () => void this.remove(player.playerId, player.nickname), {
              class: 'small',
              attrs: { 'aria-label': `Remove ${player.nickname}` },
            }),
          ),
        );
        this.rows.set(player.playerId, row);
      }
      this.rosterBody.append(row);
      const progress = row.querySelector('progress')!;
      progress.value = player.answered;
      row.querySelector('.progress-text')!.textContent = player.finished ? ' done' : ` ${player.answered} / ${total}`;
      row.querySelector('.score')!.textContent = snapshot.class.hideScores ? '—' : player.score.toLocaleString('en-US');
      row.querySelector('button')!.disabled = snapshot.class.status === 'ended';
    }
    for (const [id, row] of this.rows) {
      if (seen.has(id)) continue;
      row.remove();
      this.rows.delete(id);
    }
    if (snapshot.players.length === 0) {
      this.rosterBody.replaceChildren(
        el('tr', {}, el('td', { text: 'Nobody has joined yet.', attrs: { colspan: '4' } })),
      );
      this.rows.clear();
    } else {
      this.rosterBody.querySelector('tr:not([data-player])')?.remove();
    }
  }

  private renderLeaderboard(snapshot: DashboardSnapshot): void {
    const hidden = snapshot.class.hideScores;
    this.leaderboardNote.textContent = hidden
      ? 'Scores are hidden: the projector shows progress only.'
      : '✔ Every score was worked out by the class server from its own clock: verified.';
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
            attrs: { title: 'Verified by the class server', 'aria-label': 'verified' },
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
    const ended = info.status === 'ended';
    let coverage: string;
    if (asked === 0) {
      coverage = ended
        ? 'Nobody answered a question in this class.'
        : 'Nothing to show yet. A question counts here once every player is past it (when its right answer is ' +
          'marked below), or once the class has ended, so the projector never gives an answer away.';
    } else {
      if (ended) coverage = `Every answer of ${count(summary.players, 'player')}: the class has ended.`;
      else if (summary.questionsCounted >= info.questionCount) {
        coverage = `All ${info.questionCount} questions: every player is past them.`;
      } else {
        coverage =
          `Questions 1–${summary.questionsCounted} of ${info.questionCount}, the ones every player is past; the ` +
          'others count once everyone is past them or the class has ended.';
      }
    }
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
        el('div', {}, ...this.skillParts(summary)),
        el('div', {}, ...this.discernmentParts(summary)),
      ),
    );
  }

  private skillParts(summary: ClassSkillSummary): Node[] {
    const heading = el('h3', { text: 'SIFT moves' });
    const table = summaryTable(
      'skill-table',
      'Right answers by SIFT move, the whole class together',
      ['Move', 'Right / asked', 'Right', 'Weakest for'],
      summary.skills.map((row) => ({
        key: row.skill,
        head: SKILL_NAMES[row.skill],
        cells: [rightOfAsked(row), percent(row.rate), count(summary.weakestSkillCounts[row.skill], 'player')],
      })),
    );
    const weakest = summary.weakestSkill;
    if (weakest === null) {
      return [heading, table, el('p', { text: 'No move stands out: nothing counted so far was missed.' })];
    }
    const row = summary.skills.find((item) => item.skill === weakest)!;
    const missed = summary.mostMissed;
    return [
      heading,
      table,
      el(
        'div',
        { class: 'weakest', data: { name: 'weakest-skill', skill: weakest } },
        el('h3', { text: `Weakest move: ${SKILL_NAMES[weakest]}` }),
        el('p', { text: `${row.right} of ${row.asked} right (${percent(row.rate)}).` }),
        el('p', {}, el('strong', { text: 'Tip to share: ' }), summary.tip ?? ''),
        missed
          ? el(
              'p',
              { data: { name: 'most-missed', question: missed.questionId } },
              el('strong', { text: 'Most missed: ' }),
              `“${missed.prompt}”, missed by ${missed.missed} of the ${count(missed.asked, 'player')} who answered it.`,
            )
          : null,
      ),
    ];
  }

  private discernmentParts(summary: ClassSkillSummary): Node[] {
    const { discernment, discernmentCounts: counts } = summary;
    const parts: Node[] = [
      el('h3', { text: 'Discernment' }),
      summaryTable(
        'discernment-table',
        'Right answers on true claims and on false or misleading ones',
        ['Claims', 'Right / asked', 'Right', 'Weaker here'],
        [
          {
            key: 'true-claims',
            head: 'True, surprising ones too',
            cells: [
              rightOfAsked(discernment.answers.trueClaims),
              percent(discernment.answers.trueClaims.rate),
              count(counts['true-claims'], 'player'),
            ],
          },
          {
            key: 'false-claims',
            head: 'False or misleading',
            cells: [
              rightOfAsked(discernment.answers.falseClaims),
              percent(discernment.answers.falseClaims.rate),
              count(counts['false-claims'], 'player'),
            ],
          },
        ],
      ),
    ];
    const judgements = discernment.judgements;
    if (judgements) {
      parts.push(
        summaryTable(
          'judgement-table',
          'Claim judgements: accurate, inaccurate or misleading, cannot tell',
          ['Claim called for', 'Right / asked', 'Right'],
          (
            [
              ['true-claims', 'Accurate', judgements.trueClaims],
              ['false-claims', 'Inaccurate or misleading', judgements.falseClaims],
              ['unsupported', 'Cannot tell', judgements.unsupported],
            ] as const
          ).map(([key, head, tally]) => ({ key, head, cells: [rightOfAsked(tally), percent(tally.rate)] })),
        ),
      );
    }
    parts.push(
      el(
        'p',
        { data: { name: 'discernment-message', weaker: discernment.weaker } },
        el('strong', { text: 'For the class: ' }),
        discernment.message,
      ),
      el('p', {
        class: 'note',
        text:
          `${count(counts.even, 'player')} even, ${count(counts['not-enough'], 'player')} with too few of one kind ` +
          `to tell.${discernment.basis === 'judgements' ? ' Decided by the claim judgements.' : ''}`,
      }),
    );
    if (summary.calibration.some((row) => row.asked > 0)) {
      parts.push(
        el('h3', { text: 'Confidence' }),
        summaryTable(
          'calibration-table',
          'Right answers by how sure players said they were',
          ['Said', 'Right / asked', 'Right', 'Pays best at', 'Verdict'],
          summary.calibration.map((row) => ({
            key: row.confidence,
            head: CONFIDENCE_LABELS[row.confidence],
            cells: [
              rightOfAsked(row),
              percent(row.rate),
              `${percent(row.bestFor.from)}–${percent(row.bestFor.to)}`,
              FIT_TEXT[row.fit],
            ],
          })),
        ),
      );
    }
    return parts;
  }

  private renderQuestions(snapshot: DashboardSnapshot): void {
    this.questions.replaceChildren(
      ...snapshot.questions.map((question) => {
        const most = Math.max(1, ...question.choices.map((choice) => choice.count));
        return el(
          'article',
          { class: 'question', data: { question: String(question.position) } },
          el('h3', { text: `${question.position + 1}. ${question.prompt}` }),
          el(
            'ul',
            { class: 'tally' },
            ...question.choices.map((choice, index) =>
              el(
                'li',
                { class: choice.correct ? 'right' : '', data: { choice: String(index) } },
                el('span', { class: 'choice', text: `${choice.correct ? '✔ ' : ''}${choice.text}` }),
                el('progress', { attrs: { max: String(most), value: String(choice.count), 'aria-hidden': 'true' } }),
                el('span', { class: 'count', text: String(choice.count) }),
              ),
            ),
          ),
          el('p', {
            class: 'note',
            text: `${question.answered} answered${question.timedOut > 0 ? ` · ${question.timedOut} ran out of time` : ''}`,
          }),
        );
      }),
    );
  }
}

void boot().catch((error: unknown) => {
  show(message(error instanceof Error ? error.message : 'Something went wrong.', 'error'));
});
