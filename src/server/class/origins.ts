/**
 * Which pages may send the class server a state-changing request: its own, by the origins it is configured with,
 * never by the Host header the request brings (a DNS-rebinding page has its own name in both Origin and Host).
 * Allowed: the origins students join at (this machine's addresses, or PUBLIC_URL), any listed in PUBLIC_ORIGINS,
 * and loopback ones (a page on this computer, such as the development server). A request without an Origin
 * header comes from no browser page, so it is left to the tokens like any other.
 */

/** The origins named by PUBLIC_URL and the comma-separated PUBLIC_ORIGINS; throws a readable error on a bad one. */
export function publicOriginsFrom(publicUrl: string | undefined, listed: string | undefined): string[] {
  const origins: string[] = [];
  const add = (text: string, variable: string) => {
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      throw new Error(`${variable} must hold http(s) addresses, found "${text}".`);
    }
    origins.push(url.origin);
  };
  if (publicUrl) add(publicUrl, 'PUBLIC_URL');
  for (const item of (listed ?? '').split(',')) if (item.trim() !== '') add(item.trim(), 'PUBLIC_ORIGINS');
  return [...new Set(origins)];
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Whether a browser page of this origin may change anything here. */
export function originAllowed(origin: string, allowed: ReadonlySet<string>): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  return allowed.has(origin) || isLoopbackHost(url.hostname);
}
