//! Line-independent finding fingerprints, and baselines built from them.
//!
//! A fingerprint hashes the rule, the repository-relative path and the evidence text with
//! its whitespace and case folded (or, for a missing item with no evidence, the
//! requirement id). Moving a paragraph, re-wrapping it or adding lines above it keeps the
//! fingerprint; rewording the evidence changes it. SARIF `partialFingerprints`, GitLab
//! Code Quality fingerprints and baselines all use it.
//!
//! A baseline file records the fingerprints of accepted findings, with counts, so a team
//! can adopt privlint on an existing statement and fail only on new findings:
//!
//! ```json
//! {"version": 1, "tool": "privlint",
//!  "findings": [{"fingerprint": "…", "rule": "vague-retention-period", "path": "docs/privacy.md",
//!                "requirement": "retention", "count": 1}]}
//! ```

use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// Why a baseline file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{path}: cannot read baseline: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a privlint baseline: {reason}")]
    Format { path: String, reason: String },
}

/// The evidence text as the fingerprint sees it: whitespace runs collapsed, lowercase.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The line-independent fingerprint of a finding at a repository-relative path
/// (32 hex digits).
pub fn fingerprint(finding: &Finding, repo_path: &str) -> String {
    let anchor = match finding.quote.as_deref() {
        Some(q) if !q.trim().is_empty() => fold(q),
        _ => format!("requirement:{}", finding.requirement),
    };
    let mut h = Sha256::new();
    for part in [finding.rule.as_str(), repo_path, anchor.as_str()] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One accepted finding (or several identical ones).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub path: String,
    #[serde(default)]
    pub requirement: String,
    #[serde(default = "one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

/// A set of accepted findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub tool: String,
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// Build a baseline from findings with their repository-relative paths.
    pub fn from_findings<'a>(findings: impl IntoIterator<Item = (&'a Finding, &'a str)>) -> Self {
        let mut entries: BTreeMap<(String, String, String), Entry> = BTreeMap::new();
        for (f, path) in findings {
            let fp = fingerprint(f, path);
            entries
                .entry((path.to_string(), f.rule.clone(), fp.clone()))
                .and_modify(|e| e.count += 1)
                .or_insert(Entry {
                    fingerprint: fp,
                    rule: f.rule.clone(),
                    path: path.to_string(),
                    requirement: f.requirement.clone(),
                    count: 1,
                });
        }
        Baseline {
            version: 1,
            tool: "privlint".into(),
            findings: entries.into_values().collect(),
        }
    }

    pub fn read(path: &Path) -> Result<Self, BaselineError> {
        let label = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: label.clone(),
            source,
        })?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| BaselineError::Format {
            path: label.clone(),
            reason: e.to_string(),
        })?;
        if b.version != 1 || b.tool != "privlint" {
            return Err(BaselineError::Format {
                path: label,
                reason: format!(
                    "version {} of tool `{}`; expected version 1 of privlint",
                    b.version, b.tool
                ),
            });
        }
        Ok(b)
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// A matcher that consumes baseline entries as findings are matched against them, so
    /// two identical findings where the baseline accepted one leave one new finding.
    pub fn matcher(&self) -> Matcher {
        let mut remaining = BTreeMap::new();
        for e in &self.findings {
            *remaining.entry(e.fingerprint.clone()).or_insert(0) += e.count;
        }
        Matcher { remaining }
    }
}

/// Remaining accepted counts per fingerprint.
#[derive(Debug)]
pub struct Matcher {
    remaining: BTreeMap<String, usize>,
}

impl Matcher {
    /// Whether the finding is accepted by the baseline (and consume one acceptance).
    pub fn accepts(&mut self, finding: &Finding, repo_path: &str) -> bool {
        match self.remaining.get_mut(&fingerprint(finding, repo_path)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::span::Span;

    fn finding(quote: Option<&str>, start: usize) -> Finding {
        Finding {
            rule: "vague-retention-period".into(),
            code: "PL012".into(),
            severity: Severity::Warning,
            requirement: "retention".into(),
            message: "m".into(),
            path: "p.md".into(),
            span: Span::new(start, start + 5),
            quote: quote.map(str::to_string),
        }
    }

    #[test]
    fn fingerprint_ignores_position_and_wrapping_but_not_wording() {
        let a = fingerprint(
            &finding(Some("We keep data\n  as long as needed."), 10),
            "p.md",
        );
        let b = fingerprint(
            &finding(Some("we keep data as long as needed."), 900),
            "p.md",
        );
        let c = fingerprint(&finding(Some("We keep data for 7 years."), 10), "p.md");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(
            a,
            fingerprint(
                &finding(Some("We keep data as long as needed."), 10),
                "q.md"
            )
        );
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn matcher_consumes_counts() {
        let f = finding(Some("x"), 0);
        let base = Baseline::from_findings([(&f, "p.md")]);
        let mut m = base.matcher();
        assert!(m.accepts(&f, "p.md"));
        assert!(!m.accepts(&f, "p.md"));
    }
}
