//! Property tests (proptest), with modest case counts so the suite stays fast:
//! span → line:column round trip, a document diffed with itself has no changes, output is
//! identical across runs and thread counts, and arbitrary bytes or markup never panic the
//! ingest entry points or the rule loader. The last two are a quick, always-run cousin of
//! the cargo-fuzz targets in `fuzz/` (see the README, "Limits and failure behaviour").

use crate::common::privlint_in;
use privlint::analysis;
use privlint::ingest::{self, Format, Source};
use privlint::rules::RuleSet;
use privlint::span::LineIndex;
use proptest::prelude::*;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::load(&[]).expect("bundled rules load"))
}

/// Pieces of Markdown, HTML and statement wording (written for these tests) that
/// generated documents are made of.
const PIECES: &[&str] = &[
    "# Privacy statement\n",
    "## How long we keep your data\n",
    "## Your rights\n",
    "We, Example Shop B.V., process your e-mail address.\n",
    "We keep your order data for seven years.\n",
    "You may ask us to erase your data.\n",
    "The legal basis is your consent.\n",
    "We share data with our payment provider in the United States.\n",
    "Contact privacy@example.com.\n",
    "\n",
    "- ",
    "> ",
    "1. ",
    "| a | b |\n|---|---|\n",
    "```\n",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<table><tr><td>",
    "<main>",
    "<ul><li>",
    "&amp;",
    "&#x0;",
    "é",
    "\u{200b}",
    "*",
    "[",
    "](x)",
    "<!--",
    "-->",
    "<script>",
    "\r\n",
    "\t",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(vec![Format::Markdown, Format::Html, Format::Text])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every character boundary maps to a line and column that lead back to it.
    #[test]
    fn line_column_round_trips(text in "(\\PC|\n){0,200}") {
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let lc = index.line_col(&text, offset);
            let start = index.line_start(lc.line);
            let back = start
                + text[start..]
                    .chars()
                    .take(lc.column - 1)
                    .map(char::len_utf8)
                    .sum::<usize>();
            prop_assert_eq!(back, offset);
            prop_assert_eq!(index.line(offset), lc.line);
            prop_assert!(lc.line <= index.line_count());
        }
    }

    /// Any bytes, under any extension: a `Source` or an error naming the file, and a
    /// parse that does not panic, with spans inside the text.
    #[test]
    fn arbitrary_bytes_never_panic_ingest(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        ext in prop::sample::select(vec!["md", "html", "txt", "x"]),
    ) {
        let path = format!("fuzz.{ext}");
        match Source::from_bytes(&path, &bytes) {
            Ok(source) => check_parse(source)?,
            Err(e) => prop_assert!(e.to_string().starts_with(&path)),
        }
    }

    /// Markup soup in every format: parses without panicking, spans inside the text and
    /// on character boundaries.
    #[test]
    fn markup_soup_never_panics_ingest(text in document(), format in format()) {
        check_parse(Source::from_text("soup", &text, Some(format)))?;
    }

    /// A document compared with itself has no changes.
    #[test]
    fn diff_of_a_document_with_itself_is_empty(text in document(), format in format()) {
        let analyse = || {
            let doc = ingest::parse(Source::from_text("self", &text, Some(format)));
            analysis::analyse(rules(), doc, Vec::new()).remove(0)
        };
        let (a, b) = (analyse(), analyse());
        let d = privlint::diff::diff(rules(), &a, &b, Default::default());
        prop_assert!(!d.text_changed, "text changed: {:?}", d.sections);
        prop_assert!(d.disclosures.is_empty(), "{:?}", d.disclosures);
        prop_assert!(!d.regression);
    }

    /// Arbitrary text as a user rule or lexicon file: loaded or refused, never a panic.
    #[test]
    fn arbitrary_rule_files_never_panic_the_loader(
        text in "(\\PC|\n){0,300}",
        lexicon in any::<bool>(),
    ) {
        let dir = tempdir("loader");
        let file = if lexicon { dir.join("lexicon/x.yaml") } else { dir.join("x.yaml") };
        std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
        std::fs::write(&file, &text).expect("write");
        let loaded = RuleSet::load(&[dir.as_path()]);
        let _ = std::fs::remove_dir_all(&dir);
        if let Err(e) = loaded {
            prop_assert!(e.to_string().contains("x.yaml"), "{e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    /// The same statements give byte-identical JSON output run after run and with 1, 2 or
    /// 3 worker threads.
    #[test]
    fn output_is_identical_across_runs_and_thread_counts(
        docs in prop::collection::vec((document(), format()), 1..7),
    ) {
        let dir = tempdir("threads");
        for (i, (text, format)) in docs.iter().enumerate() {
            let ext = match format {
                Format::Markdown => "md",
                Format::Html => "html",
                Format::Text => "txt",
            };
            std::fs::write(dir.join(format!("s{i}.{ext}")), text).expect("write");
        }
        let run = |jobs: &str| privlint_in(Some(&dir), &["check", "--format", "json", "-j", jobs, "--isolated", "."]);
        let first = run("1");
        let mut runs = Vec::new();
        for jobs in ["2", "3", "1"] {
            runs.push((jobs, run(jobs)));
        }
        let _ = std::fs::remove_dir_all(&dir);
        prop_assert!(matches!(first.0, 0..=2), "{:?}", first);
        for (jobs, again) in &runs {
            prop_assert_eq!(again, &first, "-j {}", jobs);
        }
    }
}

fn check_parse(source: Source) -> Result<(), TestCaseError> {
    let text = source.text.clone();
    let doc = ingest::parse(source);
    for b in &doc.blocks {
        prop_assert!(
            b.span.start <= b.span.end && b.span.end <= text.len(),
            "{:?}",
            b.span
        );
        prop_assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
    }
    Ok(())
}

/// A fresh directory under `CARGO_TARGET_TMPDIR`, unique per call.
fn tempdir(kind: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "props-{kind}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Found by the `ingest_html` fuzz target (minimised input): text the tree builder fosters
/// out of a table put a one-byte DOM character over the two-byte `ð` (byte 0xF0 read as
/// windows-1252), and the block span ended inside it.
#[test]
fn foster_parented_text_over_a_multibyte_character_keeps_spans_on_boundaries() {
    let bytes = b"<table>d<td>S\xf0<tr>\ne";
    let source = Source::from_bytes("fuzz.html", bytes).expect("read");
    check_parse(source).expect("spans inside the text, on character boundaries");
    let text = "<table>d<td>S\u{f0}<tr>\ne";
    check_parse(Source::from_text("fuzz.html", text, Some(Format::Html)))
        .expect("spans inside the text, on character boundaries");
}
