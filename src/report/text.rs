//! `--format text`: rustc-style diagnostics with source excerpts, then a requirement table
//! per document. Colour only when asked (the CLI decides from the terminal and `NO_COLOR`).

use super::position;
use crate::analysis::{Analysis, DocumentAnalysis};
use crate::finding::{DocumentKind, Finding, Severity, Status};
use std::fmt::Write as _;

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, s: Severity) -> String {
        match s {
            Severity::Error => self.wrap("1;31", "error"),
            Severity::Warning => self.wrap("1;33", "warning"),
            Severity::Info => self.wrap("1;36", "info"),
        }
    }
    fn status(&self, s: Status) -> String {
        let label = format!("{:<14}", s.as_str());
        match s {
            Status::Met => self.wrap("32", &label),
            Status::Vague | Status::ByReference => self.wrap("33", &label),
            Status::Missing => self.wrap("31", &label),
            _ => self.wrap("2", &label),
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
}

fn diagnostic(out: &mut String, p: &Paint, d: &DocumentAnalysis, f: &Finding, help: &str) {
    let pos = position(d, f.span);
    let _ = writeln!(
        out,
        "{}[{}] {}: {}",
        p.severity(f.severity),
        f.code,
        p.bold(&f.rule),
        f.message
    );
    let _ = writeln!(out, "  --> {}:{}:{}", f.path, pos.line, pos.column);
    let text = &d.document.source.text;
    let idx = &d.document.source.line_index;
    let start = idx.line_start(pos.line);
    let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
    let line = excerpt(&text[start..end], pos.column);
    let gutter = pos.line.to_string().len();
    let _ = writeln!(out, "{:gutter$} |", "");
    let _ = writeln!(out, "{} | {}", p.dim(&pos.line.to_string()), line);
    let _ = writeln!(out, "{:gutter$} |", "");
    if !f.requirement.is_empty() {
        let _ = writeln!(out, "{:gutter$} = requirement: {}", "", f.requirement);
    }
    if !help.is_empty() {
        let _ = writeln!(out, "{:gutter$} = help: {}", "", help);
    }
    out.push('\n');
}

/// Characters of a source line shown under a diagnostic.
const EXCERPT_WIDTH: usize = 160;

/// The part of a source line a diagnostic shows: its start, or, when the finding's column
/// (1-based, in characters) lies beyond the width, a window that opens a little before it
/// (a minified HTML page holds its whole text on one line); "…" marks what is left out.
fn excerpt(line: &str, column: usize) -> String {
    let skip = if column > EXCERPT_WIDTH {
        column - 1 - EXCERPT_WIDTH / 4
    } else {
        0
    };
    let mut out = String::new();
    if skip > 0 {
        out.push('…');
    }
    let mut rest = line.chars().skip(skip);
    out.extend(rest.by_ref().take(EXCERPT_WIDTH));
    if rest.next().is_some() {
        out.push('…');
    }
    out
}

/// Render all documents; `fix_of` gives each rule's fix text.
pub fn render_with(analysis: &Analysis, color: bool, fix_of: &dyn Fn(&str) -> String) -> String {
    let p = Paint(color);
    let mut out = String::new();
    for d in &analysis.documents {
        for f in &d.findings {
            diagnostic(&mut out, &p, d, f, &fix_of(&f.rule));
        }
    }
    for d in &analysis.documents {
        let date = d.last_updated.as_deref().unwrap_or("no date");
        let _ = writeln!(
            out,
            "{}  {}  {}  last updated: {}",
            p.bold(d.path()),
            d.kind.as_str(),
            d.lang().code(),
            date
        );
        match d.kind {
            DocumentKind::Other => {
                let _ = writeln!(out, "  not a privacy statement: no requirements checked\n");
                continue;
            }
            DocumentKind::HelpPage if d.requirements.is_empty() => {
                let _ = writeln!(out, "  help page, checked as part of a layered notice\n");
                continue;
            }
            _ => {}
        }
        for r in &d.requirements {
            let lines: Vec<String> = r
                .evidence
                .iter()
                .map(|e| {
                    let owner = analysis
                        .documents
                        .iter()
                        .find(|x| x.path() == e.path)
                        .unwrap_or(d);
                    let l = position(owner, e.span).line;
                    if e.path == d.path() {
                        format!("{l}")
                    } else {
                        format!("{}:{l}", e.path)
                    }
                })
                .collect();
            let where_ = if lines.is_empty() {
                String::new()
            } else {
                format!("line {}", lines.join(", "))
            };
            let _ = writeln!(
                out,
                "  {:<34} {} {:<22} {}",
                r.id,
                p.status(r.status),
                where_,
                p.dim(&r.reason)
            );
        }
        let count = |s: Status| d.requirements.iter().filter(|r| r.status == s).count();
        let _ = writeln!(
            out,
            "  {} met, {} vague, {} by reference, {} missing, {} not applicable, {} undetermined; {} findings\n",
            count(Status::Met),
            count(Status::Vague),
            count(Status::ByReference),
            count(Status::Missing),
            count(Status::NotApplicable),
            count(Status::Undetermined),
            d.findings.len()
        );
        let mut left_out = Vec::new();
        if !d.suppressed.is_empty() {
            left_out.push(format!(
                "{} suppressed in the statement",
                d.suppressed.len()
            ));
        }
        if d.baselined > 0 {
            left_out.push(format!("{} accepted by the baseline", d.baselined));
        }
        if d.unchanged > 0 {
            left_out.push(format!("{} outside the changed lines", d.unchanged));
        }
        if !left_out.is_empty() {
            let _ = writeln!(out, "  findings left out: {}\n", left_out.join(", "));
        }
    }
    out
}

pub fn render(analysis: &Analysis, color: bool) -> String {
    render_with(analysis, color, &|_| String::new())
}

#[cfg(test)]
mod tests {
    use super::{EXCERPT_WIDTH, excerpt};

    #[test]
    fn a_long_line_is_shown_around_the_finding() {
        // a short line whole
        assert_eq!(excerpt("We keep it.", 4), "We keep it.");
        // a long line from its start when the finding is near it
        let long = format!("{}{}", "a".repeat(200), "FOUND here");
        let shown = excerpt(&long, 1);
        assert_eq!(shown.chars().count(), EXCERPT_WIDTH + 1);
        assert!(shown.ends_with('…') && !shown.contains("FOUND"));
        // a finding deep in a minified line: a window that holds it
        let shown = excerpt(&long, 201);
        assert!(shown.starts_with('…'), "{shown}");
        assert!(shown.contains("FOUND here"), "{shown}");
        // characters, not bytes
        let dutch = format!("{}{}", "é".repeat(300), "GEVONDEN");
        assert!(excerpt(&dutch, 301).contains("GEVONDEN"));
    }
}
