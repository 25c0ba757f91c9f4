/**
 * "Your own questions" on the set-up form: a teacher's GIFT, CSV or YAML file read by the game's own importer against
 * the shipped sources, its report in the game's words (what was changed, what was skipped and why), and the questions
 * that passed, ready to send with the class as the YAML the exporter writes (the server reads them again).
 */
import { MAX_IMPORT_FILE_BYTES } from '../core/customBankLimits';
import { importSummaryText, reportTitle, sizeText } from '../game/bankWords';
import { importProblemText } from '../game/importWords';
import { SOURCES_URL } from '../game/pageConstants';
import { fetchSourceDocs } from '../net/sourceDocs';
import type { ImportProblem } from '../core/import/index';
import { isImportNoteLike } from '../core/import/notes';
import type { SourceDoc } from '../core/types';
import { ClassApiError } from '../net/classApi';
import { button, el } from './dom';
import { hostTranslator, t } from './hostLanguage';

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

/** "quiz.csv is 3 MB; the game reads files up to 1 MB…", in the page's language. */
export function fileTooBigText(fileName: string, bytes: number, limit = MAX_IMPORT_FILE_BYTES): string {
  const words = hostTranslator();
  return t('banks:fileTooBig', { fileName, size: sizeText(bytes, words), limit: sizeText(limit, words) });
}

/**
 * The server's refusal of the questions sent with a class, in the page's language, from the codes and numbers it
 * sends next to its English; undefined for any other error, or details that do not read (the English is shown).
 */
export function ownQuestionsRefusalText(error: unknown): string | undefined {
  if (!(error instanceof ClassApiError) || typeof error.details !== 'object' || error.details === null)
    return undefined;
  const details = error.details as Record<string, unknown>;
  if (typeof details.fileName !== 'string') return undefined;
  const fileName = details.fileName;
  const words = hostTranslator();
  try {
    if (error.code === 'own-questions-too-big' && typeof details.size === 'number') {
      return fileTooBigText(fileName, details.size, typeof details.limit === 'number' ? details.limit : undefined);
    }
    if (error.code === 'bad-own-questions' && Array.isArray(details.problems)) {
      const sent: unknown[] = details.problems;
      if (!sent.every((problem) => isImportNoteLike((problem as { note?: unknown } | null)?.note))) return undefined;
      const problems = (sent as ImportProblem[]).map((problem) => importProblemText(problem, words));
      return t('import:own.refused', { fileName, problems: problems.join('; ') });
    }
    if (
      error.code === 'too-many-own-questions' &&
      typeof details.found === 'number' &&
      typeof details.max === 'number' &&
      typeof details.plays === 'number'
    ) {
      const { found, max, plays } = details;
      return t('import:own.tooMany', {
        fileName,
        count: found,
        max: words.formatNumber(max),
        plays: words.formatNumber(plays),
      });
    }
  } catch {
    // Notes of another version of the server, that this page cannot word: its English says it.
  }
  return undefined;
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
  const reportArea = el('div', { data: { name: 'own-questions-report' }, hidden: true });
  const remove = button(t('host:own.remove'), () => clear(), { data: { name: 'own-questions-remove' } });
  remove.hidden = true;

  /** Forgets the questions; `keepFile` leaves the picker showing the file being read. */
  function clear(keepFile = false): void {
    loaded = undefined;
    if (!keepFile) input.value = '';
    summary.textContent = '';
    summary.className = 'message';
    reportArea.hidden = true;
    reportArea.replaceChildren();
    remove.hidden = true;
  }

  function say(text: string, kind: 'info' | 'error'): void {
    summary.className = `message ${kind}`;
    summary.textContent = text;
  }

  async function read(file: File): Promise<void> {
    clear(true);
    if (file.size > MAX_IMPORT_FILE_BYTES) return say(fileTooBigText(file.name, file.size), 'error');
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
    const words = hostTranslator();
    const report = { changed: result.changes, skipped: result.problems };
    if (result.questions.length > 0) {
      loaded = { fileName: file.name, yaml: importer.exportTopicYaml(result.topic, result.questions) };
      remove.hidden = false;
    }
    say(
      [importSummaryText(result, t), ...(loaded ? [ownQuestionsNote(result.questions.length)] : [])].join(' '),
      loaded ? 'info' : 'error',
    );
    if (report.changed.length + report.skipped.length > 0) {
      const line = (note: (typeof report.changed)[number]) => importProblemText(note, words);
      reportArea.replaceChildren(
        el('h3', { text: reportTitle(report, file.name, t) }),
        el(
          'ul',
          {},
          ...report.changed.map((note) =>
            el('li', { class: 'note', text: t('host:own.changed', { line: line(note) }) }),
          ),
          ...report.skipped.map((note) =>
            el('li', { class: 'own-skipped', text: t('host:own.skipped', { line: line(note) }) }),
          ),
        ),
      );
      reportArea.hidden = false;
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
    reportArea,
    remove,
  );
  return { element, upload: () => loaded };
}
