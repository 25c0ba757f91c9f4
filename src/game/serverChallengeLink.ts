/** A server challenge's short link (`…/c/CODE`), read by the title once per page load. */
import { challengeCodeFromPath } from '../core/challengeProtocol';

let linkTaken = false;

/** The code of the `/c/CODE` address this page was opened at, the first time it is asked for. */
export function takeServerChallengeLink(pathname: string): string | undefined {
  if (linkTaken) return undefined;
  linkTaken = true;
  return challengeCodeFromPath(pathname);
}
