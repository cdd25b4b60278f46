//! Comparing two revisions of a statement: a text diff aligned by section (moved sections
//! are moves, renamed headings are renames, changed words are marked inside paragraphs),
//! a disclosure diff from the two analyses (statuses, recipients, purposes, data
//! categories, legal bases per purpose, retention periods, transfers, rights, contacts), a
//! check that the Last Updated date moved when — and only when — the text changed, and a
//! plain-language summary ordered by impact.
//!
//! # JSON contract (`privlint diff --format json`)
//!
//! One object per comparison (`privlint history --format json`: an array of them, one per
//! consecutive pair). Field names and the keyword values below are stable; `schema` changes
//! when they do. Arrays are in a deterministic order.
//!
//! | field | meaning |
//! |---|---|
//! | `schema` | `"privlint-diff/1"` |
//! | `old_path`, `new_path` | the inputs as given (`REV:path` with `--git`) |
//! | `old_date`, `new_date` | Last Updated date, ISO `YYYY-MM-DD`, or `null` |
//! | `text_changed` | anything changed beyond formatting and the `--ignore`d noise |
//! | `date_check` | `consistent`, `stale-date` (text changed, date did not), `date-only` (date moved, text did not) |
//! | `date_issue` | that problem in words, or `null` |
//! | `stats` | counts: `sections_{added,removed,moved,renamed,changed,unchanged}`, `paragraphs_{added,removed,changed}` |
//! | `sections[]` | in the new revision's order, removed sections after their old predecessor: `old`/`new` (`{position, title, first_line, last_line}` or `null`), flags `added`, `removed`, `moved`, `renamed`, `changed`, `similarity` (0–1, word overlap), `paragraphs[]` |
//! | `sections[].paragraphs[]` | `kind` (`added`, `removed`, `changed`), `old_line`, `new_line`, `old_text`, `new_text`, and for `changed` the word edits `words[]` (`{op: equal\|insert\|delete, text}`) |
//! | `disclosures[]` | most important first: `impact` (0–100), `requirement` (catalogue id), `kind`, `old`, `new`, `detail`, `message`, `worse` |
//! | `summary` | one plain-language paragraph, most important change first |
//! | `regression` | some requirement's status got worse (`--fail-on-regression` exits 1) |
//!
//! Disclosure `kind`s: `status` (`old`/`new` are statuses: `met`, `vague`, `by-reference`,
//! `missing`, `not-applicable`, `undetermined`), `right-removed` / `right-added` (a right
//! no longer / newly mentioned), `value-added` / `value-removed` (`detail` says what the
//! value is: `named-recipient`, `specific-recipient-category`, `authority-recipient` (a
//! public authority such as the police or a regulator), `catch-all-recipient`, `country`,
//! `data-category`, `purpose`, `legal-basis`, `email`, …; for retention the data categories or opening words of the sentence),
//! `retention-changed` (`old` → `new` periods, `detail` what they are for), and
//! `basis-changed` (`detail` the purpose, `old` → `new` its legal bases). Purposes, data
//! categories and legal bases are canonical names from the lexicons' `values:` (the same
//! in English and Dutch). Impact order: a lost right (100), a new recipient (90), a longer
//! retention (85), a new destination country (80), consent replaced as a basis (80), a new
//! purpose (75), a new data category (70), a status that got worse (62–68), …

mod align;
pub mod render;

use crate::analysis::DocumentAnalysis;
use crate::extract::values;
use crate::finding::Status;
use crate::ingest::BlockKind;
use crate::rules::RuleSet;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What counts as noise when comparing text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Ignore dates (so a bumped date alone is not a text change).
    pub ignore_dates: bool,
    /// Ignore section numbering in headings ("3.2 Retention" = "Retention").
    pub ignore_numbering: bool,
}

/// A section of one revision as the diff sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionRef {
    /// Position among the revision's sections (0-based, preamble included).
    pub position: usize,
    pub title: String,
    pub first_line: usize,
    pub last_line: usize,
}

/// A word-level edit inside a changed paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordEdit {
    /// `equal`, `insert` or `delete`.
    pub op: &'static str,
    pub text: String,
}

/// One paragraph-level change inside a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphChange {
    /// `added`, `removed` or `changed`.
    pub kind: &'static str,
    pub old_line: Option<usize>,
    pub new_line: Option<usize>,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    /// For `changed`: the word-level edits.
    pub words: Vec<WordEdit>,
}

