// Filters that take more than one control: the source menu (several sources at once, each
// with its count) and the year shortcuts beside the date range. The view keeps the sources
// as one string (see joinSources), so a link names them in its one "src" key.
import { h, replace } from './dom.js';
import { t, fmtNumber } from '../i18n.js';

/**
 * The sources in the view's string: names joined by ",", a comma or backslash inside a name
 * escaped with a backslash. A comma followed by white space belongs to the name, so links
 * from before several sources ("src=Reuters, Inc") still name one source.
 */
export function splitSources(text) {
  const s = String(text ?? '');
  const out = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && (s[i + 1] === ',' || s[i + 1] === '\\')) cur += s[++i];
    else if (c === ',' && !/\s/.test(s[i + 1] ?? '')) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return [...new Set(out.map((n) => n.trim()).filter(Boolean))];
}

/** The view's string for `names`, sorted so one choice makes one link. */
export function joinSources(names) {
  return [...new Set(names)].filter(Boolean).sort().map((n) => n.replace(/[\\,]/g, '\\$&')).join(',');
}

/**
 * Turns the source field (`<label>` + `<select>` in index.html) into a menu of checkboxes:
 * a disclosure button that names the choice, and a panel listing every source with its
 * count. `onChange(names)` gets the checked names. Returns `{update(counts, selected), close(),
 * isOpen()}`.
 */
export function sourceMenu(field, onChange) {
  const label = field.querySelector('label');
  label.removeAttribute('for');
  label.id = 'source-label';
  const choice = h('span', { id: 'source-choice' });
  const summary = h('summary', { class: 'button small', 'aria-labelledby': 'source-label source-choice' }, choice);
  const legend = h('legend', { class: 'visually-hidden' });
  const list = h('div', { class: 'source-options' });
  list.style.cssText = 'display: flex; flex-direction: column';
  const panel = h('fieldset', { class: 'menu-panel' }, legend, list);
  // The shared menu panel opens toward the start; this one sits early in the filter row.
  Object.assign(panel.style, { insetInlineStart: '0', insetInlineEnd: 'auto', maxHeight: '60vh', overflowY: 'auto', margin: '0' });
  const menu = h('details', { class: 'menu source-menu', id: 'source' }, summary, panel);
  field.querySelector('select')?.remove();
  field.append(menu);
  const close = () => {
    menu.open = false;
  };
  // Leaving the menu (a click elsewhere, Tab past its last box) closes it.
  document.addEventListener('pointerdown', (e) => {
    if (menu.open && !menu.contains(e.target)) close();
  });
  menu.addEventListener('focusout', (e) => {
    if (e.relatedTarget && !menu.contains(e.relatedTarget)) close();
  });
  const checked = () => [...list.querySelectorAll('input:checked')].map((b) => b.value);

  return {
    close,
    isOpen: () => menu.open,
    /** Redraws the options (`counts`: {name: n}) with `selected` names checked. */
    update(counts, selected) {
      legend.textContent = t('filters.source');
      const chosen = new Set(selected);
      const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (const name of chosen) if (!(name in counts)) entries.push([name, 0]);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (!chosen.size) replace(choice, t('filters.count', { label: t('filters.sourceAll'), n: fmtNumber(total) }));
      else if (chosen.size <= 2) replace(choice, selected.flatMap((n, k) => [k ? t('list.sep') : '', h('bdi', { dir: 'auto', 'data-content': '' }, n)]));
      else replace(choice, t('n.sources', { n: chosen.size }));
      // Redrawn on every search: the focused box keeps the focus.
      const focused = list.contains(document.activeElement) ? document.activeElement.value : null;
      replace(list,
        h('button', { type: 'button', class: 'menu-item', disabled: !chosen.size, on: { click: () => onChange([]) } }, t('filters.sourceAll')),
        entries.map(([name, n]) => h('label', { class: 'menu-item' },
          h('input', { type: 'checkbox', value: name, checked: chosen.has(name), on: { change: () => onChange(checked()) } }),
          ' ', h('bdi', { dir: 'auto', 'data-content': '' }, name), ` (${fmtNumber(n)})`)),
      );
      if (focused !== null) [...list.querySelectorAll('input')].find((b) => b.value === focused)?.focus();
    },
  };
}

/**
 * The year shortcuts in `box`: one button per year with its count; a year sets the date
 * range to that year (`pick(year)`), and the pressed one clears it (`pick(null)`).
 */
export function renderYears(box, years, { from, to }, pick) {
  const entries = Object.entries(years ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  box.hidden = entries.length === 0;
  box.setAttribute('aria-label', t('filters.years'));
  replace(box, entries.map(([year, n]) => {
    const pressed = from === `${year}-01-01` && to === `${year}-12-31`;
    return h('button', { type: 'button', class: 'button ghost small', 'aria-pressed': String(pressed), on: { click: () => pick(pressed ? null : year) } },
      t('filters.count', { label: year, n: fmtNumber(n) }));
  }));
}
