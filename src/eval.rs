//! Measuring accuracy against hand labels (`labels.json`, format in ../shared/README.md):
//! per requirement precision, recall and F1 of "the statement addresses this item", micro
//! and macro averages, per language; agreement with `met`/`vague` quality judgements; and
//! how often the cited evidence lands on a labelled line.

use crate::analysis::{self, DocumentAnalysis};
use crate::finding::Status;
use crate::lang::Lang;
use crate::rules::RuleSet;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The labels file as published.
#[derive(Debug, Deserialize)]
pub struct Labels {
    pub requirements: Vec<String>,
    pub documents: BTreeMap<String, BTreeMap<String, Vec<usize>>>,
    #[serde(default)]
    pub quality: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    pub by_reference: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub unsure: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// Counts for one requirement (or a total).
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub tn: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// One disagreement between privlint and a label.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub file: String,
    pub requirement: String,
    /// `present`/`absent` for presence, `met`/`vague` for quality.
    pub label: String,
    pub privlint: String,
    pub label_lines: Vec<usize>,
    pub evidence_lines: Vec<usize>,
}

/// Scores for one group of documents (all, or one language).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub documents: usize,
    pub per_requirement: BTreeMap<String, Counts>,
    pub micro: Counts,
    pub macro_f1: f64,
    pub micro_f1: f64,
    pub quality_total: usize,
    pub quality_agree: usize,
    /// Items present in both label and output whose evidence cites a labelled line (±2).
    pub evidence_checked: usize,
    pub evidence_on_label: usize,
}

impl Scores {
    pub fn quality_agreement(&self) -> f64 {
        ratio(self.quality_agree, self.quality_total)
    }
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EvalReport {
    pub all: Scores,
    pub by_language: BTreeMap<String, Scores>,
    pub disagreements: Vec<Disagreement>,
    /// Files that are labelled but could not be read.
    pub unreadable: Vec<String>,
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read labels: {message}")]
    Labels { path: String, message: String },
}

fn status_word(s: Status) -> &'static str {
    if s.is_present() { "present" } else { "absent" }
}

/// Evaluate every labelled file of `dir` against `dir/labels.json`.
pub fn evaluate_dir(rules: &RuleSet, dir: &Path) -> Result<EvalReport, EvalError> {
    let path = dir.join("labels.json");
    let text = std::fs::read_to_string(&path).map_err(|e| EvalError::Labels {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let labels: Labels = serde_json::from_str(&text).map_err(|e| EvalError::Labels {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let mut report = EvalReport::default();
    let mut by_lang: BTreeMap<String, Scores> = BTreeMap::new();
    for (file, gold) in &labels.documents {
        let doc = match analysis::load(&dir.join(file)) {
            Ok(d) => d,
            Err(_) => {
                report.unreadable.push(file.clone());
                continue;
            }
        };
        let analysed = analysis::analyse(rules, doc, Vec::new());
        let a = &analysed[0];
        let lang = match a.lang() {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Other => "other",
        };
        let scores = by_lang.entry(lang.to_string()).or_default();
        score_document(&labels, file, gold, a, scores, &mut report.disagreements);
        score_document(&labels, file, gold, a, &mut report.all, &mut Vec::new());
    }
    for s in by_lang.values_mut().chain(std::iter::once(&mut report.all)) {
        finish(s);
    }
    report.by_language = by_lang;
    Ok(report)
}

fn score_document(
    labels: &Labels,
    file: &str,
    gold: &BTreeMap<String, Vec<usize>>,
    a: &DocumentAnalysis,
    scores: &mut Scores,
    disagreements: &mut Vec<Disagreement>,
) {
    scores.documents += 1;
    let unsure: BTreeSet<&String> = labels.unsure.get(file).into_iter().flatten().collect();
    for req in &labels.requirements {
        if unsure.contains(req) {
            continue;
        }
        let result = a.requirement(req);
        let predicted = result.is_some_and(|r| r.status.is_present());
        let gold_lines = gold.get(req);
        let actual = gold_lines.is_some();
        let evidence_lines: Vec<usize> = result
            .map(|r| {
                r.evidence
                    .iter()
                    .filter(|e| e.path == a.path())
                    .map(|e| a.document.source.line_index.line(e.span.start))
                    .collect()
            })
            .unwrap_or_default();
        let c = scores.per_requirement.entry(req.clone()).or_default();
        match (actual, predicted) {
            (true, true) => c.tp += 1,
            (false, true) => c.fp += 1,
            (true, false) => c.fn_ += 1,
            (false, false) => c.tn += 1,
        }
        if actual != predicted {
            disagreements.push(Disagreement {
                file: file.to_string(),
                requirement: req.clone(),
                label: if actual { "present" } else { "absent" }.into(),
                privlint: result.map_or("absent".into(), |r| {
                    format!("{} ({})", r.status.as_str(), status_word(r.status))
                }),
                label_lines: gold_lines.cloned().unwrap_or_default(),
                evidence_lines: evidence_lines.clone(),
            });
        }
        if actual && predicted && !gold_lines.is_some_and(|l| l.is_empty()) {
            scores.evidence_checked += 1;
            let lines = gold_lines.map(Vec::as_slice).unwrap_or(&[]);
            if evidence_lines
                .iter()
                .any(|e| lines.iter().any(|g| e.abs_diff(*g) <= 2))
            {
                scores.evidence_on_label += 1;
            }
        }
        if let Some(q) = labels.quality.get(file).and_then(|m| m.get(req)) {
            let ours = match result.map(|r| r.status) {
                Some(Status::Met) => "met",
                Some(Status::Vague | Status::ByReference) => "vague",
                _ => "absent",
            };
            scores.quality_total += 1;
            if ours == q {
                scores.quality_agree += 1;
            } else {
                disagreements.push(Disagreement {
                    file: file.to_string(),
                    requirement: req.clone(),
                    label: q.clone(),
                    privlint: ours.into(),
                    label_lines: gold_lines.cloned().unwrap_or_default(),
                    evidence_lines,
                });
            }
        }
    }
}

fn finish(s: &mut Scores) {
    let mut micro = Counts::default();
    let mut f1s = Vec::new();
    for c in s.per_requirement.values() {
        micro.add(*c);
        if c.support() > 0 || c.fp > 0 {
            f1s.push(c.f1());
        }
    }
    s.micro = micro;
    s.micro_f1 = micro.f1();
    s.macro_f1 = if f1s.is_empty() {
        0.0
    } else {
        f1s.iter().sum::<f64>() / f1s.len() as f64
    };
}
