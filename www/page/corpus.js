// Changing the corpus: adding files (the file and folder pickers, drag and drop, articles a
// link carries), paced by the worker's progress events; bundles; the demo corpus; clearing;
// removing articles. The progress of every long job and the ingest report are drawn here.
import { Request, Event } from '../protocol.js';
import { t, fmtNumber, coreParts } from '../i18n.js';
import { toCsv, REPORT_COLUMNS } from '../export.js';
import { download } from '../views/dom.js';
import { renderReport, renderProgress, progressCancelling, renderMessage, clearReport } from '../views/report.js';
import { ask } from '../views/dialogs.js';
import { fromInput, installDrop } from '../drop.js';
import { $, ui, app, core, work } from './state.js';
import { view, setView, setSize, clearNotice, checkMissing } from '../app.js';
import { runSearch, searchRequest, showError } from './search.js';
import { showReader, loadTray, showCompare } from './reading.js';

/** While files are added, the list is refreshed at most this often. */
const LIVE_RESULTS_MS = 1500;
/** Files read at once and sent in one message while adding files. */
const READ_AT_ONCE = 16;
/** How far the page may read ahead of the worker while adding files. */
const AHEAD_FILES = 400;
const AHEAD_BYTES = 32_000_000;

let liveTimer = 0;
let liveAdded = 0;
core.on(Event.PROGRESS, (p) => {
  const sending = jobProgress.get(p.job);
  if (sending) {
    sending.done = p.done;
    sending.wake?.();
    sending.wake = null;
  }
  if (p.total > 1 || p.phase !== 'add') {
    renderProgress(ui.report, p, p.phase === 'restore' ? {} : { cancel: cancelAdding });
    ui.report.firstElementChild.dataset.added = String(p.added);
  }
  if (app.ready && p.size !== null && p.size !== undefined) setSize(p.size);
  // Results appear as soon as the first files are saved, then refresh now and then.
  if (app.ready && p.added > liveAdded) {
    liveAdded = p.added;
    if (!liveTimer) {
      runSearch();
      liveTimer = setTimeout(() => { liveTimer = 0; }, LIVE_RESULTS_MS);
    }
  }
});

// ── adding files: picker, folder picker, drag and drop ──

/**
 * Sends `[{name, blob}]` to the worker, shows progress and then the ingest report, and
 * refreshes the list. `label`: message key naming the source in the report.
 */
