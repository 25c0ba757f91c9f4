/**
 * The teacher kit inside the game: reads a teacher's file into a bank, keeps the banks on the device, writes them
 * back as YAML. Loaded only when "Your questions" opens (with the YAML and CSV readers and the source texts), so
 * none of it is on the way to the title.
 */
import { fileTooBigMessage, MAX_IMPORT_FILE_BYTES, VISIT_ONLY_MESSAGE } from '../core/customBankLimits';
import { exportSavedBank, type SavedBank } from '../core/customBanks';
import { fetchSourceDocs } from '../net/sourceDocs';
import {
  IMPORT_EXTENSIONS,
  importFileBytes,
  importQuestions,
  importReportLines,
  importReportList,
  importSummary,
  type ImportResult,
} from '../core/import/index';
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
  /** What was altered in questions that play, and why. */
  changed: string[];
  /** What was left out, and why. */
  skipped: string[];
  /** Where the questions went (saved, kept for this visit, or not saved and why). */
  notice?: { text: string; tone: NoticeTone };
  /** The bank the questions were saved as. */
  bankId?: string;
  /** Questions that can be played although they could not be saved. */
  unsaved?: { topic: Topic; questions: Question[] };
}

const NOTHING_LISTED = { problems: [], changed: [], skipped: [] };

export class CustomBankKit {
  /** The file endings the picker offers. */
  readonly accept = Object.values(IMPORT_EXTENSIONS).flat().join(',');

  constructor(
    readonly store: CustomBankStore,
    readonly sources: Record<string, SourceDoc>,
  ) {}

  /** Reads, checks and saves one file; never throws for anything in the file. */
  async load(file: File, now: Date): Promise<LoadReport> {
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      return { fileName: file.name, summary: fileTooBigMessage(file.name, file.size), ...NOTHING_LISTED };
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return {
        fileName: file.name,
        summary: 'The file could not be read. It may have been moved or be open in another program.',
        ...NOTHING_LISTED,
      };
    }
    return this.save(file.name, importFileBytes(file.name, bytes, { sources: this.sources }), now);
  }

  /** Reads, checks and saves a file's text (already decoded). */
  loadText(fileName: string, text: string, now: Date): LoadReport {
    return this.save(fileName, importQuestions({ path: fileName, text }, { sources: this.sources }), now);
  }

  private save(fileName: string, result: ImportResult, now: Date): LoadReport {
    const report: LoadReport = {
      fileName,
      summary: importSummary(result),
      problems: importReportList(result),
      ...importReportLines(result),
    };
    if (result.questions.length === 0 || !result.format) return report;
    const saved = this.store.add(
      { fileName, format: result.format, topic: result.topic, questions: result.questions },
      now.toISOString(),
    );
    if (saved.result.kept === 'no') {
      return {
        ...report,
        notice: { text: saved.result.reason, tone: 'warning' },
        unsaved: { topic: result.topic, questions: result.questions },
      };
    }
    const notice: LoadReport['notice'] =
      saved.result.kept === 'visit'
        ? { text: VISIT_ONLY_MESSAGE, tone: 'warning' }
        : {
            text: `Saved on this device${saved.replaced ? ', in place of the bank loaded before from this file' : ''}.`,
            tone: 'good',
          };
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
