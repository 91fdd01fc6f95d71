// Files from outside the page: the folder picker's paths, and files or whole folders dropped
// anywhere on the page (walked with the File and Directory Entries API). I/O only: it hands
// `[{name, blob}]` lists to the page and never reads a byte itself.

/** Dotfiles and folders (.DS_Store, .git/) found while walking a dropped or picked folder. */
export function isHidden(path) {
  return path.split('/').some((part) => part.startsWith('.'));
}

/** `[{name, blob}]` of a file input (`useRelativePath`: a folder picker's paths); empties it. */
export function fromInput(input, useRelativePath) {
  const files = [...input.files].map((f) => ({ name: (useRelativePath && f.webkitRelativePath) || f.name, blob: f }));
  input.value = ''; // picking the same files again fires `change` again
  return useRelativePath ? files.filter((f) => !isHidden(f.name)) : files;
}

/**
 * Makes the whole window a drop target: `overlay` shows while files are dragged over, and
 * `onDrop(files)` receives `[{name: path, blob}]` (folders walked, hidden files skipped).
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
  window.addEventListener('drop', async (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    // Entries must be taken during the event; reading folders happens afterwards.
    const items = [...e.dataTransfer.items].filter((i) => i.kind === 'file');
    const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    const plain = [...e.dataTransfer.files];
    const files = entries.length && entries.every(Boolean)
      ? (await Promise.all(entries.map((entry) => walk(entry)))).flat()
      : plain.map((f) => ({ name: f.name, blob: f }));
    onDrop(files);
  });
}

/** Files under a dropped entry: `[{name: path, blob}]`, hidden files skipped inside folders. */
async function walk(entry, prefix = '') {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject)).catch(() => null);
    return file ? [{ name: prefix + file.name, blob: file }] : [];
  }
  if (!entry.isDirectory) return [];
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject)).catch(() => []);
    if (!batch.length) break;
    children.push(...batch.filter((c) => !c.name.startsWith('.')));
  }
  const path = `${prefix}${entry.name}/`;
  return (await Promise.all(children.map((c) => walk(c, path)))).flat();
}
