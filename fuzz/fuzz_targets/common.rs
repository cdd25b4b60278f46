//! Shared by the fuzz targets: the bundled rule set, loaded once, and the ingest →
//! analyse path that `privlint check` runs for one document.

use privlint::analysis::{self, DocumentAnalysis};
use privlint::ingest::{self, Format, Source};
use privlint::rules::RuleSet;
use std::sync::OnceLock;

/// The bundled rule packs, loaded once per process.
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::load(&[]).expect("bundled rules load"))
}

/// Bytes as a file at `path` (the extension names the format), forced to `format` so the
/// parser under test sees every input even when sniffing would pick another one.
/// `None` when the bytes are refused; the error must name the file.
pub fn source(path: &str, bytes: &[u8], format: Format) -> Option<Source> {
    match Source::from_bytes(path, bytes) {
        Ok(mut s) => {
            s.format = format;
            Some(s)
        }
        Err(e) => {
            assert!(
                e.to_string().starts_with(path),
                "error does not name the file: {e}"
            );
            None
        }
    }
}

/// Parse and analyse (extract + evaluate) one source, checking that block spans lie
/// inside the text on character boundaries.
pub fn analyse(source: Source) -> DocumentAnalysis {
    let text = source.text.clone();
    let doc = ingest::parse(source);
    for b in &doc.blocks {
        assert!(
            b.span.start <= b.span.end && b.span.end <= text.len(),
            "block span {:?} outside text of {} bytes",
            b.span,
            text.len()
        );
        assert!(
            text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end),
            "block span {:?} not on character boundaries",
            b.span
        );
    }
    analysis::analyse(rules(), doc, Vec::new()).remove(0)
}

/// One ingest target: decoded through the byte reader and, as UTF-8 text, through
/// `Source::from_text`, both with `format`.
pub fn ingest_target(path: &str, bytes: &[u8], format: Format) {
    if let Some(s) = source(path, bytes, format) {
        analyse(s);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        analyse(Source::from_text(path, text, Some(format)));
    }
}
