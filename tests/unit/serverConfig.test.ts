import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/class/config';

const DAY_MS = 86_400_000;

describe('class server settings', () => {
  it('keeps a class 1 to 365 days, 30 unless told', () => {
    expect(configFromEnv({}, '/srv').retentionMs).toBe(30 * DAY_MS);
    expect(configFromEnv({ CLASS_RETENTION_DAYS: '1' }, '/srv').retentionMs).toBe(DAY_MS);
    expect(configFromEnv({ CLASS_RETENTION_DAYS: '365' }, '/srv').retentionMs).toBe(365 * DAY_MS);
  });

  it.each(['0', '0.0005', '366', '1e300', 'Infinity', 'a month', '-3'])(
    'refuses CLASS_RETENTION_DAYS=%s with the range',
    (value) => {
      expect(() => configFromEnv({ CLASS_RETENTION_DAYS: value }, '/srv')).toThrow(
        `CLASS_RETENTION_DAYS must be a number of days from 1 to 365, found "${value}".`,
      );
    },
  );

  it('takes snapshots daily into backups/ beside the database, keeping 7, unless told', () => {
    const config = configFromEnv({ CLASS_DB: 'var/classes.db' }, '/srv');
    expect(config.backup).toEqual({ dir: '/srv/var/backups', everyMs: 24 * 3_600_000, keep: 7 });
    expect(config.minFreeBytes).toBe(64 * 1024 * 1024);
    expect(() => configFromEnv({ READY_MIN_FREE_MB: 'lots' }, '/srv')).toThrow(
      'READY_MIN_FREE_MB must be a number of megabytes from 0 to 100000, found "lots".',
    );
  });

  it('trusts no proxy unless TRUST_PROXY names one', () => {
    expect(configFromEnv({}, '/srv').trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }, '/srv').trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
  });
});

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