/// How a section changed between revisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionChange {
    pub old: Option<SectionRef>,
    pub new: Option<SectionRef>,
    pub added: bool,
    pub removed: bool,
    pub moved: bool,
    pub renamed: bool,
    pub changed: bool,
    /// Content similarity of a matched pair (1.0 = same text).
    pub similarity: f64,
    pub paragraphs: Vec<ParagraphChange>,
}

/// A change in what the statement discloses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DisclosureChange {
    /// Higher is more important for the people whose data it is.
    pub impact: u8,
    pub requirement: String,
    /// `status`, `right-added`, `right-removed`, `value-added`, `value-removed`,
    /// `retention-changed`, `basis-changed`.
    pub kind: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
    /// What the value is (`country`, `named-recipient`, …) or the context of a period.
    pub detail: String,
    /// The change in one plain sentence.
    pub message: String,
    /// The requirement's status got worse (what `--fail-on-regression` acts on).
    pub worse: bool,
}

/// Counts for a quick overview.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub sections_added: usize,
    pub sections_removed: usize,
    pub sections_moved: usize,
    pub sections_renamed: usize,
    pub sections_changed: usize,
    pub sections_unchanged: usize,
    pub paragraphs_added: usize,
    pub paragraphs_removed: usize,
    pub paragraphs_changed: usize,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The JSON contract's version (see the module documentation).
    pub schema: &'static str,
    pub old_path: String,
    pub new_path: String,
    pub old_date: Option<String>,
    pub new_date: Option<String>,
    /// Whether anything changed in the text beyond formatting (and the options' noise).
    pub text_changed: bool,
    /// The Last Updated check as a keyword: `consistent`, `stale-date` (the text changed
    /// but the date did not), `date-only` (the date moved without a substantive change).
    pub date_check: &'static str,
    /// The date problem in words, if any.
    pub date_issue: Option<String>,
    pub stats: Stats,
    pub sections: Vec<SectionChange>,
    /// Sorted by impact, most important first.
    pub disclosures: Vec<DisclosureChange>,
    pub summary: String,
    /// Some requirement's status got worse.
    pub regression: bool,
}

/// Compare two analysed revisions.
pub fn diff(
    rules: &RuleSet,
    old: &DocumentAnalysis,
    new: &DocumentAnalysis,
    options: Options,
) -> Diff {
    let old_units = align::units(old, options);
    let new_units = align::units(new, options);
    let sections = align::align(&old_units, &new_units);
    let mut stats = Stats::default();
    for s in &sections {
        if s.added {
            stats.sections_added += 1;
        } else if s.removed {
            stats.sections_removed += 1;
        } else {
            stats.sections_moved += usize::from(s.moved);
            stats.sections_renamed += usize::from(s.renamed);
            if s.changed {
                stats.sections_changed += 1;
            } else if !s.moved && !s.renamed {
                stats.sections_unchanged += 1;
            }
        }
        for p in &s.paragraphs {
            match p.kind {
                "added" => stats.paragraphs_added += 1,
                "removed" => stats.paragraphs_removed += 1,
                _ => stats.paragraphs_changed += 1,
            }
        }
    }
    // Substantive: a change other than in the paragraph that carries the date.
    let date_only = |s: &SectionChange| {
        !s.added
            && !s.removed
            && !s.moved
            && !s.renamed
            && s.paragraphs.iter().all(|p| {
                let strip = |t: &Option<String>| t.as_deref().map(strip_dates).unwrap_or_default();
                p.kind == "changed" && strip(&p.old_text) == strip(&p.new_text)
            })
    };
    let substantive = sections
        .iter()
        .any(|s| (s.added || s.removed || s.moved || s.renamed || s.changed) && !date_only(s));
    let (old_date, new_date) = (old.last_updated.clone(), new.last_updated.clone());
    let (date_check, date_issue) = match (&old_date, &new_date) {
        (o, n) if substantive && o == n => (
            "stale-date",
            Some(match n {
                Some(d) => format!("the text changed but the Last Updated date stayed {d}"),
                None => {
                    "the text changed and neither revision shows a Last Updated date".to_string()
                }
            }),
        ),
        (Some(o), Some(n)) if !substantive && o != n => (
            "date-only",
            Some(format!(
                "the Last Updated date moved from {o} to {n} without a substantive change"
            )),
        ),
        _ => ("consistent", None),
    };
    let mut disclosures = disclosure_changes(rules, old, new);
    disclosures.sort_by(|a, b| b.impact.cmp(&a.impact).then_with(|| a.cmp(b)));
    let regression = disclosures.iter().any(|d| d.worse);
    let summary = summarise(&disclosures, substantive, date_issue.as_deref());
    Diff {
        schema: "privlint-diff/1",
        old_path: old.path().to_string(),
        new_path: new.path().to_string(),
        old_date,
        new_date,
        text_changed: substantive,
        date_check,
        date_issue,
        stats,
        sections,
        disclosures,
        summary,
        regression,
    }
}

