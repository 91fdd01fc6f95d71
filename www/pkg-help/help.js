// "How to search" beside the search box (loaded the first time it opens, not part of the
// start-up shell): the query language as the parser reads it (src/query/parse.rs), one row
// per construct, each example a button that runs it. Examples are query syntax, the same in
// both UI languages; the explanations come from the message table.
import { h, replace, useStyles } from '../views/dom.js';
import { t } from '../i18n.js';
import { ui } from '../page/state.js';
import './messages.js';

await useStyles(new URL('../pkg-views/views.css', import.meta.url));
await useStyles(new URL('./help.css', import.meta.url));

/** `[message key, examples]`, in the order a newcomer needs them. */
const ROWS = [
  ['help.words', ['Macron Rouhani', 'ماكرون روحاني']],
  ['help.phrase', ['"Eastern Ghouta"', '"الغوطة الشرقية"']],
  ['help.or', ['Macron OR ماكرون', 'Ghouta | الغوطة']],
  ['help.not', ['Ghouta -Aleppo', 'الغوطة NOT حلب']],
  ['help.group', ['(Putin OR بوتين) Syria']],
  ['help.prefix', ['negot*', 'الغوط*']],
  ['help.exact', ['=Iran’s', '=أحمد']],
  ['help.fuzzy', ['Rohani~', 'Rouhani~2']],
  ['help.regex', ['/غوطة|الغوطة/', '/Le Dri[a-z]n/']],
  ['help.headline', ['title:Ghouta', 'title:"Eastern Ghouta"']],
  ['help.filters', ['lang:ar', 'source:Reuters', 'file:2018/']],
];

let dialog = null;

/** Opens the help; an example's button closes it and runs that query. */
export function open(opener) {
  dialog ??= document.body.appendChild(h('dialog', { id: 'query-help-dialog', class: 'dialog help-dialog', 'aria-labelledby': 'query-help-title' }));
  const run = (query) => {
    dialog.close();
    ui.q.value = query;
    ui.form.requestSubmit();
  };
  replace(dialog,
    h('div', { class: 'dialog-form' },
      h('h2', { class: 'dialog-title', id: 'query-help-title' }, t('help.title')),
      h('dl', { class: 'help-rows' }, ROWS.map(([key, examples]) => [
        h('dt', {}, examples.map((q) => h('button', { type: 'button', class: 'help-example', dir: 'auto', translate: 'no', 'data-query': q, on: { click: () => run(q) } }, q))),
        h('dd', {}, t(key)),
      ])),
      h('p', { class: 'dialog-message' }, t('help.more')),
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'button ghost', on: { click: () => dialog.close() } }, t('reader.close'))),
    ),
  );
  dialog.addEventListener('close', () => opener?.focus(), { once: true });
  dialog.showModal();
  dialog.querySelector('.help-example')?.focus();
}
