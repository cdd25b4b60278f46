//! The vocabulary of one language, loaded from `rules/lexicon/<lang>.yaml` and compiled
//! once: per-requirement heading and cue patterns, and named *features* (hedges, open
//! lists, catch-all recipients, countries, transfer mechanisms…) that rules refer to.
//!
//! All patterns are regular expressions matched against a normalised
//! sentence (lower case, straight quotes, folded white space), each compiled once per run;
//! a sentence pattern that several lists share (a YAML anchor) is also run once per
//! sentence (see [`SentenceSlots`]).

use super::TextHasher;
use super::patterns::{Candidates, Pattern, PatternList};
use crate::lang::Lang;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::{Mutex, OnceLock, PoisonError};

/// A lexicon file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    pub language: String,
    /// Named phrase classes that rules and conditions refer to.
    pub features: BTreeMap<String, Vec<PatternText>>,
    /// Per feature: other features that take it away from a sentence that has one of
    /// them ("we may notify you by email" is `notify-maybe`, which takes away the
    /// `notify-active` its channel would give: no promise is made). A feature that is
    /// itself taken away takes nothing ("we will email you, and may also notify you in the
    /// app": `notify-firm` takes away `notify-maybe`, so `notify-active` stays).
    #[serde(default)]
    pub feature_unless: BTreeMap<String, Vec<String>>,
    /// Phrases that serve only to take features away (named in `feature_unless` like
    /// features): they are no feature of a sentence, and are looked for only in a sentence
    /// that has a feature they would take away, so a phrase as common as "we" costs the
    /// other sentences nothing.
    #[serde(default)]
    pub unless_phrases: BTreeMap<String, Vec<PatternText>>,
    /// Per catalogue requirement: how a section heading or a sentence shows the topic.
    pub requirements: BTreeMap<String, RequirementVocab>,
    /// Phrases that classify the document as a whole.
    pub document: DocumentVocab,
    /// Canonical values per kind (`data-category`, `purpose`, `legal-basis`): canonical
    /// name → patterns. Names are shared across languages so revisions in different
    /// languages compare; the diff matches them on demand, never during extraction.
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, Vec<PatternText>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementVocab {
    /// A section whose heading matches is about this requirement.
    #[serde(default)]
    pub headings: Vec<PatternText>,
    /// Headings that match `headings` but are about something else (for recipients,
    /// "Third-party sites": links to other websites, not who receives data).
    #[serde(default)]
    pub heading_exclude: Vec<PatternText>,
    /// A sentence matching one of these addresses the requirement.
    #[serde(default)]
    pub cues: Vec<PatternText>,
    /// A sentence matching one of these addresses the requirement by saying it does not
    /// happen ("we do not transfer your data outside the EEA").
    #[serde(default)]
    pub negations: Vec<PatternText>,
    /// Cues that count only inside a section whose heading is about this requirement
    /// (too common on their own, e.g. "delete" for erasure).
    #[serde(default)]
    pub section_cues: Vec<PatternText>,
    /// Matches that look like a cue but are not (e.g. "rights reserved"): a sentence matching
    /// one has no cue of this requirement; a negation it also matches still counts.
    #[serde(default)]
    pub exclude: Vec<PatternText>,
    /// A table with a header cell matching one of these maps this requirement per row
    /// (e.g. a "Legal basis" column next to purposes).
    #[serde(default)]
    pub table_headers: Vec<PatternText>,
    /// A block (paragraph, list item, table cell) whose sentences address all of these
    /// requirements addresses this one too (a purpose and its legal basis in one list item
    /// link them).
    #[serde(default)]
    pub co_occurs: Vec<String>,
    /// Features of which one must be in such a block for the co-occurrence to count,
    /// unless a heading links the topics (a purpose and "comply with legal obligations" in
    /// one paragraph do not link a purpose to a basis; "is based on your consent" does).
    #[serde(default)]
    pub co_occurs_with: Vec<String>,
    /// Features that must all be in such a block, whatever the headings say (an objection
    /// that points back, "you can object to this", next to the direct marketing it is about).
    #[serde(default)]
    pub co_occurs_with_all: Vec<String>,
    /// Features (e.g. `rights-overview`) that, in a block whose other sentence points to
    /// another page (a reference with a link), make that pointer the disclosure of this
    /// requirement by reference ("you have several rights; you can find them on [the
    /// authority's site]").
    #[serde(default)]
    pub reference_with: Vec<String>,
    /// Requirements whose sections take this requirement's cues back: a cue right under a
    /// heading about one of them, in a section not about this requirement, does not count
    /// (for recipients, "These include background check providers" under "Information from
    /// other sources" says where data comes from, not who receives it). Denials still count.
    #[serde(default)]
    pub not_under: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentVocab {
    /// Titles and phrases that name a privacy statement.
    pub statement: Vec<PatternText>,
    /// Step-by-step instruction voice of help pages.
    pub instructions: Vec<PatternText>,
    /// News reporting voice.
    pub news: Vec<PatternText>,
    /// The controller speaking in the first person about processing.
    pub first_person: Vec<PatternText>,
}

/// A pattern as written in a lexicon file: its text as read from YAML, or, read from the
/// packed form of a bundled lexicon (`rules::packed`, where `build.rs` wrote each pattern
/// with its number among the bundled patterns), that number. A bundled pattern is then
/// neither copied nor looked up by its text at start-up (the lookup, a binary search over
/// the texts of the bundled patterns, cost some 0.8 million instructions a run).
#[derive(Clone, PartialEq, Eq)]
pub enum PatternText {
    Written(String),
    /// See [`Pattern::bundled_at`].
    Bundled(usize),
}

impl PatternText {
    pub fn as_str(&self) -> &str {
        match self {
            PatternText::Written(text) => text,
            PatternText::Bundled(n) => Pattern::bundled_text(*n),
        }
    }

    /// The number of the bundled pattern with this text, if there is one.
    pub fn bundled_number(&self) -> Option<usize> {
        match self {
            PatternText::Written(text) => Pattern::bundled_number(text),
            PatternText::Bundled(n) => Some(*n),
        }
    }
}

/// As its text, however it was read.
impl std::fmt::Debug for PatternText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// A string, as `String` reads it; the packed form gives the number of a bundled pattern
/// instead (see `rules::packed`).
impl<'de> Deserialize<'de> for PatternText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = PatternText;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_newtype_struct<D: serde::Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<PatternText, D::Error> {
                String::deserialize(d).map(PatternText::Written)
            }

            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<PatternText, E> {
                usize::try_from(n)
                    .ok()
                    .filter(|n| *n < Pattern::bundled_count())
                    .map(PatternText::Bundled)
                    .ok_or_else(|| E::custom(format!("no bundled pattern {n}")))
            }
        }
        d.deserialize_newtype_struct(crate::rules::packed::BUNDLED_PATTERN, Text)
    }
}

