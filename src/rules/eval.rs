//! Evaluating a rule set on one statement (plus optional help pages that form a layered
//! notice with it) into one status per catalogue requirement and a list of findings.

use super::{Check, Condition, Kind, Rule, RuleSet, Scope};
use crate::extract::{Disclosures, Hit, Topic, Via};
use crate::finding::{Evidence, Finding, Status};
use crate::ingest::{BlockKind, Document};
use crate::span::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The verdict on one requirement, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementResult {
    pub id: String,
    pub article: String,
    pub status: Status,
    pub evidence: Vec<Evidence>,
    pub reason: String,
    /// Typed values found in the evidence, by feature name (`duration`, `country`, …).
    pub values: BTreeMap<String, Vec<String>>,
    /// Names of the rules that fired for this requirement.
    pub rules: Vec<String>,
}

/// All verdicts and findings for one statement.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub requirements: Vec<RequirementResult>,
    pub findings: Vec<Finding>,
}

/// The reason a right gets when it is named only among what the privacy statement of each
/// separate service will say (see [`evaluate`]); the Dutch report translates it.
pub const RIGHT_ONLY_DEFERRED: &str = "the right is only promised for the privacy statement of each separate service, not stated in this one";

/// A document with what was extracted from it.
pub type Analysed<'a> = (&'a Document, &'a Disclosures);

