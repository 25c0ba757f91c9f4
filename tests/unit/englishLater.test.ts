import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the string modules, as the game has them on its first screen: only the first screen's English. */
async function freshModules() {
  vi.resetModules();
  const resources = await import('../../src/i18n/resources');
  const translator = await import('../../src/i18n/translator');
  return { ...resources, ...translator };
}

describe('English strings in two parts', () => {
  beforeEach(() => vi.resetModules());

  it('carries the first screen’s namespaces with the game and the rest only after loadEnglish', async () => {
    const { englishSoFar, loadEnglish } = await freshModules();
    expect(Object.keys(englishSoFar()).sort()).toEqual(['common', 'menu', 'settings', 'share']);
    const all = await loadEnglish();
    expect(Object.keys(all).sort()).toEqual([
      'banks',
      'check',
      'classroom',
      'common',
      'host',
      'import',
      'menu',
      'play',
      'settings',
      'share',
    ]);
  });

  it('gives a translator made for the first screen the later namespaces when they arrive', async () => {
    const { createTranslator, loadEnglish } = await freshModules();
    const english = createTranslator('en');
    expect(english.t('menu:title.heading')).not.toBe('title.heading');
    expect(english.t('play:reveal.sourceSays')).toBe('reveal.sourceSays');
    await loadEnglish();
    expect(english.t('play:reveal.sourceSays')).toBe('The source says');
  });

  it('fills a Spanish translator’s missing keys with the later English once it arrives', async () => {
    const { createTranslator, loadEnglish } = await freshModules();
    const spanish = createTranslator('es', {} as never);
    await loadEnglish();
    expect(spanish.t('classroom:error.generic')).not.toBe('error.generic');
  });
});
