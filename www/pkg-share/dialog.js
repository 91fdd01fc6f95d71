// The share dialog: a link to the view, and, when the view names articles, a link that
// carries them (if it fits MAX_LINK_CHARS) or a pointer to a bundle. Loaded the first time
// the user shares (not part of the start-up shell).
import { Request } from '../protocol.js';
import { t } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows
import { viewHashes, linkFor, MAX_LINK_CHARS } from '../share.js';
import { ui, core, work } from '../page/state.js';
import { renderShare } from '../pkg-views/dialogs.js';
import { encodeArticles } from './articles.js';
import { selectionField } from './selection.js';

/** Shows the dialog for `view`; `actions.exportBundle()` exports the corpus as a bundle. */
export async function openShareDialog(view, actions) {
  const base = location.href.replace(/#.*$/, '');
  const viewLink = linkFor(base, view);
  const hashes = viewHashes(view);
  let carry = { state: 'none', limit: MAX_LINK_CHARS };
  if (hashes.length) {
    try {
      const { files } = await work(core.call(Request.FILES, { hashes }));
      const data = await encodeArticles(files);
      const link = linkFor(base, view, data);
      carry = link.length <= MAX_LINK_CHARS
        ? { state: 'ok', link, chars: link.length, count: files.length, limit: MAX_LINK_CHARS }
        : { state: 'toolong', chars: link.length, limit: MAX_LINK_CHARS };
    } catch {
      carry = { state: 'error', limit: MAX_LINK_CHARS };
    }
  }
  renderShare(ui.shareDialog, { viewLink, carry }, {
    copy: async (text, button) => {
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = t('share.copied');
      } catch {
        button.textContent = t('share.copyFailed');
      }
    },
    exportBundle: () => {
      ui.shareDialog.close();
      actions.exportBundle();
    },
  });
  // A bundle of the results or of the open article, beside the whole corpus's.
  ui.shareDialog.querySelector('.dialog-buttons')?.before(selectionField(view, carry.state === 'toolong'));
}
