/**
 * The game carries only the first screen's English and downloads the rest with the screens that say it
 * (src/i18n/resources.ts); unit tests word every screen, so each file starts with all of it here.
 * tests/unit/englishLater.test.ts covers the arrival itself.
 */
import { loadEnglish } from '../../src/i18n/resources';

await loadEnglish();
