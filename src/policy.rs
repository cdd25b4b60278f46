//! What a project decides about findings after the rules have judged a statement: which
//! findings its statements silence (inline suppressions), which rules it reports and at
//! which severity (`privlint.toml`), which findings lie outside the lines a change touched
//! (`--changed-since`), and which its baseline already accepts. Statuses are never changed
//! here: a silenced finding still leaves its requirement vague or missing in every report.
//!
//! The order is fixed: suppress → select/ignore and severity → changed lines → baseline.

use crate::analysis::{Analysis, DocumentAnalysis};
use crate::baseline::Matcher;
use crate::config::Loaded;
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use crate::suppress;
use std::collections::BTreeSet;

/// Apply the inline suppressions of every document in `docs` (a statement and its help
/// pages) to the findings that point into it.
pub fn suppress(rules: &RuleSet, docs: &mut [DocumentAnalysis]) {
    let mut judged = vec![false; docs.len()];
    for i in 0..docs.len() {
        let findings = std::mem::take(&mut docs[i].findings);
        let mut by_target: Vec<Vec<Finding>> = vec![Vec::new(); docs.len()];
        let mut orphans = Vec::new();
        for f in findings {
            match docs.iter().position(|d| d.path() == f.path) {
                Some(t) => by_target[t].push(f),
                None => orphans.push(f),
            }
        }
        let mut kept = orphans;
        let mut suppressed = Vec::new();
        let mut problems = Vec::new();
        for (t, fs) in by_target.into_iter().enumerate() {
            // Directives in a document are judged once, with the findings of the statement
            // they belong to (a help page's own directives with the statement it serves).
            if judged[t] || (fs.is_empty() && t != i) {
                kept.extend(fs);
                continue;
            }
            judged[t] = true;
            let applied = suppress::apply(rules, &docs[t].document.source, fs);
            kept.extend(applied.kept);
            suppressed.extend(applied.suppressed);
            problems.extend(applied.problems);
        }
        kept.extend(problems);
        kept.sort_by(|a, b| {
            (&a.path, a.span.start, &a.code).cmp(&(&b.path, b.span.start, &b.code))
        });
        docs[i].findings = kept;
        docs[i].suppressed = suppressed;
    }
}

/// Drop findings of rules the configuration does not report; apply severity overrides.
pub fn configure(config: &Loaded, doc: &mut DocumentAnalysis) {
    doc.findings.retain(|f| config.reports(&f.rule, &f.code));
    for f in &mut doc.findings {
        f.severity = config.severity(&f.rule, &f.code, f.severity);
    }
    doc.suppressed
        .retain(|s| config.reports(&s.finding.rule, &s.finding.code));
}

/// Keep the findings a change is responsible for: those whose evidence starts on a changed
/// line, and those without evidence in the text (a missing item) that the previous
/// revision did not have. `changed` holds 1-based line numbers of the new revision;
/// `before` the findings of the previous revision (`None` when the file is new).
pub fn limit_to_change(
    doc: &mut DocumentAnalysis,
    changed: &BTreeSet<usize>,
    before: Option<&[Finding]>,
) {
    let Some(before) = before else { return };
    let idx = doc.document.source.line_index.clone();
    let path = doc.path().to_string();
    let mut unchanged = 0;
    doc.findings.retain(|f| {
        let keep = if f.path != path {
            // Evidence in a help page: judged by whether the statement's finding is new.
            !before.iter().any(|b| same_problem(b, f))
        } else if f.quote.is_none() {
            !before.iter().any(|b| same_problem(b, f))
        } else {
            let (first, last) = idx.lines(f.span);
            (first..=last).any(|l| changed.contains(&l))
        };
        if !keep {
            unchanged += 1;
        }
        keep
    });
    doc.unchanged += unchanged;
}

fn same_problem(a: &Finding, b: &Finding) -> bool {
    a.rule == b.rule && a.requirement == b.requirement
}

/// Drop findings the baseline accepts. `repo_path` maps a document path to the path the
/// baseline was written with.
pub fn apply_baseline(
    matcher: &mut Matcher,
    doc: &mut DocumentAnalysis,
    repo_path: &dyn Fn(&str) -> String,
) {
    let before = doc.findings.len();
    doc.findings
        .retain(|f| !matcher.accepts(f, &repo_path(&f.path)));
    doc.baselined += before - doc.findings.len();
}

/// Whether any remaining finding reaches the threshold.
pub fn fails(analysis: &Analysis, threshold: Option<Severity>) -> bool {
    threshold.is_some_and(|t| {
        analysis
            .documents
            .iter()
            .flat_map(|d| &d.findings)
            .any(|f| f.severity >= t)
    })
}
