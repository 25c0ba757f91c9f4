/**
 * Sending a score card on: through the device's share sheet with its text and link where the Web Share API takes
 * files, or saved as a picture where it does not (the text is then on the screen to copy).
 */

/** What became of the card: shared, saved as a download, or the player closed the share sheet. */
export type CardOutcome = 'shared' | 'saved' | 'cancelled';

export async function shareOrSaveCard(file: File, text: string, url?: string): Promise<CardOutcome> {
  const data: ShareData = { files: [file], text, ...(url ? { url } : {}) };
  if (typeof navigator.canShare === 'function' && navigator.canShare(data)) {
    try {
      await navigator.share(data);
      return 'shared';
    } catch (error) {
      if ((error as DOMException)?.name === 'AbortError') return 'cancelled';
    }
  }
  const address = URL.createObjectURL(file);
  const anchor = document.createElement('a');
  anchor.href = address;
  anchor.download = file.name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(address), 10_000);
  return 'saved';
}
