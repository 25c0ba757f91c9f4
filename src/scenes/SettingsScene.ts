import {
  MOTION_CHOICES,
  WAGER_CHOICES,
  nextChoice,
  QUESTION_COUNTS,
  TEXT_SCALES,
  TIME_CHOICES,
  VOLUME_STEPS,
  type Preferences,
} from '../core/preferences';
import { DIFFICULTY_ORDERS } from '../core/round';
import { DEFAULT_TIME_LIMIT_SEC } from '../core/settings';
import { LANGUAGE_CHOICES, LANGUAGE_NAMES, pickLanguage, type Language } from '../core/languages';
import type { Translate } from '../i18n/translator';
import { applyPageTheme } from '../ui/pageTheme';
import { applyPageLanguage, translatorFor } from '../ui/pageLanguage';
import { addText } from '../ui/text';
import { minTargetFor } from '../ui/touchTarget';
import { BaseScene } from './BaseScene';
import { SceneKey } from './keys';
import type { SettingsSceneData } from './sceneData';

interface SettingRow {
  key: string;
  label: string;
  value: (preferences: Preferences) => string;
  /** The settings after one step of this row, or undefined when the row opens another screen. */
  next?: (preferences: Preferences) => Preferences;
  locked?: (preferences: Preferences) => boolean;
}

/** The least a row may be: a comfortable target for a finger or a switch. */
const MIN_ROW_HEIGHT = 48;

function timeText(t: Translate, time: Preferences['time']): string {
  if (time === 'off') return t('settings:time.off');
  const seconds = DEFAULT_TIME_LIMIT_SEC * time;
  return time === 1 ? t('settings:time.standard', { seconds }) : t('settings:time.times', { factor: time, seconds });
}

function rows(t: Translate, topicCount: number, browserLanguage: Language): SettingRow[] {
  const onOff = (on: boolean) => (on ? t('settings:on') : t('settings:off'));
  const volumeText = (volume: number) =>
    volume === 0 ? t('settings:off') : t('settings:volume', { percent: Math.round(volume * 100) });
  return [
    {
      key: 'language',
      label: t('common:language.setting'),
      value: (p) =>
        p.language === 'auto'
          ? t('common:language.auto', { name: LANGUAGE_NAMES[browserLanguage] })
          : LANGUAGE_NAMES[p.language],
      next: (p) => ({ ...p, language: nextChoice(LANGUAGE_CHOICES, p.language) }),
    },
    {
      key: 'time',
      label: t('settings:time.label'),
      value: (p) => timeText(t, p.time),
      next: (p) => ({ ...p, time: nextChoice(TIME_CHOICES, p.time) }),
    },
    {
      key: 'questionCount',
      label: t('settings:questionCount.label'),
      value: (p) => String(p.questionCount),
      next: (p) => ({ ...p, questionCount: nextChoice(QUESTION_COUNTS, p.questionCount as 10) }),
    },
    {
      key: 'topics',
      label: t('settings:topics.label'),
      // Kinds of question are chosen on the same screen: a narrowed round says so here.
      value: (p) => {
        const topics =
          p.topics.length === 0
            ? t('settings:topics.all', { count: topicCount })
            : t('settings:topics.some', { chosen: p.topics.length, count: topicCount });
        const narrowed =
          p.kinds.length > 0
            ? t('settings:topics.narrowed', { topics, kinds: t('settings:topics.kinds', { count: p.kinds.length }) })
            : topics;
        return p.topics.length + p.kinds.length > 0 ? `${narrowed} ›` : narrowed;
      },
    },
    {
      key: 'difficulty',
      label: t('settings:difficulty.label'),
      value: (p) => t(`settings:difficulty.${p.difficulty}`),
      next: (p) => ({ ...p, difficulty: nextChoice(DIFFICULTY_ORDERS, p.difficulty) }),
    },
    {
      key: 'speedPoints',
      label: t('settings:speedPoints.label'),
      value: (p) => (p.time === 'off' ? t('settings:speedPoints.noTimer') : onOff(p.speedPoints)),
      next: (p) => ({ ...p, speedPoints: !p.speedPoints }),
      locked: (p) => p.time === 'off',
    },
    {
      key: 'wager',
      label: t('settings:wager.label'),
      value: (p) => t(`settings:wager.${p.wager}`),
      next: (p) => ({ ...p, wager: nextChoice(WAGER_CHOICES, p.wager) }),
    },
    {
      key: 'textScale',
      label: t('settings:textScale.label'),
      value: (p) => t('settings:textScale.value', { percent: Math.round(p.textScale * 100) }),
      next: (p) => ({ ...p, textScale: nextChoice(TEXT_SCALES, p.textScale as 1) }),
    },
    {
      key: 'motion',
      label: t('settings:motion.label'),
      value: (p) => t(`settings:motion.${p.motion}`),
      next: (p) => ({ ...p, motion: nextChoice(MOTION_CHOICES, p.motion) }),
    },
    {
      key: 'highContrast',
      label: t('settings:highContrast.label'),
      value: (p) => onOff(p.highContrast),
      next: (p) => ({ ...p, highContrast: !p.highContrast }),
    },
    {
      key: 'effectsVolume',
      label: t('settings:effectsVolume.label'),
      value: (p) => volumeText(p.effectsVolume),
      next: (p) => ({ ...p, effectsVolume: nextChoice(VOLUME_STEPS, p.effectsVolume as 1) }),
    },
    {
      key: 'musicVolume',
      label: t('settings:musicVolume.label'),
      value: (p) => volumeText(p.musicVolume),
      next: (p) => ({ ...p, musicVolume: nextChoice(VOLUME_STEPS, p.musicVolume as 0) }),
    },
  ];
}

