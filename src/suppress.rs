//! Inline suppressions written in the statement itself, and what they do to findings.
//!
//! Markdown and HTML use comments, plain text a `#` line:
//!
//! ```text
//! <!-- privlint-disable vague-retention-period -- retention is set per contract, see annex -->
//! <!-- privlint-disable-next-line PL012 -- reviewed by legal 2026-10 -->
//! <!-- privlint-enable vague-retention-period -->
//! # privlint-disable missing-dpo-contact -- we are not required to appoint a DPO
//! ```
//!
//! `disable` silences the named rules (names or codes, separated by commas or spaces) from
//! its line until a matching `enable` or the end of the document; `disable-next-line`
//! silences them on the next line that has text. A finding is silenced when the line it
//! points at is silenced. A missing item has no place in the text (its finding points at
//! the first heading), so a `disable` for its rule anywhere in the document silences it.
//!
//! A reason after ` -- ` is required. Directives without a reason, naming an unknown rule,
//! or silencing nothing are themselves reported, as warnings with the codes in
//! [`META_RULES`], so a stale suppression does not hide a future problem.

use crate::finding::{Finding, Severity};
use crate::ingest::{Format, Source};
use crate::rules::RuleSet;
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    DisableNextLine,
    Enable,
}

impl DirectiveKind {
    fn as_str(self) -> &'static str {
        match self {
            DirectiveKind::Disable => "privlint-disable",
            DirectiveKind::DisableNextLine => "privlint-disable-next-line",
            DirectiveKind::Enable => "privlint-enable",
        }
    }
}

/// One `privlint-…` directive found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule names or codes as written.
    pub rules: Vec<String>,
    /// The text after ` -- `, trimmed; `None` when absent or empty.
    pub reason: Option<String>,
    /// The whole comment.
    pub span: Span,
    /// 1-based line of the comment's start.
    pub line: usize,
    /// For `disable-next-line`: the 1-based line it silences.
    pub target_line: usize,
}

/// A finding silenced by a directive, kept so reports can list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    pub finding: Finding,
    pub reason: String,
    /// Line of the directive that silenced it.
    pub directive_line: usize,
}

/// A built-in rule about suppressions themselves (not a YAML rule: it judges comments,
/// not disclosures).
#[derive(Debug, Clone, Copy)]
pub struct MetaRule {
    pub name: &'static str,
    pub code: &'static str,
    pub summary: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
}

pub const SUPPRESSION_WITHOUT_REASON: MetaRule = MetaRule {
    name: "suppression-without-reason",
    code: "PL900",
    summary: "A privlint suppression gives no reason, so it is ignored",
    why: "A silenced finding is a decision someone must be able to review; the reason records it.",
    fix: "Add the reason after ` -- `, e.g. `<!-- privlint-disable RULE -- why this is acceptable -->`.",
};

pub const UNKNOWN_RULE_IN_SUPPRESSION: MetaRule = MetaRule {
    name: "unknown-rule-in-suppression",
    code: "PL901",
    summary: "A privlint suppression names a rule that does not exist",
    why: "A misspelt rule name silences nothing, so the finding it was meant for still fails the build, or a renamed rule slipped through.",
    fix: "Use a rule name or code from `privlint rules list`.",
};

pub const UNUSED_SUPPRESSION: MetaRule = MetaRule {
    name: "unused-suppression",
    code: "PL902",
    summary: "A privlint suppression silences nothing",
    why: "A stale suppression would hide the same problem if it came back; remove it once the text is fixed.",
    fix: "Delete the directive, or move it to the line it was meant for.",
};

/// Every built-in suppression rule.
pub const META_RULES: [MetaRule; 3] = [
    SUPPRESSION_WITHOUT_REASON,
    UNKNOWN_RULE_IN_SUPPRESSION,
    UNUSED_SUPPRESSION,
];

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--\s*privlint-(disable-next-line|disable|enable)\b(.*?)-->")
        .expect("comment directive pattern")
});

static TEXT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*#[ \t]*privlint-(disable-next-line|disable|enable)\b([^\n]*)$")
        .expect("text directive pattern")
});

/// The text every match of [`COMMENT`] and [`TEXT_LINE`] holds.
const DIRECTIVE_PREFIX: &str = "privlint-";

/// Whether `text` holds [`DIRECTIVE_PREFIX`], without which neither directive pattern matches.
fn holds_directive_prefix(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), DIRECTIVE_PREFIX.as_bytes()).is_some()
}

