//! Rule packs: loading YAML rules (strict schema), validating them against the catalogue
//! and the lexicons, and evaluating them on a document's disclosures into requirement
//! statuses and findings.
//!
//! One rule per file, `rules/<pack>/<rule-name>.yaml`. A small fixed set of check kinds
//! lives in code ([`Kind`]); a new rule is YAML only.
//!
//! | kind | fires when | effect on the status |
//! |---|---|---|
//! | `requires` | the requirement applies and is not addressed | `missing` (or the rule's `otherwise` status when `applies_if` is false) |
//! | `vague` | the requirement is addressed but its evidence fails the rule's test | `vague` |
//! | `forbids` | a sentence in scope has a forbidden feature | `vague` when `degrades` is set |
//! | `occurrence` | a feature's density in the evidence is above a limit | none |
//! | `reference` | the requirement is addressed only through links to other pages | `by-reference` |

mod eval;
pub mod packed;
mod packed_format;
pub mod reference;
pub mod yaml;

pub use eval::{Evaluation, RIGHT_ONLY_DEFERRED, RequirementResult, evaluate};

use crate::catalogue::Catalogue;
use crate::extract::Extractor;
use crate::extract::lexicon::LexiconError;
use crate::finding::{Severity, Status};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

pub mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));
}

/// The check kinds implemented in code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Requires,
    Vague,
    Forbids,
    Occurrence,
    Reference,
}

pub use crate::catalogue::Condition;

/// The test of a `vague`, `forbids` or `occurrence` rule.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// vague: fires unless some evidence sentence has one of these features; forbids: does
    /// not fire when one has (what it forbids is then harmless).
    #[serde(default)]
    pub unless_any: Vec<String>,
    /// vague/forbids: fires if some evidence sentence has one of these features.
    #[serde(default)]
    pub if_any: Vec<String>,
    /// vague: fires if at least `share` of the cue sentences have one of `share_of`.
    #[serde(default)]
    pub share_of: Vec<String>,
    #[serde(default)]
    pub share: Option<f64>,
    /// vague: the sentences `share` is counted over — those in scope with one of these
    /// features (default: the requirement's cue sentences).
    #[serde(default)]
    pub share_among: Vec<String>,
    /// vague: a pointer to another page (a pointer's words with a link: "to access your
    /// information, visit [our data page]") counts as having one of `share_of` (for access,
    /// such a link is a portal).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub share_counts_pointers: bool,
    /// occurrence: matches per 100 words of evidence above which the rule fires.
    #[serde(default)]
    pub per_100_words: Option<f64>,
    /// Which sentences are looked at: `evidence` (cue, heading and section sentences of
    /// the requirement; the default), `cues` (only sentences using its vocabulary),
    /// `section` (sentences in a section about it, falling back to all evidence),
    /// `surrounding` (every sentence under the headings its cue sentences sit under), or
    /// `document` (every sentence).
    #[serde(default)]
    pub scope: Scope,
    /// forbids: whether firing makes the requirement `vague`.
    #[serde(default)]
    pub degrades: bool,
    /// vague: when the rule fires, its finding quotes the best evidence sentence with one of
    /// these features, and they rank the requirement's evidence (default: the features that
    /// decided it; a rule that fires for want of something has none).
    #[serde(default)]
    pub points_at: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    #[default]
    Evidence,
    Cues,
    /// Sentences in a section or table about the requirement (all evidence when there is none).
    Section,
    /// Every sentence of the document sections (the text under one heading) in which the
    /// requirement's own words occur: what the text around them says.
    Surrounding,
    Document,
}

/// Example sentences in each language: the test suite checks that the rule fires on
/// every `fires` example and stays silent on every `passes` example.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub fires: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub passes: BTreeMap<String, Vec<String>>,
}

