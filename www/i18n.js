// The ONE message table: every text the interface shows, in English and in Arabic. Here the
// English texts of the start-up shell; the English texts of on-demand features are in
// www/pkg-en/messages.js (imported by those features), and the whole Arabic table is in
// www/pkg-ar/messages.js (loaded with the Arabic UI: see loadUiLang). Views
// call t(key, params); index.html names its texts with data-i18n / data-i18n-attr and
// applyStatic() fills them. Article text and file names are data, not UI, and are never
// translated; the core's messages come with a code and args and are translated by code
// ("core.<code>", see coreParts).
//
// A message is a string with placeholders, or, for a count, an object of plural forms
// (Intl.PluralRules categories: English one/other; Arabic zero/one/two/few/many/other).
//   {name}          the value of params.name (numbers formatted for the UI language)
//   {name:unit}     params.name counted with the plural message "n.<unit>" ("{n:articles}")
//   {name:unit:acc} / {name:unit:gen}  the same in the accusative / genitive: the plural
//                   message's "<category>:acc", ":gen" or ":obl" (both) form, else its own
//                   (Arabic: the dual مقالتين, a masculine one ملفًا واحدًا)
//   {name|A|B}      A when params.name counts one or two, else B: a verb before a masculine
//                   noun (لم يُضَف ملفان / لم تُضَف 3 ملفات; a non-human plural is feminine)

export const UI_LANGS = ['en', 'ar'];

