// Files from outside the page, read into `[{name, blob}]` lists on first use: the file
// pickers' lists (a folder picker's paths) and what was dropped (folders walked with the
// File and Directory Entries API). I/O only: it never reads a byte of a file itself.

/** Dotfiles and folders (.DS_Store, .git/) found while walking a dropped or picked folder. */
function isHidden(path) {
  return path.split('/').some((part) => part.startsWith('.'));
}

/** `[{name, blob}]` of a file input (`useRelativePath`: a folder picker's paths); empties it. */
export function fromInput(input, useRelativePath) {
  const files = [...input.files].map((f) => ({ name: (useRelativePath && f.webkitRelativePath) || f.name, blob: f }));
  input.value = ''; // picking the same files again fires `change` again
  return useRelativePath ? files.filter((f) => !isHidden(f.name)) : files;
}

/**
 * `[{name: path, blob}]` of a drop: its entries (taken during the event) walked, hidden
 * files skipped inside folders; the plain file list when the browser gave no entries.
 */
export async function fromDrop(entries, plain) {
  return entries.length && entries.every(Boolean)
    ? (await Promise.all(entries.map((entry) => walk(entry)))).flat()
    : plain.map((f) => ({ name: f.name, blob: f }));
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
    children.push(...batch.filter((c) => !isHidden(c.name)));
  }
  const path = `${prefix}${entry.name}/`;
  return (await Promise.all(children.map((c) => walk(c, path)))).flat();
}