/// Which pattern list a compiled pattern came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Cue,
    Negation,
    SectionCue,
    Exclude,
}

/// What one pass of a lexicon's sentence patterns found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceScan {
    /// Indices into `feature_names`, ascending.
    pub features: Vec<usize>,
    /// Requirement cues (indices into `requirement_names`) with their kind.
    pub cues: Vec<(usize, CueKind)>,
    /// Statement title, instructions, news and first-person signals.
    pub signals: [bool; 4],
    /// The candidate feature patterns of the sentence, for
    /// [`Lexicon::feature_matches_among`].
    pub feature_candidates: Candidates,
}

/// A lexicon compiled for matching.
#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    pub feature_names: Vec<String>,
    /// The patterns every sentence is matched against, in one list so that one prefilter
    /// pass serves them all, each distinct pattern once: see [`SentenceSlots`].
    sentence_patterns: PatternList,
    /// Where each sentence pattern is used.
    slots: SentenceSlots,
    /// The slots of the features, the requirement cues and the four document signal lists.
    feature_patterns: Range<usize>,
    cue_patterns: Range<usize>,
    document_patterns: [Range<usize>; 4],
    /// Per feature slot, its feature.
    feature_of_pattern: Vec<usize>,
    /// The sentence patterns (in `sentence_patterns`) of the features: the first ones.
    distinct_feature_patterns: Range<usize>,
    /// (feature, feature that takes it away), from `feature_unless`.
    feature_unless: Vec<(usize, usize)>,
    /// (feature, unless phrase that takes it away), from `feature_unless`: the phrase's
    /// patterns are `unless_phrases.1`, each of the phrase `unless_phrases.2` names.
    phrase_unless: Vec<(usize, usize)>,
    /// The patterns of the unless phrases, run only on a sentence with a feature one of
    /// them takes away, and per pattern its phrase.
    unless_phrases: (PatternList, Vec<usize>),
    pub requirement_names: Vec<String>,
    /// Per requirement (index into `requirement_names`): the requirements whose joint
    /// presence in one block addresses it.
    pub co_occurs: Vec<Vec<String>>,
    /// Per requirement: its `co_occurs_with` features (indices into `feature_names`).
    pub co_occurs_with: Vec<Vec<usize>>,
    /// Per requirement: its `co_occurs_with_all` features (indices into `feature_names`).
    pub co_occurs_with_all: Vec<Vec<usize>>,
    /// Per requirement: the feature names of its `reference_with` list.
    pub reference_with: Vec<Vec<String>>,
    /// Per requirement: the requirement ids of its `not_under` list.
    pub not_under: Vec<Vec<String>>,
    headings: PatternList,
    /// Per heading pattern: its requirement, and whether it excludes the requirement.
    heading_owner: Vec<(usize, bool)>,
    cue_owner: Vec<(usize, CueKind)>,
    table_headers: PatternList,
    table_header_owner: Vec<usize>,
    /// Per value kind: canonical names (sorted), their patterns, and each pattern's name.
    values: BTreeMap<String, (Vec<String>, ListOnDemand, Vec<usize>)>,
}

/// Where the sentence patterns of a lexicon are used. The lists of a lexicon file (features,
/// then requirement cues, then document signals, in the order of the file) are numbered as
/// *slots*; the same pattern is often in several of them (a YAML anchor: a feature that is
/// also a cue, one exclusion shared by six requirements), and is compiled and run once. The
/// distinct patterns are numbered in order of their first slot, so the features' patterns
/// come first, and a list of distinct patterns in ascending order gives its first slots in
/// ascending order too.
#[derive(Debug, Default)]
struct SentenceSlots {
    /// Per slot, its distinct pattern.
    pattern_of_slot: Vec<u32>,
    /// Per distinct pattern, its first slot.
    first_slot: Vec<u32>,
    /// Per distinct pattern, the kinds of slot that use it ([`SentenceSlots::FEATURE`]…)
    /// and whether it has later slots ([`SentenceSlots::REPEATED`]).
    uses: Vec<u8>,
    /// The later slots of the patterns used more than once: (pattern, slot), ascending.
    repeats: Vec<(u32, u32)>,
}

impl SentenceSlots {
    const FEATURE: u8 = 1;
    const CUE: u8 = 2;
    const DOCUMENT: u8 = 4;
    const REPEATED: u8 = 8;

    /// The slots, ascending, of the distinct patterns `matching` (ascending).
    fn slots_of(&self, matching: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = (matching.iter())
            .map(|p| self.first_slot[*p] as usize)
            .collect();
        let mut repeated = false;
        for &p in matching {
            if self.uses[p] & Self::REPEATED != 0 {
                repeated = true;
                let from = self.repeats.partition_point(|(q, _)| (*q as usize) < p);
                (self.repeats[from..].iter())
                    .take_while(|(q, _)| *q as usize == p)
                    .for_each(|(_, slot)| out.push(*slot as usize));
            }
        }
        if repeated {
            out.sort_unstable();
        }
        out
    }

    /// Whether a distinct pattern is used by a slot of one of the kinds of `kinds`.
    fn used_as(&self, p: usize, kinds: u8) -> bool {
        self.uses[p] & kinds != 0
    }
}

/// Compiles the sentence patterns of a lexicon file a slot at a time (see
/// [`SentenceSlots`]): a pattern already seen is not compiled again.
struct SlotBuilder<'f> {
    patterns: Vec<Pattern>,
    slots: SentenceSlots,
    /// Per bundled pattern (by its number, see [`Pattern::bundled_number`]), its distinct
    /// pattern, or `u32::MAX` while unseen: a bundled pattern is found by its number, which
    /// start-up looks up anyway, without hashing its text.
    bundled_seen: Vec<u32>,
    /// The distinct patterns that are not bundled (a user's pack), by their text.
    own_seen: HashMap<&'f str, u32, BuildHasherDefault<TextHasher>>,
}