export const messages = {
  en: {
    'app.title': 'Qarin · قارِن',
    'skip': 'Skip to the results',
    'tagline': 'Compare how a story is told in English and Arabic',
    'prefs.label': 'Preferences',
    'ui.switchTo': 'English',
    'ui.switchLabel': 'Switch the interface to English',
    'theme.dark': 'Dark theme',

    'corpus.menu': 'Corpus',
    'corpus.import': 'Import a bundle…',
    'corpus.export': 'Export the corpus as a bundle',
    'corpus.demo': 'Load the demo corpus',
    'corpus.outlets': 'Name outlets…',
    'corpus.clear': 'Clear the corpus…',
    'corpus.names': 'My names…',
    'corpus.usage': 'Qarin uses {used} MB of this browser’s storage (it may use up to {quota} MB).',

    'search.label': 'Search the articles',
    'search.placeholder': 'Search in English or Arabic — e.g. Ghouta, الغوطة, "Eastern Ghouta"',
    'search.button': 'Search',
    'help.short': '?',
    'help.label': 'How to search',
    'search.exact': 'Exact form',
    'search.exactHelp': 'Match words only as written (accents, hamza and vowels count); =word does this for one word',

    'add.label': 'Add articles',
    'add.files': 'Add files',
    'add.folder': 'Add a folder',

    'filters.label': 'Filters',
    'filters.lang': 'Language',
    'filters.langAll': 'All languages',
    'filters.source': 'Source',
    'filters.sourceAll': 'All sources',
    'filters.years': 'Years: each sets the date range to that year',
    'filters.datesHint': 'Date filters and newest-first order appear once articles carry full dates.',
    'filters.from': 'From',
    'filters.to': 'To',
    'filters.sort': 'Order',
    'filters.sortRelevance': 'Most relevant first',
    'filters.sortDate': 'Newest first',
    'filters.fold': 'Fold near-duplicates',
    'filters.foldHelp': 'Show a story that several outlets printed almost word for word once, at its best match',
    'filters.cross': 'Both scripts',
    'filters.crossHelp': 'Names also match the other script',
    'filters.clear': 'Clear filters',
    'filters.clearN': 'Clear filters ({n})',
    'filters.count': '{label} ({n})',

    'lang.ar': 'Arabic',
    'lang.en': 'English',
    'lang.ar.option': 'Arabic · العربية',
    'lang.en.option': 'English',
    'lang.ar.short': 'AR',
    'lang.en.short': 'EN',
    'lang.unknown': 'unknown',

    'analysis.open': 'Corpus tools',
    'stories.open': 'Stories',
    'tray.label': 'Side-by-side selection',
    'tray.title': 'Side by side',
    'tray.open': 'Read side by side',
    'tray.clear': 'Clear',
    'tray.hint': 'tick Compare on 2 to 4 articles, in any languages',
    'tray.full': 'At most 4 articles can be compared: untick one first.',
    'tray.missing': 'not in this corpus',

    'results.heading': 'Articles',
    'results.actions': 'Result actions',
    'results.share': 'Share…',
    'results.csv': 'Export CSV',
    'results.json': 'Export JSON',
    'results.remove': 'Remove…',
    'results.score': 'score {score}',
    'results.scoreHelp': 'BM25 relevance score',
    'results.compare': 'Compare',
    'results.fixQuery': 'Fix the query to see results.',
    'results.running': 'Still searching…',
    'results.stop': 'Stop',
    'results.stopped': 'Search stopped.',
    'results.all': 'All {n:articles}',
    'results.filtered': '{n:articles}{where}',
    'results.inLang': ' in {lang}',
    'results.for': '{n:results} for “{query}”{where}, {order}',
    'results.relevantFirst': 'most relevant first',
    'results.newestFirst': 'newest first',
    'results.folded': ' · {n:nearDups} folded into their best match',
    'results.similar': '+{n:nearDups}',
    'results.similarHelp': 'The same story as other outlets printed it: open the article to list them',

    'pager.label': 'Result pages',
    'pager.prev': 'Previous page',
    'pager.next': 'Next page',
    'pager.where': 'Page {page} of {pages}',

    'empty.title': 'The corpus is empty',
    'empty.hint': 'Add files or a folder (text, HTML, Word, zip…), import a bundle, or load the demo corpus.',

    'reader.label': 'Reader',
    'reader.emptyTitle': 'No article open',
    'reader.emptyHint': 'Choose a title in the list to read the article. Tick “Compare” on 2 to 4 articles, in any languages, to read them side by side.',
    'key.esc': 'Esc',
    'key.enter': 'Enter',

    'progress.add.label': 'Files read',
    'progress.restore.label': 'Saved files read',
    'progress.import.label': 'Bundle files read',
    'progress.add': 'Reading files… {done} of {total:files} · {added:articles} saved',
    'progress.restore': 'Opening the saved corpus… {done} of {total:files} · {added:articles}',
    'progress.import': 'Importing the bundle… {done} of {total:files} · {added:articles} saved',
    'progress.file': 'Reading: ',
    'progress.cancel': 'Cancel',
    'progress.cancelling': 'Stopping…',

    'report.label': 'Ingest report',
    'report.seeds': 'Demo articles',
    'report.restored': 'Saved corpus',
    'report.link': 'Articles from the link',
    'report.dismiss': 'Dismiss',
    'list.sep': ', ',

    'notice.stale': 'The corpus was changed in another tab. Reload to see the change.',
    'notice.reload': 'Reload',
    'notice.update': 'A new version of Qarin is ready.',
    'notice.linkVersion': 'This link was made by another version of Qarin and cannot be read here.',
    'notice.linkProblems': 'Parts of this link could not be read and were left out: {keys}.',
    'notice.missing': 'This link opens {n:articles} that this browser’s corpus does not hold, so the view cannot be shown in full. Ask the sender for a corpus bundle (Corpus → Export the corpus as a bundle) and import it here, or for a link that carries the articles (Share… → Link with the articles).',
    'notice.carried': 'This link carries {n:files}. Add them to your corpus to open the view.',
    'notice.carriedAdd': 'Add {n:files}',
    'notice.carriedBroken': 'The articles this link carries cannot be read (was the link cut short?).',

    'status.size': '{n:articles} loaded',
    'status.saved': ' · saved in this browser',
    'status.notSaved': ' · not saved',
    'status.savedHelp': 'Articles are kept in this browser’s storage and survive a reload.',
    'status.notSavedHelp': 'This browser does not let the page store data (private mode?): articles last until the tab closes.',
    'status.failed': 'The search core is not running',
    'status.workerFailed': 'The background worker failed to start. {message}',

    'error.search': 'Search failed: {message}',
    'error.query': 'The query cannot be read:',
    'error.queryAt': '— at {where}',
    'error.queryAtEnd': '— at the end of the query',
    'error.open': 'Cannot open the article: {message}',
    'error.export': 'Export failed: {message}',


    'footer.privacy': 'Everything runs in your browser: files you add never leave your machine.',
    'keys.search': 'search',
    'keys.move': 'move through results',
    'keys.open': 'open',
    'keys.close': 'close',
    'keys.drop': 'drop files or folders anywhere to add them',
    'drop.hint': 'Drop files, folders or a .qarin bundle to add them',

    // Messages of the core, by code: src/message.rs holds the codes, their args and the
    // English the CLI prints. Here the query errors a search shows; the ingest problems and
    // notes, article warnings and format names are in www/pkg-en/messages.js.
    'core.query_unclosed_quote': 'this quotation mark is never closed: add a closing " to end the phrase',
    'core.query_unclosed_regex': 'this regular expression is never closed: end it with /',
    'core.query_unmatched_close': 'this closing parenthesis has no opening one',
    'core.query_missing_term': 'a search term is missing here',
    'core.query_nothing_to_exclude': 'nothing follows this exclusion',
    'core.query_unclosed_paren': 'this parenthesis is never closed',
    'core.query_field_no_value': '{field}: needs a value right after the colon',
    'core.query_short_prefix': 'a prefix search needs at least two letters before *',
    'core.query_lower_or': '“{word}” was searched as a word: write OR in capitals for either term',
    'core.query_not_a_field': '{field}: is no filter, so {text} was searched as words (filters: lang:, source:, file:, title:; dates: From and To)',
    'core.query_no_regex': 'regular expressions are not in this build of Qarin (the page keeps it small); the qarin command line has them',
    'core.query_regex_empty': 'this regular expression is empty',
    'core.query_regex_too_long': 'this regular expression is longer than {max} bytes',
    'core.query_regex_invalid': 'this regular expression cannot be read: {detail}',
    'core.query_too_long': 'this query is longer than {max} bytes',
    'core.query_too_many_terms': 'this query has more than {max} search terms',
    'core.query_too_many_regexes': 'this query has more than {max} regular expressions',
    'core.query_too_deep': 'this query nests parentheses, exclusions or title: more than {max} levels deep',
    'core.query_regex_partial': 'the regular expression search reached its work limit: it read {searched} of {total} articles, so results are partial',
    'core.query_regex_marks_partial': 'the regular expression’s matches are marked only in part (work limit)',

    'n.articles': { one: '{n} article', other: '{n} articles' },
    'n.files': { one: '{n} file', other: '{n} files' },
    'n.results': { one: '{n} result', other: '{n} results' },
    'n.nearDups': { one: '{n} near-duplicate', other: '{n} near-duplicates' },
    'n.notes': { one: '{n} note', other: '{n} notes' },
    'n.warnings': { one: '{n} warning', other: '{n} warnings' },
    'n.sources': { one: '{n} source', other: '{n} sources' },

    // The worker's own messages (www/worker.js `note`), shown like the core's.
    'worker.core_failed': 'the search core could not start: {error}',
    'worker.core_crashed': 'the search core crashed; reload the page',
    'worker.core_crashed_reading': 'the search core crashed while reading {file}; reload the page',
    'worker.saved_corpus_unreadable': 'the saved corpus could not be read: {error}',
    'worker.file_unreadable': 'cannot read the file: {error}',
    'worker.names_merged': 'names of the bundle added to yours: {added}; yours kept as they were: {kept}',
    'worker.not_saved': 'not saved: {error}',
  },

  // The rest of the Arabic table is www/pkg-ar/messages.js, loaded by loadUiLang('ar'); the
  // switch names Arabic in Arabic from the English interface too.
  ar: {
    'ui.switchTo': 'العربية',
    'ui.switchLabel': 'حوّل الواجهة إلى العربية',
  },
};