/// Evaluate `rules` on a statement; `help` pages are consulted for items the statement
/// does not address itself (those become `by-reference` with the help page as evidence).
pub fn evaluate(rules: &RuleSet, main: Analysed, help: &[Analysed]) -> Evaluation {
    let mut out = Evaluation::default();
    let (doc, disc) = main;
    // the typed values of the statement's sentences, by sentence and feature: several
    // requirements ask for the same ones (an email address of a sentence that is evidence
    // of both the controller's and the DPO's contact)
    let mut values = SentenceValues::default();
    let pointer = PointerFeatures::of(rules);
    let (f_deferred, f_deferred_linked) = (
        rules.extractor.feature_id("deferral-scope"),
        rules.extractor.feature_id("deferral-linked"),
    );
    for req in &rules.catalogue.requirements {
        let id = req.id.as_str();
        let rules_for: Vec<&Rule> = rules.rules.iter().filter(|r| r.requirement == id).collect();
        let empty = Topic::default();
        let topic = disc.topic(id).unwrap_or(&empty);
        let requires = rules_for.iter().find(|r| r.kind == Kind::Requires).copied();
        let order = EvidenceOrder::of(rules, req);
        let mut result = RequirementResult {
            id: id.to_string(),
            article: req.article.clone(),
            status: Status::Met,
            evidence: Vec::new(),
            reason: String::new(),
            values: BTreeMap::new(),
            rules: Vec::new(),
        };

        // Applicability: the catalogue's condition, then the requiring rule's.
        if let Some(cond) = &req.applies_if
            && !topic.addressed()
            && !condition_holds(rules, cond, main)
        {
            if let Some(undecided) = &req.undetermined_if
                && condition_holds(rules, undecided, main)
            {
                result.status = Status::Undetermined;
                result.reason = (req.undetermined_reason.clone())
                    .unwrap_or_else(|| format!("cannot tell whether it applies {}", req.applies));
            } else {
                result.status = req.otherwise.unwrap_or(Status::NotApplicable);
                result.reason = req
                    .otherwise_reason
                    .clone()
                    .unwrap_or_else(|| format!("applies {}", req.applies));
            }
            out.requirements.push(result);
            continue;
        }
        if let Some(rule) = requires
            && let Some(cond) = &rule.applies_if
            && !topic.addressed()
            && !condition_holds(rules, cond, main)
        {
            result.status = rule.otherwise.unwrap_or(Status::NotApplicable);
            result.reason = rule
                .otherwise_reason
                .clone()
                .unwrap_or_else(|| "its condition does not hold for this statement".into());
            out.requirements.push(result);
            continue;
        }

        if !topic.addressed() {
            // A layered notice: the item may be on a help page.
            if let Some((hdoc, hdisc, htopic)) = help
                .iter()
                .find_map(|(d, x)| x.topic(id).filter(|t| t.addressed()).map(|t| (*d, *x, t)))
            {
                result.status = Status::ByReference;
                result.evidence = pick_evidence(hdoc, hdisc, htopic, &BTreeSet::new(), &order);
                result.reason = format!("addressed only on the help page {}", hdoc.path());
                let mut help_values = SentenceValues::default();
                result.values =
                    collect_values(rules, (hdoc, hdisc), htopic, &req.values, &mut help_values);
                out.requirements.push(result);
                continue;
            }
            result.status = Status::Missing;
            if let Some(rule) = requires {
                result.status = rule.status.unwrap_or(Status::Missing);
                result.reason = rule.summary.clone();
                result.rules.push(rule.name.clone());
                let borrowed = rule
                    .evidence_from
                    .as_deref()
                    .and_then(|other| disc.topic(other))
                    .map(|t| pick_evidence(doc, disc, t, &BTreeSet::new(), &order))
                    .unwrap_or_default();
                let (span, quote) = borrowed
                    .first()
                    .map(|e| (e.span, Some(e.text.clone())))
                    .unwrap_or((anchor(doc), None));
                result.evidence = borrowed;
                out.findings.push(finding(rule, doc, span, quote));
            } else {
                result.reason = "not addressed".into();
            }
            out.requirements.push(result);
            continue;
        }

        let direct: Vec<&Hit> = topic
            .hits
            .iter()
            .filter(|h| matches!(h.via, Via::Cue | Via::Negation))
            .collect();
        // a heading that names the topic ("Data Sharing and Third-Party Services") above
        // "we do not share your data with anyone" says nothing of its own
        let in_heading = |h: &&Hit| is_heading(doc, disc, h.sentence);
        let negation_only = direct.iter().any(|h| h.via == Via::Negation)
            && direct
                .iter()
                .all(|h| h.via == Via::Negation || in_heading(h));
        // a link to the Commission's model clauses or another legal text is never the
        // controller's own layer of the transfer safeguards ("see the text" on the
        // Commission's page of standard contractual clauses): it gives the law, not the
        // safeguards relied on (catalogue §4.2; round-11 H8)
        let law_only =
            |h: &&Hit| id == "transfer-safeguards" && pointer.only_to_law(disc, h.sentence);
        let is_reference = |h: &&Hit| pointer.defers(disc, h.sentence) && !law_only(h);
        let substantive_section = topic
            .hits
            .iter()
            .filter(|h| h.via == Via::Section)
            .any(|h| !is_reference(&h));
        // likewise a heading ("## Cookies") over a link to another page
        let reference_only = direct.iter().any(is_reference)
            && direct.iter().all(|h| is_reference(h) || in_heading(h))
            && !substantive_section;

        let mut decisive: BTreeSet<u16> = BTreeSet::new();
        let mut fired: Vec<&Rule> = Vec::new();
        // per fired rule, the features it fired on (its finding points at a sentence with one)
        let mut fired_on: Vec<Vec<u16>> = Vec::new();
        let mut degrade = false;
        if reference_only {
            result.status = Status::ByReference;
            result.reason = "only a link to another page".into();
            for rule in rules_for.iter().filter(|r| r.kind == Kind::Reference) {
                fired.push(rule);
            }
        } else if negation_only
            && req.status_when_denied() == Status::NotApplicable
            && req
                .applies_if
                .as_ref()
                .is_some_and(|c| !condition_holds(rules, c, main))
        {
            // "We are established in the EU, so we have no representative": the statement
            // itself says the item does not apply.
            result.status = Status::NotApplicable;
            result.reason = "the statement says this does not apply".into();
        } else if negation_only {
            result.status = Status::Met;
            result.reason = "the statement says this does not happen".into();
        } else {
            for rule in &rules_for {
                let (fires, on) = match rule.kind {
                    Kind::Vague => {
                        let (f, mut d) = vague_fires(rules, &rule.check, doc, disc, topic);
                        if f && !rule.check.points_at.is_empty() {
                            d = ids(rules, &rule.check.points_at);
                        }
                        decisive.extend(d.iter().copied());
                        (f, d)
                    }
                    Kind::Forbids => {
                        let (ids, unless) = (
                            ids(rules, &rule.check.if_any),
                            ids(rules, &rule.check.unless_any),
                        );
                        let scope = scoped(&rule.check, doc, disc, topic);
                        // what it forbids occurs, and nothing that makes it harmless
                        let f = scope.iter().any(|&s| has_any(disc, s, &ids))
                            && !scope.iter().any(|&s| has_any(disc, s, &unless));
                        if f && rule.check.degrades {
                            degrade = true;
                        }
                        (f, ids)
                    }
                    Kind::Occurrence => (
                        occurrence_fires(rules, &rule.check, doc, disc, topic),
                        Vec::new(),
                    ),
                    _ => (false, Vec::new()),
                };
                if fires {
                    fired.push(rule);
                    fired_on.push(on);
                }
            }
            // the most serious defect first, in the reason, the Dutch reason and the rule list
            // alike: a reader of "vague" should meet first what weighs most
            let mut by_severity: Vec<(&Rule, Vec<u16>)> = fired.into_iter().zip(fired_on).collect();
            by_severity.sort_by_key(|(r, _)| std::cmp::Reverse(r.severity));
            (fired, fired_on) = by_severity.into_iter().unzip();
            let vague = degrade || fired.iter().any(|r| r.kind == Kind::Vague);
            result.status = if vague { Status::Vague } else { Status::Met };
            result.reason = if vague {
                fired
                    .iter()
                    .filter(|r| matches!(r.kind, Kind::Vague | Kind::Forbids))
                    .map(|r| r.summary.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                "addressed".into()
            };
            // a right named only among what the statement of each separate service will say
            // ("it will tell you whom to contact about … the possibility to object") is
            // promised for another statement, not stated in this one; with a link to those
            // statements it is given by reference
            let deferred = |h: &&Hit| f_deferred.is_some_and(|f| has_any(disc, h.sentence, &[f]));
            let only_deferred = req.group == "right"
                && direct.iter().any(deferred)
                && direct.iter().all(|h| deferred(h) || in_heading(h))
                && (topic.hits.iter())
                    .filter(|h| h.via == Via::Section)
                    .all(|h| deferred(&h));
            if !vague && only_deferred {
                let linked = direct.iter().any(|h| {
                    deferred(h)
                        && f_deferred_linked.is_some_and(|f| has_any(disc, h.sentence, &[f]))
                });
                result.status = if linked {
                    Status::ByReference
                } else {
                    Status::Vague
                };
                result.reason = RIGHT_ONLY_DEFERRED.into();
            }
        }
        let ranked = rank_evidence(doc, disc, topic, &decisive, &order);
        result.evidence = ranked
            .iter()
            .take(3)
            .map(|&i| evidence(doc, disc, i))
            .collect();
        result.values = collect_values(rules, main, topic, &req.values, &mut values);
        if result.status == Status::Met && !result.values.is_empty() && !negation_only {
            let shown: Vec<String> = result
                .values
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.join(", ")))
                .collect();
            result.reason = format!("addressed ({})", shown.join("; "));
        }
        let at = result.evidence.first().map(|e| (e.span, e.text.clone()));
        fired_on.resize(fired.len(), Vec::new());
        let headings: BTreeSet<usize> = (topic.hits.iter())
            .filter(|h| h.via == Via::Heading)
            .map(|h| h.sentence)
            .collect();
        for (rule, on) in fired.into_iter().zip(&fired_on) {
            result.rules.push(rule.name.clone());
            // a rule that fired on a feature points at the best evidence sentence with it
            // (which may lie past the three shown), or at the first sentence with it when
            // none of the evidence has it (a `forbids` rule with document scope), otherwise
            // at the best evidence
            let with_feature =
                |i: &usize| disc.sentences[*i].features.iter().any(|f| on.contains(f));
            let heading = |i: &usize| headings.contains(i);
            let own = (!on.is_empty())
                .then(|| {
                    // a sentence says more than a heading with the same words
                    (ranked.iter().copied())
                        .find(|i| with_feature(i) && !heading(i))
                        .or_else(|| ranked.iter().copied().find(with_feature))
                        .or_else(|| (0..disc.sentences.len()).find(with_feature))
                })
                .flatten()
                .map(|i| {
                    let e = evidence(doc, disc, i);
                    (e.span, e.text)
                });
            let (span, quote) = own
                .or_else(|| at.clone())
                .map_or((anchor(doc), None), |(span, text)| (span, Some(text)));
            out.findings.push(finding(rule, doc, span, quote));
        }
        out.requirements.push(result);
    }
    out.findings
        .sort_by(|a, b| (a.span.start, &a.code).cmp(&(b.span.start, &b.code)));
    out
}

