// Work on files as the user sees it: a progress bar (files read of all, the file being read,
// articles saved so far, a cancel button) and afterwards the ingest report: how many
// articles were added and saved, every file that was not, and why.
import { h, replace, coreMessage } from './dom.js';
import { t, fmtNumber } from '../i18n.js';

/** Above this many warnings the list starts collapsed. */
const OPEN_LIMIT = 20;

/**
 * Shows progress: `{phase, done, total, file, added}`. `actions.cancel()`, when given, adds
 * a cancel button (it is kept, with its focus, across updates).
 */
export function renderProgress(box, { phase = 'add', done, total, file = '', added = 0 }, actions = {}) {
  let panel = box.querySelector(':scope > .is-progress');
  if (!panel || panel.dataset.phase !== phase) {
    const bar = h('progress', { class: 'progress-bar', max: '1', value: '0', 'aria-label': t(`progress.${phase}.label`) });
    const cancel = actions.cancel
      ? h('button', { type: 'button', class: 'button progress-cancel', on: { click: actions.cancel } }, t('progress.cancel'))
      : null;
    panel = h('div', { class: 'report-box is-progress', dataset: { phase } },
      h('div', { class: 'report-text' },
        h('p', { class: 'report-summary progress-count' }),
        h('p', { class: 'progress-file' }, h('span', { class: 'progress-file-label' }), h('bdi', { class: 'progress-file-name', 'data-content': '' })),
      ),
      bar,
      cancel,
    );
    replace(box, panel);
  }
  const bar = panel.querySelector('progress');
  bar.max = Math.max(total, 1);
  bar.value = done;
  panel.querySelector('.progress-count').textContent = t(`progress.${phase}`, { done: fmtNumber(done), total, added });
  panel.querySelector('.progress-file-label').textContent = file ? t('progress.file') : '';
  panel.querySelector('.progress-file-name').textContent = file;
}

/** Disables the cancel button once cancelling has been asked for. */
export function progressCancelling(box) {
  const button = box.querySelector('.progress-cancel');
  if (button) {
    button.disabled = true;
    button.textContent = t('progress.cancelling');
  }
}

/**
 * Shows `report` (`{files, read, added, warnings, cancelled, unsaved, storageFull}`) in `box`;
 * `actions.dismiss()` clears it. `label` is a message key naming what was read.
 */
export function renderReport(box, report, label, actions) {
  const { files, added, warnings } = report;
  const unsaved = report.unsaved ?? [];
  const lines = [t('report.summary', { what: t(label), added: added.length, files })];
  if (report.cancelled) lines.push(t('report.cancelled', { read: report.read ?? 0, files }));
  if (report.storageFull) lines.push(t('report.storageFull', { saved: added.length, unsaved: unsaved.length }));
  const items = warnings.map((w) =>
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
        h('ul', { class: 'report-warnings' }, unsaved.map((name) => h('li', {}, h('span', { class: 'report-file', dir: 'auto', 'data-content': '' }, name)))),
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

/** A one-line message in the report area (`tone`: "ok" | "warn"). */
export function renderMessage(box, text, { tone = 'ok', dismiss } = {}) {
  replace(box, h('div', { class: `report-box ${tone === 'warn' ? 'has-warnings' : 'is-ok'}` },
    h('div', { class: 'report-text' }, h('p', { class: 'report-summary' }, text)),
    dismiss ? h('button', { type: 'button', class: 'button ghost report-dismiss', on: { click: dismiss } }, t('report.dismiss')) : null,
  ));
}

/** Empties the report. */
export function clearReport(box) {
  box.replaceChildren();
}