impl<'f> SlotBuilder<'f> {
    fn with_capacity(slots: usize) -> SlotBuilder<'f> {
        SlotBuilder {
            patterns: Vec::with_capacity(slots),
            slots: SentenceSlots {
                pattern_of_slot: Vec::with_capacity(slots),
                first_slot: Vec::with_capacity(slots),
                uses: Vec::with_capacity(slots),
                repeats: Vec::new(),
            },
            bundled_seen: vec![u32::MAX; Pattern::bundled_count()],
            own_seen: HashMap::default(),
        }
    }

    /// How many slots there are.
    fn len(&self) -> usize {
        self.slots.pattern_of_slot.len()
    }

    /// How many distinct patterns there are.
    fn distinct(&self) -> usize {
        self.patterns.len()
    }

    /// Adds the next slot, of `kind`, holding `pattern` (compiled if new).
    fn push(
        &mut self,
        kind: u8,
        pattern: &'f PatternText,
        compile: impl FnOnce(&PatternText) -> Result<Pattern, LexiconError>,
    ) -> Result<(), LexiconError> {
        let slot = self.len() as u32;
        let bundled = pattern.bundled_number();
        let seen = match bundled {
            Some(i) => Some(self.bundled_seen[i]).filter(|p| *p != u32::MAX),
            None => self.own_seen.get(pattern.as_str()).copied(),
        };
        let p = match seen {
            Some(p) => {
                self.slots.uses[p as usize] |= kind | SentenceSlots::REPEATED;
                self.slots.repeats.push((p, slot));
                p
            }
            None => {
                let p = self.patterns.len() as u32;
                match bundled {
                    Some(i) => {
                        self.patterns.push(Pattern::bundled_at(i));
                        self.bundled_seen[i] = p;
                    }
                    None => {
                        self.patterns.push(compile(pattern)?);
                        self.own_seen.insert(pattern.as_str(), p);
                    }
                }
                self.slots.first_slot.push(slot);
                self.slots.uses.push(kind);
                p
            }
        };
        self.slots.pattern_of_slot.push(p);
        Ok(())
    }

    fn finish(mut self) -> (Vec<Pattern>, SentenceSlots) {
        // stable: the slots of a pattern stay ascending
        self.slots.repeats.sort_by_key(|(p, _)| *p);
        (self.patterns, self.slots)
    }
}

/// A pattern list made on first use from patterns compiled (so checked) when the lexicon
/// was loaded: the canonical value patterns, which only `diff` asks. Making their lists
/// (their literal tables and filter sets) cost every run some 0.45 million instructions.
#[derive(Debug)]
struct ListOnDemand {
    /// The patterns until the list is made.
    patterns: Mutex<Vec<Pattern>>,
    list: OnceLock<PatternList>,
}

impl ListOnDemand {
    fn new(patterns: Vec<Pattern>) -> ListOnDemand {
        ListOnDemand {
            patterns: Mutex::new(patterns),
            list: OnceLock::new(),
        }
    }

    /// The list, made now if this is its first use.
    fn get(&self) -> &PatternList {
        self.list.get_or_init(|| {
            let mut patterns = self.patterns.lock().unwrap_or_else(PoisonError::into_inner);
            PatternList::new(std::mem::take(&mut *patterns))
        })
    }
}

/// Why a lexicon could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{path}: {section} `{name}`: pattern {pattern:?}: {message}")]
    Pattern {
        path: String,
        section: String,
        name: String,
        pattern: String,
        message: String,
    },
}

fn compile_one(
    path: &str,
    section: &str,
    name: &str,
    pattern: &PatternText,
) -> Result<Pattern, LexiconError> {
    // a bundled pattern was checked for both mistakes below, and compiled, when privlint was
    // built (reading each of the thousand or so of them again cost a tenth of start-up)
    if let Some(n) = pattern.bundled_number() {
        return Ok(Pattern::bundled_at(n));
    }
    let pattern = pattern.as_str();
    if let Some(letter) = super::literals::upper_case_letter(pattern) {
        return Err(LexiconError::Pattern {
            path: path.into(),
            section: section.into(),
            name: name.into(),
            pattern: pattern.into(),
            message: format!(
                "`{letter}` can never match: sentences are matched in lower case, so write `{}`",
                letter.to_lowercase()
            ),
        });
    }
    if let Some(reason) = super::literals::dead_boundary(pattern) {
        return Err(LexiconError::Pattern {
            path: path.into(),
            section: section.into(),
            name: name.into(),
            pattern: pattern.into(),
            message: reason,
        });
    }
    Pattern::new(pattern).map_err(|e| LexiconError::Pattern {
        path: path.into(),
        section: section.into(),
        name: name.into(),
        pattern: pattern.into(),
        message: e
            .to_string()
            .lines()
            .last()
            .unwrap_or_default()
            .trim()
            .to_string(),
    })
}

/// How many patterns each list of a lexicon file holds (see [`Lexicon::from_yaml`]).
struct PatternCounts {
    /// Features, cues (with negations, section cues and exclusions) and document signals:
    /// the sentence patterns.
    sentence: usize,
    features: usize,
    cues: usize,
    /// Headings and heading exclusions.
    headings: usize,
    table_headers: usize,
}

impl PatternCounts {
    fn of(file: &LexiconFile) -> PatternCounts {
        let vocabs = file.requirements.values();
        let sum =
            |count: fn(&RequirementVocab) -> usize| -> usize { vocabs.clone().map(count).sum() };
        let features: usize = file.features.values().map(Vec::len).sum();
        let cues =
            sum(|v| v.cues.len() + v.negations.len() + v.section_cues.len() + v.exclude.len());
        let doc = &file.document;
        let document =
            doc.statement.len() + doc.instructions.len() + doc.news.len() + doc.first_person.len();
        PatternCounts {
            sentence: features + cues + document,
            features,
            cues,
            headings: sum(|v| v.headings.len() + v.heading_exclude.len()),
            table_headers: sum(|v| v.table_headers.len()),
        }
    }
}

