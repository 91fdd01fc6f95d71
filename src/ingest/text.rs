//! Plain-text articles: the title on the first non-blank line, then one paragraph a line.
//! Blank lines mean nothing (some files double-space, some do not); LF, CRLF and a lone CR
//! all end a line. Each line is tidied before anything reads it: a BOM anywhere and stray
//! control characters (U+001A from old DOS files, say) are dropped, and white space,
//! NBSP and bidi marks at its ends are trimmed. Then `clean` takes the noise out and `meta`
//! names the language and reads the date. Every other format ends here too, through
//! [`build`], once it has found a title and lines of text.

use super::meta::{self, date};
use super::{clean, Article};
use crate::message::{Code, Message};

/// Bytes of an article's text its language is read from.
const LANG_SAMPLE: usize = 1 << 20;

/// Reads one plain-text article. `None` when no body text remains (the file held only a
/// title, blank lines or boilerplate).
pub fn parse(file: &str, text: &str) -> Option<Article> {
    let mut lines = split_lines(text).skip_while(|l| tidy_line(l, &mut 0).is_empty());
    let title = lines.next()?;
    build_from(file, title, lines)
}

/// `s.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])`, the line ends found by bytes:
/// LF, CR, or 0xC2 (U+0085) or 0xE2 (U+2028, U+2029), which only ever start a character.
/// The whole text is split here, and testing every character against five is slow.
fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let s = rest?;
        let b = s.as_bytes();
        let end = (0..b.len()).find_map(|i| match b[i] {
            b'\n' | b'\r' => Some((i, 1)),
            0xC2 if b.get(i + 1) == Some(&0x85) => Some((i, 2)),
            0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => Some((i, 3)),
            _ => None,
        });
        match end.and_then(|(i, n)| Some((s.get(..i)?, s.get(i + n..)?))) {
            Some((line, after)) => {
                rest = Some(after);
                Some(line)
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

/// An article from a title and body lines (not yet tidied): cleaned, its language
/// detected and its date read from what cleaning took off its head.
pub fn build(file: &str, title: &str, lines: Vec<String>) -> Option<Article> {
    build_from(file, title, lines.iter().map(String::as_str))
}

/// [`build`] over borrowed lines (a line may still hold line breaks: they split it).
pub(crate) fn build_from<'a>(
    file: &str,
    title: &str,
    lines: impl Iterator<Item = &'a str>,
) -> Option<Article> {
    let mut dropped = 0;
    let title = tidy_line(title, &mut dropped);
    let mut body: Vec<String> = Vec::new();
    for l in lines {
        for part in split_lines(l) {
            let t = tidy_line(part, &mut dropped);
            if !t.is_empty() {
                body.push(t);
            }
        }
    }
    let lines = body;
    let cleaned = clean::clean(&title, lines);
    if cleaned.paragraphs.is_empty() || cleaned.title.is_empty() {
        return None;
    }
    let mut warnings = Vec::new();
    if dropped > 0 {
        warnings.push(Message::new(
            Code::ControlCharsDropped,
            [("count", dropped.to_string())],
        ));
    }
    if cleaned.title.chars().count() > 300 {
        warnings.push(Code::LongTitle.into());
    }
    // The language is read from the first megabyte: letter counts settle long before, and
    // a copy of a 60 MB text only to count its letters doubled its cost.
    let mut sample = String::with_capacity(cleaned.title.len() + 1);
    sample.push_str(&cleaned.title);
    for p in &cleaned.paragraphs {
        if sample.len() >= LANG_SAMPLE {
            break;
        }
        sample.push('\n');
        sample.push_str(p);
    }
    let lang = meta::detect_lang(&sample);
    // All-numeric dates: day first in Arabic (and most non-US) writing.
    let order = if lang == "ar" {
        date::NumericOrder::DayFirst
    } else {
        date::NumericOrder::Unknown
    };
    let found = cleaned
        .head_removed
        .iter()
        .find_map(|t| date::parse_date_with(t, order));
    let weekday = if found.is_none() {
        cleaned
            .head_removed
            .iter()
            .flat_map(|t| {
                t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '-' | ':'))
            })
            .find(|w| date::weekday(w).is_some())
            .map(str::to_string)
    } else {
        None
    };
    Some(Article {
        file: file.to_string(),
        lang,
        title: cleaned.title,
        paragraphs: cleaned.paragraphs,
        dateline: cleaned.dateline,
        agency: cleaned.agency,
        outlet: cleaned.outlet,
        date: found.as_ref().map(|f| f.iso.clone()),
        date_text: found.map(|f| f.text).or(weekday),
        removed: cleaned.removed,
        warnings,
        ..Article::default()
    })
}

