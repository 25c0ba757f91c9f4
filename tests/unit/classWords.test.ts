import { describe, expect, it } from 'vitest';
import { classErrorMessage, nicknameProblem, placeOf } from '../../src/game/classWords';
import { createTranslator, loadTranslator } from '../../src/i18n/translator';
import { ClassApiError } from '../../src/net/classApi';

describe('the class screens’ words', () => {
  it('give a Spanish student the server’s refusal by its code, and an English one the server’s own sentence', async () => {
    const es = await loadTranslator('es');
    const en = createTranslator('en');
    const full = new ClassApiError(409, 'class-full', 'This class is full (200 players).');
    expect(classErrorMessage(full, en)).toBe('This class is full (200 players).');
    expect(classErrorMessage(full, es)).toBe('Esta clase está llena.');
    expect(classErrorMessage(new ClassApiError(422, 'nickname-too-long', 'x'), es)).toBe(
      'Un apodo puede tener como máximo 30 caracteres.',
    );
    expect(classErrorMessage(new ClassApiError(418, 'teapot', 'I am a teapot.'), es)).toBe(
      'El servidor de la clase respondió con el código 418.',
    );
    expect(classErrorMessage(new ClassApiError(0, 'offline', 'x'), es)).toBe(
      'No se pudo conectar con el servidor de la clase. Revisa la conexión.',
    );
    expect(classErrorMessage('not an error', es)).toBe('Algo salió mal.');
    expect(classErrorMessage('not an error', en)).toBe('Something went wrong.');
  });

  it('say why a nickname was refused in the player’s language', async () => {
    expect(nicknameProblem('too-short', await loadTranslator('es'))).toBe(
      'Un apodo necesita por lo menos 2 letras o números.',
    );
    expect(nicknameProblem('too-short', createTranslator('en'))).toBe('A nickname needs at least 2 letters or digits.');
  });

  it('write a place in a class by each language’s ordinals', async () => {
    const en = createTranslator('en');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => placeOf(n, en))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
    ]);
    const es = await loadTranslator('es');
    expect([1, 2, 3, 22].map((n) => placeOf(n, es))).toEqual(['1.º', '2.º', '3.º', '22.º']);
  });
});
