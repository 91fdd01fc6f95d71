// The ONE message table: every text the interface shows, in English and in Arabic. Views
// call t(key, params); index.html names its texts with data-i18n / data-i18n-attr and
// applyStatic() fills them. Article text and file names are data, not UI, and are never
// translated; the core's messages come with a code and args and are translated by code
// ("core.<code>", see coreParts).
//
// A message is a string with placeholders, or, for a count, an object of plural forms
// (Intl.PluralRules categories: English one/other; Arabic zero/one/two/few/many/other).
//   {name}        the value of params.name (numbers formatted for the UI language)
//   {name:unit}   params.name counted with the plural message "n.<unit>" ("{n:articles}")

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
    'corpus.clear': 'Clear the corpus…',
    'corpus.usage': 'Qarin uses {used} MB of this browser’s storage (it may use up to {quota} MB).',
    'corpus.exported': 'Exported {n:articles} as a bundle ({size} KB).',

    'search.label': 'Search the articles',
    'search.placeholder': 'Search in English or Arabic — e.g. Ghouta, الغوطة, "Eastern Ghouta"',
    'search.button': 'Search',
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
    'filters.entity': 'Entity',
    'filters.entityAll': 'All entities',
    'filters.from': 'From',
    'filters.to': 'To',
    'filters.sort': 'Order',
    'filters.sortRelevance': 'Most relevant first',
    'filters.sortDate': 'Newest first',
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

    'tray.label': 'Side-by-side selection',
    'tray.title': 'Side by side',
    'tray.open': 'Read side by side',
    'tray.clear': 'Clear',
    'tray.english': 'English',
    'tray.arabic': 'Arabic',
    'tray.englishHint': 'tick Compare on an English article',
    'tray.arabicHint': 'tick Compare on an Arabic article',
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
    'results.all': 'All {n:articles}',
    'results.filtered': '{n:articles}{where}',
    'results.inLang': ' in {lang}',
    'results.for': '{n:results} for “{query}”{where}, {order}',
    'results.relevantFirst': 'most relevant first',
    'results.newestFirst': 'newest first',

    'pager.label': 'Result pages',
    'pager.prev': 'Previous page',
    'pager.next': 'Next page',
    'pager.where': 'Page {page} of {pages}',

    'empty.title': 'The corpus is empty',
    'empty.hint': 'Add files or a folder (text, HTML, Word, zip…), import a bundle, or load the demo corpus.',

    'reader.label': 'Reader',
    'reader.emptyTitle': 'No article open',
    'reader.emptyHint': 'Choose a title in the list to read the article. Tick “Compare” on one English and one Arabic article to read them side by side.',
    'reader.toolbar': 'Article actions',
    'reader.compare': 'Compare side by side',
    'reader.share': 'Share…',
    'reader.download': 'Download text',
    'reader.remove': 'Remove…',
    'reader.close': 'Close',
    'key.esc': 'Esc',
    'key.enter': 'Enter',

    'sbs.heading': 'Side by side',
    'sbs.back': 'Back to results',

    'meta.language': 'Language',
    'meta.date': 'Date',
    'meta.dateline': 'Dateline',
    'meta.agency': 'Agency',
    'meta.outlet': 'Outlet',
    'meta.byline': 'By',
    'meta.url': 'Address',
    'meta.file': 'File',

    'article.removed': 'Removed by cleaning ({n})',
    'article.removedNone': 'Nothing was removed by cleaning.',
    'article.warnings': '{n:warnings}',
    'removed.title_suffix': 'site name',
    'removed.repeated_title': 'repeated title',
    'removed.outlet_line': 'outlet line',
    'removed.dateline': 'dateline',
    'removed.related_links': 'related links',
    'removed.comment_form': 'comment form',
    'removed.navigation': 'navigation',
    'removed.timestamp': 'timestamp',

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
    'report.summary': '{what}: added {added:articles} from {files:files}.',
    'report.upload': 'Upload',
    'report.seeds': 'Demo articles',
    'report.restored': 'Saved corpus',
    'report.link': 'Articles from the link',
    'report.bundle': 'Bundle (files read again)',
    'report.bundleInstant': 'Bundle',
    'report.cancelled': 'Cancelled after {read} of {files:files}; everything added so far is saved.',
    'report.storageFull': 'This browser’s storage is full: {saved:articles} saved, {unsaved:files} not added.',
    'report.notAdded': 'not added:',
    'report.skippedCount': '{n:files} not added',
    'report.notesCount': '{n:notes} on added files',
    'report.unsavedCount': '{n:files} not saved (storage full)',
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
    'error.add': 'Adding files failed: {message}',
    'error.bundle': 'The bundle could not be used: {message}',
    'error.remove': 'Removing failed: {message}',
    'error.export': 'Export failed: {message}',

    'import.title': 'Import a bundle',
    'import.message': 'Your corpus holds {n:articles}. Replace it with the bundle (it opens at once), or add the bundle’s articles to it (their files are read again)?',
    'import.add': 'Add to my corpus',
    'import.replace': 'Replace my corpus',

    'clear.title': 'Clear the corpus?',
    'clear.message': 'This deletes all {n:articles} from this browser. Links to them will no longer open here. The demo corpus can be loaded again.',
    'clear.confirm': 'Delete everything',
    'clear.done': 'The corpus is empty.',

    'remove.title': 'Remove {n:articles}?',
    'remove.message': 'The article is deleted from this browser.',
    'remove.resultsMessage': 'Every article in the current results ({n}) is deleted from this browser, not only those on this page.',
    'remove.confirm': 'Remove {n:articles}',
    'remove.done': 'Removed {n:articles}.',

    'dialog.cancel': 'Cancel',
    'dialog.close': 'Close',

    'share.title': 'Share this view',
    'share.viewLabel': 'Link to this view',
    'share.viewHint': 'Opens the same search, filters and articles in a browser that holds the same articles (the demo corpus, or your bundle imported).',
    'share.copy': 'Copy',
    'share.copied': 'Copied',
    'share.copyFailed': 'Select and copy',
    'share.carryTitle': 'Link with the articles',
    'share.carryLabel': 'Link with the articles ({n:files} inside)',
    'share.carryHint': 'The articles travel inside the link ({chars} of at most {limit} characters), after the #, which browsers never send to a server.',
    'share.carryTooLong': 'These articles make a link of {chars} characters, over the limit of {limit}. Share a bundle instead.',
    'share.carryNone': 'Open an article or choose a side-by-side pair to put them in the link.',
    'share.carryError': 'The articles could not be packed into a link.',
    'share.bundleTitle': 'The whole corpus',
    'share.bundleHint': 'A bundle file holds every article and its index; your colleague imports it from the Corpus menu.',

    'column.rank': 'Rank',
    'column.title': 'Title',
    'column.lang': 'Language',
    'column.source': 'Source',
    'column.date': 'Date',
    'column.score': 'Score',
    'column.file': 'File',
    'column.hash': 'Hash',
    'column.snippet': 'Snippet',

    'footer.privacy': 'Everything runs in your browser: files you add never leave your machine.',
    'keys.search': 'search',
    'keys.move': 'move through results',
    'keys.open': 'open',
    'keys.close': 'close',
    'keys.drop': 'drop files or folders anywhere to add them',
    'drop.hint': 'Drop files, folders or a .qarin bundle to add them',

    // Messages of the core (ingest problems and notes, article warnings, query errors), by
    // code: src/message.rs holds the codes, their args and the English the CLI prints.
    'core.too_large': 'too large: {size} MB, more than the limit of {limit} MB',
    'core.format_not_read': 'not read: it is {what}, a format Qarin does not read',
    'core.text_only_build': 'not read: this build of Qarin reads plain text only',
    'core.no_article_text': 'no article text found (the file holds only blank lines or boilerplate)',
    'core.duplicate_of': 'skipped: duplicate of {file}',
    'core.near_duplicate_of': 'near-duplicate of {file} (about {percent}% of the shorter text is in the other)',
    'core.control_chars_dropped': 'dropped {count} stray control character(s)',
    'core.long_title': 'the first line is very long for a title; the file may have no title line',
    'core.sidecar_applied': 'metadata applied to {count:articles} already loaded; it applies to matching files added later too',
    'core.empty_file': 'empty file',
    'core.blank_file': 'empty file (only white space)',
    'core.not_text_file': 'not a text file: it is {what}',
    'core.binary_file': 'not a text file: it holds binary data',
    'core.encoding_by_bom': 'read as {encoding} (byte-order mark)',
    'core.encoding_no_bom': 'read as {encoding} (no byte-order mark)',
    'core.encoding_declared': 'read as {encoding} (declared)',
    'core.encoding_guessed': 'no encoding declared; read as {encoding} (guessed)',
    'core.encoding_unknown_declared': 'declared encoding “{declared}” is not one Qarin reads; read as {encoding} (guessed)',
    'core.encoding_not_utf8': 'declared UTF-8 but is not; read as {encoding} (guessed)',
    'core.encoding_unsure': 'not sure of the encoding: {encoding} was only a guess and the text may be garbled',
    'core.mojibake': 'the text looks garbled (mojibake such as “Ø§Ù„” or “Ã©”): it was probably decoded with the wrong encoding before it was saved',
    'core.undefined_bytes_declared': '{count} byte(s) undefined in the declared {encoding} shown as �',
    'core.undefined_bytes': '{count} byte(s) undefined in {encoding} shown as �',
    'core.invalid_utf8': 'not valid UTF-8: {count} undecodable byte sequence(s) shown as �; the file may use another encoding',
    'core.utf16_odd_length': '{encoding} file has an odd number of bytes; the last one was dropped',
    'core.utf16_unpaired': '{encoding} file holds unpaired surrogates, shown as �',
    'core.mhtml_no_page': 'no web page found inside the MHTML file',
    'core.document_part_missing': 'not a readable document: {part} is missing',
    'core.document_no_text': 'no article text found in the document',
    'core.table_empty': 'empty table',
    'core.table_too_many_rows': 'more than {max} rows; the rest were not read',
    'core.json_not_articles': 'not JSON Lines or a JSON list of articles',
    'core.table_no_text_column': 'a table without a text column (text, body or content) and without a file column for metadata; its columns: {columns}',
    'core.record_not_object': 'not read: this record is not a JSON object',
    'core.row_no_text': 'no article text in this row',
    'core.rows_no_text': '{count} more rows had no article text',
    'core.sidecar_rows': 'metadata for {count:files}, attached to the articles of the files it names',
    'core.zip_too_deep': 'not opened: an archive nested more than {max} levels deep',
    'core.zip_unreadable': 'not a readable zip archive (its directory is missing or damaged)',
    'core.zip_directory_damaged': 'the archive’s directory is missing or damaged; entries were found one by one and some may be missing',
    'core.zip_too_many_entries': 'holds more than {max} entries; the rest were not read (zip bomb guard)',
    'core.zip_unpacked_too_large': 'the archive unpacks to more than {limit} MB (zip bomb guard)',
    'core.zip_stopped': 'the archive unpacks to more than {limit} MB (zip bomb guard); the rest of the archive was not read',
    'core.zip_hidden_skipped': 'skipped {count} hidden or system entries (macOS metadata, dot files): {names}',
    'core.zip_hidden_skipped_one': 'skipped a hidden or system entry (macOS metadata, dot files): {names}',
    'core.zip_empty': 'the archive holds no files',
    'core.zip_entry_encrypted': 'not read: the entry is encrypted',
    'core.zip_entry_too_large': 'too large: {size} MB unpacked, more than the limit of {limit} MB',
    'core.zip_entry_unpacks_too_large': 'too large: unpacks to more than the limit of {limit} MB',
    'core.zip_entry_damaged': 'damaged: its offset or size is impossible; not read',
    'core.zip_entry_no_header': 'damaged: its header is missing; not read',
    'core.zip_entry_truncated': 'damaged: the archive ends inside it; not read',
    'core.zip_entry_corrupt': 'damaged: its compressed data is corrupt; not read',
    'core.zip_entry_checksum': 'damaged: checksum mismatch; not read',
    'core.zip_entry_method': 'not read: compressed with {method} (method {number}); Qarin reads stored and deflated entries',
    'core.zip_entry_unknown_method': 'not read: compressed with an unknown method (method {number}); Qarin reads stored and deflated entries',
    'core.zip_entry_aes': 'not read: the entry is encrypted (AES)',
    'core.query_unclosed_quote': 'this quotation mark is never closed: add a closing " to end the phrase',
    'core.query_unclosed_regex': 'this regular expression is never closed: end it with /',
    'core.query_unmatched_close': 'this closing parenthesis has no opening one',
    'core.query_missing_term': 'a search term is missing here',
    'core.query_nothing_to_exclude': 'nothing follows this exclusion',
    'core.query_unclosed_paren': 'this parenthesis is never closed',
    'core.query_field_no_value': '{field}: needs a value right after the colon',
    'core.query_short_prefix': 'a prefix search needs at least two letters before *',
    'core.query_no_regex': 'regular expressions are not in this build of Qarin (the page keeps it small); the qarin command line has them',
    'core.query_regex_empty': 'this regular expression is empty',
    'core.query_regex_too_long': 'this regular expression is longer than {max} bytes',
    'core.query_regex_invalid': 'this regular expression cannot be read: {detail}',

    'n.articles': { one: '{n} article', other: '{n} articles' },
    'n.files': { one: '{n} file', other: '{n} files' },
    'n.filesGen': { one: '{n} file', other: '{n} files' },
    'n.results': { one: '{n} result', other: '{n} results' },
    'n.notes': { one: '{n} note', other: '{n} notes' },
    'n.warnings': { one: '{n} warning', other: '{n} warnings' },
    'n.sources': { one: '{n} source', other: '{n} sources' },
  },

  ar: {
    'app.title': 'قارِن · Qarin',
    'skip': 'انتقل إلى النتائج',
    'tagline': 'قارِن كيف تُروى القصة نفسها بالعربية والإنجليزية',
    'prefs.label': 'التفضيلات',
    'ui.switchTo': 'العربية',
    'ui.switchLabel': 'حوّل الواجهة إلى العربية',
    'theme.dark': 'المظهر الداكن',

    'corpus.menu': 'المدوّنة',
    'corpus.import': 'استيراد حزمة…',
    'corpus.export': 'تصدير المدوّنة حزمةً',
    'corpus.demo': 'تحميل المقالات التجريبية',
    'corpus.clear': 'إفراغ المدوّنة…',
    'corpus.usage': 'يستخدم قارِن {used} ميغابايت من مساحة هذا المتصفح (وله حتى {quota} ميغابايت).',
    'corpus.exported': 'صُدّرت {n:articles} في حزمة ({size} كيلوبايت).',

    'search.label': 'ابحث في المقالات',
    'search.placeholder': 'ابحث بالعربية أو الإنجليزية — مثل: الغوطة، "الغوطة الشرقية"، ماكرون',
    'search.button': 'بحث',
    'search.exact': 'الصيغة كما كُتبت',
    'search.exactHelp': 'طابِق الكلمات كما كُتبت فقط (الهمزة والتشكيل محسوبان)؛ وكتابة = قبل الكلمة تفعل ذلك لكلمة واحدة',

    'add.label': 'إضافة مقالات',
    'add.files': 'أضف ملفات',
    'add.folder': 'أضف مجلدًا',

    'filters.label': 'عوامل التصفية',
    'filters.lang': 'اللغة',
    'filters.langAll': 'كل اللغات',
    'filters.source': 'المصدر',
    'filters.sourceAll': 'كل المصادر',
    'filters.years': 'السنوات: كلٌّ منها يجعل نطاق التاريخ تلك السنة',
    'filters.entity': 'الاسم العَلَم',
    'filters.entityAll': 'كل الأسماء',
    'filters.from': 'من',
    'filters.to': 'إلى',
    'filters.sort': 'الترتيب',
    'filters.sortRelevance': 'الأكثر صلة أولًا',
    'filters.sortDate': 'الأحدث أولًا',
    'filters.clear': 'مسح عوامل التصفية',
    'filters.clearN': 'مسح عوامل التصفية ({n})',
    'filters.count': '{label} ({n})',

    'lang.ar': 'العربية',
    'lang.en': 'الإنجليزية',
    'lang.ar.option': 'العربية',
    'lang.en.option': 'الإنجليزية',
    'lang.ar.short': 'عربي',
    'lang.en.short': 'إنجليزي',
    'lang.unknown': 'غير معروفة',

    'tray.label': 'اختيار القراءة المتقابلة',
    'tray.title': 'جنبًا إلى جنب',
    'tray.open': 'اقرأ جنبًا إلى جنب',
    'tray.clear': 'مسح',
    'tray.english': 'الإنجليزية',
    'tray.arabic': 'العربية',
    'tray.englishHint': 'اختر «قارِن» على مقالة إنجليزية',
    'tray.arabicHint': 'اختر «قارِن» على مقالة عربية',
    'tray.missing': 'ليست في هذه المدوّنة',

    'results.heading': 'المقالات',
    'results.actions': 'إجراءات النتائج',
    'results.share': 'مشاركة…',
    'results.csv': 'تصدير CSV',
    'results.json': 'تصدير JSON',
    'results.remove': 'حذف…',
    'results.score': 'الدرجة {score}',
    'results.scoreHelp': 'درجة الصلة (BM25)',
    'results.compare': 'قارِن',
    'results.fixQuery': 'صحّح الاستعلام لترى النتائج.',
    'results.all': 'كل المقالات: {n:articles}',
    'results.filtered': '{n:articles}{where}',
    'results.inLang': ' باللغة {lang}',
    'results.for': '{n:results} عن «{query}»{where}، {order}',
    'results.relevantFirst': 'الأكثر صلة أولًا',
    'results.newestFirst': 'الأحدث أولًا',

    'pager.label': 'صفحات النتائج',
    'pager.prev': 'الصفحة السابقة',
    'pager.next': 'الصفحة التالية',
    'pager.where': 'الصفحة {page} من {pages}',

    'empty.title': 'المدوّنة فارغة',
    'empty.hint': 'أضف ملفات أو مجلدًا (نصوص، صفحات ويب، مستندات وورد، أرشيفات مضغوطة…)، أو استورد حزمة، أو حمّل المقالات التجريبية.',

    'reader.label': 'القارئ',
    'reader.emptyTitle': 'لا مقالة مفتوحة',
    'reader.emptyHint': 'اختر عنوانًا من القائمة لقراءة المقالة. اختر «قارِن» على مقالة إنجليزية وأخرى عربية لتقرأهما جنبًا إلى جنب.',
    'reader.toolbar': 'إجراءات المقالة',
    'reader.compare': 'قارِن جنبًا إلى جنب',
    'reader.share': 'مشاركة…',
    'reader.download': 'تنزيل النص',
    'reader.remove': 'حذف…',
    'reader.close': 'إغلاق',
    'key.esc': 'Esc',
    'key.enter': 'Enter',

    'sbs.heading': 'جنبًا إلى جنب',
    'sbs.back': 'العودة إلى النتائج',

    'meta.language': 'اللغة',
    'meta.date': 'التاريخ',
    'meta.dateline': 'مكان الخبر',
    'meta.agency': 'الوكالة',
    'meta.outlet': 'وسيلة النشر',
    'meta.byline': 'الكاتب',
    'meta.url': 'العنوان الأصلي',
    'meta.file': 'الملف',

    'article.removed': 'ما أزاله التنظيف ({n})',
    'article.removedNone': 'لم يُزِل التنظيف شيئًا.',
    'article.warnings': '{n:warnings}',
    'removed.title_suffix': 'اسم الموقع',
    'removed.repeated_title': 'عنوان مكرر',
    'removed.outlet_line': 'سطر وسيلة النشر',
    'removed.dateline': 'مكان الخبر',
    'removed.related_links': 'روابط ذات صلة',
    'removed.comment_form': 'نموذج تعليق',
    'removed.navigation': 'روابط التنقل',
    'removed.timestamp': 'طابع زمني',

    'progress.add.label': 'الملفات المقروءة',
    'progress.restore.label': 'الملفات المحفوظة المقروءة',
    'progress.import.label': 'ملفات الحزمة المقروءة',
    'progress.add': 'قراءة الملفات… {done} من {total:files} · حُفظت {added:articles}',
    'progress.restore': 'فتح المدوّنة المحفوظة… {done} من {total:files} · {added:articles}',
    'progress.import': 'استيراد الحزمة… {done} من {total:files} · حُفظت {added:articles}',
    'progress.file': 'قيد القراءة: ',
    'progress.cancel': 'إلغاء',
    'progress.cancelling': 'جارٍ الإيقاف…',

    'report.label': 'تقرير القراءة',
    'report.summary': '{what}: أُضيفت {added:articles} من {files:filesGen}.',
    'report.upload': 'الرفع',
    'report.seeds': 'المقالات التجريبية',
    'report.restored': 'المدوّنة المحفوظة',
    'report.link': 'مقالات الرابط',
    'report.bundle': 'الحزمة (أُعيدت قراءة ملفاتها)',
    'report.bundleInstant': 'الحزمة',
    'report.cancelled': 'أُلغيت القراءة بعد {read} من {files:files}؛ كل ما أُضيف حتى الآن محفوظ.',
    'report.storageFull': 'امتلأت مساحة التخزين في هذا المتصفح: حُفظت {saved:articles}، ولم يُضَف {unsaved:files}.',
    'report.notAdded': 'لم يُضَف:',
    'report.skippedCount': 'لم يُضَف {n:files}',
    'report.notesCount': '{n:notes} على ملفات مضافة',
    'report.unsavedCount': 'لم يُحفظ {n:files} (التخزين ممتلئ)',
    'report.dismiss': 'إخفاء',
    'list.sep': '، ',

    'notice.stale': 'تغيّرت المدوّنة في تبويب آخر. أعد التحميل لترى التغيير.',
    'notice.reload': 'إعادة التحميل',
    'notice.update': 'إصدار جديد من قارِن جاهز.',
    'notice.linkVersion': 'صُنع هذا الرابط بإصدار آخر من قارِن ولا يمكن قراءته هنا.',
    'notice.linkProblems': 'تعذّرت قراءة أجزاء من هذا الرابط فأُهملت: {keys}.',
    'notice.missing': 'يفتح هذا الرابط {n:articles} ليست في مدوّنة هذا المتصفح، فلا يمكن عرضه كاملًا. اطلب من المرسل حزمة مدوّنته (المدوّنة ← تصدير المدوّنة حزمةً) واستوردها هنا، أو رابطًا يحمل المقالات نفسها (مشاركة… ← رابط يحمل المقالات).',
    'notice.carried': 'يحمل هذا الرابط {n:files}. أضفها إلى مدوّنتك لفتح العرض.',
    'notice.carriedAdd': 'أضف {n:files}',
    'notice.carriedBroken': 'تعذّرت قراءة المقالات التي يحملها هذا الرابط (هل قُطع الرابط؟).',

    'status.size': 'في المدوّنة {n:articles}',
    'status.saved': ' · محفوظة في هذا المتصفح',
    'status.notSaved': ' · غير محفوظة',
    'status.savedHelp': 'تُحفظ المقالات في مساحة تخزين هذا المتصفح وتبقى بعد إعادة التحميل.',
    'status.notSavedHelp': 'لا يسمح هذا المتصفح للصفحة بحفظ البيانات (وضع التصفح الخاص؟): تبقى المقالات حتى يُغلق التبويب.',
    'status.failed': 'محرّك البحث لا يعمل',
    'status.workerFailed': 'تعذّر تشغيل العامل في الخلفية. {message}',

    'error.search': 'تعذّر البحث: {message}',
    'error.query': 'تعذّرت قراءة الاستعلام:',
    'error.queryAt': '— في الموضع {where}',
    'error.queryAtEnd': '— في آخر الاستعلام',
    'error.open': 'تعذّر فتح المقالة: {message}',
    'error.add': 'تعذّرت إضافة الملفات: {message}',
    'error.bundle': 'تعذّر استخدام الحزمة: {message}',
    'error.remove': 'تعذّر الحذف: {message}',
    'error.export': 'تعذّر التصدير: {message}',

    'import.title': 'استيراد حزمة',
    'import.message': 'في مدوّنتك {n:articles}. هل تستبدل بها الحزمة (تُفتح فورًا)، أم تضيف مقالات الحزمة إليها (تُعاد قراءة ملفاتها)؟',
    'import.add': 'أضفها إلى مدوّنتي',
    'import.replace': 'استبدل مدوّنتي',

    'clear.title': 'إفراغ المدوّنة؟',
    'clear.message': 'سيُحذف كل ما في المدوّنة ({n:articles}) من هذا المتصفح، ولن تُفتح الروابط إليها هنا بعد ذلك. يمكن تحميل المقالات التجريبية من جديد.',
    'clear.confirm': 'احذف كل شيء',
    'clear.done': 'أُفرغت المدوّنة.',

    'remove.title': 'حذف {n:articles}؟',
    'remove.message': 'ستُحذف المقالة من هذا المتصفح.',
    'remove.resultsMessage': 'ستُحذف كل مقالات النتائج الحالية ({n}) من هذا المتصفح، لا مقالات هذه الصفحة وحدها.',
    'remove.confirm': 'احذف {n:articles}',
    'remove.done': 'حُذفت {n:articles}.',

    'dialog.cancel': 'إلغاء',
    'dialog.close': 'إغلاق',

    'share.title': 'مشاركة هذا العرض',
    'share.viewLabel': 'رابط هذا العرض',
    'share.viewHint': 'يفتح البحث وعوامل التصفية والمقالات نفسها في متصفح فيه المقالات نفسها (المقالات التجريبية، أو حزمتك بعد استيرادها).',
    'share.copy': 'نسخ',
    'share.copied': 'نُسخ',
    'share.copyFailed': 'حدّده وانسخه',
    'share.carryTitle': 'رابط يحمل المقالات',
    'share.carryLabel': 'رابط يحمل المقالات ({n:files} داخله)',
    'share.carryHint': 'تنتقل المقالات داخل الرابط ({chars} من {limit} حرفًا على الأكثر)، بعد العلامة #، والمتصفحات لا ترسل هذا الجزء إلى أي خادم.',
    'share.carryTooLong': 'تصنع هذه المقالات رابطًا من {chars} حرفًا، وهذا فوق الحد ({limit}). شارك حزمة بدلًا منه.',
    'share.carryNone': 'افتح مقالة أو اختر زوجًا للقراءة المتقابلة لتضعها في الرابط.',
    'share.carryError': 'تعذّر وضع المقالات في رابط.',
    'share.bundleTitle': 'المدوّنة كاملة',
    'share.bundleHint': 'ملف الحزمة يحمل كل المقالات وفهرسها؛ يستورده زميلك من قائمة المدوّنة.',

    'column.rank': 'الترتيب',
    'column.title': 'العنوان',
    'column.lang': 'اللغة',
    'column.source': 'المصدر',
    'column.date': 'التاريخ',
    'column.score': 'الدرجة',
    'column.file': 'الملف',
    'column.hash': 'البصمة',
    'column.snippet': 'المقتطف',

    'footer.privacy': 'كل شيء يعمل في متصفحك: الملفات التي تضيفها لا تغادر جهازك.',
    'keys.search': 'البحث',
    'keys.move': 'التنقل بين النتائج',
    'keys.open': 'الفتح',
    'keys.close': 'الإغلاق',
    'keys.drop': 'أفلِت الملفات أو المجلدات في أي مكان لإضافتها',
    'drop.hint': 'أفلِت ملفات أو مجلدات أو حزمة مدوّنة لإضافتها',

    'core.too_large': 'حجمه كبير جدًا: {size} ميغابايت، والحد الأقصى {limit} ميغابايت',
    'core.format_not_read': 'لم يُقرأ: نوعه ({what}) صيغة لا يقرؤها قارِن',
    'core.text_only_build': 'لم يُقرأ: هذه النسخة من قارِن تقرأ النصوص العادية فقط',
    'core.no_article_text': 'لم يُعثر على نص مقالة (ليس في الملف إلا أسطر فارغة أو نصوص قالبية من الموقع)',
    'core.duplicate_of': 'تُخطّي: نسخة مكررة من {file}',
    'core.near_duplicate_of': 'شبه مكررة من {file} (نحو {percent}% من النص الأقصر موجود في الآخر)',
    'core.control_chars_dropped': 'حُذفت محارف تحكّم دخيلة، عددها {count}',
    'core.long_title': 'السطر الأول أطول من أن يكون عنوانًا؛ ربما ليس في الملف سطر عنوان',
    'core.sidecar_applied': 'طُبّقت البيانات الوصفية على {count:articles} مما حُمّل من قبل، وتُطبَّق كذلك على الملفات المطابقة التي تُضاف لاحقًا',
    'core.empty_file': 'ملف فارغ',
    'core.blank_file': 'ملف فارغ (ليس فيه إلا مسافات بيضاء)',
    'core.not_text_file': 'ليس ملفًا نصيًا: نوعه {what}',
    'core.binary_file': 'ليس ملفًا نصيًا: فيه بيانات ثنائية',
    'core.encoding_by_bom': 'قُرئ بترميز {encoding} (بحسب علامة ترتيب البايتات)',
    'core.encoding_no_bom': 'قُرئ بترميز {encoding} (من غير علامة ترتيب البايتات)',
    'core.encoding_declared': 'قُرئ بترميز {encoding} (المصرَّح به في الملف)',
    'core.encoding_guessed': 'لم يُصرَّح بالترميز؛ قُرئ بترميز {encoding} (بالتخمين)',
    'core.encoding_unknown_declared': 'الترميز المصرَّح به «{declared}» لا يقرؤه قارِن؛ قُرئ بترميز {encoding} (بالتخمين)',
    'core.encoding_not_utf8': 'صُرِّح بأن ترميزه UTF-8 وليس كذلك؛ قُرئ بترميز {encoding} (بالتخمين)',
    'core.encoding_unsure': 'الترميز غير مؤكد: {encoding} مجرد تخمين، وقد يظهر النص مشوَّهًا',
    'core.mojibake': 'يبدو النص مشوَّهًا (رموز مثل «Ø§Ù„» أو «Ã©»): الأرجح أنه فُكّ ترميزه بترميز خاطئ قبل حفظه',
    'core.undefined_bytes_declared': 'بايتات غير معرَّفة في الترميز المصرَّح به {encoding}، عُرضت بالرمز �، عددها {count}',
    'core.undefined_bytes': 'بايتات غير معرَّفة في ترميز {encoding}، عُرضت بالرمز �، عددها {count}',
    'core.invalid_utf8': 'ليس ترميز UTF-8 صالحًا: تسلسلات بايتات تعذّر فك ترميزها عُرضت بالرمز �، عددها {count}؛ ربما يستخدم الملف ترميزًا آخر',
    'core.utf16_odd_length': 'عدد بايتات الملف ذي الترميز {encoding} فردي؛ حُذف البايت الأخير',
    'core.utf16_unpaired': 'في الملف ذي الترميز {encoding} وحدات بديلة غير مقترنة، عُرضت بالرمز �',
    'core.mhtml_no_page': 'لم يُعثر على صفحة ويب داخل ملف MHTML',
    'core.document_part_missing': 'مستند تتعذّر قراءته: الجزء {part} مفقود',
    'core.document_no_text': 'لم يُعثر على نص مقالة في المستند',
    'core.table_empty': 'جدول فارغ',
    'core.table_too_many_rows': 'فيه أكثر من {max} صف؛ لم يُقرأ الباقي',
    'core.json_not_articles': 'ليس سطور JSON ولا قائمة مقالات بصيغة JSON',
    'core.table_no_text_column': 'جدول ليس فيه عمود للنص ولا عمود لأسماء الملفات (للبيانات الوصفية)؛ أعمدته: {columns}',
    'core.record_not_object': 'لم يُقرأ: هذا السجل ليس كائن JSON',
    'core.row_no_text': 'لا نص مقالة في هذا الصف',
    'core.rows_no_text': 'صفوف أخرى بلا نص مقالة، عددها {count}',
    'core.sidecar_rows': 'بيانات وصفية عن {count:filesGen}، تُلحق بمقالات الملفات التي يسمّيها',
    'core.zip_too_deep': 'لم يُفتح: أرشيف داخل أرشيفات أعمق من الحد (أقصى عدد للمستويات {max})',
    'core.zip_unreadable': 'ليس أرشيفًا مضغوطًا تمكن قراءته (فهرسه مفقود أو تالف)',
    'core.zip_directory_damaged': 'فهرس الأرشيف مفقود أو تالف؛ عُثر على عناصره واحدًا واحدًا وقد يكون بعضها مفقودًا',
    'core.zip_too_many_entries': 'فيه أكثر من {max} عنصر؛ لم يُقرأ الباقي (حماية من قنابل الضغط)',
    'core.zip_unpacked_too_large': 'يتجاوز حجم الأرشيف بعد فك ضغطه {limit} ميغابايت (حماية من قنابل الضغط)',
    'core.zip_stopped': 'يتجاوز حجم الأرشيف بعد فك ضغطه {limit} ميغابايت (حماية من قنابل الضغط)؛ لم يُقرأ باقي الأرشيف',
    'core.zip_hidden_skipped': 'تُخطّيت عناصر مخفية أو عناصر نظام (بيانات نظام ماك، وملفات تبدأ أسماؤها بنقطة)، عددها {count}: {names}',
    'core.zip_hidden_skipped_one': 'تُخطّي عنصر مخفي أو عنصر نظام (بيانات نظام ماك، أو ملف يبدأ اسمه بنقطة): {names}',
    'core.zip_empty': 'لا ملفات في الأرشيف',
    'core.zip_entry_encrypted': 'لم يُقرأ: العنصر مشفَّر',
    'core.zip_entry_too_large': 'حجمه كبير جدًا: {size} ميغابايت بعد فك الضغط، والحد الأقصى {limit} ميغابايت',
    'core.zip_entry_unpacks_too_large': 'حجمه كبير جدًا: يتجاوز بعد فك الضغط الحدَّ الأقصى ({limit} ميغابايت)',
    'core.zip_entry_damaged': 'تالف: موضعه أو حجمه مستحيل؛ لم يُقرأ',
    'core.zip_entry_no_header': 'تالف: ترويسته مفقودة؛ لم يُقرأ',
    'core.zip_entry_truncated': 'تالف: ينتهي الأرشيف في وسطه؛ لم يُقرأ',
    'core.zip_entry_corrupt': 'تالف: بياناته المضغوطة معطوبة؛ لم يُقرأ',
    'core.zip_entry_checksum': 'تالف: المجموع الاختباري لا يطابق؛ لم يُقرأ',
    'core.zip_entry_method': 'لم يُقرأ: مضغوط بطريقة {method} (رقمها {number})؛ يقرأ قارِن العناصر غير المضغوطة والمضغوطة بالطريقة القياسية فقط',
    'core.zip_entry_unknown_method': 'لم يُقرأ: مضغوط بطريقة غير معروفة (رقمها {number})؛ يقرأ قارِن العناصر غير المضغوطة والمضغوطة بالطريقة القياسية فقط',
    'core.zip_entry_aes': 'لم يُقرأ: العنصر مشفَّر',
    'core.query_unclosed_quote': 'علامة التنصيص هذه لم تُغلق: أضف " في آخر العبارة',
    'core.query_unclosed_regex': 'هذا التعبير النمطي لم يُغلق: أنهِه بالعلامة /',
    'core.query_unmatched_close': 'قوس الإغلاق هذا لا يقابله قوس فتح',
    'core.query_missing_term': 'تنقص هنا كلمة بحث',
    'core.query_nothing_to_exclude': 'لا شيء بعد علامة الاستبعاد هذه',
    'core.query_unclosed_paren': 'هذا القوس لم يُغلق',
    'core.query_field_no_value': 'يحتاج {field}: إلى قيمة بعد النقطتين مباشرة',
    'core.query_short_prefix': 'يحتاج البحث بالبادئة إلى حرفين على الأقل قبل *',
    'core.query_no_regex': 'التعبيرات النمطية ليست في هذه النسخة من قارِن (الصفحة تُبقيها صغيرة)؛ وهي متاحة في أداة سطر الأوامر',
    'core.query_regex_empty': 'هذا التعبير النمطي فارغ',
    'core.query_regex_too_long': 'هذا التعبير النمطي أطول من الحد ({max} بايت)',
    'core.query_regex_invalid': 'تعذّرت قراءة هذا التعبير النمطي: {detail}',

    'n.articles': { zero: '{n} مقالة', one: 'مقالة واحدة', two: 'مقالتان', few: '{n} مقالات', many: '{n} مقالة', other: '{n} مقالة' },
    'n.files': { zero: '{n} ملف', one: 'ملف واحد', two: 'ملفان', few: '{n} ملفات', many: '{n} ملفًا', other: '{n} ملف' },
    'n.filesGen': { zero: '{n} ملف', one: 'ملف واحد', two: 'ملفين', few: '{n} ملفات', many: '{n} ملفًا', other: '{n} ملف' },
    'n.results': { zero: '{n} نتيجة', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', many: '{n} نتيجة', other: '{n} نتيجة' },
    'n.notes': { zero: '{n} ملاحظة', one: 'ملاحظة واحدة', two: 'ملاحظتان', few: '{n} ملاحظات', many: '{n} ملاحظة', other: '{n} ملاحظة' },
    'n.warnings': { zero: '{n} تحذير', one: 'تحذير واحد', two: 'تحذيران', few: '{n} تحذيرات', many: '{n} تحذيرًا', other: '{n} تحذير' },
    'n.sources': { zero: '{n} مصدر', one: 'مصدر واحد', two: 'مصدران', few: '{n} مصادر', many: '{n} مصدرًا', other: '{n} مصدر' },
  },
};