/** Number formats: Arabic with Western digits, as Arabic news sites and the data use. */
const LOCALE = { en: 'en', ar: 'ar-u-nu-latn' };

let current = 'en';

/** Where the tables of languages other than English come from (fetched once, on demand). */
const TABLES = { ar: () => import('./pkg-ar/messages.js') };
const loaded = { en: true };

/**
 * Fetches the message table of `lang` (once): null when t() can already speak it, else a
 * promise that resolves when it can.
 */
export function loadUiLang(lang) {
  if (loaded[lang] || !TABLES[lang]) return null;
  return TABLES[lang]().then((table) => {
    Object.assign(messages[lang], table.default);
    loaded[lang] = true;
  });
}

/** Sets the UI language; its table must be loaded (loadUiLang), else English shows. */
export function setUiLang(lang) {
  current = UI_LANGS.includes(lang) && loaded[lang] ? lang : 'en';
}

export function uiLang() {
  return current;
}

/** `n` formatted for the UI language (`digits`: fraction digits, fixed). */
export function fmtNumber(n, digits = 0, lang = current) {
  return formatter(lang, digits, () => new Intl.NumberFormat(LOCALE[lang] ?? 'en', { minimumFractionDigits: digits, maximumFractionDigits: digits })).format(Number(n));
}

