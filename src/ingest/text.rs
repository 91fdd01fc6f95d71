//! Plain-text articles: the title on the first non-blank line, then one paragraph a line.
//! Blank lines mean nothing (some files double-space, some do not); LF, CRLF and a lone CR
//! all end a line. Each line is tidied before anything reads it: a BOM anywhere and stray
//! control characters (U+001A from old DOS files, say) are dropped, and white space,
//! NBSP and bidi marks at its ends are trimmed. Then `clean` takes the noise out and `meta`
//! names the language.

use super::{clean, meta, Article};

/// Reads one plain-text article. `None` when no body text remains (the file held only a
/// title, blank lines or boilerplate).
pub fn parse(file: &str, text: &str) -> Option<Article> {
    let mut dropped = 0usize;
    let mut lines = text
        .split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
        .map(|l| tidy_line(l, &mut dropped))
        .filter(|l| !l.is_empty());
    let title = lines.next()?;
    let body: Vec<String> = lines.collect();
    let cleaned = clean::clean(&title, body);
    if cleaned.paragraphs.is_empty() {
        return None;
    }
    let mut warnings = Vec::new();
    if dropped > 0 {
        warnings.push(format!("dropped {dropped} stray control character(s)"));
    }
    if cleaned.title.chars().count() > 300 {
        warnings.push(
            "the first line is very long for a title; the file may have no title line".to_string(),
        );
    }
    let mut sample = String::with_capacity(cleaned.title.len() + 1);
    sample.push_str(&cleaned.title);
    for p in &cleaned.paragraphs {
        sample.push('\n');
        sample.push_str(p);
    }
    Some(Article {
        file: file.to_string(),
        lang: meta::detect_lang(&sample),
        title: cleaned.title,
        paragraphs: cleaned.paragraphs,
        dateline: cleaned.dateline,
        agency: cleaned.agency,
        outlet: cleaned.outlet,
        removed: cleaned.removed,
        warnings,
    })
}

/// Characters a line loses wherever they stand: control characters other than tab (counted
/// in `dropped`, since they say something about the file) and the BOM, which editors glue
/// to the start of files and copy-paste carries into the middle of them.
fn tidy_line(line: &str, dropped: &mut usize) -> String {
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
    // NBSP counts as white space here (`char::is_whitespace` follows Unicode); bidi and
    // zero-width marks at the ends carry nothing either.
    let trimmed = out.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2060}' | '\u{202A}'..='\u{202E}')
    });
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
