/**
 * Teachers' saved banks: what the device keeps, how damaged or outdated data is read, a full or blocked storage,
 * renaming, removing, exporting, and rounds played from a bank.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../src/core/bank';
import { countOf, formatSize, MAX_BANK_NAME_CHARS, STORAGE_FULL_MESSAGE } from '../../src/core/customBankLimits';
import {
  checkSourceDocs,
  exportSavedBank,
  parseSavedBanks,
  savedBanksProblemText,
  serializeSavedBanks,
} from '../../src/core/customBanks';
import { formatImportProblem, importQuestions } from '../../src/core/import/index';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/core/preferences';
import type { BankError } from '../../src/core/types';
import { CustomBankKit } from '../../src/game/customBankKit';
import { isCustomRound, startCustomRound } from '../../src/game/customRound';
import type { GameServices } from '../../src/game/services';
import { readSourceFiles } from '../../src/server/bankFiles';
import { CUSTOM_BANKS_BACKUP_KEY, CUSTOM_BANKS_KEY, CustomBankStore } from '../../src/storage/CustomBankStore';
import { MemoryStore, SafeStorage, type KeyValueStore } from '../../src/storage/SafeStorage';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');
const sourceErrors: BankError[] = [];
const sources = parseSources(readSourceFiles(join(fixtures, 'sources'), fixtures), sourceErrors);
const SAVED_AT = '2026-11-24T10:00:00.000Z';

/** A file of the import corpus, read as the game reads a teacher's file. */
function imported(file: string) {
  const text = readFileSync(join(fixtures, file), 'utf8');
  const fileName = file.split('/').pop()!;
  const result = importQuestions({ path: fileName, text }, { sources });
  return { fileName, format: result.format!, topic: result.topic, questions: result.questions };
}

/** localStorage with a quota: a write that would take the total over it throws as browsers do. */
class QuotaStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  constructor(public limit: number) {}
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let total = key.length + value.length;
    for (const [other, stored] of this.values) if (other !== key) total += other.length + stored.length;
    if (total > this.limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}

function openStore(backing: KeyValueStore, maxChars?: number): CustomBankStore {
  return new CustomBankStore(new SafeStorage(backing), sources, maxChars === undefined ? {} : { maxChars });
}

