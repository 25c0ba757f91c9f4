/**
 * HTML (and Markdown, through HTML) as the plain text the game shows, read with a real HTML parser: what a tag
 * means is kept where text can carry it (2<sup>10</sup> → 2¹⁰, cells and paragraphs stay apart, <pre> keeps its
 * lines), comments are dropped, and what the game cannot show is named: a picture's description takes its place,
 * and a picture without one, or a sound or a video, leaves the text incomplete.
 */
import { decode } from 'html-entities';
import { Parser } from 'htmlparser2';
import { marked } from 'marked';
import type { ImportNote, MediaKind } from './notes.ts';

export interface TextReading {
  text: string;
  /** What the text shows differently from the file: a picture shown by its description. */
  changes: ImportNote[];
  /** Set when the text cannot be understood as shown: what is missing from it. */
  missing?: MediaKind[];
}

/** Each character of `from` paired with the character at the same place in `to`. */
function charMap(from: string, to: string): Record<string, string> {
  const targets = [...to];
  return Object.fromEntries([...from].map((char, index) => [char, targets[index]!]));
}

const SUPERSCRIPTS = charMap('0123456789+-−=()ni', '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ');
const SUBSCRIPTS = charMap('0123456789+-−=()', '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎');
/** 21<sup>st</sup>: an ordinal's letters read as well on the line. */
const ORDINAL_SUFFIX = /^(st|nd|rd|th|er|e|re|ème)$/i;

/** Tags that end a line of text in a browser: their edges become a space, so words on either side stay apart. */
const BREAKING_TAGS = new Set(
  (
    'address article aside blockquote br caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header ' +
    'hr li ol p section table tbody td tfoot th thead tr ul'
  ).split(' '),
);
/** Tags whose content is not text a reader sees. */
const HIDDEN_TAGS = new Set(['script', 'style', 'head', 'template', 'noscript']);
const MEDIA_TAGS: Record<string, MediaKind> = {
  audio: 'sound',
  video: 'video',
  object: 'embedded-file',
  embed: 'embedded-file',
  iframe: 'embedded-page',
};
/** A link to one of these is the sound or video of the question ("Listen to this greeting"). */
const MEDIA_LINK = /\.(mp3|wav|ogg|oga|m4a|aac|flac|mp4|m4v|webm|mov|avi)(\?|#|$)/i;

function decodeEntities(text: string): string {
  return decode(text, { level: 'html5', scope: 'strict' });
}

/** "10" → "¹⁰"; where a character has no superscript form, "^(ab)". */
function raised(text: string, table: Record<string, string>, mark: '^' | '_', after: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (mark === '^' && ORDINAL_SUFFIX.test(trimmed) && /\d$/.test(after)) return trimmed;
  const chars = [...trimmed];
  if (chars.every((char) => table[char] !== undefined)) return chars.map((char) => table[char]).join('');
  return chars.length === 1 ? `${mark}${trimmed}` : `${mark}(${trimmed})`;
}

interface Piece {
  text: string;
  /** Text of a <pre>: its line breaks and spaces are kept. */
  pre: boolean;
}

/**
 * Running text with runs of spaces folded; a <pre> on lines of its own, its first line break (which HTML ignores)
 * and trailing spaces dropped, its indentation kept.
 */
function joinPieces(pieces: Piece[]): string {
  const parts = pieces.map((piece, index) => {
    if (piece.pre) return piece.text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
    let text = piece.text.replace(/\s+/g, ' ');
    if (index === 0 || pieces[index - 1]!.pre) text = text.trimStart();
    if (index === pieces.length - 1 || pieces[index + 1]!.pre) text = text.trimEnd();
    return text;
  });
  return parts.filter((part) => part !== '').join('\n');
}

/** Plain text of an HTML fragment, with what could not be shown. */
export function htmlToText(html: string): TextReading {
  const pieces: Piece[] = [{ text: '', pre: false }];
  const changes: ImportNote[] = [];
  const missing: MediaKind[] = [];
  let preDepth = 0;
  let hiddenDepth = 0;
  /** Open <sup> and <sub> elements, each collecting its text. */
  const raisedStack: { mark: '^' | '_'; text: string }[] = [];

  const emit = (text: string) => {
    if (hiddenDepth > 0) return;
    const open = raisedStack[raisedStack.length - 1];
    if (open) {
      open.text += text;
      return;
    }
    const inPre = preDepth > 0;
    const last = pieces[pieces.length - 1]!;
    if (last.pre === inPre) last.text += text;
    else pieces.push({ text, pre: inPre });
  };
  const textSoFar = () => pieces[pieces.length - 1]!.text;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // Inside a hidden element only the depth of hidden elements is kept, so that its end is found.
        const hides = HIDDEN_TAGS.has(name) || MEDIA_TAGS[name] !== undefined;
        if (hiddenDepth > 0 || HIDDEN_TAGS.has(name)) {
          if (hides) hiddenDepth += 1;
          return;
        }
        if (name === 'pre') preDepth += 1;
        else if (name === 'sup' || name === 'sub') raisedStack.push({ mark: name === 'sup' ? '^' : '_', text: '' });
        else if (name === 'br') emit(preDepth > 0 ? '\n' : ' ');
        else if (BREAKING_TAGS.has(name)) emit(' ');
        else if (name === 'img') {
          const alt = decodeEntities(attributes.alt ?? '')
            .replace(/\s+/g, ' ')
            .trim();
          if (alt === '') {
            missing.push('undescribed-picture');
          } else {
            emit(` [picture: ${alt}] `);
            changes.push({ code: 'picture-described', description: alt });
          }
        } else if (MEDIA_TAGS[name] !== undefined) {
          missing.push(MEDIA_TAGS[name]);
          hiddenDepth += 1;
        } else if (name === 'a' && MEDIA_LINK.test(attributes.href ?? '')) {
          missing.push('media-link');
        }
      },
      ontext(text) {
        emit(decodeEntities(text));
      },
      onclosetag(name, implied) {
        if (HIDDEN_TAGS.has(name) || MEDIA_TAGS[name] !== undefined) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        if (name === 'pre') {
          preDepth = Math.max(0, preDepth - 1);
        } else if ((name === 'sup' || name === 'sub') && raisedStack.length > 0) {
          const { mark, text } = raisedStack.pop()!;
          emit(raised(text, mark === '^' ? SUPERSCRIPTS : SUBSCRIPTS, mark, textSoFar()));
        } else if (BREAKING_TAGS.has(name) && !implied) {
          // An element closed by the parser (<br>, or <td> before the next) was set apart when it opened.
          emit(' ');
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  // A <sup> left open at the end still shows its text.
  while (raisedStack.length > 0) {
    const { mark, text } = raisedStack.pop()!;
    emit(raised(text, mark === '^' ? SUPERSCRIPTS : SUBSCRIPTS, mark, textSoFar()));
  }

  const text = joinPieces(pieces.filter((piece) => (piece.pre ? piece.text.trim() !== '' : true)));
  return {
    text,
    changes,
    ...(missing.length > 0 ? { missing: [...new Set(missing)] } : {}),
  };
}

/** Markdown (GIFT's [markdown] format) as plain text: read as Markdown, then as the HTML that makes. */
export function markdownToText(markdown: string): TextReading {
  return htmlToText(marked.parse(markdown, { async: false, gfm: true }));
}
