//! placeholder until the ingest helper lands its parser
use super::Article;
pub fn parse(file: &str, text: &str) -> Option<Article> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next()?.to_string();
    let paragraphs: Vec<String> = lines.map(String::from).collect();
    if paragraphs.is_empty() { return None; }
    Some(Article { file: file.into(), lang: super::meta::detect_lang(text), title, paragraphs, ..Default::default() })
}
