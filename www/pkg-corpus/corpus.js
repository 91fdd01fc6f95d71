// Changing the corpus, loaded the first time the user adds, imports, exports, clears or
// removes (not part of the start-up shell; page/corpus.js holds the controls and the
// progress the worker reports from start-up on): adding files (pickers, drag and drop,
// articles a link carries) paced by the worker's progress; bundles; the demo corpus;
// clearing; removing articles; the ingest report and its CSV.
import { Request } from '../protocol.js';
import { t, fmtNumber, coreParts } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows
import { download } from '../views/dom.js';
import { renderProgress, renderMessage, clearReport } from '../views/report.js';
import { ui, app, core, work } from '../page/state.js';
import { runSearch, showError } from '../page/search.js';
import { showReader, loadTray, showCompare } from '../page/reading.js';
import { renderReport } from './report.js';

/** Files read at once and sent in one message while adding files. */
const READ_AT_ONCE = 16;
/** How far the page may read ahead of the worker while adding files. */
const AHEAD_FILES = 400;
const AHEAD_BYTES = 32_000_000;

/**
 * What page/corpus.js lends: `nav` (app.js's view and the functions that change it) and
 * `shared` ({jobProgress, live, cancel, closeMenu}: the state its progress handler keeps).
 */
let nav = null;
let shared = null;
export function init(lentNav, lentShared) {
  nav = lentNav;
  shared = lentShared;
}

/** Asks a question in the confirmation dialog (pkg-views/dialogs.js, loaded on first use). */
async function ask(question) {
  const dialogs = await work(import('../pkg-views/dialogs.js'));
  return dialogs.ask(ui.confirm, question);
}

/**
 * Sends `[{name, blob}]` to the worker, shows progress and then the ingest report, and
 * refreshes the list. `label`: message key naming the source in the report.
 */
export async function addFiles(files, { origin = 'upload', label = 'report.upload' } = {}) {
  if (!files.length) return null;
  app.adding++;
  shared.live.added = 0;
  renderProgress(ui.report, { phase: 'add', done: 0, total: files.length, file: files[0].name, added: 0 }, { cancel: shared.cancel });
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
  nav.setSize(reply.size);
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
  shared.jobProgress.set(job, consumed);
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
    shared.jobProgress.delete(job);
  }
}

/** Shows an ingest report; `label`: message key naming what was read. */
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
async function downloadReport(report) {
  const { toCsv, REPORT_COLUMNS } = await work(import('../pkg-export/export.js'));
  const text = (w) => coreParts(w)?.map((p) => (typeof p === 'string' ? p : p.data)).join('') ?? w.message ?? '';
  const rows = [
    ...report.warnings.map((w) => ({ file: w.file, status: t(w.skipped ? 'report.statusSkipped' : 'report.statusNote'), code: w.code ?? '', message: text(w) })),
    ...(report.unsaved ?? []).map((file) => ({ file, status: t('report.statusUnsaved'), code: '', message: '' })),
  ];
  const columns = REPORT_COLUMNS.map((key) => ({ key, label: t(`column.${key}`) }));
  download(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), 'qarin-report.csv');
}

/** Asks the browser to keep the store even under storage pressure (once, on first upload). */
let persistAsked = false;
function requestPersistence() {
  if (persistAsked || !navigator.storage?.persist) return;
  persistAsked = true;
  navigator.storage.persist().catch(() => {});
}

/** Imports a bundle; into a non-empty corpus the user chooses to replace it or add to it. */
export async function importBundle(blob) {
  let replaceCorpus = false;
  if (app.size > 0) {
    const choice = await ask({
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
  shared.live.added = 0;
  renderProgress(ui.report, { phase: 'import', done: 0, total: 1, file: blob.name ?? '', added: 0 }, { cancel: shared.cancel });
  let reply;
  try {
    reply = await work(core.call(Request.IMPORT_BUNDLE, { blob, replace: replaceCorpus }));
  } catch (e) {
    renderMessage(ui.report, t('error.bundle', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
    return;
  } finally {
    app.adding--;
  }
  nav.setSize(reply.size);
  showReport(reply.report, reply.instant ? 'report.bundleInstant' : 'report.bundle');
  nav.clearNotice();
  await runSearch();
  await Promise.all([showReader(), loadTray(), showCompare()]);
  await nav.checkMissing();
}

export async function exportBundle() {
  shared.closeMenu();
  try {
    const { blob, name } = await work(core.call(Request.EXPORT_BUNDLE));
    download(blob, name);
    renderMessage(ui.report, t('corpus.exported', { n: app.size, size: fmtNumber(Math.ceil(blob.size / 1024)) }), { dismiss: () => clearReport(ui.report) });
  } catch (e) {
    renderMessage(ui.report, t('error.bundle', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
  }
}
export async function loadDemo() {
  shared.closeMenu();
  let reply;
  try {
    reply = await work(core.call(Request.LOAD_DEMO));
  } catch (e) {
    showError(t('error.add', { message: e.message }));
    return;
  }
  nav.setSize(reply.size);
  showReport(reply.report, 'report.seeds');
  await runSearch();
}
/** Clears the corpus after asking. */
export async function clearCorpus() {
  shared.closeMenu();
  const ok = await ask({
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
  app.tray.clear();
  nav.setSize(0);
  renderMessage(ui.report, t('clear.done'), { dismiss: () => clearReport(ui.report) });
  await nav.setView({ open: null, picked: [], compare: false, page: 1 });
  await runSearch();
}

/** Removes articles after asking; `what` names them in the question. */
export async function removeArticles(hashes, what, search = null) {
  const n = search ? app.total : hashes.length;
  const ok = await ask({
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
  nav.setSize(reply.size);
  renderMessage(ui.report, t('remove.done', { n: reply.removed }), { dismiss: () => clearReport(ui.report) });
  const gone = (hash) => hash && (search || hashes.includes(hash));
  const patch = {};
  if (gone(nav.view.open)) patch.open = null;
  const kept = nav.view.picked.filter((h) => !gone(h));
  if (kept.length !== nav.view.picked.length) {
    patch.picked = kept;
    patch.compare = nav.view.compare && kept.length >= 2;
  }
  await nav.setView(patch, { history: 'replace' });
  await runSearch();
  if (search) await Promise.all([showReader(), loadTray()]);
}
