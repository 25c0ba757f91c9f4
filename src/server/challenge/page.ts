/**
 * The page a short link (`/c/CODE`) opens: the game's own index.html, with a base one folder up (so its relative
 * asset paths still work) and the challenge's preview tags (a chat app shows its title, the score to beat and the
 * game's icon instead of a bare link). The game reads the code from the address.
 */
import { encode } from 'html-entities';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { challengeCodeFromPath, type ChallengeBoard } from '../../core/challengeProtocol';

/** The preview's words for a challenge (or for a code that names none). */
export function previewOf(board: ChallengeBoard | undefined): { title: string; description: string } {
  if (!board) {
    return {
      title: 'A Source Check challenge',
      description: 'This challenge could not be found: ask for the link again.',
    };
  }
  const name = board.title ?? `${board.creator || 'A friend'}’s challenge`;
  const beat =
    board.scoreToBeat === null
      ? `${board.questionCount} questions on the TikTok ban, checked against the sources.`
      : `Beat ${board.creator}’s ${board.scoreToBeat.toLocaleString('en-US')} points: ${board.questionCount} questions on the TikTok ban, checked against the sources.`;
  return { title: `${name} · Source Check`, description: board.status === 'closed' ? `Closed. ${beat}` : beat };
}

/** Makes the page for a code from the built index.html; undefined when the build has none. */
export function challengePage(
  staticDir: string,
): ((code: string, board: (code: string) => ChallengeBoard) => string) | undefined {
  const file = join(staticDir, 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  return (wanted, board) => {
    const code = challengeCodeFromPath(`/c/${wanted}`);
    let found: ChallengeBoard | undefined;
    try {
      found = code ? board(code) : undefined;
    } catch {
      found = undefined;
    }
    const preview = previewOf(found);
    const tags = [
      '<base href="../" />',
      `<meta property="og:type" content="website" />`,
      `<meta property="og:site_name" content="Source Check" />`,
      `<meta property="og:title" content="${encode(preview.title)}" />`,
      `<meta property="og:description" content="${encode(preview.description)}" />`,
      `<meta property="og:image" content="icons/icon-512.png" />`,
      `<meta name="twitter:card" content="summary" />`,
      `<meta name="twitter:title" content="${encode(preview.title)}" />`,
      `<meta name="twitter:description" content="${encode(preview.description)}" />`,
    ].join('\n    ');
    return html
      .replace(/<head>/, `<head>\n    ${tags}`)
      .replace(/<title>[^<]*<\/title>/, `<title>${encode(preview.title)}</title>`);
  };
}
