//! Messages for people, in a form the page can translate. The core writes every ingest
//! problem, note, article warning and query error as a [`Message`]: a stable `code` from the
//! one catalog below, named string `args` (an encoding, a count, a file name), and the
//! English text made from them. The CLI prints the English; the page looks the code up in
//! its own message table (`www/i18n.js`, English and Arabic) and fills in the args, so a
//! code once published keeps its meaning and its arg names. Text from outside the catalog
//! (older saved corpora, the CLI's own file errors) is code `text`, shown as written.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The catalog: one line per code, `Variant, "code", "English with {arg} placeholders";`.
/// Keep that shape: `tests/node/` reads these lines to check that `www/i18n.js` translates
/// every code, and a test below checks that it finds them all. A section after `always`
/// carries the one attribute that keeps its codes out of builds without its feature (the
/// page's start-up build counts every byte: the full build's texts cost it about 1 KB
/// gzipped); a code used outside its feature's modules belongs in `always`.
macro_rules! catalog {
    (
        always { $($variant:ident, $code:literal, $english:literal;)* }
        $(#[$attr:meta] $section:ident { $($s_variant:ident, $s_code:literal, $s_english:literal;)* })*
    ) => {
        /// Which message: its name is the `code` the page translates.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Code {
            $($variant,)*
            $($(#[$attr] $s_variant,)*)*
        }

        impl Code {
            /// Every code of this build, in catalog order.
            pub const ALL: &'static [Code] = &[
                $(Code::$variant,)*
                $($(#[$attr] Code::$s_variant,)*)*
            ];

            /// The stable snake_case name.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                    $($(#[$attr] Code::$s_variant => $s_code,)*)*
                }
            }

            /// The English text, with `{arg}` placeholders.
            pub fn english(self) -> &'static str {
                match self {
                    $(Code::$variant => $english,)*
                    $($(#[$attr] Code::$s_variant => $s_english,)*)*
                }
            }
        }

        /// Every code of the catalog, whatever the build, in order.
        #[cfg(test)]
        const CATALOG: &[&str] = &[$($code,)* $($($s_code,)*)*];
    };
}

catalog! {
    always {
        // Any file.
        Text, "text", "{text}";
        TooLarge, "too_large", "too large: {size} MB, more than the limit of {limit} MB";
        FormatNotRead, "format_not_read", "not read: it is {format}, a format Qarin does not read";
        TextOnlyBuild, "text_only_build", "not read: this build of Qarin reads plain text only";
        NoArticleText, "no_article_text", "no article text found (the file holds only blank lines or boilerplate)";
        DuplicateOf, "duplicate_of", "skipped: duplicate of {file}";
        NearDuplicateOf, "near_duplicate_of", "near-duplicate of {file} (about {percent}% of the shorter text is in the other)";
        ControlCharsDropped, "control_chars_dropped", "dropped {count} stray control character(s)";
        LongTitle, "long_title", "the first line is very long for a title; the file may have no title line";
        // Encodings.
        EmptyFile, "empty_file", "empty file";
        BlankFile, "blank_file", "empty file (only white space)";
        NotTextFile, "not_text_file", "not a text file: it is {format}";
        BinaryFile, "binary_file", "not a text file: it holds binary data";
        EncodingByBom, "encoding_by_bom", "read as {encoding} (byte-order mark)";
        EncodingNoBom, "encoding_no_bom", "read as {encoding} (no byte-order mark)";
        EncodingDeclared, "encoding_declared", "read as {encoding} (declared)";
        EncodingGuessed, "encoding_guessed", "no encoding declared; read as {encoding} (guessed)";
        EncodingUnknownDeclared, "encoding_unknown_declared", "declared encoding \"{declared}\" is not one Qarin reads; read as {encoding} (guessed)";
        EncodingNotUtf8, "encoding_not_utf8", "declared UTF-8 but is not; read as {encoding} (guessed)";
        EncodingUnsure, "encoding_unsure", "not sure of the encoding: {encoding} was only a guess and the text may be garbled";
        Mojibake, "mojibake", "the text looks garbled (mojibake such as \"Ø§Ù„\" or \"Ã©\"): it was probably decoded with the wrong encoding before it was saved";
        UndefinedBytesDeclared, "undefined_bytes_declared", "{count} byte(s) undefined in the declared {encoding} shown as \u{fffd}";
        UndefinedBytes, "undefined_bytes", "{count} byte(s) undefined in {encoding} shown as \u{fffd}";
        InvalidUtf8, "invalid_utf8", "not valid UTF-8: {count} undecodable byte sequence(s) shown as \u{fffd}; the file may use another encoding";
        Utf16OddLength, "utf16_odd_length", "{encoding} file has an odd number of bytes; the last one was dropped";
        Utf16Unpaired, "utf16_unpaired", "{encoding} file holds unpaired surrogates, shown as \u{fffd}";
        // Queries (their offset travels beside the message).
        QueryUnclosedQuote, "query_unclosed_quote", "this quotation mark is never closed: add a closing \" to end the phrase";
        QueryUnclosedRegex, "query_unclosed_regex", "this regular expression is never closed: end it with /";
        QueryUnmatchedClose, "query_unmatched_close", "this closing parenthesis has no opening one";
        QueryMissingTerm, "query_missing_term", "a search term is missing here";
        QueryNothingToExclude, "query_nothing_to_exclude", "nothing follows this exclusion";
        QueryUnclosedParen, "query_unclosed_paren", "this parenthesis is never closed";
        QueryFieldNoValue, "query_field_no_value", "{field}: needs a value right after the colon";
        QueryShortPrefix, "query_short_prefix", "a prefix search needs at least two letters before *";
        QueryLowerOr, "query_lower_or", "“{word}” was searched as a word: write OR in capitals for either term";
        QueryNotAField, "query_not_a_field", "{field}: is no filter, so {text} was searched as words (filters: lang:, source:, file:, title:; dates: From and To)";
        QueryNoRegex, "query_no_regex", "regular expressions are not in this build of Qarin (the page keeps it small); the qarin command line has them";
        QueryTooLong, "query_too_long", "this query is longer than {max} bytes";
        QueryTooManyTerms, "query_too_many_terms", "this query has more than {max} search terms";
        QueryTooManyRegexes, "query_too_many_regexes", "this query has more than {max} regular expressions";
        QueryTooDeep, "query_too_deep", "this query nests parentheses, exclusions or title: more than {max} levels deep";
        QueryRegexPartial, "query_regex_partial", "the regular expression search reached its work limit: it read {searched} of {total} articles, so results are partial";
        QueryRegexMarksPartial, "query_regex_marks_partial", "the regular expression's matches are marked only in part (work limit)";
    }
    #[cfg(feature = "formats")] formats {
        // Metadata sidecars, pages, documents, tables and JSON.
        SidecarApplied, "sidecar_applied", "metadata applied to {count} article(s) already loaded; it applies to matching files added later too";
        MhtmlNoPage, "mhtml_no_page", "no web page found inside the MHTML file";
        DocumentPartMissing, "document_part_missing", "not a readable document: {part} is missing";
        DocumentNoText, "document_no_text", "no article text found in the document";
        TableEmpty, "table_empty", "empty table";
        TableTooManyRows, "table_too_many_rows", "more than {max} rows; the rest were not read";
        JsonNotArticles, "json_not_articles", "not JSON Lines or a JSON list of articles";
        TableNoTextColumn, "table_no_text_column", "a table without a text column (text, body or content) and without a file column for metadata; its columns: {columns}";
        RecordNotObject, "record_not_object", "not read: this record is not a JSON object";
        RowNoText, "row_no_text", "no article text in this row";
        RowsNoText, "rows_no_text", "{count} more rows had no article text";
        SidecarRows, "sidecar_rows", "metadata for {count} file(s), attached to the articles of the files it names";
        TableColumnsIgnored, "table_columns_ignored", "{count} metadata columns past the first {max} were not kept";
        // Zip archives.
        ZipTooDeep, "zip_too_deep", "not opened: an archive nested more than {max} levels deep";
        ZipUnreadable, "zip_unreadable", "not a readable zip archive (its directory is missing or damaged)";
        ZipDirectoryDamaged, "zip_directory_damaged", "the archive's directory is missing or damaged; entries were found one by one and some may be missing";
        ZipTooManyEntries, "zip_too_many_entries", "holds more than {max} entries; the rest were not read (zip bomb guard)";
        ZipUnpackedTooLarge, "zip_unpacked_too_large", "the archive unpacks to more than {limit} MB (zip bomb guard)";
        ZipStopped, "zip_stopped", "the archive unpacks to more than {limit} MB (zip bomb guard); the rest of the archive was not read";
        ZipHiddenSkipped, "zip_hidden_skipped", "skipped {count} hidden or system entries (macOS metadata, dot files): {names}";
        ZipHiddenSkippedOne, "zip_hidden_skipped_one", "skipped a hidden or system entry (macOS metadata, dot files): {names}";
        ZipEmpty, "zip_empty", "the archive holds no files";
        ZipEntryEncrypted, "zip_entry_encrypted", "not read: the entry is encrypted";
        ZipEntryTooLarge, "zip_entry_too_large", "too large: {size} MB unpacked, more than the limit of {limit} MB";
        ZipEntryUnpacksTooLarge, "zip_entry_unpacks_too_large", "too large: unpacks to more than the limit of {limit} MB";
        ZipEntryDamaged, "zip_entry_damaged", "damaged: its offset or size is impossible; not read";
        ZipEntryNoHeader, "zip_entry_no_header", "damaged: its header is missing; not read";
        ZipEntryTruncated, "zip_entry_truncated", "damaged: the archive ends inside it; not read";
        ZipEntryCorrupt, "zip_entry_corrupt", "damaged: its compressed data is corrupt; not read";
        ZipEntryChecksum, "zip_entry_checksum", "damaged: checksum mismatch; not read";
        ZipEntryMethod, "zip_entry_method", "not read: compressed with {method} (method {number}); Qarin reads stored and deflated entries";
        ZipEntryUnknownMethod, "zip_entry_unknown_method", "not read: compressed with an unknown method (method {number}); Qarin reads stored and deflated entries";
        ZipEntryAes, "zip_entry_aes", "not read: the entry is encrypted (AES)";
        TableNoHeader, "table_no_header", "no column names in the first line: a table needs a header row naming its columns (title, text, …)";
        TableRowsDropped, "table_rows_dropped", "more than {max} rows: the last {count} were not read";
        RowTextNotText, "row_text_not_text", "no article text in this row: its {column} is a JSON object or list, not text";
    }
    #[cfg(feature = "regex")] regex {
        QueryRegexEmpty, "query_regex_empty", "this regular expression is empty";
        QueryRegexTooLong, "query_regex_too_long", "this regular expression is longer than {max} bytes";
        QueryRegexInvalid, "query_regex_invalid", "this regular expression cannot be read: {detail}";
    }
    #[cfg(feature = "bilingual")] bilingual {
        // Lexicon files (in JSON, `line` counts entries).
        LexiconTooLarge, "lexicon_too_large", "the lexicon file is larger than {max} MB";
        LexiconTooMany, "lexicon_too_many", "the lexicon file has more than {max} entries";
        LexiconVersion, "lexicon_version", "the lexicon file is of version {version}; this Qarin reads version 1";
        LexiconColumns, "lexicon_columns", "lexicon line {line}: {count} column(s); a line has 8 separated by tabs (id, kind, parent, en, ar, en_alt, ar_alt, source); those after en may be left out";
        LexiconBadId, "lexicon_bad_id", "lexicon line {line}, column {column} ({field}): \"{value}\" is not an id: a kind, a colon, then lowercase letters, digits and - . _ (city:aleppo)";
        LexiconBadKind, "lexicon_bad_kind", "lexicon line {line}, column {column} ({field}): \"{value}\" is not a kind; the kinds are {kinds}";
        LexiconBadName, "lexicon_bad_name", "lexicon line {line}, column {column} ({field}): a name is not text, holds a control character or is longer than {max} bytes, or the entry has too many names";
        LexiconNoName, "lexicon_no_name", "lexicon line {line}: an entry needs an English or an Arabic name (en or ar)";
        LexiconDuplicate, "lexicon_duplicate", "lexicon line {line}, column {column} ({field}): the id {value} is already on line {first}";
        LexiconJson, "lexicon_json", "the lexicon file is not a JSON array of entries: {detail}";
    }
}