/// Whether a plain-text line is a `# privlint-…` directive (ingest drops such lines).
pub fn is_text_directive(line: &str) -> bool {
    let t = line.trim_start();
    t.strip_prefix('#')
        .is_some_and(|rest| rest.trim_start().starts_with("privlint-"))
}

/// The directives of a document, in order.
pub fn directives(source: &Source) -> Vec<Directive> {
    // Both directive patterns match only where `privlint-` is written (case-sensitively):
    // a text without it has no directive, and compiling the pattern to find that out cost
    // half a million instructions, a fortieth of checking a short statement.
    if !holds_directive_prefix(&source.text) {
        return Vec::new();
    }
    let pattern: &Regex = match source.format {
        Format::Markdown | Format::Html => &COMMENT,
        Format::Text => &TEXT_LINE,
    };
    let text = &source.text;
    let idx = &source.line_index;
    pattern
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let kind = match &c[1] {
                "disable" => DirectiveKind::Disable,
                "disable-next-line" => DirectiveKind::DisableNextLine,
                _ => DirectiveKind::Enable,
            };
            let body = c.get(2).map_or("", |m| m.as_str());
            let (names, reason) = match body.find(" --") {
                Some(i) => (&body[..i], Some(body[i + 3..].trim())),
                None => (body, None),
            };
            let rules = names
                .split([',', ' ', '\t', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let span = Span::new(whole.start(), whole.end());
            let line = idx.line(whole.start());
            let end_line = idx.line(whole.end().saturating_sub(1).max(whole.start()));
            let target_line = next_text_line(text, idx, end_line);
            Some(Directive {
                kind,
                rules,
                reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
                span,
                line,
                target_line,
            })
        })
        .collect()
}

/// The first line after `line` with non-blank text (or `line + 1` at the end).
fn next_text_line(text: &str, idx: &crate::span::LineIndex, line: usize) -> usize {
    let mut l = line + 1;
    while l <= idx.line_count() {
        let start = idx.line_start(l);
        let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        if !text[start..end].trim().is_empty() {
            return l;
        }
        l += 1;
    }
    line + 1
}

/// The outcome of applying a document's directives to its findings.
#[derive(Debug, Default)]
pub struct Applied {
    pub kept: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    /// Findings about the directives themselves (missing reason, unknown rule, unused).
    pub problems: Vec<Finding>,
}

/// Apply the directives of `source` to the findings that point into it.
pub fn apply(rules: &RuleSet, source: &Source, findings: Vec<Finding>) -> Applied {
    let directives = directives(source);
    let mut out = Applied::default();
    if directives.is_empty() {
        out.kept = findings;
        return out;
    }
    let problem = |meta: MetaRule, d: &Directive, message: String| Finding {
        rule: meta.name.to_string(),
        code: meta.code.to_string(),
        severity: Severity::Warning,
        requirement: String::new(),
        message,
        path: source.path.clone(),
        span: d.span,
        quote: Some(source.text[d.span.start..d.span.end].to_string()),
    };
    // Resolve names to rule names; report the unusable directives once.
    struct Active<'a> {
        directive: &'a Directive,
        rule: String,
        used: bool,
    }
    let mut active: Vec<Active> = Vec::new();
    for d in &directives {
        if d.kind != DirectiveKind::Enable && d.reason.is_none() {
            out.problems.push(problem(
                SUPPRESSION_WITHOUT_REASON,
                d,
                format!(
                    "`{}` has no reason after ` -- `; it is ignored",
                    d.kind.as_str()
                ),
            ));
            continue;
        }
        if d.rules.is_empty() {
            out.problems.push(problem(
                UNKNOWN_RULE_IN_SUPPRESSION,
                d,
                format!("`{}` names no rule", d.kind.as_str()),
            ));
            continue;
        }
        for name in &d.rules {
            let resolved = rules
                .rule(name)
                .map(|r| r.name.clone())
                .or_else(|| meta_rule(name).map(|m| m.name.to_string()));
            match resolved {
                Some(rule) => active.push(Active {
                    directive: d,
                    rule,
                    used: d.kind == DirectiveKind::Enable,
                }),
                None => out.problems.push(problem(
                    UNKNOWN_RULE_IN_SUPPRESSION,
                    d,
                    format!("`{}` names `{name}`, which is not a rule", d.kind.as_str()),
                )),
            }
        }
    }
    for f in findings {
        let line = source.line_index.line(f.span.start);
        let hit = active.iter_mut().position(|a| {
            a.rule == f.rule
                && match a.directive.kind {
                    DirectiveKind::Enable => false,
                    DirectiveKind::DisableNextLine => a.directive.target_line == line,
                    DirectiveKind::Disable if f.quote.is_none() => true,
                    DirectiveKind::Disable => {
                        a.directive.line <= line
                            && !enabled_between(&directives, &f.rule, rules, a.directive.line, line)
                    }
                }
        });
        match hit {
            Some(i) => {
                active[i].used = true;
                let d = active[i].directive;
                out.suppressed.push(Suppressed {
                    finding: f,
                    reason: d.reason.clone().unwrap_or_default(),
                    directive_line: d.line,
                });
            }
            None => out.kept.push(f),
        }
    }
    for a in active.iter().filter(|a| !a.used) {
        out.problems.push(problem(
            UNUSED_SUPPRESSION,
            a.directive,
            format!(
                "`{} {}` silences no finding",
                a.directive.kind.as_str(),
                a.rule
            ),
        ));
    }
    out.problems.sort_by_key(|f| (f.span.start, f.code.clone()));
    out
}

