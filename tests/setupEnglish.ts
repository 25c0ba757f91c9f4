/**
 * The game carries only the first screen's English and downloads the rest with the screens that say it
 * (src/i18n/resources.ts); tests word every screen in Node (unit tests, and browser tests' expected texts), so
 * each file starts with all of it here. tests/unit/englishLater.test.ts covers the arrival itself.
 */
import { loadEnglish } from '../src/i18n/resources';

await loadEnglish();
