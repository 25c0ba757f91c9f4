/**
 * Multiple-choice and true/false questions from a Moodle GIFT file:
 *
 *   // source: eo-13942 | quote: "THE WHITE HOUSE, August 6, 2020."
 *   ::Signed:: When was EO 13942 signed? {
 *     =August 6, 2020 # Right: the date under the signature.
 *     ~Early July 2020 # That is the article's claim.
 *     #### The order is dated August 6, 2020.
 *   }
 *
 * A blank line ends a question; lines starting with // are comments, and a `// source: … | quote: …` comment
 * gives the question the source excerpt that settles it (one that cannot be used is reported as a change: the
 * question plays without it). Text is HTML unless marked [plain] or [markdown], as Moodle reads it, and what
 * reading it alters (a picture shown by its description) is reported as a change. Other GIFT question types are
 * reported, not imported.
 */
import { foldWhitespace } from '../text.ts';
import type { Question, SourceDoc } from '../types.ts';
import { DraftChecker, type QuestionDraft } from './drafts.ts';
import { htmlToText, markdownToText, type TextReading } from './html.ts';
import type { FileField, ImportNote } from './notes.ts';
import { questionLabel, type CorrectAnswerHints, type ImportChange, type ImportProblem } from './problems.ts';
import { MAX_IMPORTED_CHOICES } from '../settings.ts';

const TRUE_TEXT = 'True';
const FALSE_TEXT = 'False';
const TRUE_VALUES = ['T', 'TRUE'];
const FALSE_VALUES = ['F', 'FALSE'];
/** Replaces the answer block when the question text goes on after it (GIFT's "missing word" form). */
const BLANK = '_____';
const GENERAL_FEEDBACK = '####';

const HINTS: CorrectAnswerHints = { format: 'gift', lastAnswer: MAX_IMPORTED_CHOICES };

/** `// source: eo-13942 | quote: "exact words"` */
const SOURCE_COMMENT = /^\/\/\s*source\s*:\s*(.*?)\s*\|\s*quote\s*:\s*(.*?)\s*$/i;
const SOURCE_COMMENT_START = /^\/\/\s*source\s*:/i;
const TEXT_FORMAT = /^\[(html|moodle|plain|markdown)\]/i;
const WEIGHT = /^\s*%(-?\d+(?:\.\d+)?)%/;

/** Moodle's default "moodle" format renders HTML too, so text without a marker is read as HTML. */
type TextFormat = 'html' | 'markdown' | 'plain';
const DEFAULT_FORMAT: TextFormat = 'html';

/** The index of `token` at or after `from`, not counting backslash-escaped characters; -1 when absent. */
function findUnescaped(text: string, token: string, from = 0): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') {
      i += 1;
    } else if (text.startsWith(token, i)) {
      return i;
    }
  }
  return -1;
}

function lastUnescaped(text: string, token: string): number {
  let last = -1;
  for (let i = findUnescaped(text, token); i >= 0; i = findUnescaped(text, token, i + token.length)) last = i;
  return last;
}

function unescape(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_match, char: string) => (char === 'n' ? '\n' : char));
}

/** A title, a source comment's parts: plain text with escapes resolved and spaces folded. */
function plainText(raw: string): string {
  return foldWhitespace(unescape(raw));
}

/** The format a piece of text is in: its own [marker], else the one it inherits. */
function formatOf(raw: string, inherited: TextFormat): TextFormat {
  const name = TEXT_FORMAT.exec(raw.trim())?.[1]?.toLowerCase();
  if (name === undefined) return inherited;
  return name === 'markdown' ? 'markdown' : name === 'plain' ? 'plain' : 'html';
}

/**
 * How much Markdown is read, in one text and in one file. The Markdown parser slows more than linearly on runs
 * of unmatched "*" and "_" (2,000 such characters can take a tenth of a second, 20,000 ten seconds), so a
 * crafted file could stall the game; real question texts are a few hundred characters. Past these, Markdown is
 * shown as written.
 */
const MAX_MARKDOWN_TEXT_CHARS = 1_000;
const MAX_MARKDOWN_FILE_CHARS = 50_000;
/** How much of a question's start is read to name it in messages. */
const LABEL_SOURCE_CHARS = 2_000;

/** What is left of a file's allowance of Markdown characters. */
interface MarkdownBudget {
  left: number;
}

