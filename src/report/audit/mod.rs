//! The regulator-style audit report (`privlint report`): a model of the report built from
//! an analysis — document control, executive summary, one finding per catalogue item with
//! quoted evidence and a recommendation, the purpose map, the layered notice, suppressed
//! findings, method, limitations and the documents' outline — and its two renderers,
//! [`html`] (one self-contained, printable file) and [`md`] (Markdown). All wording comes
//! from [`i18n`], in English or Dutch whatever the statement's language; [`grammar`] gives
//! a catalogue title or an organisation's name the article it needs inside a sentence.
//!
//! The model decides nothing about compliance: statuses, evidence and fired rules come
//! from the analysis. What it adds is presentation logic the outline in
//! `../shared/spec/audit-report-structure.md` asks for: priorities, the ranking of gaps,
//! the overall rating, the purpose map (an extraction aid) and layer comparisons.
//! Same analysis, options and input hashes → same report, byte for byte.

pub mod grammar;
pub mod html;
pub mod i18n;
pub mod md;

pub use i18n::ReportLang;

use crate::analysis::DocumentAnalysis;
use crate::extract::{Hit, Via, values};
use crate::finding::{DocumentKind, Severity, Status};
use crate::ingest::{BlockKind, Document};
use crate::rules::{RequirementResult, RuleSet};
use crate::span::Span;
use i18n::{Strings, strings};
use std::collections::{BTreeMap, BTreeSet};

/// What the caller supplies besides the analysis.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: ReportLang,
    /// Date of the review, `YYYY-MM-DD` (the CLI reads the clock; the report never does).
    pub date: String,
    /// privlint's version.
    pub tool_version: String,
}

/// The SHA-256 of an input file's bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Facts about one input file the analysis does not keep: its hash and size in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: String,
    pub sha256: String,
    pub bytes: usize,
}

/// One examined document, as listed in the "Documents examined" table.
#[derive(Debug, Clone)]
pub struct DocumentInfo {
    /// Short name used in locations: `D1`, `D2`, …
    pub short: String,
    pub path: String,
    /// The title the document shows (metadata title, else its first heading).
    pub title: Option<String>,
    pub kind: DocumentKind,
    pub format: &'static str,
    pub language: &'static str,
    pub last_updated: Option<String>,
    pub sha256: Option<String>,
    pub bytes: Option<usize>,
    pub words: usize,
    pub sections: usize,
}

/// A quoted place in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Short name of the document (`D1`).
    pub doc: String,
    pub path: String,
    pub line: usize,
    /// Heading path of the section, outermost first, joined with ` › `.
    pub heading: String,
    pub text: String,
    /// Language code of the quoted text (for `lang` attributes).
    pub lang: &'static str,
}

/// How urgently an item should be fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    High,
    Medium,
    Low,
    Review,
}

impl Priority {
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            Priority::High => t.priority_high,
            Priority::Medium => t.priority_medium,
            Priority::Low => t.priority_low,
            Priority::Review => t.priority_review,
        }
    }
}

/// The verdict on the statement as a whole (ICO-like four steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Good,
    Reasonable,
    Limited,
    Poor,
}

impl Rating {
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            Rating::Good => t.rating_good,
            Rating::Reasonable => t.rating_reasonable,
            Rating::Limited => t.rating_limited,
            Rating::Poor => t.rating_poor,
        }
    }
}

/// One row of the requirement table.
#[derive(Debug, Clone)]
pub struct RequirementRow {
    /// Finding number, `T-01` …
    pub number: String,
    pub id: String,
    pub title: String,
    /// The article as the catalogue writes it.
    pub article: String,
    /// The article cited in the report language.
    pub citation: String,
    pub group: String,
    pub status: Status,
    pub priority: Option<Priority>,
    pub evidence: Vec<Quote>,
    /// Why the status follows, in the report language.
    pub reason: String,
    /// What to change, for items that fall short.
    pub recommendation: Option<String>,
    pub rules: Vec<String>,
    /// The most severe fired rule.
    pub severity: Option<Severity>,
    /// Subject group of the per-requirement findings (a key of [`i18n::GROUPS`]).
    pub group_key: &'static str,
    /// What the item asks of a statement, in the report language.
    pub norm: String,
    /// When the item applies, in the report language.
    pub applies: String,
    /// How the information reaches the reader (statement, help page, link).
    pub delivery: String,
    /// The one-sentence formal finding.
    pub finding: String,
    /// Every evidence passage, with longer text, for Annex B.
    pub extracts: Vec<Quote>,
}

/// One row of the purpose map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurposeRow {
    pub purpose: String,
    pub location: String,
    pub bases: Vec<String>,
    pub categories: Vec<String>,
    pub retention: Vec<String>,
    pub recipients: Vec<String>,
    /// Categories of data are named in the purpose sentence itself.
    pub categories_in_purpose: bool,
    /// Recipients are named in the purpose sentence itself.
    pub recipients_in_purpose: bool,
}

/// Where the purpose map's rows came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapSource {
    Table,
    Sentences,
    Nothing,
}

#[derive(Debug, Clone)]
pub struct PurposeMap {
    pub source: MapSource,
    pub rows: Vec<PurposeRow>,
    /// Passages left out because the map is capped.
    pub left_out: usize,
}

/// A link in the statement that leads to a help page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkStep {
    pub text: String,
    pub href: String,
    pub line: usize,
}

/// An item found only on a help page (or only behind a link).
#[derive(Debug, Clone)]
pub struct LayerItem {
    /// Index into [`AuditReport::rows`].
    pub row: usize,
    /// The page holding the information (a supplied help page, or a link target).
    pub page: String,
    pub trail: Vec<LinkStep>,
}

/// A difference between the statement and a help page.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub row: usize,
    pub page: String,
    /// In the report language.
    pub detail: String,
}

/// A finding suppressed by an inline comment, with its reason.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub rule: String,
    pub requirement: String,
    pub path: String,
    pub line: usize,
    pub reason: String,
}

/// One section of a document, for the outline annex.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub level: u8,
    pub heading: String,
    pub lines: (usize, usize),
}

#[derive(Debug, Clone)]
pub struct DocumentOutline {
    pub doc: String,
    pub path: String,
    pub entries: Vec<OutlineEntry>,
}

/// The whole report, ready to render.
#[derive(Debug, Clone)]
pub struct AuditReport {
    pub lang: ReportLang,
    /// "Transparency assessment of the privacy statement of …".
    pub title: String,
    /// The opening sentence of the summary: whose statement, which version, when.
    pub scope: String,
    /// Indices into `rows` of core items and rights that are met (good practice observed).
    pub good_practice: Vec<usize>,
    /// Observations on form and presentation (Article 12(1)), one paragraph each.
    pub form: Vec<String>,
    /// Number of rules in the rule pack, and the languages of its vocabularies.
    pub rules_applied: usize,
    pub lexicon_languages: Vec<&'static str>,
    pub date: String,
    pub tool_version: String,
    pub rules_version: String,
    pub controller: Vec<String>,
    pub statement_kind: DocumentKind,
    pub documents: Vec<DocumentInfo>,
    pub counts: Vec<(Status, usize)>,
    pub rating: Rating,
    /// One paragraph: the overall verdict.
    pub verdict: String,
    /// Indices into `rows` of the most serious gaps, most serious first (at most three).
    pub top_gaps: Vec<usize>,
    pub rows: Vec<RequirementRow>,
    pub purpose_map: PurposeMap,
    pub by_reference: Vec<LayerItem>,
    pub conflicts: Vec<Conflict>,
    pub suppressed: Vec<Suppressed>,
    /// Statutory-style closing sentence.
    pub conclusion: String,
    /// Indices into `rows` of items with a recommendation, by priority then catalogue order.
    pub recommendations: Vec<usize>,
    /// How many recommendations, how many of them high priority (one sentence).
    pub recommendation_summary: String,
    pub outline: Vec<DocumentOutline>,
}