impl Lexicon {
    /// Parse and compile a lexicon file. Every pattern is compiled on its own first, so an
    /// error names the exact entry.
    pub fn from_yaml(path: &str, yaml: &str) -> Result<Lexicon, LexiconError> {
        let file: LexiconFile =
            crate::rules::yaml::from_rule_file(path, yaml).map_err(|message| {
                LexiconError::Parse {
                    path: path.into(),
                    message,
                }
            })?;
        let lang = Lang::from_code(&file.language).unwrap_or(Lang::Other);

        // Every list of patterns is made at its final size, and the sentence patterns in
        // one list from the start: patterns are large structs, and the lists grew a
        // pattern at a time (copied at each growth), the cues and document patterns then
        // copied once more into the sentence patterns. Patterns are still compiled in the
        // order of the file, so the first error found is the same.
        let sizes = PatternCounts::of(&file);
        let mut sentence_patterns = SlotBuilder::with_capacity(sizes.sentence);
        let mut feature_names = Vec::with_capacity(file.features.len());
        let mut feature_of_pattern = Vec::with_capacity(sizes.features);
        for (i, (name, patterns)) in file.features.iter().enumerate() {
            feature_names.push(name.clone());
            for p in patterns {
                sentence_patterns.push(SentenceSlots::FEATURE, p, |p| {
                    compile_one(path, "features", name, p)
                })?;
                feature_of_pattern.push(i);
            }
        }
        let feature_patterns = 0..sentence_patterns.len();
        let distinct_feature_patterns = 0..sentence_patterns.distinct();

        let mut phrase_patterns = Vec::new();
        let mut phrase_of_pattern = Vec::new();
        for (i, (name, patterns)) in file.unless_phrases.iter().enumerate() {
            if file.features.contains_key(name) {
                return Err(LexiconError::Parse {
                    path: path.into(),
                    message: format!("`{name}` is both a feature and an unless phrase"),
                });
            }
            for p in patterns {
                phrase_patterns.push(compile_one(path, "unless_phrases", name, p)?);
                phrase_of_pattern.push(i);
            }
        }
        let mut feature_unless = Vec::new();
        let mut phrase_unless = Vec::new();
        for (name, unless) in &file.feature_unless {
            let unknown = |n: &String| {
                !file.features.contains_key(n)
                    && (n == name || !file.unless_phrases.contains_key(n))
            };
            if let Some(other) = std::iter::once(name).chain(unless).find(|n| unknown(n)) {
                return Err(LexiconError::Parse {
                    path: path.into(),
                    message: format!("feature_unless names the unknown feature `{other}`"),
                });
            }
            let index = |n: &String| feature_names.iter().position(|f| f == n);
            let taken = index(name).unwrap_or(0);
            for u in unless {
                match index(u) {
                    Some(by) => feature_unless.push((taken, by)),
                    None => phrase_unless.extend(
                        (file.unless_phrases.keys().position(|p| p == u)).map(|by| (taken, by)),
                    ),
                }
            }
        }

        let mut requirement_names = Vec::new();
        let mut headings = Vec::with_capacity(sizes.headings);
        let mut heading_owner = Vec::with_capacity(sizes.headings);
        let cues_start = sentence_patterns.len();
        let mut cue_owner = Vec::with_capacity(sizes.cues);
        let mut table_headers = Vec::with_capacity(sizes.table_headers);
        let mut table_header_owner = Vec::with_capacity(sizes.table_headers);
        let mut co_occurs = Vec::new();
        let mut reference_with = Vec::new();
        let mut not_under = Vec::new();
        let mut co_occurs_with = Vec::new();
        let mut co_occurs_with_all = Vec::new();
        for (i, (name, vocab)) in file.requirements.iter().enumerate() {
            requirement_names.push(name.clone());
            co_occurs.push(vocab.co_occurs.clone());
            let named = (vocab.reference_with.iter().map(|f| ("reference_with", f)))
                .chain(vocab.co_occurs_with.iter().map(|f| ("co_occurs_with", f)))
                .chain((vocab.co_occurs_with_all.iter()).map(|f| ("co_occurs_with_all", f)));
            for (field, f) in named {
                if !file.features.contains_key(f) {
                    return Err(LexiconError::Parse {
                        path: path.into(),
                        message: format!(
                            "requirement `{name}`: {field} names the unknown feature `{f}`"
                        ),
                    });
                }
            }
            reference_with.push(vocab.reference_with.clone());
            if let Some(r) = (vocab.not_under.iter()).find(|r| !file.requirements.contains_key(*r))
            {
                return Err(LexiconError::Parse {
                    path: path.into(),
                    message: format!(
                        "requirement `{name}`: not_under names the unknown requirement `{r}`"
                    ),
                });
            }
            not_under.push(vocab.not_under.clone());
            let indices = |names: &[String]| -> Vec<usize> {
                (names.iter())
                    .filter_map(|f| feature_names.iter().position(|n| n == f))
                    .collect()
            };
            co_occurs_with.push(indices(&vocab.co_occurs_with));
            co_occurs_with_all.push(indices(&vocab.co_occurs_with_all));
            for (list, excludes) in [(&vocab.headings, false), (&vocab.heading_exclude, true)] {
                for p in list {
                    headings.push(compile_one(path, "requirements", name, p)?);
                    heading_owner.push((i, excludes));
                }
            }
            for p in &vocab.table_headers {
                table_headers.push(compile_one(path, "requirements", name, p)?);
                table_header_owner.push(i);
            }
            for (list, kind) in [
                (&vocab.cues, CueKind::Cue),
                (&vocab.negations, CueKind::Negation),
                (&vocab.section_cues, CueKind::SectionCue),
                (&vocab.exclude, CueKind::Exclude),
            ] {
                for p in list {
                    sentence_patterns.push(SentenceSlots::CUE, p, |p| {
                        compile_one(path, "requirements", name, p)
                    })?;
                    cue_owner.push((i, kind));
                }
            }
        }
        let cue_patterns = cues_start..sentence_patterns.len();
        let doc = &file.document;
        let mut document_patterns: [Range<usize>; 4] = Default::default();
        for (slot, (section, list)) in [
            ("statement", &doc.statement),
            ("instructions", &doc.instructions),
            ("news", &doc.news),
            ("first_person", &doc.first_person),
        ]
        .into_iter()
        .enumerate()
        {
            let start = sentence_patterns.len();
            for p in list {
                sentence_patterns.push(SentenceSlots::DOCUMENT, p, |p| {
                    compile_one(path, "document", section, p)
                })?;
            }
            document_patterns[slot] = start..sentence_patterns.len();
        }
        let mut values = BTreeMap::new();
        for (kind, names) in &file.values {
            let (mut list, mut owner) = (Vec::new(), Vec::new());
            for (i, (name, patterns)) in names.iter().enumerate() {
                for p in patterns {
                    list.push(compile_one(path, "values", &format!("{kind}: {name}"), p)?);
                    owner.push(i);
                }
            }
            let names = names.keys().cloned().collect();
            values.insert(kind.clone(), (names, ListOnDemand::new(list), owner));
        }
        let (sentence_patterns, slots) = sentence_patterns.finish();
        Ok(Lexicon {
            lang,
            feature_names,
            sentence_patterns: PatternList::new(sentence_patterns),
            slots,
            distinct_feature_patterns,
            feature_patterns,
            cue_patterns,
            document_patterns,
            feature_of_pattern,
            feature_unless,
            phrase_unless,
            unless_phrases: (PatternList::new(phrase_patterns), phrase_of_pattern),
            requirement_names,
            co_occurs,
            co_occurs_with,
            co_occurs_with_all,
            reference_with,
            not_under,
            headings: PatternList::new(headings),
            heading_owner,
            cue_owner,
            table_headers: PatternList::new(table_headers),
            table_header_owner,
            values,
        })
    }

