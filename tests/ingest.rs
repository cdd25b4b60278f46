//! Ingest over real and team-written statements: every file parses; languages are right;
//! outline structure snapshots of real files (kinds, levels, line ranges, languages, text
//! lengths and hashes — never their sentences); full-text outlines of our own corpus; and
//! the `parse` command's output and errors.

use crate::common;
use privlint::ingest::{self, Document, Source};
use privlint::lang::Lang;
use std::fmt::Write as _;
use std::path::Path;

fn load(path: &Path) -> Document {
    ingest::parse(Source::read(path).unwrap_or_else(|e| panic!("{e}")))
}

/// The language a shared file is in, from its name (`nl-…`, `….nl.…`, `…-nl/…`).
fn expected_lang(path: &Path) -> Lang {
    let s = path.to_string_lossy();
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let dir = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("");
    if name.starts_with("nl-")
        || name.contains(".nl.")
        || dir.ends_with("-nl")
        || s.contains("/nl/")
    {
        Lang::Nl
    } else {
        Lang::En
    }
}

fn structure(doc: &Document) -> String {
    let idx = &doc.source.line_index;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "format: {}  encoding: {}  language: {}  sections: {}  blocks: {}",
        doc.source.format.as_str(),
        doc.source.encoding,
        doc.lang,
        doc.sections.len(),
        doc.blocks.len()
    );
    for b in &doc.blocks {
        let (first, last) = idx.lines(b.span);
        let _ = writeln!(
            out,
            "{:>5}-{:<5} {:<12} {} {} len {:>5} {}",
            first,
            last,
            b.kind.as_str(),
            b.level,
            b.lang,
            b.text.chars().count(),
            common::short_hash(&b.text)
        );
    }
    out
}

/// The seeds and the real statements of ../shared, sorted.
fn seeds_and_real(shared: &Path) -> Vec<std::path::PathBuf> {
    let exts = [".md", ".txt", ".html"];
    let mut files = common::files(&shared.join("seeds"), &exts);
    files.extend(common::files(&shared.join("corpus/real"), &exts));
    files
}

#[test]
fn every_shared_file_parses_in_its_language_with_headings() {
    let Some(shared) = common::shared() else {
        return;
    };
    let mut files = seeds_and_real(&shared);
    files.extend(common::files(
        &shared.join("corpus/versions"),
        &[".md", ".txt", ".html"],
    ));
    assert!(files.len() >= 120, "{} files", files.len());
    let mut wrong = Vec::new();
    for f in &files {
        let doc = load(f);
        if doc.lang != expected_lang(f) {
            wrong.push(format!("{}: language {}", f.display(), doc.lang));
        }
        let headings = doc
            .blocks
            .iter()
            .filter(|b| b.kind == ingest::BlockKind::Heading)
            .count();
        // Long statements have headings a reader sees (a few short ones are plain prose).
        if headings == 0 && doc.source.text.len() > 12_000 {
            wrong.push(format!("{}: no headings", f.display()));
        }
        // Every block's span lies inside the text and on whole characters.
        for b in &doc.blocks {
            assert!(
                b.span.end <= doc.source.text.len()
                    && doc.source.text.is_char_boundary(b.span.start)
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn real_statement_outline_structure() {
    let Some(shared) = common::shared() else {
        return;
    };
    let files = seeds_and_real(&shared);
    for f in files {
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file")
            .to_string();
        insta::with_settings!({snapshot_suffix => name, prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!("outline", structure(&load(&f)));
        });
    }
}

#[test]
fn team_corpus_full_text_outlines() {
    let root = common::root().join("corpus");
    let files = {
        let mut v = common::files(&root.join("en"), &[".md", ".txt", ".html"]);
        v.extend(common::files(&root.join("nl"), &[".md", ".txt", ".html"]));
        v
    };
    for lang in ["en", "nl"] {
        let n = files
            .iter()
            .filter(|f| f.parent().is_some_and(|p| p.ends_with(lang)))
            .count();
        assert!(
            n >= 3,
            "corpus/{lang} should hold at least three statements, found {n}"
        );
    }
    for f in files {
        let doc = load(&f);
        assert_eq!(doc.lang, expected_lang(&f), "{}", f.display());
        let rel = f
            .strip_prefix(common::root())
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let name = rel.replace('/', "__");
        let mut shown = ingest::Document::clone(&doc);
        shown.source.path = rel.clone();
        insta::with_settings!({snapshot_suffix => name, prepend_module_to_snapshot => false, omit_expression => true, input_file => &f}, {
            insta::assert_snapshot!("corpus_outline", privlint_outline(&shown));
        });
    }
}

fn privlint_outline(doc: &Document) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .current_dir(common::root())
        .args(["parse", &doc.source.path])
        .output()
        .expect("privlint parse runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn parse_command_json_and_errors() {
    let Some(shared) = common::shared() else {
        return;
    };
    let seed = shared.join("seeds/netflix-help-gebruik-persoonsgegevens-tegengaan.nl.txt");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .args(["parse", "--format", "json", seed.to_str().expect("utf8")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let doc = &v["documents"][0];
    assert_eq!(doc["language"], "nl");
    assert_eq!(doc["format"], "text");
    let headings: Vec<&str> = doc["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter(|b| b["kind"] == "heading")
        .filter_map(|b| b["text"].as_str())
        .collect();
    assert!(
        headings.contains(&"Cookies") && headings.contains(&"Pushberichten"),
        "{headings:?}"
    );
    assert_eq!(doc["blocks"][0]["line"], 1);

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("parse-errors");
    std::fs::create_dir_all(&dir).expect("dir");
    let empty = dir.join("empty.md");
    std::fs::write(&empty, "").expect("write");
    let png = dir.join("image.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .args([
            "parse",
            empty.to_str().expect("utf8"),
            png.to_str().expect("utf8"),
            seed.to_str().expect("utf8"),
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.md: file is empty"), "{err}");
    assert!(
        err.contains("image.txt: not a text file (PNG image)"),
        "{err}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Pushberichten"),
        "the good file is still parsed"
    );
}
