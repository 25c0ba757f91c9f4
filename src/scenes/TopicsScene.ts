import { kindCounts } from '../core/round';
import { localTopicTitle } from '../game/spanishQuestions';
import type { QuestionKind } from '../core/types';
import { kindsLeaveQuestions } from '../game/round';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { SettingsSceneData, TopicsSceneData } from './sceneData';

/** One toggle row: a topic or a kind of question; the empty id is "all". */
interface Entry {
  id: string;
  title: string;
  /** What the accessible button says, when it differs from the title (a count spelled out). */
  label?: string;
}

/**
 * What rounds draw from: a toggle per topic, or (the second view) per kind of question; none chosen means all.
 */
export class TopicsScene extends BaseScene<'topics'> {
  private settingsData: SettingsSceneData = {};
  private view: NonNullable<TopicsSceneData['view']> = 'topics';

  constructor() {
    super(SceneKey.Topics);
  }

  create(data: TopicsSceneData): void {
    this.settingsData = data.settings;
    this.view = data.view ?? 'topics';
    const kindsView = this.view === 'kinds';
    const title = kindsView ? this.t('menu:topics.kindsTitle') : this.t('menu:topics.title');
    this.beginScreen(title);
    const { width, height, margin, gap, type, portrait } = this.frame;
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(title);
    const a11y = this.services.a11y;
    let top = margin * 0.6 + home.canvas.rect.height + gap;

    // The two views, as a pair of switches: which one is shown is pressed.
    const switchHeight = Math.max(48, type.body * 2);
    const switchWidth = (width - margin * 2 - gap) / 2;
    const views = a11y.section(this.t('menu:topics.chooseBy'), 'group');
    const switches: { view: 'topics' | 'kinds'; title: string }[] = [
      { view: 'topics', title: this.t('menu:topics.title') },
      { view: 'kinds', title: this.t('menu:topics.kinds') },
    ];
    let focusTarget: HTMLButtonElement | undefined;
    switches.forEach((entry, index) => {
      const on = entry.view === this.view;
      const button = this.addButton(
        entry.title,
        { x: margin + index * (switchWidth + gap), y: top, width: switchWidth, height: switchHeight },
        () => this.show(entry.view),
        {
          fontSize: type.body,
          fill: on ? this.colors.inkLighter : this.colors.inkLight,
          accessibleLabel: entry.view === 'kinds' ? this.t('menu:topics.kindsTitle') : this.t('menu:topics.title'),
          pressed: on,
          parent: views,
          name: `view-${entry.view}`,
        },
      );
      if (`view-${entry.view}` === data.focus) focusTarget = button.dom;
    });
    top += switchHeight + gap;

    const entries = kindsView ? this.kindEntries() : this.topicEntries();
    const preferences = this.services.preferences.get();
    const chosen: readonly string[] = kindsView ? preferences.kinds : preferences.topics;
    const total = entries.length - 1;
    const note = kindsView ? this.kindsNote(total) : this.topicsNote(total);
    const noteText = addText(this, margin, top, note, {
      size: type.small,
      color: this.textColors.muted,
      wrapWidth: width - margin * 2,
    });
    this.fit(noteText, type.small * 3.6, 'note', 13);
    a11y.text(note).dataset.name = 'note';
    top += noteText.height + gap;

    const doneHeight = Math.max(56, type.button * 2.2);
    const columns = portrait ? 1 : 2;
    const perColumn = Math.ceil(entries.length / columns);
    const rowHeight = Math.min(
      Math.max(48, type.body * 2.2),
      (height - top - margin - doneHeight - gap) / perColumn - gap,
    );
    if (rowHeight < 40) a11y.markOverflow(`${this.view} rows`);
    const columnWidth = (width - margin * 2 - gap * (columns - 1)) / columns;
    const group = a11y.section(kindsView ? this.t('menu:topics.kindsTitle') : this.t('menu:topics.title'), 'group');
    entries.forEach((entry, index) => {
      const on = entry.id === '' ? chosen.length === 0 : chosen.includes(entry.id);
      const x = margin + Math.floor(index / perColumn) * (columnWidth + gap);
      const y = top + (index % perColumn) * (rowHeight + gap);
      const name = entry.id || (kindsView ? 'all-kinds' : 'all');
      const button = this.addButton(
        `${on ? '✓' : '○'}  ${entry.title}`,
        { x, y, width: columnWidth, height: rowHeight },
        () => this.toggle(entry.id),
        {
          fontSize: type.body,
          align: 'left',
          fill: on ? this.colors.inkLighter : this.colors.inkLight,
          accessibleLabel: entry.label ?? entry.title,
          pressed: on,
          parent: group,
          name,
        },
      );
      if (name === data.focus) focusTarget = button.dom;
    });
    this.addDoneButton(doneHeight, () => this.goTo(SceneKey.Settings, this.settingsData), focusTarget);
  }