    /// Indices (into `feature_names`) of the features a normalised sentence has.
    pub fn features(&self, sentence: &str) -> Vec<usize> {
        let matching = (self.sentence_patterns)
            .matching_where(sentence, |p| self.slots.used_as(p, SentenceSlots::FEATURE));
        self.features_of(sentence, &self.slots.slots_of(&matching))
    }

    /// Features (indices, ascending, no repeats) of matching sentence slots (ascending) of
    /// normalised `sentence`, less those another of them or an unless phrase in the
    /// sentence takes away (`feature_unless`).
    fn features_of(&self, sentence: &str, matching: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = (matching.iter())
            .filter(|p| self.feature_patterns.contains(p))
            .map(|p| self.feature_of_pattern[p - self.feature_patterns.start])
            .collect();
        out.dedup();
        if self.feature_unless.is_empty() && self.phrase_unless.is_empty() {
            return out;
        }
        let present = |f: &usize| out.binary_search(f).is_ok();
        // the features unless phrases take away: the phrases are looked for only when the
        // sentence has a feature one of them would take
        let mut by_phrase: Vec<usize> = Vec::new();
        if self.phrase_unless.iter().any(|(f, _)| present(f)) {
            let (list, phrase_of) = &self.unless_phrases;
            let phrases: Vec<usize> = (list.matching(sentence).into_iter())
                .map(|p| phrase_of[p])
                .collect();
            by_phrase = (self.phrase_unless.iter())
                .filter(|(f, by)| present(f) && phrases.contains(by))
                .map(|(f, _)| *f)
                .collect();
        }
        let taken_by = |kept: &dyn Fn(&usize) -> bool| -> Vec<usize> {
            (self.feature_unless.iter())
                .filter(|(f, by)| present(f) && present(by) && kept(by))
                .map(|(f, _)| *f)
                .chain(by_phrase.iter().copied())
                .collect()
        };
        // one level: a feature taken away itself takes nothing away (a phrase is never
        // taken away)
        let challenged = taken_by(&|_| true);
        let taken = taken_by(&|by| !challenged.contains(by));
        out.retain(|f| !taken.contains(f));
        out
    }

    /// Everything the sentence patterns tell of a normalised sentence, from one pass:
    /// [`Lexicon::features`], [`Lexicon::cues`] and [`Lexicon::document_signals`].
    /// Builds the prefilters that checking uses now (see [`PatternList::warm_up`]), the
    /// sentence patterns first: every statement needs them. (The canonical value patterns
    /// serve only `diff`, on demand.)
    pub fn warm_up(&self) {
        self.sentence_patterns.warm_up();
        self.headings.warm_up();
        self.table_headers.warm_up();
    }

    pub fn scan(&self, sentence: &str) -> SentenceScan {
        let (matching, feature_candidates) = (self.sentence_patterns)
            .matching_keeping(sentence, self.distinct_feature_patterns.clone());
        let matching = self.slots.slots_of(&matching);
        SentenceScan {
            features: self.features_of(sentence, &matching),
            cues: self.cues_of(&matching),
            signals: self.signals_of(&matching),
            feature_candidates,
        }
    }

