// The entity filter: the entities the matching articles mention most (the core's entity
// facet), each a checkbox with its name in the UI language and its count; the checked ones
// must all be mentioned ("articles mentioning Putin and Macron"). The view keeps them as
// comma-separated ids (link key `ent`). Loaded on first use, with the lexicon.
import '../pkg-en/messages.js';
import { t, uiLang, fmtNumber } from '../i18n.js';
import { h } from '../views/dom.js';

/**
 * Draws the filter into `field` (a menu: a button and a panel of checkboxes). `facet`: `[{id, kind, en, ar, count}]`, most
 * first; `nav.view.ent`: the comma-separated ids chosen; `nav.setView` changes them.
 */
export function renderEntities(field, facet, nav) {
  const chosen = nav.view.ent;
  const choose = (ent) => nav.setView({ ent, page: 1 });
  const picked = chosen ? chosen.split(',') : [];
  const shown = [...facet];
  // A chosen entity stays listed (and can be unchecked) even when no match names it.
  for (const id of picked) if (!shown.some((e) => e.id === id)) shown.push({ id, en: id, ar: '', count: 0 });
  const name = (e) => (uiLang() === 'ar' ? e.ar || e.en : e.en || e.ar) || e.id;
  const toggle = (id, on) => choose((on ? [...picked, id] : picked.filter((p) => p !== id)).join(','));
  // A menu in the filter row (like Source), not a block of thirty boxes: the list arrives
  // with the lexicon, after the page is drawn, and would push everything below it down.
  const wasOpen = field.querySelector('details')?.open ?? false;
  const menu = h('details', { class: 'menu entity-menu', open: wasOpen },
    h('summary', { class: 'button small' }, picked.length ? t('filters.entityCount', { name: t('filters.entity'), n: fmtNumber(picked.length) }) : t('filters.entity')),
    h('fieldset', { class: 'menu-panel' }, h('legend', { class: 'visually-hidden' }, t('filters.entity')),
      ...shown.slice(0, 30).map((e) => h('label', { class: 'entity-choice', 'data-entity': e.id },
        h('input', { type: 'checkbox', checked: picked.includes(e.id), on: { change: (ev) => toggle(e.id, ev.target.checked) } }),
        ' ', h('bdi', { dir: 'auto', 'data-content': '' }, t('filters.entityCount', { name: name(e), n: fmtNumber(e.count) })))),
    ),
  );
  field.replaceChildren(menu);
  if (!field.dataset.menu) {
    field.dataset.menu = 'true';
    // Esc or a click elsewhere closes the menu, as the other menus.
    document.addEventListener('pointerdown', (e) => {
      const open = field.querySelector('details[open]');
      if (open && !open.contains(e.target)) open.open = false;
    });
    field.addEventListener('keydown', (e) => {
      const open = field.querySelector('details[open]');
      if (e.key !== 'Escape' || !open) return;
      e.stopPropagation();
      open.open = false;
      open.querySelector('summary').focus();
    });
  }
}
