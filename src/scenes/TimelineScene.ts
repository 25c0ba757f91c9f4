import Phaser from 'phaser';
import { dayNumber } from '../core/dates';
import { bankTimeline, roundTimeline, type Timeline } from '../core/reports';
import type { Question } from '../core/types';
import { localQuestion } from '../game/spanishQuestions';
import { citationFor } from '../game/round';
import { localDate } from '../core/localDate';
import { translatorOf } from '../ui/pageLanguage';
import { ExcerptCard } from '../ui/ExcerptCard';
import { NoSourceCard } from '../ui/NoSourceCard';
import { cssPerGamePixel } from '../ui/renderScale';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { TimelineFocus, TimelineSceneData } from './sceneData';

/** At most this many dots are stacked at one place on the line; more share the top one. */
const MAX_STACK = 6;
/** The smallest a dot's button may be, in CSS pixels (24 is WCAG 2.5.8's floor; a little more for a finger). */
const MIN_TARGET_CSS_PX = 26;

/**
 * The controversy on a line from 2019 to 2025: a round's questions (after any round), or every question of
 * the bank (from the title). Each dot opens its question and its evidence below the line; ◀ ▶, the arrow keys
 * or a click move along it.
 */
export class TimelineScene extends BaseScene<'timeline'> {
  /** The data this visit was opened with. */
  private opened!: TimelineSceneData;
  private itemCount = 0;

  constructor() {
    super(SceneKey.Timeline);
  }

