//! Renderers: turn an [`Analysis`] into text for people or machines. One file per format;
//! renderers decide nothing — every verdict comes from the analysis.

pub mod audit;
pub mod json;
pub mod text;

use crate::analysis::Analysis;
use crate::analysis::DocumentAnalysis;
use crate::span::{LineCol, Span};

/// Output formats of `privlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Render an analysis in a format.
pub fn render(analysis: &Analysis, format: Format, color: bool) -> String {
    match format {
        Format::Text => text::render(analysis, color),
        Format::Json => json::render(analysis),
    }
}

/// Line and column of a span in the document it belongs to.
pub fn position(doc: &DocumentAnalysis, span: Span) -> LineCol {
    let source = &doc.document.source;
    source.line_index.line_col(&source.text, span.start)
}
