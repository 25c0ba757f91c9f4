/**
 * "Your own questions" on the set-up form: a teacher's GIFT, CSV or YAML file read by the game's own importer against
 * the shipped sources, its report in the game's words (what was changed, what was skipped and why), and the questions
 * that passed, ready to send with the class as the YAML the exporter writes (the server reads them again).
 */
import { fileTooBigMessage, MAX_IMPORT_FILE_BYTES } from '../core/customBankLimits';
import { SOURCES_URL } from '../game/pageConstants';
import { fetchSourceDocs } from '../net/sourceDocs';
import { importReportTitle } from '../ui/importReport';
import type { SourceDoc } from '../core/types';
import { button, el } from './dom';
import { t } from './hostLanguage';

/** The file endings the picker offers: IMPORT_EXTENSIONS in core/import, which the page loads only when a file is chosen. */
export const OWN_QUESTIONS_ACCEPT = '.gift,.txt,.csv,.yaml,.yml';

export interface OwnQuestionsUpload {
  fileName: string;
  yaml: string;
}

export interface OwnQuestionsField {
  element: HTMLElement;
  /** The checked questions to send with the class; undefined when none are loaded. */
  upload(): OwnQuestionsUpload | undefined;
}

/** The class plays the file's questions instead of the bank's: said once they are loaded. */
export function ownQuestionsNote(count: number): string {
  return t('host:own.note', { count });
}

export function ownQuestionsField(): OwnQuestionsField {
  let loaded: OwnQuestionsUpload | undefined;
  let sources: Promise<{ sources: Record<string, SourceDoc> } | { error: string }> | undefined;
  const input = el('input', {
    attrs: { type: 'file', id: 'own-questions-file', accept: OWN_QUESTIONS_ACCEPT },
  });
  const summary = el('p', { class: 'message', attrs: { role: 'status' }, data: { name: 'own-questions-summary' } });
  const report = el('div', { data: { name: 'own-questions-report' }, hidden: true });
  const remove = button(t('host:own.remove'), () => clear(), { data: { name: 'own-questions-remove' } });
  remove.hidden = true;

  /** Forgets the questions; `keepFile` leaves the picker showing the file being read. */
  function clear(keepFile = false): void {
    loaded = undefined;
    if (!keepFile) input.value = '';
    summary.textContent = '';
    summary.className = 'message';
    report.hidden = true;
    report.replaceChildren();
    remove.hidden = true;
  }

  function say(text: string, kind: 'info' | 'error'): void {
    summary.className = `message ${kind}`;
    summary.textContent = text;
  }

  async function read(file: File): Promise<void> {
    clear(true);
    if (file.size > MAX_IMPORT_FILE_BYTES) return say(fileTooBigMessage(file.name, file.size), 'error');
    say(t('host:own.reading', { file: file.name }), 'info');
    sources ??= fetchSourceDocs(SOURCES_URL);
    const [bytes, fetched, importer] = await Promise.all([
      file.arrayBuffer().then(
        (buffer) => new Uint8Array(buffer),
        () => undefined,
      ),
      sources,
      // The importer (with its YAML and CSV readers) is downloaded only when a file is chosen.
      import('../core/import/index'),
    ]);
    if ('error' in fetched) {
      sources = undefined;
      return say(fetched.error, 'error');
    }
    if (!bytes) return say(t('host:own.unreadable'), 'error');
    const result = importer.importFileBytes(file.name, bytes, { sources: fetched.sources });
    const lines = importer.importReportList(result);
    const { changed, skipped } = importer.importReportLines(result);
    if (result.questions.length > 0) {
      loaded = { fileName: file.name, yaml: importer.exportTopicYaml(result.topic, result.questions) };
      remove.hidden = false;
    }
    say(
      [importer.importSummary(result), ...(loaded ? [ownQuestionsNote(result.questions.length)] : [])].join(' '),
      loaded ? 'info' : 'error',
    );
    if (lines.length > 0) {
      report.replaceChildren(
        el('h3', { text: importReportTitle(lines, file.name) }),
        el(
          'ul',
          {},
          ...changed.map((line) => el('li', { class: 'note', text: t('host:own.changed', { line }) })),
          ...skipped.map((line) => el('li', { class: 'own-skipped', text: t('host:own.skipped', { line }) })),
        ),
      );
      report.hidden = false;
    }
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void read(file);
    else clear();
  });

  const element = el(
    'fieldset',
    { data: { name: 'own-questions' } },
    el('legend', { text: t('host:own.legend') }),
    el('label', { attrs: { for: 'own-questions-file' } }, t('host:own.label')),
    input,
    summary,
    report,
    remove,
  );
  return { element, upload: () => loaded };
}
