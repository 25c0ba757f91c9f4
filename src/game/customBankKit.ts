/**
 * The teacher kit inside the game: reads a teacher's file into a bank, keeps the banks on the device, writes them
 * back as YAML. Loaded only when "Your questions" opens (with the YAML and CSV readers and the source texts), so
 * none of it is on the way to the title.
 */
import { MAX_IMPORT_FILE_BYTES } from '../core/customBankLimits';
import { exportSavedBank, type SavedBank } from '../core/customBanks';
import { fetchSourceDocs } from '../net/sourceDocs';
import {
  IMPORT_EXTENSIONS,
  importFileBytes,
  importQuestions,
  type ImportProblem,
  type ImportResult,
} from '../core/import/index';
import { createTranslator, type Translator } from '../i18n/translator';
import { importSummaryText, refusalText, reportLines, sizeText } from './bankWords';
import type { Question, SourceDoc, Topic } from '../core/types';
import { CustomBankStore } from '../storage/CustomBankStore';
import { SafeStorage } from '../storage/SafeStorage';

export type NoticeTone = 'good' | 'warning';

/** What loading one file came to, as the screens show it (plain data: it travels in scene data). */
export interface LoadReport {
  fileName: string;
  /** "1 question ready to play. 1 problem: …" */
  summary: string;
  /** What the screens list: each change ("Changed: …"), then each problem ("Skipped: …"), in file order. */
  problems: string[];
  /** What was altered in questions that play, and why: the importer's notes, worded by the screen showing them. */
  changed: ImportProblem[];
  /** What was left out, and why. */
  skipped: ImportProblem[];
  /** Where the questions went (saved, kept for this visit, or not saved and why). */
  notice?: { text: string; tone: NoticeTone };
  /** The bank the questions were saved as. */
  bankId?: string;
  /** Questions that can be played although they could not be saved. */
  unsaved?: { topic: Topic; questions: Question[] };
}

const NOTHING_LISTED = { problems: [], changed: [], skipped: [] };

/** The words a report is given when the caller names no language. */
const ENGLISH = createTranslator('en');

export class CustomBankKit {
  /** The file endings the picker offers. */
  readonly accept = Object.values(IMPORT_EXTENSIONS).flat().join(',');

  constructor(
    readonly store: CustomBankStore,
    readonly sources: Record<string, SourceDoc>,
  ) {}

  /**
   * Reads, checks and saves one file; never throws for anything in the file. The report is worded by `words`;
   * its changes and problems stay notes, so that a screen can word them again in another language.
   */
  async load(file: File, now: Date, words: Translator = ENGLISH): Promise<LoadReport> {
    const { t } = words;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      const summary = t('banks:fileTooBig', {
        fileName: file.name,
        size: sizeText(file.size, words),
        limit: sizeText(MAX_IMPORT_FILE_BYTES, words),
      });
      return { fileName: file.name, summary, ...NOTHING_LISTED };
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return { fileName: file.name, summary: t('banks:fileUnreadable'), ...NOTHING_LISTED };
    }
    return this.save(file.name, importFileBytes(file.name, bytes, { sources: this.sources }), now, words);
  }

  /** Reads, checks and saves a file's text (already decoded). */
  loadText(fileName: string, text: string, now: Date, words: Translator = ENGLISH): LoadReport {
    return this.save(fileName, importQuestions({ path: fileName, text }, { sources: this.sources }), now, words);
  }

  private save(fileName: string, result: ImportResult, now: Date, words: Translator): LoadReport {
    const { t } = words;
    const lines = { changed: result.changes, skipped: result.problems };
    const report: LoadReport = {
      fileName,
      summary: importSummaryText(result, t),
      problems: reportLines(lines, words).map((line) => line.text),
      ...lines,
    };
    if (result.questions.length === 0 || !result.format) return report;
    const saved = this.store.add(
      { fileName, format: result.format, topic: result.topic, questions: result.questions },
      now.toISOString(),
    );
    if (saved.result.kept === 'no') {
      return {
        ...report,
        notice: { text: refusalText(saved.result.refusal, words), tone: 'warning' },
        unsaved: { topic: result.topic, questions: result.questions },
      };
    }
    const notice: LoadReport['notice'] =
      saved.result.kept === 'visit'
        ? { text: t('banks:visitOnly'), tone: 'warning' }
        : { text: saved.replaced ? t('banks:savedInPlace') : t('banks:saved'), tone: 'good' };
    return { ...report, bankId: saved.bank!.id, notice };
  }

  exportBank(bank: SavedBank): { fileName: string; text: string } {
    return exportSavedBank(bank);
  }
}

/** Fetches the source texts and opens the saved banks. */
export async function openCustomBankKit(sourcesUrl: string): Promise<CustomBankKit | { error: string }> {
  const fetched = await fetchSourceDocs(sourcesUrl);
  if ('error' in fetched) return fetched;
  return new CustomBankKit(new CustomBankStore(SafeStorage.fromWindow(), fetched.sources), fetched.sources);
}