fn finding(rule: &Rule, doc: &Document, span: Span, quote: Option<String>) -> Finding {
    Finding {
        rule: rule.name.clone(),
        code: rule.code.clone(),
        severity: rule.severity,
        requirement: rule.requirement.clone(),
        message: rule.summary.clone(),
        path: doc.path().to_string(),
        span,
        quote,
    }
}

/// Where findings about missing items point: the document's first heading, or its start.
pub fn anchor(doc: &Document) -> Span {
    doc.sections
        .iter()
        .find_map(|s| s.heading)
        .map(|h| doc.blocks[h].span)
        .or_else(|| doc.blocks.first().map(|b| b.span))
        .unwrap_or_default()
}

fn ids(rules: &RuleSet, names: &[String]) -> Vec<u16> {
    names
        .iter()
        .filter_map(|n| rules.extractor.feature_id(n))
        .collect()
}

fn has_any(disc: &Disclosures, sentence: usize, ids: &[u16]) -> bool {
    disc.sentences[sentence]
        .features
        .iter()
        .any(|f| ids.contains(f))
}

fn condition_holds(rules: &RuleSet, cond: &Condition, main: Analysed) -> bool {
    let (doc, disc) = main;
    let any_sentence = |names: &[String]| {
        let ids = ids(rules, names);
        disc.sentences
            .iter()
            .any(|s| s.features.iter().any(|f| ids.contains(f)))
    };
    let topic = |id: &String| disc.topic(id);
    // a cue affirms the item, except a heading over a passage that denies it ("## Transfers
    // outside the EEA" above "we do not transfer your data outside the EEA"): a heading
    // names the topic, it says nothing of it
    let affirms = |t: &Topic| {
        let denied = t.hits.iter().any(|h| h.via == Via::Negation);
        let heading =
            |h: &Hit| doc.blocks[disc.sentences[h.sentence].block].kind == BlockKind::Heading;
        (t.hits.iter()).any(|h| h.via == Via::Cue && !(denied && heading(h)))
    };
    let has = || {
        let (ids, except) = (ids(rules, &cond.has), ids(rules, &cond.except));
        disc.sentences.iter().any(|s| {
            s.features.iter().any(|f| ids.contains(f))
                && !s.features.iter().any(|f| except.contains(f))
        })
    };
    let lacks_in = |l: &crate::catalogue::LacksIn| {
        let (ids, except) = (ids(rules, &l.features), ids(rules, &l.except));
        let evidence = topic(&l.requirement).map_or(&[][..], |t| &t.hits[..]);
        !evidence.iter().any(|h| {
            let features = &disc.sentences[h.sentence].features;
            features.iter().any(|f| ids.contains(f)) && !features.iter().any(|f| except.contains(f))
        })
    };
    (cond.has.is_empty() || has())
        && (cond.language.is_empty() || cond.language.contains(&doc.lang))
        && (cond.lacks.is_empty() || !any_sentence(&cond.lacks))
        && cond.lacks_in.as_ref().is_none_or(lacks_in)
        && (cond.addressed.is_empty()
            || cond
                .addressed
                .iter()
                .any(|r| topic(r).is_some_and(Topic::addressed)))
        && (cond.affirmed.is_empty()
            || (cond.affirmed.iter()).any(|r| topic(r).is_some_and(affirms)))
        && !(cond.unaddressed.iter()).any(|r| topic(r).is_some_and(Topic::addressed))
        && !(cond.undenied.iter())
            .any(|r| topic(r).is_some_and(|t| t.hits.iter().any(|h| h.via == Via::Negation)))
        && (cond.either.is_empty()
            || (cond.either.iter()).any(|alternative| condition_holds(rules, alternative, main)))
}

