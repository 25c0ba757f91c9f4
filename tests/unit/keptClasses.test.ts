import { describe, expect, it } from 'vitest';
import { csvFileParts, goneClassesText, keptClassDate, keptClassStatus } from '../../src/host/keptClassText';
import { dropKeptClasses, forgetClass, loadKeptClasses, loadSavedClass, saveClass } from '../../src/host/savedClass';
import { MemoryStore } from '../../src/storage/SafeStorage';

describe("the classes a teacher's browser keeps", () => {
  it('keeps every class created, newest first, when a new one is hosted', () => {
    const storage = new MemoryStore();
    saveClass(storage, { code: 'AAAAAA', token: 't1' });
    saveClass(storage, { code: 'CCCCCC', token: 't2' });
    forgetClass(storage);
    expect(loadSavedClass(storage)).toBeUndefined();
    expect(loadKeptClasses(storage).map((item) => item.code)).toEqual(['CCCCCC', 'AAAAAA']);
    // Reopening one makes it the open class again and the first in the list.
    saveClass(storage, { code: 'AAAAAA', token: 't1' });
    expect(loadKeptClasses(storage).map((item) => item.code)).toEqual(['AAAAAA', 'CCCCCC']);
    dropKeptClasses(storage, ['AAAAAA']);
    expect(loadSavedClass(storage)).toBeUndefined();
    expect(loadKeptClasses(storage)).toEqual([{ code: 'CCCCCC', token: 't2' }]);
  });

  it('lists a class saved before the list existed, and survives a damaged list', () => {
    const storage = new MemoryStore();
    storage.setItem('source-check:host:v1', JSON.stringify({ code: 'EEEEEE', token: 'old' }));
    storage.setItem('source-check:host:classes:v1', '{not json');
    expect(loadKeptClasses(storage)).toEqual([{ code: 'EEEEEE', token: 'old' }]);
  });

  it('says status and date as a teacher finds a lesson', () => {
    const day = Date.UTC(2026, 11, 6, 9);
    expect(keptClassDate({ createdAt: day })).toBe('Created 6 Dec 2026');
    expect(keptClassStatus({ status: 'ended', endedAt: day, players: 1, questionCount: 10 })).toBe(
      'Ended 6 Dec 2026 · 1 player · 10 questions',
    );
    expect(keptClassStatus({ status: 'lobby', endedAt: null, players: 0, questionCount: 5 })).toBe(
      'Waiting to start · 0 players · 5 questions',
    );
    expect(goneClassesText(['AAAAAA'])).toMatch(/^The class AAAAAA is no longer on the class server/);
    expect(goneClassesText([])).toBe('');
  });
});

describe('the downloaded CSV', () => {
  it('keeps the byte-order mark that tells Excel it is UTF-8 (José, not JosÃ©)', async () => {
    const parts = csvFileParts('"nickname"\r\n"José"\r\n');
    const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvFileParts('\uFEFF"x"')).toEqual(['\uFEFF"x"']);
  });
});
