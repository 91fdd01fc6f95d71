// Keyboard use: "/" focuses the search box, the arrow keys (and Home/End) move between
// result titles, ↓ from the search box enters the list and ↑ from its first row leaves it,
// Enter opens (the titles are buttons), Esc closes what is open. Open dialogs keep the keys.

/** Whether a key typed at `target` is text for it (then `/` is a slash, not a shortcut). */
function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'file', 'button', 'submit', 'reset'].includes(target.type);
}

/** Moves the focus between the `.hit-open` titles of `list`; false when the key is not for it. */
function moveInResults(e, list, searchBox) {
  const titles = [...list.querySelectorAll('.hit-open')];
  if (!titles.length) return false;
  const row = e.target.closest?.('.hit');
  const at = row ? titles.indexOf(row.querySelector('.hit-open')) : -1;
  let next = null;
  if (e.target === searchBox) {
    if (e.key === 'ArrowDown') next = 0;
  } else if (row && list.contains(row)) {
    if (e.key === 'ArrowDown') next = Math.min(at + 1, titles.length - 1);
    else if (e.key === 'ArrowUp') next = at - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = titles.length - 1;
  }
  if (next === null) return false;
  if (next < 0) searchBox.focus();
  else {
    titles[next].focus();
    titles[next].scrollIntoView({ block: 'nearest' });
  }
  return true;
}

/**
 * Installs the page's keys. `searchBox`, `list`: elements; `escape()`: closes the innermost
 * open thing and returns whether it did.
 */
export function installKeys({ searchBox, list, escape }) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (document.querySelector('dialog[open]')) return; // the dialog has the keyboard
    if (e.key === '/' && !isTyping(e.target)) {
      e.preventDefault();
      searchBox.focus();
      searchBox.select();
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
      if (e.target === searchBox ? e.key !== 'ArrowDown' : isTyping(e.target)) return;
      if (moveInResults(e, list, searchBox)) e.preventDefault();
    } else if (e.key === 'Escape') {
      if (escape()) e.preventDefault();
    }
  });
}