/// Characters a line loses wherever they stand: control characters other than tab (counted
/// in `dropped`, since they say something about the file) and the BOM, which editors glue
/// to the start of files and copy-paste carries into the middle of them.
fn tidy_line(line: &str, dropped: &mut usize) -> String {
    // Nearly every line holds neither, and a byte scan says so without copying it char by
    // char: in UTF-8 every control character but tab is a byte below 0x20, 0x7F, or 0xC2
    // and 0x80-0x9F (U+0080-U+009F); the BOM is 0xEF 0xBB 0xBF. The first bytes alone are
    // looked for 32 at a time without a branch (vector code), the rest only if one is there.
    let b = line.as_bytes();
    let maybe = b.chunks(32).any(|chunk| {
        chunk.iter().fold(false, |any, &x| {
            any | (x < 0x20) | (x == 0x7F) | (x == 0xC2) | (x == 0xEF)
        })
    });
    let suspect = maybe
        && (0..b.len()).any(|i| match b[i] {
            b'\t' => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => b.get(i + 1).is_some_and(|&n| n < 0xA0),
            0xEF => b[i..].starts_with(&[0xEF, 0xBB, 0xBF]),
            _ => false,
        });
    if !suspect {
        return trim_line(line).to_string();
    }
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c == '\u{FEFF}' {
            continue;
        }
        if c.is_control() && c != '\t' {
            *dropped += 1;
            continue;
        }
        out.push(c);
    }
    let trimmed = trim_line(&out);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// A line without white space at its ends. NBSP counts as white space here
/// (`char::is_whitespace` follows Unicode); bidi and zero-width marks at the ends carry
/// nothing either.
fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2060}' | '\u{202A}'..='\u{202E}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_str_split_would() {
        const LINE_ENDS: [char; 5] = ['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'];
        for t in [
            "",
            "a",
            "\n",
            "a\r\nb\n\nc\r",
            "x\u{85}y\u{2028}z\u{2029}",
            "\u{2027}\u{202A}\u{84}\u{86}é«»\u{a0}",
            "عنوان\u{2029}\u{2029}نص",
        ] {
            assert_eq!(
                split_lines(t).collect::<Vec<_>>(),
                t.split(LINE_ENDS).collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn tidy_lines_lose_only_controls_and_boms() {
        // Every character below U+0100 and around the BOM, alone and inside text.
        for c in (0..0x100).chain(0xFEFE..0xFF00).filter_map(char::from_u32) {
            let line = format!(" a{c}b «{c}» ");
            let mut dropped = 0;
            let tidy = tidy_line(&line, &mut dropped);
            let lost = c == '\u{FEFF}' || (c.is_control() && c != '\t');
            let expected = if lost {
                " ab «» ".to_string()
            } else {
                line.clone()
            };
            assert_eq!(tidy, trim_line(&expected), "{c:?}");
            assert_eq!(
                dropped,
                if lost && c != '\u{FEFF}' { 2 } else { 0 },
                "{c:?}"
            );
        }
    }

    #[test]
    fn title_then_paragraphs_whatever_the_line_ends() {
        let a = parse(
            "a.txt",
            "\r\n  Title here \r\n\r\nFirst paragraph.\rSecond paragraph.\n\n\nThird.",
        )
        .unwrap();
        assert_eq!(a.file, "a.txt");
        assert_eq!(a.title, "Title here");
        assert_eq!(
            a.paragraphs,
            ["First paragraph.", "Second paragraph.", "Third."]
        );
        assert_eq!(a.body(), "First paragraph.\nSecond paragraph.\nThird.");
        assert_eq!(a.lang, "en");
    }

    #[test]
    fn boms_controls_and_nbsp_are_tidied() {
        let a = parse(
            "b.txt",
            "\u{feff}عنوان\u{feff} الخبر\u{a0}\n\u{a0}\u{200f}نص\u{1a} الخبر هنا.\u{a0}\n",
        )
        .unwrap();
        assert_eq!(a.title, "عنوان الخبر");
        assert_eq!(a.paragraphs, ["نص الخبر هنا."]);
        assert_eq!(a.lang, "ar");
        assert_eq!(a.warnings.len(), 1);
        // Tabs stay inside a line.
        let a = parse("c.txt", "T\nA\tB").unwrap();
        assert_eq!(a.paragraphs, ["A\tB"]);
    }

    #[test]
    fn the_date_comes_from_the_head_never_the_tail() {
        let a = parse(
            "d.txt",
            "Water shortage hits villages\nPublished: March 9, 2019\nThe council met on Tuesday to discuss the water shortage, officials said.\nThe wells are dry, residents said, and prices doubled.\nOther story\nA teaser that is cut short ...\n2020-01-02 10:11:12\n2020-01-03 10:11:12",
        )
        .unwrap();
        assert_eq!(a.date.as_deref(), Some("2019-03-09"));
        assert_eq!(a.date_text.as_deref(), Some("March 9, 2019"));
        let a = parse(
            "e.txt",
            "Water\nThe council met on Tuesday to discuss the water shortage, officials said.\nOther story\nA teaser that is cut short ...\n2020-01-02 10:11:12\n2020-01-03 10:11:12",
        )
        .unwrap();
        assert_eq!(a.date, None);
        let a = parse(
            "f.txt",
            "أزمة\nجدة 3 محرم 1440 هـ الموافق 13 سبتمبر 2018 م واس\nقال مصدر محلي إن القصف استمر طوال الليل في المدينة",
        )
        .unwrap();
        assert_eq!(a.date.as_deref(), Some("2018-09-13"));
    }

    #[test]
    fn no_body_no_article() {
        assert_eq!(parse("d.txt", ""), None);
        assert_eq!(parse("d.txt", "\n \u{a0}\n\u{feff}\n"), None);
        assert_eq!(parse("d.txt", "Only a title\n\n"), None);
    }

    #[test]
    fn never_panics() {
        for t in [
            "\r",
            "\r\r\n\n",
            "x\u{0}\u{7f}\u{85}y\nz",
            "\u{2028}a\u{2029}b",
            "é\n\u{301}",
        ] {
            let _ = parse("e.txt", t);
        }
    }
}
