//! HTML ingest: what a reader sees in a page (headings, paragraphs, lists, tables, footer
//! address) without scripts, menus or cookie banners, and line:column positions that point
//! into the HTML file.

use crate::common;
use privlint::ingest::{self, BlockKind, Document, Source};

fn fixture(name: &str) -> Document {
    parse_file(&common::root().join("tests/fixtures/html").join(name))
}

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

/// 1-based line and column where `phrase` (its first occurrence in a block) sits in the file.
fn position(doc: &Document, phrase: &str) -> (usize, usize) {
    let (block, at) = doc
        .blocks
        .iter()
        .find_map(|b| b.text.find(phrase).map(|at| (b, at)))
        .unwrap_or_else(|| panic!("no block contains {phrase:?}"));
    let offset = block.source_offset(at);
    let lc = doc.source.line_index.line_col(&doc.source.text, offset);
    (lc.line, lc.column)
}

fn outline(doc: &Document) -> Vec<(BlockKind, u8, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, b.level, b.text.as_str()))
        .collect()
}

#[test]
fn page_keeps_the_statement_and_drops_page_furniture() {
    use BlockKind::*;
    let doc = fixture("page.html");
    assert_eq!(
        outline(&doc),
        vec![
            (Heading, 1, "Privacy statement"),
            (Paragraph, 0, "Last updated: 3 March 2025"),
            (
                Paragraph,
                0,
                "Example Books B.V. (\u{201c}we\u{201d}) sells books & e-books. This statement \
                 explains what we do with your personal data when you order from us, and which \
                 rights you have under the GDPR\u{2019}s transparency rules."
            ),
            (Heading, 2, "What we use your data for"),
            (ListItem, 1, "Delivering your order"),
            (ListItem, 2, "your name and address"),
            (ListItem, 2, "your e-mail address"),
            (ListItem, 1, "Sending invoices"),
            // A paragraph that is one bold run reads as a heading below the current one.
            (Heading, 3, "Legal bases"),
            (
                Paragraph,
                0,
                "We rely on the contract with you.\nWhere the law requires it, we ask for consent."
            ),
            (Heading, 3, "Recipients"),
            (TableCell, 0, "Recipient"),
            (TableCell, 0, "Purpose"),
            (TableCell, 0, "PostNL"),
            (TableCell, 0, "Delivering parcels"),
            (TableCell, 0, "Our payment provider, for payments"),
            // A section whose class mentions cookies is content, not a banner.
            (Heading, 2, "Cookies"),
            (
                Paragraph,
                0,
                "We place a functional cookie that remembers your basket for 30 days."
            ),
            (Heading, 3, "How long we keep your data"),
            (
                Paragraph,
                0,
                "We keep invoices for 7 years because tax law requires it."
            ),
            (Paragraph, 0, "Controller"),
            (
                Paragraph,
                0,
                "Example Books B.V., Keizersgracht 1, Amsterdam"
            ),
            (
                Paragraph,
                0,
                "Quoted guidance from the supervisory authority."
            ),
            (Preformatted, 0, "retention:\n  invoices: 7y"),
            // A class that says navigation does not make prose a menu; text the browser
            // reveals when searched for is text the reader can read.
            (
                Paragraph,
                0,
                "Our data protection officer answers within a month."
            ),
            (
                Paragraph,
                0,
                "Collapsed text the browser finds and reveals."
            ),
            (
                Paragraph,
                0,
                "Questions? Read the privacy FAQ or write to us."
            ),
            // The footer's address is kept, its menu of links is not.
            (
                Paragraph,
                0,
                "Example Books B.V.\nKeizersgracht 1\n1015 CJ Amsterdam"
            ),
        ]
    );
    let all: String = doc
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for noise in [
        "improve your experience",
        "Accept all",
        "Do you agree",
        "Shop",
        "Menu one",
        "Skip to content",
        "hidden paragraph",
        "Decorative",
        "Invisible",
        "opens in a new window",
        "enable JavaScript",
        "Template text",
        "Svg text",
        "Icon title",
        "Nederlands",
        "dataLayer",
        "font-family",
        "Imprint",
        "Jobs",
    ] {
        assert!(!all.contains(noise), "{noise:?} leaked into the blocks");
    }
}

