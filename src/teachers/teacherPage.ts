/**
 * The teacher pages' only script: registers the game's service worker, so that a teacher who has opened only
 * these pages still has them (and the game) offline. Updates are left to the game, which offers them.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('./sw.js')
    .catch((error: unknown) => console.warn('Source Check: offline reading is not available here', error));
}

export {};
