// Changing the corpus, as the page starts: the controls that add files (pickers, drag and
// drop), import or export bundles, load the demo, clear and remove, and the progress of
// every long job, which the worker reports from start-up on (the restore). The work behind
// the controls is www/pkg-corpus/corpus.js, loaded the first time one is used.
import { Request, Event } from '../protocol.js';
import { t, fmtNumber } from '../i18n.js';
import { renderProgress, progressCancelling } from '../views/report.js';
import { installDrop } from '../drop.js';
import { $, ui, app, core, work } from './state.js';
import { runSearch, searchRequest } from './search.js';

/** What app.js lends this module (the view and what changes it): see `init` there. */
let nav = null;
export function init(lent) {
  nav = lent;
}

/** While files are added, the list is refreshed at most this often. */
const LIVE_RESULTS_MS = 1500;

/**
 * What this module shares with pkg-corpus/corpus.js: how far the worker has read each
 * ADD_FILES job (`jobProgress`: job → {done, wake}), the articles added so far (`live`), and
 * the cancel and close-menu actions.
 */
const shared = { jobProgress: new Map(), live: { added: 0, timer: 0 }, cancel: cancelAdding, closeMenu };

let loading = null;
/** The on-demand part (loaded once, under the busy signal). */
function actions() {
  loading ??= import('../pkg-corpus/corpus.js').then((m) => {
    m.init(nav, shared);
    return m;
  });
  return work(loading);
}

core.on(Event.PROGRESS, (p) => {
  const sending = shared.jobProgress.get(p.job);
  if (sending) {
    sending.done = p.done;
    sending.wake?.();
    sending.wake = null;
  }
  if (p.total > 1 || p.phase !== 'add') {
    renderProgress(ui.report, p, p.phase === 'restore' ? {} : { cancel: cancelAdding });
    ui.report.firstElementChild.dataset.added = String(p.added);
  }
  if (app.ready && p.size !== null && p.size !== undefined) nav.setSize(p.size);
  // Results appear as soon as the first files are saved, then refresh now and then.
  const live = shared.live;
  if (app.ready && p.added > live.added) {
    live.added = p.added;
    if (!live.timer) {
      runSearch();
      live.timer = setTimeout(() => { live.timer = 0; }, LIVE_RESULTS_MS);
    }
  }
});

function cancelAdding() {
  progressCancelling(ui.report);
  core.call(Request.CANCEL);
}

// ── what app.js and the reader call (each loads the on-demand part) ──

/** Adds `[{name, blob}]` (see pkg-corpus/corpus.js); resolves the worker's reply or null. */
export async function addFiles(files, options) {
  if (!files.length) return null;
  return (await actions()).addFiles(files, options);
}

/** Shows an ingest report; `label`: message key naming what was read. */
export async function showReport(report, label) {
  (await actions()).showReport(report, label);
}

export async function exportBundle() {
  return (await actions()).exportBundle();
}

/** Removes articles after asking; `what` names them in the question. */
export async function removeArticles(hashes, what, search = null) {
  return (await actions()).removeArticles(hashes, what, search);
}

export function closeMenu() {
  ui.menu.open = false;
}

// ── the controls ──

// Reading picked or dropped files into lists is on-demand code too.
const fileLists = () => work(import('../pkg-corpus/files.js'));
ui.files.addEventListener('change', async () => addFiles((await fileLists()).fromInput(ui.files, false)));
ui.folder.addEventListener('change', async () => addFiles((await fileLists()).fromInput(ui.folder, true)));
installDrop(ui.overlay, async (entries, plain) => {
  const files = await (await fileLists()).fromDrop(entries, plain);
  // A dropped bundle is imported, not read as an article.
  const isBundle = (f) => f.name.toLowerCase().endsWith('.qarin');
  for (const f of files.filter(isBundle)) await (await actions()).importBundle(f.blob);
  const rest = files.filter((f) => !isBundle(f));
  if (rest.length) addFiles(rest);
});

$('import-bundle').addEventListener('click', () => {
  closeMenu();
  ui.bundleInput.click();
});
ui.bundleInput.addEventListener('change', async () => {
  const file = ui.bundleInput.files[0];
  ui.bundleInput.value = '';
  if (file) await (await actions()).importBundle(file);
});
$('export-bundle').addEventListener('click', exportBundle);
const loadDemo = async () => (await actions()).loadDemo();
$('load-demo').addEventListener('click', loadDemo);
$('empty-demo').addEventListener('click', loadDemo);
$('name-outlets').addEventListener('click', async () => {
  closeMenu();
  (await work(import('../pkg-outlets/outlets.js'))).open();
});
$('clear-corpus').addEventListener('click', async () => (await actions()).clearCorpus());
// "My names" (the user's lexicon entries and name proposals): www/pkg-userlex/.
$('my-names').addEventListener('click', async () => {
  closeMenu();
  (await work(import('../pkg-userlex/userlex.js'))).openNames(nav);
});

ui.removeResults.addEventListener('click', () => {
  const what = nav.view.q.trim() ? `“${nav.view.q.trim()}”` : '';
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
