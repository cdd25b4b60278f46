//! `privlint parse FILE… [--format text|json]`: the document outline — sections with
//! their heading path, and every block with kind, level, language, line range and text.
//!
//! JSON contract (stable; keys sorted):
//! `{"documents": [{"path", "format", "encoding", "language", "metadata": {…},
//!   "sections": [{"index", "level", "title", "heading_path": […], "parent",
//!                 "first_line", "last_line"}],
//!   "blocks": [{"index", "kind", "level", "language", "section", "line", "column",
//!               "end_line", "text", "links": [{"text", "href"}],
//!               "cell": null | {"table", "row", "column", "header"}}]}]}`

use crate::ingest::{self, Document, Source};
use clap::{Args, ValueEnum};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files to parse (Markdown, HTML or plain text; detected by extension and content).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
    pub format: ParseFormat,
}

/// The outline of one document as JSON.
pub fn outline_json(doc: &Document) -> Value {
    let idx = &doc.source.line_index;
    let sections: Vec<Value> = doc
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (b0, b1) = doc.section_extent(i);
            let first = doc.blocks.get(b0).map(|b| idx.line(b.span.start));
            let last = if b1 > b0 {
                Some(idx.lines(doc.blocks[b1 - 1].span).1)
            } else {
                first
            };
            json!({
                "index": i, "level": s.level, "title": s.title,
                "heading_path": doc.heading_path(i), "parent": s.parent,
                "first_line": first, "last_line": last,
            })
        })
        .collect();
    let blocks: Vec<Value> = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let lc = idx.line_col(&doc.source.text, b.span.start);
            let (_, end_line) = idx.lines(b.span);
            json!({
                "index": i, "kind": b.kind.as_str(), "level": b.level, "language": b.lang.code(),
                "section": b.section, "line": lc.line, "column": lc.column, "end_line": end_line,
                "text": b.text,
                "links": b.links.iter().map(|l| json!({"text": l.text, "href": l.href})).collect::<Vec<_>>(),
                "cell": b.cell.map(|c| json!({"table": c.table, "row": c.row, "column": c.column, "header": c.header})),
            })
        })
        .collect();
    json!({
        "path": doc.path(), "format": doc.source.format.as_str(), "encoding": doc.source.encoding,
        "language": doc.lang.code(), "metadata": doc.metadata, "sections": sections, "blocks": blocks,
    })
}

/// The outline of one document as indented text.
pub fn outline_text(doc: &Document) -> String {
    let idx = &doc.source.line_index;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  ({}, {}, language {}, {} sections, {} blocks)",
        doc.path(),
        doc.source.format.as_str(),
        doc.source.encoding,
        doc.lang,
        doc.sections.len(),
        doc.blocks.len()
    );
    for (k, v) in &doc.metadata {
        let _ = writeln!(out, "  {k}: {v}");
    }
    for b in &doc.blocks {
        let (first, last) = idx.lines(b.span);
        let lines = if first == last {
            format!("{first}")
        } else {
            format!("{first}-{last}")
        };
        let indent = if b.kind == ingest::BlockKind::Heading {
            "  ".repeat(usize::from(b.level.saturating_sub(1)))
        } else {
            "  ".repeat(usize::from(doc.sections[b.section].level))
        };
        let kind = match b.kind {
            ingest::BlockKind::Heading => format!("h{}", b.level),
            ingest::BlockKind::ListItem => format!("li{}", b.level),
            ingest::BlockKind::TableCell => match b.cell {
                Some(c) => format!("td{}:{}", c.row, c.column),
                None => "td".into(),
            },
            k => k.as_str().to_string(),
        };
        let _ = writeln!(
            out,
            "{lines:>7} {kind:<9} {} {indent}{}",
            b.lang,
            b.text.replace('\n', " ⏎ ")
        );
    }
    out
}

pub fn run(args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let mut docs = Vec::new();
    let mut text = String::new();
    for f in &args.files {
        match Source::read(f) {
            Ok(source) => {
                let doc = ingest::parse(source);
                match args.format {
                    ParseFormat::Json => docs.push(outline_json(&doc)),
                    ParseFormat::Text => {
                        text.push_str(&outline_text(&doc));
                        text.push('\n');
                    }
                }
            }
            Err(e) => {
                eprintln!("privlint: {e}");
                failed = true;
            }
        }
    }
    match args.format {
        ParseFormat::Json => {
            let mut s = serde_json::to_string_pretty(&json!({ "documents": docs }))?;
            s.push('\n');
            out!("{s}")?;
        }
        ParseFormat::Text => out!("{text}")?,
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
