//! Document → [`Disclosures`]: what the text discloses, per catalogue requirement, with
//! evidence sentences, the features each sentence shows (hedges, named countries, durations,
//! catch-all recipients…) and typed values. Makes no judgement: rules do that.
//!
//! Vocabulary lives in `rules/lexicon/<lang>.yaml` ([`lexicon`]); typed values that need
//! code (durations, dates, emails, entities) live in [`values`]. Each block is matched
//! with the lexicon of its own language, so a Dutch help page next to an English statement
//! is read with Dutch cues.

pub mod lexicon;
pub mod literals;
pub mod patterns;
pub mod sentences;
mod value_patterns;
pub mod values;

use crate::ingest::{Block, BlockKind, Document};
use crate::lang::Lang;
use crate::span::Span;
use lexicon::{CueKind, Lexicon, LexiconError};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasherDefault;

/// Longest paragraph read as a title line naming a party above its address block.
const TITLE_LINE_MAX_WORDS: usize = 5;

/// Longest lead-in (a paragraph ending in a colon before a list) read as a heading: longer
/// ones are sentences, where heading vocabulary ("complaint", "third parties") is too loose.
const LEAD_IN_MAX_WORDS: usize = 10;

/// Features computed in code rather than from lexicon patterns.
pub const BUILTIN_FEATURES: &[&str] = &[
    "duration",
    "date",
    "email",
    "url",
    "phone",
    "legal-entity",
    "link",
    "in-table",
    "regional-section",
    // a `named-recipient` that is not the controller's own name (see
    // `Extractor::mark_third_party_names`)
    "third-party-name",
    // a link to the text of the law or a model text of the Commission, and one to any other
    // page (see [`links_to_legal_text`]): a link to the model clauses is no copy of the
    // clauses the controller signed
    "link-to-law",
    "link-not-to-law",
    // a table row (one purpose) that lists two or more legal bases as bare labels, with
    // nothing to say which covers what (see `Extractor::mark_bases_without_rule`)
    "bases-without-rule",
    // a purpose, in a statement that gives the legal basis section by section or item by
    // item, whose own section or item gives none (see `Extractor::mark_unmapped_purposes`)
    "purpose-without-basis",
    // a link to one of the Commission's repealed model-clause decisions (see
    // [`links_to_repealed_clauses`])
    "link-to-repealed-clauses",
    // a sentence that only says what the privacy statement of each separate service will say,
    // and one of those whose deferral gives a link or web address (see
    // `Extractor::mark_deferral_scope`)
    "deferral-scope",
    "deferral-linked",
    // a sentence in a section whose heading (or a parent's) names a US state's privacy law
    // ("California Privacy Policy", "Your rights under the CCPA"): evidence for the GDPR
    // items is looked for elsewhere first
    "us-state-section",
    // a table's legend and the list it introduces (see `Extractor::mark_table_legends`)
    "table-legend-scope",
    // a sentence in a section about the rights in general ("Your statutory rights"), where
    // a right's own statement is looked for first
    "rights-section",
];

/// Hosts that publish the law and the Commission's model texts (EUR-Lex, the Commission,
/// the EDPB, the unofficial GDPR sites, the Dutch and UK statute books).
const LEGAL_TEXT_HOSTS: &[&str] = &[
    "eur-lex.europa.eu",
    "ec.europa.eu",
    "commission.europa.eu",
    "edpb.europa.eu",
    "curia.europa.eu",
    "gdpr-info.eu",
    "gdpr.eu",
    "wetten.overheid.nl",
    "legislation.gov.uk",
];

/// Whether a link points at the text of the law or a model text of the Commission (its
/// host is one of [`LEGAL_TEXT_HOSTS`] or a subdomain of one).
pub fn links_to_legal_text(href: &str) -> bool {
    let rest = href.split_once("://").map_or(href, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    LEGAL_TEXT_HOSTS
        .iter()
        .any(|h| (host.strip_suffix(h)).is_some_and(|sub| sub.is_empty() || sub.ends_with('.')))
}

/// The Commission decisions on standard contractual clauses that decision (EU) 2021/914
/// repealed (2001/497/EC, 2004/915/EC, 2010/87/EU), as they appear in EUR-Lex addresses:
/// their CELEX numbers and their numbers written with slashes.
const REPEALED_CLAUSE_DECISIONS: &[&str] = &[
    "32001d0497",
    "32004d0915",
    "32010d0087",
    "2001/497",
    "2004/915",
    "2010/87/",
];

/// Whether a link points at a repealed model-clause decision: a statement that links its
/// "standard contractual clauses" there relies on clauses that lapsed on 27 December 2022.
pub fn links_to_repealed_clauses(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    REPEALED_CLAUSE_DECISIONS.iter().any(|d| href.contains(d))
}

/// Text a thread must have to read before reading sentences on one more pays for starting
/// it (a thread costs tens of microseconds; a sentence is read at about 20 MB/s).
const PARALLEL_BYTES: usize = 16 * 1024;

/// A sentence to read: its block, the lexicon it is read with, and its byte range in the
/// block's text.
type SentenceUnit = (usize, usize, (usize, usize));

/// A set of indices below a bound (of sentences, or of blocks), one flag per index: the
/// passes over every sentence ask it once per sentence, a read instead of a tree search.
struct IndexMask(Vec<bool>);

impl IndexMask {
    /// The indices of `members` (each below `len`).
    fn of(len: usize, members: impl IntoIterator<Item = usize>) -> IndexMask {
        let mut mask = vec![false; len];
        for i in members {
            mask[i] = true;
        }
        IndexMask(mask)
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }
}

/// What one sentence says on its own (see [`Extractor::read_sentence`]).
#[derive(Clone)]
struct SentenceReading {
    norm: String,
    scan: lexicon::SentenceScan,
    duration: bool,
    date: bool,
    email: bool,
    url: bool,
    phone: bool,
    entity: bool,
}

/// The compiled vocabularies of all languages plus the registry of feature names.
#[derive(Debug)]
pub struct Extractor {
    lexicons: Vec<Lexicon>,
    /// All feature names: built-in first, then every lexicon feature, sorted, unique.
    pub features: Vec<String>,
    /// For each lexicon: its local feature index → global feature id.
    feature_map: Vec<Vec<u16>>,
    /// For each lexicon: its local requirement index → requirement id string.
    requirement_map: Vec<Vec<String>>,
}

/// How a sentence came to be evidence for a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Via {
    /// The sentence uses the requirement's vocabulary.
    Cue,
    /// The sentence says the thing does not happen.
    Negation,
    /// The sentence is the heading of a section about the requirement.
    Heading,
    /// The sentence sits in a section about the requirement.
    Section,
}

/// One sentence of the document with what it shows.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub block: usize,
    /// Byte range in the block's text.
    pub range: (usize, usize),
    /// Byte range in the source.
    pub span: Span,
    pub lang: Lang,
    /// Normalised text (lower case, straight quotes).
    pub norm: String,
    /// Global feature ids, sorted.
    pub features: Vec<u16>,
    /// The candidate feature patterns of `norm` in the sentence's lexicon, kept from its
    /// scan so that its feature values need no second prefilter pass.
    pub feature_candidates: patterns::Candidates,
}

impl Sentence {
    /// Gives the sentence a feature that a pass over the whole document found (keeping
    /// `features` sorted and without duplicates).
    fn add_feature(&mut self, feature: u16) {
        if let Err(at) = self.features.binary_search(&feature) {
            self.features.insert(at, feature);
        }
    }
}

/// Evidence for one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub sentence: usize,
    pub via: Via,
    /// The sentence sits in a section (or table) about the requirement.
    pub in_section: bool,
}

/// What the document says about one requirement.
#[derive(Debug, Clone, Default)]
pub struct Topic {
    pub hits: Vec<Hit>,
}

impl Topic {
    /// Whether anything in the text addresses the requirement directly (a cue, negation or
    /// heading; section membership alone does not count).
    pub fn addressed(&self) -> bool {
        self.hits.iter().any(|h| h.via != Via::Section)
    }
}

/// Document-level signals for classifying what kind of document this is.
#[derive(Debug, Clone, Copy, Default)]
pub struct KindSignals {
    /// Title or first headings name a privacy statement.
    pub statement_title: bool,
    /// Sentences in the instruction voice of a help page.
    pub instructions: usize,
    /// Sentences in news reporting voice.
    pub news: usize,
    /// Sentences with the controller speaking in the first person.
    pub first_person: usize,
    pub sentences: usize,
}