impl AuditReport {
    pub fn strings(&self) -> &'static Strings {
        strings(self.lang)
    }

    pub fn count(&self, s: Status) -> usize {
        self.counts
            .iter()
            .find(|(x, _)| *x == s)
            .map_or(0, |(_, n)| *n)
    }
}

const MAX_QUOTES: usize = 3;
const QUOTE_CHARS: usize = 320;
const MAP_ROWS: usize = 40;
const CELL_CHARS: usize = 140;
const EXTRACT_CHARS: usize = 1200;

/// Items whose vagueness the Dutch authority found decisive (Netflix, 2024): high priority.
/// In order of weight for ranking gaps.
const DECISIVE: &[&str] = &[
    "purpose-basis-mapping",
    "purposes",
    "legal-basis",
    "retention",
    "recipients",
    "transfers",
    "transfer-safeguards",
    "legitimate-interests",
    "controller-identity",
];

fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Where a span sits: line and heading path.
fn locate(doc: &Document, span: Span) -> (usize, String) {
    let line = doc.source.line_index.line(span.start);
    let block = doc
        .blocks
        .iter()
        .find(|b| b.span.start <= span.start && span.start < b.span.end.max(b.span.start + 1))
        .or_else(|| doc.blocks.iter().rev().find(|b| b.span.start <= span.start));
    let heading = block
        .map(|b| doc.heading_path(b.section).join(" › "))
        .unwrap_or_default();
    (line, heading)
}

/// The language code of the block an evidence span sits in.
fn block_lang(d: &DocumentAnalysis, span: Span) -> &'static str {
    d.document
        .blocks
        .iter()
        .find(|b| b.span.start <= span.start && span.start < b.span.end)
        .map_or(d.lang(), |b| b.lang)
        .code()
}

/// The text a reader sees for an evidence span: the sentence of the block it came from
/// (markup removed by ingest), else the quoted source text.
fn visible_text(d: &DocumentAnalysis, span: Span, fallback: &str) -> String {
    d.disclosures
        .sentences
        .iter()
        .find(|s| s.span == span)
        .or_else(|| {
            d.disclosures
                .sentences
                .iter()
                .find(|s| s.span.start == span.start)
        })
        .and_then(|s| {
            d.document
                .blocks
                .get(s.block)
                .and_then(|b| b.text.get(s.range.0..s.range.1))
        })
        .map_or_else(|| fallback.to_string(), str::to_string)
}

fn priority(group: &str, id: &str, status: Status) -> Option<Priority> {
    match status {
        Status::Met | Status::NotApplicable => None,
        Status::Undetermined => Some(Priority::Review),
        _ if group == "best-practice" => Some(Priority::Low),
        Status::Missing if group == "core" || group == "right" => Some(Priority::High),
        Status::Vague if DECISIVE.contains(&id) => Some(Priority::High),
        _ => Some(Priority::Medium),
    }
}

/// Ranking of gaps for the executive summary (lower is more serious): missing core items
/// with error-severity rules, other missing core items, vague core items, missing rights,
/// vague rights, items by reference, best practice.
fn gap_tier(row: &RequirementRow) -> Option<u8> {
    let core = row.group == "core";
    let right = row.group == "right";
    let error = row.severity == Some(Severity::Error);
    Some(match row.status {
        Status::Missing if core && error => 0,
        Status::Missing if core => 1,
        Status::Vague if core && error => 2,
        Status::Vague if core => 3,
        Status::Missing if right => 4,
        Status::Vague if right => 5,
        Status::ByReference if core || right => 6,
        Status::Missing | Status::Vague | Status::ByReference => 7,
        _ => return None,
    })
}

/// The typed values found for a met item ("Found: legal entity Example B.V."), in the
/// report language; empty when there are none.
fn values_text(lang: ReportLang, r: &RequirementResult, quotes: &[Quote]) -> String {
    // The vocabulary matches lower-cased text; show a match as the document writes it.
    let as_written = |x: &str| -> String {
        quotes
            .iter()
            .find_map(|q| {
                let lower = q.text.to_lowercase();
                (lower.len() == q.text.len())
                    .then(|| lower.find(x))
                    .flatten()
                    .and_then(|i| q.text.get(i..i + x.len()))
                    .map(str::to_string)
            })
            .unwrap_or_else(|| x.to_string())
    };
    // Names of organisations: a legal person only when the name carries a legal form
    // (a minister is an administrative authority, not a legal person).
    let groups: Vec<(&str, Vec<String>)> = r
        .values
        .iter()
        .flat_map(|(k, v)| {
            if k == "legal-entity" {
                let (persons, others): (Vec<String>, Vec<String>) =
                    v.iter().cloned().partition(|n| values::is_legal_person(n));
                let first_is_person = v.first().is_some_and(|n| values::is_legal_person(n));
                let mut g = vec![("organisation", others), ("legal-entity", persons)];
                if first_is_person {
                    g.reverse();
                }
                g
            } else {
                vec![(k.as_str(), v.clone())]
            }
        })
        .collect();
    let shown: Vec<String> = groups
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            let v: Vec<String> = v
                .iter()
                .map(|x| match values::durations(x).first() {
                    Some((_, d)) if *k == "duration" => i18n::duration(lang, d),
                    // Words matched by the vocabulary, in the statement's language: quoted.
                    _ if matches!(
                        *k,
                        "legal-basis-named" | "transfer-mechanism" | "country" | "authority"
                    ) =>
                    {
                        format!("“{}”", as_written(x))
                    }
                    _ => x.clone(),
                })
                .collect();
            format!("{} {}", i18n::value_label(lang, k), v.join(", "))
        })
        .collect();
    if shown.is_empty() {
        return String::new();
    }
    let list = shown.join("; ");
    let end = if list.ends_with('.') { "" } else { "." };
    match lang {
        ReportLang::En => format!(" Found: {list}{end}"),
        ReportLang::Nl => format!(" Aangetroffen: {list}{end}"),
    }
}

