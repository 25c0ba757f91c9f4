/** The mark bare Phaser sets when its scene is created (read by bench/run.ts). */
export const BARE_CREATE_MARK = 'bare:create';
