// Modal dialogs on the native <dialog> element (focus trapping, Esc, and the inert page come
// with it): a confirmation with choices, and the share dialog.
import { h, replace, useStyles } from '../views/dom.js';
import { t } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows

await useStyles(new URL('./views.css', import.meta.url));

/**
 * Asks a question in `dialog`: resolves the chosen button's `value`, or null when cancelled
 * (Esc or the cancel button). `choices`: `[{value, label, danger?, primary?}]`. Each of
 * `details` (a query, file names) is isolated in the UI's direction, so a mixed English and
 * Arabic query keeps its typed order.
 */
export function ask(dialog, { title, message, details = [], choices }) {
  return new Promise((resolve) => {
    const buttons = [
      h('button', { type: 'submit', class: 'button ghost', value: 'cancel', formnovalidate: true }, t('dialog.cancel')),
      ...choices.map((c) => h('button', {
        type: 'submit',
        value: c.value,
        class: `button ${c.danger ? 'danger' : c.primary ? 'primary' : ''}`.trim(),
        'data-choice': c.value,
      }, c.label)),
    ];
    replace(dialog,
      h('form', { method: 'dialog', class: 'dialog-form' },
        h('h2', { class: 'dialog-title', id: `${dialog.id}-title` }, title),
        h('p', { class: 'dialog-message' }, message),
        details.length ? h('ul', { class: 'dialog-details' }, details.map((d) => h('li', {}, h('bdi', { dir: document.dir }, d)))) : null,
        h('div', { class: 'dialog-buttons' }, buttons),
      ),
    );
    dialog.setAttribute('aria-labelledby', `${dialog.id}-title`);
    dialog.returnValue = '';
    dialog.addEventListener('close', () => {
      const v = dialog.returnValue;
      resolve(v && v !== 'cancel' ? v : null);
    }, { once: true });
    dialog.showModal();
    // The safe answer has the focus: Enter on a destructive question does not destroy.
    buttons[0].focus();
  });
}

/**
 * The share dialog. `info`: `{viewLink, carry: {state, link?, chars?, count?, limit, reason?}}`
 * where carry.state is "none" | "ok" | "toolong" | "error". `actions`: `{copy(text, button),
 * exportBundle()}`.
 */
export function renderShare(dialog, info, actions) {
  const field = (id, label, value, hint) => {
    const input = h('input', { type: 'text', id, class: 'share-link', readonly: true, value, dir: 'ltr', spellcheck: 'false', 'data-content': '' });
    input.value = value;
    input.addEventListener('focus', () => input.select());
    const copy = h('button', { type: 'button', class: 'button primary share-copy', on: { click: (e) => actions.copy(input.value, e.currentTarget) } }, t('share.copy'));
    return h('div', { class: 'share-field' },
      h('label', { for: id, class: 'share-label' }, label),
      h('div', { class: 'share-row' }, input, copy),
      hint ? h('p', { class: 'share-hint' }, hint) : null,
    );
  };
  const carry = info.carry;
  let carried;
  if (carry.state === 'ok') {
    carried = field('share-carry', t('share.carryLabel', { n: carry.count }), carry.link, t('share.carryHint', { chars: carry.chars, limit: carry.limit }));
  } else {
    carried = h('div', { class: 'share-field' },
      h('p', { class: 'share-label' }, t('share.carryTitle')),
      h('p', { class: 'share-hint', id: 'share-carry-why' },
        carry.state === 'toolong' ? t('share.carryTooLong', { chars: carry.chars, limit: carry.limit })
          : carry.state === 'error' ? t('share.carryError') : t('share.carryNone')),
    );
  }
  replace(dialog,
    h('form', { method: 'dialog', class: 'dialog-form share-form' },
      h('h2', { class: 'dialog-title', id: 'share-title' }, t('share.title')),
      field('share-view', t('share.viewLabel'), info.viewLink, t('share.viewHint')),
      carried,
      h('div', { class: 'share-field' },
        h('p', { class: 'share-label' }, t('share.bundleTitle')),
        h('p', { class: 'share-hint' }, t('share.bundleHint')),
        h('button', { type: 'button', class: 'button share-bundle', on: { click: actions.exportBundle } }, t('corpus.export')),
      ),
      h('div', { class: 'dialog-buttons' }, h('button', { type: 'submit', class: 'button', value: 'close' }, t('dialog.close'))),
    ),
  );
  dialog.setAttribute('aria-labelledby', 'share-title');
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('#share-view')?.focus();
}
