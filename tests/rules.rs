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
