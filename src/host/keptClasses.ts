/**
 * "Your classes": every class this browser created, as the server lists them for their teacher tokens, with
 * status and date, to reopen (dashboard and CSV) or remove (asked first: from this device, or deleted as well).
 */
import type { KeptClass } from '../core/classProtocol';
import type { ClassApi } from '../net/classApi';
import type { KeyValueStore } from '../storage/SafeStorage';
import { confirm } from './dialog';
import { button, el } from './dom';
import { t } from './hostLanguage';
import { goneClassesText, keptClassDate, keptClassStatus } from './keptClassText';
import { message } from './page';
import { dropKeptClasses, loadKeptClasses, type SavedClass } from './savedClass';
import { refusalText } from './refusals';

/**
 * Asks before this browser forgets a class: forget it only, or delete it on the server first. The safe choice
 * (keep it) is focused; resolves with the choice, or undefined for keeping it.
 */
export async function askForget(code: string): Promise<'delete-and-forget' | 'forget' | undefined> {
  const choice = await confirm({
    name: 'confirm-forget-dialog',
    heading: t('host:kept.forgetDialog.heading', { code }),
    text: [t('host:kept.forgetDialog.text'), t('host:kept.forgetDialog.stays')],
    choices: [
      { name: 'delete-and-forget', label: t('host:kept.forgetDialog.deleteAndForget'), danger: true },
      { name: 'forget', label: t('host:kept.forgetDialog.forget') },
    ],
    safeLabel: t('host:kept.forgetDialog.safe'),
  });
  return choice === 'delete-and-forget' || choice === 'forget' ? choice : undefined;
}

/**
 * The panel of this browser's classes, or null when it has none. Classes the server no longer has leave the list
 * (with a word saying so); when the server cannot be asked the panel says that and lists nothing.
 */
export async function keptClassesPanel(
  api: ClassApi,
  storage: KeyValueStore,
  openClass: (saved: SavedClass) => void,
): Promise<HTMLElement | null> {
  const kept = loadKeptClasses(storage);
  if (kept.length === 0) return null;
  const section = el(
    'section',
    { class: 'kept', data: { name: 'kept-classes' }, attrs: { 'aria-labelledby': 'kept-heading' } },
    el('h2', { text: t('host:kept.heading'), attrs: { id: 'kept-heading' } }),
  );
  let listed: KeptClass[];
  try {
    listed = await api.keptClasses(kept);
  } catch (error) {
    section.append(message(t('host:kept.notListed', { why: refusalText(error, t('host:page.noAnswer')) }), 'error'));
    return section;
  }
  const gone = kept.filter((item) => !listed.some((found) => found.code === item.code)).map((item) => item.code);
  if (gone.length > 0) dropKeptClasses(storage, gone);
  const notice = el('p', { class: 'message', attrs: { role: 'status' }, text: goneClassesText(gone) });
  const body = el('tbody');
  const rows = listed.map((found) => {
    const saved = kept.find((item) => item.code === found.code)!;
    const row = el(
      'tr',
      { data: { code: found.code, status: found.status } },
      el('th', { class: 'code-cell', text: found.code, attrs: { scope: 'row' } }),
      el('td', { text: keptClassDate(found) }),
      el('td', { text: keptClassStatus(found) }),
      el(
        'td',
        { class: 'actions' },
        button(t('host:kept.open'), () => openClass(saved), {
          class: 'small',
          data: { name: 'open-kept' },
          attrs: { 'aria-label': t('host:kept.openLabel', { code: found.code }) },
        }),
        button(t('host:kept.remove'), () => void askRemove(), {
          class: 'small danger',
          data: { name: 'remove-kept' },
          attrs: { 'aria-label': t('host:kept.removeLabel', { code: found.code }) },
        }),
      ),
    );
    const askRemove = async () => {
      const choice = await askForget(found.code);
      if (choice === undefined) return;
      if (choice === 'delete-and-forget') {
        try {
          await api.deleteClass(saved.code, saved.token);
        } catch (error) {
          notice.textContent = t('host:kept.notDeleted', {
            code: found.code,
            why: refusalText(error, t('host:dashboard.refused')),
          });
          return;
        }
      }
      dropKeptClasses(storage, [found.code]);
      row.remove();
      notice.textContent =
        choice === 'delete-and-forget'
          ? t('host:dashboard.deleted', { code: found.code })
          : t('host:kept.unlisted', { code: found.code });
    };
    return row;
  });
  body.append(...rows);
  section.append(
    notice,
    rows.length === 0
      ? el('p', { class: 'note', text: t('host:kept.none') })
      : el(
          'table',
          { class: 'kept-list' },
          el('caption', { class: 'note', text: t('host:kept.caption') }),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...(['code', 'date', 'status', 'actions'] as const).map((column) =>
                el('th', { text: t(`host:kept.column.${column}`), attrs: { scope: 'col' } }),
              ),
            ),
          ),
          body,
        ),
  );
  return section;
}
