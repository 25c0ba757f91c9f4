/**
 * Behind a real nginx on loopback: with TRUST_PROXY naming it, rate limits count each student's address (130
 * joins from 130 addresses all succeed, one address is still limited); without it, every request is the proxy's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { trustProxyFromEnv } from '../../src/server/class/trustProxy';
import { Api, startTestServer, type TestServer } from './helpers';
import { startNginx, type TestNginx } from './nginx';

const JOIN_LIMIT = 20;
const STUDENTS = 130;
/** What docs/operations.md tells a deployment to set: the client's address appended to what it sent. */
const PROXY_HEADERS = [
  'proxy_http_version 1.1;',
  'proxy_set_header Host $http_host;',
  'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
  'proxy_set_header X-Forwarded-Proto $scheme;',
];

let server: TestServer | undefined;
let nginx: TestNginx | undefined;

afterEach(async () => {
  await nginx?.stop();
  await server?.close();
  nginx = undefined;
  server = undefined;
});

async function behindNginx(trustProxy: string[] | false): Promise<Api> {
  server = await startTestServer({ trustProxy, limits: { joinPerMinute: JOIN_LIMIT } });
  nginx = await startNginx(server.url, PROXY_HEADERS);
  return new Api(`${nginx.url}/`);
}

/** A join as sent by a student at `address` (the test plays the classroom's machines in X-Forwarded-For). */
function joinFrom(api: Api, code: string, nickname: string, address: string) {
  return api.request('POST', `/api/classes/${code}/players`, {
    body: { nickname },
    headers: { 'x-forwarded-for': address },
  });
}

function addressOf(student: number): string {
  return `10.${Math.floor(student / 250)}.${student % 250}.${(student % 7) + 1}`;
}

describe('client addresses through a trusted proxy', () => {
  it('counts 130 students at 130 addresses separately, and still limits one address', async () => {
    const api = await behindNginx(trustProxyFromEnv('127.0.0.1'));
    const created = await api.createClass({ questionCount: 3 });
    expect(created.status).toBe(201);
    const code = created.body.class.code as string;
    const statuses: number[] = [];
    for (let batch = 0; batch < STUDENTS; batch += 26) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(26, STUDENTS - batch) }, (_, index) =>
          joinFrom(api, code, `Student ${batch + index}`, addressOf(batch + index)),
        ),
      );
      statuses.push(...replies.map((reply) => reply.status));
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(STUDENTS);

    // The 130 have spent the class's join burst, so a student's second player waits for the class's join rate:
    // the join guard, too, tells the students apart by their forwarded addresses.
    const secondFromOne = await joinFrom(api, code, 'Student 0 again', addressOf(0));
    expect(secondFromOne.status).toBe(429);
    expect(secondFromOne.body.error).toBe('join-rate');

    // In a fresh class (a full burst), an address none of the 130 had: exactly the request limit passes.
    const fresh = (await api.createClass({ questionCount: 3 })).body.class.code as string;
    const sameAddress: { status: number; error?: string }[] = [];
    for (let index = 0; index <= JOIN_LIMIT; index += 1) {
      const reply = await joinFrom(api, fresh, `Same ${index}`, '10.9.9.9');
      sameAddress.push({ status: reply.status, error: reply.body.error });
    }
    expect(sameAddress.slice(0, JOIN_LIMIT).every(({ status }) => status === 201)).toBe(true);
    expect(sameAddress[JOIN_LIMIT]).toEqual({ status: 429, error: 'rate-limited' });
  });

  it('without TRUST_PROXY, every student is the proxy: the limit is shared', async () => {
    const api = await behindNginx(trustProxyFromEnv(undefined));
    const code = (await api.createClass({ questionCount: 3 })).body.class.code as string;
    const statuses: number[] = [];
    for (let student = 0; student <= JOIN_LIMIT; student += 1) {
      statuses.push((await joinFrom(api, code, `Student ${student}`, addressOf(student))).status);
    }
    expect(statuses.slice(0, JOIN_LIMIT).every((status) => status === 201)).toBe(true);
    expect(statuses[JOIN_LIMIT]).toBe(429);
  });
});

describe('TRUST_PROXY', () => {
  it('takes addresses, ranges and range names, and trusts nobody when unset', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('  ')).toBe(false);
    expect(trustProxyFromEnv('127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('names the entry that is wrong', () => {
    expect(() => trustProxyFromEnv('127.0.0.1,nginx')).toThrow('TRUST_PROXY: "nginx" is not an address');
    expect(() => trustProxyFromEnv('10.0.0.0/33')).toThrow('"10.0.0.0/33" has a prefix length');
    expect(() => trustProxyFromEnv('true')).toThrow('"true" is not an address');
  });
});
