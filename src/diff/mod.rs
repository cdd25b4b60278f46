//! Comparing two revisions of a statement: a text diff aligned by section (moved sections
//! are moves, renamed headings are renames, changed words are marked inside paragraphs),
//! a disclosure diff from the two analyses (statuses, recipients, retention periods,
//! transfers, rights, contacts), a check that the Last Updated date moved when — and only
//! when — the text changed, and a plain-language summary ordered by impact.

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
    /// `status`, `value-added`, `value-removed`, `retention-changed`.
    pub kind: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
    /// What the value is (`country`, `named-recipient`, …) or the context of a period.
    pub detail: String,
    /// The change in one plain sentence.
    pub message: String,
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
    pub old_path: String,
    pub new_path: String,
    pub old_date: Option<String>,
    pub new_date: Option<String>,
    /// Whether anything changed in the text beyond formatting (and the options' noise).
    pub text_changed: bool,
    /// A problem with the Last Updated date, if any.
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
    let date_issue = match (&old_date, &new_date) {
        (o, n) if substantive && o == n => Some(match n {
            Some(d) => format!("the text changed but the Last Updated date stayed {d}"),
            None => "the text changed and neither revision shows a Last Updated date".to_string(),
        }),
        (Some(o), Some(n)) if !substantive && o != n => Some(format!(
            "the Last Updated date moved from {o} to {n} without a substantive change"
        )),
        _ => None,
    };
    let mut disclosures = disclosure_changes(rules, old, new);
    disclosures.sort_by(|a, b| b.impact.cmp(&a.impact).then_with(|| a.cmp(b)));
    let regression = disclosures
        .iter()
        .any(|d| d.kind == "status" && d.impact >= 60);
    let summary = summarise(&disclosures, substantive, date_issue.as_deref());
    Diff {
        old_path: old.path().to_string(),
        new_path: new.path().to_string(),
        old_date,
        new_date,
        text_changed: substantive,
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

/// Features whose values are compared per requirement.
const COMPARED: &[(&str, &[&str])] = &[
    (
        "recipients",
        &[
            "named-recipient",
            "specific-recipient-category",
            "catch-all-recipient",
            "legal-entity",
        ],
    ),
    ("transfers", &["country", "transfer-mechanism"]),
    ("transfer-safeguards", &["transfer-mechanism"]),
    ("legal-basis", &["legal-basis-named"]),
    ("controller-identity", &["legal-entity"]),
    ("controller-contact", &["email", "phone"]),
    ("dpo-contact", &["email"]),
    ("right-complaint", &["authority"]),
];

fn requirement_values(
    rules: &RuleSet,
    a: &DocumentAnalysis,
    req: &str,
    feature: &str,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(topic) = a.disclosures.topic(req) else {
        return out;
    };
    let Some(fid) = rules.extractor.feature_id(feature) else {
        return out;
    };
    for h in &topic.hits {
        let s = &a.disclosures.sentences[h.sentence];
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

fn feature_label(feature: &str) -> &'static str {
    match feature {
        "named-recipient" => "recipient",
        "specific-recipient-category" => "recipient category",
        "catch-all-recipient" => "catch-all recipient category",
        "legal-entity" => "legal entity",
        "country" => "destination country",
        "transfer-mechanism" => "transfer mechanism",
        "legal-basis-named" => "legal basis",
        "email" => "email address",
        "phone" => "phone number",
        "authority" => "supervisory authority",
        _ => "value",
    }
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
        if o.status != n.status {
            let worse = n.status.badness() > o.status.badness();
            let right_lost = req.id.starts_with("right-")
                && o.status.is_present()
                && n.status == Status::Missing;
            let impact = if right_lost {
                100
            } else if worse {
                60 + n.status.badness() * 2
            } else {
                30
            };
            let title = req.title.en.to_lowercase();
            let message = if right_lost {
                format!("the statement no longer mentions the {title}")
            } else if worse {
                format!("{title}: {} → {}", o.status, n.status)
            } else {
                format!("{title} improved: {} → {}", o.status, n.status)
            };
            out.push(DisclosureChange {
                impact,
                requirement: req.id.clone(),
                kind: "status",
                old: Some(o.status.to_string()),
                new: Some(n.status.to_string()),
                detail: String::new(),
                message,
            });
        }
    }
    for (req, features) in COMPARED {
        for feature in *features {
            let a = requirement_values(rules, old, req, feature);
            let b = requirement_values(rules, new, req, feature);
            let label = feature_label(feature);
            for v in b.difference(&a) {
                let impact = match *req {
                    "recipients" => 90,
                    "transfers" if *feature == "country" => 80,
                    _ => 50,
                };
                out.push(DisclosureChange {
                    impact,
                    requirement: req.to_string(),
                    kind: "value-added",
                    old: None,
                    new: Some(v.clone()),
                    detail: feature.to_string(),
                    message: format!("new {label}: {v}"),
                });
            }
            for v in a.difference(&b) {
                out.push(DisclosureChange {
                    impact: if *req == "dpo-contact" || *req == "controller-contact" {
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
                });
            }
        }
    }
    out.extend(retention_changes(old, new));
    out
}

/// Retention sentences with their periods, for pairing across revisions.
fn retention_sentences(a: &DocumentAnalysis) -> Vec<(String, Vec<values::Duration>)> {
    let Some(topic) = a.disclosures.topic("retention") else {
        return Vec::new();
    };
    let mut seen = BTreeSet::new();
    topic
        .hits
        .iter()
        .filter(|h| seen.insert(h.sentence))
        .filter_map(|h| {
            let s = &a.disclosures.sentences[h.sentence];
            let block = &a.document.blocks[s.block];
            if block.kind == BlockKind::Heading {
                return None;
            }
            let text = &block.text[s.range.0..s.range.1];
            let d: Vec<values::Duration> = values::durations(text)
                .into_iter()
                .map(|(_, d)| d)
                .collect();
            (!d.is_empty()).then(|| (s.norm.clone(), d))
        })
        .collect()
}

fn retention_changes(old: &DocumentAnalysis, new: &DocumentAnalysis) -> Vec<DisclosureChange> {
    let a = retention_sentences(old);
    let b = retention_sentences(new);
    let mut out = Vec::new();
    let mut used = vec![false; a.len()];
    // Identical sentences pair first (one map look-up each); only the rest are compared by
    // similarity, so an unchanged statement costs no quadratic pass.
    let mut by_text: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (t, _)) in a.iter().enumerate().rev() {
        by_text.entry(t.as_str()).or_default().push(i);
    }
    let mut pair_of_new: Vec<Option<usize>> = b
        .iter()
        .map(|(t, _)| {
            let i = by_text.get_mut(t.as_str())?.pop()?;
            used[i] = true;
            Some(i)
        })
        .collect();
    let words_a: Vec<align::Words> = a.iter().map(|(t, _)| align::Words::of(t)).collect();
    for (j, (text, _)) in b.iter().enumerate() {
        if pair_of_new[j].is_some() {
            continue;
        }
        let w = align::Words::of(text);
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
    for (j, (_, periods)) in b.iter().enumerate() {
        if pair_of_new[j].is_none()
            && let Some(i) = (0..a.len()).find(|&i| !used[i] && a[i].1 == *periods)
        {
            used[i] = true;
            pair_of_new[j] = Some(i);
        }
    }
    for (j, (text, periods)) in b.iter().enumerate() {
        let best = pair_of_new[j].map(|i| (1.0, i));
        let context: String = text
            .split_whitespace()
            .take(10)
            .collect::<Vec<_>>()
            .join(" ");
        match best {
            Some((sim, i)) if sim >= 0.5 => {
                used[i] = true;
                let before = &a[i].1;
                if before != periods {
                    let days = |v: &[values::Duration]| {
                        v.iter().map(values::Duration::days).max().unwrap_or(0)
                    };
                    let longer = days(periods) > days(before);
                    let show = |v: &[values::Duration]| {
                        v.iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    out.push(DisclosureChange {
                        impact: if longer { 85 } else { 40 },
                        requirement: "retention".into(),
                        kind: "retention-changed",
                        old: Some(show(before)),
                        new: Some(show(periods)),
                        detail: context.clone(),
                        message: format!(
                            "retention {}: {} → {} (\"{context}…\")",
                            if longer { "longer" } else { "changed" },
                            show(before),
                            show(periods)
                        ),
                    });
                }
            }
            _ => {
                let shown = periods
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(DisclosureChange {
                    impact: 45,
                    requirement: "retention".into(),
                    kind: "value-added",
                    old: None,
                    new: Some(shown.clone()),
                    detail: context.clone(),
                    message: format!("new retention period: {shown} (\"{context}…\")"),
                });
            }
        }
    }
    for (i, (text, periods)) in a.iter().enumerate() {
        if !used[i] {
            let shown = periods
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let context: String = text
                .split_whitespace()
                .take(10)
                .collect::<Vec<_>>()
                .join(" ");
            out.push(DisclosureChange {
                impact: 35,
                requirement: "retention".into(),
                kind: "value-removed",
                old: Some(shown.clone()),
                new: None,
                detail: context.clone(),
                message: format!("retention period no longer given: {shown} (\"{context}…\")"),
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
