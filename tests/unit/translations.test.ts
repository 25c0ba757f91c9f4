import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageOfTag, pickLanguage } from '../../src/core/languages';
import { parsePreferences } from '../../src/core/preferences';
import { loadEnglish } from '../../src/i18n/resources';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';
import { createTranslator, loadTranslator } from '../../src/i18n/translator';

const RESOURCES = { en: await loadEnglish(), es: SPANISH_RESOURCES };

type Tree = { [key: string]: string | Tree };

/** Every string of a namespace by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1]!).sort();

/** A namespace's keys with plural forms folded into their base key, each with the forms it has. */
function keysOf(tree: Tree): Map<string, { forms: Set<string>; variables: Set<string> }> {
  const out = new Map<string, { forms: Set<string>; variables: Set<string> }>();
  for (const [key, text] of flatten(tree)) {
    const form = PLURAL_SUFFIX.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    const entry = out.get(base) ?? { forms: new Set<string>(), variables: new Set<string>() };
    if (form) entry.forms.add(form);
    for (const name of variables(text)) entry.variables.add(name);
    out.set(base, entry);
  }
  return out;
}

describe('interface strings', () => {
  const english = RESOURCES.en as unknown as Record<string, Tree>;

  for (const language of LANGUAGES.filter((code) => code !== 'en')) {
    const other = RESOURCES[language] as unknown as Record<string, Tree>;
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

    it(`${language} has the same namespaces as English`, () => {
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    });

    for (const namespace of Object.keys(english)) {
      it(`${language}:${namespace} has every English key, no other, with the same placeholders and its own plural forms`, () => {
        const theirs = keysOf(other[namespace] ?? {});
        const ours = keysOf(english[namespace]!);
        const missing = [...ours.keys()].filter((key) => !theirs.has(key));
        const extra = [...theirs.keys()].filter((key) => !ours.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        for (const [key, entry] of ours) {
          const translated = theirs.get(key)!;
          expect([...translated.variables].sort(), `${namespace}:${key} placeholders`).toEqual(
            [...entry.variables].sort(),
          );
          if (entry.forms.size > 0) {
            const needed = categories.filter((category) => category !== 'zero' || translated.forms.has('zero'));
            expect([...translated.forms].sort(), `${namespace}:${key} plural forms`).toEqual([...needed].sort());
          }
        }
        for (const [key, text] of flatten(other[namespace] ?? {})) expect(text.trim(), key).not.toBe('');
      });
    }
  }

  it('translates by language, with plurals and US formats for numbers and dates', async () => {
    const en = createTranslator('en');
    const es = await loadTranslator('es');
    expect(es.t('settings:title')).toBe('Configuración');
    expect(en.t('settings:topics.kinds', { count: 1 })).toBe('1 kind');
    expect(es.t('settings:topics.kinds', { count: 3 })).toBe('3 tipos');
    expect(es.formatDate('2020-08-06')).toBe('6 de agosto de 2020');
    expect(en.formatDate('2020-08-06')).toBe('August 6, 2020');
    expect(es.locale).toBe('es-US');
  });
});

describe('which language a player gets', () => {
  it('is their choice, else the first browser language spoken here, else English', () => {
    expect(pickLanguage('es', ['en-US'])).toBe('es');
    expect(pickLanguage('auto', ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLanguage('auto', ['de', 'fr'])).toBe('en');
    expect(pickLanguage('auto', [])).toBe('en');
    expect(languageOfTag('ES_us')).toBe('es');
    expect(languageOfTag('eso')).toBeUndefined();
  });

  it('is remembered in the settings, and an unknown saved language falls back to the browser', () => {
    expect(parsePreferences(JSON.stringify({ language: 'es' })).preferences.language).toBe('es');
    expect(parsePreferences('{}').preferences.language).toBe('auto');
    const loaded = parsePreferences(JSON.stringify({ language: 'klingon' }));
    expect(loaded.preferences.language).toBe('auto');
    expect(loaded.problems.join()).toContain('"language"');
  });
});
