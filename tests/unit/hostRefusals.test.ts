/** A refused request's reason on the host page in the page's language (src/host/refusals.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { useHostTranslator } from '../../src/host/hostLanguage';
import { PAGE_REFUSALS, refusalText, refusalWords, type RefusalCode } from '../../src/host/refusals';
import { SPANISH_RESOURCES } from '../../src/i18n/spanishResources';
import { createTranslator } from '../../src/i18n/translator';
import { ClassApiError } from '../../src/net/classApi';
import { ERROR_STATUS } from '../../src/server/class/routes/errorStatus';

const english = createTranslator('en');
const spanish = createTranslator('es', SPANISH_RESOURCES);
/** Every code the server can refuse with (its status table is keyed by every ClassErrorCode), and the page's own. */
const EVERY_CODE = [...Object.keys(ERROR_STATUS), ...PAGE_REFUSALS] as RefusalCode[];

describe("the host page's refusals", () => {
  afterEach(() => useHostTranslator(english, undefined));

  it('words every code of the class server, and the page’s own, in English and in Spanish', () => {
    expect(EVERY_CODE.length).toBeGreaterThan(50);
    for (const code of EVERY_CODE) {
      useHostTranslator(english, undefined);
      const inEnglish = refusalWords(code, 'DETAIL');
      useHostTranslator(spanish, undefined);
      const inSpanish = refusalWords(code, 'DETAIL');
      for (const words of [inEnglish, inSpanish]) {
        expect(words, code).not.toContain('refusal.');
        expect(words, code).not.toContain('{{');
        expect(words, code).toMatch(/[.:]( DETAIL)?$/);
      }
      // Spanish words of its own (i18next would fill a missing one with the English).
      expect(SPANISH_RESOURCES.host.refusal[code], code).toEqual(expect.any(String));
      expect(inSpanish, code).not.toBe(inEnglish);
    }
  });

  it('shows the server’s sentence on an English page and the page’s words on a Spanish one', () => {
    const full = new ClassApiError(409, 'class-full', 'This class is full (60 players).');
    expect(refusalText(full, 'Failed.')).toBe('This class is full (60 players).');
    useHostTranslator(spanish, undefined);
    expect(refusalText(full, 'Falló.')).toBe('Esta clase está llena.');
    expect(refusalText(new ClassApiError(410, 'class-ended', 'This class has ended.'), 'Falló.')).toBe(
      'Esta clase ya terminó.',
    );
    expect(refusalText(new ClassApiError(0, 'offline', 'The class server could not be reached.'), 'Falló.')).toBe(
      'No se pudo conectar con el servidor de la clase. Revisa la conexión.',
    );
    expect(
      refusalText(new ClassApiError(409, 'delayed-too-early', 'The delayed check can be opened from …'), 'Falló.'),
    ).toMatch(/^La prueba diferida se puede abrir a partir de 7 días después de la clase/);
    // The settings the server refused are named in its own sentence, which the page quotes.
    expect(refusalText(new ClassApiError(422, 'bad-settings', 'questionCount must be 1–30.'), 'Falló.')).toBe(
      'El servidor de la clase rechazó esta configuración: questionCount must be 1–30.',
    );
  });

  it('falls back to the server’s sentence for a code it does not know, and to its own words for other failures', () => {
    useHostTranslator(spanish, undefined);
    expect(refusalText(new ClassApiError(418, 'teapot', 'A newer server says no.'), 'Falló.')).toBe(
      'A newer server says no.',
    );
    expect(refusalText(new TypeError('Failed to fetch'), 'La clase no se pudo crear.')).toBe(
      'La clase no se pudo crear.',
    );
    expect(refusalText('not an error', 'Falló.')).toBe('Falló.');
    useHostTranslator(english, undefined);
    expect(refusalText(new TypeError('Failed to fetch'), 'Not created.')).toBe('Failed to fetch');
  });
});
