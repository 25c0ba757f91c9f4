/**
 * A translator for one language: i18next over strings already loaded (so `t` works from the first frame, with no
 * request to wait for), plus number and date formats by the language's locale.
 * Each game and each host page makes its own (no global instance), so two on one page cannot disagree.
 */
import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, type Language } from '../core/languages';
import {
  DEFAULT_NAMESPACE,
  englishSoFar,
  loadResources,
  NAMESPACES,
  whenEnglishAdded,
  type Namespace,
  type Resources,
} from './resources';

/** `t` over every namespace: keys are written `namespace:key` (`common:` may be left out). */
export type Translate = TFunction<Namespace[]>;

/** The locale each language formats numbers and dates in: US conventions, for US classrooms. */
export const LOCALE_OF: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-US' };

export interface Translator {
  readonly language: Language;
  /** The BCP 47 locale for `Intl` and for `lang` attributes. */
  readonly locale: string;
  readonly t: Translate;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  /** A calendar date ("August 6, 2020" / "6 de agosto de 2020"); an ISO date (YYYY-MM-DD) is read as that day. */
  formatDate(date: Date | string, options?: Intl.DateTimeFormatOptions): string;
}

/** The translator for a language, once all its strings are here (English's later namespaces included). */
export async function loadTranslator(language: Language): Promise<Translator> {
  return createTranslator(language, await loadResources(language));
}

/**
 * A translator over strings already loaded; English fills any key the language lacks. English's later namespaces
 * (resources.ts) join it when they arrive, so an English translator made for the first screen speaks every screen.
 */
export function createTranslator(language: Language, strings?: Resources): Translator {
  const instance = i18next.createInstance();
  const english = englishSoFar();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: {
      [DEFAULT_LANGUAGE]: english,
      ...(strings && language !== DEFAULT_LANGUAGE ? { [language]: strings } : {}),
    },
    ns: [...NAMESPACES],
    defaultNS: DEFAULT_NAMESPACE,
    initAsync: false,
    // The canvas and textContent take plain text; the host page never puts a translation into innerHTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (NAMESPACES.some((namespace) => !(namespace in english))) {
    whenEnglishAdded((added) => {
      for (const [namespace, keys] of Object.entries(added))
        instance.addResourceBundle(DEFAULT_LANGUAGE, namespace, keys);
    });
  }
  const locale = LOCALE_OF[language];
  const numberFormats = new Map<string, Intl.NumberFormat>();
  return {
    language,
    locale,
    t: instance.t.bind(instance) as Translate,
    formatNumber(value, options) {
      const key = JSON.stringify(options ?? {});
      let format = numberFormats.get(key);
      if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
      return format.format(value);
    },
    formatDate(date, options = { year: 'numeric', month: 'long', day: 'numeric' }) {
      const when = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : date;
      return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(new Date(when));
    },
  };
}