/// The reason for a status in the report language. English reasons of vague and missing
/// items are the fired rules' summaries; Dutch ones come from [`i18n`].
fn reason_text(
    lang: ReportLang,
    r: &RequirementResult,
    title: &str,
    help_doc: Option<&str>,
    quotes: &[Quote],
) -> String {
    let sentence = |x: &str| {
        let x = upper_first(x.trim());
        if x.ends_with('.') { x } else { format!("{x}.") }
    };
    let negated = r.reason.contains("does not happen");
    let says_na = r.reason.contains("does not apply");
    let about = grammar::label_in_sentence(lang, title);
    match lang {
        ReportLang::En => match r.status {
            Status::Met if negated => "The statement says expressly that this does not take place; that is the information required.".to_string(),
            Status::Met => format!("The required information is provided in the statement itself.{}", values_text(lang, r, quotes)),
            Status::ByReference => match help_doc {
                Some(d) => format!("The information on {about} is not in the statement itself, but only on a help page ({d})."),
                None => format!("The statement does not give the information on {about} itself, but only refers to another page."),
            },
            Status::NotApplicable if says_na => "Not applicable: the statement says that this item does not apply.".to_string(),
            Status::Missing if r.reason.trim().is_empty() || r.reason == "not addressed" => {
                format!("The statement does not mention {about}; the required information is absent.")
            }
            _ if r.reason.trim().is_empty() => i18n::status_meaning(lang, r.status).to_string(),
            _ => sentence(&r.reason),
        },
        ReportLang::Nl => {
            let texts = i18n::requirement_text(&r.id);
            let cond = texts.map_or("of dit onderdeel van toepassing is", |t| t.cond_nl);
            match r.status {
                Status::Met if negated => "De verklaring vermeldt uitdrukkelijk dat dit niet plaatsvindt; daarmee is de vereiste informatie gegeven.".to_string(),
                Status::Met => format!("De vereiste informatie wordt in de verklaring zelf verstrekt.{}", values_text(lang, r, quotes)),
                // What the fired rules found, and no more (their English summaries are the
                // English reason); a rule from a pack without a Dutch text says nothing.
                Status::Vague => {
                    let found: Vec<&str> =
                        r.rules.iter().filter_map(|n| i18n::vague_reason_nl(n)).collect();
                    if found.is_empty() && r.reason == crate::rules::RIGHT_ONLY_DEFERRED {
                        i18n::RIGHT_ONLY_DEFERRED_NL.to_string()
                    } else if found.is_empty() {
                        i18n::status_meaning(lang, r.status).to_string()
                    } else {
                        found.join(" ")
                    }
                }
                Status::ByReference => match help_doc {
                    Some(d) => format!("De informatie over {about} staat niet in de verklaring zelf, maar alleen op een hulppagina ({d})."),
                    None => format!("De verklaring geeft de informatie over {about} niet zelf, maar verwijst alleen naar een andere pagina."),
                },
                Status::Missing => format!(
                    "De verklaring vermeldt niet {cond}; de vereiste informatie ontbreekt."
                ),
                Status::NotApplicable if says_na => "Niet van toepassing: de verklaring vermeldt dat dit onderdeel niet van toepassing is.".to_string(),
                Status::NotApplicable => match i18n::condition_reason_nl(&r.reason) {
                    Some(why) => format!("Niet van toepassing: {why}."),
                    None => "Niet van toepassing: de voorwaarde voor dit onderdeel doet zich volgens de verklaring niet voor.".to_string(),
                },
                Status::Undetermined => match i18n::condition_reason_nl(&r.reason) {
                    Some(why) => format!(
                        "Niet vast te stellen: {why}; dit onderdeel vraagt om handmatige beoordeling."
                    ),
                    None => format!(
                        "Op basis van de onderzochte documenten kon niet worden vastgesteld {cond}; dit onderdeel vraagt om handmatige beoordeling."
                    ),
                },
            }
        }
    }
}

