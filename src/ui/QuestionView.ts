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

export interface QuestionViewProps {
  /** Where the claim (or the prompt) starts. */
  top: number;
  number: number;
  total: number;
  claimQuote?: string;
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
  let top = props.top;
  const textWidth = width - margin * 2;
  if (props.claimQuote) {
    const claim = addText(scene, margin, top, `The article claims: “${props.claimQuote}”`, {
      size: type.small,
      color: paletteOf(scene).text.muted,
      wrapWidth: textWidth,
    });
    props.fit(claim, height * (portrait ? CLAIM_SHARE.portrait : CLAIM_SHARE.landscape), 'claim', 14);
    top += claim.height + gap;
    a11y.text(`The article claims: ${props.claimQuote}`, { label: 'Claim' });
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
  const group = a11y.section('Answers', 'group');
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
  const claim = props.claimQuote ? ` The article claims: “${props.claimQuote}”` : '';
  a11y.announce(
    `Question ${props.number} of ${props.total}.${claim} ${props.prompt} ${props.choices.map((choice, i) => `${i + 1}: ${choice}.`).join(' ')}`,
  );
  return { tiles, status };
}
