// "Did you mean …?": the core's suggestions for a query with few results (spellings the
// corpus itself uses), drawn after the result summary as buttons that run the rewritten
// query. Loaded on first need, so the start-up shell carries only the call.
import '../pkg-en/messages.js';
import { t } from '../i18n.js';
import { h } from '../views/dom.js';
import { ui, app } from '../page/state.js';

/**
 * Appends `suggestions` (`[{query, total}]`) to the result summary, unless a newer search
 * than number `seq` has started; a button runs its query through `nav.setView`.
 */
export function show(suggestions, seq, nav) {
  if (seq !== app.searchSeq) return;
  const choices = suggestions.map((s, i) => [
    i ? ', ' : '',
    // The query is corpus text, never translated; its runs in the UI's order (as typed).
    h('button', { type: 'button', class: 'button small suggestion', dir: document.dir, on: { click: () => nav.setView({ q: s.query, page: 1 }) } }, s.query),
    ' ',
    h('span', { class: 'suggestion-total' }, t('suggest.total', { n: s.total })),
  ]);
  ui.summary.append(h('span', { class: 'did-you-mean' }, ' · ', t('suggest.label'), ' ', choices, t('suggest.end')));
}
