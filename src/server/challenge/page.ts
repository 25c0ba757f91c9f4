/**
 * The page a short link (`/c/CODE`) opens: the game's own index.html, with a base one folder up (so its relative
 * asset paths still work) and the challenge's preview tags (a chat app shows its title, the score to beat and the
 * game's preview picture instead of a bare link; pagePreview.ts makes the tags). The game reads the code from the
 * address.
 */
import { encode } from 'html-entities';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { challengeCodeFromPath, type ChallengeBoard } from '../../core/challengeProtocol';
import { GAME_PAGE, previewTags, withHeadLines } from '../pagePreview';

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
): ((code: string, board: (code: string) => ChallengeBoard, base: string | undefined) => string) | undefined {
  const file = join(staticDir, GAME_PAGE);
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  return (wanted, board, base) => {
    const code = challengeCodeFromPath(`/c/${wanted}`);
    let found: ChallengeBoard | undefined;
    try {
      found = code ? board(code) : undefined;
    } catch {
      found = undefined;
    }
    const preview = previewOf(found);
    // Without a usable host the page still plays; only the preview lacks its absolute addresses.
    const tags = base
      ? previewTags({ ...preview, url: code ? `${base}c/${code}` : base, base })
      : [
          `<meta property="og:title" content="${encode(preview.title)}" />`,
          `<meta property="og:description" content="${encode(preview.description)}" />`,
        ];
    return withHeadLines(html, ['<base href="../" />', ...tags], preview.title);
  };
}