#[test]
fn page_metadata_comes_from_the_head() {
    let doc = fixture("page.html");
    let meta = &doc.metadata;
    assert_eq!(
        meta.get("title").map(String::as_str),
        Some("Privacy statement | Example Books")
    );
    assert_eq!(meta.get("lang").map(String::as_str), Some("en-GB"));
    assert_eq!(
        meta.get("description").map(String::as_str),
        Some("How Example Books handles your personal data.")
    );
    assert_eq!(
        meta.get("modified").map(String::as_str),
        Some("2025-03-03T10:00:00+00:00")
    );
}

#[test]
fn phrases_map_to_their_line_and_column_in_the_html() {
    let doc = fixture("page.html");
    // Inside a paragraph that spans three source lines.
    assert_eq!(position(&doc, "rights you have"), (30, 17));
    // After a numeric entity on the same line, and after `&amp;`.
    assert_eq!(position(&doc, "transparency rules"), (30, 56));
    assert_eq!(position(&doc, "e-books"), (28, 64));
    assert_eq!(position(&doc, "books &"), (28, 52));
    // After a `<br>`, in a footer address, in a table cell, in preformatted text, in a link.
    assert_eq!(position(&doc, "Where the law"), (42, 45));
    assert_eq!(position(&doc, "Keizersgracht 1\n1015"), (78, 34));
    assert_eq!(position(&doc, "Delivering parcels"), (47, 32));
    assert_eq!(position(&doc, "invoices: 7y"), (65, 3));
    assert_eq!(position(&doc, "privacy FAQ"), (72, 62));
    assert_eq!(position(&doc, "Legal bases"), (41, 16));
    assert_eq!(position(&doc, "30 days"), (53, 70));
    // Block spans cover the text: the multi-line paragraph runs from line 28 to 30.
    let para = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Example Books B.V. ("))
        .expect("intro paragraph");
    assert_eq!(doc.block_lines(para), (28, 30));
}

#[test]
fn tables_lists_and_links_carry_their_structure() {
    let doc = fixture("page.html");
    let cells: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            b.cell
                .map(|c| (c.table, c.row, c.column, c.header, b.text.as_str()))
        })
        .collect();
    assert_eq!(
        cells,
        vec![
            (0, 0, 0, true, "Recipient"),
            (0, 0, 1, true, "Purpose"),
            (0, 1, 0, false, "PostNL"),
            (0, 1, 1, false, "Delivering parcels"),
            (0, 2, 0, false, "Our payment provider, for payments"),
        ]
    );
    let with_link = doc
        .blocks
        .iter()
        .find(|b| !b.links.is_empty())
        .expect("a block with a link");
    let link = &with_link.links[0];
    assert_eq!(link.href, "https://example.com/faq");
    assert_eq!(link.text, "privacy FAQ");
    assert_eq!(&with_link.text[link.range.0..link.range.1], "privacy FAQ");
}

/// A heading inside a cell does not make a table with a header row a layout table (the cells
/// keep their row and column); without a header row it still does.
#[test]
fn a_heading_in_a_cell_of_a_data_table_keeps_the_cells() {
    let cells_of = |html: &str| -> Vec<(usize, usize, String)> {
        let doc = ingest::parse(Source::from_text(
            "table.html",
            html,
            Some(ingest::Format::Html),
        ));
        (doc.blocks.iter())
            .filter_map(|b| b.cell.map(|c| (c.row, c.column, b.text.clone())))
            .collect()
    };
    let body = "<tr><td>To send offers</td><td><p>Consent</p><h5>What this means</h5>\
                <p>We ask first.</p></td></tr>";
    let data = cells_of(&format!(
        "<table><tr><th>Purpose</th><th>Basis</th></tr>{body}</table>"
    ));
    assert_eq!(
        data,
        [
            (0, 0, "Purpose"),
            (0, 1, "Basis"),
            (1, 0, "To send offers"),
            (1, 1, "Consent"),
            (1, 1, "We ask first.")
        ]
        .map(|(r, c, t)| (r, c, t.to_string()))
    );
    assert_eq!(cells_of(&format!("<table>{body}</table>")), []);
}