/// One rule as written in YAML.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Named after the problem; equals the file stem.
    pub name: String,
    /// Stable short code, `PL` + three digits.
    pub code: String,
    /// Catalogue id the rule judges.
    pub requirement: String,
    pub kind: Kind,
    pub severity: Severity,
    pub summary: String,
    pub why: String,
    pub fix: String,
    /// Article reference, e.g. `GDPR Art. 13(2)(a)`.
    pub reference: String,
    pub languages: Vec<String>,
    /// requires: when the requirement applies; all listed condition parts must hold
    /// (each part: any of its entries).
    #[serde(default)]
    pub applies_if: Option<Condition>,
    /// requires: the status when `applies_if` is false.
    #[serde(default)]
    pub otherwise: Option<Status>,
    /// requires: why the requirement does not apply (shown as the reason).
    #[serde(default)]
    pub otherwise_reason: Option<String>,
    /// requires: the status when the rule fires (default `missing`). An unlinked legal
    /// basis, say, is there but too vague: `vague`.
    #[serde(default)]
    pub status: Option<Status>,
    /// requires: cite the evidence of this other requirement when the rule fires (the
    /// legal bases that are not linked to purposes).
    #[serde(default)]
    pub evidence_from: Option<String>,
    #[serde(default)]
    pub check: Check,
    pub examples: Examples,
    /// Where the rule came from (filled in by the loader).
    #[serde(skip_deserializing, default)]
    pub path: String,
}

/// Why rules could not be loaded. Every message names the file, and the rule and field
/// where that is known.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("{path}: rule {rule}: field {field}: {message}")]
    Field {
        path: String,
        rule: String,
        field: String,
        message: String,
    },
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

/// Everything a check needs: the catalogue, compiled lexicons and validated rules.
#[derive(Debug)]
pub struct RuleSet {
    pub catalogue: Catalogue,
    pub extractor: Extractor,
    pub rules: Vec<Rule>,
}

/// Raw rule-pack files: `(path, contents)`; the bundled ones are not copied.
type Files = Vec<(String, Cow<'static, str>)>;

fn read_dir_files(dir: &Path) -> Result<Files, RuleError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| RuleError::File {
            path: d.display().to_string(),
            message: format!("cannot read rule directory: {e}"),
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let text = std::fs::read_to_string(&p).map_err(|e| RuleError::File {
                    path: p.display().to_string(),
                    message: format!("cannot read: {e}"),
                })?;
                out.push((p.display().to_string(), Cow::Owned(text)));
            }
        }
    }
    out.sort();
    Ok(out)
}

impl RuleSet {
    /// The bundled packs plus every rule pack directory in `extra` (each may hold rules
    /// directly or in sub-directories; lexicon files in a `lexicon/` directory extend the
    /// vocabulary).
    pub fn load(extra: &[&Path]) -> Result<RuleSet, RuleError> {
        let mut files: Files = bundled::BUNDLED
            .iter()
            .map(|(p, t)| (p.to_string(), Cow::Borrowed(*t)))
            .collect();
        for dir in extra {
            files.extend(read_dir_files(dir)?);
        }
        RuleSet::from_files(files)
    }

    /// Every file of a rules root on disk (a directory laid out like the bundled `rules/`:
    /// `requirements.yaml`, `lexicon/`, packs), instead of the bundled copy. Lets rule
    /// authors try changes without rebuilding.
    pub fn load_root(root: &Path, extra: &[&Path]) -> Result<RuleSet, RuleError> {
        let mut files = read_dir_files(root)?;
        for dir in extra {
            files.extend(read_dir_files(dir)?);
        }
        RuleSet::from_files(files)
    }

