//! Meta-tests over the bundled rule packs: every rule's examples behave as documented in
//! each language it claims, codes and names are unique, and every catalogue id has rules.

use privlint::ingest::{self, Format, Source};
use privlint::lang::Lang;
use privlint::rules::{self, Kind, RuleSet};
use std::collections::BTreeSet;

fn ruleset() -> RuleSet {
    RuleSet::load(&[]).unwrap_or_else(|e| panic!("bundled rules do not load: {e}"))
}

/// Names of the rules that fire on `text`, read as Markdown in `lang`.
fn fired(rules: &RuleSet, text: &str, lang: Lang) -> Vec<String> {
    let mut doc = ingest::parse(Source::from_text(
        "example.md",
        text,
        Some(Format::Markdown),
    ));
    doc.lang = lang;
    for b in &mut doc.blocks {
        b.lang = lang;
    }
    let disc = rules.extractor.extract(&doc);
    let eval = rules::evaluate(rules, (&doc, &disc), &[]);
    eval.findings.into_iter().map(|f| f.rule).collect()
}

#[test]
fn every_rule_example_fires_or_passes_as_documented() {
    let rules = ruleset();
    let mut failures = Vec::new();
    for rule in &rules.rules {
        for lang_code in &rule.languages {
            let lang = Lang::from_code(lang_code).expect("validated language");
            for text in rule.examples.fires.get(lang_code).into_iter().flatten() {
                if !fired(&rules, text, lang).contains(&rule.name) {
                    failures.push(format!(
                        "{} [{lang_code}] should fire on: {text}",
                        rule.name
                    ));
                }
            }
            for text in rule.examples.passes.get(lang_code).into_iter().flatten() {
                if fired(&rules, text, lang).contains(&rule.name) {
                    failures.push(format!(
                        "{} [{lang_code}] should pass on: {text}",
                        rule.name
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn codes_and_names_are_unique_and_every_requirement_is_judged() {
    let rules = ruleset();
    let codes: BTreeSet<&str> = rules.rules.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes.len(), rules.rules.len());
    // Items that can be missing have a `requires` rule unless the catalogue makes their
    // absence `not-applicable`/`undetermined`.
    for req in &rules.catalogue.requirements {
        let has_rule = rules.rules.iter().any(|r| r.requirement == req.id);
        let conditional = req.applies_if.is_some();
        assert!(
            has_rule || conditional,
            "catalogue item {} has no rule and no condition",
            req.id
        );
        let requires = rules
            .rules
            .iter()
            .any(|r| r.requirement == req.id && r.kind == Kind::Requires);
        assert!(
            requires || conditional,
            "{} can be missing but no rule says so",
            req.id
        );
    }
}

#[test]
fn rule_reference_is_generated_and_up_to_date() {
    let rules = ruleset();
    let generated = privlint::rules::reference::reference(&rules);
    let path = crate::common::root().join("rules/README.md");
    if std::env::var_os("PRIVLINT_UPDATE_REFERENCE").is_some() {
        std::fs::write(&path, &generated).expect("write rules/README.md");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "rules/README.md is out of date: run `PRIVLINT_UPDATE_REFERENCE=1 cargo test rule_reference`"
    );
}

/// Every normalised sentence of our corpus and, when present, of the real statements in
/// ../shared, with the rule examples: the texts the prefilter test runs on.
fn sentences_to_match() -> Vec<String> {
    let mut dirs = vec![crate::common::root().join("corpus")];
    if let Some(shared) = crate::common::shared() {
        dirs.push(shared.join("corpus/real"));
        dirs.push(shared.join("seeds"));
    }
    let mut out = Vec::new();
    for dir in dirs {
        for path in crate::common::files(&dir, &[".md", ".html", ".txt"]) {
            let Ok(doc) = privlint::analysis::load(&path) else {
                continue;
            };
            for block in &doc.blocks {
                out.push(privlint::extract::lexicon::normalise(&block.text));
                for (s, e) in privlint::extract::sentences::split(&block.text) {
                    out.push(privlint::extract::lexicon::normalise(&block.text[s..e]));
                }
            }
        }
    }
    for rule in &ruleset().rules {
        for texts in rule
            .examples
            .fires
            .values()
            .chain(rule.examples.passes.values())
        {
            out.extend(
                texts
                    .iter()
                    .map(|t| privlint::extract::lexicon::normalise(t)),
            );
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The literal prefilter and the lazy forward automata only make matching cheaper: on every
/// sentence we have, each lexicon pattern list reports exactly the patterns the full regular
/// expressions match.
#[test]
fn prefiltered_matching_agrees_with_every_pattern_run_in_full() {
    use privlint::extract::lexicon::{LexiconFile, PatternText};
    use privlint::extract::patterns::{Pattern, PatternList};
    let sentences = sentences_to_match();
    assert!(
        sentences.len() > 1000,
        "too few sentences: {}",
        sentences.len()
    );
    let mut checked = 0;
    for (path, text) in privlint::rules::bundled::BUNDLED {
        if !path.contains("/lexicon/") {
            continue;
        }
        let file: LexiconFile = yaml_serde::from_str(text).expect("bundled lexicon parses");
        let mut patterns: Vec<&PatternText> = file.features.values().flatten().collect();
        for vocab in file.requirements.values() {
            for list in [
                &vocab.headings,
                &vocab.heading_exclude,
                &vocab.cues,
                &vocab.negations,
                &vocab.section_cues,
                &vocab.exclude,
                &vocab.table_headers,
            ] {
                patterns.extend(list);
            }
        }
        let doc = &file.document;
        for list in [
            &doc.statement,
            &doc.instructions,
            &doc.news,
            &doc.first_person,
        ] {
            patterns.extend(list);
        }
        for names in file.values.values() {
            patterns.extend(names.values().flatten());
        }
        let list = PatternList::new(
            patterns
                .iter()
                .map(|p| Pattern::new(p.as_str()).expect("bundled pattern compiles"))
                .collect(),
        );
        let full: Vec<regex::Regex> = patterns
            .iter()
            .map(|p| regex::Regex::new(&privlint::extract::literals::prepare(p.as_str())).unwrap())
            .collect();
        for s in &sentences {
            let expected: Vec<usize> = (0..full.len()).filter(|&i| full[i].is_match(s)).collect();
            assert_eq!(
                list.matching(s),
                expected,
                "{path}: prefiltered matching differs on {s:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 2000);
}

/// A basis named only as the exception to something ("unless a legal obligation requires
/// it") matches an `exclude` pattern of legal-basis, which the report's purposes table
/// consults before taking the basis of a purpose from a sentence.
#[test]
fn a_legal_obligation_as_an_exception_is_no_basis() {
    let rules = ruleset();
    let cases = [
        (
            Lang::Nl,
            "Wij geven je e-mailadres aan niemand, tenzij daar een wettelijke verplichting toe bestaat.",
            true,
        ),
        (
            Lang::Nl,
            "Wij bewaren je facturen op grond van een wettelijke verplichting.",
            false,
        ),
        (
            Lang::En,
            "We share your address with no one, unless a legal obligation requires us to.",
            true,
        ),
        (
            Lang::En,
            "We keep your invoices to comply with a legal obligation.",
            false,
        ),
    ];
    for (lang, text, excluded) in cases {
        let mut doc = ingest::parse(Source::from_text("s.md", text, Some(Format::Markdown)));
        doc.lang = lang;
        for b in &mut doc.blocks {
            b.lang = lang;
        }
        let disc = rules.extractor.extract(&doc);
        let sentence = &disc.sentences[0];
        assert_eq!(
            rules.extractor.excludes(sentence, lang, "legal-basis"),
            excluded,
            "{text}"
        );
        let named = rules
            .extractor
            .feature_values(sentence, lang, "legal-basis-named");
        assert!(!named.is_empty(), "the basis is named in: {text}");
    }
}
