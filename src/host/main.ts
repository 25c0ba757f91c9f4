/**
 * "Host a class": the teacher's page, started here (nothing runs on import elsewhere: savedClass.ts keeps the class
 * on this browser, setupForm.ts is the form, dashboard.ts the live controller, panels.ts its tables, dashboardText.ts
 * its display rules). Pick the round (questions, time, topics, scoring), get a class code, a
 * join link and a QR code for the projector, then watch the class live: who has joined and how far they are,
 * the leaderboard (scores can be hidden), the class's SIFT skills and discernment, and how the class answered
 * each question. Remove a player, end the class, export the results as CSV. Plain DOM: every piece of text from users is set as text.
 */
import type { DashboardSnapshot, ServerInfo } from '../core/classProtocol';
import { ClassApi, ClassApiError } from '../net/classApi';
import { SafeStorage, type KeyValueStore } from '../storage/SafeStorage';
import { Dashboard } from './dashboard';
import { el } from './dom';
import './host.css';
import { message, show, type HostPage } from './page';
import { forgetClass, loadSavedClass, type SavedClass } from './savedClass';
import { showSetup } from './setupForm';

/** Finds the class server, then opens the dashboard of the class this browser hosts, or the set-up form. */
async function boot(page: HostPage, api: ClassApi, storage: KeyValueStore): Promise<void> {
  const restart = () => {
    forgetClass(storage);
    void boot(page, api, storage);
  };
  const open = (saved: SavedClass, snapshot: DashboardSnapshot, info: ServerInfo) =>
    new Dashboard(page, api, saved, info, snapshot, restart);
  show(page, message('Looking for the class server…'));
  if (!(await api.available())) {
    document.body.dataset.hostState = 'no-server';
    show(
      page,
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
  const saved = loadSavedClass(storage);
  if (saved) {
    try {
      const snapshot = await api.dashboard(saved.code, saved.token);
      open(saved, snapshot, info);
      return;
    } catch (error) {
      if (!(error instanceof ClassApiError) || error.status === 0) {
        show(page, message('The class server could not be reached. Reload the page to try again.', 'error'));
        return;
      }
      forgetClass(storage);
    }
  }
  await showSetup(page, api, storage, (created, snapshot) => open(created, snapshot, info));
}

const hostRoot = document.getElementById('host');
if (hostRoot) {
  const page: HostPage = { root: hostRoot };
  void boot(page, new ClassApi(), SafeStorage.fromWindow()).catch((error: unknown) => {
    show(page, message(error instanceof Error ? error.message : 'Something went wrong.', 'error'));
  });
}
