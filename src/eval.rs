//! Measuring accuracy against hand labels (`labels.json`, format in ../shared/README.md):
//! per requirement precision, recall and F1 of "the statement addresses this item", micro
//! and macro averages, per language; agreement with `met`/`vague` quality judgements; and
//! how often the cited evidence lands on a labelled line.

use crate::analysis;
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
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read labels: {message}")]
    Labels { path: String, message: String },
    /// A labelled file that cannot be read: scoring without it would report figures for a
    /// different set of documents than the labels describe.
    #[error("cannot evaluate: {message}")]
    Document { path: String, message: String },
    #[error("{path}: invalid labels: {message}")]
    Invalid { path: String, message: String },
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
    validate(rules, &labels).map_err(|message| EvalError::Invalid {
        path: path.display().to_string(),
        message,
    })?;
    let mut report = EvalReport::default();
    let mut by_lang: BTreeMap<String, Scores> = BTreeMap::new();
    for (file, gold) in &labels.documents {
        let doc_path = dir.join(file);
        let doc = analysis::load(&doc_path).map_err(|e| EvalError::Document {
            path: doc_path.display().to_string(),
            message: e.to_string(),
        })?;
        let analysed = analysis::analyse(rules, doc, Vec::new());
        let a = &analysed[0];
        let lang = match a.lang() {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Other => "other",
        };
        let predict = |req: &str| {
            a.requirement(req).map(|r| {
                let lines = r
                    .evidence
                    .iter()
                    .filter(|e| e.path == a.path())
                    .map(|e| a.document.source.line_index.line(e.span.start))
                    .collect();
                (r.status, lines)
            })
        };
        let scores = by_lang.entry(lang.to_string()).or_default();
        score_document(
            &labels,
            file,
            gold,
            predict,
            scores,
            &mut report.disagreements,
        );
        score_document(
            &labels,
            file,
            gold,
            predict,
            &mut report.all,
            &mut Vec::new(),
        );
    }
    for s in by_lang.values_mut().chain(std::iter::once(&mut report.all)) {
        finish(s);
    }
    report.by_language = by_lang;
    Ok(report)
}

/// Labels that name a requirement the catalogue does not have, or a quality judgement other
/// than `met`/`vague`, would be scored as silently wrong: refuse them.
fn validate(rules: &RuleSet, labels: &Labels) -> Result<(), String> {
    let known: BTreeSet<&str> = rules
        .catalogue
        .requirements
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let listed: BTreeSet<&str> = labels.requirements.iter().map(String::as_str).collect();
    for id in &labels.requirements {
        if !known.contains(id.as_str()) {
            return Err(format!("requirement `{id}` is not in the catalogue"));
        }
    }
    let per_file = labels
        .documents
        .iter()
        .map(|(f, m)| (f, m.keys().collect::<Vec<_>>()))
        .chain(labels.quality.iter().map(|(f, m)| (f, m.keys().collect())))
        .chain(labels.unsure.iter().map(|(f, l)| (f, l.iter().collect())));
    for (file, ids) in per_file {
        if let Some(id) = ids.into_iter().find(|id| !listed.contains(id.as_str())) {
            return Err(format!(
                "{file}: requirement `{id}` is not in the `requirements` list"
            ));
        }
    }
    for (file, judged) in &labels.quality {
        if let Some((id, q)) = judged.iter().find(|(_, q)| *q != "met" && *q != "vague") {
            return Err(format!(
                "{file}: quality of `{id}` is `{q}`; expected `met` or `vague`"
            ));
        }
    }
    Ok(())
}

/// What privlint says about one requirement of one document: its status and the lines of
/// the evidence it cites in that document (`None`: the item was not judged at all).
type Prediction = Option<(Status, Vec<usize>)>;

