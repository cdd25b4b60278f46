//! The stable, serialisable output vocabulary shared by rules, reports and diffs:
//! requirement statuses, evidence, findings, severities and document kinds.
//!
//! Everything here is data. Positions are byte spans; renderers turn them into line:column.
//! The spelling of every enum value is part of the output contract (DESIGN.md).

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The verdict on one catalogue requirement for one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The information is there and specific enough.
    Met,
    /// The topic is addressed but too vague to count (hedged, generic, unlinked).
    Vague,
    /// Only a pointer to another page.
    ByReference,
    /// Not addressed.
    Missing,
    /// The requirement's condition is false (e.g. no consent basis → no withdrawal duty).
    NotApplicable,
    /// Whether it applies cannot be decided from the text.
    Undetermined,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Met,
        Status::Vague,
        Status::ByReference,
        Status::Missing,
        Status::NotApplicable,
        Status::Undetermined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Vague => "vague",
            Status::ByReference => "by-reference",
            Status::Missing => "missing",
            Status::NotApplicable => "not-applicable",
            Status::Undetermined => "undetermined",
        }
    }

    /// Whether the statement addresses the item at all (met, vague or by reference).
    pub fn is_present(self) -> bool {
        matches!(self, Status::Met | Status::Vague | Status::ByReference)
    }

    /// Ordering for regressions: lower is better.
    pub fn badness(self) -> u8 {
        match self {
            Status::Met | Status::NotApplicable => 0,
            Status::Undetermined => 1,
            Status::ByReference => 2,
            Status::Vague => 3,
            Status::Missing => 4,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    #[default]
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a document is, decided before any requirement is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    PrivacyStatement,
    HelpPage,
    Other,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::PrivacyStatement => "privacy-statement",
            DocumentKind::HelpPage => "help-page",
            DocumentKind::Other => "other",
        }
    }
}

/// A quoted place in a document that supports a verdict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Evidence {
    /// Path of the document the evidence is in (a help page for by-reference items).
    pub path: String,
    pub span: Span,
    /// The quoted text (the narrowest sentence or phrase).
    pub text: String,
}

/// A rule that fired on a document: the unit CI annotations, SARIF results and report rows
/// are made of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Finding {
    /// Rule name, e.g. `vague-retention-period`.
    pub rule: String,
    /// Rule code, e.g. `PL012`.
    pub code: String,
    pub severity: Severity,
    /// Catalogue id the finding is about.
    pub requirement: String,
    pub message: String,
    /// The document the finding points into.
    pub path: String,
    /// Where it points: the evidence, or the document's first heading for a missing item.
    pub span: Span,
    /// The quoted evidence text, if any (used for line-independent fingerprints).
    pub quote: Option<String>,
}
