/** The part of fontverter (no types of its own) that reads the shipped woff2 files. */
declare module 'fontverter' {
  const fontverter: {
    convert(font: Uint8Array, format: 'truetype' | 'woff' | 'woff2'): Promise<Uint8Array>;
  };
  export default fontverter;
}
