/** The English namespaces no first screen shows, a download of their own (see resources.ts). */
import play from './locales/en/play.json';
import classroom from './locales/en/classroom.json';
import host from './locales/en/host.json';
import banks from './locales/en/banks.json';
import importNotes from './locales/en/import.json';
import check from './locales/en/check.json';

export const LATER_ENGLISH = { play, check, classroom, host, banks, import: importNotes };
