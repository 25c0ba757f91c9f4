import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../../src/core/classProtocol';
import { joinLinkFor, reachWarning } from '../../src/core/joinLink';
import { configFromEnv } from '../../src/server/class/config';
import { joinOriginsFor } from '../../src/server/class/start';

const loopback: ServerInfo = { joinOrigins: [], loopbackOnly: true };
const classroom: ServerInfo = { joinOrigins: ['http://192.168.1.20:8080'], loopbackOnly: false };

describe('the join link', () => {
  it('keeps the path of PUBLIC_URL, even on a page opened on the server itself', () => {
    const { publicUrl } = configFromEnv({ PUBLIC_URL: 'https://school.example/quiz' }, '/srv');
    expect(publicUrl).toBe('https://school.example/quiz/');
    const info = joinOriginsFor('127.0.0.1', 8080, publicUrl);
    expect(joinLinkFor('3KXA49', info, 'http://127.0.0.1:8080/host.html')).toBe(
      'https://school.example/quiz/?class=3KXA49',
    );
    expect(joinLinkFor('3KXA49', info, 'https://school.example/quiz/host.html')).toBe(
      'https://school.example/quiz/?class=3KXA49',
    );
  });

  it("uses the page's own address behind a proxy, and the classroom address on the server", () => {
    expect(joinLinkFor('3KXA49', loopback, 'https://school.example/quiz/host.html')).toBe(
      'https://school.example/quiz/?class=3KXA49',
    );
    expect(joinLinkFor('3KXA49', classroom, 'http://localhost:8080/host.html')).toBe(
      'http://192.168.1.20:8080/?class=3KXA49',
    );
  });
});

describe('the warning that students cannot reach the server', () => {
  it('shows only on a page opened on the server, listening on it alone, with no PUBLIC_URL', () => {
    expect(reachWarning(loopback, 'http://127.0.0.1:8080/host.html')).toContain('HOST=0.0.0.0');
    expect(reachWarning(loopback, 'http://127.0.0.1:8080/host.html')).toContain('set PUBLIC_URL');
    // Opened through a proxy's name: students reach it the same way.
    expect(reachWarning(loopback, 'https://school.example/quiz/host.html')).toBeUndefined();
    expect(reachWarning(classroom, 'http://localhost:8080/host.html')).toBeUndefined();
    const proxied = joinOriginsFor('127.0.0.1', 8080, 'https://school.example/quiz/');
    expect(reachWarning(proxied, 'http://127.0.0.1:8080/host.html')).toBeUndefined();
  });
});
