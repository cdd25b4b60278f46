//! privlint reads privacy statements and their help pages (English and Dutch; Markdown,
//! HTML, plain text) and tells, with evidence and article references, which information
//! GDPR Articles 12–14 require is there, which is missing, and which is too vague to count.
//!
//! # Architecture
//!
//! ```text
//! bytes ─ ingest::Source::read ─▶ Source     path, UTF-8 text, Format, LineIndex
//!       ─ ingest::parse        ─▶ Document   sections → blocks, byte spans, language per block
//!       ─ extract::extract     ─▶ Disclosures  per requirement: evidence and typed values
//!       ─ rules::evaluate      ─▶ statuses + findings
//!       ─ policy               ─▶ findings after suppress::apply, config (select, severity),
//!                                 --changed-since and baseline; statuses untouched
//!       ─▶ Analysis            ─▶ report::render(format) | diff::diff(old, new)
//! ```
//!
//! Each stage is a function of the receiving module taking `&` inputs and returning owned
//! outputs. Spans are byte ranges; only [`span::LineIndex`] turns them into line:column.
//! Findings are data; `Err` means a job could not be done.

pub mod alloc;
pub mod analysis;
pub mod baseline;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod diff;
pub mod eval;
pub mod extract;
pub mod finding;
pub mod ingest;
pub mod lang;
pub mod policy;
pub mod report;
pub mod rules;
pub mod span;
pub mod suppress;