impl Code {
    /// The code named `name`, if the catalog has it.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The placeholder `name` of this code's template, borrowed from it (so arg names read
    /// back from saved bytes need no allocation of their own).
    fn arg_name(self, name: &str) -> Option<&'static str> {
        let t = self.english();
        t.match_indices('{')
            .map(|(i, _)| i + 1)
            .find(|&i| {
                t.get(i..i + name.len()) == Some(name) && t[i + name.len()..].starts_with('}')
            })
            .and_then(|i| t.get(i..i + name.len()))
    }
}

/// Names of the file formats Qarin does not read, by key. An arg named `format` holds such a
/// key: the English text shows the name here, the page `format.<key>` from `www/i18n.js`
/// in the UI language (`tests/node/` reads this table and checks that both languages name
/// every key).
pub const FORMAT_NAMES: &[(&str, &str)] = &[
    ("png_image", "a PNG image"),
    ("jpeg_image", "a JPEG image"),
    ("gif_image", "a GIF image"),
    ("tiff_image", "a TIFF image"),
    ("image", "an image"),
    ("pdf", "a PDF document"),
    (
        "old_office",
        "an old Microsoft Office document (.doc/.xls/.ppt)",
    ),
    (
        "doc",
        "an old Word document (.doc); save it as .docx or text",
    ),
    ("rtf", "an RTF document; save it as .docx or text"),
    ("pages", "an Apple Pages document"),
    ("office", "an office document"),
    ("spreadsheet", "a spreadsheet"),
    ("spreadsheet_csv", "a spreadsheet; export it as CSV"),
    ("presentation", "a presentation"),
    ("ebook", "an e-book"),
    ("audio", "an audio file"),
    ("mp3", "an MP3 audio file"),
    ("ogg", "an Ogg audio/video file"),
    ("riff", "a RIFF (audio/video/WebP) file"),
    ("video", "a video"),
    ("mp4", "an MP4/QuickTime video"),
    ("zip", "a zip archive"),
    ("gzip", "a gzip archive (only .zip archives are read)"),
    ("rar", "a RAR archive (only .zip archives are read)"),
    ("sevenzip", "a 7-Zip archive (only .zip archives are read)"),
    ("bzip2", "a bzip2 archive (only .zip archives are read)"),
    ("xz", "an xz archive (only .zip archives are read)"),
    ("tar", "a tar archive (only .zip archives are read)"),
    ("program", "a program"),
    ("elf", "an executable program"),
    ("windows_program", "a Windows program"),
    ("dll", "a program library"),
    ("web_font", "a web font"),
    ("font", "a font"),
    ("sqlite", "an SQLite database"),
    (
        "css",
        "a style sheet (part of a saved page, not an article)",
    ),
    ("js", "a script (part of a saved page, not an article)"),
];

