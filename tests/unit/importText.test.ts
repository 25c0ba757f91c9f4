/** How the importer turns a teacher's bytes into text, and HTML or Markdown into what the game shows. */
import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from '../../src/core/import/encoding';
import { htmlToText, markdownToText } from '../../src/core/import/html';
import { englishNote, formatImportProblem, importQuestions } from '../../src/core/import/index';

const UNREADABLE = { error: 'unreadable-encoding' };

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeFileBytes', () => {
  it('reads UTF-8, with or without the byte order mark Excel writes for "CSV UTF-8"', () => {
    expect(decodeFileBytes(utf8('Café – 20°C'))).toEqual({ text: 'Café – 20°C', encoding: 'utf-8' });
    expect(decodeFileBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('é')))).toEqual({ text: 'é', encoding: 'utf-8' });
  });

  it('reads Windows-1252 where UTF-8 fails, each byte 0x80–0x9F as that encoding has it, with a notice', () => {
    // € ‚ … ‘ ’ “ ” – — ™ and é, as Excel's plain "CSV" writes them.
    const decoded = decodeFileBytes(bytes(0x80, 0x82, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0xe9));
    expect(decoded).toEqual({ text: '€‚…‘’“”–—™é', encoding: 'windows-1252', notice: 'not-utf8' });
    expect(englishNote({ code: 'not-utf8' })).toMatch(/CSV UTF-8/);
  });

  it('refuses bytes Windows-1252 leaves undefined, and control characters, saying how to save as UTF-8', () => {
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      expect(decodeFileBytes(bytes(0x41, undefinedByte, 0x42))).toEqual(UNREADABLE);
    }
    // A workbook (.xlsx is a zip) renamed .csv, and a NUL inside otherwise valid UTF-8.
    expect(decodeFileBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xe9))).toEqual(UNREADABLE);
    expect(decodeFileBytes(bytes(0x41, 0x00, 0x42))).toEqual(UNREADABLE);
    expect(englishNote({ code: 'unreadable-encoding' })).toMatch(/CSV UTF-8/);
  });

  it('reads UTF-16 with its byte order mark (Excel\'s "Unicode Text")', () => {
    expect(decodeFileBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00))).toEqual({ text: 'Aé', encoding: 'utf-16' });
    expect(decodeFileBytes(bytes(0xfe, 0xff, 0x00, 0x41))).toEqual({ text: 'A', encoding: 'utf-16' });
  });
});

describe('htmlToText', () => {
  it('keeps superscripts and subscripts as Unicode, or marks them with ^ and _ where Unicode has none', () => {
    expect(htmlToText('2<sup>10</sup>, x<sup>-1</sup>, CO<sub>2</sub>, x<sup>ab</sup>, a<sub>k</sub>').text).toBe(
      '2¹⁰, x⁻¹, CO₂, x^(ab), a_k',
    );
    expect(htmlToText('the 21<sup>st</sup> century').text).toBe('the 21st century');
    // A superscript closed by the end of its paragraph, or left open at the end, keeps its text.
    expect(htmlToText('<p>x<sup>2</p><p>y<sub>3').text).toBe('x² y₃');
    // Markup inside what is hidden does not end the hiding early.
    expect(htmlToText('a<sup>1<noscript><audio></audio>b<sup>9</sup></noscript>2</sup>').text).toBe('a¹²');
  });

  it('keeps the words of cells, paragraphs, list items and line breaks apart', () => {
    expect(htmlToText('<table><tr><td>alpha</td><td>beta</td></tr><tr><th>gamma</th></tr></table>').text).toBe(
      'alpha beta gamma',
    );
    expect(htmlToText('<p>one</p><p>two</p><ul><li>three</li><li>four</li></ul>five<br>six<br/>seven').text).toBe(
      'one two three four five six seven',
    );
  });

  it('drops comments, scripts and styles, and decodes every named and numeric entity', () => {
    expect(htmlToText('See <!--<var>ID123</var>-->the law.<script>x()</script><style>p{}</style>').text).toBe(
      'See the law.',
    );
    expect(htmlToText('Caf&eacute; &ndash; &rsquo; &hellip; &pound; 20&deg;C &#8364; &#x41; &lt;b&gt;').text).toBe(
      'Café – ’ … £ 20°C € A <b>',
    );
    // Without its semicolon, a name is text (as in "AT&T" or "&copy2020").
    expect(htmlToText('AT&T &copy2020 3 < 5').text).toBe('AT&T &copy2020 3 < 5');
  });

  it('keeps a <pre> on lines of its own with its indentation', () => {
    expect(htmlToText('Run:<pre>\nif x:\n    go()\n</pre>then stop.').text).toBe('Run:\nif x:\n    go()\nthen stop.');
    expect(htmlToText('<pre>a<br>  b</pre>').text).toBe('a\n  b');
  });

  it('shows a picture by its description, and names what cannot be shown without one', () => {
    expect(htmlToText('Which?<img src="cat.jpg" alt="a &quot;cat&quot;">')).toEqual({
      text: 'Which? [picture: a "cat"]',
      changes: [{ code: 'picture-described', description: 'a "cat"' }],
    });
    expect(htmlToText('Which?<img src="cat.jpg">').missing).toEqual(['undescribed-picture']);
    expect(htmlToText('Which?<img src="cat.jpg" alt=" ">').missing).toEqual(['undescribed-picture']);
    expect(htmlToText('<audio controls><source src="hi.mp3">Your browser…</audio>Which language?')).toEqual({
      text: 'Which language?',
      changes: [],
      missing: ['sound'],
    });
    expect(htmlToText('<video src="a.mp4"></video>').missing).toEqual(['video']);
    expect(htmlToText('<a href="@@PLUGINFILE@@/bonjour.mp3">Listen</a> to this').missing).toEqual(['media-link']);
    expect(htmlToText('<a href="https://example.org/law">the law</a>').missing).toBeUndefined();
  });
});

describe('markdownToText', () => {
  it('reads Markdown, so its marks are not shown', () => {
    expect(markdownToText('Is **this** *emphasised*, `code` or a [link](https://example.org)?').text).toBe(
      'Is this emphasised, code or a link?',
    );
  });
});

describe('reading a GIFT file of Markdown', () => {
  const read = (text: string) => importQuestions({ path: 'quiz.gift', text }, { sources: {} });

  it('shows a Markdown text longer than the parser reads quickly as written, and says so', () => {
    const long = `[markdown]${'Is **this** read? '.repeat(60)}{T}`;
    const result = read(long);
    expect(result.questions[0]!.prompt).toMatch(/^Is \*\*this\*\* read\?/);
    expect(result.changes.map(formatImportProblem)).toEqual([
      `Line 1, question "Is **this** read? Is **this** read? Is …", question text: shown as written, Markdown marks and all: the game reads at most 1,000 characters of Markdown in one text`,
    ]);
  });

  it('reads a crafted file of unmatched emphasis marks in bounded time, Markdown past the file’s allowance as written', () => {
    const question = (n: number) => `::Q${n}::[markdown]${'*a_'.repeat(330)}{T}`;
    const text = Array.from({ length: 500 }, (_, n) => question(n)).join('\n\n');
    const started = performance.now();
    const result = read(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.questions).toHaveLength(500);
    const asWritten = result.changes.filter(
      (change) => change.note.code === 'markdown-as-written' && change.note.per === 'file',
    );
    expect(asWritten.length).toBeGreaterThan(400);
  });
});