describe('saved banks', () => {
  it('checks the fixture sources the tests quote', () => {
    expect(sourceErrors).toEqual([]);
    expect(Object.keys(sources).sort()).toEqual(['eo-13942', 'tiktok-ban-article-2020']);
  });

  it('round-trips banks through storage: the same questions, names and ids come back', () => {
    const backing = new MemoryStore();
    const store = openStore(backing);
    const first = store.add(imported('gift/good-comments-and-category.gift'), SAVED_AT);
    const second = store.add(imported('yaml/good-no-source.yaml'), SAVED_AT);
    expect(first.result).toEqual({ kept: 'device' });
    expect(second.result).toEqual({ kept: 'device' });
    expect(store.list().map((bank) => bank.id)).toEqual(['b1', 'b2']);

    const reopened = openStore(backing);
    expect(reopened.problems).toEqual([]);
    expect(reopened.list()).toEqual(store.list());
    const gift = reopened.get('b1')!;
    expect(gift.name).toBe('good-comments-and-category');
    expect(gift.format).toBe('gift');
    expect(gift.questions.map((question) => question.prompt)).toEqual([
      'Which company does the article say owns TikTok?',
      'How many days after the order did the prohibitions begin?',
    ]);
    const noSource = reopened.get('b2')!.questions[0]!;
    expect(noSource.noSource).toBe(true);
    expect(noSource.evidence).toEqual([]);
  });

  it('keeps a question with an excerpt word for word, checked again on the way back', () => {
    const backing = new MemoryStore();
    openStore(backing).add(imported('gift/good-missing-word.gift'), SAVED_AT);
    const question = openStore(backing).list()[0]!.questions[0]!;
    expect(question.evidence).toEqual([
      {
        source: 'eo-13942',
        quote: 'The following actions shall be prohibited beginning 45 days after the date of this order',
      },
    ]);
  });

  it.each([
    ['not JSON', '{oops', 'the saved question banks are not valid JSON'],
    ['another format', JSON.stringify({ version: 7, banks: [] }), 'not in the format of version 1'],
    ['a list', '[1, 2]', 'not in the format of version 1'],
  ])('sets aside stored data that is %s, keeping a copy, and starts empty', (_name, raw, problem) => {
    const backing = new MemoryStore();
    backing.setItem(CUSTOM_BANKS_KEY, raw);
    const store = openStore(backing);
    expect(store.list()).toEqual([]);
    expect(store.problems).toHaveLength(1);
    expect(savedBanksProblemText(store.problems[0]!)).toContain(problem);
    expect(backing.getItem(CUSTOM_BANKS_BACKUP_KEY)).toBe(raw);
    expect(JSON.parse(backing.getItem(CUSTOM_BANKS_KEY)!)).toEqual({ version: 1, banks: [] });
  });

  it('salvages what can be read: a damaged bank is left out, a question that fails the rules is named', () => {
    const backing = new MemoryStore();
    const store = openStore(backing);
    store.add(imported('gift/good-comments-and-category.gift'), SAVED_AT);
    store.add(imported('gift/good-missing-word.gift'), SAVED_AT);
    const stored = JSON.parse(backing.getItem(CUSTOM_BANKS_KEY)!) as { banks: Record<string, unknown>[] };
    // Bank 2's excerpt no longer matches its source (as after an edit by hand, or a changed document).
    stored.banks[1]!.yaml = String(stored.banks[1]!.yaml).replace('45 days', '46 days');
    stored.banks.push({ id: 'b9', name: 'Half a bank' });
    const raw = JSON.stringify(stored);
    backing.setItem(CUSTOM_BANKS_KEY, raw);

    const reopened = openStore(backing);
    expect(reopened.list().map((bank) => bank.name)).toEqual(['good-comments-and-category']);
    expect(reopened.problems.map(savedBanksProblemText)).toEqual([
      'saved bank "good-missing-word": question "the-prohibitions-of-eo-13942-began", field "evidence[1].quote": ' +
        'these words are not in source "eo-13942" exactly as written: "The following actions shall be prohibited ' +
        'beginning 46 days after the date of t…" (copy them exactly; line breaks and extra spaces do not matter)',
      'saved bank "good-missing-word" has no question left that can be played; it was left out',
      'saved bank 3 is damaged (a field is missing or of the wrong kind); it was left out',
    ]);
    expect(backing.getItem(CUSTOM_BANKS_BACKUP_KEY)).toBe(raw);
    // What is stored now reads back cleanly.
    expect(openStore(backing).problems).toEqual([]);
  });

  it('refuses a bank when the storage is full, changes nothing, and keeps saving smaller changes', () => {
    const backing = new QuotaStore(0);
    backing.limit = Number.MAX_SAFE_INTEGER;
    const store = openStore(backing);
    store.add(imported('gift/good-comments-and-category.gift'), SAVED_AT);
    const before = backing.getItem(CUSTOM_BANKS_KEY);
    backing.limit = before!.length + CUSTOM_BANKS_KEY.length + 100;

    const refused = store.add(imported('yaml/good-full.yaml'), SAVED_AT);
    expect(refused.result).toEqual({ kept: 'no', reason: STORAGE_FULL_MESSAGE, refusal: { why: 'full' } });
    expect(refused.bank).toBeUndefined();
    expect(store.list()).toHaveLength(1);
    expect(backing.getItem(CUSTOM_BANKS_KEY)).toBe(before);
    expect(store.persistent).toBe(true);

    expect(store.rename('b1', 'Week 3')).toEqual({ kept: 'device' });
    expect(openStore(backing).list()[0]!.name).toBe('Week 3');
  });

  it('refuses a bank that would take the saved banks over their limit, and removing still works', () => {
    const backing = new MemoryStore();
    const small = openStore(backing);
    small.add(imported('gift/good-comments-and-category.gift'), SAVED_AT);
    const limit = small.usedChars() + 200;
    const store = openStore(backing, limit);
    const refused = store.add(imported('yaml/good-full.yaml'), SAVED_AT);
    expect(refused.result.kept).toBe('no');
    const reason = refused.result.kept === 'no' ? refused.result.reason : '';
    expect(reason).toMatch(/^Not saved: your saved banks would take \d+ KB, more than the \d+ KB the game keeps/);
    expect(store.list()).toHaveLength(1);
    expect(store.remove('b1')).toEqual({ kept: 'device' });
    expect(openStore(backing).list()).toEqual([]);
  });

  it('keeps banks for the visit when the browser blocks storage', () => {
    const store = new CustomBankStore(new SafeStorage(undefined), sources);
    expect(store.persistent).toBe(false);
    expect(store.add(imported('gift/good-missing-word.gift'), SAVED_AT).result).toEqual({ kept: 'visit' });
    expect(store.list()).toHaveLength(1);
  });

  it('renames: spaces tidied, long names cut, an empty name refused, the new name kept', () => {
    const backing = new MemoryStore();
    const store = openStore(backing);
    store.add(imported('gift/good-missing-word.gift'), SAVED_AT);
    expect(store.rename('b1', '   ')).toEqual({
      kept: 'no',
      reason: 'A bank needs a name: type at least one letter or digit.',
      refusal: { why: 'no-name' },
    });
    expect(store.rename('b1', '  Week   3:\nthe orders ')).toEqual({ kept: 'device' });
    expect(openStore(backing).get('b1')!.name).toBe('Week 3: the orders');
    store.rename('b1', 'x'.repeat(100));
    expect(openStore(backing).get('b1')!.name).toHaveLength(MAX_BANK_NAME_CHARS);
    expect(store.rename('b7', 'Nothing')).toEqual({
      kept: 'no',
      reason: 'That bank is no longer saved.',
      refusal: { why: 'gone' },
    });
  });

  it('removes a bank for good; other banks keep their ids, and a removed id is refused', () => {
    const backing = new MemoryStore();
    const store = openStore(backing);
    store.add(imported('gift/good-comments-and-category.gift'), SAVED_AT);
    store.add(imported('gift/good-missing-word.gift'), SAVED_AT);
    expect(store.remove('b1')).toEqual({ kept: 'device' });
    expect(
      openStore(backing)
        .list()
        .map((bank) => [bank.id, bank.name]),
    ).toEqual([['b2', 'good-missing-word']]);
    expect(store.remove('b1')).toEqual({
      kept: 'no',
      reason: 'That bank is no longer saved.',
      refusal: { why: 'gone' },
    });
  });

  it('replaces the bank from a file loaded again, keeping its id and a name the teacher chose', () => {
    const backing = new MemoryStore();
    const store = openStore(backing);
    const file = imported('gift/good-comments-and-category.gift');
    store.add(file, SAVED_AT);
    store.rename('b1', 'Ownership quiz');
    const again = store.add({ ...file, questions: file.questions.slice(0, 1) }, '2026-11-25T09:00:00.000Z');
    expect(again.replaced).toBe(true);
    expect(store.list()).toHaveLength(1);
    expect(again.bank).toMatchObject({ id: 'b1', name: 'Ownership quiz', savedAt: '2026-11-25T09:00:00.000Z' });
    expect(openStore(backing).get('b1')!.questions).toHaveLength(1);
  });

  it('exports a bank as YAML under its name that reads back to the same questions', () => {
    const store = openStore(new MemoryStore());
    store.add(imported('gift/good-missing-word.gift'), SAVED_AT);
    store.rename('b1', 'Week 3: the orders');
    const file = exportSavedBank(store.get('b1')!);
    expect(file.fileName).toBe('week-3-the-orders.yaml');
    expect(file.text).toMatch(/^topic: good-missing-word\ntitle: "Week 3: the orders"\n/);
    const back = importQuestions({ path: file.fileName, text: file.text }, { sources });
    expect(back.problems).toEqual([]);
    expect(back.questions).toEqual(store.get('b1')!.questions);
  });

  it('serializes only the stored fields', () => {
    const store = openStore(new MemoryStore());
    store.add(imported('gift/good-missing-word.gift'), SAVED_AT);
    const stored = JSON.parse(serializeSavedBanks(store.list())) as { banks: Record<string, unknown>[] };
    expect(Object.keys(stored.banks[0]!).sort()).toEqual([
      'fileName',
      'format',
      'id',
      'name',
      'savedAt',
      'topic',
      'yaml',
    ]);
    expect(parseSavedBanks(null, sources)).toEqual({ banks: [], problems: [] });
  });
});

