// "Name outlets…" in the Corpus menu (loaded on first use, not part of the start-up shell):
// the user picks files by folder or by a part of their names (`fakes_*_alaraby`), sees how
// many match as they type, and names the outlet their articles come from. The core matches
// and folds the name (pkg-outlets/worker.js); the page only asks and shows.
import { Request } from '../protocol.js';
import { h, replace, useStyles } from '../views/dom.js';
import { t } from '../i18n.js';
import { renderMessage, clearReport } from '../views/report.js';
import { ui, core, work } from '../page/state.js';
import { runSearch } from '../page/search.js';
import './messages.js';

await useStyles(new URL('../pkg-views/views.css', import.meta.url));

let dialog = null;

/** Opens the dialog; resolves when it is closed (after naming, the list is searched again). */
export function open() {
  dialog ??= document.body.appendChild(h('dialog', { id: 'outlets-dialog', class: 'dialog', 'aria-labelledby': 'outlets-title' }));
  const pattern = h('input', { type: 'text', id: 'outlets-pattern', dir: 'auto', autocomplete: 'off', spellcheck: 'false', required: true });
  const name = h('input', { type: 'text', id: 'outlets-name', dir: 'auto', autocomplete: 'off', required: true });
  const count = h('p', { class: 'dialog-message', id: 'outlets-count', 'aria-live': 'polite' });
  const sample = h('ul', { class: 'dialog-details', id: 'outlets-sample', dir: 'auto' });
  const apply = h('button', { type: 'submit', class: 'button primary', id: 'outlets-apply', value: 'name', disabled: true }, t('outlets.apply'));
  let seq = 0;
  let matched = 0;
  const refresh = async () => {
    const mine = ++seq;
    const m = pattern.value.trim() ? await core.call(Request.OUTLET_FILES, { pattern: pattern.value }) : { articles: 0, files: 0, sample: [] };
    if (mine !== seq) return; // a newer keystroke asked again
    matched = m.articles;
    count.textContent = pattern.value.trim() ? (m.articles ? t('outlets.match', { n: m.articles, files: m.files }) : t('outlets.none')) : '';
    replace(sample, m.sample.map((f) => h('li', {}, f)));
    apply.disabled = !matched || !name.value.trim();
  };
  pattern.addEventListener('input', refresh);
  name.addEventListener('input', () => { apply.disabled = !matched || !name.value.trim(); });
  replace(dialog,
    h('form', { method: 'dialog', class: 'dialog-form' },
      h('h2', { class: 'dialog-title', id: 'outlets-title' }, t('outlets.title')),
      h('p', { class: 'dialog-message' }, t('outlets.help', { example: 'fakes_*_alaraby' })),
      h('label', { for: 'outlets-pattern' }, t('outlets.pattern')), pattern, count, sample,
      h('label', { for: 'outlets-name' }, t('outlets.name')), name,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'submit', class: 'button ghost', value: 'cancel', formnovalidate: true }, t('dialog.cancel')),
        apply),
    ),
  );
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', async () => {
      if (dialog.returnValue === 'name') await nameThem(pattern.value, name.value);
      resolve();
    }, { once: true });
    dialog.showModal();
    pattern.focus();
  });
}

async function nameThem(pattern, name) {
  let r;
  try {
    r = await work(core.call(Request.NAME_OUTLET, { pattern, name }));
  } catch (e) {
    renderMessage(ui.report, t('outlets.failed', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
    return;
  }
  const text = r.refused ? t('outlets.refused', { name: name.trim() })
    : t('outlets.done', { n: r.articles, name: r.name ?? '' });
  renderMessage(ui.report, text, { tone: r.refused ? 'warn' : undefined, dismiss: () => clearReport(ui.report) });
  await runSearch();
}