export async function addFiles(files, { origin = 'upload', label = 'report.upload' } = {}) {
  if (!files.length) return null;
  app.adding++;
  liveAdded = 0;
  renderProgress(ui.report, { phase: 'add', done: 0, total: files.length, file: files[0].name, added: 0 }, { cancel: cancelAdding });
  requestPersistence();
  let reply;
  try {
    const job = ++app.jobs;
    const done = core.call(Request.ADD_FILES, { job, total: files.length, origin });
    reply = await work(sendFiles(job, files, done).then(() => done));
  } catch (e) {
    renderMessage(ui.report, t('error.add', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
    return null;
  } finally {
    app.adding--;
  }
  setSize(reply.size);
  showReport(reply.report, label);
  await runSearch();
  return reply;
}

/**
 * Sends a job's files to the worker (see ADD_CHUNK): reads them a few at a time (the read is
 * asynchronous: the page thread only waits), transfers the bytes, and keeps at most
 * AHEAD_FILES / AHEAD_BYTES unread by the worker, so a huge upload never sits in memory.
 */
async function sendFiles(job, files, reply) {
  const consumed = { done: 0, wake: null };
  jobProgress.set(job, consumed);
  // The job may end before every file is sent (cancelled, storage full, core failed).
  let over = false;
  const ended = reply.then(() => { over = true; }, () => { over = true; });
  try {
    let sent = 0;
    let bytesAhead = [];
    for (let k = 0; k < files.length && !over; k += READ_AT_ONCE) {
      const slice = files.slice(k, k + READ_AT_ONCE);
      const read = await Promise.all(slice.map(async (f) => {
        try {
          return { name: f.name, bytes: await f.blob.arrayBuffer() };
        } catch (e) {
          return { name: f.name, error: e?.message ?? String(e) };
        }
      }));
      const transfer = read.filter((f) => f.bytes).map((f) => f.bytes);
      bytesAhead.push(...read.map((f) => [sent += 1, f.bytes?.byteLength ?? 0]));
      core.call(Request.ADD_CHUNK, { job, files: read }, transfer);
      // Wait while the worker is far behind.
      for (;;) {
        bytesAhead = bytesAhead.filter(([n]) => n > consumed.done);
        const ahead = bytesAhead.reduce((t, [, b]) => t + b, 0);
        if (over || (sent - consumed.done <= AHEAD_FILES && ahead <= AHEAD_BYTES)) break;
        await Promise.race([new Promise((resolve) => { consumed.wake = resolve; }), ended]);
      }
    }
  } finally {
    jobProgress.delete(job);
  }
}
const jobProgress = new Map(); // ADD_FILES job → {done, wake}: how far the worker has read

export function showReport(report, label) {
  app.lastReport = { report, label };
  renderReport(ui.report, report, label, {
    dismiss: () => {
      app.lastReport = null;
      clearReport(ui.report);
    },
    download: () => downloadReport(report),
  });
}

/** The report's files that were not added, noted or not saved, as CSV in the UI language. */
function downloadReport(report) {
  const text = (w) => coreParts(w)?.map((p) => (typeof p === 'string' ? p : p.data)).join('') ?? w.message ?? '';
  const rows = [
    ...report.warnings.map((w) => ({ file: w.file, status: t(w.skipped ? 'report.statusSkipped' : 'report.statusNote'), code: w.code ?? '', message: text(w) })),
    ...(report.unsaved ?? []).map((file) => ({ file, status: t('report.statusUnsaved'), code: '', message: '' })),
  ];
  const columns = REPORT_COLUMNS.map((key) => ({ key, label: t(`column.${key}`) }));
  download(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), 'qarin-report.csv');
}

function cancelAdding() {
  progressCancelling(ui.report);
  core.call(Request.CANCEL);
}

/** Asks the browser to keep the store even under storage pressure (once, on first upload). */
let persistAsked = false;
function requestPersistence() {
  if (persistAsked || !navigator.storage?.persist) return;
  persistAsked = true;
  navigator.storage.persist().catch(() => {});
}

ui.files.addEventListener('change', () => addFiles(fromInput(ui.files, false)));
ui.folder.addEventListener('change', () => addFiles(fromInput(ui.folder, true)));
installDrop(ui.overlay, async (files) => {
  // A dropped bundle is imported, not read as an article.
  const isBundle = (f) => f.name.toLowerCase().endsWith('.qarin');
  for (const f of files.filter(isBundle)) await importBundle(f.blob);
  const rest = files.filter((f) => !isBundle(f));
  if (rest.length) addFiles(rest);
});

// ── the corpus menu: bundles, demo corpus, clear, remove ──

export function closeMenu() {
  ui.menu.open = false;
}

$('import-bundle').addEventListener('click', () => {
  closeMenu();
  ui.bundleInput.click();
});
ui.bundleInput.addEventListener('change', async () => {
  const file = ui.bundleInput.files[0];
  ui.bundleInput.value = '';
  if (file) await importBundle(file);
});

/** Imports a bundle; into a non-empty corpus the user chooses to replace it or add to it. */
async function importBundle(blob) {
  let replaceCorpus = false;
  if (app.size > 0) {
    const choice = await ask(ui.confirm, {
      title: t('import.title'),
      message: t('import.message', { n: app.size }),
      choices: [
        { value: 'add', label: t('import.add') },
        { value: 'replace', label: t('import.replace'), primary: true },
      ],
    });
    if (!choice) return;
    replaceCorpus = choice === 'replace';
  }
  app.adding++;
  liveAdded = 0;
  renderProgress(ui.report, { phase: 'import', done: 0, total: 1, file: blob.name ?? '', added: 0 }, { cancel: cancelAdding });
  let reply;
  try {
    reply = await work(core.call(Request.IMPORT_BUNDLE, { blob, replace: replaceCorpus }));
  } catch (e) {
    renderMessage(ui.report, t('error.bundle', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
    return;
  } finally {
    app.adding--;
  }
  setSize(reply.size);
  showReport(reply.report, reply.instant ? 'report.bundleInstant' : 'report.bundle');
  clearNotice();
  await runSearch();
  await Promise.all([showReader(), loadTray(), showCompare()]);
  await checkMissing();
}

export async function exportBundle() {
  closeMenu();
  try {
    const { blob, name } = await work(core.call(Request.EXPORT_BUNDLE));
    download(blob, name);
    renderMessage(ui.report, t('corpus.exported', { n: app.size, size: fmtNumber(Math.ceil(blob.size / 1024)) }), { dismiss: () => clearReport(ui.report) });
  } catch (e) {
    renderMessage(ui.report, t('error.bundle', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
  }
}
$('export-bundle').addEventListener('click', exportBundle);

async function loadDemo() {
  closeMenu();
  let reply;
  try {
    reply = await work(core.call(Request.LOAD_DEMO));
  } catch (e) {
    showError(t('error.add', { message: e.message }));
    return;
  }
  setSize(reply.size);
  showReport(reply.report, 'report.seeds');
  await runSearch();
}
$('load-demo').addEventListener('click', loadDemo);
$('empty-demo').addEventListener('click', loadDemo);

$('clear-corpus').addEventListener('click', async () => {
  closeMenu();
  const ok = await ask(ui.confirm, {
    title: t('clear.title'),
    message: t('clear.message', { n: app.size }),
    choices: [{ value: 'clear', label: t('clear.confirm'), danger: true }],
  });
  if (!ok) return;
  try {
    await work(core.call(Request.CLEAR));
  } catch (e) {
    showError(t('error.remove', { message: e.message }));
    return;
  }
  app.tray = { left: null, right: null };
  setSize(0);
  renderMessage(ui.report, t('clear.done'), { dismiss: () => clearReport(ui.report) });
  await setView({ open: null, left: null, right: null, compare: false, page: 1 });
  await runSearch();
});

/** Removes articles after asking; `what` names them in the question. */
export async function removeArticles(hashes, what, search = null) {
  const n = search ? app.total : hashes.length;
  const ok = await ask(ui.confirm, {
    title: t('remove.title', { n }),
    message: search ? t('remove.resultsMessage', { n }) : t('remove.message'),
    details: what ? [what] : [],
    choices: [{ value: 'remove', label: t('remove.confirm', { n }), danger: true }],
  });
  if (!ok) return;
  let reply;
  try {
    reply = await work(core.call(Request.REMOVE, search ? { search } : { hashes }));
  } catch (e) {
    showError(t('error.remove', { message: e.message }));
    return;
  }
  setSize(reply.size);
  renderMessage(ui.report, t('remove.done', { n: reply.removed }), { dismiss: () => clearReport(ui.report) });
  const gone = (hash) => hash && (search || hashes.includes(hash));
  const patch = {};
  if (gone(view.open)) patch.open = null;
  for (const s of ['left', 'right']) {
    if (gone(view[s])) {
      patch[s] = null;
      patch.compare = false;
    }
  }
  await setView(patch, { history: 'replace' });
  await runSearch();
  if (search) await Promise.all([showReader(), loadTray()]);
}

ui.removeResults.addEventListener('click', () => {
  const what = view.q.trim() ? `“${view.q.trim()}”` : '';
  removeArticles([], what, searchRequest());
});

/** Shows storage use in the corpus menu when it opens. */
ui.menu.addEventListener('toggle', async () => {
  if (!ui.menu.open) return;
  const est = await navigator.storage?.estimate?.().catch(() => null);
  ui.storageUsage.textContent = est && app.storage.persistent
    ? t('corpus.usage', { used: fmtNumber(Math.round((est.usage ?? 0) / 1e6)), quota: fmtNumber(Math.round((est.quota ?? 0) / 1e6)) })
    : app.storage.persistent ? '' : t('status.notSavedHelp');
});