describe('loading a file in the game', () => {
  const kit = () => new CustomBankKit(openStore(new MemoryStore()), sources);
  const GOOD_AND_BROKEN =
    '::Byline:: Who wrote the 2020 article? {\n  =It does not say\n  ~A White House reporter\n}\n\n' +
    '::No right answer:: Who owns TikTok? {\n  ~ByteDance\n  ~Microsoft\n}\n';

  it('saves the good questions and lists every problem in the importer’s words', () => {
    const report = kit().loadText('Class quiz.gift', GOOD_AND_BROKEN, new Date(SAVED_AT));
    expect(report).toMatchObject({
      fileName: 'Class quiz.gift',
      summary: '1 question ready to play. 1 problem: a question with a problem is left out until it is fixed.',
      problems: [
        'Skipped: Line 6, question "No right answer", answers: no answer is marked correct; start the right answer with "="',
      ],
      changed: [],
      notice: { text: 'Saved on this device.', tone: 'good' },
      bankId: 'b1',
    });
    expect(report.skipped.map(formatImportProblem)).toEqual([
      'Line 6, question "No right answer", answers: no answer is marked correct; start the right answer with "="',
    ]);
  });

  it('reads a chosen file by its bytes: Excel’s Windows-1252 CSV plays, its reading listed as a change', async () => {
    const bytes = readFileSync(join(fixtures, 'real', 'kahoot-template-excel-windows-1252.csv'));
    const file = new File([bytes], 'Week 3.csv');
    const report = await kit().load(file, new Date(SAVED_AT));
    expect(report.summary).toBe('5 questions ready to play. 1 change made in reading the file, listed below.');
    expect(report.changed.map(formatImportProblem)).toEqual([
      expect.stringMatching(/^The file is not UTF-8: it was read as Windows-1252/),
    ]);
    expect(report.problems).toEqual([`Changed: ${formatImportProblem(report.changed[0]!)}`]);
    expect(report.skipped).toEqual([]);
    expect(report.bankId).toBe('b1');
  });

  it('refuses a chosen file that is not text, saying how to save it as UTF-8', async () => {
    const file = new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x81, 0x00])], 'Week 3.csv');
    const report = await kit().load(file, new Date(SAVED_AT));
    expect(report.summary).toBe('No question can be played yet: 1 problem to fix. Fix the file and load it again.');
    expect(report.problems).toEqual([expect.stringMatching(/^Skipped: The file cannot be read: .*"CSV UTF-8"/)]);
    expect(report.bankId).toBeUndefined();
  });

  it('lists what was changed apart from what was skipped, changes first', () => {
    const text =
      '// source: Kahoot quiz, 2023\n::Owner:: Who owns TikTok? {=ByteDance ~Microsoft}\n\n' +
      '::Chart::[html]What does it show?<img src="chart.png">{=Growth ~Decline}\n';
    const report = kit().loadText('Class quiz.gift', text, new Date(SAVED_AT));
    expect(report.summary).toBe(
      '1 question ready to play. 1 change made in reading the file, listed below. ' +
        '1 problem: a question with a problem is left out until it is fixed.',
    );
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^Changed: Line 1, question "Owner", source comment: is not used: .*plays without a source excerpt$/,
      ),
      expect.stringMatching(/^Skipped: Line 4, question "Chart", question text: has a picture with no description/),
    ]);
  });

  it('saves nothing from a file without a playable question, and says why', () => {
    const opened = kit();
    const report = opened.loadText('notes.docx', 'Who owns TikTok?', new Date(SAVED_AT));
    expect(report.summary).toBe('No question can be played yet: 1 problem to fix. Fix the file and load it again.');
    expect(report.problems[0]).toMatch(/^Skipped: This kind of file cannot be read/);
    expect(report.bankId).toBeUndefined();
    expect(opened.store.list()).toEqual([]);
  });

  it('offers a bank it could not save for play without saving', () => {
    const full = new CustomBankKit(openStore(new MemoryStore(), 10), sources);
    const report = full.loadText('Class quiz.gift', GOOD_AND_BROKEN, new Date(SAVED_AT));
    expect(report.notice?.tone).toBe('warning');
    expect(report.notice?.text).toMatch(/^Not saved: your saved banks would take \d+ bytes, more than the 10 bytes/);
    expect(report.bankId).toBeUndefined();
    expect(report.unsaved?.questions.map((question) => question.id)).toEqual(['byline']);
  });

  it('offers every shipped file ending to the picker', () => {
    expect(kit().accept).toBe('.gift,.txt,.csv,.yaml,.yml');
  });
});