/// The recommendation for an item that falls short: the fired rules' fixes (English) or
/// the Dutch text of the requirement.
fn recommendation_text(rules: &RuleSet, lang: ReportLang, r: &RequirementResult) -> Option<String> {
    if !matches!(
        r.status,
        Status::Vague | Status::Missing | Status::ByReference | Status::Undetermined
    ) {
        return None;
    }
    let texts = i18n::requirement_text(&r.id);
    match lang {
        ReportLang::Nl => texts.map(|t| t.rec_nl.to_string()),
        ReportLang::En => {
            let mut fixes: Vec<String> = Vec::new();
            for name in &r.rules {
                if let Some(rule) = rules.rule(name) {
                    let fix = rule.fix.trim().to_string();
                    if !fix.is_empty() && !fixes.contains(&fix) {
                        fixes.push(fix);
                    }
                }
            }
            if fixes.is_empty() {
                texts.map(|t| t.rec_en.to_string())
            } else {
                Some(
                    fixes
                        .iter()
                        .map(|f| {
                            if f.ends_with('.') {
                                f.clone()
                            } else {
                                format!("{f}.")
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            }
        }
    }
}

/// Build the report of the statement `docs[0]` and the help pages after it (the output of
/// `analysis::analyse` for one statement). `inputs` gives each file's hash.
pub fn build(
    rules: &RuleSet,
    docs: &[DocumentAnalysis],
    inputs: &[InputFile],
    opts: &Options,
) -> AuditReport {
    let lang = opts.lang;
    let t = strings(lang);
    let documents: Vec<DocumentInfo> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let input = inputs.iter().find(|f| f.path == d.path());
            DocumentInfo {
                short: format!("D{}", i + 1),
                path: d.path().to_string(),
                title: d
                    .document
                    .metadata
                    .get("title")
                    .cloned()
                    .or_else(|| {
                        d.document
                            .blocks
                            .iter()
                            .find(|b| b.kind == BlockKind::Heading)
                            .map(|b| b.text.clone())
                    })
                    .map(|x| truncate(&x, 120)),
                kind: d.kind,
                format: d.document.source.format.as_str(),
                language: d.lang().code(),
                last_updated: d.last_updated.clone(),
                sha256: input.map(|f| f.sha256.clone()),
                bytes: input.map(|f| f.bytes),
                words: d
                    .document
                    .blocks
                    .iter()
                    .map(|b| b.text.split_whitespace().count())
                    .sum(),
                sections: d
                    .document
                    .sections
                    .iter()
                    .filter(|s| s.heading.is_some())
                    .count(),
            }
        })
        .collect();
    let short_of = |path: &str| -> String {
        documents
            .iter()
            .find(|d| d.path == path)
            .map_or_else(|| path.to_string(), |d| d.short.clone())
    };
    let doc_of = |path: &str| docs.iter().find(|d| d.path() == path);

    let statement = docs.first();
    let statement_path = statement.map(|d| d.path().to_string()).unwrap_or_default();

    // Requirement rows, in catalogue order.
    let mut rows = Vec::new();
    if let Some(st) = statement {
        for (i, r) in st.requirements.iter().enumerate() {
            let req = rules.catalogue.get(&r.id);
            let group = req.map_or_else(|| "core".to_string(), |q| q.group.clone());
            let title =
                req.map_or_else(|| r.id.clone(), |q| q.title.get(lang_of(lang)).to_string());
            // Sentences first; headings and table headers only when nothing else supports
            // the status (a heading names a topic, it does not inform).
            let is_heading = |e: &&crate::finding::Evidence| {
                doc_of(&e.path).is_some_and(|d| {
                    d.document.blocks.iter().any(|b| {
                        b.span.start <= e.span.start
                            && e.span.start < b.span.end
                            && (b.kind == BlockKind::Heading || b.cell.is_some_and(|c| c.header))
                    })
                })
            };
            let body: Vec<&crate::finding::Evidence> =
                r.evidence.iter().filter(|e| !is_heading(e)).collect();
            let chosen: Vec<&crate::finding::Evidence> = if body.is_empty() {
                r.evidence.iter().collect()
            } else {
                body
            };
            let mut evidence: Vec<Quote> = Vec::new();
            let mut extracts: Vec<Quote> = Vec::new();
            // A quote of one piece of evidence, cut to `max_chars`; `None` when its document
            // is unknown, or it is empty or already among `taken`.
            let quote = |e: &crate::finding::Evidence, max_chars: usize, taken: &[Quote]| {
                let owner = doc_of(&e.path)?;
                let text = truncate(&visible_text(owner, e.span, &e.text), max_chars);
                if text.is_empty() || taken.iter().any(|q| q.text == text) {
                    return None;
                }
                let (line, heading) = locate(&owner.document, e.span);
                Some(Quote {
                    doc: short_of(&e.path),
                    path: e.path.clone(),
                    line,
                    heading,
                    text,
                    lang: block_lang(owner, e.span),
                })
            };
            for e in &r.evidence {
                if let Some(q) = quote(e, EXTRACT_CHARS, &extracts) {
                    extracts.push(q);
                }
            }
            for e in chosen {
                let max = if r.status == Status::Met {
                    1
                } else {
                    MAX_QUOTES
                };
                if evidence.len() >= max {
                    break;
                }
                if let Some(q) = quote(e, QUOTE_CHARS, &evidence) {
                    evidence.push(q);
                }
            }
            let help_doc = r
                .evidence
                .iter()
                .find(|e| e.path != statement_path)
                .map(|e| short_of(&e.path));
            let severity = r
                .rules
                .iter()
                .filter_map(|n| rules.rule(n).map(|x| x.severity))
                .max();
            let citation = i18n::cite(lang, &r.article);
            rows.push(RequirementRow {
                number: format!("T-{:02}", i + 1),
                id: r.id.clone(),
                reason: reason_text(lang, r, &title, help_doc.as_deref(), &extracts),
                title,
                article: r.article.clone(),
                finding: i18n::finding_sentence(
                    lang,
                    r.status,
                    &citation,
                    group == "best-practice",
                ),
                citation,
                priority: priority(&group, &r.id, r.status),
                group,
                status: r.status,
                evidence,
                recommendation: recommendation_text(rules, lang, r),
                rules: r.rules.clone(),
                severity,
                group_key: i18n::group_of(&r.id),
                norm: i18n::norm(lang, &r.id).unwrap_or_default().to_string(),
                applies: req.map_or_else(String::new, |q| i18n::applies_text(lang, &q.applies)),
                delivery: String::new(),
                extracts,
            });
        }
    }

    let counts: Vec<(Status, usize)> = Status::ALL
        .iter()
        .map(|s| (*s, rows.iter().filter(|r| r.status == *s).count()))
        .collect();

    // Gaps and rating.
    let mut ranked: Vec<(u8, usize)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| gap_tier(r).map(|t| (t, i)))
        .collect();
    ranked.sort_by_key(|&(tier, i)| {
        let row = &rows[i];
        let decisive = DECISIVE
            .iter()
            .position(|d| *d == row.id)
            .unwrap_or(DECISIVE.len());
        (tier, std::cmp::Reverse(row.severity), decisive, i)
    });
    let top_gaps: Vec<usize> = ranked.iter().take(3).map(|(_, i)| *i).collect();
    let high = rows
        .iter()
        .filter(|r| r.priority == Some(Priority::High))
        .count();
    let medium = rows
        .iter()
        .filter(|r| r.priority == Some(Priority::Medium))
        .count();
    let fundamental = rows.iter().any(|r| {
        (r.id == "controller-identity" || r.id == "purposes") && r.status == Status::Missing
    });
    let rating = if high >= 4 || fundamental {
        Rating::Poor
    } else if high > 0 {
        Rating::Limited
    } else if medium > 0 {
        Rating::Reasonable
    } else {
        Rating::Good
    };
    let verdict = verdict_text(lang, &rows, rating);
    let conclusion = conclusion_text(lang, &rows);
    let mut recommendations: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.recommendation.is_some())
        .map(|(i, _)| i)
        .collect();
    recommendations.sort_by_key(|&i| (rows[i].priority, i));

    // Controller as extracted.
    let controller = statement
        .and_then(|d| d.requirement("controller-identity"))
        .and_then(|r| r.values.get("legal-entity"))
        .cloned()
        .unwrap_or_default();

    let purpose_map = match statement {
        Some(st) if !st.requirements.is_empty() => purpose_map(rules, st, lang),
        _ => PurposeMap {
            source: MapSource::Nothing,
            rows: Vec::new(),
            left_out: 0,
        },
    };
    let (by_reference, conflicts) = match statement {
        Some(st) => layers(lang, st, &docs[1..], &rows),
        None => (Vec::new(), Vec::new()),
    };
    // How each item reaches the reader.
    for (ri, row) in rows.iter_mut().enumerate() {
        let shown = !matches!(
            row.status,
            Status::Missing | Status::NotApplicable | Status::Undetermined
        );
        let mut headings: Vec<String> = Vec::new();
        let mut others: Vec<String> = Vec::new();
        for q in row.extracts.iter().filter(|_| shown) {
            if q.path == statement_path {
                let h = q.heading.rsplit(" › ").next().unwrap_or("").to_string();
                if !headings.contains(&h) {
                    headings.push(h);
                }
            } else if !others.contains(&q.doc) {
                others.push(q.doc.clone());
            }
        }
        let links: Vec<i18n::LinkRef> = by_reference
            .iter()
            .filter(|item| item.row == ri)
            .flat_map(|item| item.trail.iter())
            .map(|l| i18n::LinkRef {
                text: &l.text,
                href: &l.href,
                line: l.line,
            })
            .collect();
        row.delivery = i18n::delivery_text(
            lang,
            &i18n::Delivery {
                status: row.status,
                statement_headings: if headings.is_empty() {
                    None
                } else {
                    Some(headings)
                },
                other_documents: others,
                links,
            },
        );
    }
    let form = match (statement, documents.first()) {
        (Some(st), Some(info)) if !rows.is_empty() => i18n::form_observations(
            lang,
            &form_facts(
                rules,
                st,
                info,
                docs.len() - 1,
                &rows,
                conflicts.len(),
                purpose_map.source == MapSource::Table,
            ),
        ),
        _ => Vec::new(),
    };
    let good_practice: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| (r.group == "core" || r.group == "right") && r.status == Status::Met)
        .map(|(i, _)| i)
        .collect();
    let high_recs = recommendations
        .iter()
        .filter(|&&i| rows[i].priority == Some(Priority::High))
        .count();
    let recommendation_summary = match (lang, recommendations.len()) {
        (ReportLang::En, 0) => "This report makes no recommendation (see chapter 9).".to_string(),
        (ReportLang::En, n) => format!(
            "This report makes {n} recommendation{}, {high_recs} of {} with high priority (see chapter 9).",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        ),
        (ReportLang::Nl, 0) => "Dit rapport doet geen aanbevelingen (zie hoofdstuk 9).".to_string(),
        (ReportLang::Nl, n) => format!(
            "Dit rapport doet {n} {}, waarvan {high_recs} met hoge prioriteit (zie hoofdstuk 9).",
            if n == 1 {
                "aanbeveling"
            } else {
                "aanbevelingen"
            }
        ),
    };
    let controller_name = controller.first().map(String::as_str);
    let title = i18n::report_title(lang, controller_name);
    let scope = scope_text(lang, controller_name, documents.first(), &opts.date);
    let mut lexicon_languages: Vec<&'static str> = rules
        .extractor
        .languages()
        .iter()
        .map(|l| l.code())
        .collect();
    lexicon_languages.sort_unstable();
    lexicon_languages.dedup();
    let suppressed = docs.iter().flat_map(suppressed_of).collect();
    let outline = docs
        .iter()
        .map(|d| DocumentOutline {
            doc: short_of(d.path()),
            path: d.path().to_string(),
            entries: outline_of(&d.document, t),
        })
        .collect();

    AuditReport {
        lang,
        title,
        scope,
        good_practice,
        form,
        rules_applied: rules.rules.len(),
        lexicon_languages,
        recommendation_summary,
        date: opts.date.clone(),
        tool_version: opts.tool_version.clone(),
        rules_version: rules.catalogue.version.clone(),
        controller,
        statement_kind: statement.map_or(DocumentKind::Other, |d| d.kind),
        documents,
        counts,
        rating,
        verdict,
        top_gaps,
        rows,
        purpose_map,
        by_reference,
        conflicts,
        suppressed,
        conclusion,
        recommendations,
        outline,
    }
}