fn strip_dates(text: &str) -> String {
    let mut out = text.to_string();
    for (range, _) in values::dates(text).into_iter().rev() {
        out.replace_range(range.0..range.1, "");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Features whose matched values are compared per requirement.
const COMPARED: &[(&str, &[&str])] = &[
    (
        "recipients",
        &[
            "named-recipient",
            "specific-recipient-category",
            "authority-recipient",
            "catch-all-recipient",
            "legal-entity",
        ],
    ),
    ("transfers", &["country", "transfer-mechanism"]),
    ("transfer-safeguards", &["transfer-mechanism"]),
    ("controller-identity", &["legal-entity"]),
    ("controller-contact", &["email", "phone"]),
    ("dpo-contact", &["email"]),
    ("right-complaint", &["authority"]),
];

/// Canonical values (the lexicons' `values:`) compared per requirement: the requirement
/// whose evidence is read and the value kind.
const CANONICAL: &[(&str, &str)] = &[
    ("data-categories", "data-category"),
    ("purposes", "purpose"),
    ("legal-basis", "legal-basis"),
];

/// Sentences that are evidence for a requirement, each once, in document order.
fn evidence(a: &DocumentAnalysis, req: &str) -> Vec<usize> {
    let mut out: Vec<usize> = a
        .disclosures
        .topic(req)
        .map(|t| t.hits.iter().map(|h| h.sentence).collect())
        .unwrap_or_default();
    out.sort_unstable();
    out.dedup();
    out
}

fn requirement_values(
    rules: &RuleSet,
    a: &DocumentAnalysis,
    req: &str,
    feature: &str,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(fid) = rules.extractor.feature_id(feature) else {
        return out;
    };
    for i in evidence(a, req) {
        let s = &a.disclosures.sentences[i];
        if !s.features.contains(&fid) {
            continue;
        }
        let mut vals = rules.extractor.sentence_values(&a.document, s, feature);
        if feature == "email" {
            vals.iter_mut().for_each(|v| *v = v.to_lowercase());
        }
        out.extend(
            vals.into_iter()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty()),
        );
    }
    out
}

fn canonical_values(
    rules: &RuleSet,
    a: &DocumentAnalysis,
    req: &str,
    kind: &str,
) -> BTreeSet<String> {
    evidence(a, req)
        .into_iter()
        .flat_map(|i| {
            rules
                .extractor
                .value_names(&a.disclosures.sentences[i], a.document.lang, kind)
        })
        .collect()
}

/// Legal bases per purpose. A paragraph or list item whose first sentence opens with a
/// basis (within its first 120 bytes: "Consent: we rely on consent for … marketing …",
/// "Op basis van uw toestemming …") links its purposes to that one basis, so a basis
/// mentioned in passing further on does not count; a table row links its purposes to
/// every basis in the row.
fn purpose_bases(rules: &RuleSet, a: &DocumentAnalysis) -> BTreeMap<String, BTreeSet<String>> {
    let sentences = &a.disclosures.sentences;
    let lang = a.document.lang;
    let Some(fid) = rules.extractor.feature_id("legal-basis-named") else {
        return BTreeMap::new();
    };
    let group = |i: usize| {
        let block = sentences[i].block;
        match a.document.blocks[block].cell {
            Some(c) => (true, c.table, c.row),
            None => (false, block, 0),
        }
    };
    // Per paragraph / list item / table row that names a basis: its purposes and bases.
    #[derive(Default)]
    struct Group {
        purposes: BTreeSet<String>,
        bases: BTreeSet<String>,
    }
    let mut groups: BTreeMap<(bool, usize, usize), Group> = BTreeMap::new();
    for (i, s) in sentences.iter().enumerate() {
        let key = group(i);
        let first_of_block = i == 0 || sentences[i - 1].block != s.block;
        if !s.features.contains(&fid) || !(key.0 || first_of_block) {
            continue;
        }
        let opens_with_basis = rules
            .extractor
            .value_matches(s, lang, "legal-basis")
            .iter()
            .any(|(_, at)| *at <= 120);
        if key.0 || opens_with_basis {
            groups.entry(key).or_default();
        }
    }
    for (i, s) in sentences.iter().enumerate() {
        let key = group(i);
        let Some(entry) = groups.get_mut(&key) else {
            continue;
        };
        entry
            .purposes
            .extend(rules.extractor.value_names(s, lang, "purpose"));
        if !s.features.contains(&fid) {
            continue;
        }
        let mut bases = rules.extractor.value_matches(s, lang, "legal-basis");
        if key.0 {
            entry.bases.extend(bases.into_iter().map(|(b, _)| b));
        } else if entry.bases.is_empty() {
            bases.sort_by_key(|(_, at)| *at);
            entry
                .bases
                .extend(bases.into_iter().map(|(b, _)| b).take(1));
        }
    }
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for group in groups.into_values() {
        if group.bases.is_empty() {
            continue;
        }
        for p in group.purposes {
            out.entry(p)
                .or_default()
                .extend(group.bases.iter().cloned());
        }
    }
    out
}

fn feature_label(feature: &str) -> &'static str {
    match feature {
        "named-recipient" => "recipient",
        "specific-recipient-category" => "recipient category",
        "authority-recipient" => "public authority as recipient",
        "catch-all-recipient" => "catch-all recipient category",
        "legal-entity" => "legal entity",
        "country" => "destination country",
        "transfer-mechanism" => "transfer mechanism",
        "email" => "email address",
        "phone" => "phone number",
        "authority" => "supervisory authority",
        "data-category" => "data category",
        "purpose" => "purpose",
        "legal-basis" => "legal basis",
        _ => "value",
    }
}

