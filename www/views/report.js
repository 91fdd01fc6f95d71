// Work on files as the user sees it: a progress bar (files read of all, the file being read,
// articles saved so far, a cancel button) and one-line messages. The ingest report that
// follows (how many articles were added and saved, every file that was not, and why) is in
// www/pkg-corpus/report.js, loaded on first use.
import { h, replace } from './dom.js';
import { t, fmtNumber } from '../i18n.js';

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
