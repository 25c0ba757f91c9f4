/**
 * Which proxies may tell the server a client's address (X-Forwarded-For). Behind nginx every request comes from
 * the proxy, so rate limits, join caps and logs would count the whole district as one address; naming the proxy
 * lets them see each student's. Nobody is trusted unless TRUST_PROXY names them: a forged header from a student
 * must not buy them a fresh rate limit.
 */
import { isIP } from 'node:net';

/** Names Fastify (proxy-addr) understands for whole address ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * Reads TRUST_PROXY: a comma-separated list of addresses, CIDR ranges (10.0.0.0/8) or the names loopback,
 * linklocal, uniquelocal. Empty means trust nobody (false). Throws a message naming the entry that is wrong.
 */
export function trustProxyFromEnv(value: string | undefined): string[] | false {
  if (value === undefined || value.trim() === '') return false;
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const problem = trustEntryProblem(entry);
    if (problem) throw new Error(`TRUST_PROXY: "${entry}" ${problem}`);
  }
  return entries;
}

function trustEntryProblem(entry: string): string | undefined {
  if ((RANGE_NAMES as readonly string[]).includes(entry)) return undefined;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) {
    return `is not an address, a range like 10.0.0.0/8, or one of ${RANGE_NAMES.join(', ')}.`;
  }
  if (prefix === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
    return `has a prefix length that is not a whole number from 0 to ${bits}.`;
  }
  return undefined;
}
