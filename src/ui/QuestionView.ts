/**
 * A question on screen, the same for a round of one's own and a class round (and ready for a live lesson): the
 * article's claim when the question checks one, the prompt, and 2 to 6 answer tiles with their accessible buttons
 * in a group named "Answers". The layout maths is in layout.ts.
 */
import type Phaser from 'phaser';
import type { AccessibleLayer } from '../a11y/AccessibleLayer';
import { AnswerTile } from './Button';
import { placeAnswerTiles, type Frame } from './layout';
import { addText } from './text';
import { ANSWER_KEYS, TILE_SHAPES, paletteOf } from './theme';
import { translatorOf } from './pageLanguage';

export interface QuestionViewProps {
  /** Where the claim (or the prompt) starts. */
  top: number;
  number: number;
  total: number;
  claimQuote?: string;
  /** The claim's rendering in the interface's language, with the label that marks it unofficial. */
  claimTranslation?: { label: string; text: string };
  prompt: string;
  choices: readonly string[];
  /** The share of the screen's height the prompt may fill on a wide screen. */
  promptShare: number;
  /** Keeps a line under the prompt for news about the answer (a class round's "sending…"). */
  statusLine?: boolean;
  onChoose: (position: number) => void;
  onHover: () => void;
  /** Shrinks a text to a height, reporting it when it still does not fit (BaseScene.fit). */
  fit: (text: Phaser.GameObjects.Text, maxHeight: number, name: string, minSize?: number) => boolean;
}

export interface QuestionView {
  tiles: AnswerTile[];
  /** The line kept for news about the answer, when asked for. */
  status?: Phaser.GameObjects.Text;
}

/** The share of the screen's height the prompt may fill on a phone. */
const PORTRAIT_PROMPT_SHARE = 0.3;
/** The claim's largest share of the screen's height, on a phone and on a wide screen. */
const CLAIM_SHARE = { portrait: 0.16, landscape: 0.14 } as const;

export function addQuestionView(
  scene: Phaser.Scene,
  frame: Frame,
  a11y: AccessibleLayer,
  props: QuestionViewProps,
): QuestionView {
  const { width, height, margin, gap, type, portrait } = frame;
  const { t } = translatorOf(scene);
  let top = props.top;
  const textWidth = width - margin * 2;
  if (props.claimQuote) {
    const rendering = props.claimTranslation
      ? `\n${props.claimTranslation.label}: «${props.claimTranslation.text}»`
      : '';
    const claim = addText(scene, margin, top, t('play:question.claim', { quote: props.claimQuote }) + rendering, {
      size: type.small,
      color: paletteOf(scene).text.muted,
      wrapWidth: textWidth,
    });
    props.fit(claim, height * (portrait ? CLAIM_SHARE.portrait : CLAIM_SHARE.landscape), 'claim', 14);
    top += claim.height + gap;
    a11y.text(t('play:question.claimMirror', { quote: props.claimQuote }) + rendering, {
      label: t('play:question.claimLabel'),
    });
  }
  const promptArea = height * (portrait ? PORTRAIT_PROMPT_SHARE : props.promptShare);
  const prompt = addText(scene, margin, top, props.prompt, { size: type.prompt, bold: true, wrapWidth: textWidth });
  props.fit(prompt, promptArea, 'prompt');
  a11y.heading(props.prompt);
  top += Math.max(prompt.height, portrait ? 0 : promptArea * 0.6) + gap;
  let status: Phaser.GameObjects.Text | undefined;
  if (props.statusLine) {
    status = addText(scene, margin, top, '', { size: type.small, color: paletteOf(scene).text.wrong });
    top += type.small * 1.4;
  }
  top += gap;

  const tileArea = { x: margin, y: top, width: textWidth, height: height - top - margin };
  const rects = placeAnswerTiles(tileArea, props.choices.length, portrait, gap);
  const group = a11y.section(t('play:question.answersLabel'), 'group');
  const tiles: AnswerTile[] = [];
  const buttons: HTMLButtonElement[] = [];
  props.choices.forEach((choice, position) => {
    const tile = new AnswerTile(
      scene,
      rects[position]!,
      {
        label: choice,
        fontSize: type.button,
        fill: paletteOf(scene).colors.tiles[position]!,
        shape: TILE_SHAPES[position]!,
        keyLabel: ANSWER_KEYS[position]![0],
        onHover: props.onHover,
      },
      () => props.onChoose(position),
    );
    // The looks of the frame after an answer, baked now so that frame only swaps textures.
    tile.prepareLooks(['picked', 'dim']);
    tiles.push(tile);
    buttons.push(a11y.button(choice, () => props.onChoose(position), rects[position]!, { parent: group }));
  });
  a11y.focus(buttons[0]);
  // A quoted claim is part of the question: it is read before the prompt, as it stands above it on the canvas.
  const spoken = {
    number: props.number,
    total: props.total,
    prompt: props.prompt,
    choices: props.choices.map((choice, i) => t('play:question.choiceSpoken', { number: i + 1, choice })).join(' '),
  };
  a11y.announce(
    props.claimQuote
      ? t('play:question.announceWithClaim', { ...spoken, quote: props.claimQuote })
      : t('play:question.announce', spoken),
  );
  return { tiles, status };
}
