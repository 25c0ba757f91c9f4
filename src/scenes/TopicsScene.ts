import { CSS, COLORS } from '../ui/theme';
import { addText } from '../ui/text';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { SettingsSceneData, TopicsSceneData } from './sceneData';

/** Which topics rounds draw from: a toggle per topic; none chosen means all. */
export class TopicsScene extends BaseScene<'topics'> {
  private settingsData: SettingsSceneData = {};

  constructor() {
    super(SceneKey.Topics);
  }

  create(data: TopicsSceneData): void {
    this.settingsData = data.settings;
    this.beginScreen('Topics');
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const topics = this.services.bank?.topics ?? [];
    const chosen = this.services.preferences.get().topics;
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle('Topics');
    const note =
      chosen.length === 0
        ? 'All topics are in play. Choose some to play only those.'
        : `${chosen.length} of ${topics.length} topics in play.`;
    let top = margin * 0.6 + home.canvas.rect.height + gap;
    const noteText = addText(this, margin, top, note, {
      size: type.small,
      color: CSS.muted,
      wrapWidth: width - margin * 2,
    });
    a11y.text(note);
    top += noteText.height + gap;

    const doneHeight = Math.max(56, type.button * 2.2);
    const columns = portrait ? 1 : 2;
    const perColumn = Math.ceil((topics.length + 1) / columns);
    const rowHeight = Math.min(
      Math.max(48, type.body * 2.2),
      (height - top - margin - doneHeight - gap) / perColumn - gap,
    );
    const columnWidth = (width - margin * 2 - gap * (columns - 1)) / columns;
    const group = a11y.section('Topics', 'group');
    let focusTarget: HTMLButtonElement | undefined;
    const entries = [{ id: '', title: 'All topics' }, ...topics];
    entries.forEach((topic, index) => {
      const on = topic.id === '' ? chosen.length === 0 : chosen.includes(topic.id);
      const x = margin + Math.floor(index / perColumn) * (columnWidth + gap);
      const y = top + (index % perColumn) * (rowHeight + gap);
      const button = this.addButton(
        `${on ? '✓' : '○'}  ${topic.title}`,
        { x, y, width: columnWidth, height: rowHeight },
        () => this.toggle(topic.id),
        {
          fontSize: type.body,
          align: 'left',
          fill: on ? COLORS.inkLighter : COLORS.inkLight,
          accessibleLabel: topic.title,
          pressed: on,
          parent: group,
          name: topic.id || 'all',
        },
      );
      if ((topic.id || 'all') === data.focus) focusTarget = button.dom;
    });
    this.addDoneButton(doneHeight, () => this.goTo(SceneKey.Settings, this.settingsData), focusTarget);
  }

  private toggle(topicId: string): void {
    if (this.leaving) return;
    const preferences = this.services.preferences.get();
    const all = this.services.bank?.topics.map((topic) => topic.id) ?? [];
    let topics: string[];
    if (topicId === '') topics = [];
    else {
      const current = preferences.topics.length === 0 ? all : preferences.topics;
      topics = current.includes(topicId) ? current.filter((id) => id !== topicId) : [...current, topicId];
      // Every topic chosen, or none, both mean "all".
      if (topics.length === all.length) topics = [];
    }
    this.services.preferences.set({ ...preferences, topics });
    this.leaving = true;
    this.rebuild({ settings: this.settingsData, focus: topicId || 'all' });
  }
}