/// The English name of format `key` (the key itself when unknown).
pub fn format_name(key: &str) -> &str {
    FORMAT_NAMES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, name)| name)
}

/// A message for people: `code` and `args` for translation, `message` in English. Its JSON
/// is `{code, args: {name: value}, message}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub code: Code,
    /// The values of the template's placeholders, by name.
    pub args: Vec<(&'static str, String)>,
    /// The English text, made from the code's template and the args.
    pub message: String,
}

impl Message {
    /// The message `code` with `args` (each placeholder of its template named once).
    pub fn new<const N: usize>(code: Code, args: [(&'static str, String); N]) -> Message {
        let args = Vec::from(args);
        Message {
            code,
            message: fill(code.english(), &args),
            args,
        }
    }

    /// [`Message::new`] with args gathered at run time.
    pub fn with_args(code: Code, args: Vec<(&'static str, String)>) -> Message {
        Message {
            code,
            message: fill(code.english(), &args),
            args,
        }
    }

    /// The value of arg `name`.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A message from a code name and args read back from saved bytes. Args the code does
    /// not name are dropped; a code this version does not know (written by a newer one)
    /// becomes text: its values, as they are.
    pub fn from_parts<'a>(
        code: &str,
        args: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Message {
        let Some(code) = Code::from_name(code) else {
            let values: Vec<&str> = args.into_iter().map(|(_, v)| v).collect();
            return Message::from(values.join("; "));
        };
        let args: Vec<(&'static str, String)> = args
            .into_iter()
            .filter_map(|(k, v)| Some((code.arg_name(k)?, v.to_string())))
            .collect();
        Message {
            code,
            message: fill(code.english(), &args),
            args,
        }
    }

    /// The message as one string for the saved corpus: `US code (US name US value)*`
    /// (US = U+001F, which no arg holds: it is replaced). A string that does not start with
    /// US is text saved before messages had codes.
    pub fn to_stored(&self) -> String {
        let mut out = String::with_capacity(self.message.len() + 16);
        out.push(SEP);
        out.push_str(self.code.name());
        for (k, v) in &self.args {
            out.push(SEP);
            out.push_str(k);
            out.push(SEP);
            out.extend(v.chars().map(|c| if c == SEP { '\u{fffd}' } else { c }));
        }
        out
    }

    /// [`Message::to_stored`] of each message (how `index::codec` saves article warnings).
    pub fn store_all(messages: &[Message]) -> Vec<String> {
        messages.iter().map(Message::to_stored).collect()
    }

    /// [`Message::from_stored`] of each string.
    pub fn read_all(stored: Vec<String>) -> Vec<Message> {
        stored.into_iter().map(Message::from_stored).collect()
    }

    /// Reads [`Message::to_stored`] output, or plain text as code `text`.
    pub fn from_stored(stored: String) -> Message {
        let Some(rest) = stored.strip_prefix(SEP) else {
            return Message::from(stored);
        };
        let mut parts = rest.split(SEP);
        let code = parts.next().unwrap_or("");
        let mut args = Vec::new();
        while let (Some(k), Some(v)) = (parts.next(), parts.next()) {
            args.push((k, v));
        }
        Message::from_parts(code, args)
    }
}

const SEP: char = '\u{1f}';

/// `template` with each `{name}` replaced by its arg (left as is when there is none).
fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let (_, v) = args.iter().find(|(k, _)| *k == &after[..close])?;
            Some((v, close))
        });
        match arg {
            Some((value, close)) => {
                // A `format` arg is a key of FORMAT_NAMES.
                let format = &after[..close] == "format";
                out.push_str(if format { format_name(value) } else { value });
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Message {
    /// Writes `code`, `args` and `message` as fields of the struct `out` is writing: the
    /// types that carry a message (`Warning`, `QueryError`) list them among their own
    /// fields this way, which costs the wasm build less than `#[serde(flatten)]`.
    pub fn serialize_fields<S: serde::ser::SerializeStruct>(
        &self,
        out: &mut S,
    ) -> Result<(), S::Error> {
        struct Args<'a>(&'a [(&'static str, String)]);
        impl Serialize for Args<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
            }
        }
        out.serialize_field("code", self.code.name())?;
        out.serialize_field("args", &Args(&self.args))?;
        out.serialize_field("message", &self.message)
    }
}

impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Message", 3)?;
        self.serialize_fields(&mut out)?;
        out.end()
    }
}

/// Reads the JSON [`Serialize`] writes (the English is made again from code and args).
impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Parts {
            code: String,
            #[serde(default)]
            args: std::collections::BTreeMap<String, String>,
        }
        let p = Parts::deserialize(d)?;
        Ok(Message::from_parts(
            &p.code,
            p.args.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ))
    }
}

