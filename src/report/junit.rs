//! `--format junit`: JUnit XML that GitLab, Jenkins and most CI dashboards read.
//!
//! One `<testsuite>` per document, one `<testcase>` per requirement (named
//! `PATH › requirement`, classname `privlint.PATH`). A testcase fails when a finding about
//! the requirement reaches `--fail-on`; the failure body carries the status, evidence line,
//! each finding and its fix. Findings below the threshold go to `<system-out>`; a
//! requirement that does not apply is `<skipped>`. Findings about suppression comments
//! form a testcase named `PATH › suppressions`. No timestamps: same input, same bytes.

use super::{Context, locate};
use crate::analysis::{Analysis, DocumentAnalysis};
use crate::finding::{Finding, Status};
use std::fmt::Write as _;

/// Escape text for XML content and attribute values; drop characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

struct Case {
    name: String,
    failures: Vec<String>,
    output: Vec<String>,
    skipped: Option<String>,
}

fn describe(analysis: &Analysis, ctx: &Context, d: &DocumentAnalysis, f: &Finding) -> String {
    let r = locate(analysis, d, &f.path, f.span);
    let mut s = format!(
        "{} {} [{}] at {}:{}:{}: {}",
        f.severity,
        f.code,
        f.rule,
        ctx.repo_path(&f.path),
        r.line,
        r.column,
        f.message
    );
    let fix = ctx.fix(&f.rule);
    if !fix.is_empty() {
        s.push_str(&format!("\n  fix: {fix}"));
    }
    s
}

fn cases(analysis: &Analysis, ctx: &Context, d: &DocumentAnalysis) -> Vec<Case> {
    let path = ctx.repo_path(d.path());
    let mut out = Vec::new();
    for req in &d.requirements {
        let mut case = Case {
            name: format!("{path} › {}", req.id),
            failures: Vec::new(),
            output: Vec::new(),
            skipped: None,
        };
        let mut head = format!("{}: {} ({})", req.id, req.status, req.reason);
        if let Some(e) = req.evidence.first() {
            let r = locate(analysis, d, &e.path, e.span);
            head.push_str(&format!(
                "; evidence at {}:{}",
                ctx.repo_path(&e.path),
                r.line
            ));
        }
        for f in d.findings.iter().filter(|f| f.requirement == req.id) {
            let text = describe(analysis, ctx, d, f);
            if ctx.fails(f) {
                case.failures.push(text);
            } else {
                case.output.push(text);
            }
        }
        if !case.failures.is_empty() {
            case.failures.insert(0, head);
        } else if req.status == Status::NotApplicable {
            case.skipped = Some(format!("not applicable: {}", req.reason));
        } else {
            case.output.insert(0, head);
        }
        out.push(case);
    }
    let meta: Vec<&Finding> = d
        .findings
        .iter()
        .filter(|f| f.requirement.is_empty())
        .collect();
    if !meta.is_empty() {
        let mut case = Case {
            name: format!("{path} › suppressions"),
            failures: Vec::new(),
            output: Vec::new(),
            skipped: None,
        };
        for f in meta {
            let text = describe(analysis, ctx, d, f);
            if ctx.fails(f) {
                case.failures.push(text);
            } else {
                case.output.push(text);
            }
        }
        out.push(case);
    }
    if out.is_empty() {
        out.push(Case {
            name: format!("{path} › document"),
            failures: Vec::new(),
            output: Vec::new(),
            skipped: Some(format!("{}: no requirements checked", d.kind.as_str())),
        });
    }
    out
}

pub fn render(analysis: &Analysis, ctx: &Context) -> String {
    let suites: Vec<(String, Vec<Case>)> = analysis
        .documents
        .iter()
        .map(|d| (ctx.repo_path(d.path()), cases(analysis, ctx, d)))
        .collect();
    let tests: usize = suites.iter().map(|(_, c)| c.len()).sum();
    let failures: usize = suites
        .iter()
        .flat_map(|(_, c)| c)
        .filter(|c| !c.failures.is_empty())
        .count();
    let mut o = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        o,
        "<testsuites name=\"privlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for (path, cases) in &suites {
        let f = cases.iter().filter(|c| !c.failures.is_empty()).count();
        let s = cases.iter().filter(|c| c.skipped.is_some()).count();
        let _ = writeln!(
            o,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{f}\" errors=\"0\" skipped=\"{s}\">",
            escape(path),
            cases.len()
        );
        for c in cases {
            let _ = write!(
                o,
                "    <testcase name=\"{}\" classname=\"privlint.{}\" file=\"{}\"",
                escape(&c.name),
                escape(path),
                escape(path)
            );
            if c.failures.is_empty() && c.output.is_empty() && c.skipped.is_none() {
                o.push_str("/>\n");
                continue;
            }
            o.push_str(">\n");
            if let Some(reason) = &c.skipped {
                let _ = writeln!(o, "      <skipped message=\"{}\"/>", escape(reason));
            }
            if !c.failures.is_empty() {
                let n = c.failures.len() - 1;
                let _ = writeln!(
                    o,
                    "      <failure message=\"{}\" type=\"privlint\">{}</failure>",
                    escape(&format!("{n} finding(s) at or above the fail-on severity")),
                    escape(&c.failures.join("\n"))
                );
            }
            if !c.output.is_empty() {
                let _ = writeln!(
                    o,
                    "      <system-out>{}</system-out>",
                    escape(&c.output.join("\n"))
                );
            }
            o.push_str("    </testcase>\n");
        }
        o.push_str("  </testsuite>\n");
    }
    o.push_str("</testsuites>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_handles_markup_and_control_characters() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }
}