/// The opening sentence of the summary (spec §5): whose statement, which version, when.
fn scope_text(
    lang: ReportLang,
    controller: Option<&str>,
    doc: Option<&DocumentInfo>,
    date: &str,
) -> String {
    let name = doc.map_or_else(String::new, |d| {
        d.title
            .clone()
            .unwrap_or_else(|| file_name(&d.path).to_string())
    });
    let short = doc.map_or("D1", |d| d.short.as_str());
    let version = doc.and_then(|d| d.last_updated.as_deref());
    match lang {
        ReportLang::En => format!(
            "This report assesses whether the privacy statement {} (“{name}”, {short}; {}; reviewed on {date}) provides the information required by Articles 12 to 14 GDPR.",
            controller.map_or_else(
                || "examined".to_string(),
                |c| format!("of {}", grammar::name_in_sentence(lang, c))
            ),
            version.map_or_else(
                || "no version date printed".to_string(),
                |v| format!("version dated {v}")
            ),
        ),
        ReportLang::Nl => format!(
            "Dit rapport toetst of de {} (“{name}”, {short}; {}; getoetst op {date}) de informatie bevat die de artikelen 12 tot en met 14 AVG vereisen.",
            controller.map_or_else(
                || "onderzochte privacyverklaring".to_string(),
                |c| format!(
                    "privacyverklaring van {}",
                    grammar::name_in_sentence(lang, c)
                )
            ),
            version.map_or_else(
                || "zonder vermelde versiedatum".to_string(),
                |v| format!("versie van {v}")
            ),
        ),
    }
}

/// What the analysis measured that bears on Article 12(1), for chapter 7.3.
fn form_facts(
    rules: &RuleSet,
    st: &DocumentAnalysis,
    info: &DocumentInfo,
    help_pages: usize,
    rows: &[RequirementRow],
    conflicts: usize,
    purpose_table: bool,
) -> i18n::FormFacts {
    let disc = &st.disclosures;
    let has =
        |si: usize, f: Option<u16>| f.is_some_and(|f| disc.sentences[si].features.contains(&f));
    let hedge = rules.extractor.feature_id("hedge");
    let open = rules.extractor.feature_id("open-list");
    let n = disc.sentences.len();
    let core: BTreeSet<usize> = rows
        .iter()
        .filter(|r| r.group == "core")
        .flat_map(|r| direct_sentences(st, &r.id))
        .collect();
    let hedge_check = rows
        .iter()
        .filter(|r| r.id == "purposes")
        .flat_map(|r| r.rules.iter())
        .find(|name| name.as_str() == "hedge-density-in-purposes")
        .map(|name| {
            rules
                .rule(name)
                .map_or_else(|| name.clone(), |x| format!("{} ({})", x.code, x.name))
        });
    let text_blocks: Vec<_> = st
        .document
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading && b.text.split_whitespace().count() >= 5)
        .collect();
    i18n::FormFacts {
        words: info.words,
        sections: info.sections,
        sentences: n,
        hedged: (0..n).filter(|&i| has(i, hedge)).count(),
        open_lists: (0..n).filter(|&i| has(i, open)).count(),
        core_sentences: core.len(),
        core_hedged: core.iter().filter(|&&i| has(i, hedge)).count(),
        hedge_check,
        help_pages,
        by_reference: rows
            .iter()
            .filter(|r| r.status == Status::ByReference)
            .map(|r| format!("{} {}", r.number, r.title))
            .collect(),
        conflicts,
        links: st.document.blocks.iter().map(|b| b.links.len()).sum(),
        blocks: text_blocks.len(),
        other_language_blocks: text_blocks.iter().filter(|b| b.lang != st.lang()).count(),
        purpose_table,
    }
}

/// The role of a document, as the documents table names it.
pub fn role_label(t: &Strings, kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::PrivacyStatement => t.role_statement,
        DocumentKind::HelpPage => t.role_help,
        DocumentKind::Other => t.role_other,
    }
}

