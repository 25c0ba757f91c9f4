/**
 * The join link and the "students cannot reach this" warning, from what the server says about itself and the
 * address the teacher's page was opened at. Behind a proxy the server's own view (listening on 127.0.0.1) says
 * nothing about what students can reach: PUBLIC_URL, when set, is the address, path and all; otherwise a page
 * opened through any other name than this computer's own is itself proof of an address students can use.
 */
import type { ServerInfo } from './classProtocol';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

function isLocalPage(page: URL): boolean {
  return LOCAL_NAMES.includes(page.hostname);
}

/** The link (and QR code) students open to join class `code`. */
export function joinLinkFor(code: string, info: ServerInfo, pageAddress: string): string {
  const page = new URL(pageAddress);
  let base: URL;
  if (info.publicUrl) base = new URL(info.publicUrl);
  else if (isLocalPage(page) && info.joinOrigins[0]) base = new URL(new URL('./', page).pathname, info.joinOrigins[0]);
  else base = new URL('./', page);
  base.search = `?class=${code}`;
  base.hash = '';
  return base.href;
}

/** What to tell a teacher whose students cannot reach the server, or undefined when they can. */
export function reachWarning(info: ServerInfo, pageAddress: string): string | undefined {
  if (info.publicUrl || !info.loopbackOnly || !isLocalPage(new URL(pageAddress))) return undefined;
  return (
    'Students cannot reach this server yet: it listens on this computer only. On a classroom network, start it ' +
    'again with "HOST=0.0.0.0 npm start"; behind a proxy, set PUBLIC_URL to the address students open. Then ' +
    'reload this page.'
  );
}