/// How a status reads in a plain sentence.
fn status_phrase(status: Status) -> &'static str {
    match status {
        Status::Met => "stated clearly",
        Status::Vague => "stated only vaguely",
        Status::ByReference => "given only by a link to another page",
        Status::Missing => "not stated",
        Status::NotApplicable => "not applicable",
        Status::Undetermined => "undetermined",
    }
}

fn joined(v: &BTreeSet<String>) -> String {
    v.iter().cloned().collect::<Vec<_>>().join(", ")
}

fn disclosure_changes(
    rules: &RuleSet,
    old: &DocumentAnalysis,
    new: &DocumentAnalysis,
) -> Vec<DisclosureChange> {
    let mut out = Vec::new();
    for req in &rules.catalogue.requirements {
        let (Some(o), Some(n)) = (old.requirement(&req.id), new.requirement(&req.id)) else {
            continue;
        };
        if o.status == n.status {
            continue;
        }
        let worse = n.status.badness() > o.status.badness();
        let title = req.title.en.to_lowercase();
        let is_right = req.id.starts_with("right-");
        let (kind, impact, message) =
            if n.status == Status::NotApplicable || o.status == Status::NotApplicable {
                let message = if n.status == Status::NotApplicable {
                    format!(
                        "{title} no longer applies (was {})",
                        status_phrase(o.status)
                    )
                } else {
                    format!("{title} now applies: {}", status_phrase(n.status))
                };
                let impact = if worse {
                    60 + n.status.badness() * 2
                } else {
                    40
                };
                ("status", impact, message)
            } else if is_right && o.status.is_present() && !n.status.is_present() {
                (
                    "right-removed",
                    100,
                    format!("the statement no longer mentions the {title}"),
                )
            } else if is_right && !o.status.is_present() && n.status.is_present() {
                (
                    "right-added",
                    30,
                    format!("the statement now mentions the {title}"),
                )
            } else if worse {
                (
                    "status",
                    60 + n.status.badness() * 2,
                    format!(
                        "{title}: was {}, now {}",
                        status_phrase(o.status),
                        status_phrase(n.status)
                    ),
                )
            } else {
                (
                    "status",
                    30,
                    format!(
                        "{title} improved: was {}, now {}",
                        status_phrase(o.status),
                        status_phrase(n.status)
                    ),
                )
            };
        out.push(DisclosureChange {
            impact,
            requirement: req.id.clone(),
            kind,
            old: Some(o.status.to_string()),
            new: Some(n.status.to_string()),
            detail: String::new(),
            message,
            worse,
        });
    }
    let mut push_values = |req: &str, feature: &str, a: BTreeSet<String>, b: BTreeSet<String>| {
        let label = feature_label(feature);
        for v in b.difference(&a) {
            let impact = match (req, feature) {
                ("recipients", _) => 90,
                ("transfers", "country") => 80,
                ("purposes", _) => 75,
                ("data-categories", _) => 70,
                _ => 50,
            };
            let message = match feature {
                "data-category" => format!("new data category collected: {v}"),
                "purpose" => format!("new purpose: {v}"),
                _ => format!("new {label}: {v}"),
            };
            out.push(DisclosureChange {
                impact,
                requirement: req.to_string(),
                kind: "value-added",
                old: None,
                new: Some(v.clone()),
                detail: feature.to_string(),
                message,
                worse: false,
            });
        }
        for v in a.difference(&b) {
            out.push(DisclosureChange {
                impact: if req == "dpo-contact" || req == "controller-contact" {
                    55
                } else {
                    25
                },
                requirement: req.to_string(),
                kind: "value-removed",
                old: Some(v.clone()),
                new: None,
                detail: feature.to_string(),
                message: format!("{label} no longer named: {v}"),
                worse: false,
            });
        }
    };
    for (req, features) in COMPARED {
        for feature in *features {
            push_values(
                req,
                feature,
                requirement_values(rules, old, req, feature),
                requirement_values(rules, new, req, feature),
            );
        }
    }
    for (req, kind) in CANONICAL {
        push_values(
            req,
            kind,
            canonical_values(rules, old, req, kind),
            canonical_values(rules, new, req, kind),
        );
    }
    let (a, b) = (purpose_bases(rules, old), purpose_bases(rules, new));
    for (purpose, before) in &a {
        let Some(after) = b.get(purpose) else {
            continue;
        };
        if before != after {
            let consent_lost = before.contains("consent") && !after.contains("consent");
            out.push(DisclosureChange {
                impact: if consent_lost { 80 } else { 60 },
                requirement: "purpose-basis-mapping".into(),
                kind: "basis-changed",
                old: Some(joined(before)),
                new: Some(joined(after)),
                detail: purpose.clone(),
                message: format!(
                    "legal basis for {purpose}: {} → {}",
                    joined(before),
                    joined(after)
                ),
                worse: false,
            });
        }
    }
    out.extend(retention_changes(rules, old, new));
    out
}