describe('the source texts download', () => {
  it('accepts every source with its text and citation', () => {
    expect(checkSourceDocs(JSON.parse(JSON.stringify(sources)))).toEqual({ sources });
  });

  it.each([
    ['not an object', [], 'sources.json is not a JSON object'],
    ['empty', {}, 'sources.json holds no source documents'],
    ['without a text', { a: { id: 'a', title: 't' } }, 'sources.json: source "a" lacks its author'],
    ['with a wrong id', { a: { id: 'b' } }, 'sources.json: source "a" is damaged'],
  ])('refuses sources.json that is %s', (_name, data, error) => {
    expect(checkSourceDocs(data)).toEqual({ error });
  });
});

describe('a round from a teacher’s bank', () => {
  function services(preferences: Partial<Preferences>): GameServices {
    return {
      preferences: { get: () => ({ ...DEFAULT_PREFERENCES, ...preferences }) },
      now: () => 1000,
      newSeed: () => 'seed',
    } as unknown as GameServices;
  }
  const questions = imported('gift/good-comments-and-category.gift').questions;

  it('plays every question of a bank smaller than the round, under the player’s settings', () => {
    const session = startCustomRound(services({ questionCount: 10, time: 2 }), questions);
    expect(session.questions.map((question) => question.id).sort()).toEqual(['days', 'who-owns-tiktok']);
    expect(session.plan.questions.map((planned) => planned.timeLimitMs)).toEqual([40_000, 40_000]);
    expect(session.phase).toBe('question');
  });

  it('ignores the shipped topics chosen in the settings', () => {
    const session = startCustomRound(services({ topics: ['orders-2020'] }), questions);
    expect(session.questions).toHaveLength(2);
  });

  it('plays a bank without hard questions in mixed order when the settings ask for hard only', () => {
    const session = startCustomRound(services({ difficulty: 'hard-only' }), questions);
    expect(session.questions).toHaveLength(2);
    expect(session.plan.settings.difficulty).toBe('mixed');
  });

  it('tells a teacher’s round from a round of the game’s own questions', () => {
    const shipped = imported('yaml/good-full.yaml').questions;
    const withBank = { ...services({}), bank: { questions: shipped } } as unknown as GameServices;
    expect(isCustomRound(withBank, startCustomRound(withBank, questions))).toBe(true);
    expect(isCustomRound(withBank, startCustomRound(withBank, shipped))).toBe(false);
  });

  it('draws the round length from a larger bank', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...questions[0]!, id: `q${i}` }));
    expect(startCustomRound(services({ questionCount: 5 }), many).questions).toHaveLength(5);
  });
});

describe('sizes and counts, as a teacher reads them', () => {
  it.each([
    [512, '512 bytes'],
    [23_456, '23 KB'],
    [1_000_000, '1 MB'],
    [1_234_567, '1.2 MB'],
  ])('%i characters read as %s', (chars, text) => {
    expect(formatSize(chars)).toBe(text);
  });

  it('counts in words', () => {
    expect([countOf(1, 'question'), countOf(2, 'bank')]).toEqual(['1 question', '2 banks']);
  });
});