  create(data: TimelineSceneData): void {
    this.opened = data;
    const bank = this.services.bank;
    const round = data.source === 'round';
    const questions: readonly Question[] = round ? data.session.questions : (bank?.questions ?? []);
    const sources = bank?.sources ?? {};
    const timeline: Timeline = round
      ? roundTimeline({ questions, log: data.session.log }, sources)
      : bankTimeline({ questions, sources });
    // Each question's words in the interface's language (the dates and the sources stay as they are).
    const byId = new Map(
      questions.map((question) => [question.id, localQuestion(this.services, this.translator, question)]),
    );
    const items = timeline.items;
    this.itemCount = items.length;
    const selected = Math.min(Math.max(0, data.selected ?? 0), Math.max(0, items.length - 1));
    const formatDate = (isoDate: string) => localDate(translatorOf(this), isoDate);
    const title = round
      ? this.scale.height > this.scale.width
        ? this.t('menu:timeline.roundShort')
        : this.t('menu:timeline.round')
      : this.scale.height > this.scale.width
        ? this.t('menu:timeline.bankShort')
        : this.t('menu:timeline.bank');
    this.beginScreen(title);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(title);

    // The line, its years, and a dot per question, stacked where dates crowd together.
    const top = margin * 0.6 + home.canvas.rect.height + gap;
    const lineLeft = margin + type.small;
    const lineRight = width - margin - type.small;
    const dotRadius = Math.max(6, Math.round(type.small * 0.36));
    // Each dot's button is at least 24 CSS pixels square (WCAG 2.5.8), and dots are spaced so buttons never overlap.
    const target = Math.max(dotRadius * 2 + 4, Math.ceil(MIN_TARGET_CSS_PX / (cssPerGamePixel(this) || 1)));
    const stackStep = target + 1;
    const lineY = top + type.small + stackStep * MAX_STACK + gap;
    const g = this.add.graphics();
    g.lineStyle(3, this.colors.paper, 1).lineBetween(lineLeft, lineY, lineRight, lineY);
    const [start, end] = [dayNumber(timeline.start), dayNumber(timeline.end)];
    const firstYear = Number(timeline.start.slice(0, 4));
    const lastYear = Number(timeline.end.slice(0, 4));
    for (let year = firstYear; year <= lastYear; year += 1) {
      const x = lineLeft + ((dayNumber(`${year}-01-01`) - start) / (end - start)) * (lineRight - lineLeft);
      g.lineBetween(x, lineY - 6, x, lineY + 6);
      if (portrait && year % 2 === 0 && year !== firstYear) continue;
      addText(this, x, lineY + 10, String(year), { size: type.small, color: this.textColors.muted }).setOrigin(
        year === firstYear ? 0 : 0.5,
        0,
      );
    }
    const levels: number[] = [];
    // Where a column is full, later dots share its top place; the column says how many more it holds.
    const hidden = new Map<number, number>();
    const placed = items.map((item) => {
      let x = lineLeft + item.place * (lineRight - lineLeft);
      let level = levels.findIndex((lastX) => x - lastX >= stackStep);
      if (level < 0 && levels.length < MAX_STACK) level = levels.length;
      if (level < 0) {
        level = MAX_STACK - 1;
        x = levels[level]!;
        hidden.set(x, (hidden.get(x) ?? 0) + 1);
      }
      levels[level] = x;
      return { x, y: lineY - target / 2 - 2 - level * stackStep };
    });
    for (const [x, count] of hidden) {
      addText(this, x, lineY - 2 - MAX_STACK * stackStep, `+${count}`, {
        size: Math.max(13, type.small - 4),
        bold: true,
        color: this.textColors.muted,
      }).setOrigin(0.5, 1);
    }
    placed.forEach(({ x, y }, index) => {
      const item = items[index]!;
      const fill =
        item.correct === undefined ? this.colors.highlight : item.correct ? this.colors.correct : this.colors.wrong;
      const dot = this.add.circle(x, y, dotRadius, fill).setStrokeStyle(2, this.colors.ink);
      dot.setInteractive(new Phaser.Geom.Circle(dotRadius, dotRadius, dotRadius + 4), Phaser.Geom.Circle.Contains);
      dot.on('pointerup', () => this.select(index));
    });
    if (items[selected]) {
      const { x, y } = placed[selected]!;
      this.add
        .circle(x, y, dotRadius + 5)
        .setStrokeStyle(3, this.colors.paper)
        .setFillStyle(0, 0);
    }
    const legendY = lineY + 10 + type.small * 1.5;
    const undated = timeline.undated.length;
    const legend = round
      ? undated
        ? this.t('menu:timeline.roundLegendUndated', { count: items.length, undated })
        : this.t('menu:timeline.roundLegend', { count: items.length })
      : undated
        ? this.t('menu:timeline.bankLegendUndated', { count: items.length, undated })
        : this.t('menu:timeline.bankLegend', { count: items.length });
    const legendText = addText(this, lineLeft, legendY, legend, {
      size: Math.max(14, type.small - 2),
      color: this.textColors.muted,
      wrapWidth: lineRight - lineLeft,
    });

    // The chosen question with its evidence.
    const buttonHeight = Math.max(56, type.button * 2.2);
    let y = legendY + legendText.height + gap;
    const detailBottom = height - margin - buttonHeight - gap;
    const item = items[selected];
    const question = item ? byId.get(item.questionId) : undefined;
    if (item && question) {
      const mark = item.correct === undefined ? '' : item.correct ? ' ✔' : ' ✘';
      const date = formatDate(item.date);
      const dated = item.dateFrom === 'source' ? this.t('menu:timeline.sourceDate', { date }) : date;
      const dateLine =
        item.position !== undefined
          ? this.t('menu:timeline.where', { position: item.position, mark, date: dated })
          : dated;
      const dateText = addText(this, margin, y, dateLine, {
        size: type.small,
        bold: true,
        color: this.textColors.paper,
        wrapWidth: width - margin * 2,
      });
      y += dateText.height + gap / 2;
      const prompt = addText(this, margin, y, question.prompt, {
        size: type.body,
        bold: true,
        wrapWidth: width - margin * 2,
      });
      this.fit(prompt, type.body * 3.6, 'prompt', 14);
      y += prompt.height + gap / 2;
      const answer = this.t('menu:timeline.answer', {
        answer: question.choices.find((choice) => choice.correct)?.text ?? '—',
      });
      const answerText = addText(this, margin, y, answer, {
        size: type.small,
        color: this.textColors.muted,
        wrapWidth: width - margin * 2,
      });
      this.fit(answerText, type.small * 2.6, 'answer', 13);
      y += answerText.height + gap;
      const evidence = question.evidence[0];
      const space = { x: margin, y, width: width - margin * 2, height: detailBottom - y };
      if (space.height > type.small * 4) {
        if (evidence) {
          new ExcerptCard(
            this,
            space,
            {
              label: this.t('menu:timeline.sourceSays'),
              quote: evidence.quote,
              citation: citationFor(this.services, evidence.source),
            },
            portrait ? type.small : type.body,
          );
        } else new NoSourceCard(this, space, type.small);
      }
      // Earlier and Later keep focus on themselves: what they moved to is said.
      if (data.focus === 'Earlier' || data.focus === 'Later') {
        a11y.announce(this.t('menu:timeline.moved', { date: dateLine, prompt: question.prompt }));
      }
      a11y.text(dateLine).dataset.name = 'timeline-date';
      a11y.heading(question.prompt);
      a11y.text(answer);
      if (evidence) {
        const quote = a11y.text(
          this.t('menu:timeline.quote', {
            quote: evidence.quote,
            citation: citationFor(this.services, evidence.source),
          }),
        );
        quote.dataset.source = evidence.source;
        quote.classList.add('excerpt');
      }
    } else {
      const empty = this.t('menu:timeline.empty');
      addText(this, width / 2, y + gap * 2, empty, {
        size: type.body,
        color: this.textColors.muted,
        align: 'center',
      }).setOrigin(0.5, 0);
      a11y.text(empty);
    }

    // Along the line, in date order: the DOM list lets a screen reader jump to any question.
    // A group of buttons, each lying over its dot (list items would take room and push the buttons off their dots).
    // One Tab stop for the whole line (a roving tabindex): the arrow keys, Home and End move along it.
    const group = a11y.section(this.t('menu:timeline.byDate'), 'group');
    let selectedItem: HTMLButtonElement | undefined;
    items.forEach((entry, index) => {
      const q = byId.get(entry.questionId);
      if (!q) return;
      const outcome = entry.correct === undefined ? 'unanswered' : entry.correct ? 'right' : 'missed';
      const { x, y: dotY } = placed[index]!;
      const button = a11y.button(
        this.t(`menu:timeline.item.${outcome}`, { date: formatDate(entry.date), prompt: q.prompt }),
        () => this.select(index, 'item'),
        { x: x - target / 2, y: dotY - target / 2, width: target, height: target },
        { parent: group, pressed: index === selected, name: `timeline-item-${index}` },
      );
      button.tabIndex = index === selected ? 0 : -1;
      if (index === selected) selectedItem = button;
    });

    const buttonWidth = Math.min(260, (width - margin * 2 - gap * 2) / 3);
    const by = height - margin - buttonHeight;
    const earlier = this.addButton(
      this.t('menu:timeline.earlier'),
      { x: margin, y: by, width: buttonWidth, height: buttonHeight },
      () => this.select(selected - 1, 'Earlier'),
      { name: 'Earlier' },
    );
    const later = this.addButton(
      this.t('menu:timeline.later'),
      { x: margin + buttonWidth + gap, y: by, width: buttonWidth, height: buttonHeight },
      () => this.select(selected + 1, 'Later'),
      { name: 'Later' },
    );
    const back = this.addButton(
      round ? this.t('menu:timeline.backToResults') : this.t('menu:timeline.back'),
      { x: width - margin - buttonWidth, y: by, width: buttonWidth, height: buttonHeight },
      () => this.leave(),
      { fill: this.colors.highlight, textColor: this.textColors.ink, name: 'Back' },
    );
    const focusAfter = { Earlier: earlier.dom, Later: later.dom, item: selectedItem };
    a11y.focus(data.focus ? focusAfter[data.focus] : back.dom);
    this.onKeys((event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') this.select(selected + 1);
      if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') this.select(selected - 1);
      if (event.key === 'Home') this.select(0);
      if (event.key === 'End') this.select(items.length - 1);
      if (event.key === 'Escape') this.leave();
    });
  }

  private select(index: number, focus: TimelineFocus = 'item'): void {
    if (this.leaving || this.itemCount === 0) return;
    const wrapped = ((index % this.itemCount) + this.itemCount) % this.itemCount;
    this.leaving = true;
    this.rebuild({ ...this.opened, selected: wrapped, focus });
  }

  private leave(): void {
    const data = this.opened;
    if (data.source === 'round') this.goTo(SceneKey.Results, data.back);
    else this.goTo(SceneKey.Title);
  }
}
