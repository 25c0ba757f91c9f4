/**
 * "Host a class": the teacher's page, started here (nothing runs on import elsewhere: savedClass.ts keeps the class
 * on this browser, setupForm.ts is the form, dashboard.ts the live controller, panels.ts its tables, dashboardText.ts
 * its display rules, dialog.ts its confirmations). Pick the round (questions, time, topics, pool, kinds, scoring,
 * answer reveal, nicknames), get a class code, a join link and a QR code for the projector, then watch the class
 * live: who has joined and how far they are, the leaderboard (scores can be hidden), the class's SIFT skills and
 * discernment, and how the class answered each question. Lock joining, remove a player or delete their data, end,
 * export the results as CSV, delete the class, or forget it on this device. Plain DOM: every piece of text from
 * users is set as text.
 */
import type { DashboardSnapshot, ServerInfo } from '../core/classProtocol';
import { PRIVACY_PAGE_URL } from '../game/teacherLinks';
import { ClassApi, ClassApiError } from '../net/classApi';
import { SafeStorage, type KeyValueStore } from '../storage/SafeStorage';
import { Dashboard } from './dashboard';
import { droppedClassText, lastClassText, savedClassIsDead } from './dashboardText';
import { button, el } from './dom';
import { languageSwitch, startHostLanguage, t } from './hostLanguage';
import { loadHostQuestions } from './hostQuestions';
import './host.css';
import { message, show, type HostPage } from './page';
import { keptClassesPanel } from './keptClasses';
import { dropKeptClasses, forgetClass, loadSavedClass, saveClass, type SavedClass } from './savedClass';
import { showSetup, type SetupExtras } from './setupForm';
import { themeToggle } from './theme';
import { refusalText } from './refusals';

/**
 * Finds the class server, then opens the dashboard of the class this browser hosts, or the set-up form: with a
 * button for the saved class when it has ended, or saying why the saved class was forgotten.
 */
async function boot(page: HostPage, api: ClassApi, storage: KeyValueStore, notice?: string): Promise<void> {
  // "Host a new class" keeps the class in this browser's list; deleting or forgetting it drops it from there too.
  const restart = (said?: string, drop?: string) => {
    if (drop) dropKeptClasses(storage, [drop]);
    else forgetClass(storage);
    void boot(page, api, storage, said);
  };
  const open = (saved: SavedClass, snapshot: DashboardSnapshot, info: ServerInfo) => {
    const dashboard = new Dashboard(page, api, saved, info, snapshot, restart);
    // Created or asked for: a screen reader starts at the class's state, not at the top of the page.
    dashboard.focusStatus();
  };
  document.body.dataset.hostState = 'looking';
  show(page, message(t('host:page.looking')));
  if (!(await api.available())) {
    document.body.dataset.hostState = 'no-server';
    show(
      page,
      message(t('host:page.noServer'), 'error'),
      el('p', {}, el('a', { text: t('host:page.playGame'), attrs: { href: './' } })),
    );
    return;
  }
  const info = await api.serverInfo().catch((): ServerInfo => ({ joinOrigins: [], loopbackOnly: true }));
  const saved = loadSavedClass(storage);
  // Opened from "Your classes": its dashboard at once, ended or not (asked for, so not held back).
  const reopen = async (kept: SavedClass) => {
    saveClass(storage, kept);
    try {
      open(kept, await api.dashboard(kept.code, kept.token), info);
    } catch {
      await boot(page, api, storage);
    }
  };
  const setup = async (extras: SetupExtras = {}) => {
    const kept = await keptClassesPanel(api, storage, (chosen) => void reopen(chosen));
    return showSetup(page, api, storage, (created, snapshot) => open(created, snapshot, info), {
      notice,
      kept,
      ...extras,
    });
  };
  if (!saved) return setup();
  let snapshot: DashboardSnapshot;
  try {
    snapshot = await api.dashboard(saved.code, saved.token);
  } catch (error) {
    if (error instanceof ClassApiError && savedClassIsDead(error.status)) {
      dropKeptClasses(storage, [saved.code]);
      return setup({ notice: droppedClassText(saved.code) });
    }
    // Busy (429), unreachable or failing: the class may well be there, so its teacher link is kept.
    document.body.dataset.hostState = 'saved-unreachable';
    show(
      page,
      message(
        t('host:page.savedUnreachable', {
          code: saved.code,
          why: refusalText(error, t('host:page.noAnswer')),
        }),
        'error',
      ),
      el(
        'p',
        {},
        button(t('host:page.tryAgain'), () => void boot(page, api, storage), {
          class: 'primary',
          data: { name: 'retry' },
        }),
      ),
    );
    return;
  }
  if (snapshot.class.status === 'ended') {
    // A finished class is opened only on request, so the next lesson starts at the set-up form.
    return setup({
      lastClass: { label: lastClassText(saved.code, snapshot.class.endedAt), open: () => open(saved, snapshot, info) },
    });
  }
  open(saved, snapshot, info);
}

/** The page's own words, once its language is known: the tab's title, the description, the header and the footer. */
async function start(hostRoot: HTMLElement): Promise<void> {
  const storage = SafeStorage.fromWindow();
  await startHostLanguage(storage, navigator.languages);
  await loadHostQuestions();
  document.title = t('host:page.title');
  document.querySelector('meta[name="description"]')?.setAttribute('content', t('host:page.description'));
  hostRoot.before(el('header', { class: 'host-header' }, languageSwitch(storage)));
  document.body.append(
    el(
      'footer',
      { class: 'host-footer' },
      themeToggle(storage),
      ' ',
      el('a', {
        text: t('host:page.privacy'),
        data: { name: 'privacy' },
        attrs: { href: PRIVACY_PAGE_URL, target: '_blank', rel: 'noopener' },
      }),
    ),
  );
  const page: HostPage = { root: hostRoot };
  void boot(page, new ClassApi(), storage).catch((error: unknown) => {
    show(page, message(refusalText(error, t('host:page.wentWrong')), 'error'));
  });
}

const hostRoot = document.getElementById('host');
if (hostRoot) void start(hostRoot);
