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
use crate::finding::Status;
use serde_json::{Map, Value, json};

fn locate(
    analysis: &Analysis,
    owner: &DocumentAnalysis,
    path: &str,
    span: crate::span::Span,
) -> (usize, usize, usize) {
    let r = super::locate(analysis, owner, path, span);
    (r.line, r.column, r.end_line)
}

pub fn document_value(analysis: &Analysis, d: &DocumentAnalysis) -> Value {
    let mut summary = Map::new();
    for s in Status::ALL {
        let n = d.requirements.iter().filter(|r| r.status == s).count();
        summary.insert(s.as_str().to_string(), json!(n));
    }
    let requirements: Vec<Value> = d
        .requirements
        .iter()
        .map(|r| {
            let evidence: Vec<Value> = r
                .evidence
                .iter()
                .map(|e| {
                    let (line, column, end_line) = locate(analysis, d, &e.path, e.span);
                    json!({"path": e.path, "line": line, "column": column, "end_line": end_line, "text": e.text})
                })
                .collect();
            json!({
                "id": r.id,
                "status": r.status.as_str(),
                "article": r.article,
                "reason": r.reason,
                "values": r.values,
                "evidence": evidence,
                "rules": r.rules,
            })
        })
        .collect();
    let findings: Vec<Value> = d
        .findings
        .iter()
        .map(|f| {
            let (line, column, end_line) = locate(analysis, d, &f.path, f.span);
            json!({
                "rule": f.rule, "code": f.code, "severity": f.severity.as_str(),
                "requirement": f.requirement, "message": f.message,
                "path": f.path, "line": line, "column": column, "end_line": end_line,
            })
        })
        .collect();
    let suppressed: Vec<Value> = d
        .suppressed
        .iter()
        .map(|s| {
            let f = &s.finding;
            let (line, column, end_line) = locate(analysis, d, &f.path, f.span);
            json!({
                "rule": f.rule, "code": f.code, "severity": f.severity.as_str(),
                "requirement": f.requirement, "message": f.message,
                "path": f.path, "line": line, "column": column, "end_line": end_line,
                "reason": s.reason, "directive_line": s.directive_line,
            })
        })
        .collect();
    json!({
        "path": d.path(),
        "kind": d.kind.as_str(),
        "language": d.lang().code(),
        "format": d.document.source.format.as_str(),
        "last_updated": d.last_updated,
        "help_pages": d.help_pages,
        "requirements": requirements,
        "findings": findings,
        "suppressed": suppressed,
        "baselined": d.baselined,
        "outside_change": d.unchanged,
        "summary": summary,
    })
}

/// `--format jsonl`: one document per line, with the tool version, written as each
/// document is analysed.
pub fn document_line(analysis: &Analysis, d: &DocumentAnalysis) -> String {
    let mut v = document_value(analysis, d);
    if let Value::Object(m) = &mut v {
        m.insert(
            "tool".into(),
            json!({"name": "privlint", "version": env!("CARGO_PKG_VERSION")}),
        );
    }
    let mut s = serde_json::to_string(&v).unwrap_or_default();
    s.push('\n');
    s
}

pub fn render(analysis: &Analysis) -> String {
    let docs: Vec<Value> = analysis
        .documents
        .iter()
        .map(|d| document_value(analysis, d))
        .collect();
    let v = json!({
        "version": "1",
        "tool": {"name": "privlint", "version": env!("CARGO_PKG_VERSION")},
        "documents": docs,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
