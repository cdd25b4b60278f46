//! `--format markdown`: a compact summary for pull requests and the GitHub job summary —
//! per document the counts by status, the requirements that are not met, the findings
//! with their locations, and the findings silenced in the statement with their reasons.
//! (The full regulator-style report is `privlint report`.)

use super::{Context, locate};
use crate::analysis::Analysis;
use crate::finding::{DocumentKind, Status};
use std::fmt::Write as _;

/// Escape text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

pub fn render(analysis: &Analysis, ctx: &Context) -> String {
    let mut o = String::from("# privlint\n\n");
    let total: usize = analysis.documents.iter().map(|d| d.findings.len()).sum();
    let failing = analysis
        .documents
        .iter()
        .flat_map(|d| &d.findings)
        .filter(|f| ctx.fails(f))
        .count();
    let _ = writeln!(
        o,
        "{} document(s), {total} finding(s), {failing} at or above the fail-on severity.\n",
        analysis.documents.len()
    );
    for d in &analysis.documents {
        let path = ctx.repo_path(d.path());
        let _ = writeln!(
            o,
            "## `{}`\n\n{}, {}, last updated {}\n",
            cell(&path),
            d.kind.as_str(),
            d.lang().code(),
            d.last_updated.as_deref().unwrap_or("not stated")
        );
        if d.kind == DocumentKind::Other || d.requirements.is_empty() {
            let _ = writeln!(o, "No requirements checked.\n");
        } else {
            let counts: Vec<String> = Status::ALL
                .iter()
                .map(|s| {
                    let n = d.requirements.iter().filter(|r| r.status == *s).count();
                    format!("{n} {s}")
                })
                .collect();
            let _ = writeln!(o, "Requirements: {}.\n", counts.join(", "));
            let open: Vec<_> = d
                .requirements
                .iter()
                .filter(|r| {
                    matches!(
                        r.status,
                        Status::Vague
                            | Status::Missing
                            | Status::ByReference
                            | Status::Undetermined
                    )
                })
                .collect();
            if !open.is_empty() {
                o.push_str(
                    "| Requirement | Article | Status | Line | Why |\n|---|---|---|---|---|\n",
                );
                for r in open {
                    let line = r
                        .evidence
                        .first()
                        .map(|e| {
                            let at = locate(analysis, d, &e.path, e.span);
                            if e.path == d.path() {
                                at.line.to_string()
                            } else {
                                format!("{}:{}", ctx.repo_path(&e.path), at.line)
                            }
                        })
                        .unwrap_or_else(|| "—".into());
                    let _ = writeln!(
                        o,
                        "| {} | {} | {} | {} | {} |",
                        r.id,
                        cell(&r.article),
                        r.status,
                        line,
                        cell(&r.reason)
                    );
                }
                o.push('\n');
            }
        }
        if !d.findings.is_empty() {
            o.push_str("| Severity | Rule | Location | Message |\n|---|---|---|---|\n");
            for f in &d.findings {
                let at = locate(analysis, d, &f.path, f.span);
                let _ = writeln!(
                    o,
                    "| {} | {} `{}` | {}:{} | {} |",
                    f.severity,
                    f.code,
                    f.rule,
                    cell(&ctx.repo_path(&f.path)),
                    at.line,
                    cell(&f.message)
                );
            }
            o.push('\n');
        }
        if !d.suppressed.is_empty() {
            let _ = writeln!(
                o,
                "{} finding(s) suppressed in the statement:\n",
                d.suppressed.len()
            );
            o.push_str("| Rule | Location | Reason |\n|---|---|---|\n");
            for s in &d.suppressed {
                let at = locate(analysis, d, &s.finding.path, s.finding.span);
                let _ = writeln!(
                    o,
                    "| {} `{}` | {}:{} | {} |",
                    s.finding.code,
                    s.finding.rule,
                    cell(&ctx.repo_path(&s.finding.path)),
                    at.line,
                    cell(&s.reason)
                );
            }
            o.push('\n');
        }
        if d.baselined > 0 {
            let _ = writeln!(o, "{} finding(s) accepted by the baseline.\n", d.baselined);
        }
        if d.unchanged > 0 {
            let _ = writeln!(o, "{} finding(s) outside the changed lines.\n", d.unchanged);
        }
    }
    o
}
