//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues) for the
//! `artifacts: reports: codequality` key. Each issue has a description, `check_name` (the
//! rule), a fingerprint that is unique in the report and stable across moved text, a
//! severity (error → major, warning → minor, info → info) and a repository-relative
//! location with begin and end lines.

use super::{Context, findings, locate};
use crate::analysis::Analysis;
use crate::baseline::fingerprint;
use crate::finding::Severity;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn render(analysis: &Analysis, ctx: &Context) -> String {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let issues: Vec<Value> = findings(analysis)
        .map(|(d, f)| {
            let r = locate(analysis, d, &f.path, f.span);
            let path = ctx.repo_path(&f.path);
            let base = fingerprint(f, &path);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            // The n-th identical finding gets its number folded in, keeping fingerprints unique.
            let fp = if *n == 1 {
                base
            } else {
                format!("{}{:02x}", &base[..30], *n % 256)
            };
            let mut description = format!("{}: {}", f.code, f.message);
            if !f.requirement.is_empty() {
                description.push_str(&format!(" (requirement: {})", f.requirement));
            }
            json!({
                "type": "issue",
                "engine_name": "privlint",
                "check_name": f.rule,
                "description": description,
                "content": {"body": ctx.fix(&f.rule)},
                "categories": ["Compliance"],
                "fingerprint": fp,
                "severity": severity(f.severity),
                "location": {"path": path, "lines": {"begin": r.line, "end": r.end_line}},
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&issues).unwrap_or_default();
    s.push('\n');
    s
}