/** Number formats: Arabic with Western digits, as Arabic news sites and the data use. */
const LOCALE = { en: 'en', ar: 'ar-u-nu-latn' };

let current = 'en';

export function setUiLang(lang) {
  current = UI_LANGS.includes(lang) ? lang : 'en';
}

export function uiLang() {
  return current;
}

/** `n` formatted for the UI language (`digits`: fraction digits, fixed). */
export function fmtNumber(n, digits = 0, lang = current) {
  return Number(n).toLocaleString(LOCALE[lang] ?? 'en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The message `key` in the UI language (or `lang`) with `params` filled in. A missing key
 * gives `fallback` (or the key itself, so a gap shows and the table test catches it).
 */
export function t(key, params = {}, fallback = '', lang = current) {
  const table = messages[lang] ?? messages.en;
  let msg = table[key];
  if (msg === undefined) return fallback || key;
  if (typeof msg === 'object') msg = pluralForm(msg, params.n, lang);
  return msg.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name, unit) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (unit) return t(`n.${unit}`, { n: value }, whole, lang);
    return typeof value === 'number' ? fmtNumber(value, 0, lang) : String(value);
  });
}

function pluralForm(forms, n, lang) {
  const category = typeof n === 'number' ? new Intl.PluralRules(LOCALE[lang] ?? 'en').select(n) : 'other';
  return forms[category] ?? forms.other;
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
/** Args that hold English prose (a file type, the regex library's words), not data. */
const ENGLISH_ARGS = new Set(['what', 'detail']);

/**
 * A message of the core (`{code, args, message}`: a warning, a note, a query error) in the UI
 * language, as pieces: strings of UI text, and `{data, lang}` for arg values (file names,
 * encodings), which the page shows as data in their own direction. `null` when the code has
 * no entry here (`text`, free English text, or a code newer than this page): the caller then
 * shows the English `message` as it is.
 */
export function coreParts(m, lang = current) {
  const key = `core.${m?.code}`;
  if (typeof messages.en[key] !== 'string') return null;
  const values = [];
  const params = {};
  for (const [name, value] of Object.entries(m.args ?? {})) {
    if (COUNT_ARGS.has(name) && /^\d+$/.test(value)) params[name] = Number(value);
    else params[name] = `\u0001${values.push({ data: String(value), lang: ENGLISH_ARGS.has(name) ? 'en' : null }) - 1}\u0002`;
  }
  return t(key, params, '', lang).split(/\u0001(\d+)\u0002/).map((s, i) => (i % 2 ? values[Number(s)] : s)).filter((p) => p !== '');
}
