// "My names": the user's own lexicon entries (issue 14), in a dialog opened from the Corpus
// menu and loaded on first use (not in the start-up shell). Add, edit and delete an entry
// (kind, English and Arabic names, aliases comma- or line-separated), upload a lexicon
// file (TSV or JSON: the core reads it, keeping every good line and naming each bad one by
// line and column), download the entries, and take up proposals: Latin/Arabic names of the
// corpus that sound alike and that no lexicon knows, each with its score and an "Add to my
// names" button. The worker saves and links (pkg-userlex/worker.js); nothing here reads a
// lexicon or compares names, and every name is shown as text, never as HTML.
import { Request } from '../protocol.js';
import { t, fmtNumber } from '../i18n.js';
import { h, replace, useStyles, coreMessage, download } from '../views/dom.js';
import { core, work } from '../page/state.js';
import '../pkg-en/messages.js';

await Promise.all([
  useStyles(new URL('../pkg-views/views.css', import.meta.url)),
  useStyles(new URL('./userlex.css', import.meta.url)),
]);

/** The kinds an entry may have (the core's `lexicon::KINDS`). */
const KINDS = ['person', 'org', 'group', 'party', 'country', 'capital', 'city', 'region', 'demonym', 'event'];

let dialog = null;
let nav = null;
/** The saved entries as the worker last gave them. */
let entries = [];
/** The entry being edited, or null (a new one). */
let editing = null;
/** Why the user's names are not linked (the worker's `problem`), or null. */
let linkProblem = null;
/** The last proposals, drawn until the next search for them. */
let proposals = null;

const names = (req) => work(core.call(Request.NAMES, req));

