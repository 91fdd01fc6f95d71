// The ingest report: how many files became articles, and every file that did not, by name.
import { h, replace, plural } from './dom.js';

/** Above this many warnings the list starts collapsed. */
const OPEN_LIMIT = 20;

/** Shows reading progress: `done` of `total` files. */
export function renderProgress(box, done, total) {
  const progress = h('progress', { max: String(total), value: String(done), 'aria-label': 'Files read' });
  replace(box, h('div', { class: 'report-box is-progress' },
    h('p', { class: 'report-summary' }, `Reading files… ${done.toLocaleString('en')} of ${plural(total, 'file')}`),
    progress,
  ));
}

/**
 * Shows `report` (`{files, added, warnings}`) in `box`; `actions.dismiss()` clears it.
 * `label` says what was read ("Upload", "Seed articles").
 */
export function renderReport(box, report, label, actions) {
  const { files, added, warnings } = report;
  const summary = `${label}: added ${plural(added.length, 'article')} from ${plural(files, 'file')}.`;
  const items = warnings.map((w) =>
    h('li', { class: w.skipped ? 'is-skipped' : 'is-note' },
      h('span', { class: 'report-file', dir: 'auto' }, w.file),
      h('span', { class: 'report-message' }, w.skipped ? `not added: ${w.message}` : w.message)),
  );
  const list = h('ul', { class: 'report-warnings' }, items);
  const skipped = warnings.filter((w) => w.skipped).length;
  const notes = warnings.length - skipped;
  const what = [skipped ? `${plural(skipped, 'file')} not added` : '', notes ? `${plural(notes, 'note')} on added files` : '']
    .filter(Boolean)
    .join(', ');
  const warn = warnings.length
    ? h('details', { class: 'report-details', open: warnings.length <= OPEN_LIMIT },
        h('summary', {}, what),
        list,
      )
    : null;
  replace(box, h('div', { class: `report-box ${warnings.length ? 'has-warnings' : 'is-ok'}` },
    h('div', { class: 'report-text' }, h('p', { class: 'report-summary' }, summary), warn),
    h('button', { type: 'button', class: 'button ghost report-dismiss', on: { click: actions.dismiss } }, 'Dismiss'),
  ));
}

/** Empties the report. */
export function clearReport(box) {
  box.replaceChildren();
}
