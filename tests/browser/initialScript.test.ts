/**
 * The first visit's JavaScript, read from the build the browser tests run on (their global setup builds it): what
 * index.html loads before the game can start, gzipped as `npm run bench` counts it, against bare Phaser's page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { BARE_PHASER_PAGE, INITIAL_JS_CEILING_RATIO, initialJsGzipBytes, initialScripts } from '../../bench/initialJs';

const buildDir = inject('buildDir');
const sourceDir = join(import.meta.dirname, '..', '..', 'src');

/** The first load's scripts as one text. */
const firstLoadText = () =>
  initialScripts(buildDir)
    .map((file) => readFileSync(join(buildDir, file), 'utf8'))
    .join('\n');

/**
 * Rules the title's first frame does not use, each by a text only its module carries (minified code keeps its
 * strings): a round's session and its saved copy, a challenge link's reader, nicknames, the learning check's
 * figures and checks.json. The title learns what it needs of them from the device alone (docs/benchmarks.md).
 */
const LATER_RULES: readonly [module: string, text: string][] = [
  ['core/session.ts', 'which is not in the bank'],
  ['core/savedRound.ts', 'has an unknown claim judgement'],
  ['core/challenge.ts', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'],
  ['core/nicknames.ts', 'Use letters, digits, spaces and ordinary punctuation only'],
  ['core/selfCheck.ts', 'lacks its items or forms'],
  ['core/discernment.ts', 'inverseNormalCdf needs a probability'],
];

describe('the first visit’s JavaScript', () => {
  it('stays within its share of bare Phaser’s page', () => {
    const installed = (createRequire(import.meta.url)('phaser/package.json') as { version: string }).version;
    expect(installed, 'Phaser changed: measure bare Phaser again (npm run bench) and update BARE_PHASER_PAGE').toBe(
      BARE_PHASER_PAGE.phaserVersion,
    );
    const bytes = initialJsGzipBytes(buildDir);
    const ratio = bytes / BARE_PHASER_PAGE.initialJsGzipBytes;
    expect(
      ratio,
      `initial JS ${bytes} bytes gzipped is ${ratio.toFixed(3)} of bare Phaser's; the ceiling is ${INITIAL_JS_CEILING_RATIO}`,
    ).toBeLessThanOrEqual(INITIAL_JS_CEILING_RATIO);
  });

  it('leaves the strings of a round, the learning check, the class screens, the host page and Your questions to the screens that use them', () => {
    const firstLoad = firstLoadText();
    const locales = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'locales', 'en');
    const stringsOf = (namespace: string): string[] =>
      JSON.stringify(JSON.parse(readFileSync(join(locales, `${namespace}.json`), 'utf8')))
        .split('"')
        .filter((text) => text.length >= 30);
    const firstScreen = new Set(['common', 'settings', 'menu', 'share'].flatMap(stringsOf));
    for (const namespace of ['play', 'check', 'classroom', 'host', 'banks', 'import']) {
      // The namespace's own longer strings, as a bundle would carry them (plain text, nothing to escape).
      const own = stringsOf(namespace).filter((text) => !firstScreen.has(text) && /^[\x20-\x7e]+$/.test(text));
      expect(own.length, namespace).toBeGreaterThan(5);
      // A few short messages are also written in the game's own code (a nickname's rules, a connection error);
      // a namespace in the first load would bring every one of its strings.
      const found = own.filter((text) => firstLoad.includes(text));
      expect(found.length / own.length, `${namespace}: in the first load: ${found.join(' | ')}`).toBeLessThan(0.1);
    }
  });

  it('leaves the rules of a round, a challenge link and the learning check to the code that uses them', () => {
    const firstLoad = firstLoadText();
    for (const [module, text] of LATER_RULES) {
      expect(readFileSync(join(sourceDir, module), 'utf8'), `${module} no longer says "${text}"`).toContain(text);
      expect(firstLoad.includes(text), `${module} is in the first load`).toBe(false);
    }
  });
});