/// A retention sentence: its normalised text, periods, and the data categories it names.
struct RetentionSentence {
    text: String,
    periods: Vec<values::Duration>,
    categories: Vec<String>,
}

impl RetentionSentence {
    /// What the period is for: the data categories named, else the sentence's first words.
    fn subject(&self) -> String {
        if self.categories.is_empty() {
            let words: Vec<&str> = self.text.split_whitespace().collect();
            if words.len() <= 10 {
                format!("\"{}\"", words.join(" ").trim_end_matches(['.', ';', ':']))
            } else {
                format!("\"{}…\"", words[..10].join(" "))
            }
        } else {
            self.categories.join(", ")
        }
    }

    fn shown(&self) -> String {
        self.periods
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Retention sentences with their periods, for pairing across revisions.
fn retention_sentences(rules: &RuleSet, a: &DocumentAnalysis) -> Vec<RetentionSentence> {
    evidence(a, "retention")
        .into_iter()
        .filter_map(|i| {
            let s = &a.disclosures.sentences[i];
            let block = &a.document.blocks[s.block];
            if block.kind == BlockKind::Heading {
                return None;
            }
            let text = &block.text[s.range.0..s.range.1];
            let periods: Vec<values::Duration> = values::durations(text)
                .into_iter()
                .map(|(_, d)| d)
                .collect();
            (!periods.is_empty()).then(|| RetentionSentence {
                text: s.norm.clone(),
                periods,
                categories: rules
                    .extractor
                    .value_names(s, a.document.lang, "data-category"),
            })
        })
        .collect()
}

fn retention_changes(
    rules: &RuleSet,
    old: &DocumentAnalysis,
    new: &DocumentAnalysis,
) -> Vec<DisclosureChange> {
    let a = retention_sentences(rules, old);
    let b = retention_sentences(rules, new);
    let mut out = Vec::new();
    let mut used = vec![false; a.len()];
    // Identical sentences pair first (one map look-up each); only the rest are compared by
    // similarity, so an unchanged statement costs no quadratic pass.
    let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in a.iter().enumerate().rev() {
        by_text.entry(r.text.as_str()).or_default().push(i);
    }
    let mut pair_of_new: Vec<Option<usize>> = b
        .iter()
        .map(|r| {
            let i = by_text.get_mut(r.text.as_str())?.pop()?;
            used[i] = true;
            Some(i)
        })
        .collect();
    let words_a: Vec<align::Words> = a.iter().map(|r| align::Words::of(&r.text)).collect();
    for (j, r) in b.iter().enumerate() {
        if pair_of_new[j].is_some() {
            continue;
        }
        let w = align::Words::of(&r.text);
        let best = (0..a.len())
            .filter(|&i| !used[i])
            .map(|i| (words_a[i].similarity(&w), i))
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        if let Some((sim, i)) = best
            && sim >= 0.5
        {
            used[i] = true;
            pair_of_new[j] = Some(i);
        }
    }
    // Sentences left over on both sides that give the same periods were reworded, not
    // changed in what they disclose.
    for (j, r) in b.iter().enumerate() {
        if pair_of_new[j].is_none()
            && let Some(i) = (0..a.len()).find(|&i| !used[i] && a[i].periods == r.periods)
        {
            used[i] = true;
            pair_of_new[j] = Some(i);
        }
    }
    let days = |v: &[values::Duration]| v.iter().map(values::Duration::days).max().unwrap_or(0);
    for (j, after) in b.iter().enumerate() {
        match pair_of_new[j] {
            Some(i) => {
                let before = &a[i];
                if before.periods != after.periods {
                    let longer = days(&after.periods) > days(&before.periods);
                    out.push(DisclosureChange {
                        impact: if longer { 85 } else { 40 },
                        requirement: "retention".into(),
                        kind: "retention-changed",
                        old: Some(before.shown()),
                        new: Some(after.shown()),
                        detail: after.subject(),
                        message: format!(
                            "{} retention for {}: {} → {}",
                            if longer { "longer" } else { "changed" },
                            after.subject(),
                            before.shown(),
                            after.shown()
                        ),
                        worse: false,
                    });
                }
            }
            None => out.push(DisclosureChange {
                impact: 45,
                requirement: "retention".into(),
                kind: "value-added",
                old: None,
                new: Some(after.shown()),
                detail: after.subject(),
                message: format!(
                    "new retention period for {}: {}",
                    after.subject(),
                    after.shown()
                ),
                worse: false,
            }),
        }
    }
    for (i, before) in a.iter().enumerate() {
        if !used[i] {
            out.push(DisclosureChange {
                impact: 35,
                requirement: "retention".into(),
                kind: "value-removed",
                old: Some(before.shown()),
                new: None,
                detail: before.subject(),
                message: format!(
                    "retention period for {} no longer given: {}",
                    before.subject(),
                    before.shown()
                ),
                worse: false,
            });
        }
    }
    out
}

fn summarise(changes: &[DisclosureChange], substantive: bool, date_issue: Option<&str>) -> String {
    if !substantive && changes.is_empty() {
        return match date_issue {
            Some(issue) => format!("No substantive change; {issue}."),
            None => "No substantive change.".to_string(),
        };
    }
    let important: Vec<&str> = changes
        .iter()
        .filter(|c| c.impact >= 45)
        .take(6)
        .map(|c| c.message.as_str())
        .collect();
    let mut s = if important.is_empty() {
        "The text changed, but nothing that the checks track in what the statement discloses."
            .to_string()
    } else {
        let more = changes
            .iter()
            .filter(|c| c.impact >= 45)
            .count()
            .saturating_sub(important.len());
        let mut s = format!(
            "What matters most for the people whose data it is: {}",
            important.join("; ")
        );
        if more > 0 {
            s.push_str(&format!("; and {more} more"));
        }
        s.push('.');
        s
    };
    if let Some(issue) = date_issue {
        s.push_str(&format!(" Note: {issue}."));
    }
    s
}

/// Statuses keyed by requirement, for callers that only need the status table.
pub fn statuses(a: &DocumentAnalysis) -> BTreeMap<String, Status> {
    a.requirements
        .iter()
        .map(|r| (r.id.clone(), r.status))
        .collect()
}
