//! `--format json`: the stable machine-readable contract of DESIGN.md.
//!
//! ```json
//! {"version": "1", "tool": {"name": "privlint", "version": "…"},
//!  "documents": [{"path", "kind", "language", "format", "last_updated",
//!    "help_pages": [],
//!    "requirements": [{"id", "title", "status", "article", "reason", "values": {},
//!                      "evidence": [{"path", "line", "column", "end_line", "text"}]}],
//!    "findings": [{"rule", "code", "severity", "requirement", "message",
//!                  "path", "line", "column", "end_line"}],
//!    "suppressed": [{…finding, "reason", "directive_line"}],
//!    "baselined": 0, "outside_change": 0,
//!    "summary": {"met": 0, "vague": 0, "by-reference": 0, "missing": 0,
//!                "not-applicable": 0, "undetermined": 0}}]}
//! ```
//! Keys are emitted in a fixed order; output is byte-identical for identical input.

use crate::analysis::{Analysis, DocumentAnalysis};
use crate::finding::{Finding, Status};
use serde::Serialize;
use std::collections::BTreeMap;

// The records below borrow from the analysis and serialise straight to text (no
// intermediate `serde_json::Value` tree: 2% fewer instructions checking a corpus). Their
// fields are declared in alphabetical order: the order the contract has always had.

#[derive(Serialize)]
struct Output<'a> {
    documents: Vec<DocumentRecord<'a>>,
    tool: Tool,
    version: &'static str,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

const TOOL: Tool = Tool {
    name: "privlint",
    version: env!("CARGO_PKG_VERSION"),
};

#[derive(Serialize)]
struct DocumentRecord<'a> {
    baselined: usize,
    findings: Vec<FindingRecord<'a>>,
    format: &'static str,
    help_pages: &'a [String],
    kind: &'static str,
    language: &'static str,
    last_updated: &'a Option<String>,
    outside_change: usize,
    path: &'a str,
    requirements: Vec<RequirementRecord<'a>>,
    summary: BTreeMap<&'static str, usize>,
    suppressed: Vec<FindingRecord<'a>>,
    /// Only on a JSONL line, which stands alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    tool: Option<Tool>,
}

#[derive(Serialize)]
struct RequirementRecord<'a> {
    article: &'a str,
    evidence: Vec<Place<'a>>,
    id: &'a str,
    reason: &'a str,
    rules: &'a [String],
    status: &'static str,
    values: &'a BTreeMap<String, Vec<String>>,
}

#[derive(Serialize)]
struct Place<'a> {
    column: usize,
    end_line: usize,
    line: usize,
    path: &'a str,
    text: &'a str,
}

/// A finding, or (with `directive_line` and `reason`) a suppressed one.
#[derive(Serialize)]
struct FindingRecord<'a> {
    code: &'a str,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    directive_line: Option<usize>,
    end_line: usize,
    line: usize,
    message: &'a str,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    requirement: &'a str,
    rule: &'a str,
    severity: &'static str,
}

fn locate(
    analysis: &Analysis,
    owner: &DocumentAnalysis,
    path: &str,
    span: crate::span::Span,
) -> (usize, usize, usize) {
    let r = super::locate(analysis, owner, path, span);
    (r.line, r.column, r.end_line)
}

fn finding_record<'a>(
    analysis: &Analysis,
    d: &DocumentAnalysis,
    f: &'a Finding,
    suppressed: Option<(&'a str, usize)>,
) -> FindingRecord<'a> {
    let (line, column, end_line) = locate(analysis, d, &f.path, f.span);
    FindingRecord {
        code: &f.code,
        column,
        directive_line: suppressed.map(|(_, line)| line),
        end_line,
        line,
        message: &f.message,
        path: &f.path,
        reason: suppressed.map(|(reason, _)| reason),
        requirement: &f.requirement,
        rule: &f.rule,
        severity: f.severity.as_str(),
    }
}

fn document_record<'a>(analysis: &Analysis, d: &'a DocumentAnalysis) -> DocumentRecord<'a> {
    let summary = (Status::ALL.iter())
        .map(|s| {
            let n = d.requirements.iter().filter(|r| r.status == *s).count();
            (s.as_str(), n)
        })
        .collect();
    let requirements = (d.requirements.iter())
        .map(|r| RequirementRecord {
            article: &r.article,
            evidence: (r.evidence.iter())
                .map(|e| {
                    let (line, column, end_line) = locate(analysis, d, &e.path, e.span);
                    Place {
                        column,
                        end_line,
                        line,
                        path: &e.path,
                        text: &e.text,
                    }
                })
                .collect(),
            id: &r.id,
            reason: &r.reason,
            rules: &r.rules,
            status: r.status.as_str(),
            values: &r.values,
        })
        .collect();
    DocumentRecord {
        baselined: d.baselined,
        findings: (d.findings.iter())
            .map(|f| finding_record(analysis, d, f, None))
            .collect(),
        format: d.document.source.format.as_str(),
        help_pages: &d.help_pages,
        kind: d.kind.as_str(),
        language: d.lang().code(),
        last_updated: &d.last_updated,
        outside_change: d.unchanged,
        path: d.path(),
        requirements,
        summary,
        suppressed: (d.suppressed.iter())
            .map(|s| finding_record(analysis, d, &s.finding, Some((&s.reason, s.directive_line))))
            .collect(),
        tool: None,
    }
}

/// `--format jsonl`: one document per line, with the tool version, written as each
/// document is analysed.
pub fn document_line(analysis: &Analysis, d: &DocumentAnalysis) -> String {
    let record = DocumentRecord {
        tool: Some(TOOL),
        ..document_record(analysis, d)
    };
    let mut s = serde_json::to_string(&record).unwrap_or_default();
    s.push('\n');
    s
}

pub fn render(analysis: &Analysis) -> String {
    let output = Output {
        documents: (analysis.documents.iter())
            .map(|d| document_record(analysis, d))
            .collect(),
        tool: TOOL,
        version: "1",
    };
    let mut s = serde_json::to_string_pretty(&output).unwrap_or_default();
    s.push('\n');
    s
}