    /// The texts matched by a feature in a normalised sentence (for typed values such as
    /// country names or mechanisms), without the spaces and punctuation a pattern takes
    /// around a name for context (", adjust," in a list: "adjust").
    pub fn feature_matches<'s>(&self, feature: usize, sentence: &'s str) -> Vec<&'s str> {
        let patterns = self.patterns_of_feature(feature);
        (self
            .sentence_patterns
            .find_in(sentence, patterns)
            .into_iter())
        .map(|(_, m)| without_context(&sentence[m]))
        .collect()
    }

    /// [`Self::feature_matches`] with the candidates the sentence's [`Self::scan`] kept
    /// ([`SentenceScan::feature_candidates`]): no second prefilter pass.
    pub fn feature_matches_among<'s>(
        &self,
        feature: usize,
        sentence: &'s str,
        candidates: &Candidates,
    ) -> Vec<&'s str> {
        let patterns = self.patterns_of_feature(feature);
        (self
            .sentence_patterns
            .find_among(sentence, candidates, patterns)
            .into_iter())
        .map(|(_, m)| without_context(&sentence[m]))
        .collect()
    }

    /// The sentence patterns of a feature, in the order of its slots (which are
    /// consecutive): only those that match (the prefilter and automata tell) are asked
    /// where.
    fn patterns_of_feature(&self, feature: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.feature_of_pattern.partition_point(|f| *f < feature);
        let end = self.feature_of_pattern.partition_point(|f| *f <= feature);
        let offset = self.feature_patterns.start;
        (self.slots.pattern_of_slot[offset + first..offset + end].iter()).map(|p| *p as usize)
    }

    pub fn feature_index(&self, name: &str) -> Option<usize> {
        self.feature_names.iter().position(|n| n == name)
    }

    /// Requirements (indices into `requirement_names`) whose heading patterns match, and
    /// none of their `heading_exclude` patterns.
    pub fn heading_topics(&self, heading: &str) -> Vec<usize> {
        let matching: Vec<(usize, bool)> = (self.headings.matching(heading).into_iter())
            .map(|p| self.heading_owner[p])
            .collect();
        let mut out: Vec<usize> = (matching.iter())
            .filter(|(r, excludes)| !excludes && !matching.contains(&(*r, true)))
            .map(|(r, _)| *r)
            .collect();
        out.dedup();
        out
    }

    /// Requirements whose table-header patterns match a header cell.
    pub fn table_topics(&self, header: &str) -> Vec<usize> {
        let mut out: Vec<usize> = (self.table_headers.matching(header).into_iter())
            .map(|p| self.table_header_owner[p])
            .collect();
        out.dedup();
        out
    }

    /// Requirement cue matches of a normalised sentence, with the kind of each.
    pub fn cues(&self, sentence: &str) -> Vec<(usize, CueKind)> {
        let matching = (self.sentence_patterns)
            .matching_where(sentence, |p| self.slots.used_as(p, SentenceSlots::CUE));
        self.cues_of(&self.slots.slots_of(&matching))
    }

    /// The cues of matching sentence slots (ascending).
    fn cues_of(&self, matching: &[usize]) -> Vec<(usize, CueKind)> {
        (matching.iter())
            .filter(|p| self.cue_patterns.contains(p))
            .map(|p| self.cue_owner[p - self.cue_patterns.start])
            .collect()
    }

    /// Canonical names of a value kind (`data-category`, `purpose`, `legal-basis`) that a
    /// normalised sentence names, with where each is first named; sorted by name.
    pub fn value_matches(&self, kind: &str, sentence: &str) -> Vec<(&str, usize)> {
        let Some((names, list, owner)) = self.values.get(kind) else {
            return Vec::new();
        };
        let list = list.get();
        let mut first: BTreeMap<usize, usize> = BTreeMap::new();
        for (p, start) in list.matching_starts(sentence) {
            let start = start.or_else(|| list.regex(p).find(sentence).map(|m| m.start()));
            if let Some(start) = start {
                let at = first.entry(owner[p]).or_insert(start);
                *at = (*at).min(start);
            }
        }
        first
            .into_iter()
            .map(|(name, at)| (names[name].as_str(), at))
            .collect()
    }

    /// The value of a kind that `text` names at its very start, with where that naming ends
    /// (the longest one when several do: "united states of america" over "united states").
    pub fn value_at_start(&self, kind: &str, text: &str) -> Option<(&str, usize)> {
        let (names, list, owner) = self.values.get(kind)?;
        let list = list.get();
        let mut best: Option<(usize, usize)> = None;
        for (p, start) in list.matching_starts(text) {
            if start.is_some_and(|s| s != 0) {
                continue;
            }
            if let Some(m) = list.regex(p).find(text)
                && m.start() == 0
                && best.is_none_or(|(end, _)| m.end() > end)
            {
                best = Some((m.end(), owner[p]));
            }
        }
        best.map(|(end, name)| (names[name].as_str(), end))
    }

    /// Counts of statement, instruction, news and first-person phrases in a text.
    pub fn document_signals(&self, text: &str) -> [bool; 4] {
        let matching = (self.sentence_patterns)
            .matching_where(text, |p| self.slots.used_as(p, SentenceSlots::DOCUMENT));
        self.signals_of(&self.slots.slots_of(&matching))
    }

    /// The document signals of matching sentence slots.
    fn signals_of(&self, matching: &[usize]) -> [bool; 4] {
        (self.document_patterns.clone()).map(|r| matching.iter().any(|p| r.contains(p)))
    }
}

/// A feature's match without the spaces and punctuation a pattern takes around a name for
/// context (" ups", "adjust,"): a parenthesis only when it has no partner inside ("6(1)(b)"
/// and "(usa)" keep theirs).
fn without_context(matched: &str) -> &str {
    let mut text = matched.trim_matches(|c: char| c.is_whitespace() || ",;:|/&[]".contains(c));
    let count = |t: &str, c: char| t.matches(c).count();
    if text.starts_with('(') && count(text, '(') > count(text, ')') {
        text = text[1..].trim_start();
    }
    // a label followed by its article in brackets ("contract (art. 6(1)(b))")
    if text.ends_with('(') && count(text, '(') > count(text, ')') {
        text = text[..text.len() - 1].trim_end();
    }
    if text.ends_with(')') && count(text, ')') > count(text, '(') {
        text = text[..text.len() - 1].trim_end();
    }
    text
}

/// Lower-case, straight quotes and dashes, folded white space: the form patterns see.
/// Byte offsets are not preserved; evidence is located by sentence, not inside it.
///
/// Each character is mapped on its own, white space to a space, and runs of spaces are
/// then folded into one, only in a text where two now stand together (a line break after
/// a space, a double space): the same as folding white space while mapping, as nothing
/// else maps to a space. ASCII is mapped 16 bytes at a time ([`normalise_block`]): the
/// whole of an ASCII text (most texts, see [`normalise_ascii`]), and in another text where 16
/// ASCII bytes follow; other bytes one at a time. (Byte by byte, an ASCII text cost some 15
/// instructions per byte, and a text with a curly quote some 30.)
pub fn normalise(text: &str) -> String {
    const BLOCK: usize = 16;
    if text.is_ascii() {
        return normalise_ascii(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    // whether the last byte pushed is a space, and whether two spaces stood together
    let (mut space, mut doubled) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        if let Some(block) = bytes.get(i..i + BLOCK)
            && block.is_ascii()
        {
            let mut block: [u8; BLOCK] = block.try_into().expect("a block of 16 bytes");
            let spaces = normalise_block(&mut block);
            doubled |= spaces & (spaces << 1 | u32::from(space)) != 0;
            space = spaces >> (BLOCK - 1) & 1 == 1;
            out.extend_from_slice(&block);
            i += BLOCK;
            continue;
        }
        let b = bytes[i];
        let white = if b.is_ascii() {
            i += 1;
            let normalised = ASCII_NORMALISED[usize::from(b)];
            out.push(normalised);
            normalised == b' '
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8().max(1);
            push_mapped(&mut out, c)
        };
        doubled |= white && space;
        space = white;
    }
    if doubled {
        fold_spaces(&mut out);
    }
    String::from_utf8(out).expect("characters pushed whole")
}

/// [`normalise`] of an ASCII text: a copy mapped in place 16 bytes at a time, the last
/// bytes as a block of their own.
fn normalise_ascii(text: &str) -> String {
    let mut out = text.as_bytes().to_vec();
    let (mut space, mut doubled) = (false, false);
    let mut blocks = out.chunks_exact_mut(16);
    for block in blocks.by_ref() {
        let spaces = normalise_block(block.try_into().expect("a block of 16 bytes"));
        doubled |= spaces & (spaces << 1 | u32::from(space)) != 0;
        space = spaces >> 15 & 1 == 1;
    }
    let rest = blocks.into_remainder();
    if !rest.is_empty() {
        // padded with letters, which stay letters
        let mut last = [b'x'; 16];
        last[..rest.len()].copy_from_slice(rest);
        let spaces = normalise_block(&mut last) & ((1 << rest.len()) - 1);
        doubled |= spaces & (spaces << 1 | u32::from(space)) != 0;
        rest.copy_from_slice(&last[..rest.len()]);
    }
    if doubled {
        fold_spaces(&mut out);
    }
    String::from_utf8(out).expect("an ASCII text stays ASCII")
}

/// Folds each run of spaces into one.
fn fold_spaces(out: &mut Vec<u8>) {
    let mut space = false;
    out.retain(|&b| {
        let white = b == b' ';
        let keep = !(white && space);
        space = white;
        keep
    });
}

/// Maps 16 ASCII bytes in place as [`ASCII_NORMALISED`] does, and gives one bit per byte
/// (the lowest for the first) set for those that are now spaces: vector comparisons and
/// masks, some twenty instructions for the 16 bytes.
#[cfg(target_arch = "x86_64")]
fn normalise_block(block: &mut [u8; 16]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_storeu_si128,
    };
    // SAFETY: SSE2, all these instructions need, is part of every x86-64 processor, and
    // the unaligned load and store read and write the 16 bytes of `block`
    unsafe {
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        // every byte is ASCII, below 0x80: signed comparisons order them as unsigned ones
        let between = |v: __m128i, low: u8, high: u8| {
            _mm_and_si128(
                _mm_cmpgt_epi8(v, splat(low - 1)),
                _mm_cmplt_epi8(v, splat(high + 1)),
            )
        };
        // `put` where `mask` is set, `v` elsewhere
        let select = |mask: __m128i, put: u8, v: __m128i| {
            _mm_or_si128(_mm_andnot_si128(mask, v), _mm_and_si128(mask, splat(put)))
        };
        let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        // upper-case letters lower-cased (their bit 0x20 set), then tab, line feed,
        // vertical tab, form feed and carriage return made spaces, the backquote a quote
        let v = _mm_or_si128(v, _mm_and_si128(between(v, b'A', b'Z'), splat(0x20)));
        let v = select(between(v, b'\t', b'\r'), b' ', v);
        let v = select(_mm_cmpeq_epi8(v, splat(b'`')), b'\'', v);
        _mm_storeu_si128(block.as_mut_ptr().cast::<__m128i>(), v);
        _mm_movemask_epi8(_mm_cmpeq_epi8(v, splat(b' '))) as u32 & 0xffff
    }
}

