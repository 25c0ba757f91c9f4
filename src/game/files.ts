/** Files in and out of the page: a hidden file picker opened by a button, dropped files, and downloads. */

export interface FilePicker {
  /** Opens the device's file chooser; call it from a button's action (a user's gesture). */
  open(): void;
  destroy(): void;
}

/** A hidden `<input type="file">` that hands on each file chosen (the same file may be chosen again). */
export function createFilePicker(parent: HTMLElement, accept: string, onFile: (file: File) => void): FilePicker {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.hidden = true;
  input.tabIndex = -1;
  input.dataset.name = 'file-picker';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file);
  });
  parent.append(input);
  return { open: () => input.click(), destroy: () => input.remove() };
}

/**
 * Takes files dropped anywhere on the page (rather than letting the browser open them) while it is on.
 * `onHover` says when a file is being dragged over the page, to show where it can go. Returns the off switch.
 */
export function acceptDrops(
  target: Window,
  handlers: { onFile: (file: File) => void; onHover: (dragging: boolean) => void },
): () => void {
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    handlers.onHover(true);
  };
  const leave = (event: DragEvent) => {
    // Only leaving the window itself counts; moving between elements fires leave events too.
    if (event.relatedTarget === null) handlers.onHover(false);
  };
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    handlers.onHover(false);
    const file = event.dataTransfer?.files[0];
    if (file) handlers.onFile(file);
  };
  target.addEventListener('dragenter', over);
  target.addEventListener('dragover', over);
  target.addEventListener('dragleave', leave);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragenter', over);
    target.removeEventListener('dragover', over);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('drop', drop);
  };
}

/** Lets the browser save a text as a file (the download bar or the Files app). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has had time to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
