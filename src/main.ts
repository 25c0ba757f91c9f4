/** Wires the game: storage, high scores, sound, the accessible layer, the font, Phaser's config and the scenes. */
import Phaser from 'phaser';
import { AccessibleLayer } from './a11y/AccessibleLayer';
import { trackInputModality } from './a11y/inputModality';
import { GameSound } from './audio/GameSound';
import { reducesMotion } from './core/preferences';
import { randomSeedFrom } from './core/rng';
import { localDateOf } from './core/dailyDay';
import { requestBank } from './game/bankLoader';
import { provideServices, type GameServices } from './game/services';
import { forgetChallengeAddress, readChallengeAddress, watchPastedLinks } from './game/challengeAddress';
import { openPastedLink } from './game/pastedLink';
import { RoundFlow } from './game/roundFlow';
import { exposeDrawCounts, exposeTestHooks } from './game/testHooks';
import { drawOnlyChanges } from './engine/drawOnlyChanges';
import { DEFAULT_TEXTURES_MADE_HERE, makeDefaultTextures } from './engine/defaultTextures';
import { ErrorScene } from './scenes/ErrorScene';
import { PreloadScene } from './scenes/PreloadScene';
import { TitleScene } from './scenes/TitleScene';
import {
  BACKGROUND_WORK_LATEST_MS,
  BANK_URL,
  BANK_WAIT_BEFORE_BOOT_MS,
  TITLE_INTERACTIVE_MARK,
} from './game/pageConstants';
import { LAZY_SCREENS } from './scenes/lazyScreens';
import { SceneKey } from './scenes/keys';
import { Navigator } from './scenes/navigator';
import { HighScoreStore } from './storage/HighScoreStore';
import { PreferencesStore } from './storage/PreferencesStore';
import { SafeStorage } from './storage/SafeStorage';
import { loadFonts } from './ui/fonts';
import { gameSizeFor } from './ui/layout';
import { canvasSizeOf, renderScaleFor, setView, type View } from './ui/renderScale';
import { applyPageTheme } from './ui/pageTheme';
import { applyPageLanguage, translatorFor } from './ui/pageLanguage';
import { loadSpanishBankFor } from './game/spanishQuestions';
import { keepBankOnArrival, titleCanOpenBeforeBank } from './game/titleBeforeBank';
import { prepareSavedRound } from './game/roundRestorer';
import type { Translator } from './i18n/translator';
import { FONT_FAMILY, usePalette } from './ui/theme';