/// See the x86-64 version.
#[cfg(not(target_arch = "x86_64"))]
fn normalise_block(block: &mut [u8; 16]) -> u32 {
    let mut spaces = 0;
    for (i, b) in block.iter_mut().enumerate() {
        *b = ASCII_NORMALISED[usize::from(*b)];
        spaces |= u32::from(*b == b' ') << i;
    }
    spaces
}

/// Per ASCII byte, what [`normalise`] makes of it: the white space of
/// `char::is_whitespace` (tab, line feed, vertical tab, form feed, carriage return, space)
/// a space, the backquote a straight quote, a letter lower case.
const ASCII_NORMALISED: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => b' ',
            b'`' => b'\'',
            c => c.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// A character as [`normalise`] reads it: curly quotes and the acute accent straight, long
/// dashes short, the no-break space a space.
fn straightened(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' => '"',
        '–' | '—' | '‑' => '-',
        '\u{a0}' => ' ',
        c => c,
    }
}

/// Appends what [`normalise`] makes of one character before white space is folded: a space
/// for white space (then `true`), else the character straightened and lower-cased.
fn push_mapped(out: &mut Vec<u8>, c: char) -> bool {
    let c = straightened(c);
    if c.is_whitespace() {
        out.push(b' ');
        return true;
    }
    for lower in c.to_lowercase() {
        out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
    }
    false
}