/** One piece of GIFT text as the game shows it: format tag dropped, escapes resolved, HTML or Markdown read. */
function cleanText(
  raw: string,
  inherited: TextFormat,
  budget: MarkdownBudget = { left: MAX_MARKDOWN_TEXT_CHARS },
): TextReading & { format: TextFormat } {
  let text = raw.trim();
  const format = formatOf(text, inherited);
  const tag = TEXT_FORMAT.exec(text);
  if (tag) text = text.slice(tag[0].length);
  text = unescape(text);
  if (format === 'plain') return { text: foldWhitespace(text), changes: [], format };
  if (format === 'html') return { ...htmlToText(text), format };
  if (text.length > MAX_MARKDOWN_TEXT_CHARS || text.length > budget.left) {
    const note: ImportNote =
      text.length > MAX_MARKDOWN_TEXT_CHARS
        ? { code: 'markdown-as-written', limit: MAX_MARKDOWN_TEXT_CHARS, per: 'text' }
        : { code: 'markdown-as-written', limit: MAX_MARKDOWN_FILE_CHARS, per: 'file' };
    return { text: foldWhitespace(text), changes: [note], format };
  }
  budget.left -= text.length;
  return { ...markdownToText(text), format };
}

/** What reading a question's texts altered (kept, reported as changes) or lost (the question is skipped). */
interface TextNote {
  /** Where the text starts in the answer block, or 'prompt' for the question text. */
  offset: number | 'prompt';
  field: FileField;
  note: ImportNote;
  skip: boolean;
}

/** Cleans the texts of one question, noting each change and loss with the part of the question it is in. */
class QuestionTexts {
  readonly notes: TextNote[] = [];

  constructor(private readonly markdown: MarkdownBudget) {}

  clean(raw: string, format: TextFormat, field: FileField, offset: TextNote['offset']): string {
    const reading = cleanText(raw, format, this.markdown);
    for (const note of reading.changes) this.notes.push({ offset, field, note, skip: false });
    if (reading.missing !== undefined) {
      this.notes.push({ offset, field, skip: true, note: { code: 'media-missing', missing: reading.missing } });
    }
    return reading.text;
  }
}

interface SourceComment {
  source: string;
  quote: string;
  line: number;
}

/** The lines of one question (comments left out) and the source comments among them. */
interface Block {
  lines: { text: string; line: number }[];
  sources: SourceComment[];
  /** Lines of comments that start like a source comment but lack a part: their question plays without them. */
  brokenSources: number[];
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const empty = (): Block => ({ lines: [], sources: [], brokenSources: [] });
  let block = empty();
  const flush = () => {
    if (block.lines.length > 0 || block.sources.length > 0 || block.brokenSources.length > 0) blocks.push(block);
    block = empty();
  };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((content, index) => {
      const line = index + 1;
      const trimmed = content.trim();
      if (trimmed === '') {
        flush();
      } else if (trimmed.startsWith('//')) {
        const source = SOURCE_COMMENT.exec(trimmed);
        if (source) {
          block.sources.push({ source: plainText(source[1]!), quote: unquote(source[2]!), line });
        } else if (SOURCE_COMMENT_START.test(trimmed)) {
          block.brokenSources.push(line);
        }
      } else {
        block.lines.push({ text: content, line });
      }
    });
  flush();
  return blocks;
}

/** The quote of a source comment may sit in straight double quotes, which are not part of it. */
function unquote(quote: string): string {
  return quote.length >= 2 && quote.startsWith('"') && quote.endsWith('"') ? quote.slice(1, -1) : quote;
}

interface Answer {
  marker: '=' | '~';
  /** The answer's text with its feedback, and where it starts in the answer block. */
  body: string;
  start: number;
}

/** Splits "=right # why ~wrong" at each unescaped "=" or "~". */
function splitAnswers(answers: string): { before: string; list: Answer[] } {
  const list: Answer[] = [];
  let before = '';
  let current: Answer | undefined;
  for (let i = 0; i < answers.length; i += 1) {
    const char = answers[i]!;
    if (char === '\\') {
      const escaped = answers.slice(i, i + 2);
      if (current) current.body += escaped;
      else before += escaped;
      i += 1;
    } else if (char === '=' || char === '~') {
      current = { marker: char, body: '', start: i };
      list.push(current);
    } else if (current) {
      current.body += char;
    } else {
      before += char;
    }
  }
  return { before, list };
}