/// The rows of Annex A in the order of the WP260 schedule, then the remaining (good
/// practice) items in catalogue order.
pub fn checklist_order(r: &AuditReport) -> Vec<usize> {
    const WP260: &[&str] = &[
        "controller-identity",
        "controller-contact",
        "eu-representative",
        "dpo-contact",
        "joint-controllers",
        "purposes",
        "legal-basis",
        "purpose-basis-mapping",
        "legitimate-interests",
        "special-categories",
        "data-categories",
        "recipients",
        "transfers",
        "transfer-safeguards",
        "retention",
        "right-access",
        "right-rectification",
        "right-erasure",
        "right-restriction",
        "right-portability",
        "right-object",
        "right-object-marketing",
        "right-withdraw-consent",
        "right-complaint",
        "statutory-contractual-requirement",
        "data-sources",
        "automated-decision-making",
    ];
    let mut order: Vec<usize> = WP260
        .iter()
        .filter_map(|id| r.rows.iter().position(|row| row.id == *id))
        .collect();
    for i in 0..r.rows.len() {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    order
}

/// The Article 13 and Article 14 references of an item, each cited in the report
/// language ("–" when the item has none under that article; the whole reference in both
/// columns when it names neither).
pub fn split_articles(lang: ReportLang, article: &str) -> (String, String) {
    let parts: Vec<&str> = article.split(',').map(str::trim).collect();
    let of = |n: &str| -> Vec<&str> {
        parts
            .iter()
            .copied()
            .filter(|p| p.starts_with(&format!("{n}(")))
            .collect()
    };
    let (a13, a14) = (of("13"), of("14"));
    if a13.is_empty() && a14.is_empty() {
        let all = i18n::cite(lang, article);
        return (all.clone(), all);
    }
    let show = |v: Vec<&str>| {
        if v.is_empty() {
            "–".to_string()
        } else {
            i18n::cite(lang, &v.join(", "))
        }
    };
    (show(a13), show(a14))
}

/// The rows of Annex D (technical details), besides the input files.
pub fn technical_details(r: &AuditReport) -> Vec<(&'static str, String)> {
    let t = r.strings();
    vec![
        (t.tool, format!("privlint {}", r.tool_version)),
        (t.rule_pack, r.rules_version.clone()),
        (t.d_rules, r.rules_applied.to_string()),
        (t.d_catalogue, r.rows.len().to_string()),
        (t.d_lexicons, r.lexicon_languages.join(", ")),
        (t.report_language, r.lang.code().to_string()),
        (t.review_date, r.date.clone()),
        (t.d_links, t.d_links_text.to_string()),
        (t.d_human, t.d_human_text.to_string()),
    ]
}

fn lang_of(lang: ReportLang) -> crate::lang::Lang {
    match lang {
        ReportLang::En => crate::lang::Lang::En,
        ReportLang::Nl => crate::lang::Lang::Nl,
    }
}

/// Findings silenced by `privlint-disable` comments in a document, with their reasons.
fn suppressed_of(doc: &DocumentAnalysis) -> Vec<Suppressed> {
    doc.suppressed
        .iter()
        .map(|s| Suppressed {
            rule: s.finding.rule.clone(),
            requirement: s.finding.requirement.clone(),
            path: s.finding.path.clone(),
            line: doc.document.source.line_index.line(s.finding.span.start),
            reason: s.reason.clone(),
        })
        .collect()
}

fn titles(rows: &[&RequirementRow]) -> String {
    rows.iter()
        .map(|r| grammar::lower_first(&r.title))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The overall verdict in one paragraph, generated from the counts and the gaps.
fn verdict_text(lang: ReportLang, rows: &[RequirementRow], rating: Rating) -> String {
    let t = strings(lang);
    let core_missing: Vec<&RequirementRow> = rows
        .iter()
        .filter(|r| r.group == "core" && r.status == Status::Missing)
        .collect();
    let core_vague: Vec<&RequirementRow> = rows
        .iter()
        .filter(|r| r.group == "core" && r.status == Status::Vague)
        .collect();
    let core_ref: Vec<&RequirementRow> = rows
        .iter()
        .filter(|r| r.group == "core" && r.status == Status::ByReference)
        .collect();
    let rights_short: Vec<&RequirementRow> = rows
        .iter()
        .filter(|r| {
            r.group == "right"
                && matches!(
                    r.status,
                    Status::Missing | Status::Vague | Status::ByReference
                )
        })
        .collect();
    let applicable = rows
        .iter()
        .filter(|r| r.status != Status::NotApplicable)
        .count();
    let met = rows.iter().filter(|r| r.status == Status::Met).count();
    let core_fail = core_missing.len() + core_vague.len() + core_ref.len();
    let mut out = String::new();
    match lang {
        ReportLang::En => {
            out.push_str(&counts_sentence(lang, rows, applicable, met));
            if core_fail == 0 {
                out.push_str("The statement provides the core information of Articles 13 and 14 GDPR that was assessed. ");
            } else {
                out.push_str(&format!(
                    "The statement does not meet Articles 13 and 14 GDPR on {core_fail} core item{}",
                    if core_fail == 1 { "" } else { "s" }
                ));
                let mut parts = Vec::new();
                if !core_missing.is_empty() {
                    parts.push(format!("not provided: {}", titles(&core_missing)));
                }
                if !core_vague.is_empty() {
                    parts.push(format!("insufficiently specific: {}", titles(&core_vague)));
                }
                if !core_ref.is_empty() {
                    parts.push(format!("only by reference: {}", titles(&core_ref)));
                }
                out.push_str(&format!(" ({}). ", parts.join("; ")));
            }
            if !rights_short.is_empty() {
                out.push_str(&format!(
                    "Of the data-subject rights, {} {} not set out adequately ({}). ",
                    rights_short.len(),
                    if rights_short.len() == 1 { "is" } else { "are" },
                    titles(&rights_short)
                ));
            }
            out.push_str(&format!("{}: {}.", t.rating_label, rating.label(t)));
        }
        ReportLang::Nl => {
            out.push_str(&counts_sentence(lang, rows, applicable, met));
            if core_fail == 0 {
                out.push_str("De verklaring bevat de getoetste kerninformatie van de artikelen 13 en 14 AVG. ");
            } else {
                out.push_str(&format!(
                    "De verklaring voldoet op {core_fail} {} niet aan de artikelen 13 en 14 AVG",
                    if core_fail == 1 {
                        "kernonderdeel"
                    } else {
                        "kernonderdelen"
                    }
                ));
                let mut parts = Vec::new();
                if !core_missing.is_empty() {
                    parts.push(format!("ontbreekt: {}", titles(&core_missing)));
                }
                if !core_vague.is_empty() {
                    parts.push(format!("onvoldoende duidelijk: {}", titles(&core_vague)));
                }
                if !core_ref.is_empty() {
                    parts.push(format!("alleen via verwijzing: {}", titles(&core_ref)));
                }
                out.push_str(&format!(" ({}). ", parts.join("; ")));
            }
            if !rights_short.is_empty() {
                out.push_str(&format!(
                    "Van de rechten van betrokkenen {} er {} niet goed beschreven ({}). ",
                    if rights_short.len() == 1 {
                        "is"
                    } else {
                        "zijn"
                    },
                    rights_short.len(),
                    titles(&rights_short)
                ));
            }
            out.push_str(&format!("{}: {}.", t.rating_label, rating.label(t)));
        }
    }
    out
}

/// "Of the 26 applicable requirements, 13 are met, 2 are insufficiently specific, …" (spec
/// §5), naming only the statuses that occur.
fn counts_sentence(
    lang: ReportLang,
    rows: &[RequirementRow],
    applicable: usize,
    met: usize,
) -> String {
    let n = |s: Status| rows.iter().filter(|r| r.status == s).count();
    let mut parts: Vec<String> = Vec::new();
    let one = |k: usize| k == 1;
    match lang {
        ReportLang::En => {
            parts.push(format!("{met} {} met", if one(met) { "is" } else { "are" }));
            for (s, what) in [
                (Status::Vague, "insufficiently specific"),
                (Status::ByReference, "provided by reference only"),
                (Status::Missing, "not provided"),
            ] {
                let k = n(s);
                if k > 0 {
                    parts.push(format!("{k} {} {what}", if one(k) { "is" } else { "are" }));
                }
            }
            let k = n(Status::Undetermined);
            if k > 0 {
                parts.push(format!("{k} could not be determined"));
            }
            format!(
                "Of the {applicable} applicable requirements, {}. ",
                join_and(&parts, "and")
            )
        }
        ReportLang::Nl => {
            parts.push(format!("wordt aan {met} voldaan"));
            let k = n(Status::Vague);
            if k > 0 {
                parts.push(format!(
                    "{} er {k} onvoldoende duidelijk",
                    if one(k) { "is" } else { "zijn" }
                ));
            }
            let k = n(Status::ByReference);
            if k > 0 {
                parts.push(format!(
                    "{} er {k} alleen via een verwijzing gegeven",
                    if one(k) { "wordt" } else { "worden" }
                ));
            }
            let k = n(Status::Missing);
            if k > 0 {
                parts.push(format!(
                    "{} er {k}",
                    if one(k) { "ontbreekt" } else { "ontbreken" }
                ));
            }
            let k = n(Status::Undetermined);
            if k > 0 {
                parts.push(format!(
                    "{} er {k} niet worden vastgesteld",
                    if one(k) { "kon" } else { "konden" }
                ));
            }
            format!(
                "Van de {applicable} toepasselijke vereisten {}. ",
                join_and(&parts, "en")
            )
        }
    }
}

/// The closing sentence in statutory language, naming the provisions not met.
fn conclusion_text(lang: ReportLang, rows: &[RequirementRow]) -> String {
    let failing: Vec<&RequirementRow> = rows
        .iter()
        .filter(|r| {
            r.group != "best-practice"
                && matches!(
                    r.status,
                    Status::Missing | Status::Vague | Status::ByReference
                )
        })
        .collect();
    if failing.is_empty() {
        let t = strings(lang);
        return t.conclusion_met.to_string();
    }
    // The first (Art. 13) reference of each failing item, unique, in catalogue order.
    let mut refs: Vec<String> = Vec::new();
    for r in &failing {
        if let Some(first) = r.article.split([',', ';']).next() {
            let first = first.trim().to_string();
            if first.chars().next().is_some_and(|c| c.is_ascii_digit()) && !refs.contains(&first) {
                refs.push(first);
            }
        }
    }
    refs.sort_by_key(|r| article_key(r));
    match lang {
        ReportLang::En => {
            // a range with an en dash, as the citations elsewhere in the report
            let refs: Vec<String> = refs.iter().map(|r| r.replace(")-(", ")–(")).collect();
            let list = join_and(&refs, "and");
            format!(
                "It follows that the statement does not provide the information referred to in Article{} {list} GDPR, read in conjunction with Article 12(1) GDPR, in a concise, transparent, intelligible and easily accessible form.",
                if refs.len() == 1 { "" } else { "s" }
            )
        }
        ReportLang::Nl => {
            let list = i18n::cite_list_nl(&refs);
            format!(
                "Gelet op het voorgaande wordt geconcludeerd dat de verklaring de informatie bedoeld in {list}, in samenhang met artikel 12, eerste lid, AVG niet op een beknopte, transparante, begrijpelijke en gemakkelijk toegankelijke wijze verstrekt."
            )
        }
    }
}

/// Sort key of an article reference: its numbers in order, letters after them.
fn article_key(r: &str) -> Vec<(u32, String)> {
    r.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| match p.parse::<u32>() {
            Ok(n) => (n, String::new()),
            Err(_) => (u32::MAX, p.to_string()),
        })
        .collect()
}

fn join_and(items: &[String], and: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} {and} {last}", init.join(", ")),
    }
}