    /// Build from in-memory files (paths decide the role: `…/requirements.yaml` is the
    /// catalogue, `…/lexicon/*.yaml` lexicons, any other `.yaml` a rule).
    pub fn from_files(files: Files) -> Result<RuleSet, RuleError> {
        let mut catalogues = Vec::new();
        let mut lexicons = Vec::new();
        let mut rule_files = Vec::new();
        for (path, text) in files {
            let p = path.replace('\\', "/");
            if p.ends_with("/requirements.yaml") || p == "requirements.yaml" {
                catalogues.push((path, text));
            } else if p.contains("/lexicon/") {
                lexicons.push((path, text));
            } else if p.ends_with("README.yaml") {
                continue;
            } else {
                rule_files.push((path, text));
            }
        }
        // the catalogue and the rules parse on a thread of their own while the lexicons
        // compile; errors are reported in the order of one step after the other: the
        // catalogue, the lexicons, the rules
        let parse = || {
            let mut catalogue = Ok(None);
            for (path, text) in &catalogues {
                catalogue = yaml::from_rule_file::<Catalogue>(path, text)
                    .map(Some)
                    .map_err(|message| RuleError::File {
                        path: path.clone(),
                        message,
                    });
                if catalogue.is_err() {
                    break;
                }
            }
            let rules = (rule_files.iter())
                .map(|(path, text)| {
                    let mut rule: Rule =
                        yaml::from_rule_file(path, text).map_err(|message| RuleError::File {
                            path: path.clone(),
                            message,
                        })?;
                    rule.path = path.clone();
                    Ok(rule)
                })
                .collect::<Result<Vec<Rule>, RuleError>>();
            (catalogue, rules)
        };
        let ((catalogue, rules), extractor) = std::thread::scope(|scope| {
            let parsing = std::thread::Builder::new().spawn_scoped(scope, parse).ok();
            let extractor = Extractor::new(&lexicons);
            let parsed = match parsing {
                Some(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                None => parse(),
            };
            (parsed, extractor)
        });
        let catalogue = catalogue?.ok_or_else(|| RuleError::File {
            path: "rules/requirements.yaml".into(),
            message: "no requirement catalogue found".into(),
        })?;
        let extractor = extractor?;
        let rules = rules?;
        let set = RuleSet {
            catalogue,
            extractor,
            rules,
        };
        set.validate()?;
        Ok(set)
    }

    fn validate(&self) -> Result<(), RuleError> {
        let mut codes: BTreeMap<&str, &str> = BTreeMap::new();
        let mut names: BTreeMap<&str, &str> = BTreeMap::new();
        let err = |rule: &Rule, field: &str, message: String| RuleError::Field {
            path: rule.path.clone(),
            rule: rule.name.clone(),
            field: field.into(),
            message,
        };
        let known_feature = |f: &str| self.extractor.feature_id(f).is_some();
        for rule in &self.rules {
            let stem = Path::new(&rule.path)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("");
            if rule.name != stem {
                return Err(err(
                    rule,
                    "name",
                    format!("must equal the file name `{stem}`"),
                ));
            }
            if !rule
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(err(
                    rule,
                    "name",
                    "use lower-case words joined by `-`".into(),
                ));
            }
            let code_ok = rule.code.len() == 5
                && rule.code.starts_with("PL")
                && rule.code[2..].chars().all(|c| c.is_ascii_digit());
            if !code_ok {
                return Err(err(
                    rule,
                    "code",
                    format!("`{}` is not of the form PL000", rule.code),
                ));
            }
            if let Some(other) = codes.insert(&rule.code, &rule.path) {
                return Err(err(
                    rule,
                    "code",
                    format!("`{}` is also used by {other}", rule.code),
                ));
            }
            if let Some(other) = names.insert(&rule.name, &rule.path) {
                return Err(err(rule, "name", format!("also defined in {other}")));
            }
            if self.catalogue.get(&rule.requirement).is_none() {
                return Err(err(
                    rule,
                    "requirement",
                    format!("`{}` is not a catalogue id", rule.requirement),
                ));
            }
            for (field, text) in [
                ("summary", &rule.summary),
                ("why", &rule.why),
                ("fix", &rule.fix),
                ("reference", &rule.reference),
            ] {
                if text.trim().is_empty() {
                    return Err(err(rule, field, "must not be empty".into()));
                }
            }
            if rule.languages.is_empty() {
                return Err(err(rule, "languages", "list at least one language".into()));
            }
            for l in &rule.languages {
                if !matches!(l.as_str(), "en" | "nl") {
                    return Err(err(rule, "languages", format!("`{l}` is not en or nl")));
                }
            }
            let c = &rule.check;
            for (field, list) in [
                ("check.unless_any", &c.unless_any),
                ("check.if_any", &c.if_any),
                ("check.share_of", &c.share_of),
                ("check.share_among", &c.share_among),
                ("check.points_at", &c.points_at),
            ] {
                for f in list {
                    if !known_feature(f) {
                        return Err(err(rule, field, format!("unknown feature `{f}`")));
                    }
                }
            }
            if let Some(other) = &rule.evidence_from
                && self.catalogue.get(other).is_none()
            {
                return Err(err(
                    rule,
                    "evidence_from",
                    format!("`{other}` is not a catalogue id"),
                ));
            }
            if (rule.status.is_some() || rule.evidence_from.is_some())
                && rule.kind != Kind::Requires
            {
                return Err(err(
                    rule,
                    "status",
                    "only a requires rule sets the status it gives".into(),
                ));
            }
            if let Some(cond) = &rule.applies_if {
                for f in cond.features() {
                    if !known_feature(f) {
                        return Err(err(rule, "applies_if", format!("unknown feature `{f}`")));
                    }
                }
                for r in cond.requirements() {
                    if self.catalogue.get(r).is_none() {
                        return Err(err(
                            rule,
                            "applies_if",
                            format!("`{r}` is not a catalogue id"),
                        ));
                    }
                }
            }
            match rule.kind {
                Kind::Vague => {
                    if c.unless_any.is_empty() && c.if_any.is_empty() && c.share_of.is_empty() {
                        return Err(err(
                            rule,
                            "check",
                            "a vague rule needs unless_any, if_any or share_of".into(),
                        ));
                    }
                    if !c.share_of.is_empty() && c.share.is_none_or(|s| !(0.0..=1.0).contains(&s)) {
                        return Err(err(
                            rule,
                            "check.share",
                            "give a share between 0 and 1".into(),
                        ));
                    }
                }
                Kind::Forbids if c.if_any.is_empty() => {
                    return Err(err(
                        rule,
                        "check.if_any",
                        "a forbids rule needs features".into(),
                    ));
                }
                Kind::Occurrence if c.per_100_words.is_none() || c.if_any.is_empty() => {
                    return Err(err(
                        rule,
                        "check",
                        "an occurrence rule needs if_any and per_100_words".into(),
                    ));
                }
                Kind::Requires if rule.applies_if.is_some() && rule.otherwise.is_none() => {
                    return Err(err(
                        rule,
                        "otherwise",
                        "say which status applies when applies_if is false".into(),
                    ));
                }
                _ => {}
            }
            for (which, map) in [
                ("fires", &rule.examples.fires),
                ("passes", &rule.examples.passes),
            ] {
                for l in &rule.languages {
                    if map.get(l).is_none_or(|v| v.is_empty()) {
                        return Err(err(
                            rule,
                            &format!("examples.{which}.{l}"),
                            "every claimed language needs at least one example".into(),
                        ));
                    }
                }
            }
        }
        for req in &self.catalogue.requirements {
            let conditions = [
                ("applies_if", &req.applies_if),
                ("undetermined_if", &req.undetermined_if),
            ];
            for (field, cond) in conditions {
                let Some(cond) = cond else { continue };
                for f in cond.features() {
                    if !known_feature(f) {
                        return Err(RuleError::Field {
                            path: "rules/requirements.yaml".into(),
                            rule: req.id.clone(),
                            field: field.into(),
                            message: format!("unknown feature `{f}`"),
                        });
                    }
                }
                for r in cond.requirements() {
                    if self.catalogue.get(r).is_none() {
                        return Err(RuleError::Field {
                            path: "rules/requirements.yaml".into(),
                            rule: req.id.clone(),
                            field: field.into(),
                            message: format!("`{r}` is not a catalogue id"),
                        });
                    }
                }
            }
            for v in &req.values {
                if !known_feature(v) {
                    return Err(RuleError::Field {
                        path: "rules/requirements.yaml".into(),
                        rule: req.id.clone(),
                        field: "values".into(),
                        message: format!("unknown feature `{v}`"),
                    });
                }
            }
        }
        Ok(())
    }

    pub fn rule(&self, name_or_code: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.name == name_or_code || r.code.eq_ignore_ascii_case(name_or_code))
    }

    /// Rules sorted by code.
    pub fn sorted(&self) -> Vec<&Rule> {
        let mut v: Vec<&Rule> = self.rules.iter().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }
}