/// Appends one character the way [`normalise`] treats it, folding white space as it goes
/// (`space`: the last character pushed was folded white space): the character at a time
/// form that the tests compare [`normalise`] with.
#[cfg(test)]
fn push_normalised(out: &mut Vec<u8>, space: &mut bool, c: char) {
    let c = straightened(c);
    if c.is_whitespace() {
        if !*space {
            out.push(b' ');
        }
        *space = true;
    } else {
        *space = false;
        for lower in c.to_lowercase() {
            out.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::literals::upper_case_letter;
    use super::{normalise, without_context};

    #[test]
    fn a_match_loses_the_punctuation_around_a_name_not_its_own() {
        assert_eq!(without_context(" ups"), "ups");
        assert_eq!(without_context("adjust, "), "adjust");
        assert_eq!(without_context("(ups"), "ups");
        assert_eq!(without_context("article 6 (1) a)"), "article 6 (1) a");
        assert_eq!(without_context("art. 6(1)(b)"), "art. 6(1)(b)");
        assert_eq!(without_context("(usa)"), "(usa)");
        assert_eq!(without_context("branch.io"), "branch.io");
        // a label before its article in brackets, or before a colon
        assert_eq!(without_context("contract ("), "contract");
        assert_eq!(without_context("contract:"), "contract");
    }

    /// `normalise` character by character, without its ASCII fast path.
    fn by_char(text: &str) -> String {
        let (mut out, mut space) = (Vec::new(), false);
        for c in text.chars() {
            super::push_normalised(&mut out, &mut space, c);
        }
        String::from_utf8(out).expect("characters pushed whole")
    }

    /// The names of the features of a sentence.
    fn feature_names(lex: &super::Lexicon, sentence: &str) -> Vec<String> {
        (lex.features(sentence).iter())
            .map(|f| lex.feature_names[*f].clone())
            .collect()
    }

    #[test]
    fn a_feature_is_taken_away_where_a_feature_of_its_unless_list_is_present() {
        let yaml = "language: en\nfeatures: {notify: ['\\bnotify you\\b'], hedged: ['\\bmay notify\\b'], firm: ['\\bwill email\\b'], channel: ['\\bby email\\b']}\nfeature_unless: {notify: [hedged], hedged: [firm]}\nrequirements: {}\ndocument: {statement: [], instructions: [], news: [], first_person: []}\n";
        let lex = super::Lexicon::from_yaml("test.yaml", yaml).expect("lexicon");
        let names = |s: &str| feature_names(&lex, s);
        assert_eq!(names("we will notify you by email"), ["channel", "notify"]);
        assert_eq!(names("we may notify you by email"), ["channel", "hedged"]);
        // a feature taken away takes nothing away
        assert_eq!(
            names("we will email you, and may notify you by email"),
            ["channel", "firm", "notify"]
        );
        // the one-pass scan agrees
        let scan = lex.scan("we may notify you by email").features;
        assert_eq!(scan, lex.features("we may notify you by email"));
    }

    #[test]
    fn an_unless_phrase_takes_a_feature_away_without_being_a_feature() {
        let yaml = "language: en\nfeatures: {others: ['^other shops\\b'], hedged: ['\\bmay\\b']}\nunless_phrases: {ours: ['\\bwe\\b']}\nfeature_unless: {others: [ours], hedged: [others]}\nrequirements: {}\ndocument: {statement: [], instructions: [], news: [], first_person: []}\n";
        let lex = super::Lexicon::from_yaml("test.yaml", yaml).expect("lexicon");
        let names = |s: &str| feature_names(&lex, s);
        assert_eq!(lex.feature_names, ["hedged", "others"]);
        assert_eq!(names("other shops may track you"), ["others"]);
        // a feature the phrase takes away takes nothing away itself
        assert_eq!(names("other shops we know may track you"), ["hedged"]);
        assert!(names("we may track you").contains(&"hedged".to_string()));
        let scan = lex.scan("other shops we know may track you").features;
        assert_eq!(scan, lex.features("other shops we know may track you"));

        let both = yaml.replace("hedged: ['", "ours: ['\\bus\\b'], hedged: ['");
        let err = super::Lexicon::from_yaml("test.yaml", &both).expect_err("a name used twice");
        assert!(
            err.to_string()
                .contains("both a feature and an unless phrase")
        );
        // an unless phrase takes features away; nothing takes a phrase away
        let taken = yaml.replace("hedged: [others]", "ours: [hedged]");
        let err = super::Lexicon::from_yaml("test.yaml", &taken).expect_err("a phrase taken");
        assert!(err.to_string().contains("unknown feature `ours`"));
    }

    #[test]
    fn a_pattern_in_several_lists_is_compiled_once_and_counts_in_each() {
        let yaml = "language: en\nfeatures: {share: [&s '\\bwe share\\b', '\\bthird parties\\b'], also: ['\\bpartners\\b', *s]}\nrequirements: {recipients: {cues: [*s, '\\bpartners\\b'], exclude: [*s]}, purposes: {cues: [*s]}}\ndocument: {statement: [], instructions: [], news: [], first_person: [*s]}\n";
        let lex = super::Lexicon::from_yaml("test.yaml", yaml).expect("lexicon");
        // three distinct patterns for nine slots
        assert_eq!(lex.sentence_patterns.len(), 3);
        let text = "we share your data with partners and third parties.";
        let scan = lex.scan(text);
        assert_eq!(scan.features, [0, 1]);
        assert_eq!(scan.features, lex.features(text));
        use super::CueKind::{Cue, Exclude};
        assert_eq!(scan.cues, [(0, Cue), (1, Cue), (1, Cue), (1, Exclude)]);
        assert_eq!(scan.cues, lex.cues(text));
        assert_eq!(scan.signals, [false, false, false, true]);
        assert_eq!(scan.signals, lex.document_signals(text));
        // a feature's matches in the order of its patterns
        let also = lex.feature_index("also").expect("feature");
        assert_eq!(lex.feature_matches(also, text), ["partners", "we share"]);
        assert_eq!(
            lex.feature_matches_among(also, text, &scan.feature_candidates),
            ["partners", "we share"]
        );
        let share = lex.feature_index("share").expect("feature");
        assert_eq!(
            lex.feature_matches(share, text),
            ["we share", "third parties"]
        );
        assert_eq!(lex.cues("third parties only"), []);
    }

    #[test]
    fn an_upper_case_letter_outside_escapes_is_found() {
        assert_eq!(upper_case_letter(r"\bapS\b"), Some('S'));
        assert_eq!(upper_case_letter(r"(?-u:\b)aps\B\p{Lu}\P{Ll}\S\W\D"), None);
        assert_eq!(upper_case_letter(r"(?-i:x)ÉÉN"), Some('É'));
        assert_eq!(upper_case_letter(r"(?i)ÉÉN"), None);
        assert_eq!(upper_case_letter(r"[a-z]{2}\d"), None);
    }

    #[test]
    fn the_ascii_fast_path_normalises_as_character_by_character() {
        for text in [
            "We keep INVOICES for 7 years.",
            "  Tabs\tand\r\nline\x0bfeeds\x0c  fold ",
            "`Quoted` ‘single’ “double” „low” it´s",
            "Wij bewaren uw gegevens – zeven jaar — daarna\u{a0}verwijderd; coöperatie, ÉÉN, ĲSSELMEER",
            "next\u{85}line, İstanbul, ΣΑΣ, ﬁle",
            "",
            // ASCII texts take the copy that drops bytes
            "`ASCII` Only\t\t`Quotes`  ",
            " \x0b\x0c",
            "A\r\n\r\nB` `C",
            "x",
        ] {
            assert_eq!(normalise(text), by_char(text), "{text:?}");
        }
        assert_eq!(normalise("Keep  IT\n\nshort"), "keep it short");
    }

    #[test]
    fn blocks_of_sixteen_bytes_normalise_as_character_by_character() {
        // every ASCII byte at every place of a block, beside text that is not ASCII
        for b in 0..128u8 {
            for at in 0..40 {
                let mut text = "Ab Cd\tEf`Gh Ij Kl Mn Op Qr St Uv Wx Yz 09 @[`{"
                    .repeat(2)
                    .into_bytes();
                text[at] = b;
                let text = String::from_utf8(text).expect("ASCII");
                assert_eq!(normalise(&text), by_char(&text), "{text:?}");
                let mixed = format!("Één {text} ’s Ü");
                assert_eq!(normalise(&mixed), by_char(&mixed), "{mixed:?}");
            }
        }
        // ASCII texts of every length, ending in white space or not
        for len in 0..48 {
            for pattern in ["Ab  C\n", "x Y `z\t "] {
                let text: String = pattern.chars().cycle().take(len).collect();
                assert_eq!(normalise(&text), by_char(&text), "{text:?}");
            }
        }
        // two spaces together at and across every boundary of a block
        for gap in ["  ", " \n", "\r\n ", "\t", "\u{a0} ", " \u{2003}"] {
            for at in 0..40 {
                for prefix in ["", "é"] {
                    let text = format!("{prefix}{}{gap}{}", "X".repeat(at), "Y".repeat(40 - at));
                    assert_eq!(normalise(&text), by_char(&text), "{text:?}");
                }
            }
        }
    }
}