// Intl objects are costly to make (a search's summary, rows and menus format dozens of
// numbers): one per language and kind, kept.
const formatters = new Map();
function formatter(lang, kind, make) {
  const key = `${lang}|${kind}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/**
 * The message `key` in the UI language (or `lang`) with `params` filled in. A missing key
 * gives `fallback` (or the key itself, so a gap shows and the table test catches it).
 */
export function t(key, params = {}, fallback = '', lang = current) {
  const msg = (messages[lang] ?? messages.en)[key];
  if (msg === undefined) return fallback || key;
  return fill(typeof msg === 'object' ? pluralForm(msg, params.n, lang) : msg, params, lang);
}

/** `msg` with its placeholders filled from `params` (see the top of this file). */
function fill(msg, params, lang) {
  return msg.replace(/\{(\w+)(?::(\w+))?(?::(acc|gen))?(?:\|([^|}]*)\|([^|}]*))?\}/g, (whole, name, unit, gcase, oneOrTwo, more) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (oneOrTwo !== undefined) return ['one', 'two'].includes(category(value, lang)) ? oneOrTwo : more;
    if (unit) {
      const forms = (messages[lang] ?? messages.en)[`n.${unit}`];
      return typeof forms === 'object' ? fill(pluralForm(forms, value, lang, gcase), { n: value }, lang) : whole;
    }
    return typeof value === 'number' ? fmtNumber(value, 0, lang) : String(value);
  });
}

function category(n, lang) {
  return typeof n === 'number' ? formatter(lang, 'plural', () => new Intl.PluralRules(LOCALE[lang] ?? 'en')).select(n) : 'other';
}

/** The form of `forms` for `n` in grammatical case `gcase` ("acc", "gen" or none). */
function pluralForm(forms, n, lang, gcase) {
  const c = category(n, lang);
  return (gcase && (forms[`${c}:${gcase}`] ?? forms[`${c}:obl`])) ?? forms[c] ?? forms.other;
}

/**
 * Fills the static texts under `root`: `data-i18n="key"` sets the text, and
 * `data-i18n-attr="placeholder=key;aria-label=key"` sets attributes.
 */
export function applyStatic(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split('=').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

/** Args of core messages that are counts: shown as numbers in the UI language. */
const COUNT_ARGS = new Set(['count', 'max', 'percent']);
/** Args that hold English prose (the regex library's words, the browser's errors), not data. */
const ENGLISH_ARGS = new Set(['detail', 'error']);

/**
 * A message of the core (`{code, args, message}`: a warning, a note, a query error) in the UI
 * language, as pieces: strings of UI text, and `{data, lang}` for arg values (file names,
 * encodings), which the page shows as data in their own direction. `null` when the code has
 * no entry here (`text`, free English text, or a code newer than this page): the caller then
 * shows the English `message` as it is.
 */
export function coreParts(m, lang = current) {
  // A code with a dot is the page's own (`worker.…`); the core's codes are bare.
  const key = String(m?.code).includes('.') ? String(m.code) : `core.${m?.code}`;
  if (typeof messages.en[key] !== 'string') return null;
  const values = [];
  const params = {};
  for (const [name, value] of Object.entries(m.args ?? {})) {
    if (COUNT_ARGS.has(name) && /^\d+$/.test(value)) params[name] = Number(value);
    // A `format` arg names a file format by key: UI text, in the UI language.
    else if (name === 'format' && typeof messages.en[`format.${value}`] === 'string') params[name] = t(`format.${value}`, {}, '', lang);
    else params[name] = `\u0001${values.push({ data: String(value), lang: ENGLISH_ARGS.has(name) ? 'en' : null }) - 1}\u0002`;
  }
  return t(key, params, '', lang).split(/\u0001(\d+)\u0002/).map((s, i) => (i % 2 ? values[Number(s)] : s)).filter((p) => p !== '');
}
