// The ingest report, shown after files were added, imported or restored: how many articles
// were added and saved, every file that was not, and why. Loaded on first use with the rest
// of www/pkg-corpus/ (not part of the start-up shell).
import { h, replace, coreMessage } from '../views/dom.js';
import { t } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows

/** Above this many warnings the list starts collapsed. */
const OPEN_LIMIT = 20;

/**
 * Lines a list shows; the rest are counted in a last line (the CSV download has them all):
 * a grown upload of 100,000 files with a note each made 400,000 elements, and every style
 * pass and selector on the page paid for them.
 */
const LIST_LIMIT = 200;

/** The first LIST_LIMIT of `list` drawn by `line`, and a line counting the rest. */
function capped(list, line) {
  const lines = list.slice(0, LIST_LIMIT).map(line);
  if (list.length > LIST_LIMIT) lines.push(h('li', { class: 'report-more' }, t('report.more', { n: list.length - LIST_LIMIT })));
  return lines;
}

/**
 * Shows `report` (`{files, read, added, warnings, cancelled, unsaved, storageFull}`) in `box`;
 * `actions.dismiss()` clears it. `label` is a message key naming what was read.
 */
export function renderReport(box, report, label, actions) {
  const { files, added, warnings } = report;
  const unsaved = report.unsaved ?? [];
  // After a cancel, files never read are neither added nor "not added": counted apart.
  const unread = report.cancelled ? Math.max(0, report.unread ?? files - (report.read ?? 0)) : 0;
  const lines = [unread
    ? t('report.summaryCancelled', { what: t(label), added: added.length, read: files - unread, unread })
    : t('report.summary', { what: t(label), added: added.length, files })];
  if (report.kept) lines.push(t('report.kept', { n: report.kept }));
  if (report.cancelled) lines.push(t('report.cancelled', { read: report.read ?? 0, files }));
  if (report.storageFull) lines.push(t('report.storageFull', { saved: added.length, unsaved: unsaved.length }));
  // Files not added first: past the limit, the notes on added files are the ones counted.
  const ordered = [...warnings.filter((w) => w.skipped), ...warnings.filter((w) => !w.skipped)];
  const items = capped(ordered, (w) =>
    h('li', { class: w.skipped ? 'is-skipped' : 'is-note' },
      // The name isolated inside a span of the line's direction, so the gap after it falls
      // between name and message in right-to-left lines too.
      h('span', { class: 'report-file' }, h('bdi', { dir: 'auto', 'data-content': '' }, w.file)),
      w.skipped ? h('span', { class: 'report-label' }, t('report.notAdded')) : null,
      coreMessage(w, 'report-message')),
  );
  const skipped = warnings.filter((w) => w.skipped).length;
  const notes = warnings.length - skipped;
  const what = [skipped ? t('report.skippedCount', { n: skipped }) : '', notes ? t('report.notesCount', { n: notes }) : '']
    .filter(Boolean)
    .join(t('list.sep'));
  const warn = warnings.length
    ? h('details', { class: 'report-details', open: warnings.length <= OPEN_LIMIT },
        h('summary', {}, what),
        h('ul', { class: 'report-warnings' }, items),
      )
    : null;
  const notSaved = unsaved.length
    ? h('details', { class: 'report-details report-unsaved', open: unsaved.length <= OPEN_LIMIT },
        h('summary', {}, t('report.unsavedCount', { n: unsaved.length })),
        h('ul', { class: 'report-warnings' }, capped(unsaved, (name) => h('li', {}, h('span', { class: 'report-file', dir: 'auto', 'data-content': '' }, name)))),
      )
    : null;
  const bad = warnings.length || unsaved.length || report.storageFull;
  replace(box, h('div', { class: `report-box ${bad ? 'has-warnings' : 'is-ok'}`, dataset: { files: String(files), added: String(added.length) } },
    h('div', { class: 'report-text' }, lines.map((line) => h('p', { class: 'report-summary' }, line)), warn, notSaved),
    bad && actions.download
      ? h('button', { type: 'button', class: 'button ghost report-download', on: { click: actions.download } }, t('report.download'))
      : null,
    h('button', { type: 'button', class: 'button ghost report-dismiss', on: { click: actions.dismiss } }, t('report.dismiss')),
  ));
}
