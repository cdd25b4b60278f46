//! HTML ingest: what a reader sees in a page (headings, paragraphs, lists, tables, footer
//! address) without scripts, menus or cookie banners, and line:column positions that point
//! into the HTML file.

use crate::common;
use privlint::ingest::{self, Block, BlockKind, Document, Source};

fn parse_file(path: &std::path::Path) -> Document {
    let source = Source::read(path).unwrap_or_else(|e| panic!("{e}"));
    ingest::parse(source)
}

/// Prints the blocks of every real HTML capture (`cargo test html::dump -- --ignored
/// --nocapture`), for reading a parse against the browser view.
#[test]
#[ignore]
fn dump() {
    let Some(shared) = common::shared() else {
        return;
    };
    let only = std::env::var("DUMP").unwrap_or_default();
    for path in common::files(&shared.join("corpus/real"), &[".html"]) {
        if !path.to_string_lossy().contains(&only) {
            continue;
        }
        let doc = parse_file(&path);
        println!(
            "==== {} ({} blocks) {:?}",
            path.display(),
            doc.blocks.len(),
            doc.metadata
        );
        for b in &doc.blocks {
            let (l1, l2) = doc.block_lines(b);
            let text: String = b.text.chars().take(100).collect();
            println!(
                "{l1}-{l2} {} {} {:?} {text:?}",
                b.kind.as_str(),
                b.level,
                b.cell.map(|c| (c.table, c.row, c.column, c.header))
            );
        }
    }
    let _: Option<&Block> = None;
    let _ = BlockKind::Heading;
}

/// Prints only the headings of every capture, indented by level.
#[test]
#[ignore]
fn dump_headings() {
    let Some(shared) = common::shared() else {
        return;
    };
    for path in common::files(&shared.join("corpus/real"), &[".html"]) {
        let doc = parse_file(&path);
        let headings = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count();
        println!(
            "==== {} blocks={} headings={}",
            path.display(),
            doc.blocks.len(),
            headings
        );
        for b in doc.blocks.iter().filter(|b| b.kind == BlockKind::Heading) {
            let text: String = b.text.chars().take(90).collect();
            println!(
                "{:>5} {}{text}",
                doc.block_lines(b).0,
                "  ".repeat(b.level as usize)
            );
        }
    }
}

/// For every block of every real capture, each sampled word of the block text maps back to
/// the very same word in the HTML source (through `Block::source_offset`), so a finding on
/// any sentence points at the right line and column.
#[test]
fn real_captures_map_words_back_to_the_source() {
    let Some(shared) = common::shared() else {
        return;
    };
    let files = common::files(&shared.join("corpus/real"), &[".html"]);
    assert!(
        files.len() >= 10,
        "expected the HTML captures, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in files {
        let doc = parse_file(&path);
        let src = doc.source.text.as_str();
        let (mut checked, mut wrong) = (0usize, Vec::new());
        for block in &doc.blocks {
            for (at, word) in sample_words(&block.text) {
                checked += 1;
                let offset = block.source_offset(at);
                if !src[offset.min(src.len())..].starts_with(word) {
                    let (line, _) = doc.block_lines(block);
                    wrong.push(format!("block at line {line}: {word:?} mapped to {offset}"));
                }
            }
        }
        assert!(checked > 200, "{}: only {checked} words", path.display());
        // A word split by markup (`Collecti</span><span>on`) cannot match verbatim: allow
        // one such word in 200.
        if wrong.len() * 200 > checked {
            failures.push(format!(
                "{}: {} of {checked} words map elsewhere, e.g. {:?}",
                path.display(),
                wrong.len(),
                &wrong[..wrong.len().min(5)]
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Up to five words of at least six ASCII letters or digits from a block, with their byte
/// offsets: such words are copied verbatim from the source, never entity-encoded.
fn sample_words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_ascii_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            if i - s >= 6
                && text[..s]
                    .chars()
                    .last()
                    .is_none_or(|p| !p.is_alphanumeric())
                && !text[i..].starts_with(|n: char| n.is_alphanumeric())
            {
                words.push((s, &text[s..i]));
            }
        }
    }
    let step = (words.len() / 5).max(1);
    words.into_iter().step_by(step).take(5).collect()
}