/// Free text, outside the catalog.
impl From<String> for Message {
    fn from(text: String) -> Message {
        Message {
            code: Code::Text,
            args: vec![("text", text.clone())],
            message: text,
        }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::from(text.to_string())
    }
}

impl From<Code> for Message {
    fn from(code: Code) -> Message {
        Message::new(code, [])
    }
}

/// A message reads as its English text, as the plain strings it replaced did (so
/// `problem.message.contains("...")` and printing work unchanged).
impl std::ops::Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        self.message == other
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.message == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_templates_and_round_trips_through_the_stored_form() {
        let m = Message::new(Code::EncodingUnsure, [("encoding", "windows-1256".into())]);
        assert_eq!(m.code.name(), "encoding_unsure");
        assert_eq!(
            m,
            "not sure of the encoding: windows-1256 was only a guess and the text may be garbled"
        );
        assert_eq!(Message::from_stored(m.to_stored()), m);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"code":"encoding_unsure","args":{"encoding":"windows-1256"},"message":"not sure of the encoding: windows-1256 was only a guess and the text may be garbled"}"#
        );
        assert_eq!(serde_json::from_str::<Message>(&json).unwrap(), m);
        // Text saved before codes existed.
        let plain = Message::from_stored("read as windows-1256 (declared)".to_string());
        assert_eq!(
            (plain.code, plain.message.as_str()),
            (Code::Text, "read as windows-1256 (declared)")
        );
        assert_eq!(Message::from_stored(plain.to_stored()), plain);
        // A separator inside an arg cannot shift the others.
        let odd = Message::new(Code::DuplicateOf, [("file", "a\u{1f}b".into())]);
        let back = Message::from_stored(odd.to_stored());
        assert_eq!(back.arg("file"), Some("a\u{fffd}b"));
        // A code from a newer version is kept as text; an arg its code lacks is dropped.
        let future = Message::from_stored("\u{1f}some_new_code\u{1f}n\u{1f}3".to_string());
        assert_eq!((future.code, future.message.as_str()), (Code::Text, "3"));
        let extra = Message::from_stored("\u{1f}empty_file\u{1f}n\u{1f}3".to_string());
        assert_eq!(
            (extra.message.as_str(), extra.args.len()),
            ("empty file", 0)
        );
        assert_eq!(fill("{a} {b} {", &[("a", "x".into())]), "x {b} {");
    }

    /// The catalog lines as `tests/node/` reads them, so that test cannot miss a code.
    #[test]
    fn codes_are_unique_snake_case_and_readable_from_the_source() {
        let source = include_str!("message.rs");
        let listed: Vec<&str> = source
            .lines()
            .filter_map(|l| {
                let l = l.trim_start();
                let (variant, rest) = l.split_once(", \"")?;
                if !variant.chars().all(|c| c.is_ascii_alphanumeric())
                    || !variant.starts_with(|c: char| c.is_ascii_uppercase())
                {
                    return None;
                }
                rest.split_once("\", \"").map(|(code, _)| code)
            })
            .collect();
        assert_eq!(listed, CATALOG);
        // This build's codes: the catalog's, in order, less those of features left out.
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        let mut rest = CATALOG.iter();
        assert!(names.iter().all(|n| rest.any(|c| c == n)), "{names:?}");
        for (i, n) in names.iter().enumerate() {
            assert!(
                n.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()),
                "{n}"
            );
            assert!(!names[..i].contains(n), "{n} twice");
        }
    }
}