/// The order of day and month in the numeric dates of `doc`, which one of them may show
/// ("11-21-25" is month first): see [`values::date_order`].
pub fn date_order(doc: &Document) -> values::DateOrder {
    values::date_order(doc.blocks.iter().map(|b| b.text.as_str()))
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Disclosures {
    pub sentences: Vec<Sentence>,
    /// Per requirement id.
    pub topics: BTreeMap<String, Topic>,
    /// The Last Updated / effective date (ISO) and the sentence that carries it.
    pub last_updated: Option<(String, usize)>,
    pub signals: KindSignals,
}

impl Disclosures {
    pub fn topic(&self, requirement: &str) -> Option<&Topic> {
        self.topics.get(requirement)
    }
}

impl Extractor {
    /// Compile lexicons given as `(path, yaml)` pairs.
    pub fn new(
        files: &[(String, std::borrow::Cow<'static, str>)],
    ) -> Result<Extractor, LexiconError> {
        // each lexicon compiles on its own thread (the bundled English and Dutch ones take
        // about 1.4 and 0.8 ms)
        let lexicons = std::thread::scope(|scope| {
            let mut rest = files.iter().skip(1).map(|(path, yaml)| {
                let built = std::thread::Builder::new()
                    .spawn_scoped(scope, move || Lexicon::from_yaml(path, yaml));
                (path, yaml, built)
            });
            let others: Vec<_> = rest.by_ref().collect();
            let first = files
                .first()
                .map(|(path, yaml)| Lexicon::from_yaml(path, yaml));
            let others = others.into_iter().map(|(path, yaml, built)| match built {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                // no thread to be had: compile it here
                Err(_) => Lexicon::from_yaml(path, yaml),
            });
            first
                .into_iter()
                .chain(others)
                .collect::<Result<Vec<_>, _>>()
        })?;
        let mut names: BTreeSet<String> = BTreeSet::new();
        for lex in &lexicons {
            names.extend(lex.feature_names.iter().cloned());
        }
        for b in BUILTIN_FEATURES {
            names.remove(*b);
        }
        let mut features: Vec<String> = BUILTIN_FEATURES.iter().map(|s| s.to_string()).collect();
        features.extend(names);
        let feature_map = lexicons
            .iter()
            .map(|lex| {
                lex.feature_names
                    .iter()
                    .map(|n| features.iter().position(|f| f == n).unwrap_or(0) as u16)
                    .collect()
            })
            .collect();
        let requirement_map = lexicons
            .iter()
            .map(|lex| lex.requirement_names.clone())
            .collect();
        Ok(Extractor {
            lexicons,
            features,
            feature_map,
            requirement_map,
        })
    }

    pub fn feature_id(&self, name: &str) -> Option<u16> {
        self.features
            .iter()
            .position(|f| f == name)
            .map(|i| i as u16)
    }

    /// Requirement ids any lexicon has vocabulary for.
    pub fn requirement_ids(&self) -> BTreeSet<&str> {
        self.requirement_map
            .iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }

    pub fn languages(&self) -> Vec<Lang> {
        self.lexicons.iter().map(|l| l.lang).collect()
    }

    fn lexicon_index(&self, lang: Lang, fallback: Lang) -> Option<usize> {
        self.lexicons
            .iter()
            .position(|l| l.lang == lang)
            .or_else(|| self.lexicons.iter().position(|l| l.lang == fallback))
            .or_else(|| self.lexicons.iter().position(|l| l.lang == Lang::En))
            .or(if self.lexicons.is_empty() {
                None
            } else {
                Some(0)
            })
    }

    /// Whether a sentence matches an `exclude` pattern of a requirement in its lexicon: it
    /// only looks like it addresses the requirement ("tenzij er een wettelijke verplichting
    /// is" names no basis for the processing).
    pub fn excludes(&self, sentence: &Sentence, doc_lang: Lang, requirement: &str) -> bool {
        let Some(li) = self.lexicon_index(sentence.lang, doc_lang) else {
            return false;
        };
        (self.lexicons[li].scan(&sentence.norm).cues.iter()).any(|(r, kind)| {
            *kind == CueKind::Exclude && self.requirement_map[li][*r] == requirement
        })
    }

    /// Texts matched by a named feature in a sentence, with the sentence's own lexicon.
    pub fn feature_values(
        &self,
        sentence: &Sentence,
        doc_lang: Lang,
        feature: &str,
    ) -> Vec<String> {
        let Some(li) = self.lexicon_index(sentence.lang, doc_lang) else {
            return Vec::new();
        };
        let lex = &self.lexicons[li];
        match lex.feature_index(feature) {
            Some(f) => lex
                .feature_matches_among(f, &sentence.norm, &sentence.feature_candidates)
                .into_iter()
                .map(str::to_string)
                .collect(),
            None => Vec::new(),
        }
    }

    /// Canonical names of a value kind (`data-category`, `purpose`, `legal-basis`) that a
    /// sentence names, with the byte offset (in its normalised text) where each is first
    /// named, read with the sentence's own lexicon (see `values:` in the lexicon).
    pub fn value_matches(
        &self,
        sentence: &Sentence,
        doc_lang: Lang,
        kind: &str,
    ) -> Vec<(String, usize)> {
        let Some(li) = self.lexicon_index(sentence.lang, doc_lang) else {
            return Vec::new();
        };
        self.lexicons[li]
            .value_matches(kind, &sentence.norm)
            .into_iter()
            .map(|(name, at)| (name.to_string(), at))
            .collect()
    }

    /// Canonical names of a value kind in a text already normalised (a match of a
    /// feature), read with the lexicon of `lang`, in the order the text names them.
    fn value_names_in(&self, lang: Lang, doc_lang: Lang, kind: &str, norm: &str) -> Vec<String> {
        let Some(li) = self.lexicon_index(lang, doc_lang) else {
            return Vec::new();
        };
        let mut found = self.lexicons[li].value_matches(kind, norm);
        found.sort_by_key(|&(_, at)| at);
        found
            .into_iter()
            .map(|(name, _)| name.to_string())
            .collect()
    }

    /// The canonical names alone (see [`Extractor::value_matches`]).
    pub fn value_names(&self, sentence: &Sentence, doc_lang: Lang, kind: &str) -> Vec<String> {
        self.value_matches(sentence, doc_lang, kind)
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    }

    /// Where a sentence starts to speak of contacting the supervisory authority or gives its
    /// address (`authority-contact`, in its normalised text): a channel named from there on is
    /// the authority's, not the controller's.
    pub fn authority_contact_at(&self, doc: &Document, sentence: &Sentence) -> Option<usize> {
        let f = self.feature_id("authority-contact")?;
        if !sentence.features.contains(&f) {
            return None;
        }
        let li = self.lexicon_index(sentence.lang, doc.lang)?;
        let lexicon = &self.lexicons[li];
        let norm = sentence.norm.as_str();
        let found = lexicon.feature_matches_among(
            lexicon.feature_index("authority-contact")?,
            norm,
            &sentence.feature_candidates,
        );
        (found.iter())
            .map(|m| m.as_ptr() as usize - norm.as_ptr() as usize)
            .min()
    }

    /// The typed values of a feature in one sentence: durations, dates, emails, URLs,
    /// phones and legal entities by code, every other feature by its lexicon matches.
    pub fn sentence_values(
        &self,
        doc: &Document,
        sentence: &Sentence,
        feature: &str,
    ) -> Vec<String> {
        let text = &doc.blocks[sentence.block].text[sentence.range.0..sentence.range.1];
        let strings =
            |v: Vec<((usize, usize), &str)>| v.into_iter().map(|(_, s)| s.to_string()).collect();
        match feature {
            "duration" => values::durations(text)
                .into_iter()
                .map(|(_, d)| d.to_string())
                .collect(),
            "date" => values::dates_in_order(text, || date_order(doc))
                .into_iter()
                .map(|(_, d)| d)
                .collect(),
            "email" => {
                let mut found: Vec<String> = strings(values::emails(text));
                for (_, address) in values::spelled_emails(text) {
                    if !found.contains(&address) {
                        found.push(address);
                    }
                }
                // an address only in a link's target ("write to us <here>")
                let block = &doc.blocks[sentence.block];
                for link in link_emails(block, sentence.range) {
                    if !found.iter().any(|f| f.eq_ignore_ascii_case(&link)) {
                        found.push(link);
                    }
                }
                found
            }
            "url" => strings(values::urls(text)),
            "phone" => strings(values::phones(text)),
            "legal-entity" => strings(values::entities(text)),
            // a country by its usual name, not with the words the pattern needs around it
            // ("data processing location: taiwan", "including the united states", "eu-u.s")
            // a country by its usual name, and every country listed right after it ("to the
            // United States, Singapore and Nigeria", "for example the UK, the USA or India"):
            // the pattern needs words around the first one only
            "country" => {
                let mut names: Vec<String> = Vec::new();
                let mut add = |name: String| {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                };
                let lexicon =
                    (self.lexicon_index(sentence.lang, doc.lang)).map(|li| &self.lexicons[li]);
                let norm = sentence.norm.as_str();
                let found = match (lexicon, lexicon.and_then(|l| l.feature_index(feature))) {
                    (Some(l), Some(f)) => {
                        l.feature_matches_among(f, norm, &sentence.feature_candidates)
                    }
                    _ => Vec::new(),
                };
                for matched in found {
                    let named = self.value_names_in(sentence.lang, doc.lang, "country", matched);
                    if named.is_empty() {
                        add(matched.to_string());
                    }
                    for name in named {
                        add(name);
                    }
                    // "… and us": the pronoun, unless it ends an item of the list
                    let pronoun = |from: usize, end: usize| {
                        let after = norm[from + end..].trim_start();
                        end == 2
                            && norm[from..].starts_with("us")
                            && !after.is_empty()
                            && !after.starts_with([',', ';', '/', '&', ')', '.'])
                    };
                    // the match is a slice of `norm`: where it ends there
                    let mut at = matched.as_ptr() as usize - norm.as_ptr() as usize + matched.len();
                    while let Some(l) = lexicon
                        && let Some(gap) = values::list_separator(&norm[at..])
                        && let Some((name, end)) = l.value_at_start("country", &norm[at + gap..])
                        && !pronoun(at + gap, end)
                    {
                        add(name.to_string());
                        at += gap + end;
                    }
                }
                names
            }
            _ => self.feature_values(sentence, doc.lang, feature),
        }
    }

    /// Compiles now what checking any statement needs first: the value patterns and each
    /// lexicon's prefilter automata. Checking does this on demand anyway; a thread that
    /// calls this while the first statement is being read saves that statement the wait.
    pub fn warm_up(&self) {
        values::warm_up();
        for lexicon in &self.lexicons {
            lexicon.warm_up();
        }
    }

    /// Extract the disclosures of a document.
    pub fn extract(&self, doc: &Document) -> Disclosures {
        self.extract_with(doc, 1)
    }

    /// What each sentence of a block says on its own: its normalised text, what the
    /// lexicon finds in it and which typed values it holds. Independent per sentence, so
    /// [`Self::extract_with`] can do it on several threads.
    fn read_sentence(&self, li: usize, text: &str) -> SentenceReading {
        let norm = lexicon::normalise(text);
        let scan = self.lexicons[li].scan(&norm);
        // the bytes the cheapest value tests look for, found in one pass
        let bytes = values::ValueBytes::of(text);
        SentenceReading {
            norm,
            scan,
            duration: values::has_durations(text),
            date: bytes.digit() && !values::dates(text).is_empty(),
            email: (bytes.at() && !values::emails(text).is_empty())
                || (bytes.opening() && !values::spelled_emails(text).is_empty()),
            url: bytes.colon() && !values::urls(text).is_empty(),
            phone: bytes.digit() && !values::phones(text).is_empty(),
            entity: values::has_entity(text),
        }
    }

    /// [`Self::extract`], reading the sentences of a long document on up to `threads`
    /// threads (a run that checks one statement has its cores free; the result is the
    /// same whatever the number).
    pub fn extract_with(&self, doc: &Document, threads: usize) -> Disclosures {
        // the sentences of each block, and the lexicon it is read with
        let units: Vec<SentenceUnit> = (doc.blocks.iter().enumerate())
            .filter_map(|(bi, block)| {
                let li = self.lexicon_index(block.lang, doc.lang)?;
                if block.is_in_page_navigation() {
                    return None;
                }
                let ranges = if block.kind == BlockKind::Heading {
                    vec![(0, block.text.len())]
                } else {
                    sentences::split(&block.text)
                };
                Some(ranges.into_iter().map(move |r| (bi, li, r)))
            })
            .flatten()
            .collect();
        let read = |units: &[SentenceUnit]| -> Vec<SentenceReading> {
            (units.iter())
                .map(|(bi, li, (s, e))| self.read_sentence(*li, &doc.blocks[*bi].text[*s..*e]))
                .collect()
        };
        // a sentence the document repeats ("Yes" or "Legitimate interests" in the rows of a
        // table, a "Learn more" after each section) is read once: its reading depends only on
        // its text and lexicon
        let (distinct, reading_of) = distinct_units(doc, &units);
        let bytes: usize = distinct.iter().map(|(_, _, (s, e))| e - s).sum();
        let threads = threads.clamp(1, 1 + bytes / PARALLEL_BYTES);
        let readings: Vec<SentenceReading> = if threads == 1 {
            read(&distinct)
        } else {
            // contiguous shares of about equal text, the first read on this thread
            let mut cuts = vec![0];
            let mut sum = 0;
            for (i, (_, _, (s, e))) in distinct.iter().enumerate() {
                sum += e - s;
                if sum * threads >= bytes * cuts.len() && cuts.len() < threads {
                    cuts.push(i + 1);
                }
            }
            cuts.push(distinct.len());
            let shares: Vec<&[SentenceUnit]> =
                cuts.windows(2).map(|w| &distinct[w[0]..w[1]]).collect();
            std::thread::scope(|scope| {
                let others: Vec<_> = (shares[1..].iter())
                    .map(|share| {
                        let handle = std::thread::Builder::new()
                            .spawn_scoped(scope, || read(share))
                            .ok();
                        (share, handle)
                    })
                    .collect();
                let mut readings = read(shares[0]);
                for (share, handle) in others {
                    readings.extend(match handle {
                        Some(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                        None => read(share),
                    });
                }
                readings
            })
        };
        let readings = each_unit_reading(readings, &reading_of);
        // A sentence that names who is responsible and ends in a colon ("The data controller
        // is:") introduces the block that follows, which often is only a name and address.
        let introduced_topics = self.introduced_topics(doc, &units, &readings);
        // the reading of a heading, whose whole text is its one sentence
        let heading_reading = |h: usize| -> Option<&SentenceReading> {
            let u = units.partition_point(|(unit_block, _, _)| *unit_block < h);
            let whole = (0, doc.blocks[h].text.len());
            (units
                .get(u)
                .is_some_and(|(b, _, range)| *b == h && *range == whole))
            .then(|| &readings[u])
        };

        let mut out = Disclosures::default();
        // the order of day and month in the document's numeric dates, for a date that does
        // not show it itself ("Last updated 06-03-25")
        let doc_date_order = std::cell::LazyCell::new(|| date_order(doc));
        let builtin = |name: &str| self.feature_id(name).unwrap_or(0);
        let (f_table, f_regional) = (builtin("in-table"), builtin("regional-section"));
        let (f_us_state, f_rights_section) =
            (builtin("us-state-section"), builtin("rights-section"));
        let f_reference = self.feature_id("reference");
        let f_scoped_denial = self.feature_id("scoped-denial");
        let (f_duration, f_date, f_email, f_url, f_phone, f_entity, f_link) = (
            builtin("duration"),
            builtin("date"),
            builtin("email"),
            builtin("url"),
            builtin("phone"),
            builtin("legal-entity"),
            builtin("link"),
        );
        let (f_link_to_law, f_link_not_to_law, f_link_to_repealed) = (
            builtin("link-to-law"),
            builtin("link-not-to-law"),
            builtin("link-to-repealed-clauses"),
        );
        // each lexicon's feature for a supervisory authority's name
        let authority_feature: Vec<Option<usize>> = (self.lexicons.iter())
            .map(|lex| lex.feature_index("authority"))
            .collect();

        // The statement's title ("Privacy notice for websites, communications and cookies"):
        // its first heading, when that names a statement. It says what the whole document
        // covers: the topics it names are no section's, and it is no cue of them.
        let title_heading = doc.sections.iter().find_map(|s| s.heading).filter(|&h| {
            let block = &doc.blocks[h];
            self.lexicon_index(block.lang, doc.lang).is_some_and(|li| {
                heading_reading(h).map_or_else(
                    || self.lexicons[li].document_signals(&lexicon::normalise(&block.text)),
                    |reading| reading.scan.signals,
                )[0]
            })
        });

        // Topics of each section from its own heading, inherited by subsections whose
        // heading names no topic of its own.
        let mut section_topics: Vec<Vec<String>> = Vec::with_capacity(doc.sections.len());
        let mut section_regional: Vec<bool> = Vec::with_capacity(doc.sections.len());
        let mut section_us_state: Vec<bool> = Vec::with_capacity(doc.sections.len());
        // ... and from its own heading only
        let mut section_own_topics: Vec<Vec<String>> = Vec::with_capacity(doc.sections.len());
        for (i, section) in doc.sections.iter().enumerate() {
            let mut topics = Vec::new();
            let mut regional = section.parent.is_some_and(|p| p < i && section_regional[p]);
            let mut us_state = section.parent.is_some_and(|p| p < i && section_us_state[p]);
            if let Some(h) = section.heading {
                let block = &doc.blocks[h];
                if let Some(li) = self.lexicon_index(block.lang, doc.lang) {
                    let lex = &self.lexicons[li];
                    let norm = lexicon::normalise(&block.text);
                    let title = Some(h) == title_heading;
                    for r in lex.heading_topics(&norm).into_iter().filter(|_| !title) {
                        topics.push(self.requirement_map[li][r].clone());
                    }
                    let heading_has = |f: usize| {
                        heading_reading(h).map_or_else(
                            || lex.features(&norm).contains(&f),
                            |reading| reading.scan.features.contains(&f),
                        )
                    };
                    if let Some(f) = lex.feature_index("regional-annex") {
                        regional |= heading_has(f);
                    }
                    if let Some(f) = lex.feature_index("us-state-law") {
                        us_state |= heading_has(f);
                    }
                }
            }
            section_regional.push(regional);
            section_us_state.push(us_state);
            section_own_topics.push(topics.clone());
            if topics.is_empty()
                && let Some(p) = section.parent
                && p < i
            {
                topics = section_topics[p].clone();
            }
            section_topics.push(topics);
        }
        let section_rights: Vec<bool> = (section_topics.iter())
            .map(|topics| topics.iter().any(|t| t == "rights-how-to-exercise"))
            .collect();

        // Topics of tables from their header cells ("Legal basis", "Retention period").
        let mut table_topics: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for block in &doc.blocks {
            if let Some(cell) = block.cell
                && (cell.header || cell.row == 0)
                && let Some(li) = self.lexicon_index(block.lang, doc.lang)
            {
                let norm = lexicon::normalise(&block.text);
                for r in self.lexicons[li].table_topics(&norm) {
                    let id = self.requirement_map[li][r].clone();
                    let entry = table_topics.entry(cell.table).or_default();
                    if !entry.contains(&id) {
                        entry.push(id);
                    }
                }
            }
        }

        // Topics of table rows from a label in their first column, in a table whose header
        // names no topic and that reads down its rows ("Legal basis | There is no need …",
        // "Data from third parties | …"): the label heads the row's other cells. (In a
        // table whose header does name topics, "Purpose | Legal basis | Retention", the
        // first column holds records, such as a purpose "Answering your complaints".)
        let mut row_topics: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
        for block in &doc.blocks {
            if let Some(cell) = block.cell
                && cell.column == 0
                && !cell.header
                && cell.row > 0
                && !table_topics.contains_key(&cell.table)
                && is_row_label(&block.text)
                && let Some(li) = self.lexicon_index(block.lang, doc.lang)
            {
                let norm = lexicon::normalise(&block.text);
                for r in self.lexicons[li].heading_topics(&norm) {
                    let id = self.requirement_map[li][r].clone();
                    let entry = row_topics.entry((cell.table, cell.row)).or_default();
                    if !entry.contains(&id) {
                        entry.push(id);
                    }
                }
            }
        }

        // A paragraph that ends in a colon introduces the list that follows it ("Our
        // processors:", "We share your data with:"): it reads as a small heading, so the
        // topics its heading vocabulary names are the topics of the lead-in and its items.
        let lead_in_topics = self.lead_in_topics(doc);
        // Tables whose lead paragraph names where data comes from: their rows are the sources.
        let lead_table_topics = self.table_lead_topics(doc, &units, &readings);

        // each sentence with its reading, in block order
        let mut read_units = units.iter().zip(readings).peekable();

        let mut topics: BTreeMap<String, Topic> = BTreeMap::new();
        let mut pointed: Vec<(String, Vec<usize>, bool)> = Vec::new();
        let mut first_person = 0;
        let mut instructions = 0;
        let mut news = 0;
        for (bi, block) in doc.blocks.iter().enumerate() {
            let Some(li) = self.lexicon_index(block.lang, doc.lang) else {
                continue;
            };
            let mut in_topics = section_topics[block.section].clone();
            let table_header_cell = block.cell.is_some_and(|c| c.header || c.row == 0);
            if let Some(cell) = block.cell
                && let Some(t) = table_topics.get(&cell.table)
            {
                for id in t {
                    if !in_topics.contains(id) {
                        in_topics.push(id.clone());
                    }
                }
            }
            if let Some(cell) = block.cell
                && let Some(t) = lead_table_topics.get(&cell.table)
            {
                for id in t {
                    if !in_topics.contains(id) {
                        in_topics.push(id.clone());
                    }
                }
            }
            if let Some(cell) = block.cell
                && cell.column > 0
                && let Some(t) = row_topics.get(&(cell.table, cell.row))
            {
                for id in t {
                    if !in_topics.contains(id) {
                        in_topics.push(id.clone());
                    }
                }
            }
            let lead_in = lead_in_topics.get(&bi);
            for id in lead_in.into_iter().flatten() {
                if !in_topics.contains(id) {
                    in_topics.push(id.clone());
                }
            }
            let is_lead_in = block.kind == BlockKind::Paragraph && lead_in.is_some();
            for id in introduced_topics.get(&bi).into_iter().flatten() {
                if !in_topics.contains(id) {
                    in_topics.push(id.clone());
                }
            }
            let in_topics = &in_topics;
            let block_first_sentence = out.sentences.len();
            // the topics of the block's sentences (names borrowed: a sentence holds several)
            let mut block_hits: Vec<(&str, usize, Via)> = Vec::new();
            // an earlier sentence of the block names a supervisory authority: the email or
            // phone number that follows it on a line of its own ("Email: info@authority.example")
            // is the authority's, unless it speaks in the controller's voice
            let mut authority_named = false;
            let f_authority = authority_feature[li];
            while let Some(((_, _, (s, e)), reading)) =
                read_units.next_if(|((unit_block, _, _), _)| *unit_block == bi)
            {
                let (s, e) = (*s, *e);
                let text = &block.text[s..e];
                let SentenceReading {
                    norm,
                    scan,
                    duration,
                    date,
                    email,
                    url,
                    phone,
                    entity,
                } = reading;
                // room for the built-in features too
                let mut features: Vec<u16> = Vec::with_capacity(scan.features.len() + 12);
                features.extend((scan.features.iter()).map(|f| self.feature_map[li][*f]));
                if duration {
                    features.push(f_duration);
                }
                if date {
                    features.push(f_date);
                }
                if email
                    || link_emails(block, (s, e)).next().is_some()
                    || hidden_email(block, (s, e))
                {
                    features.push(f_email);
                }
                if url {
                    features.push(f_url);
                }
                if phone {
                    features.push(f_phone);
                }
                if entity {
                    features.push(f_entity);
                }
                let (mut to_law, mut not_to_law, mut to_repealed) = (false, false, false);
                for l in (block.links.iter()).filter(|l| l.range.0 < e && l.range.1 > s) {
                    to_repealed |= links_to_repealed_clauses(&l.href);
                    if links_to_legal_text(&l.href) {
                        to_law = true;
                    } else {
                        not_to_law = true;
                    }
                }
                if to_law || not_to_law {
                    features.push(f_link);
                }
                if to_law {
                    features.push(f_link_to_law);
                }
                if not_to_law {
                    features.push(f_link_not_to_law);
                }
                if to_repealed {
                    features.push(f_link_to_repealed);
                }
                if block.kind == BlockKind::TableCell {
                    features.push(f_table);
                }
                if section_regional[block.section] {
                    features.push(f_regional);
                }
                if section_us_state[block.section] {
                    features.push(f_us_state);
                }
                if section_rights[block.section] {
                    features.push(f_rights_section);
                }
                features.sort_unstable();
                features.dedup();

                let si = out.sentences.len();
                let signals = scan.signals;
                let names_authority = f_authority.is_some_and(|f| scan.features.contains(&f));
                if signals[1] {
                    instructions += 1;
                }
                if signals[2] {
                    news += 1;
                }
                if signals[3] {
                    first_person += 1;
                }
                if block.kind == BlockKind::Heading || bi < 3 {
                    out.signals.statement_title |= signals[0];
                }

                // Requirement cues.
                let cue_hits = scan.cues;
                let excluded: BTreeSet<usize> = cue_hits
                    .iter()
                    .filter(|(_, k)| *k == CueKind::Exclude)
                    .map(|(r, _)| *r)
                    .collect();
                let mut seen: BTreeMap<&str, Via> = BTreeMap::new();
                let title = Some(bi) == title_heading;
                let scoped_denial = f_scoped_denial.is_some_and(|f| features.contains(&f));
                // only a contact detail line ("Email: info@authority.example"), not a sentence
                // of its own ("to exercise your rights, contact support@example.com")
                let authority_contact =
                    authority_named && !signals[3] && norm.split_whitespace().count() <= 6;
                authority_named |= names_authority;
                for (r, kind) in cue_hits.into_iter().filter(|_| !title) {
                    // an `exclude` pattern takes back a cue, not a denial: "we do not obtain
                    // data from third parties" is excluded as a source and is a denial of any;
                    // but a denial limited to one set of data ("what you tell our support team
                    // …; we do not do any profiling with it") is no denial of the whole item
                    if excluded.contains(&r) && (kind != CueKind::Negation || scoped_denial) {
                        continue;
                    }
                    let id = &self.requirement_map[li][r];
                    if authority_contact
                        && matches!(id.as_str(), "controller-contact" | "dpo-contact")
                    {
                        continue;
                    }
                    // a cue right under a heading about a requirement that takes it back
                    // (not under a subsection that only inherits that topic: "Visibility"
                    // under "Information we obtain from other sources" may say who sees it)
                    let taken_back = || {
                        let own = &section_own_topics[block.section];
                        (self.lexicons[li].not_under[r].iter()).any(|t| own.contains(t))
                            && !in_topics.contains(id)
                    };
                    let via = match kind {
                        CueKind::Cue if taken_back() => continue,
                        CueKind::Cue => Via::Cue,
                        CueKind::Negation => Via::Negation,
                        CueKind::SectionCue if in_topics.contains(id) => Via::Cue,
                        _ => continue,
                    };
                    let entry = seen.entry(id.as_str()).or_insert(via);
                    if via == Via::Negation {
                        *entry = Via::Negation;
                    }
                }
                if table_header_cell
                    && let Some(cell) = block.cell
                    && let Some(t) = table_topics.get(&cell.table)
                {
                    for id in t {
                        seen.entry(id.as_str()).or_insert(Via::Heading);
                    }
                }
                // a row's label heads the row, as a header cell heads its column
                if let Some(cell) = block.cell
                    && cell.column == 0
                    && let Some(t) = row_topics.get(&(cell.table, cell.row))
                {
                    for id in t {
                        seen.entry(id.as_str()).or_insert(Via::Heading);
                    }
                }
                if is_lead_in {
                    for t in lead_in.into_iter().flatten() {
                        seen.entry(t.as_str()).or_insert(Via::Heading);
                    }
                }
                if block.kind == BlockKind::Heading {
                    for t in in_topics {
                        if doc.sections[block.section].heading == Some(bi) {
                            seen.entry(t.as_str()).or_insert(Via::Heading);
                        }
                    }
                }
                for t in in_topics {
                    seen.entry(t.as_str()).or_insert(Via::Section);
                }
                for (id, via) in seen {
                    block_hits.push((id, si, via));
                    let in_section = in_topics.iter().any(|t| t == id);
                    let hit = Hit {
                        sentence: si,
                        via,
                        in_section,
                    };
                    // the name is copied only for a topic met for the first time
                    match topics.get_mut(id) {
                        Some(topic) => topic.hits.push(hit),
                        None => topics.entry(id.to_owned()).or_default().hits.push(hit),
                    }
                }

                if out.last_updated.is_none() && features.contains(&f_date) {
                    let is_update_line = self
                        .feature_index_in(li, "last-updated")
                        .is_some_and(|f| features.contains(&f));
                    if is_update_line
                        && let Some((_, iso)) = values::dates_in_order(text, || *doc_date_order)
                            .into_iter()
                            .next()
                    {
                        out.last_updated = Some((iso, si));
                    }
                }

                out.sentences.push(Sentence {
                    block: bi,
                    range: (s, e),
                    span: block.source_span(s, e),
                    lang: block.lang,
                    norm,
                    features,
                    feature_candidates: scan.feature_candidates,
                });
            }
            // Requirements addressed by co-occurrence within this block.
            let lex = &self.lexicons[li];
            for (r, needs) in lex.co_occurs.iter().enumerate() {
                if needs.is_empty() {
                    continue;
                }
                let all = needs.iter().all(|n| {
                    block_hits
                        .iter()
                        .any(|(id, _, via)| id == n && matches!(via, Via::Cue | Via::Heading))
                });
                if !all {
                    continue;
                }
                let with = &lex.co_occurs_with[r];
                if !with.is_empty() {
                    // a heading links topics only when it names more than one
                    let linked_by_heading = needs.len() > 1
                        && (block_hits.iter()).any(|(id, _, via)| {
                            needs.iter().any(|n| n == id) && *via == Via::Heading
                        });
                    let linking: Vec<u16> =
                        (with.iter()).map(|&f| self.feature_map[li][f]).collect();
                    let linked_in_text = (block_first_sentence..out.sentences.len())
                        .any(|si| (out.sentences[si].features.iter()).any(|f| linking.contains(f)));
                    if !linked_by_heading && !linked_in_text {
                        continue;
                    }
                }
                let all_in_block = lex.co_occurs_with_all[r].iter().all(|&f| {
                    let f = self.feature_map[li][f];
                    (block_first_sentence..out.sentences.len())
                        .any(|si| out.sentences[si].features.contains(&f))
                });
                if !all_in_block {
                    continue;
                }
                let id = &self.requirement_map[li][r];
                let in_section = in_topics.contains(id);
                let entry = topics.entry(id.clone()).or_default();
                for si in block_first_sentence..out.sentences.len() {
                    if !entry.hits.iter().any(|h| h.sentence == si) {
                        entry.hits.push(Hit {
                            sentence: si,
                            via: Via::Cue,
                            in_section,
                        });
                    }
                }
            }
            // Requirements disclosed only by a pointer: a block that names the topic in
            // general ("you have several rights") and points to another page for it.
            let block_sentences = block_first_sentence..out.sentences.len();
            let pointers: Vec<usize> = block_sentences
                .clone()
                .filter(|&si| {
                    let f = &out.sentences[si].features;
                    f_reference.is_some_and(|r| f.contains(&r))
                        && (f.contains(&f_link) || f.contains(&f_url))
                })
                .collect();
            if !pointers.is_empty() {
                for (r, with) in lex.reference_with.iter().enumerate() {
                    let named: Vec<u16> = with
                        .iter()
                        .filter_map(|n| self.feature_index_in(li, n))
                        .collect();
                    let names_topic = block_sentences
                        .clone()
                        .any(|si| out.sentences[si].features.iter().any(|f| named.contains(f)));
                    if names_topic {
                        let id = self.requirement_map[li][r].clone();
                        let in_section = in_topics.contains(&id);
                        pointed.push((id, pointers.clone(), in_section));
                    }
                }
            }
        }
        // Pointers count only for requirements the text does not address itself.
        let addressed: BTreeSet<String> = topics
            .iter()
            .filter(|(_, t)| t.addressed())
            .map(|(id, _)| id.clone())
            .collect();
        for (id, pointers, in_section) in pointed {
            if addressed.contains(&id) {
                continue;
            }
            let entry = topics.entry(id).or_default();
            for si in pointers {
                if !entry.hits.iter().any(|h| h.sentence == si) {
                    entry.hits.push(Hit {
                        sentence: si,
                        via: Via::Cue,
                        in_section,
                    });
                }
            }
        }
        self.mark_denied_by_next(&mut out, &mut topics);
        self.mark_interest_by_effect(&mut out);
        self.mark_cookies_without_consent(&mut out);
        self.mark_third_party_names(doc, &mut out, &topics);
        self.mark_bases_without_rule(doc, &mut out);
        self.mark_conflicting_bases(doc, &mut out, &topics);
        self.mark_basis_first_lists(doc, &mut out);
        self.mark_unmapped_purposes(doc, &mut out, &topics);
        self.mark_deferral_scope(doc, &mut out);
        self.mark_table_legends(doc, &mut out);
        // Front matter date as a fallback for the Last Updated date.
        if out.last_updated.is_none()
            && let Some(d) = doc.metadata.get("date").or(doc.metadata.get("modified"))
            && let Some((_, iso)) = values::dates_in_order(d, || *doc_date_order)
                .into_iter()
                .next()
        {
            out.last_updated = Some((iso, usize::MAX));
        }
        out.signals.first_person = first_person;
        out.signals.instructions = instructions;
        out.signals.news = news;
        out.signals.sentences = out.sentences.len();
        if let Some(t) = doc.metadata.get("title")
            && let Some(li) = self.lexicon_index(doc.lang, doc.lang)
        {
            out.signals.statement_title |=
                self.lexicons[li].document_signals(&lexicon::normalise(t))[0];
        }
        for t in topics.values_mut() {
            t.hits.sort_unstable();
            t.hits.dedup_by_key(|h| h.sentence);
        }
        out.topics = topics;
        out
    }

    /// Marks the first bare basis label of each table row that lists two or more legal bases
    /// as bare labels ("Performance of a Contract", "Compliance with Legal Obligations")
    /// with nothing after either to say what it covers or when it applies. The catalogue
    /// counts one purpose mapped to several bases with no rule for when each applies as
    /// too vague. A label followed in its cell by what it covers ("Consent" then "we ask
    /// for it when you upload a photo") has its rule; so has a basis named within a
    /// sentence ("Contract, to give you the app").
    ///
    /// A row whose cell gives consent only "where required by law" (`consent-where-required`)
    /// and, in another sentence, a second basis ("Our legitimate interests in promoting our
    /// products") is marked at the consent sentence: which of the two covers the reader is
    /// left to laws the statement does not name.
    fn mark_bases_without_rule(&self, doc: &Document, out: &mut Disclosures) {
        let (Some(f_named), Some(f_bare)) = (
            self.feature_id("legal-basis-named"),
            self.feature_id("bases-without-rule"),
        ) else {
            return;
        };
        let f_consent_where_required = self.feature_id("consent-where-required");
        // the basis a sentence names when it is no more than a label for one
        let label_of = |s: &Sentence| -> Option<String> {
            if !s.features.contains(&f_named) {
                return None;
            }
            let words = (s.norm.split_whitespace())
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            if words > 6 {
                return None;
            }
            let mut bases = self.value_names(s, doc.lang, "legal-basis");
            (bases.len() == 1).then(|| bases.remove(0))
        };
        let mut rows: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (i, s) in out.sentences.iter().enumerate() {
            if let Some(c) = doc.blocks[s.block].cell
                && !c.header
                && c.row > 0
                && c.column > 0
            {
                rows.entry((c.table, c.row)).or_default().push(i);
            }
        }
        for sentences in rows.values() {
            let mut bare: Vec<(usize, String)> = Vec::new();
            for (k, &i) in sentences.iter().enumerate() {
                let Some(basis) = label_of(&out.sentences[i]) else {
                    continue;
                };
                // explained: the next sentence of the same cell says more
                let explained = (sentences.get(k + 1)).is_some_and(|&next| {
                    let next = &out.sentences[next];
                    next.block == out.sentences[i].block && label_of(next).is_none()
                });
                if !explained && !bare.iter().any(|(_, b)| *b == basis) {
                    bare.push((i, basis));
                }
            }
            // consent "where required by law" and another basis in another sentence
            let consent_where_required = || {
                let f = f_consent_where_required?;
                let at = *sentences
                    .iter()
                    .find(|&&i| out.sentences[i].features.contains(&f))?;
                let other_basis = sentences.iter().any(|&i| {
                    i != at
                        && out.sentences[i].features.contains(&f_named)
                        && (self.value_names(&out.sentences[i], doc.lang, "legal-basis"))
                            .iter()
                            .any(|b| b != "consent")
                });
                other_basis.then_some(at)
            };
            let marked = if bare.len() >= 2 {
                Some(bare[0].0)
            } else {
                consent_where_required()
            };
            if let Some(i) = marked {
                out.sentences[i].add_feature(f_bare);
            }
        }
    }

    /// Marks a sentence that gives a purpose one legal basis when another block of the same
    /// statement gives that purpose another ("offers by e-mail (legal basis: your consent)"
    /// under one heading, "when we send you offers by e-mail, we rely on our legitimate
    /// interest" under another), with nothing in either to say when which applies. The
    /// catalogue counts one purpose mapped to several bases with no rule for when each
    /// applies, and bases that do not match between sections, as too vague (Art. 13(1)(c);
    /// the Dutch authority's Netflix decision). Only sentences that give one basis and name
    /// both a purpose, by the lexicon's purpose values, and the channel it uses ("by e-mail",
    /// "per sms") are compared: a purpose value alone ("analytics", "security") is a family
    /// of processing operations that may well rest on different bases, while offers by
    /// e-mail are one operation. "Providing the service" and "legal obligations" are left
    /// out, as their words are the words of the bases themselves. A sentence about a right
    /// ("you can withdraw your consent to marketing") gives no basis, and a sentence that
    /// says when its basis applies (`basis-condition`: "existing customers", "unless") has
    /// its rule.
    fn mark_conflicting_bases(
        &self,
        doc: &Document,
        out: &mut Disclosures,
        topics: &BTreeMap<String, Topic>,
    ) {
        const BASIS_WORDS: &[&str] = &["providing the service", "legal obligations"];
        let (Some(f_named), Some(f_bare)) = (
            self.feature_id("legal-basis-named"),
            self.feature_id("bases-without-rule"),
        ) else {
            return;
        };
        let f_condition = self.feature_id("basis-condition");
        let about_rights = IndexMask::of(
            out.sentences.len(),
            (topics.iter())
                .filter(|(id, _)| id.starts_with("right-") || *id == "rights-how-to-exercise")
                .flat_map(|(_, t)| t.hits.iter())
                .filter(|h| h.via == Via::Cue)
                .map(|h| h.sentence),
        );
        // purpose → (basis, sentence) of the first sentence that gives it
        let mut first: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut marked: Option<usize> = None;
        for (i, s) in out.sentences.iter().enumerate() {
            if !s.features.contains(&f_named)
                || about_rights.contains(i)
                || doc.blocks[s.block].kind == BlockKind::Heading
            {
                continue;
            }
            let bases = self.value_names(s, doc.lang, "legal-basis");
            let [basis] = bases.as_slice() else {
                continue;
            };
            let channels = self.value_names(s, doc.lang, "channel");
            if channels.is_empty() {
                continue;
            }
            let conditioned = f_condition.is_some_and(|f| s.features.contains(&f));
            let purposes = self.value_names(s, doc.lang, "purpose");
            let keys = (purposes.iter())
                .filter(|p| !BASIS_WORDS.contains(&p.as_str()))
                .flat_map(|p| channels.iter().map(move |c| format!("{p} by {c}")));
            for purpose in keys {
                match first.get(&purpose) {
                    None => {
                        if !conditioned {
                            first.insert(purpose, (basis.clone(), i));
                        }
                    }
                    Some((b, at))
                        if b != basis && !conditioned && out.sentences[*at].block != s.block =>
                    {
                        marked.get_or_insert(i);
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(i) = marked {
            out.sentences[i].add_feature(f_bare);
        }
    }

    /// Marks a list organised by legal basis ("Contract: we rely on it for these purposes: to
    /// run your rental; to stop fraud", then "Legitimate interests: … for these purposes: to
    /// tell you about offers; to stop fraud") that puts one purpose under two bases with
    /// nothing in either place to say when which applies (round-11 V1; the Dutch authority's
    /// Netflix decision, where "to enable Partner integrations and promotions" stood under
    /// contract and under legitimate interests). A sentence counts as such an item when the
    /// text before a colon introducing purposes ("purposes:", "doeleinden:") names exactly
    /// one basis; the purposes after it are split at semicolons (and at ", to" / ", om"),
    /// and compared by their words without "to"/"om"/"for"/"voor" and a leading "and".
    /// A purpose with a qualifier of its own, a parenthesis or a condition ("when",
    /// "where", "unless", "wanneer", "tenzij"…), has its rule.
    fn mark_basis_first_lists(&self, doc: &Document, out: &mut Disclosures) {
        const LEADS: &[&str] = &["and ", "or ", "en ", "of ", "to ", "om ", "for ", "voor "];
        const CONDITIONS: &[&str] = &[
            "when", "where", "if", "unless", "except", "only", "insofar", "wanneer", "waar", "als",
            "indien", "tenzij", "behalve", "alleen", "zolang",
        ];
        let (Some(f_named), Some(f_bare)) = (
            self.feature_id("legal-basis-named"),
            self.feature_id("bases-without-rule"),
        ) else {
            return;
        };
        // purpose → (basis, sentence) of its first unqualified occurrence
        let mut first: BTreeMap<String, (String, usize)> = BTreeMap::new();
        let mut marked: Option<usize> = None;
        for (i, s) in out.sentences.iter().enumerate() {
            if !s.features.contains(&f_named) || doc.blocks[s.block].kind == BlockKind::Heading {
                continue;
            }
            let norm = s.norm.as_str();
            // the colon that introduces the purposes
            let Some(colon) = norm.match_indices(':').map(|(at, _)| at).find(|&at| {
                let mut from = at.saturating_sub(80);
                while !norm.is_char_boundary(from) {
                    from += 1;
                }
                let head = &norm[from..at];
                ["purpose", "doeleinden", "doelen"]
                    .iter()
                    .any(|w| head.contains(w))
            }) else {
                continue;
            };
            let bases: Vec<String> = (self.value_matches(s, doc.lang, "legal-basis"))
                .into_iter()
                .filter(|(_, at)| *at < colon)
                .map(|(name, _)| name)
                .collect();
            let [basis] = bases.as_slice() else {
                continue;
            };
            // the purposes: split at semicolons outside brackets; a bracket qualifies its item
            let mut items: Vec<(String, bool)> = vec![(String::new(), false)];
            let mut depth = 0usize;
            for c in norm[colon + 1..].chars() {
                let last = items.last_mut().expect("one item at least");
                match c {
                    '(' | '[' => {
                        depth += 1;
                        last.1 = true;
                    }
                    ')' | ']' => depth = depth.saturating_sub(1),
                    ';' if depth == 0 => items.push((String::new(), false)),
                    _ if depth == 0 => last.0.push(c),
                    _ => {}
                }
            }
            let items = items.into_iter().flat_map(|(text, bracket)| {
                let parts: Vec<String> = [", and to ", ", to ", ", en om ", ", om "].iter().fold(
                    vec![text],
                    |parts, sep| {
                        (parts.iter())
                            .flat_map(|p| p.split(sep).map(str::to_string))
                            .collect()
                    },
                );
                parts.into_iter().map(move |p| (p, bracket))
            });
            for (text, bracket) in items {
                let mut label = text.trim().trim_end_matches(['.', ',', ':']).trim();
                while let Some(rest) = LEADS.iter().find_map(|l| label.strip_prefix(l)) {
                    label = rest.trim_start();
                }
                let words: Vec<&str> = label.split_whitespace().collect();
                if words.is_empty() || label.len() > 120 {
                    continue;
                }
                let conditioned = bracket
                    || words.iter().any(|w| {
                        CONDITIONS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
                    });
                if conditioned {
                    continue;
                }
                let key = words.join(" ");
                match first.get(&key) {
                    None => {
                        first.insert(key, (basis.clone(), i));
                    }
                    Some((b, _)) if b != basis => {
                        marked.get_or_insert(i);
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(i) = marked {
            out.sentences[i].add_feature(f_bare);
        }
    }

    /// Marks the first sentence of each processing activity left without a legal basis, in
    /// a statement that links bases to purposes activity by activity: sibling sections (one
    /// heading per activity: "Orders", "Fraud checks", "Newsletter") or the items of one
    /// list. When at least two activities of such a group, and at least half of them, link
    /// a purpose to its basis, an activity of the same group that names no basis at all
    /// leaves the reader without one for that purpose. The catalogue asks for the basis of
    /// each purpose (Art. 13(1)(c)); the Dutch authority's Netflix decision turned on
    /// bases that could not be tied to every purpose. A statement that maps in one place
    /// (a table, a section of legal bases) has no such groups and is not judged here.
    ///
    /// A section is an activity when its heading names no requirement other than the
    /// purposes, the data or the bases ("Rights", "Recipients" and "Retention" are no
    /// activities), and its text says what is done: a purpose, a data category, or a
    /// first-person processing verb ("we collect", "wij delen").
    fn mark_unmapped_purposes(
        &self,
        doc: &Document,
        out: &mut Disclosures,
        topics: &BTreeMap<String, Topic>,
    ) {
        const ACTIVITY_HEADING_TOPICS: &[&str] = &["purposes", "data-categories"];
        let (Some(f_named), Some(f_unmapped)) = (
            self.feature_id("legal-basis-named"),
            self.feature_id("purpose-without-basis"),
        ) else {
            return;
        };
        // the sets of sentences below are read once per sentence: as masks, by index
        let sentences = out.sentences.len();
        let cue_sentences = |id: &str| -> IndexMask {
            IndexMask::of(
                sentences,
                (topics.get(id).iter())
                    .flat_map(|t| t.hits.iter())
                    .filter(|h| h.via == Via::Cue)
                    .map(|h| h.sentence),
            )
        };
        let linking = cue_sentences("purpose-basis-mapping");
        let purpose_sections = IndexMask::of(
            sentences,
            (topics.get("purposes").iter())
                .flat_map(|t| t.hits.iter())
                .filter(|h| h.via == Via::Section)
                .map(|h| h.sentence),
        );
        let (purpose_cues, basis_cues, recipient_cues) = (
            cue_sentences("purposes"),
            cue_sentences("legal-basis"),
            cue_sentences("recipients"),
        );
        // sentences about the person's rights or about whom to contact: a list of the rights
        // ("the right to object to processing based on legitimate interests") is no list of
        // activities
        let not_activity = IndexMask::of(
            sentences,
            (topics.iter())
                .filter(|(id, _)| {
                    id.starts_with("right-")
                        || [
                            "rights-how-to-exercise",
                            "controller-contact",
                            "dpo-contact",
                        ]
                        .contains(&id.as_str())
                })
                .flat_map(|(_, t)| t.hits.iter())
                .filter(|h| h.via == Via::Cue)
                .map(|h| h.sentence),
        );
        // The heading blocks that name a requirement other than the activity's own: "Your
        // rights", "Third-country transfers". So do those that name the legal basis: "Legal
        // basis" as the heading of one field of a record, or "Legal bases for processing" over
        // a mapping of its own, are no activities either.
        let topic_headings = IndexMask::of(
            doc.blocks.len(),
            (topics.iter())
                .filter(|(id, _)| !ACTIVITY_HEADING_TOPICS.contains(&id.as_str()))
                .flat_map(|(_, t)| t.hits.iter())
                .filter(|h| h.via != Via::Section)
                .map(|h| out.sentences[h.sentence].block)
                .filter(|&b| doc.blocks[b].kind == BlockKind::Heading),
        );
        // The run of list items a list item belongs to: consecutive items of one level in
        // one section, with any deeper items between them.
        let mut list_run = vec![usize::MAX; doc.blocks.len()];
        for (b, block) in doc.blocks.iter().enumerate() {
            if block.kind != BlockKind::ListItem {
                continue;
            }
            let mut q = b;
            while q > 0
                && doc.blocks[q - 1].kind == BlockKind::ListItem
                && doc.blocks[q - 1].section == block.section
                && doc.blocks[q - 1].level > block.level
            {
                q -= 1;
            }
            let before = q.checked_sub(1).map(|p| &doc.blocks[p]);
            list_run[b] = match before {
                Some(p)
                    if p.kind == BlockKind::ListItem
                        && p.section == block.section
                        && p.level == block.level =>
                {
                    list_run[q - 1]
                }
                _ => b,
            };
        }
        /// One processing activity: a list item, or the text of one section itself.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        enum Activity {
            Item {
                run: usize,
                block: usize,
            },
            Section {
                parent: usize,
                level: u8,
                section: usize,
            },
        }
        impl Activity {
            /// The activities it is compared with: the items of its list, or the sections
            /// under the same parent at the same level.
            fn group(self) -> (usize, usize, u8) {
                match self {
                    Activity::Item { run, .. } => (0, run, 0),
                    Activity::Section { parent, level, .. } => (1, parent, level),
                }
            }
        }
        let activity_of = |s: &Sentence| -> Option<Activity> {
            let block = &doc.blocks[s.block];
            if block.cell.is_some() {
                // a table maps by its rows
                return None;
            }
            let section = &doc.sections[block.section];
            if block.kind == BlockKind::ListItem {
                // an item that ends in a colon leads in to the items nested under it, and the
                // items under "Your rights" or "Changes" are no activities
                if block.text.trim_end().ends_with(':')
                    || section.heading.is_some_and(|h| topic_headings.contains(h))
                {
                    return None;
                }
                return Some(Activity::Item {
                    run: list_run[s.block],
                    block: s.block,
                });
            }
            let heading = section.heading?;
            (!topic_headings.contains(heading)).then_some(Activity::Section {
                parent: section.parent.unwrap_or(usize::MAX),
                level: section.level,
                section: block.section,
            })
        };
        // a sentence of the activity's text (not its heading) that says what is done; an
        // item of a list under a purposes heading is a purpose ("To find and fix bugs")
        let says_what_is_done = |i: usize, s: &Sentence| -> bool {
            let block = &doc.blocks[s.block];
            block.kind != BlockKind::Heading
                && (purpose_cues.contains(i)
                    || (block.kind == BlockKind::ListItem && purpose_sections.contains(i)))
        };
        #[derive(Default, Clone, Copy)]
        struct Seen {
            /// the first sentence that says what is done (none: the unit is no activity)
            first: Option<usize>,
            names_basis: bool,
            links_basis: bool,
            /// it speaks of the person's rights or whom to contact, or it is a list item
            /// about a recipient ("Advertising companies: we may disclose …"): a list of
            /// recipients is no list of activities
            no_activity: bool,
        }
        impl Seen {
            /// A list item that gives a purpose and a basis gives the basis of that purpose
            /// ("your payment details, to let you pay; this too is needed for the contract").
            /// A section names bases in passing too often for that ("Children: we ask for a
            /// parent's consent"): it counts when its text links them.
            fn names_own_basis(&self, a: Activity) -> bool {
                matches!(a, Activity::Item { .. }) && self.first.is_some() && self.names_basis
            }

            /// What a later run of the activity's sentences saw, added.
            fn add(&mut self, later: Seen) {
                self.first = self.first.or(later.first);
                self.names_basis |= later.names_basis;
                self.links_basis |= later.links_basis;
                self.no_activity |= later.no_activity;
            }
        }
        let names_basis =
            |i: usize, s: &Sentence| s.features.contains(&f_named) || basis_cues.contains(i);
        let mut activities: BTreeMap<Activity, Seen> = BTreeMap::new();
        // the activity of the run of sentences being read (most sentences are of the same
        // activity as the one before), added to the map when another starts
        let mut run: Option<(Activity, Seen)> = None;
        for (i, s) in out.sentences.iter().enumerate() {
            let Some(a) = activity_of(s) else {
                continue;
            };
            let seen = match &mut run {
                Some((current, seen)) if *current == a => seen,
                _ => {
                    if let Some((done, seen)) = run.take() {
                        activities.entry(done).or_default().add(seen);
                    }
                    &mut run.insert((a, Seen::default())).1
                }
            };
            if seen.first.is_none() && says_what_is_done(i, s) {
                seen.first = Some(i);
            }
            seen.names_basis |= names_basis(i, s);
            seen.links_basis |= linking.contains(i);
            seen.no_activity |= not_activity.contains(i)
                || (matches!(a, Activity::Item { .. }) && recipient_cues.contains(i));
        }
        if let Some((done, seen)) = run {
            activities.entry(done).or_default().add(seen);
        }
        // A basis given further down counts for the activity: in the section's subsections,
        // lists and tables, or in the items nested under a list item.
        let within = |a: Activity, b: usize| -> bool {
            match a {
                Activity::Item { block, .. } => {
                    b > block
                        && (block + 1..=b).all(|k| {
                            doc.blocks[k].kind == BlockKind::ListItem
                                && doc.blocks[k].level > doc.blocks[block].level
                        })
                }
                Activity::Section { section, .. } => {
                    let mut at = Some(doc.blocks[b].section);
                    while let Some(x) = at {
                        if x == section {
                            return true;
                        }
                        at = doc.sections[x].parent.filter(|&p| p < x);
                    }
                    false
                }
            }
        };
        for (a, seen) in activities.iter_mut() {
            if seen.first.is_some() && !seen.names_basis {
                // what lies within an activity follows its first block without a gap
                let start = match *a {
                    Activity::Item { block, .. } => block + 1,
                    Activity::Section { section, .. } => doc.sections[section].blocks.0,
                };
                let from = out.sentences.partition_point(|s| s.block < start);
                seen.names_basis = (out.sentences.iter().enumerate().skip(from))
                    .take_while(|(_, s)| within(*a, s.block))
                    .any(|(i, s)| names_basis(i, s));
            }
        }
        // per group: activities, and those that link a purpose to its basis
        let mut groups: BTreeMap<(usize, usize, u8), (usize, usize)> = BTreeMap::new();
        for (a, seen) in &activities {
            if (seen.first.is_some() || seen.links_basis) && !seen.no_activity {
                let g = groups.entry(a.group()).or_default();
                g.0 += 1;
                g.1 += usize::from(seen.links_basis || seen.names_own_basis(*a));
            }
        }
        for (a, seen) in &activities {
            let mapped_group = groups
                .get(&a.group())
                .is_some_and(|&(all, linked)| linked >= 2 && 2 * linked >= all);
            if let Some(i) = seen.first
                && !seen.names_basis
                && !seen.no_activity
                && mapped_group
            {
                out.sentences[i].add_feature(f_unmapped);
            }
        }
    }

    /// The controller is not its own recipient (Art. 4(9)): in Mozilla's statement, "shared
    /// with Mozilla" names no recipient. Own names are the known recipient names found in the
    /// title (a heading among the first blocks, or the page title) and in the legal entity of
    /// the sentences that identify the controller ("Mozilla Corporation"). A sentence that
    /// names a known recipient other than these gets the `third-party-name` feature.
    fn mark_third_party_names(
        &self,
        doc: &Document,
        out: &mut Disclosures,
        topics: &BTreeMap<String, Topic>,
    ) {
        let (Some(f_named), Some(f_third)) = (
            self.feature_id("named-recipient"),
            self.feature_id("third-party-name"),
        ) else {
            return;
        };
        // The names themselves need the full patterns (compiled on first use); the feature
        // test before it runs on the prefiltered automata, so statements whose title and
        // entity name no known recipient never compile them.
        let named_in = |li: usize, norm: &str, known_to_have: bool| -> Vec<String> {
            let lex = &self.lexicons[li];
            let Some(f) = lex.feature_index("named-recipient") else {
                return Vec::new();
            };
            if !known_to_have && !lex.features(norm).contains(&f) {
                return Vec::new();
            }
            lex.feature_matches(f, norm)
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        let mut own: BTreeSet<String> = BTreeSet::new();
        for s in &out.sentences {
            if s.block >= 3 || doc.blocks[s.block].kind != BlockKind::Heading {
                continue;
            }
            if s.features.contains(&f_named)
                && let Some(li) = self.lexicon_index(s.lang, doc.lang)
            {
                own.extend(named_in(li, &s.norm, true));
            }
        }
        if let Some(t) = doc.metadata.get("title")
            && let Some(li) = self.lexicon_index(doc.lang, doc.lang)
        {
            own.extend(named_in(li, &lexicon::normalise(t), false));
        }
        let identifying = topics
            .get("controller-identity")
            .into_iter()
            .flat_map(|t| t.hits.iter())
            .filter(|h| h.via == Via::Cue);
        for h in identifying {
            let s = &out.sentences[h.sentence];
            let Some(li) = self.lexicon_index(s.lang, doc.lang) else {
                continue;
            };
            let text = &doc.blocks[s.block].text[s.range.0..s.range.1];
            for (_, entity) in values::entities(text) {
                own.extend(named_in(li, &lexicon::normalise(entity), false));
            }
        }
        for s in &mut out.sentences {
            if !s.features.contains(&f_named) {
                continue;
            }
            let third = own.is_empty()
                || self
                    .lexicon_index(s.lang, doc.lang)
                    .is_some_and(|li| named_in(li, &s.norm, true).iter().any(|n| !own.contains(n)));
            if third {
                s.add_feature(f_third);
            }
        }
    }

    /// Marks what is only promised for other statements (`deferral-scope`): a sentence that
    /// leaves something to the privacy statement of each separate service
    /// (`deferred-to-service-statement`), the sentences right after it that go on about that
    /// statement (`deferral-continuation`: "It will tell you …", "Daarin leest u …"), and the
    /// list such a sentence introduces (see [`Extractor::runs_from`]). A right named only
    /// there is not stated by this notice, only promised for another. When a sentence of the
    /// run gives a link or web address, all of it is also `deferral-linked`.
    fn mark_deferral_scope(&self, doc: &Document, out: &mut Disclosures) {
        let (Some(f_deferred), Some(f_more), Some(f_scope), Some(f_linked)) = (
            self.feature_id("deferred-to-service-statement"),
            self.feature_id("deferral-continuation"),
            self.feature_id("deferral-scope"),
            self.feature_id("deferral-linked"),
        ) else {
            return;
        };
        let links: Vec<u16> = ["link", "url"]
            .iter()
            .filter_map(|n| self.feature_id(n))
            .collect();
        for run in runs_from(doc, &out.sentences, f_deferred, &[f_deferred, f_more]) {
            let linked =
                (run.iter()).any(|&s| out.sentences[s].features.iter().any(|f| links.contains(f)));
            for s in run {
                out.sentences[s].add_feature(f_scope);
                if linked {
                    out.sentences[s].add_feature(f_linked);
                }
            }
        }
    }

    /// Marks a table's legend (`table-legend-scope`): a sentence that says what a table
    /// sets out (`table-legend`: "The table below sets out:"), the later sentences of its
    /// paragraph ("For each purpose it gives the legal basis") and the list it introduces
    /// ("our purpose for processing your personal data; our legal basis …"). It names the
    /// topics of the table without saying anything of them.
    fn mark_table_legends(&self, doc: &Document, out: &mut Disclosures) {
        let (Some(f_legend), Some(f_scope)) = (
            self.feature_id("table-legend"),
            self.feature_id("table-legend-scope"),
        ) else {
            return;
        };
        for run in runs_from(doc, &out.sentences, f_legend, &[]) {
            let block = out.sentences[run[0]].block;
            let paragraph = (run[0]..out.sentences.len())
                .take_while(|&s| out.sentences[s].block == block)
                .filter(|&s| doc.blocks[block].kind == BlockKind::Paragraph || s == run[0]);
            let scope: BTreeSet<usize> = run.iter().copied().chain(paragraph).collect();
            for s in scope {
                out.sentences[s].add_feature(f_scope);
            }
        }
    }

    /// A bare denial right after a sentence of the same block ("Other web shops build
    /// detailed profiles about you and aim ads at you. We do not.", "… Wij niet.") answers
    /// that sentence: profiling it speaks of is denied (`adm-none`), and its cues of
    /// automated decision-making are denials.
    fn mark_denied_by_next(&self, out: &mut Disclosures, topics: &mut BTreeMap<String, Topic>) {
        let (Some(f_bare), Some(f_profiling), Some(f_none)) = (
            self.feature_id("bare-denial"),
            self.feature_id("profiling"),
            self.feature_id("adm-none"),
        ) else {
            return;
        };
        for i in 1..out.sentences.len() {
            let (before, after) = out.sentences.split_at_mut(i);
            let (prev, bare) = (&mut before[i - 1], &after[0]);
            if !bare.features.contains(&f_bare)
                || bare.block != prev.block
                || !prev.features.contains(&f_profiling)
            {
                continue;
            }
            prev.add_feature(f_none);
            if let Some(t) = topics.get_mut("automated-decision-making") {
                for h in (t.hits.iter_mut()).filter(|h| h.sentence == i - 1 && h.via == Via::Cue) {
                    h.via = Via::Negation;
                }
            }
        }
    }

    /// A citation of legitimate interests ("The legal basis for this is Article 6(1)(f)
    /// GDPR") states the interest when the sentence itself or one of the two before it in
    /// the same paragraph says what the processing protects or serves (`interest-by-effect`:
    /// "To stop payment fraud, we check …", "… which protects you and us"). The catalogue's
    /// own example of a stated interest is "our interest in preventing payment fraud"; a
    /// paragraph that says so in other words states it too (round-10 U11).
    fn mark_interest_by_effect(&self, out: &mut Disclosures) {
        let (Some(f_li), Some(f_stated), Some(f_effect)) = (
            self.feature_id("li-basis"),
            self.feature_id("interest-stated"),
            self.feature_id("interest-by-effect"),
        ) else {
            return;
        };
        for i in 0..out.sentences.len() {
            let s = &out.sentences[i];
            if !s.features.contains(&f_li) || s.features.contains(&f_stated) {
                continue;
            }
            let block = s.block;
            let stated = (i.saturating_sub(2)..=i).any(|j| {
                let t = &out.sentences[j];
                t.block == block && t.features.contains(&f_effect)
            });
            if stated {
                out.sentences[i].add_feature(f_stated);
            }
        }
    }

    /// A cookie described by what it is for, when that is personalising offers, ads or
    /// content (`personalising-cookie`: "we set a cookie … so that our website can show you
    /// personalised offers"), whose basis, in the same sentence or one of the next two of the
    /// paragraph, is legitimate interests, the contract or "strictly necessary"
    /// (`cookie-basis-not-consent`), with no consent named between them: such a cookie needs
    /// consent (ePrivacy Art. 5(3); Telecommunicatiewet 11.7a), and neither a contract nor a
    /// legitimate interest replaces it. The cookie sentence gets
    /// `cookies-on-legitimate-interest`, as an analytics or advertising cookie named by its
    /// type does (round-10 U12, a variant of round-8 S8).
    fn mark_cookies_without_consent(&self, out: &mut Disclosures) {
        let (Some(f_cookie), Some(f_basis), Some(f_consent), Some(f_marked)) = (
            self.feature_id("personalising-cookie"),
            self.feature_id("cookie-basis-not-consent"),
            self.feature_id("consent-basis"),
            self.feature_id("cookies-on-legitimate-interest"),
        ) else {
            return;
        };
        let n = out.sentences.len();
        for i in 0..n {
            let s = &out.sentences[i];
            if !s.features.contains(&f_cookie) || s.features.contains(&f_marked) {
                continue;
            }
            let block = s.block;
            let mut marked = false;
            for j in i..n.min(i + 3) {
                let t = &out.sentences[j];
                if t.block != block || t.features.contains(&f_consent) {
                    break;
                }
                if t.features.contains(&f_basis) {
                    marked = true;
                    break;
                }
            }
            if marked {
                out.sentences[i].add_feature(f_marked);
            }
        }
    }

    /// Topics of lead-ins and the list items they introduce, by block index: a short
    /// paragraph ending in a colon whose heading vocabulary names a topic, directly followed
    /// by list items of the same section.
    fn lead_in_topics(&self, doc: &Document) -> BTreeMap<usize, Vec<String>> {
        let mut out = BTreeMap::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let introduces_list = block.kind == BlockKind::Paragraph
                && block.text.trim_end().ends_with(':')
                && block.text.split_whitespace().count() <= LEAD_IN_MAX_WORDS
                && doc.blocks.get(bi + 1).is_some_and(|next| {
                    next.kind == BlockKind::ListItem && next.section == block.section
                });
            if !introduces_list {
                continue;
            }
            let Some(li) = self.lexicon_index(block.lang, doc.lang) else {
                continue;
            };
            let norm = lexicon::normalise(&block.text);
            let ids: Vec<String> = self.lexicons[li]
                .heading_topics(&norm)
                .into_iter()
                .map(|r| self.requirement_map[li][r].clone())
                .collect();
            if ids.is_empty() {
                continue;
            }
            out.insert(bi, ids.clone());
            for (ni, next) in doc.blocks.iter().enumerate().skip(bi + 1) {
                if next.kind != BlockKind::ListItem || next.section != block.section {
                    break;
                }
                out.insert(ni, ids.clone());
            }
        }
        out
    }

    /// Topics of tables from the paragraph right before them, by table: a table led by a
    /// paragraph of its section that names where data comes from ("We receive some of the
    /// data above from third parties. The table below lists them.") lists those sources in
    /// its rows, "Sign-in services | that service sends us your name", as a lead-in ending in
    /// a colon heads its list (round-11 V6). Only the sources' topic: a table of purposes or
    /// recipients names its topic in its header, and a lead that mentions sources in passing
    /// says nothing about the table of another topic that follows it.
    fn table_lead_topics(
        &self,
        doc: &Document,
        units: &[SentenceUnit],
        readings: &[SentenceReading],
    ) -> BTreeMap<usize, Vec<String>> {
        const LEAD_TOPICS: [&str; 1] = ["data-sources"];
        let mut out: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            // the table's first cell, right after a paragraph of the same section
            let Some(cell) = block.cell.filter(|c| c.row == 0 && c.column == 0) else {
                continue;
            };
            let Some(lead) = bi.checked_sub(1) else {
                continue;
            };
            let lb = &doc.blocks[lead];
            if lb.kind != BlockKind::Paragraph || lb.cell.is_some() || lb.section != block.section {
                continue;
            }
            let first = units.partition_point(|(unit_block, _, _)| *unit_block < lead);
            let after = units.partition_point(|(unit_block, _, _)| *unit_block <= lead);
            let mut ids: Vec<String> = Vec::new();
            for u in first..after {
                let (li, scan) = (units[u].1, &readings[u].scan);
                let excluded = |r: usize| scan.cues.contains(&(r, CueKind::Exclude));
                for (r, kind) in &scan.cues {
                    let id = &self.requirement_map[li][*r];
                    if *kind == CueKind::Cue
                        && !excluded(*r)
                        && LEAD_TOPICS.contains(&id.as_str())
                        && !ids.contains(id)
                    {
                        ids.push(id.clone());
                    }
                }
            }
            if !ids.is_empty() {
                out.entry(cell.table).or_default().extend(ids);
            }
        }
        out
    }

    /// The blocks introduced by a paragraph or list item that ends in a colon and whose last
    /// sentence is a cue of who the statement's parties are ("The data controller within
    /// the meaning of Article 4(7) GDPR is:", "Onze functionaris voor
    /// gegevensbescherming:"), or by a title line that only names the party, as the first
    /// line of an address block ("Data Protection Officer" above the postal address): the
    /// next block of the same section, with those requirements.
    ///
    /// A title line that is the first line of its block, above the address after a line
    /// break ("Data Protection Officer⏎Example Ltd⏎1 Sample Street"), introduces the rest of
    /// its own block.
    ///
    /// The cues are those of the block's last sentence (or of the title line) as the
    /// sentence pass read it (`units` and their `readings`, in block order).
    fn introduced_topics(
        &self,
        doc: &Document,
        units: &[SentenceUnit],
        readings: &[SentenceReading],
    ) -> BTreeMap<usize, Vec<String>> {
        // (not the controller's contact: "If you write to customer care:" is a cue of it,
        // and what follows is about the writing)
        const PARTIES: [&str; 3] = ["controller-identity", "dpo-contact", "eu-representative"];
        let party_cues = |u: usize| -> Vec<String> {
            let (li, scan) = (units[u].1, &readings[u].scan);
            let excluded = |r: usize| scan.cues.contains(&(r, CueKind::Exclude));
            (scan.cues.iter())
                .filter(|(r, kind)| *kind == CueKind::Cue && !excluded(*r))
                .map(|(r, _)| self.requirement_map[li][*r].clone())
                .filter(|id| PARTIES.contains(&id.as_str()))
                .collect()
        };
        let mut out: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (bi, block) in doc.blocks.iter().enumerate() {
            let text = block.text.trim_end();
            // a title line above the rest of its own block
            if matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && let Some((title, _)) = text.split_once('\n')
                && is_title_line(title)
            {
                let first = units.partition_point(|(unit_block, _, _)| *unit_block < bi);
                if (units.get(first)).is_some_and(|(unit_block, _, (s, e))| {
                    *unit_block == bi && block.text[*s..*e].trim() == title.trim()
                }) {
                    let ids = party_cues(first);
                    if !ids.is_empty() {
                        out.entry(bi).or_default().extend(ids);
                    }
                }
            }
            let introduces = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && (text.ends_with(':') || is_title_line(text));
            let Some(next) = doc.blocks.get(bi + 1).filter(|next| {
                introduces
                    && next.section == block.section
                    && matches!(
                        next.kind,
                        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Preformatted
                    )
            }) else {
                continue;
            };
            // the block's last sentence: the last unit of the block (units are in block order)
            let after = units.partition_point(|(unit_block, _, _)| *unit_block <= bi);
            let Some(last) = (after.checked_sub(1)).filter(|&u| units[u].0 == bi) else {
                continue;
            };
            let ids = party_cues(last);
            if !ids.is_empty() && next.lang == block.lang {
                out.entry(bi + 1).or_default().extend(ids);
            }
        }
        out
    }

    fn feature_index_in(&self, lexicon: usize, name: &str) -> Option<u16> {
        self.lexicons[lexicon]
            .feature_index(name)
            .map(|f| self.feature_map[lexicon][f])
    }
}

/// Runs of sentences that start at a sentence with `start` and go on with the sentences
/// right after it that have one of `more` (in its block, or opening the next block of its
/// section), and with the items of a list a sentence of the run introduces by ending in a
/// colon (with the later sentences of those items). Each run in the order of the text.
fn runs_from(doc: &Document, sentences: &[Sentence], start: u16, more: &[u16]) -> Vec<Vec<usize>> {
    let ends_in_colon = |i: usize| {
        let s = &sentences[i];
        let text = &doc.blocks[s.block].text;
        (text.get(s.range.0..s.range.1)).is_some_and(|t| t.trim_end().ends_with(':'))
    };
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        if !sentences[i].features.contains(&start) {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        // whether the run has gone on into the list one of its sentences introduced
        let mut listing = false;
        let mut j = i + 1;
        while j < sentences.len() {
            let (prev, next) = (&sentences[j - 1], &sentences[j]);
            let (pb, nb) = (&doc.blocks[prev.block], &doc.blocks[next.block]);
            let same_block = next.block == prev.block;
            let next_block = next.block == prev.block + 1
                && nb.section == pb.section
                && nb.kind != BlockKind::Heading;
            let goes_on = next.features.iter().any(|f| more.contains(f));
            // an item of the list the run introduces, or a later sentence of such an item
            let list_item = nb.kind == BlockKind::ListItem
                && if same_block {
                    listing
                } else if next_block && ends_in_colon(j - 1) {
                    listing = true;
                    true
                } else {
                    next_block && listing && pb.kind == BlockKind::ListItem
                };
            if (goes_on && (same_block || next_block)) || list_item {
                run.push(j);
                j += 1;
            } else {
                break;
            }
        }
        i = j;
        runs.push(run);
    }
    runs
}

/// Whether a paragraph is a title line such as an address block's first line ("Data
/// Protection Officer", "EU Representative"): a few words, not a sentence, and no label
/// with its value ("Controller: Acme LLC" says who it is by itself). Words are counted
/// only up to one past the most a title line has: every paragraph is asked, and counting
/// all the words of a long one cost some 3% of the instructions of checking the corpus.
fn is_title_line(text: &str) -> bool {
    let words = text
        .split_whitespace()
        .take(TITLE_LINE_MAX_WORDS + 1)
        .count();
    (1..=TITLE_LINE_MAX_WORDS).contains(&words) && !text.contains([':', '.', ',', ';', '!', '?'])
}

/// The units of a document with distinct texts (per lexicon), in order, and for each unit
/// the index of the first among them with its text.
fn distinct_units(doc: &Document, units: &[SentenceUnit]) -> (Vec<SentenceUnit>, Vec<usize>) {
    let mut first: HashMap<(usize, &str), usize, BuildHasherDefault<TextHasher>> =
        HashMap::with_capacity_and_hasher(units.len(), Default::default());
    let mut distinct = Vec::with_capacity(units.len());
    let reading_of = (units.iter())
        .map(|&(bi, li, (s, e))| {
            let next = distinct.len();
            let at = *first
                .entry((li, &doc.blocks[bi].text[s..e]))
                .or_insert(next);
            if at == next {
                distinct.push((bi, li, (s, e)));
            }
            at
        })
        .collect();
    (distinct, reading_of)
}

/// The reading of each unit from those of the distinct units (see [`distinct_units`]): a
/// reading is moved to the last unit that has it, and cloned for the others.
fn each_unit_reading(readings: Vec<SentenceReading>, reading_of: &[usize]) -> Vec<SentenceReading> {
    if readings.len() == reading_of.len() {
        return readings;
    }
    let mut uses = vec![0u32; readings.len()];
    for &r in reading_of {
        uses[r] += 1;
    }
    let mut readings: Vec<Option<SentenceReading>> = readings.into_iter().map(Some).collect();
    (reading_of.iter())
        .map(|&r| {
            uses[r] -= 1;
            let slot = &mut readings[r];
            let reading = if uses[r] == 0 {
                slot.take()
            } else {
                slot.clone()
            };
            reading.expect("a reading is taken by the last unit that has it")
        })
        .collect()
}

/// A hasher for the texts of [`distinct_units`] and the literal index of
/// [`patterns::PatternList::new`]: eight bytes per step (FxHash's), where the default hasher
/// takes several instructions per byte and its resistance to crafted keys buys nothing (the
/// texts come from the document, the literals from the rule packs, and a collision costs
/// only a comparison).
#[derive(Default)]
pub(crate) struct TextHasher(u64);

impl std::hash::Hasher for TextHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut step = |word: u64| {
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        };
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            step(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        step(u64::from_le_bytes(last));
    }

    fn write_usize(&mut self, n: usize) {
        self.write(&n.to_le_bytes());
    }
}

/// Whether a table cell reads as a row's (or a column's) label: a few words, not a sentence.
pub(crate) fn is_row_label(text: &str) -> bool {
    let text = text.trim();
    (1..=6).contains(&text.split_whitespace().count())
        && !text.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// The email addresses of `mailto:` links in a range of a block's text ("contact our
/// privacy team <here>"): the address as the link's target spells it, percent-decoded, and
/// only if it has the shape of one.
fn link_emails(block: &Block, range: (usize, usize)) -> impl Iterator<Item = String> + '_ {
    (block.links.iter())
        .filter(move |l| l.range.0 < range.1 && l.range.1 > range.0)
        .filter_map(|l| {
            let target = l.href.strip_prefix("mailto:")?;
            let target = target.split('?').next().unwrap_or_default();
            let decoded = percent_decoded(target);
            let (_, address) = values::emails(&decoded).into_iter().next()?;
            Some(address.to_string())
        })
}

/// `%XX` escapes of a URL decoded (invalid UTF-8 replaced).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An email address the copy of a page hides: web hosts that guard addresses from
/// harvesters replace them with "[email protected]" and a link to their decoder, so the
/// page shows an address to the reader that the saved text does not hold.
fn hidden_email(block: &Block, range: (usize, usize)) -> bool {
    static PROTECTED: values::Needle =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("[email protected]"));
    values::holds(&block.text[range.0..range.1], &PROTECTED)
        || (block.links.iter()).any(|l| {
            l.range.0 < range.1
                && l.range.1 > range.0
                && l.href.contains("/cdn-cgi/l/email-protection")
        })
}

/// The lines of the team's statements in `corpus/en`, `corpus/nl` and `corpus/versions`
/// (those in UTF-8: the encoding fixtures have their own tests), for tests that compare
/// two ways of matching on real sentences.
#[cfg(test)]
pub(crate) fn team_corpus_lines() -> Vec<String> {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut lines = Vec::new();
    for dir in ["en", "nl", "versions"] {
        let mut files: Vec<_> = std::fs::read_dir(corpus.join(dir))
            .expect("team corpus")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for file in files {
            if let Ok(text) = std::fs::read_to_string(&file) {
                lines.extend(text.lines().map(str::to_string));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::percent_decoded;

    /// [`super::is_title_line`] counting every word, as it did.
    fn is_title_line_counting_all(text: &str) -> bool {
        (1..=super::TITLE_LINE_MAX_WORDS).contains(&text.split_whitespace().count())
            && !text.contains([':', '.', ',', ';', '!', '?'])
    }

    #[test]
    fn a_title_line_is_told_by_counting_its_words_no_further_than_needed() {
        let mut texts: Vec<String> = [
            "",
            "   ",
            "Data Protection Officer",
            "EU Representative",
            "Controller: Acme LLC",
            "Functionaris voor de gegevensbescherming",
            "één twee drie vier vijf",
            "een twee drie vier vijf zes",
            " a\tb\nc\u{a0}d\u{3000}e ",
            " a\tb\nc\u{a0}d\u{3000}e f",
        ]
        .map(str::to_string)
        .to_vec();
        // every count of words around the limit, and a long paragraph
        texts.extend((0..=super::TITLE_LINE_MAX_WORDS + 2).map(|n| "word ".repeat(n)));
        texts.push("privacyverklaring ".repeat(500));
        texts.extend(super::team_corpus_lines());
        let mut titles = 0;
        for text in &texts {
            assert_eq!(
                super::is_title_line(text),
                is_title_line_counting_all(text),
                "{text:?}"
            );
            titles += usize::from(super::is_title_line(text));
        }
        assert!(titles > 5, "{titles}");
    }

    #[test]
    fn a_link_to_eur_lex_or_the_commission_is_a_link_to_the_law() {
        use super::links_to_legal_text;
        for href in [
            "https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32010D0087",
            "https://commission.europa.eu/law/law-topic/data-protection_en",
            "http://ec.europa.eu/justice/data-protection/",
            "https://gdpr-info.eu/art-15-gdpr/",
            "HTTPS://WWW.GDPR-INFO.EU/",
        ] {
            assert!(links_to_legal_text(href), "{href}");
        }
        for href in [
            "https://example.com/privacy/sccs.pdf",
            "#safeguards",
            "mailto:privacy@example.com",
            "https://eur-lex.europa.eu.example.net/x",
            "https://notgdpr.eu/",
        ] {
            assert!(!links_to_legal_text(href), "{href}");
        }
    }

    #[test]
    fn percent_escapes_in_a_link_target_are_decoded() {
        assert_eq!(percent_decoded("dpo%40example.com"), "dpo@example.com");
        assert_eq!(percent_decoded("a%E2%80%90b"), "a\u{2010}b");
        // not an escape: left as written
        assert_eq!(percent_decoded("100%"), "100%");
        assert_eq!(percent_decoded("%zz%4"), "%zz%4");
    }
}