#[test]
fn a_fragment_without_html_or_head_parses() {
    use BlockKind::*;
    let doc = fixture("fragment.html");
    assert_eq!(
        outline(&doc),
        vec![
            (Heading, 2, "About this notice"),
            (
                Paragraph,
                0,
                "This notice explains how the Example Sync service uses your data."
            ),
            (Heading, 3, "Data we collect"),
            (ListItem, 1, "Account data: your e-mail address."),
            (ListItem, 1, "Technical data: your IP address."),
            (Paragraph, 0, "Contact: privacy@example.org."),
        ]
    );
    assert!(!doc.metadata.contains_key("title"));
    assert_eq!(position(&doc, "uses your data"), (3, 1));
    assert_eq!(position(&doc, "About this notice"), (1, 16));
    assert_eq!(position(&doc, "privacy@example.org."), (9, 50));
}

#[test]
fn a_windows_1252_page_decodes_and_maps_to_characters() {
    let doc = fixture("windows-1252.html");
    assert_eq!(doc.source.encoding, "windows-1252");
    let para = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .expect("paragraph");
    assert!(
        para.text.contains("\u{201c}zo kort mogelijk\u{201d}"),
        "{}",
        para.text
    );
    assert!(para.text.contains("Caf\u{e9} De Kroon"), "{}", para.text);
    // Columns count characters of the decoded text, one per byte in windows-1252.
    assert_eq!(position(&doc, "zo kort"), (4, 29));
    assert_eq!(position(&doc, "Caf\u{e9}"), (4, 78));
}

#[test]
fn error_recovery_keeps_text_and_positions() {
    let doc = fixture("recovery.html");
    // html5ever moves stray table text before the table (as browsers show it), and the
    // alignment still finds it on its own line.
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Broken markup",
            "Stray text inside the table",
            "First cell",
            "Second cell",
            "Third cell",
            "Fourth cell",
            "Unclosed bold italic text after the table.",
            "A paragraph with a lone < sign and an &unknown; entity &copy\u{a9} here.",
            "Text after a comment.",
            "Final paragraph",
        ]
    );
    assert_eq!(position(&doc, "Stray text"), (5, 3));
    assert_eq!(position(&doc, "First cell"), (4, 11));
    assert_eq!(position(&doc, "Fourth cell"), (6, 30));
    assert_eq!(position(&doc, "Text after a comment"), (10, 50));
    assert_eq!(position(&doc, "Final paragraph"), (11, 4));
}

/// Malformed and hostile inputs: no panic, and every span, segment and link stays inside
/// its text.
#[test]
fn malformed_html_never_panics_and_spans_stay_in_bounds() {
    let deep = format!(
        "<p>top</p>{}deep text{}",
        "<div>".repeat(20_000),
        "</div>".repeat(10)
    );
    let cases = [
        "<p>unclosed comment <!-- never ends",
        "<script>var x = '<p>not text</p>'",
        "<p>&#xFFFFFFFF; &#0; &#x80; &#99999999999999999999; &; &#; &#x;</p>",
        "<!--> <p>after empty comment</p> <!---> <p>again</p>",
        "<p>a < b and c > d</p></>< /p><",
        "<svg><![CDATA[ cdata <p> ]]></svg><p>after svg</p>",
        "<pre>\n\n  indented\n</pre>",
        "<table><td>cell without row<table><td>nested</td></table></td></table>",
        "<p title='a > b'>quoted angle</p><p title=\"x\">ok</p>",
        "<ul><li>one<li>two<ul><li>three</ul></ul>",
        "<p>\u{a0}\u{200b}\u{ad}</p><p>é&eacute;e\u{301}</p>",
        "<p>text<br><br><br>more<br></p>",
        "<a href=\"x\"><div>block in link</div></a>",
        "<h2><p>paragraph in heading</p><ul><li>list</li></ul></h2>",
        deep.as_str(),
    ];
    for (i, html) in cases.iter().enumerate() {
        let doc = ingest::parse(Source::from_text(
            &format!("case{i}.html"),
            html,
            Some(ingest::Format::Html),
        ));
        let len = doc.source.text.len();
        for b in &doc.blocks {
            assert!(
                b.span.start <= b.span.end && b.span.end <= len,
                "case {i}: {b:?}"
            );
            assert_eq!(
                b.segments.first().map(|s| s.text_start),
                Some(0),
                "case {i}"
            );
            assert!(
                b.segments
                    .windows(2)
                    .all(|w| w[0].text_start < w[1].text_start),
                "case {i}: {:?}",
                b.segments
            );
            for at in (0..=b.text.len()).filter(|&at| b.text.is_char_boundary(at)) {
                let o = b.source_offset(at);
                assert!(b.span.start <= o && o <= b.span.end, "case {i}");
            }
            for l in &b.links {
                assert!(
                    l.range.0 < l.range.1 && l.range.1 <= b.text.len(),
                    "case {i}"
                );
            }
        }
    }
    let doc = ingest::parse(Source::from_text(
        "deep.html",
        &deep,
        Some(ingest::Format::Html),
    ));
    assert!(doc.blocks.iter().any(|b| b.text.contains("deep text")));
}

