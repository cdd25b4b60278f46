//! Renderers: turn an [`Analysis`] into text for people or machines. One file per format;
//! renderers decide nothing — every verdict comes from the analysis, every path and
//! threshold from the [`Context`] the command line builds.

pub mod audit;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

use crate::analysis::Analysis;
use crate::analysis::DocumentAnalysis;
use crate::finding::{Finding, Severity};
use crate::rules::RuleSet;
use crate::span::{LineCol, Span};
use std::collections::{BTreeMap, BTreeSet};

/// Output formats of `privlint check` (also its `--format` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Sarif,
    Junit,
    Github,
    Gitlab,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Gitlab,
        Format::Markdown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Markdown => "markdown",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// What renderers need besides the analysis.
#[derive(Clone)]
pub struct Context<'a> {
    pub rules: &'a RuleSet,
    /// Document path → path relative to the repository root, with `/` separators. Paths
    /// not in the map are printed as given.
    pub repo_paths: BTreeMap<String, String>,
    /// The severity at which the run fails (`None`: never), for JUnit failures and summaries.
    pub fail_on: Option<Severity>,
    pub color: bool,
    /// Names of rules the configuration does not report (left out of SARIF rule lists).
    pub unreported: BTreeSet<String>,
}

impl<'a> Context<'a> {
    pub fn new(rules: &'a RuleSet) -> Self {
        Context {
            rules,
            repo_paths: BTreeMap::new(),
            fail_on: Some(Severity::Error),
            color: false,
            unreported: BTreeSet::new(),
        }
    }

    /// The repository-relative path of a document path.
    pub fn repo_path(&self, path: &str) -> String {
        self.repo_paths
            .get(path)
            .cloned()
            .unwrap_or_else(|| path.replace('\\', "/").trim_start_matches("./").to_string())
    }

    /// Whether a finding fails the run.
    pub fn fails(&self, f: &Finding) -> bool {
        self.fail_on.is_some_and(|t| f.severity >= t)
    }

    /// The fix text of a rule (YAML or built-in).
    pub fn fix(&self, rule: &str) -> String {
        self.rules
            .rule(rule)
            .map(|r| r.fix.clone())
            .or_else(|| crate::suppress::meta_rule(rule).map(|m| m.fix.to_string()))
            .unwrap_or_default()
    }

    /// The article reference of a rule.
    pub fn reference(&self, rule: &str) -> String {
        self.rules
            .rule(rule)
            .map(|r| r.reference.clone())
            .unwrap_or_default()
    }
}

/// Render an analysis in a format (JSONL: all documents, one line each).
pub fn render(analysis: &Analysis, format: Format, ctx: &Context) -> String {
    match format {
        Format::Text => text::render_with(analysis, ctx.color, &|r| ctx.fix(r)),
        Format::Json => json::render(analysis),
        Format::Jsonl => analysis
            .documents
            .iter()
            .map(|d| json::document_line(analysis, d))
            .collect(),
        Format::Sarif => sarif::render(analysis, ctx),
        Format::Junit => junit::render(analysis, ctx),
        Format::Github => github::render(analysis, ctx),
        Format::Gitlab => gitlab::render(analysis, ctx),
        Format::Markdown => markdown::render(analysis, ctx),
    }
}

/// Line and column of a span in the document it belongs to.
pub fn position(doc: &DocumentAnalysis, span: Span) -> LineCol {
    let source = &doc.document.source;
    source.line_index.line_col(&source.text, span.start)
}

/// Where a span is: start line and column, end line and column (1-based; the end column
/// is exclusive, in Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Resolve a span against the document it points into (`path`), which for by-reference
/// evidence is a help page of the same analysis.
pub fn locate(analysis: &Analysis, owner: &DocumentAnalysis, path: &str, span: Span) -> Region {
    let doc = analysis
        .documents
        .iter()
        .find(|d| d.path() == path)
        .unwrap_or(owner);
    let source = &doc.document.source;
    let start = source.line_index.line_col(&source.text, span.start);
    if span.end <= span.start {
        return Region {
            line: start.line,
            column: start.column,
            end_line: start.line,
            end_column: start.column,
        };
    }
    // The last character of the span, then one past it.
    let last = source.line_index.line_col(&source.text, span.end - 1);
    Region {
        line: start.line,
        column: start.column,
        end_line: last.line,
        end_column: last.column + 1,
    }
}

/// Every finding of the analysis with the document that reported it, in output order.
pub fn findings(analysis: &Analysis) -> impl Iterator<Item = (&DocumentAnalysis, &Finding)> {
    analysis
        .documents
        .iter()
        .flat_map(|d| d.findings.iter().map(move |f| (d, f)))
}
