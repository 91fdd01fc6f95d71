// Makes the whole window a drop target. Only the drag events live in the start-up shell;
// the files are read into lists by www/pkg-corpus/files.js, loaded on the first drop.

/**
 * Shows `overlay` while files are dragged over the window; `onDrop(entries, files)` receives
 * the drop's entries (taken during the event, as the browser requires) and its plain files.
 */
export function installDrop(overlay, onDrop) {
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    if (--depth <= 0) {
      depth = 0;
      overlay.hidden = true;
    }
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const items = [...e.dataTransfer.items].filter((i) => i.kind === 'file');
    onDrop(items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null)), [...e.dataTransfer.files]);
  });
}