/// Sentence indices a check looks at.
fn scoped(check: &Check, doc: &Document, disc: &Disclosures, topic: &Topic) -> Vec<usize> {
    let mut v: Vec<usize> = match check.scope {
        Scope::Document => (0..disc.sentences.len()).collect(),
        Scope::Cues => topic
            .hits
            .iter()
            .filter(|h| matches!(h.via, Via::Cue | Via::Negation))
            .map(|h| h.sentence)
            .collect(),
        Scope::Evidence => topic.hits.iter().map(|h| h.sentence).collect(),
        Scope::Section => {
            let inside: Vec<usize> = topic
                .hits
                .iter()
                .filter(|h| h.in_section)
                .map(|h| h.sentence)
                .collect();
            if inside.is_empty() {
                topic.hits.iter().map(|h| h.sentence).collect()
            } else {
                inside
            }
        }
        Scope::Surrounding => {
            let section_of = |s: usize| doc.blocks.get(disc.sentences[s].block).map(|b| b.section);
            let sections: BTreeSet<usize> = (topic.hits.iter())
                .filter(|h| matches!(h.via, Via::Cue | Via::Negation))
                .filter_map(|h| section_of(h.sentence))
                .collect();
            (0..disc.sentences.len())
                .filter(|&s| section_of(s).is_some_and(|x| sections.contains(&x)))
                .collect()
        }
    };
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether a vague rule fires (all its given tests fire), and the features that decided it.
fn vague_fires(
    rules: &RuleSet,
    check: &Check,
    doc: &Document,
    disc: &Disclosures,
    topic: &Topic,
) -> (bool, Vec<u16>) {
    let scope = scoped(check, doc, disc, topic);
    // a rule whose `if_any` finds nothing cannot fire, and nothing it looked for decided
    // anything (what would have kept it quiet is no evidence then); what it fires on is
    // decisive only when it fires (a rule that `unless_any` keeps quiet points at what kept
    // it quiet)
    let mut fired_on = Vec::new();
    if !check.if_any.is_empty() {
        let ids = ids(rules, &check.if_any);
        if !scope.iter().any(|&s| has_any(disc, s, &ids)) {
            return (false, Vec::new());
        }
        fired_on.extend(ids);
    }
    let mut fires = true;
    let mut decisive = Vec::new();
    if !check.unless_any.is_empty() {
        let ids = ids(rules, &check.unless_any);
        let found = scope.iter().any(|&s| has_any(disc, s, &ids));
        fires &= !found;
        if found {
            decisive.extend(ids);
        }
    }
    if !check.share_of.is_empty() {
        let ids = ids(rules, &check.share_of);
        let pool: Vec<usize> = if check.share_among.is_empty() {
            // The requirement's own cue sentences, within the check's scope; a heading that
            // uses the cue's words ("If you fail to provide personal data") names the topic
            // of what follows and says nothing itself.
            let cues: Vec<usize> = topic
                .hits
                .iter()
                .filter(|h| h.via == Via::Cue && !is_heading(doc, disc, h.sentence))
                .map(|h| h.sentence)
                .collect();
            scope.iter().copied().filter(|s| cues.contains(s)).collect()
        } else {
            let among = self::ids(rules, &check.share_among);
            scope
                .iter()
                .copied()
                .filter(|&s| has_any(disc, s, &among))
                .collect()
        };
        let pointer = (check.share_counts_pointers).then(|| PointerFeatures::of(rules));
        let n = (pool.iter())
            .filter(|&&s| {
                has_any(disc, s, &ids) || pointer.as_ref().is_some_and(|p| p.in_sentence(disc, s))
            })
            .count();
        let share = if pool.is_empty() {
            0.0
        } else {
            n as f64 / pool.len() as f64
        };
        let found = share >= check.share.unwrap_or(1.0);
        fires &= found;
        if found {
            // what a share rule fires on is the share it measures ("mostly generic
            // retention" points at a generic clause, not at the one concrete period its
            // `if_any` asked for)
            fired_on = ids;
        }
    }
    if fires {
        decisive.extend(fired_on);
    }
    (fires, decisive)
}

fn occurrence_fires(
    rules: &RuleSet,
    check: &Check,
    doc: &Document,
    disc: &Disclosures,
    topic: &Topic,
) -> bool {
    let scope = scoped(check, doc, disc, topic);
    let ids = ids(rules, &check.if_any);
    let words: usize = scope
        .iter()
        .map(|&s| disc.sentences[s].norm.split_whitespace().count())
        .sum();
    if words < 20 {
        return false;
    }
    let n = scope.iter().filter(|&&s| has_any(disc, s, &ids)).count();
    n as f64 * 100.0 / words as f64 > check.per_100_words.unwrap_or(f64::MAX)
}

/// The features that make a sentence a pointer to another page for what it names: a
/// pointer's words ("for more information", "visit our …") with a link or an address.
struct PointerFeatures {
    reference: Option<u16>,
    links: [Option<u16>; 2],
    /// Links to a legal text (EUR-Lex, the Commission's pages), and links elsewhere.
    law_links: [Option<u16>; 2],
    /// The rights named as a whole and hedged ("depending on where you live, you may have
    /// rights, such as …"): see [`PointerFeatures::defers`].
    overview: Option<u16>,
    hedged: Option<u16>,
}

impl PointerFeatures {
    fn of(rules: &RuleSet) -> Self {
        PointerFeatures {
            reference: rules.extractor.feature_id("reference"),
            links: [
                rules.extractor.feature_id("link"),
                rules.extractor.feature_id("url"),
            ],
            law_links: [
                rules.extractor.feature_id("link-to-law"),
                rules.extractor.feature_id("link-not-to-law"),
            ],
            overview: rules.extractor.feature_id("rights-overview"),
            hedged: rules.extractor.feature_id("hedged-right"),
        }
    }

    /// Whether a sentence leaves what it names to another page: a pointer itself, or a
    /// hedged overview of the rights ("depending on where you live, you may have rights, such
    /// as asking for a copy or for deletion") in a paragraph with a pointer ("for more about
    /// these rights and how to use them, see our [rights page]"). Each right such an overview
    /// gives as an example is then disclosed by reference, as the rights it does not name
    /// are: the example says only which rights there may be, the page says what they are.
    fn defers(&self, disc: &Disclosures, sentence: usize) -> bool {
        if self.in_sentence(disc, sentence) {
            return true;
        }
        let features = &disc.sentences[sentence].features;
        let has = |f: Option<u16>| f.is_some_and(|f| features.contains(&f));
        if !(has(self.overview) && has(self.hedged)) {
            return false;
        }
        // the sentences of a block stand together
        let block = disc.sentences[sentence].block;
        let same_block = |s: &usize| disc.sentences[*s].block == block;
        let before = (0..sentence).rev().take_while(same_block);
        let after = (sentence + 1..disc.sentences.len()).take_while(same_block);
        before.chain(after).any(|s| self.in_sentence(disc, s))
    }

    /// Whether every link of a sentence goes to a legal text.
    fn only_to_law(&self, disc: &Disclosures, sentence: usize) -> bool {
        let features = &disc.sentences[sentence].features;
        let has = |f: Option<u16>| f.is_some_and(|f| features.contains(&f));
        has(self.law_links[0]) && !has(self.law_links[1])
    }

    /// Whether a sentence is such a pointer.
    fn in_sentence(&self, disc: &Disclosures, sentence: usize) -> bool {
        let features = &disc.sentences[sentence].features;
        self.reference.is_some_and(|r| features.contains(&r))
            && self.links.iter().flatten().any(|l| features.contains(l))
    }
}

/// Whether a sentence is (in) a heading.
fn is_heading(doc: &Document, disc: &Disclosures, sentence: usize) -> bool {
    let block = disc.sentences[sentence].block;
    (doc.blocks.get(block)).is_some_and(|b| b.kind == BlockKind::Heading)
}

/// The rank of a table row's label ("Restriction") or a column's ("Purpose", "Legal
/// basis"): below everything else, since the row's or the column's own cells say more.
const ROW_LABEL_RANK: u8 = 7;

/// The rank of a table's legend ("The table below sets out: our purpose; our legal basis"):
/// after text that only sits in a section about the item, since the table says more.
const LEGEND_RANK: u8 = 6;

/// The evidence sentences of a requirement, best first (the first three are shown; the first
/// is the one a finding points at): cue sentences with a decisive feature, then other cue
/// sentences (with the cells of a column whose header names the item), then headings, then
/// section text, then a table's legend, then a table row's label (only for a row none of
/// whose cells is cited) and a column's header.
fn rank_evidence(
    doc: &Document,
    disc: &Disclosures,
    topic: &Topic,
    decisive: &BTreeSet<u16>,
    order: &EvidenceOrder,
) -> Vec<usize> {
    let has =
        |s: &crate::extract::Sentence, f: Option<u16>| f.is_some_and(|f| s.features.contains(&f));
    let cell_of = |i: usize| (doc.blocks.get(disc.sentences[i].block)).and_then(|b| b.cell);
    // a column label: a table's header cell ("Purpose", "Legal basis") of a few words
    let column_label = |i: usize| {
        cell_of(i).is_some_and(|c| c.header || c.row == 0)
            && (doc.blocks.get(disc.sentences[i].block))
                .is_some_and(|b| crate::extract::is_row_label(&b.text))
    };
    // the columns whose label names the item: their cells are its records. A label in the
    // item's own words ("Purpose") names it; one that only shares the table's topics
    // ("Legal basis" beside "Purpose") does so for a table none of whose labels does.
    let labels = (topic.hits.iter())
        .filter(|h| column_label(h.sentence))
        .filter_map(|h| cell_of(h.sentence).map(|c| (c.table, c.column, h.via != Via::Heading)));
    let (own, shared): (Vec<_>, Vec<_>) = labels.partition(|l| l.2);
    let own_tables: BTreeSet<usize> = own.iter().map(|l| l.0).collect();
    let columns: BTreeSet<(usize, usize)> = (own.into_iter())
        .chain(shared.into_iter().filter(|l| !own_tables.contains(&l.0)))
        .map(|l| (l.0, l.1))
        .collect();
    let mut ranked: Vec<(bool, u8, bool, usize)> = topic
        .hits
        .iter()
        .map(|h| {
            let s = &disc.sentences[h.sentence];
            let decisive_here = s.features.iter().any(|f| decisive.contains(f));
            // a heading that uses the topic's words ranks as a heading: a sentence under it
            // says more
            let via = if is_heading(doc, disc, h.sentence) {
                Via::Heading
            } else {
                h.via
            };
            // a table row's label heads its row
            let cell = cell_of(h.sentence);
            let row_label = via == Via::Heading
                && cell.is_some_and(|c| c.column == 0 && c.row > 0 && !c.header);
            // a column's label ("Purpose", "Legal basis") names what the cells under it say;
            // those cells (with words, not a number "1.") are the item's records: after a cue
            // in a section about the item, before its heading
            let column_label = !decisive_here && column_label(h.sentence);
            let record = via == Via::Section
                && cell.is_some_and(|c| {
                    !c.header && c.row > 0 && columns.contains(&(c.table, c.column))
                })
                && s.norm.chars().filter(|c| c.is_alphabetic()).count() >= 3;
            let rank = match (via, h.in_section) {
                _ if row_label || column_label => ROW_LABEL_RANK,
                // a legend that says what a table below sets out, not what it says
                _ if has(s, order.legend) => LEGEND_RANK,
                _ if record => 2,
                (Via::Cue | Via::Negation, true) if decisive_here => 0,
                (Via::Cue | Via::Negation, true) => 1,
                (Via::Cue | Via::Negation, false) if decisive_here => 2,
                (Via::Heading, _) => 3,
                (Via::Section, _) if decisive_here => 3,
                (Via::Cue | Via::Negation, false) => 4,
                (Via::Section, _) => 5,
            };
            // a US state's annex after the rest; a right's own words in the rights section
            // before those elsewhere
            (
                has(s, order.demote),
                rank,
                !has(s, order.prefer),
                h.sentence,
            )
        })
        .collect();
    ranked.sort_unstable();
    ranked.dedup_by_key(|r| r.3);
    // a row's label is evidence only for a row whose cells are not evidence themselves
    let row_of = |i: usize| {
        let block = disc.sentences[i].block;
        (doc.blocks.get(block).and_then(|b| b.cell)).map(|c| (c.table, c.row))
    };
    let rows_cited: BTreeSet<(usize, usize)> = (ranked.iter())
        .filter(|r| r.1 < ROW_LABEL_RANK)
        .filter_map(|r| row_of(r.3))
        .collect();
    ranked.retain(|r| {
        r.1 < ROW_LABEL_RANK || row_of(r.3).is_none_or(|row| !rows_cited.contains(&row))
    });
    ranked.into_iter().map(|r| r.3).collect()
}

/// What orders evidence beyond how a sentence addresses the requirement (see
/// [`rank_evidence`]): the features of sentences shown last (a US state's annex), first
/// among equals (a right's own words in the section on the rights) and of a table's legend.
#[derive(Default)]
struct EvidenceOrder {
    demote: Option<u16>,
    prefer: Option<u16>,
    legend: Option<u16>,
}

impl EvidenceOrder {
    fn of(rules: &RuleSet, req: &crate::catalogue::Requirement) -> Self {
        let f = |name: &str| rules.extractor.feature_id(name);
        EvidenceOrder {
            demote: f("us-state-section"),
            prefer: (req.group == "right")
                .then(|| f("rights-section"))
                .flatten(),
            legend: f("table-legend-scope"),
        }
    }
}

/// The narrowest evidence: the three best-ranked sentences (see [`rank_evidence`]).
fn pick_evidence(
    doc: &Document,
    disc: &Disclosures,
    topic: &Topic,
    decisive: &BTreeSet<u16>,
    order: &EvidenceOrder,
) -> Vec<Evidence> {
    (rank_evidence(doc, disc, topic, decisive, order)
        .into_iter()
        .take(3))
    .map(|i| evidence(doc, disc, i))
    .collect()
}

/// One sentence as evidence.
fn evidence(doc: &Document, disc: &Disclosures, i: usize) -> Evidence {
    let s = &disc.sentences[i];
    Evidence {
        path: doc.path().to_string(),
        span: s.span,
        text: doc.blocks[s.block].text[s.range.0..s.range.1].to_string(),
    }
}

/// The typed values found so far in the sentences of one document, by sentence and feature
/// name (see [`collect_values`]).
type SentenceValues<'r> = HashMap<(usize, &'r str), Vec<String>>;