export async function startGame(parent: HTMLElement, a11yRoot: HTMLElement): Promise<Phaser.Game> {
  // First, so the download overlaps Phaser's start-up. Not preloaded by index.html: on a slow connection it would
  // share the line with the scripts and the font that the title needs, and the title no longer waits for it.
  const bankRequest = requestBank(BANK_URL);
  const storage = SafeStorage.fromWindow();
  // A round kept before a reload: the code that restores it comes now, beside the bank its title waits for.
  const savedRoundCode = prepareSavedRound(storage);
  const highScores = new HighScoreStore(storage);
  const preferences = new PreferencesStore(storage);
  const palette = applyPageTheme(preferences.get().highContrast);
  for (const problem of [...highScores.problems, ...preferences.problems]) console.warn(`Source Check: ${problem}`);
  const a11y = new AccessibleLayer(a11yRoot);
  trackInputModality(a11yRoot);
  const sound = new GameSound(
    preferences,
    {
      // Read-only hooks for the page (and the browser tests): the audio's state and the last cue played.
      state: (state) => (document.body.dataset.audio = state),
      played: (cue) => (document.body.dataset.soundCue = cue),
    },
    window,
  );
  const deviceReducesMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  let titleMarked = false;
  const services: GameServices = {
    a11y,
    navigator: new Navigator(LAZY_SCREENS, (message) => a11y.announce(message)),
    rounds: new RoundFlow(
      () => services.bank,
      () => forgetChallengeAddress(window),
    ),
    bankRequest,
    highScores,
    persistent: storage.persistent,
    preferences,
    storage,
    sound,
    get reduceMotion() {
      return reducesMotion(preferences.get().motion, deviceReducesMotion?.matches ?? false);
    },
    today: () => localDateOf(new Date()),
    now: () => performance.now(),
    newSeed: () => {
      const values = new Uint32Array(1);
      crypto.getRandomValues(values);
      return randomSeedFrom(values[0]!);
    },
    markTitleInteractive: () => {
      document.body.dataset.screen = 'title';
      if (titleMarked) return;
      titleMarked = true;
      performance.mark(TITLE_INTERACTIVE_MARK);
      afterFirstFrame(() => {
        // Offline support is never on the way to the first screen either.
        if (import.meta.env.PROD) {
          void import('./offline/registerOffline').then(({ registerOffline }) => registerOffline('./sw.js'));
        }
        // Sound is never on the way to the first screen: Howler and the files load once it takes input.
        void sound.load();
        // Nor are the screens around a round: they download in the background.
        services.navigator.prefetch();
      });
    },
  };

  // Phaser starts now, with no scene yet: its renderer is ready while the font, the interface's language and the
  // bank's first moments are awaited below.
  // The canvas has as many pixels as the screen shows (up to a cap); the screens are laid out in game pixels.
  const viewFor = (): View => {
    const size = gameSizeFor(parent.clientWidth, parent.clientHeight);
    const css = { width: parent.clientWidth, height: parent.clientHeight };
    return { ...size, renderScale: renderScaleFor(css, size, window.devicePixelRatio) };
  };
  let view = viewFor();
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    ...canvasSizeOf(view),
    backgroundColor: palette.colors.ink,
    roundPixels: true,
    // Text, button faces and the countdown are antialiased in their textures already; multisampling the canvas
    // as well held every screen at 30 fps in software rendering (a school laptop without a GPU driver).
    antialiasGL: false,
    // One texture per draw call. Phaser's default shader picks among all the texture units for every pixel, and
    // in software rendering that per-pixel choice cost more than the whole frame's extra draw calls: with it, one
    // frame in twenty on the question screen took two vsyncs; with one unit, one in five hundred.
    maxTextures: 1,
    // Howler will own audio; Phaser must not open a second AudioContext.
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    input: { keyboard: true, mouse: true, touch: true },
    banner: false,
    images: DEFAULT_TEXTURES_MADE_HERE,
  });
  // Phaser boots inside its constructor when the page is already parsed (it is, for a module script), and
  // otherwise on DOMContentLoaded; its default textures are made as it boots, so its scenes can start at once.
  const whenBooted = (action: () => void) => {
    if (game.isBooted) action();
    else game.events.once(Phaser.Core.Events.BOOT, action);
  };
  whenBooted(() => makeDefaultTextures(game));
  provideServices(game, services);
  usePalette(game, preferences.get().highContrast);
  exposeTestHooks({ game, phaser: Phaser, services });

  // Phaser measures and draws each text once, so the font must be there before the first scene; a challenge
  // link is read meanwhile (its reader is a download of its own: most visits have no challenge).
  const [translator, fontLoaded, incoming] = await Promise.all([
    translatorFor(preferences.get().language, navigator.languages),
    loadFonts(),
    readChallengeAddress(window),
  ]);
  services.rounds.receiveLink(incoming);
  // The title opens without the bank (a slow connection: its footer and Play wait for it) unless its first build
  // needs it (a round to resume, a link to follow). Those visits wait for it a moment: read and checked now, before
  // the first screen is built, it lets them open without a loading screen's frame in between.
  const titleFirst = titleCanOpenBeforeBank({ location: window.location, storage, incoming });
  const early = await Promise.race([bankRequest.result, delay(titleFirst ? 0 : BANK_WAIT_BEFORE_BOOT_MS)]);
  if (early && 'bundle' in early) services.bank = early.bundle;
  await savedRoundCode;
  keepBankOnArrival(services);
  document.body.dataset.font = fontLoaded ? 'loaded' : 'fallback';
  // The page's own text (the update bar, text fields) in the same face as the canvas.
  document.body.style.fontFamily = FONT_FAMILY;

  applyPageLanguage(translator, game);
  // The bank's Spanish follows the interface: fetched now, or when Settings turns the interface Spanish.
  void loadSpanishBankFor(services, translator);
  game.registry.events.on('changedata-translator', (_game: unknown, next: Translator) => {
    void loadSpanishBankFor(services, next);
  });
  setView(game, view);

  // The accessible layer follows the canvas from the moment it exists: the first scene is created when
  // Phaser is ready, and our own READY listener would run only after it.
  const onBoot = () => {
    document.body.dataset.renderer = game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';
    a11y.attach({ canvas: game.canvas, gameSize: () => ({ width: view.width, height: view.height }) });
    game.scale.on(Phaser.Scale.Events.RESIZE, () => a11y.relayout());
  };
  whenBooted(onBoot);
  // Phaser starts its loop just before READY; from then on a frame is drawn only when the screen would change.
  const onReady = () => exposeDrawCounts(drawOnlyChanges(game));
  if (game.isRunning) onReady();
  else game.events.once(Phaser.Core.Events.READY, onReady);

  // A turn between portrait and landscape picks the other layout: the visible screen is rebuilt
  // from its own data (a question's countdown lives in the session, so no time is lost or gained).
  const onResize = () => {
    const wanted = viewFor();
    if (wanted.width === view.width && wanted.height === view.height && wanted.renderScale === view.renderScale) {
      a11y.relayout();
      return;
    }
    view = wanted;
    setView(game, view);
    const canvas = canvasSizeOf(view);
    game.scale.setGameSize(canvas.width, canvas.height);
    services.navigator.rebuildVisible(game);
  };
  window.addEventListener('resize', onResize);
  watchPastedLinks(window, (pasted) => openPastedLink(game, services, pasted));
  // The first scene listed starts (at once if Phaser is ready, else when it is). The loading screen also reports a
  // bank that could not be loaded.
  const scenes =
    services.bank || (titleFirst && !early)
      ? ([
          [SceneKey.Title, TitleScene],
          [SceneKey.Preload, PreloadScene],
        ] as const)
      : ([
          [SceneKey.Preload, PreloadScene],
          [SceneKey.Title, TitleScene],
        ] as const);
  for (const [index, [key, scene]] of [...scenes, [SceneKey.Error, ErrorScene] as const].entries()) {
    game.scene.add(key, scene, index === 0);
  }
  return game;
}

/**
 * Runs work once the title's first frame is drawn: starting the background downloads took 10–20 ms, inside the
 * title's build, before anything was on screen. A tab that is hidden draws no frames: the timer starts it anyway.
 */
function afterFirstFrame(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, BACKGROUND_WORK_LATEST_MS);
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

const parent = document.getElementById('game');
const a11yRoot = document.getElementById('a11y');
if (parent && a11yRoot) void startGame(parent, a11yRoot);
