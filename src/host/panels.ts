/** The dashboard's tables of the class's skills, discernment and confidence, and each question's tally. */
import type { ClassSkillSummary, DashboardSnapshot } from '../core/classProtocol';
import { SKILL_NAMES, type Tally } from '../core/reports';
import { CONFIDENCE_LABELS } from '../core/wager';
import { answeredNote, count, FIT_TEXT, percent } from './dashboardText';
import { el } from './dom';
import { unsettledNote } from './presenceText';

/** A table with a caption, column headings and one row per item, each row headed by its first cell. */
export function summaryTable(
  name: string,
  caption: string,
  columns: string[],
  rows: { key: string; head: string; cells: (string | Node)[] }[],
): HTMLTableElement {
  return el(
    'table',
    { class: 'summary', data: { name } },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...columns.map((text) => el('th', { text, attrs: { scope: 'col' } })))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { data: { row: row.key } },
          el('th', { text: row.head, attrs: { scope: 'row' } }),
          ...row.cells.map((cell) => el('td', {}, cell)),
        ),
      ),
    ),
  );
}

/** "3 / 5" with a bar for the back of the room (the numbers say the same to a screen reader). */
function rightOfAsked(tally: Tally): HTMLElement {
  return el(
    'span',
    { class: 'right-of' },
    `${tally.right} / ${tally.asked}`,
    tally.asked > 0
      ? el('progress', { attrs: { max: String(tally.asked), value: String(tally.right), 'aria-hidden': 'true' } })
      : null,
  );
}

/** The SIFT moves: right answers per move, and the weakest with a tip and its most-missed question. */
export function skillParts(summary: ClassSkillSummary): Node[] {
  const heading = el('h3', { text: 'SIFT moves' });
  const table = summaryTable(
    'skill-table',
    'Right answers by SIFT move, the whole class together',
    ['Move', 'Right / asked', 'Right', 'Weakest for'],
    summary.skills.map((row) => ({
      key: row.skill,
      head: SKILL_NAMES[row.skill],
      cells: [rightOfAsked(row), percent(row.rate), count(summary.weakestSkillCounts[row.skill], 'player')],
    })),
  );
  const weakest = summary.weakestSkill;
  if (weakest === null) {
    return [heading, table, el('p', { text: 'No move stands out: nothing counted so far was missed.' })];
  }
  const row = summary.skills.find((item) => item.skill === weakest)!;
  const missed = summary.mostMissed;
  return [
    heading,
    table,
    el(
      'div',
      { class: 'weakest', data: { name: 'weakest-skill', skill: weakest } },
      el('h3', { text: `Weakest move: ${SKILL_NAMES[weakest]}` }),
      el('p', { text: `${row.right} of ${row.asked} right (${percent(row.rate)}).` }),
      el('p', {}, el('strong', { text: 'Tip to share: ' }), summary.tip ?? ''),
      missed
        ? el(
            'p',
            { data: { name: 'most-missed', question: missed.questionId } },
            el('strong', { text: 'Most missed: ' }),
            `“${missed.prompt}”, missed by ${missed.missed} of the ${count(missed.asked, 'player')} who answered it.`,
          )
        : null,
    ),
  ];
}

/** True claims against false ones, the claim judgements, and how sure players were. */
export function discernmentParts(summary: ClassSkillSummary): Node[] {
  const { discernment, discernmentCounts: counts } = summary;
  const parts: Node[] = [
    el('h3', { text: 'Discernment' }),
    summaryTable(
      'discernment-table',
      'Right answers on true claims and on false or misleading ones',
      ['Claims', 'Right / asked', 'Right', 'Weaker here'],
      (
        [
          ['true-claims', 'True, surprising ones too', discernment.answers.trueClaims],
          ['false-claims', 'False or misleading', discernment.answers.falseClaims],
        ] as const
      ).map(([key, head, tally]) => ({
        key,
        head,
        cells: [rightOfAsked(tally), percent(tally.rate), count(counts[key], 'player')],
      })),
    ),
  ];
  const judgements = discernment.judgements;
  if (judgements) {
    parts.push(
      summaryTable(
        'judgement-table',
        'Claim judgements: accurate, inaccurate or misleading, cannot tell',
        ['Claim called for', 'Right / asked', 'Right'],
        (
          [
            ['true-claims', 'Accurate', judgements.trueClaims],
            ['false-claims', 'Inaccurate or misleading', judgements.falseClaims],
            ['unsupported', 'Cannot tell', judgements.unsupported],
          ] as const
        ).map(([key, head, tally]) => ({ key, head, cells: [rightOfAsked(tally), percent(tally.rate)] })),
      ),
    );
  }
  parts.push(
    el(
      'p',
      { data: { name: 'discernment-message', weaker: discernment.weaker } },
      el('strong', { text: 'For the class: ' }),
      discernment.message,
    ),
    el('p', {
      class: 'note',
      text:
        `${count(counts.even, 'player')} even, ${count(counts['not-enough'], 'player')} with too few of one kind ` +
        `to tell.${discernment.basis === 'judgements' ? ' Decided by the claim judgements.' : ''}`,
    }),
  );
  if (summary.calibration.some((row) => row.asked > 0)) {
    parts.push(
      el('h3', { text: 'Confidence' }),
      summaryTable(
        'calibration-table',
        'Right answers by how sure players said they were',
        ['Said', 'Right / asked', 'Right', 'Pays best at', 'Verdict'],
        summary.calibration.map((row) => ({
          key: row.confidence,
          head: CONFIDENCE_LABELS[row.confidence],
          cells: [
            rightOfAsked(row),
            percent(row.rate),
            `${percent(row.bestFor.from)}–${percent(row.bestFor.to)}`,
            FIT_TEXT[row.fit],
          ],
        })),
      ),
    );
  }
  return parts;
}

/**
 * How the class answered each question once it is settled, the right answer marked; before that only how many
 * answered (the server sends nothing more).
 */
export function questionTallies(snapshot: DashboardSnapshot): HTMLElement[] {
  return snapshot.questions.map((question) => {
    if (!question.settled) {
      return el(
        'article',
        { class: 'question unsettled', data: { question: String(question.position), settled: 'false' } },
        el('h3', { text: `Question ${question.position + 1}` }),
        el('p', { class: 'note', text: unsettledNote(question) }),
      );
    }
    const most = Math.max(1, ...question.choices.map((choice) => choice.count));
    return el(
      'article',
      { class: 'question', data: { question: String(question.position), settled: 'true' } },
      el('h3', { text: `${question.position + 1}. ${question.prompt}` }),
      el(
        'ul',
        { class: 'tally' },
        ...question.choices.map((choice, index) =>
          el(
            'li',
            { class: choice.correct ? 'right' : '', data: { choice: String(index) } },
            el('span', { class: 'choice', text: `${choice.correct ? '✔ ' : ''}${choice.text}` }),
            el('progress', { attrs: { max: String(most), value: String(choice.count), 'aria-hidden': 'true' } }),
            el('span', { class: 'count', text: String(choice.count) }),
          ),
        ),
      ),
      el('p', {
        class: 'note',
        text: answeredNote(question),
      }),
    );
  });
}