/// Every real capture: no script or style text in any block, a real outline of headings,
/// and no block is empty.
#[test]
fn real_captures_have_headings_and_no_script_text() {
    let Some(shared) = common::shared() else {
        return;
    };
    for path in common::files(&shared.join("corpus/real"), &[".html"]) {
        let doc = parse_file(&path);
        for b in &doc.blocks {
            if let Some(marker) = script_marker(&b.text) {
                panic!(
                    "{}: block at line {} holds {marker:?}",
                    path.display(),
                    doc.block_lines(b).0
                );
            }
        }
        let headings = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count();
        assert!(headings >= 10, "{}: {headings} headings", path.display());
        assert!(
            doc.blocks.len() >= 50,
            "{}: {} blocks",
            path.display(),
            doc.blocks.len()
        );
    }
}

/// A finding-sized span in the middle of a real capture reports the line where that text is
/// in the raw file. The phrase is chosen at run time (the first block about retention), so
/// no sentence of the capture is stored here.
#[test]
fn a_retention_sentence_in_the_romeo_capture_reports_its_own_line() {
    let Some(shared) = common::shared() else {
        return;
    };
    let path = shared.join("corpus/real/en-romeo-privacy.html");
    let doc = parse_file(&path);
    let raw = &doc.source.text;
    let block = doc
        .blocks
        .iter()
        .find(|b| {
            b.kind != BlockKind::Heading
                && (b.text.contains("retain") || b.text.contains("retention"))
        })
        .expect("a block about retention");
    // A 30-byte slice around the keyword, made of plain characters only (no entities or
    // markup can sit inside it in the source).
    let key = block
        .text
        .find("retain")
        .or_else(|| block.text.find("retention"))
        .unwrap_or(0);
    let start = (key.saturating_sub(10)..=key)
        .find(|&s| block.text.is_char_boundary(s))
        .unwrap_or(key);
    let slice: String = block.text[start..].chars().take(30).collect();
    assert!(
        slice
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == ','),
        "pick a plain slice: {slice:?}"
    );
    let in_raw = raw.find(&slice).expect("the slice occurs in the raw file");
    let expected_line = doc.source.line_index.line(in_raw);
    let span = block.source_span(start, start + slice.len());
    let (first, last) = doc.source.line_index.lines(span);
    assert_eq!((first, last), (expected_line, expected_line));
    assert_eq!(span.start, in_raw, "the span starts exactly at the slice");
    assert!(
        (1000..1250).contains(&expected_line),
        "line {expected_line}"
    );
}

/// A trace of script or style source in visible text: `function(`, `var x =`, `{"`,
/// `window.x` or `document.x` (a property access, not "this document."), CSS rules.
fn script_marker(text: &str) -> Option<&'static str> {
    let plain = ["function(", "{\"", "@media", "!important", "=>{", "});"];
    if let Some(m) = plain.iter().find(|m| text.contains(**m)) {
        return Some(m);
    }
    for object in ["window.", "document."] {
        let property_access = text.match_indices(object).any(|(at, _)| {
            let before = text[..at].chars().last();
            let after = text[at + object.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_some_and(|c| c.is_ascii_lowercase())
        });
        if property_access {
            return Some(object);
        }
    }
    let declares = text.match_indices("var ").any(|(at, _)| {
        let rest = &text[at + 4..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        !name.is_empty() && rest[name.len()..].trim_start().starts_with('=')
    });
    declares.then_some("var x =")
}

#[test]
fn script_markers_are_recognised() {
    assert_eq!(script_marker("var dataLayer = [];"), Some("var x ="));
    assert_eq!(script_marker("x = window.location.href"), Some("window."));
    assert_eq!(script_marker("(function(){ })();"), Some("function("));
    assert_eq!(script_marker("Read this document. It is short."), None);
    assert_eq!(script_marker("We var y with a window. Then"), None);
}
