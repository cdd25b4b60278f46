//! The requirement catalogue: the stable ids of the information GDPR Articles 12–14 require
//! (`rules/requirements.yaml`), with article, titles in English and Dutch, and which
//! typed values to show as evidence. The ids are the output contract.

use crate::finding::Status;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Titles or texts in the report languages.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub en: String,
    pub nl: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        if lang == Lang::Nl { &self.nl } else { &self.en }
    }
}

/// One catalogue item.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    /// GDPR article reference, e.g. `13(2)(a), 14(2)(a)`.
    pub article: String,
    pub title: Bilingual,
    /// When the item applies, in words (the rule's `applies_if` decides it).
    pub applies: String,
    /// Feature names whose matched texts are reported as typed values.
    #[serde(default)]
    pub values: Vec<String>,
    /// `core` (Art 13/14 items), `right`, or `best-practice`.
    pub group: String,
    /// When the item applies at all; when this is false and the item is not addressed,
    /// its status is `otherwise` (e.g. no consent basis → withdrawal not applicable).
    #[serde(default)]
    pub applies_if: Option<Condition>,
    #[serde(default)]
    pub otherwise: Option<Status>,
    #[serde(default)]
    pub otherwise_reason: Option<String>,
    /// When `applies_if` does not hold but this does, the text does not let one decide
    /// whether the item applies: its status is `undetermined` instead of `otherwise` (a
    /// statement that names no legal basis at all does not say that consent is not relied
    /// on).
    #[serde(default)]
    pub undetermined_if: Option<Condition>,
    #[serde(default)]
    pub undetermined_reason: Option<String>,
    /// What a statement that only denies the item means for it when `applies_if` does not
    /// hold: `not-applicable` where the denial says the condition is false ("all data we
    /// hold comes from you" for data-sources), `met` where it answers the question ("your
    /// data does not leave the EU" for transfers). When absent: `not-applicable` if
    /// `otherwise` is, `met` if not.
    #[serde(default)]
    pub denied: Option<Status>,
}

impl Requirement {
    /// The status a denial alone gives the item when its condition does not hold (see
    /// [`Requirement::denied`]).
    pub fn status_when_denied(&self) -> Status {
        self.denied.unwrap_or(match self.otherwise {
            Some(Status::NotApplicable) => Status::NotApplicable,
            _ => Status::Met,
        })
    }
}

/// A document-level condition. All listed parts must hold; within a part, any entry.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Some sentence of the document has one of these features…
    #[serde(default)]
    pub has: Vec<String>,
    /// …and none of these (a sentence that says the thing does not happen, "we never use
    /// your data for direct marketing", does not make the item apply).
    #[serde(default)]
    pub except: Vec<String>,
    /// One of these requirements is affirmed (addressed by a cue, not only by a negation).
    #[serde(default)]
    pub affirmed: Vec<String>,
    /// One of these requirements is addressed at all.
    #[serde(default)]
    pub addressed: Vec<String>,
    /// None of these requirements is addressed at all (not even denied).
    #[serde(default)]
    pub unaddressed: Vec<String>,
    /// None of these requirements is denied (addressed by a negation: "we do not transfer
    /// your data outside the EEA").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undenied: Vec<String>,
    /// None of these features occurs anywhere.
    #[serde(default)]
    pub lacks: Vec<String>,
    /// No evidence sentence of a requirement has one of these features (a feature that
    /// means something only where the statement says who it is: a German legal form names
    /// the controller's seat only in the sentence naming the controller, not in a list of
    /// processors).
    #[serde(default)]
    pub lacks_in: Option<LacksIn>,
    /// One of these conditions holds (the alternatives of an item that applies for more
    /// than one reason).
    #[serde(default)]
    pub either: Vec<Condition>,
    /// The document is written in one of these languages (a statement in Dutch addresses
    /// readers in the Netherlands and Belgium, inside the Union, whether or not it names
    /// the GDPR).
    #[serde(default)]
    pub language: Vec<Lang>,
}

/// See [`Condition::lacks_in`].
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LacksIn {
    /// The requirement whose evidence sentences are looked at.
    pub requirement: String,
    /// Features none of those sentences may have…
    pub features: Vec<String>,
    /// …unless the sentence also has one of these ("Swiss", "CH-6300").
    #[serde(default)]
    pub except: Vec<String>,
}

impl Condition {
    /// Every feature the condition names, in its alternatives too.
    pub fn features(&self) -> Vec<&String> {
        let scoped = self
            .lacks_in
            .iter()
            .flat_map(|l| l.features.iter().chain(&l.except));
        (self.has.iter())
            .chain(&self.except)
            .chain(&self.lacks)
            .chain(scoped)
            .chain(self.either.iter().flat_map(Condition::features))
            .collect()
    }

    /// Every requirement the condition names, in its alternatives too.
    pub fn requirements(&self) -> Vec<&String> {
        (self.affirmed.iter())
            .chain(&self.addressed)
            .chain(&self.unaddressed)
            .chain(&self.undenied)
            .chain(self.lacks_in.iter().map(|l| &l.requirement))
            .chain(self.either.iter().flat_map(Condition::requirements))
            .collect()
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub version: String,
    pub requirements: Vec<Requirement>,
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }
}
