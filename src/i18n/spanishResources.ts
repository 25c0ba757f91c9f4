/** The Spanish strings, a download of their own (see resources.ts). Same keys as English, checked by a test. */
import common from './locales/es/common.json';
import settings from './locales/es/settings.json';
import play from './locales/es/play.json';
import menu from './locales/es/menu.json';
import share from './locales/es/share.json';
import check from './locales/es/check.json';
import classroom from './locales/es/classroom.json';
import host from './locales/es/host.json';
import banks from './locales/es/banks.json';
import importNotes from './locales/es/import.json';

export const SPANISH_RESOURCES = {
  common,
  settings,
  play,
  menu,
  share,
  check,
  classroom,
  host,
  banks,
  import: importNotes,
};
