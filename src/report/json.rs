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

#[derive(Serialize, Clone)]
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
    let mut line = Line(String::with_capacity(4096));
    line.document(&record);
    line.0.push('\n');
    line.0
}

/// A JSONL line written by hand, byte for byte as `serde_json::to_string` writes the records
/// (keys in declaration order, no spaces, `None` fields left out where serde skips them, the
/// same string escapes). serde_json tests each byte of a string against its escape table;
/// most of a line is evidence text, which is passed over eight bytes at a time here (the
/// line took some 16 instructions per byte of output, 2% of checking the bench corpus).
/// The unit tests hold it to serde_json's output.
struct Line(String);

impl Line {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    fn punct(&mut self, c: u8) {
        self.0.push(char::from(c));
    }

    fn key(&mut self, first: bool, key: &str) {
        if !first {
            self.0.push(',');
        }
        self.0.push('"');
        self.raw(key);
        self.raw("\":");
    }

    fn number(&mut self, n: usize) {
        let mut digits = [b'0'; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[at..] {
            self.punct(d);
        }
    }

    /// A string with serde_json's escapes: `\"`, `\\`, the short forms of backspace, tab,
    /// line feed, form feed and carriage return, and `\u00xx` for the other control
    /// characters; everything else as it is.
    fn string(&mut self, s: &str) {
        const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
        const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
        // whether any byte of `w` is zero (exact as a yes or no)
        let any_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH != 0;
        let bytes = s.as_bytes();
        self.0.push('"');
        let mut done = 0;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                // a byte below 0x20 (its top three bits zero), a quote or a backslash
                let quiet = !any_zero(w & u64::from_ne_bytes([0xE0; 8]))
                    && !any_zero(w ^ u64::from_ne_bytes([b'"'; 8]))
                    && !any_zero(w ^ u64::from_ne_bytes([b'\\'; 8]));
                if quiet {
                    i += 8;
                    continue;
                }
            }
            let end = (i + 8).min(bytes.len());
            for (j, &b) in bytes.iter().enumerate().take(end).skip(i) {
                let escape = match b {
                    b'"' => "\\\"",
                    b'\\' => "\\\\",
                    0x08 => "\\b",
                    0x09 => "\\t",
                    0x0A => "\\n",
                    0x0C => "\\f",
                    0x0D => "\\r",
                    0x00..=0x1F => "",
                    _ => continue,
                };
                // `done` and `j` are at ASCII bytes: character boundaries
                self.0.push_str(&s[done..j]);
                done = j + 1;
                if escape.is_empty() {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.0.push_str("\\u00");
                    self.punct(HEX[usize::from(b >> 4)]);
                    self.punct(HEX[usize::from(b & 0xF)]);
                } else {
                    self.0.push_str(escape);
                }
            }
            i = end;
        }
        self.0.push_str(&s[done..]);
        self.0.push('"');
    }

    fn strings(&mut self, list: &[String]) {
        self.0.push('[');
        for (i, s) in list.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.string(s);
        }
        self.0.push(']');
    }

    fn tool(&mut self, tool: &Tool) {
        self.0.push('{');
        self.key(true, "name");
        self.string(tool.name);
        self.key(false, "version");
        self.string(tool.version);
        self.0.push('}');
    }

    fn finding(&mut self, f: &FindingRecord<'_>) {
        self.0.push('{');
        self.key(true, "code");
        self.string(f.code);
        self.key(false, "column");
        self.number(f.column);
        if let Some(line) = f.directive_line {
            self.key(false, "directive_line");
            self.number(line);
        }
        self.key(false, "end_line");
        self.number(f.end_line);
        self.key(false, "line");
        self.number(f.line);
        self.key(false, "message");
        self.string(f.message);
        self.key(false, "path");
        self.string(f.path);
        if let Some(reason) = f.reason {
            self.key(false, "reason");
            self.string(reason);
        }
        self.key(false, "requirement");
        self.string(f.requirement);
        self.key(false, "rule");
        self.string(f.rule);
        self.key(false, "severity");
        self.string(f.severity);
        self.0.push('}');
    }

    fn findings(&mut self, list: &[FindingRecord<'_>]) {
        self.0.push('[');
        for (i, f) in list.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.finding(f);
        }
        self.0.push(']');
    }

    fn requirement(&mut self, r: &RequirementRecord<'_>) {
        self.0.push('{');
        self.key(true, "article");
        self.string(r.article);
        self.key(false, "evidence");
        self.0.push('[');
        for (i, e) in r.evidence.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.0.push('{');
            self.key(true, "column");
            self.number(e.column);
            self.key(false, "end_line");
            self.number(e.end_line);
            self.key(false, "line");
            self.number(e.line);
            self.key(false, "path");
            self.string(e.path);
            self.key(false, "text");
            self.string(e.text);
            self.0.push('}');
        }
        self.0.push(']');
        self.key(false, "id");
        self.string(r.id);
        self.key(false, "reason");
        self.string(r.reason);
        self.key(false, "rules");
        self.strings(r.rules);
        self.key(false, "status");
        self.string(r.status);
        self.key(false, "values");
        self.0.push('{');
        for (i, (name, values)) in r.values.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.string(name);
            self.0.push(':');
            self.strings(values);
        }
        self.0.push('}');
        self.0.push('}');
    }

    fn document(&mut self, d: &DocumentRecord<'_>) {
        self.0.push('{');
        self.key(true, "baselined");
        self.number(d.baselined);
        self.key(false, "findings");
        self.findings(&d.findings);
        self.key(false, "format");
        self.string(d.format);
        self.key(false, "help_pages");
        self.strings(d.help_pages);
        self.key(false, "kind");
        self.string(d.kind);
        self.key(false, "language");
        self.string(d.language);
        self.key(false, "last_updated");
        match d.last_updated {
            Some(date) => self.string(date),
            None => self.raw("null"),
        }
        self.key(false, "outside_change");
        self.number(d.outside_change);
        self.key(false, "path");
        self.string(d.path);
        self.key(false, "requirements");
        self.0.push('[');
        for (i, r) in d.requirements.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.requirement(r);
        }
        self.0.push(']');
        self.key(false, "summary");
        self.0.push('{');
        for (i, (status, n)) in d.summary.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.string(status);
            self.0.push(':');
            self.number(*n);
        }
        self.0.push('}');
        self.key(false, "suppressed");
        self.findings(&d.suppressed);
        if let Some(tool) = &d.tool {
            self.key(false, "tool");
            self.tool(tool);
        }
        self.0.push('}');
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings with every escape serde_json writes, in every position of an eight-byte chunk.
    fn tricky() -> Vec<String> {
        let mut out: Vec<String> = vec![
            String::new(),
            "plain text of some length, more than eight bytes".into(),
            "é—ü 😀 \u{7F}\u{85}\u{A0}\u{2028}".into(),
        ];
        for c in (0u8..0x20).chain([b'"', b'\\', b'/', 0x7F]) {
            for at in 0..17 {
                let mut s = "abcdefghijklmnopq".to_string();
                s.insert(at, char::from(c));
                out.push(s);
            }
        }
        out
    }

    #[test]
    fn a_line_written_by_hand_is_what_serde_json_writes() {
        let strings = tricky();
        let values: BTreeMap<String, Vec<String>> = (strings.iter().enumerate())
            .map(|(i, s)| (format!("{s}{i}"), vec![s.clone(), "x".into()]))
            .collect();
        let no_values = BTreeMap::new();
        let date = Some("2026-01-02".to_string());
        let finding = |s: &'static str, suppressed: bool| FindingRecord {
            code: s,
            column: 7,
            directive_line: suppressed.then_some(12),
            end_line: 1_234_567,
            line: 0,
            message: s,
            path: s,
            reason: suppressed.then_some(s),
            requirement: "req",
            rule: "rule",
            severity: "warning",
        };
        let leaked: &'static [String] = Box::leak(strings.clone().into_boxed_slice());
        for (i, text) in leaked.iter().enumerate() {
            let requirements = (0..i % 3)
                .map(|_| RequirementRecord {
                    article: text,
                    evidence: vec![
                        Place {
                            column: i,
                            end_line: usize::MAX,
                            line: 10,
                            path: text,
                            text,
                        };
                        i % 3
                    ],
                    id: "id",
                    reason: text,
                    rules: &leaked[..i % 4],
                    status: "met",
                    values: if i % 2 == 0 { &values } else { &no_values },
                })
                .collect();
            let record = DocumentRecord {
                baselined: i,
                findings: (0..i % 3).map(|k| finding(text, k == 1)).collect(),
                format: "html",
                help_pages: &leaked[..i % 3],
                kind: "privacy-statement",
                language: "en",
                last_updated: if i % 2 == 0 { &date } else { &None },
                outside_change: 3,
                path: text,
                requirements,
                summary: [("met", i), ("vague", 0), ("by-reference", 10)].into(),
                suppressed: (0..i % 2).map(|_| finding(text, true)).collect(),
                tool: (i % 5 != 0).then_some(TOOL),
            };
            let mut line = Line(String::new());
            line.document(&record);
            assert_eq!(line.0, serde_json::to_string(&record).unwrap(), "{text:?}");
        }
    }
}