/** Every setting is a row: its name, and a button that steps to the next value. Remembered at once. */
export class SettingsScene extends BaseScene<'settings'> {
  /** The data this visit was opened with. */
  private opened: SettingsSceneData = {};

  constructor() {
    super(SceneKey.Settings);
  }

  create(data: SettingsSceneData = {}): void {
    this.opened = data;
    const t = this.t;
    this.beginScreen(t('settings:title'));
    const { width, height, margin, gap, type, portrait } = this.frame;
    const a11y = this.services.a11y;
    const preferences = this.services.preferences.get();
    const home = this.addHomeButton();
    this.addSoundButton();
    this.addScreenTitle(t('settings:title'));

    const list = rows(t, this.services.bank?.topics.length ?? 0, pickLanguage('auto', navigator.languages));
    const top = margin * 0.6 + home.canvas.rect.height + gap * 1.5;
    const doneHeight = Math.max(56, type.button * 2.2);
    const available = height - top - margin - doneHeight - gap;
    const minRow = Math.max(MIN_ROW_HEIGHT, minTargetFor(this.frame));
    const roomyRow = Math.max(minRow, Math.round(type.body * 2.3));
    const columns = !portrait && list.length * (roomyRow + gap) > available ? 2 : 1;
    const perColumn = Math.ceil(list.length / columns);
    // With large text the rows give up height (their labels shrink or wrap) rather than run into Done.
    const rowHeight = Math.max(minRow, Math.min(roomyRow, Math.floor((available + gap) / perColumn - gap)));
    if (perColumn * (rowHeight + gap) - gap > available) a11y.markOverflow('settings rows');
    const columnWidth = (width - margin * 2 - gap * 3 * (columns - 1)) / columns;
    const labelWidth = columnWidth * (portrait ? 0.46 : columns === 2 ? 0.42 : 0.5);
    let focusTarget: HTMLButtonElement | undefined;
    list.forEach((row, index) => {
      const x = margin + Math.floor(index / perColumn) * (columnWidth + gap * 3);
      const y = top + (index % perColumn) * (rowHeight + gap);
      const label = addText(this, x, y + rowHeight / 2, row.label, {
        size: type.body,
        color: this.textColors.paper,
        wrapWidth: labelWidth - gap,
      }).setOrigin(0, 0.5);
      this.fit(label, rowHeight, `${row.key} label`);
      const locked = row.locked?.(preferences) ?? false;
      const value = row.value(preferences);
      const button = this.addButton(
        value,
        { x: x + labelWidth, y, width: columnWidth - labelWidth, height: rowHeight },
        () => this.activate(row),
        {
          fontSize: type.body,
          accessibleLabel: locked
            ? t('settings:rowLabelLocked', { label: row.label, value, why: t('settings:locked') })
            : t('settings:rowLabel', { label: row.label, value }),
          name: row.key,
        },
      );
      if (locked) {
        button.canvas.setLook('dim');
        button.dom.setAttribute('aria-disabled', 'true');
      }
      if (row.key === data.focus) focusTarget = button.dom;
    });

    this.addDoneButton(doneHeight, () => this.leave(), focusTarget);
    // Opened from a paused round: a new time per question holds from the question the round is on.
    if (data.focus === 'time' && data.returnTo) {
      a11y.announce(t('settings:time.applies', { value: timeText(t, preferences.time) }));
    }
  }

  private activate(row: SettingRow): void {
    if (this.leaving) return;
    const preferences = this.services.preferences.get();
    if (!row.next) {
      this.goTo(SceneKey.Topics, { settings: { ...this.opened, focus: row.key } });
      return;
    }
    if (row.locked?.(preferences)) return;
    const changed = row.next(preferences);
    this.services.preferences.set(changed);
    this.services.sound.refresh();
    applyPageTheme(changed.highContrast, this.game);
    // Rebuilt, not patched: a new text size re-lays out the whole screen, a new theme repaints it.
    this.leaving = true;
    if (changed.language === preferences.language) {
      this.rebuild({ ...this.opened, focus: row.key });
      return;
    }
    // Another language's strings may have to be downloaded first; the screen is redrawn once they are here.
    void translatorFor(changed.language, navigator.languages).then((translator) => {
      applyPageLanguage(translator, this.game);
      if (this.scene.isActive()) this.rebuild({ ...this.opened, focus: row.key });
    });
  }

  private leave(): void {
    const back = this.opened.returnTo;
    // Back to the paused round only while it is still the one in play.
    if (back && this.services.rounds.isInPlay(back.data.session)) this.goTo(back.to, back.data);
    else this.goTo(SceneKey.Title);
  }
}