fn collect_values<'r>(
    rules: &RuleSet,
    (doc, disc): Analysed,
    topic: &Topic,
    features: &'r [String],
    known: &mut SentenceValues<'r>,
) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut sentences: Vec<usize> = topic.hits.iter().map(|h| h.sentence).collect();
    sentences.sort_unstable();
    sentences.dedup();
    for name in features {
        let Some(fid) = rules.extractor.feature_id(name) else {
            continue;
        };
        let mut found: Vec<String> = Vec::new();
        for &si in &sentences {
            let s = &disc.sentences[si];
            if !s.features.contains(&fid) {
                continue;
            }
            let vals = known
                .entry((si, name.as_str()))
                .or_insert_with(|| rules.extractor.sentence_values(doc, s, name));
            // a channel of the supervisory authority ("you can contact the DPC at …") is not
            // one of the controller's: only what the sentence names before it counts
            let authority_at = matches!(name.as_str(), "email" | "url" | "phone")
                .then(|| rules.extractor.authority_contact_at(doc, s))
                .flatten();
            let before_authority = |v: &String| {
                authority_at.is_none_or(|cut| {
                    (s.norm.find(&v.to_lowercase())).is_some_and(|at| at + v.len() <= cut)
                })
            };
            for v in vals.iter().filter(|v| before_authority(v)) {
                if !found.contains(v) && found.len() < 12 {
                    found.push(v.clone());
                }
            }
        }
        if !found.is_empty() {
            out.insert(name.clone(), found);
        }
    }
    out
}
