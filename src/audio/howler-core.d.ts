/** Howler's core build: the package's API without the 3D-audio plugin the game has no use for. */
declare module 'howler/src/howler.core.js' {
  export { Howl, Howler } from 'howler';
}
