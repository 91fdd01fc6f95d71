// Share a part of the corpus as a bundle (issue 16, "Sharing a selection"): beside the whole
// corpus, a bundle of every article the current search and filters match (not one page),
// and of the open article when a link carrying it would be too long. The bundle is made
// first and its size shown; Save downloads it. Added to the share dialog by dialog.js.
import { Request } from '../protocol.js';
import { t, fmtNumber } from '../i18n.js';
import { h, replace, download, useStyles } from '../views/dom.js';
import { app, core, work } from '../page/state.js';
import { searchRequest } from '../page/search.js';
import './messages.js';

await useStyles(new URL('./selection.css', import.meta.url));

/**
 * The dialog's part for `view`: a button per selection; `openTooLong`: a link carrying the
 * open article would pass the link limit.
 */
export function selectionField(view, openTooLong) {
  const status = h('p', { class: 'share-hint', id: 'share-selection-status', 'aria-live': 'polite' });
  const make = async (payload, button) => {
    for (const b of buttons) b.disabled = true;
    status.textContent = t('share.bundleMaking');
    try {
      const { blob, name, articles } = await work(core.call(Request.EXPORT_SELECTION, payload));
      const save = h('button', { type: 'button', class: 'button primary', id: 'share-selection-save', on: { click: () => download(blob, name) } }, t('share.bundleSave'));
      replace(status, t('share.bundleReady', { n: articles, size: fmtNumber(Math.max(1, Math.ceil(blob.size / 1024))) }), ' ', save);
      save.focus();
    } catch (e) {
      status.textContent = t('share.bundleFailed', { message: e.message });
    } finally {
      for (const b of buttons) b.disabled = b === button ? false : b.dataset.off === 'true';
    }
  };
  const buttons = [
    h('button', { type: 'button', class: 'button', id: 'share-bundle-results', disabled: app.total === 0, dataset: { off: String(app.total === 0) } },
      t('share.bundleResults', { n: app.total })),
  ];
  if (view.open && openTooLong) {
    buttons.push(h('button', { type: 'button', class: 'button', id: 'share-bundle-open' }, t('share.bundleOpen')));
  }
  buttons[0].addEventListener('click', (e) => make({ search: searchRequest() }, e.currentTarget));
  buttons[1]?.addEventListener('click', (e) => make({ hashes: [view.open] }, e.currentTarget));
  return h('div', { class: 'share-field share-selection' },
    h('p', { class: 'share-label' }, t('share.selectionTitle')),
    h('p', { class: 'share-hint' }, t('share.selectionHint')),
    h('div', { class: 'share-row' }, buttons),
    status,
  );
}