/** Text and feedback of one answer: "August 6, 2020 # the date under the signature". */
function splitFeedback(
  body: string,
  format: TextFormat,
  texts: QuestionTexts,
  number: number,
  offset: number,
): { text: string; feedback?: string } {
  const hash = findUnescaped(body, '#');
  const answer: FileField = { kind: 'answer', number };
  if (hash < 0) return { text: texts.clean(body, format, answer, offset) };
  const feedback = texts.clean(body.slice(hash + 1), format, { kind: 'answer-feedback', number }, offset);
  return {
    text: texts.clean(body.slice(0, hash), format, answer, offset),
    ...(feedback !== '' ? { feedback } : {}),
  };
}

/** A problem with one question, before it is named: where it is, in which part, and what is wrong. */
type BlockProblem = Omit<ImportProblem, 'question'>;

/** A question's text split at its answer block: the title, the question text and the answers, with offsets. */
interface QuestionParts {
  title?: string;
  label: string | undefined;
  /** The question text, with the blank where the answers stood if the text goes on after them. */
  promptRaw: string;
  /** Where "{" is, and what stands between it and "}". */
  open: number;
  answers: string;
}

function splitQuestion(
  text: string,
  lineAt: (offset: number) => number,
): { parts: QuestionParts } | { problem: BlockProblem; label: string | undefined } {
  let position = text.length - text.trimStart().length;
  let title: string | undefined;
  if (text.startsWith('::', position)) {
    const end = findUnescaped(text, '::', position + 2);
    if (end < 0) {
      return {
        label: undefined,
        problem: { line: lineAt(position), field: { kind: 'title' }, note: { code: 'gift-title-unclosed' } },
      };
    }
    title = plainText(text.slice(position + 2, end)) || undefined;
    position = end + 2;
  }
  const labelFrom = (raw: string) =>
    title ?? questionLabel(cleanText(raw.slice(0, LABEL_SOURCE_CHARS), DEFAULT_FORMAT).text);

  const open = findUnescaped(text, '{', position);
  const firstClose = findUnescaped(text, '}', position);
  if (open < 0 && firstClose < 0) {
    return {
      label: labelFrom(text.slice(position)),
      problem: { line: lineAt(position), note: { code: 'gift-no-answers' } },
    };
  }
  if (firstClose >= 0 && (open < 0 || firstClose < open)) {
    return {
      label: labelFrom(text.slice(position, firstClose)),
      problem: { line: lineAt(firstClose), note: { code: 'gift-close-before-open' } },
    };
  }
  const label = labelFrom(text.slice(position, open));
  const close = findUnescaped(text, '}', open + 1);
  if (close < 0) return { label, problem: { line: lineAt(open), note: { code: 'gift-open-unclosed' } } };
  const nestedOpen = findUnescaped(text, '{', open + 1);
  if (nestedOpen >= 0 && nestedOpen < close) {
    return {
      label,
      problem: { line: lineAt(nestedOpen), note: { code: 'gift-nested-open' } },
    };
  }
  const secondOpen = findUnescaped(text, '{', close + 1);
  if (secondOpen >= 0) {
    return {
      label,
      problem: { line: lineAt(secondOpen), note: { code: 'gift-second-answers' } },
    };
  }
  const before = text.slice(position, open);
  const after = text.slice(close + 1);
  return {
    parts: {
      ...(title !== undefined ? { title } : {}),
      label,
      promptRaw: after.trim() === '' ? before : `${before}${BLANK}${after}`,
      open,
      answers: text.slice(open + 1, close),
    },
  };
}

/** The choices of an answer block (general feedback already cut off), each with its offset in the block. */
type AnswerReading =
  | { choices: QuestionDraft['choices']; starts: number[] }
  | { problem: { note: ImportNote; field: FileField; start?: number } };