  private topicEntries(): Entry[] {
    return [
      { id: '', title: this.t('menu:topics.allTopics') },
      ...(this.services.bank?.topics ?? []).map((topic) => ({
        ...topic,
        title: localTopicTitle(this.services, this.translator, topic),
      })),
    ];
  }

  /** Only the kinds the bank has, each with how many questions are of it. */
  private kindEntries(): Entry[] {
    const counts = kindCounts(this.services.bank?.questions ?? []);
    return [
      { id: '', title: this.t('menu:topics.allKinds') },
      ...counts.map(({ kind, count }) => ({
        id: kind,
        title: this.t('menu:topics.kindRow', { kind: this.t(`menu:kind.${kind}`), count }),
        label: this.t('menu:topics.kindLabel', { kind: this.t(`menu:kind.${kind}`), count }),
      })),
    ];
  }

  private topicsNote(total: number): string {
    const chosen = this.services.preferences.get().topics;
    return chosen.length === 0
      ? this.t('menu:topics.allTopicsNote')
      : this.t('menu:topics.someTopicsNote', { chosen: chosen.length, count: total });
  }

  private kindsNote(total: number): string {
    const { kinds, topics } = this.services.preferences.get();
    if (kinds.length === 0) return this.t('menu:topics.allKindsNote');
    // The round would have nothing to ask: it is played with every kind instead (currentRoundSettings).
    if (!kindsLeaveQuestions(this.services, topics, kinds)) {
      return this.t('menu:topics.noQuestionsNote');
    }
    return this.t('menu:topics.someKindsNote', { chosen: kinds.length, count: total });
  }

  private show(view: 'topics' | 'kinds'): void {
    if (this.leaving || view === this.view) return;
    this.leaving = true;
    this.rebuild({ settings: this.settingsData, view, focus: `view-${view}` });
  }

  private toggle(id: string): void {
    if (this.leaving) return;
    const preferences = this.services.preferences.get();
    if (this.view === 'kinds') {
      const all = kindCounts(this.services.bank?.questions ?? []).map((entry) => entry.kind);
      const kinds = toggled(preferences.kinds, all, id as QuestionKind | '');
      this.services.preferences.set({ ...preferences, kinds });
    } else {
      const all = this.services.bank?.topics.map((topic) => topic.id) ?? [];
      this.services.preferences.set({ ...preferences, topics: toggled(preferences.topics, all, id) });
    }
    this.leaving = true;
    this.rebuild({
      settings: this.settingsData,
      view: this.view,
      focus: id || (this.view === 'kinds' ? 'all-kinds' : 'all'),
    });
  }
}

/**
 * The chosen ids after toggling one ('' chooses all). With all in play, choosing one plays only that one, as the
 * note says and its ○ shows; every id chosen, or none, both mean "all" (empty).
 */
function toggled<T extends string>(chosen: readonly T[], all: readonly T[], id: T | ''): T[] {
  if (id === '') return [];
  const next = chosen.includes(id) ? chosen.filter((entry) => entry !== id) : [...chosen, id];
  return next.length === all.length ? [] : next;
}