/** Opens the dialog. `lent`: the page's nav (the open article names the proposals' scope). */
export async function openNames(lent) {
  nav = lent;
  if (!dialog) {
    dialog = h('dialog', { id: 'names-dialog', class: 'dialog names-dialog', 'aria-labelledby': 'names-title' });
    document.body.append(dialog);
    // Drawn again in the other language when the UI language changes while it is open.
    new MutationObserver(() => { if (dialog.open) draw(); }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  ({ entries, problem: linkProblem } = await names({ op: 'get' }));
  editing = null;
  proposals = null;
  draw();
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('#names-en')?.focus();
}

/** A new id: the kind, then a stamp no other entry of this browser has. */
function newId(kind) {
  const prefix = kind === 'capital' ? 'city' : kind;
  return `${prefix}:user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Names typed in one field: separated by commas (Latin or Arabic) or lines. */
const list = (text) => text.split(/[,\u060C\n]/).map((s) => s.trim()).filter(Boolean);
const nameList = (e, script) => [e[script], ...(e[`${script}_alt`] ?? [])].filter(Boolean);

function draw() {
  const status = h('p', { class: 'names-status', id: 'names-status', role: 'status' });
  replace(dialog,
    h('div', { class: 'dialog-form names-form' },
      h('div', { class: 'names-head' },
        h('h2', { class: 'dialog-title', id: 'names-title' }, t('names.title')),
        h('button', { type: 'button', class: 'button ghost small', id: 'names-close', on: { click: () => dialog.close() } }, t('names.close'))),
      h('p', { class: 'dialog-message' }, t('names.intro')),
      linkProblem ? h('p', { class: 'names-problem' }, t('names.notLinked'), ' ', coreMessage(linkProblem)) : null,
      status,
      drawEntries(status),
      drawForm(status),
      drawFiles(status),
      drawProposals(status),
    ));
}

function drawEntries(status) {
  if (!entries.length) return h('p', { class: 'names-empty', id: 'names-empty' }, t('names.empty'));
  return h('ul', { class: 'names-list', id: 'names-list', 'aria-label': t('names.listLabel') },
    entries.map((e) => h('li', { class: 'names-entry', dataset: { entry: e.id } },
      h('span', { class: 'names-kind' }, t(`names.kind.${e.kind}`, {}, e.kind)),
      h('bdi', { class: 'names-en', lang: 'en', dir: 'ltr', 'data-content': '' }, nameList(e, 'en').join(', ')),
      h('bdi', { class: 'names-ar', lang: 'ar', dir: 'rtl', 'data-content': '' }, nameList(e, 'ar').join('، ')),
      h('span', { class: 'names-actions' },
        h('button', { type: 'button', class: 'button ghost small names-edit', on: { click: () => { editing = e; draw(); dialog.querySelector('#names-en').focus(); } } }, t('names.edit')),
        h('button', { type: 'button', class: 'button ghost small danger-text names-delete', on: { click: () => save(entries.filter((x) => x.id !== e.id), status, t('names.deleted')) } }, t('names.delete'))),
    )));
}

function drawForm(status) {
  const e = editing;
  const kind = h('select', { id: 'names-kind' }, KINDS.map((k) => h('option', { value: k }, t(`names.kind.${k}`))));
  kind.value = e?.kind ?? 'person';
  const en = h('textarea', { id: 'names-en', rows: 2, dir: 'ltr', lang: 'en', spellcheck: 'false' });
  en.value = e ? nameList(e, 'en').join(', ') : '';
  const ar = h('textarea', { id: 'names-ar', rows: 2, dir: 'rtl', lang: 'ar', spellcheck: 'false' });
  ar.value = e ? nameList(e, 'ar').join('، ') : '';
  const submit = async (ev) => {
    ev.preventDefault();
    const [enNames, arNames] = [list(en.value), list(ar.value)];
    if (!enNames.length && !arNames.length) {
      replace(status, t('names.needName'));
      return;
    }
    const entry = {
      id: e?.id ?? newId(kind.value),
      kind: kind.value,
      parent: e?.parent ?? '',
      en: enNames[0] ?? '',
      ar: arNames[0] ?? '',
      en_alt: enNames.slice(1),
      ar_alt: arNames.slice(1),
      source: e?.source || 'user',
    };
    // The core checks the entry as it checks a file (length, characters, number of names).
    const read = await names({ op: 'read', text: JSON.stringify([entry]) });
    const bad = read.fatal ?? read.problems[0];
    if (bad) {
      replace(status, coreMessage(bad));
      return;
    }
    const next = e ? entries.map((x) => (x.id === e.id ? entry : x)) : [...entries, entry];
    editing = null;
    await save(next, status, t(e ? 'names.changed' : 'names.added'));
  };
  return h('form', { class: 'names-editor', id: 'names-editor', on: { submit } },
    h('h3', { class: 'names-sub' }, t(e ? 'names.editTitle' : 'names.addTitle')),
    h('label', { for: 'names-kind' }, t('names.kind')), kind,
    h('label', { for: 'names-en' }, t('names.en')), en,
    h('label', { for: 'names-ar' }, t('names.ar')), ar,
    h('p', { class: 'names-hint' }, t('names.hint')),
    h('div', { class: 'dialog-buttons' },
      e ? h('button', { type: 'button', class: 'button ghost', on: { click: () => { editing = null; draw(); } } }, t('names.cancelEdit')) : null,
      h('button', { type: 'submit', class: 'button primary', id: 'names-save' }, t(e ? 'names.saveChanges' : 'names.add'))),
  );
}

function drawFiles(status) {
  const input = h('input', { type: 'file', id: 'names-file', class: 'file-input', accept: '.tsv,.json,.txt,text/tab-separated-values,application/json,text/plain' });
  const report = h('div', { class: 'names-report', id: 'names-report', 'aria-live': 'polite' });
  input.addEventListener('change', async () => {
    const file = input.files[0];
    input.value = '';
    if (file) await upload(file, report, status);
  });
  return h('div', { class: 'names-files' },
    h('h3', { class: 'names-sub' }, t('names.fileTitle')),
    h('p', { class: 'names-hint' }, t('names.fileHint')),
    h('div', { class: 'dialog-buttons names-file-buttons' },
      input,
      h('label', { for: 'names-file', class: 'button' }, t('names.upload')),
      h('button', { type: 'button', class: 'button ghost', id: 'names-download', disabled: !entries.length, on: { click: downloadEntries } }, t('names.download'))),
    report);
}

/** Reads a lexicon file through the core; its good entries join the user's (same id: the file's). */
async function upload(file, report, status) {
  const read = await names({ op: 'read', text: await file.text() });
  if (read.fatal) {
    replace(report, h('p', { class: 'names-problem' }, t('names.fileUnread', { file: file.name }), ' ', coreMessage(read.fatal)));
    return;
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const e of read.entries) byId.set(e.id, e);
  if (read.entries.length) await save([...byId.values()], status, t('names.fileRead', { file: file.name, read: fmtNumber(read.entries.length) }));
  const problems = read.problems.length + read.more;
  // Saving drew the dialog anew: the report goes in the new one.
  replace(dialog.querySelector('#names-report') ?? report, problems
    ? [h('p', { class: 'names-problem', id: 'names-left-out' }, t('names.leftOut', { file: file.name, left: fmtNumber(problems) })),
      h('ul', { class: 'names-problems' }, read.problems.map((p) => h('li', {}, coreMessage(p))))]
    : read.entries.length ? null : h('p', { class: 'names-problem' }, t('names.fileEmpty', { file: file.name })));
}

function downloadEntries() {
  const text = `${JSON.stringify(entries, null, 1)}\n`;
  download(new Blob([text], { type: 'application/json;charset=utf-8' }), 'qarin-names.json');
}

function drawProposals(status) {
  const area = h('div', { class: 'names-proposed', id: 'names-proposed', 'aria-live': 'polite' });
  const find = async (hash) => {
    replace(area, h('p', { class: 'names-hint' }, t('names.finding')));
    proposals = { hash, result: await names({ op: 'propose', hash, limit: 30 }) };
    drawProposalList(area, status);
  };
  if (proposals) drawProposalList(area, status);
  return h('div', { class: 'names-proposals' },
    h('h3', { class: 'names-sub' }, t('names.proposeTitle')),
    h('p', { class: 'names-hint' }, t('names.proposeHint')),
    h('div', { class: 'dialog-buttons names-file-buttons' },
      nav?.view.open ? h('button', { type: 'button', class: 'button', id: 'names-find-article', on: { click: () => find(nav.view.open) } }, t('names.findArticle')) : null,
      h('button', { type: 'button', class: 'button', id: 'names-find-corpus', on: { click: () => find('') } }, t('names.findCorpus'))),
    area);
}

function drawProposalList(area, status) {
  const { result } = proposals;
  if (!result.proposals.length) {
    replace(area, h('p', { class: 'names-empty' }, t('names.noProposals')));
    return;
  }
  replace(area, h('ul', { class: 'names-list' }, result.proposals.map((p) => h('li', { class: 'names-proposal', dataset: { en: p.en, ar: p.ar } },
    h('bdi', { class: 'names-en', lang: 'en', dir: 'ltr', 'data-content': '' }, p.en),
    h('span', { 'aria-hidden': 'true' }, ' ~ '),
    h('bdi', { class: 'names-ar', lang: 'ar', dir: 'rtl', 'data-content': '' }, p.ar),
    h('span', { class: 'names-score' }, t('names.score', { score: fmtNumber(p.score, 2), en: fmtNumber(p.en_articles), ar: fmtNumber(p.ar_articles) })),
    h('button', {
      type: 'button',
      class: 'button small names-take',
      on: {
        click: async () => {
          const kind = dialog.querySelector('#names-kind')?.value ?? 'person';
          const entry = { id: newId(kind), kind, parent: '', en: p.en, ar: p.ar, en_alt: [], ar_alt: [], source: 'user' };
          result.proposals = result.proposals.filter((x) => x !== p);
          await save([...entries, entry], status, t('names.added'));
        },
      },
    }, t('names.take')),
  ))));
}

/** Saves `next` as the user's entries (the worker checks, saves and links), then redraws. */
async function save(next, status, done) {
  let reply;
  try {
    reply = await names({ op: 'put', entries: next });
  } catch (e) {
    replace(status, t('names.notSaved', { message: e.message }));
    return;
  }
  entries = reply.entries;
  linkProblem = reply.problem;
  draw();
  replace(dialog.querySelector('#names-status'), done);
}