function readAnswers(answers: string, format: TextFormat, texts: QuestionTexts): AnswerReading {
  const unsupported = (note: ImportNote): AnswerReading => ({ problem: { field: { kind: 'answers' }, note } });
  const trimmed = answers.trim();
  if (trimmed === '') return unsupported({ code: 'gift-empty-answers' });
  if (trimmed.startsWith('#')) return unsupported({ code: 'gift-numerical' });

  if (findUnescaped(answers, '~') >= 0) {
    const { before, list } = splitAnswers(answers);
    if (before.trim() !== '') {
      return unsupported({ code: 'gift-answer-marker' });
    }
    const choices: QuestionDraft['choices'] = [];
    for (const [index, answer] of list.entries()) {
      const weight = WEIGHT.exec(answer.body);
      const percent = weight ? Number(weight[1]) : 0;
      if (answer.marker === '~' && percent > 0 && percent < 100) {
        return {
          problem: {
            field: { kind: 'answer', number: index + 1 },
            start: answer.start,
            note: { code: 'gift-partial-credit', weight: weight![1]! },
          },
        };
      }
      const body = weight ? answer.body.slice(weight[0].length) : answer.body;
      choices.push({
        ...splitFeedback(body, format, texts, index + 1, answer.start),
        correct: answer.marker === '=' || percent === 100,
      });
    }
    return { choices, starts: list.map((answer) => answer.start) };
  }

  if (findUnescaped(answers, '=') >= 0 && answers.includes('->')) {
    return unsupported({ code: 'gift-matching' });
  }
  // True/false: {T}, {F#feedback for a wrong answer#feedback for a right one}; the second feedback runs to the
  // end, "#" and all, as in Moodle.
  const [value = '', wrongFeedback = '', ...rightParts] = splitOnUnescaped(answers, '#');
  const rightFeedback = rightParts.join('#');
  const truth = value.trim().toUpperCase();
  if (TRUE_VALUES.includes(truth) || FALSE_VALUES.includes(truth)) {
    const isTrue = TRUE_VALUES.includes(truth);
    const feedbackFor = (correct: boolean) => {
      const number = correct === isTrue ? 1 : 2;
      const raw = correct ? rightFeedback : wrongFeedback;
      const feedback = texts.clean(raw, format, { kind: 'answer-feedback', number }, 0);
      return feedback !== '' ? { feedback } : {};
    };
    return {
      choices: [
        { text: TRUE_TEXT, correct: isTrue, ...feedbackFor(isTrue) },
        { text: FALSE_TEXT, correct: !isTrue, ...feedbackFor(!isTrue) },
      ],
      starts: [0, 0],
    };
  }
  return unsupported({ code: 'gift-short-answer' });
}

/** What one block holds: a draft with the lines of its parts, or the reason it cannot be one. */
type BlockReading =
  | {
      draft: QuestionDraft;
      label: string | undefined;
      /** The line of the "{", of each answer and of the general feedback. */
      answersLine: number;
      answerLines: number[];
      feedbackLine?: number;
      /** What reading the texts altered, each with its line and part. */
      changes: BlockProblem[];
    }
  | { problem: BlockProblem; label: string | undefined };

function readBlock(lines: Block['lines'], sources: SourceComment[], markdown: MarkdownBudget): BlockReading {
  const text = lines.map((line) => line.text).join('\n');
  const starts: number[] = [];
  let length = 0;
  for (const line of lines) {
    starts.push(length);
    length += line.text.length + 1;
  }
  const lineAt = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= offset) index += 1;
    return lines[index]!.line;
  };

  const split = splitQuestion(text, lineAt);
  if ('problem' in split) return split;
  const { title, label, promptRaw, open } = split.parts;
  const texts = new QuestionTexts(markdown);
  const format = formatOf(promptRaw, DEFAULT_FORMAT);
  const prompt = texts.clean(promptRaw, DEFAULT_FORMAT, { kind: 'question-text' }, 'prompt');
  let answers = split.parts.answers;
  let explanation: string | undefined;
  let feedbackLine: number | undefined;
  const generalFeedback = lastUnescaped(answers, GENERAL_FEEDBACK);
  if (generalFeedback >= 0) {
    const raw = answers.slice(generalFeedback + GENERAL_FEEDBACK.length);
    explanation = texts.clean(raw, format, { kind: 'general-feedback' }, generalFeedback) || undefined;
    feedbackLine = lineAt(open + 1 + generalFeedback);
    answers = answers.slice(0, generalFeedback);
  }

  const reading = readAnswers(answers, format, texts);
  if ('problem' in reading) {
    const { field, start, note } = reading.problem;
    return { label, problem: { line: lineAt(start !== undefined ? open + 1 + start : open), field, note } };
  }
  const noteAt = (note: TextNote): BlockProblem => ({
    line: note.offset === 'prompt' ? lines[0]!.line : lineAt(open + 1 + note.offset),
    field: note.field,
    note: note.note,
  });
  const lost = texts.notes.find((note) => note.skip);
  if (lost) return { label, problem: noteAt(lost) };
  return {
    label,
    changes: texts.notes.map(noteAt),
    answersLine: lineAt(open),
    answerLines: reading.starts.map((start) => lineAt(open + 1 + start)),
    ...(feedbackLine !== undefined ? { feedbackLine } : {}),
    draft: {
      ...(title !== undefined ? { title } : {}),
      prompt,
      choices: reading.choices,
      evidence: sources.map(({ source, quote }) => ({ source, quote })),
      ...(explanation !== undefined ? { explanation } : {}),
    },
  };
}

