/** The class server's settings from the environment: the public origins and the per-address player cap. */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/class/config';

describe('the class server configuration', () => {
  it('takes PUBLIC_URL and PUBLIC_ORIGINS as the origins whose pages may use the server', () => {
    const config = configFromEnv(
      {
        PUBLIC_URL: 'https://quiz.school.example/play/',
        PUBLIC_ORIGINS: ' http://10.0.0.5:8080 , https://quiz.school.example',
      },
      '/srv',
    );
    expect(config.publicOrigins).toEqual(['https://quiz.school.example', 'http://10.0.0.5:8080']);
    expect(configFromEnv({}, '/srv').publicOrigins).toEqual([]);
    expect(() => configFromEnv({ PUBLIC_ORIGINS: 'quiz.school.example' }, '/srv')).toThrow(
      'PUBLIC_ORIGINS must hold http(s) addresses, found "quiz.school.example".',
    );
  });

  it('reads CLASS_MAX_PLAYERS_PER_ADDRESS as a whole number', () => {
    expect(configFromEnv({ CLASS_MAX_PLAYERS_PER_ADDRESS: '120' }, '/srv').maxPlayersPerAddress).toBe(120);
    expect(configFromEnv({}, '/srv').maxPlayersPerAddress).toBeUndefined();
    expect(() => configFromEnv({ CLASS_MAX_PLAYERS_PER_ADDRESS: '0' }, '/srv')).toThrow(
      'CLASS_MAX_PLAYERS_PER_ADDRESS must be a whole number from 1, found "0".',
    );
  });
});