/// Whether an `enable` for `rule` lies after line `from` and at or before line `to`.
fn enabled_between(
    directives: &[Directive],
    rule: &str,
    rules: &RuleSet,
    from: usize,
    to: usize,
) -> bool {
    directives.iter().any(|d| {
        d.kind == DirectiveKind::Enable
            && d.line > from
            && d.line <= to
            && d.rules
                .iter()
                .any(|n| rules.rule(n).is_some_and(|r| r.name == rule))
    })
}

/// A built-in suppression rule by name or code.
pub fn meta_rule(name_or_code: &str) -> Option<MetaRule> {
    META_RULES
        .into_iter()
        .find(|m| m.name == name_or_code || m.code.eq_ignore_ascii_case(name_or_code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, text: &str) -> Source {
        Source::from_bytes(path, text.as_bytes()).expect("source")
    }

    #[test]
    fn comment_directives_parse_rules_reason_and_target() {
        let s = source(
            "a.md",
            "# T\n\n<!-- privlint-disable-next-line PL012, missing-dpo-contact -- checked -->\n\nText.\n<!-- privlint-enable PL012 -->\n",
        );
        let d = directives(&s);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].kind, DirectiveKind::DisableNextLine);
        assert_eq!(d[0].rules, ["PL012", "missing-dpo-contact"]);
        assert_eq!(d[0].reason.as_deref(), Some("checked"));
        assert_eq!((d[0].line, d[0].target_line), (3, 5));
        assert_eq!(d[1].kind, DirectiveKind::Enable);
        assert_eq!(d[1].reason, None);
    }

    #[test]
    fn text_directives_are_hash_lines_only_in_plain_text() {
        let s = source("a.txt", "Title\n\n# privlint-disable PL012 -- ok\nText.\n");
        let d = directives(&s);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 3);
        assert!(is_text_directive("  #  privlint-enable PL012"));
        assert!(!is_text_directive("# Privacy"));
        // In Markdown a `#` line is a heading, not a directive.
        assert!(directives(&source("a.md", "# privlint-disable PL012 -- ok\n")).is_empty());
    }

    #[test]
    fn a_text_without_the_directive_prefix_matches_neither_pattern() {
        let texts = [
            "<!-- privlint-disable PL012 -- ok -->",
            "<!-- Privlint-disable PL012 -->",
            "<!-- privlint disable PL012 -->",
            "<!--privlint-enable-->",
            "# privlint-disable-next-line PL012\nText.",
            "# PRIVLINT-disable PL012",
            "#privlint-enable",
            "privlint-disable",
            "no directive here <!-- -->",
            "",
        ];
        for text in texts {
            let found = COMMENT.is_match(text) || TEXT_LINE.is_match(text);
            if found {
                assert!(holds_directive_prefix(text), "{text:?}");
            }
            assert_eq!(
                holds_directive_prefix(text),
                text.contains(DIRECTIVE_PREFIX)
            );
        }
        // the gate is what skips the patterns: without the prefix, no directive
        for path in ["a.md", "a.html", "a.txt"] {
            let s = source(
                path,
                "# Privlint-disable PL012\n<!-- PRIVLINT-disable -->\n",
            );
            assert!(directives(&s).is_empty());
        }
    }
}