function splitOnUnescaped(text: string, token: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = findUnescaped(text, token); at >= 0; at = findUnescaped(text, token, from)) {
    parts.push(text.slice(from, at));
    from = at + token.length;
  }
  parts.push(text.slice(from));
  return parts;
}

function fieldNamer(field: string | undefined): FileField | undefined {
  if (field === undefined) return undefined;
  if (field === 'prompt') return { kind: 'question-text' };
  if (field === 'choices') return { kind: 'answers' };
  const choice = /^choices\[(\d+)\](\.feedback)?/.exec(field);
  if (choice) {
    const number = Number(choice[1]);
    return choice[2] ? { kind: 'answer-feedback', number } : { kind: 'answer', number };
  }
  if (field === 'evidence') return { kind: 'source-comments' };
  const source = /^evidence\[(\d+)\]\.(source|quote)/.exec(field);
  if (source) return { kind: 'source-comment-part', number: Number(source[1]), part: source[2] as 'source' | 'quote' };
  if (field === 'explanation') return { kind: 'general-feedback' };
  return { kind: 'field', path: field };
}

export function readGift(
  path: string,
  text: string,
  topic: string,
  sources: Record<string, SourceDoc>,
  problems: ImportProblem[],
  changes: ImportChange[] = [],
): Question[] {
  const checker = new DraftChecker(path, topic, sources, HINTS, problems, changes);
  const markdown: MarkdownBudget = { left: MAX_MARKDOWN_FILE_CHARS };
  const questions: Question[] = [];
  for (const block of splitBlocks(text)) {
    // Moodle writes a category before its questions; this game has one topic per file, named after the file.
    const lines = block.lines[0]?.text.trim().startsWith('$CATEGORY:') ? block.lines.slice(1) : block.lines;
    if (lines.length === 0) {
      for (const comment of block.sources) {
        problems.push({
          line: comment.line,
          field: { kind: 'source-comment' },
          note: { code: 'gift-lone-source-comment' },
        });
      }
    }
    const reading = lines.length > 0 ? readBlock(lines, block.sources, markdown) : undefined;
    const question = reading?.label !== undefined ? { question: reading.label } : {};
    if (reading === undefined) continue;
    if ('problem' in reading) {
      problems.push({ ...reading.problem, ...question });
      continue;
    }
    const { answersLine, answerLines, feedbackLine } = reading;
    const lineOf = (field: string | undefined): number | undefined => {
      if (field === 'choices') return answersLine;
      const choice = field && /^choices\[(\d+)\]/.exec(field);
      if (choice) return answerLines[Number(choice[1]) - 1];
      const source = field && /^evidence\[(\d+)\]/.exec(field);
      if (source) return block.sources[Number(source[1]) - 1]?.line;
      if (field === 'explanation') return feedbackLine;
      return undefined;
    };
    const checked = checker.check({
      draft: reading.draft,
      place: { line: lines[0]!.line },
      label: reading.label,
      lineOf,
      fieldName: fieldNamer,
      excerptsOptional: true,
    });
    if (!checked) continue;
    questions.push(checked);
    for (const line of block.brokenSources) {
      changes.push({
        line,
        ...question,
        field: { kind: 'source-comment' },
        note: { code: 'gift-broken-source-comment' },
      });
    }
    for (const change of reading.changes) changes.push({ ...change, ...question });
  }
  return questions;
}
