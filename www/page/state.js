// The page's shared state: its elements (`ui`), what it knows of the corpus and of its own
// jobs (`app`), the worker and its connection (`core`), and the busy signal. It imports no
// other page module, so all of it is ready before any of them runs (see app.js).
import { connect } from '../protocol.js';

export const $ = (id) => document.getElementById(id);
export const ui = {
  form: $('search-form'), q: $('q'), exact: $('exact'),
  lang: $('lang'), sourceField: $('source-field'),
  from: $('from'), to: $('to'), datesField: $('dates-field'), sort: $('sort'), sortField: $('sort-field'), fold: $('fold'), foldField: $('fold-field'), xl: $('xl'), entityField: $('entity-field'), clearFilters: $('clear-filters'),
  files: $('files'), folder: $('folder'), bundleInput: $('bundle-input'),
  size: $('corpus-size'), storageNote: $('storage-note'), storageUsage: $('storage-usage'),
  error: $('query-error'), notice: $('notice'), report: $('report'),
  summary: $('summary'), results: $('results'), pager: $('pager'), emptyCorpus: $('empty-corpus'),
  removeResults: $('remove-results'), exportCsv: $('export-csv'), exportJson: $('export-json'),
  reader: $('reader'), workspace: $('workspace'), compare: $('compare'),
  traySlots: $('tray-slots'), openCompare: $('open-compare'), clearCompare: $('clear-compare'),
  overlay: $('drop-overlay'), confirm: $('confirm-dialog'), shareDialog: $('share-dialog'), menu: $('corpus-menu'),
  uiLang: $('ui-lang'), theme: $('theme'),
};

export const app = {
  ready: false,
  size: 0,
  storage: { persistent: true, from: 'empty' },
  total: 0,
  folded: 0, // matches of the current search folded into another's result
  facets: { lang: {}, source: {} },
  hasDates: false,
  searchSeq: 0, // only the newest search may render
  readerSeq: 0,
  opener: null, // the button that opened the reader, to return focus on Esc
  tray: new Map(), // hash → {hash, title, lang, file} of the articles ticked for Compare
  compareSeq: 0, // only the newest compare view may render
  lastReport: null, // {report, label}: re-rendered when the UI language changes
  adding: 0, // ADD/IMPORT jobs in flight
  jobs: 0, // ADD_FILES job ids
  typingEntry: false, // the current history entry was made by typing (later typing replaces it)
};

const spawn = () => new Worker(new URL('../worker.js', import.meta.url), { type: 'module' });
export const worker = spawn();
/** `core.restart()` replaces a worker stuck in a long search (see protocol.js). */
export const core = connect(worker, spawn);

// ── busy signal: data-busy on <body> while the worker works (tests wait on it) ──

let working = 0;
export async function work(promise) {
  working++;
  document.body.dataset.busy = 'true';
  try {
    return await promise;
  } finally {
    if (--working === 0) delete document.body.dataset.busy;
  }
}