/// Score one labelled document: `predict` gives privlint's verdict per requirement id.
fn score_document(
    labels: &Labels,
    file: &str,
    gold: &BTreeMap<String, Vec<usize>>,
    predict: impl Fn(&str) -> Prediction,
    scores: &mut Scores,
    disagreements: &mut Vec<Disagreement>,
) {
    scores.documents += 1;
    let unsure: BTreeSet<&String> = labels.unsure.get(file).into_iter().flatten().collect();
    for req in &labels.requirements {
        if unsure.contains(req) {
            continue;
        }
        let result = predict(req);
        let status = result.as_ref().map(|(s, _)| *s);
        let predicted = status.is_some_and(Status::is_present);
        let gold_lines = gold.get(req);
        let actual = gold_lines.is_some();
        let evidence_lines: Vec<usize> = result.map(|(_, l)| l).unwrap_or_default();
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
                privlint: status.map_or("absent".into(), |s| {
                    format!("{} ({})", s.as_str(), status_word(s))
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
            let ours = match status {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(json: &str) -> Labels {
        serde_json::from_str(json).expect("test labels parse")
    }

    #[test]
    fn precision_recall_and_f1_follow_their_definitions() {
        let c = Counts {
            tp: 3,
            fp: 1,
            fn_: 2,
            tn: 7,
        };
        assert_eq!(c.precision(), 0.75);
        assert_eq!(c.recall(), 0.6);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert_eq!(c.support(), 5);
        // Nothing predicted and nothing labelled: no error was made.
        let empty = Counts {
            tn: 4,
            ..Counts::default()
        };
        assert_eq!((empty.precision(), empty.recall()), (1.0, 1.0));
        // Only false positives: precision and F1 are zero.
        let wrong = Counts {
            fp: 2,
            ..Counts::default()
        };
        assert_eq!((wrong.precision(), wrong.f1()), (0.0, 0.0));
    }

    #[test]
    fn a_document_is_scored_per_requirement_with_evidence_and_quality() {
        let labels = labels(
            r#"{"requirements": ["retention", "recipients", "transfers", "right-access", "purposes"],
                "documents": {"a.md": {"retention": [10], "recipients": [20], "purposes": [5]}},
                "quality": {"a.md": {"retention": "vague", "recipients": "met"}},
                "unsure": {"a.md": ["purposes"]}}"#,
        );
        let predict = |req: &str| -> Prediction {
            match req {
                // present on a line 2 away from the label: evidence counts as on the label
                "retention" => Some((Status::Vague, vec![12])),
                // present, but the evidence is elsewhere
                "recipients" => Some((Status::ByReference, vec![40])),
                // predicted present, labelled absent: a false positive
                "transfers" => Some((Status::Met, vec![30])),
                // not-applicable is not "present"; labelled absent: a true negative
                "right-access" => Some((Status::NotApplicable, vec![])),
                // unsure in the labels: never scored, whatever we say
                "purposes" => Some((Status::Missing, vec![])),
                _ => None,
            }
        };
        let mut scores = Scores::default();
        let mut disagreements = Vec::new();
        score_document(
            &labels,
            "a.md",
            &labels.documents["a.md"],
            predict,
            &mut scores,
            &mut disagreements,
        );
        let counts = |r: &str| scores.per_requirement.get(r).copied();
        let (tp, fp, tn) = (
            Counts {
                tp: 1,
                ..Counts::default()
            },
            Counts {
                fp: 1,
                ..Counts::default()
            },
            Counts {
                tn: 1,
                ..Counts::default()
            },
        );
        for (requirement, expected) in [
            ("retention", tp),
            ("recipients", tp),
            ("transfers", fp),
            ("right-access", tn),
        ] {
            assert_eq!(counts(requirement), Some(expected), "{requirement}");
        }
        assert_eq!(counts("purposes"), None);
        assert_eq!((scores.evidence_on_label, scores.evidence_checked), (1, 2));
        // Quality: vague = vague agrees; by-reference counts as vague, against "met".
        assert_eq!((scores.quality_agree, scores.quality_total), (1, 2));
        let listed: Vec<(&str, &str, &str)> = disagreements
            .iter()
            .map(|d| {
                (
                    d.requirement.as_str(),
                    d.label.as_str(),
                    d.privlint.as_str(),
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                ("recipients", "met", "vague"),
                ("transfers", "absent", "met (present)"),
            ]
        );
    }

    #[test]
    fn macro_f1_averages_only_requirements_that_occur() {
        let mut s = Scores::default();
        s.per_requirement.insert(
            "a".into(),
            Counts {
                tp: 1,
                ..Counts::default()
            },
        );
        s.per_requirement.insert(
            "b".into(),
            Counts {
                fn_: 1,
                ..Counts::default()
            },
        );
        // labelled nowhere and never predicted: left out of the macro average
        s.per_requirement.insert(
            "c".into(),
            Counts {
                tn: 3,
                ..Counts::default()
            },
        );
        finish(&mut s);
        assert_eq!(s.macro_f1, 0.5);
        assert_eq!(
            s.micro,
            Counts {
                tp: 1,
                fn_: 1,
                tn: 3,
                fp: 0
            }
        );
        assert!((s.micro_f1 - 2.0 / 3.0).abs() < 1e-12);
    }
}