/// The section outline of a document with heading paths and line ranges.
fn outline_of(doc: &Document, t: &Strings) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    for (i, s) in doc.sections.iter().enumerate() {
        let (first, last) = doc.section_extent(i);
        if first >= last || first >= doc.blocks.len() {
            continue;
        }
        let start = doc.block_lines(&doc.blocks[first]).0;
        let end = doc
            .block_lines(&doc.blocks[last.min(doc.blocks.len()) - 1])
            .1;
        let heading = if s.heading.is_some() {
            truncate(&s.title, 120)
        } else {
            t.preamble.to_string()
        };
        out.push(OutlineEntry {
            level: s.level,
            heading,
            lines: (start, end),
        });
    }
    out
}

/// The direct hits (cue or negation) of a requirement, by sentence index.
fn direct_sentences(d: &DocumentAnalysis, id: &str) -> Vec<usize> {
    d.disclosures.topic(id).map_or_else(Vec::new, |t| {
        t.hits
            .iter()
            .filter(|h: &&Hit| matches!(h.via, Via::Cue | Via::Negation))
            .map(|h| h.sentence)
            .collect()
    })
}

fn sentence_text(d: &DocumentAnalysis, si: usize) -> &str {
    let s = &d.disclosures.sentences[si];
    d.document.blocks[s.block]
        .text
        .get(s.range.0..s.range.1)
        .unwrap_or("")
}

fn push_unique(v: &mut Vec<String>, x: String) {
    if !x.is_empty() && !v.contains(&x) {
        v.push(x);
    }
}

/// The purpose map: rows from a purpose/basis table when the statement has one, else from
/// the blocks whose sentences state purposes.
fn purpose_map(rules: &RuleSet, d: &DocumentAnalysis, lang: ReportLang) -> PurposeMap {
    let doc = &d.document;
    let disc = &d.disclosures;
    let hit_blocks = |id: &str| -> BTreeMap<usize, Vec<usize>> {
        let mut m: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for si in direct_sentences(d, id) {
            if let Some(s) = disc.sentences.get(si) {
                m.entry(s.block).or_default().push(si);
            }
        }
        m
    };
    // Purposes: the sentences in sections about purposes when the statement has such
    // sections, else every sentence using the vocabulary of purposes.
    let mut purposes = hit_blocks("purposes");
    if let Some(topic) = disc.topic("purposes") {
        let in_section: BTreeSet<usize> = topic
            .hits
            .iter()
            .filter(|h| h.in_section && matches!(h.via, Via::Cue | Via::Negation))
            .map(|h| h.sentence)
            .collect();
        if !in_section.is_empty() {
            for sis in purposes.values_mut() {
                sis.retain(|si| in_section.contains(si));
            }
            purposes.retain(|_, sis| !sis.is_empty());
        }
    }
    let recipients = hit_blocks("recipients");
    let categories = hit_blocks("data-categories");
    // (not a basis named as the exception to something: "we share nothing, unless a legal
    // obligation requires it" says nothing about the basis of the processing)
    let bases_in = |si: usize| -> Vec<String> {
        let s = &disc.sentences[si];
        if rules.extractor.excludes(s, doc.lang, "legal-basis") {
            return Vec::new();
        }
        rules
            .extractor
            .feature_values(s, doc.lang, "legal-basis-named")
    };
    let sentences_of_block = |bi: usize| -> Vec<usize> {
        disc.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.block == bi)
            .map(|(i, _)| i)
            .collect()
    };
    let location = |bi: usize| -> String {
        let b = &doc.blocks[bi];
        let (l1, l2) = doc.block_lines(b);
        if l1 == l2 {
            format!("D1:{l1}")
        } else {
            format!("D1:{l1}–{l2}")
        }
    };

    // Tables about purposes or legal bases: those whose header cells mark the topic.
    let mut tables: BTreeSet<usize> = BTreeSet::new();
    for id in ["purposes", "legal-basis", "purpose-basis-mapping"] {
        if let Some(topic) = disc.topic(id) {
            for h in &topic.hits {
                let s = &disc.sentences[h.sentence];
                if let Some(cell) = doc.blocks[s.block].cell
                    && (cell.header || cell.row == 0)
                    && h.via == Via::Heading
                {
                    tables.insert(cell.table);
                }
            }
        }
    }
    let mut rows: Vec<PurposeRow> = Vec::new();
    let mut left_out = 0;
    if !tables.is_empty() {
        for table in &tables {
            // Cells by row; which column holds the purpose.
            let mut by_row: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            let mut purpose_col = None;
            for (bi, b) in doc.blocks.iter().enumerate() {
                let Some(cell) = b.cell else { continue };
                if cell.table != *table {
                    continue;
                }
                if cell.header || cell.row == 0 {
                    if purpose_col.is_none() && purposes.contains_key(&bi) {
                        purpose_col = Some(cell.column);
                    }
                    continue;
                }
                by_row.entry(cell.row).or_default().push(bi);
            }
            let purpose_col = purpose_col.unwrap_or(0);
            for cells in by_row.values() {
                if rows.len() >= MAP_ROWS {
                    left_out += 1;
                    continue;
                }
                let mut row = PurposeRow {
                    purpose: String::new(),
                    location: cells.first().map(|&b| location(b)).unwrap_or_default(),
                    bases: Vec::new(),
                    categories: Vec::new(),
                    retention: Vec::new(),
                    recipients: Vec::new(),
                    categories_in_purpose: false,
                    recipients_in_purpose: false,
                };
                for &bi in cells {
                    let b = &doc.blocks[bi];
                    let is_purpose = b.cell.is_some_and(|c| c.column == purpose_col);
                    if is_purpose {
                        row.purpose = truncate(&b.text, CELL_CHARS * 2);
                    }
                    for si in sentences_of_block(bi) {
                        for v in bases_in(si) {
                            push_unique(&mut row.bases, v);
                        }
                    }
                    for (_, dur) in values::durations(&b.text) {
                        push_unique(&mut row.retention, i18n::duration(lang, &dur));
                    }
                    if !is_purpose && recipients.contains_key(&bi) {
                        push_unique(&mut row.recipients, truncate(&b.text, CELL_CHARS));
                    }
                    if !is_purpose && categories.contains_key(&bi) {
                        push_unique(&mut row.categories, truncate(&b.text, CELL_CHARS));
                    }
                }
                if !row.purpose.is_empty() {
                    rows.push(row);
                }
            }
        }
        if !rows.is_empty() {
            return PurposeMap {
                source: MapSource::Table,
                rows,
                left_out,
            };
        }
    }

    // Sentences: one row per block that states purposes.
    for (&bi, sis) in &purposes {
        let b = &doc.blocks[bi];
        if b.kind == BlockKind::Heading || b.cell.is_some_and(|c| c.header) {
            continue;
        }
        let text: Vec<&str> = sis.iter().map(|&si| sentence_text(d, si).trim()).collect();
        let purpose = truncate(&text.join(" "), CELL_CHARS * 2);
        if purpose.is_empty() || rows.iter().any(|r| r.purpose == purpose) {
            continue;
        }
        if rows.len() >= MAP_ROWS {
            left_out += 1;
            continue;
        }
        let mut row = PurposeRow {
            purpose,
            location: location(bi),
            bases: Vec::new(),
            categories: Vec::new(),
            retention: Vec::new(),
            recipients: Vec::new(),
            categories_in_purpose: false,
            recipients_in_purpose: false,
        };
        for si in sentences_of_block(bi) {
            for v in bases_in(si) {
                push_unique(&mut row.bases, v);
            }
        }
        // A list item without a basis of its own: the parent item or the lead-in sentence.
        if row.bases.is_empty() && b.kind == BlockKind::ListItem {
            let mut j = bi;
            while j > 0 {
                j -= 1;
                let p = &doc.blocks[j];
                if p.section != b.section {
                    break;
                }
                if p.kind == BlockKind::ListItem && p.level >= b.level {
                    continue;
                }
                if p.kind == BlockKind::ListItem || p.kind == BlockKind::Paragraph {
                    for si in sentences_of_block(j) {
                        for v in bases_in(si) {
                            push_unique(&mut row.bases, v);
                        }
                    }
                }
                break;
            }
        }
        for (_, dur) in values::durations(&b.text) {
            push_unique(&mut row.retention, i18n::duration(lang, &dur));
        }
        for (key, target, same) in [
            (
                &recipients,
                &mut row.recipients,
                &mut row.recipients_in_purpose,
            ),
            (
                &categories,
                &mut row.categories,
                &mut row.categories_in_purpose,
            ),
        ] {
            for &si in key.get(&bi).map_or(&[][..], Vec::as_slice) {
                if sis.contains(&si) {
                    *same = true;
                } else {
                    push_unique(target, truncate(sentence_text(d, si), CELL_CHARS));
                }
            }
        }
        rows.push(row);
    }
    let source = if rows.is_empty() {
        MapSource::Nothing
    } else {
        MapSource::Sentences
    };
    PurposeMap {
        source,
        rows,
        left_out,
    }
}

/// The file name of a path or URL, without query or fragment.
fn file_name(p: &str) -> &str {
    let p = p.split(['?', '#']).next().unwrap_or(p);
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

/// Items provided only by reference (with the link trail) and differences between layers.
fn layers(
    lang: ReportLang,
    st: &DocumentAnalysis,
    help: &[DocumentAnalysis],
    rows: &[RequirementRow],
) -> (Vec<LayerItem>, Vec<Conflict>) {
    let doc = &st.document;
    let links: Vec<LinkStep> = doc
        .blocks
        .iter()
        .flat_map(|b| {
            let line = doc.source.line_index.line(b.span.start);
            b.links.iter().map(move |l| LinkStep {
                text: l.text.clone(),
                href: l.href.clone(),
                line,
            })
        })
        .collect();
    let mut items = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        if row.status != Status::ByReference {
            continue;
        }
        let elsewhere = row.evidence.iter().find(|q| q.path != doc.path());
        if let Some(q) = elsewhere {
            let target = file_name(&q.path);
            let stem = target.rsplit_once('.').map_or(target, |(s, _)| s);
            let trail: Vec<LinkStep> = links
                .iter()
                .filter(|l| {
                    let f = file_name(&l.href);
                    !f.is_empty() && (f == target || (!stem.is_empty() && f.starts_with(stem)))
                })
                .cloned()
                .collect();
            items.push(LayerItem {
                row: ri,
                page: q.path.clone(),
                trail,
            });
        } else {
            // Pointed to from the statement itself: the links on the evidence lines.
            let lines: BTreeSet<usize> = row.evidence.iter().map(|q| q.line).collect();
            let trail: Vec<LinkStep> = links
                .iter()
                .filter(|l| lines.contains(&l.line))
                .cloned()
                .collect();
            let page = trail.first().map_or_else(String::new, |l| l.href.clone());
            items.push(LayerItem {
                row: ri,
                page,
                trail,
            });
        }
    }

    let mut conflicts = Vec::new();
    for h in help {
        for (ri, row) in rows.iter().enumerate() {
            let help_hits = direct_sentences(h, &row.id);
            if help_hits.is_empty() {
                continue;
            }
            let st_hits = direct_sentences(st, &row.id);
            // Retention periods that differ between the layers.
            if row.id == "retention" && !st_hits.is_empty() {
                let durs = |d: &DocumentAnalysis, hits: &[usize]| -> BTreeSet<String> {
                    hits.iter()
                        .flat_map(|&si| values::durations(sentence_text(d, si)))
                        .map(|(_, x)| i18n::duration(lang, &x))
                        .collect()
                };
                let a = durs(st, &st_hits);
                let b = durs(h, &help_hits);
                if !a.is_empty() && !b.is_empty() && a != b {
                    let a: Vec<String> = a.into_iter().collect();
                    let b: Vec<String> = b.into_iter().collect();
                    conflicts.push(Conflict {
                        row: ri,
                        page: h.path().to_string(),
                        detail: match lang {
                            ReportLang::En => format!(
                                "Different retention periods: the statement gives {}; the help page gives {}.",
                                a.join(", "),
                                b.join(", ")
                            ),
                            ReportLang::Nl => format!(
                                "Verschillende bewaartermijnen: de verklaring noemt {}; de hulppagina noemt {}.",
                                a.join(", "),
                                b.join(", ")
                            ),
                        },
                    });
                }
            }
            // One layer says it does not happen, the other describes it.
            let negated = |d: &DocumentAnalysis| -> (bool, bool) {
                let t = d.disclosures.topic(&row.id);
                let neg = t.is_some_and(|t| t.hits.iter().any(|h| h.via == Via::Negation));
                let cue = t.is_some_and(|t| t.hits.iter().any(|h| h.via == Via::Cue));
                (neg && !cue, cue && !neg)
            };
            let (st_neg, st_cue) = negated(st);
            let (h_neg, h_cue) = negated(h);
            if (st_neg && h_cue) || (st_cue && h_neg) {
                conflicts.push(Conflict {
                    row: ri,
                    page: h.path().to_string(),
                    detail: match (lang, st_neg) {
                        (ReportLang::En, true) => "The statement says this does not happen; the help page describes it.".to_string(),
                        (ReportLang::En, false) => "The statement describes this; the help page says it does not happen.".to_string(),
                        (ReportLang::Nl, true) => "De verklaring zegt dat dit niet gebeurt; de hulppagina beschrijft het wel.".to_string(),
                        (ReportLang::Nl, false) => "De verklaring beschrijft dit; de hulppagina zegt dat het niet gebeurt.".to_string(),
                    },
                });
            } else if row.status == Status::Vague {
                let periods: BTreeSet<String> = if row.id == "retention" {
                    help_hits
                        .iter()
                        .flat_map(|&si| values::durations(sentence_text(h, si)))
                        .map(|(_, x)| i18n::duration(lang, &x))
                        .collect()
                } else {
                    BTreeSet::new()
                };
                let periods: Vec<String> = periods.into_iter().collect();
                let mut detail = match lang {
                    ReportLang::En => "Insufficiently specific in the statement, but also addressed on the help page: check whether the help page gives the missing detail, and whether it belongs in the statement.".to_string(),
                    ReportLang::Nl => "Onvoldoende duidelijk in de verklaring, maar ook behandeld op de hulppagina: ga na of de hulppagina het ontbrekende detail geeft en of dat in de verklaring thuishoort.".to_string(),
                };
                if !periods.is_empty() {
                    detail.push_str(&match lang {
                        ReportLang::En => {
                            format!(" Periods on the help page: {}.", periods.join(", "))
                        }
                        ReportLang::Nl => {
                            format!(" Termijnen op de hulppagina: {}.", periods.join(", "))
                        }
                    });
                }
                conflicts.push(Conflict {
                    row: ri,
                    page: h.path().to_string(),
                    detail,
                });
            }
        }
    }
    (items, conflicts)
}
