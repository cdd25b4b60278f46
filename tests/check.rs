//! The check stage on real statements: the Netflix 2024 statement against the worked check
//! of the requirement catalogue (section 3.4), document-kind classification of the seeds,
//! and the CLI's exit codes.

use crate::common;
use privlint::analysis::{self, DocumentAnalysis};
use privlint::finding::{DocumentKind, Status};
use privlint::rules::RuleSet;
use std::path::Path;

fn analyse(path: &Path) -> DocumentAnalysis {
    let rules = RuleSet::load(&[]).expect("bundled rules load");
    let doc = analysis::load(path).expect("seed reads");
    analysis::analyse(&rules, doc, Vec::new()).remove(0)
}

/// Writes `text` to `dir/name` (a statement the test wrote) and analyses it.
fn analyse_written(dir: &Path, name: &str, text: &str) -> DocumentAnalysis {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    analyse(&path)
}

/// The opening of a short statement the tests write (controller, data, purpose), in English
/// and Dutch: four lines, so that a sentence appended to it stands on line 5.
const STUDIO_HEAD_EN: &str = "# Privacy statement\n\nExample Studio B.V., Keizersgracht 1, Amsterdam, is the controller. We use your name and email address to book your lessons.\n\n";
const STUDIO_HEAD_NL: &str = "# Privacyverklaring\n\nExample Studio B.V., Keizersgracht 1, Amsterdam, is verwerkingsverantwoordelijke. Wij gebruiken je naam en e-mailadres om je lessen in te plannen.\n\n";

fn lines(a: &DocumentAnalysis, id: &str) -> Vec<usize> {
    a.requirement(id)
        .map(|r| {
            r.evidence
                .iter()
                .map(|e| a.document.source.line_index.line(e.span.start))
                .collect()
        })
        .unwrap_or_default()
}

/// Catalogue section 3.4, mapped to privlint statuses: PRESENT → met, PRESENT_VAGUE →
/// vague, MISSING → missing, N/A → not-applicable. "PRESENT (partly vague / weak / with
/// vague elements)" is met; controller-identity ("PRESENT_VAGUE / BY_REFERENCE") and
/// cookies-tracking are vague; changes-notice is vague, as the section's summary lists it
/// (its table row says "PRESENT (problematic)"). Each item also lists the lines the worked
/// check cites; privlint's evidence must include one of them.
/// Requirement id, expected status, and the line ranges the worked check cites.
type WorkedItem = (&'static str, Status, &'static [(usize, usize)]);

const NETFLIX_WORKED_CHECK: &[WorkedItem] = &[
    (
        "controller-identity",
        Status::Vague,
        &[(10, 10), (392, 394)],
    ),
    ("controller-contact", Status::Met, &[(8, 8), (205, 205)]),
    ("dpo-contact", Status::Met, &[(8, 8), (205, 205)]),
    ("eu-representative", Status::NotApplicable, &[]),
    ("purposes", Status::Met, &[(89, 109)]),
    ("legal-basis", Status::Met, &[(377, 387)]),
    ("purpose-basis-mapping", Status::Vague, &[(377, 387)]),
    ("legitimate-interests", Status::Vague, &[(383, 383)]),
    ("recipients", Status::Vague, &[(112, 132)]),
    ("transfers", Status::Vague, &[(135, 139)]),
    (
        "transfer-safeguards",
        Status::Met,
        &[(139, 139), (390, 394)],
    ),
    ("retention", Status::Vague, &[(283, 289)]),
    ("right-access", Status::Met, &[(150, 152)]),
    ("right-rectification", Status::Met, &[(150, 150)]),
    ("right-erasure", Status::Met, &[(150, 154)]),
    ("right-restriction", Status::Met, &[(158, 158)]),
    ("right-portability", Status::Met, &[(156, 156)]),
    ("right-object", Status::Vague, &[(158, 158)]),
    ("right-object-marketing", Status::Vague, &[(167, 196)]),
    ("right-withdraw-consent", Status::Met, &[(158, 158)]),
    ("right-complaint", Status::Met, &[(160, 160), (392, 394)]),
    (
        "rights-how-to-exercise",
        Status::Met,
        &[(150, 165), (205, 205)],
    ),
    ("statutory-contractual-requirement", Status::Missing, &[]),
    ("automated-decision-making", Status::Vague, &[(162, 162)]),
    ("data-categories", Status::Met, &[(15, 41)]),
    ("data-sources", Status::Met, &[(44, 86)]),
    ("cookies-tracking", Status::Vague, &[(223, 263)]),
    ("children", Status::Met, &[(186, 186), (299, 301)]),
    // the worked check's summary: "N/A: eu-representative, special-categories,
    // joint-controllers"
    ("special-categories", Status::NotApplicable, &[]),
    ("joint-controllers", Status::NotApplicable, &[]),
    ("changes-notice", Status::Vague, &[(303, 307)]),
    ("last-updated", Status::Met, &[(398, 398)]),
];

#[test]
fn netflix_statement_agrees_with_the_worked_check() {
    let Some(shared) = common::shared() else {
        return;
    };
    let a = analyse(&shared.join("seeds/netflix-privacy-statement-2024-04-17.en.md"));
    assert_eq!(a.kind, DocumentKind::PrivacyStatement);
    assert_eq!(a.last_updated.as_deref(), Some("2024-04-17"));
    let mut wrong = Vec::new();
    for (id, status, ranges) in NETFLIX_WORKED_CHECK {
        let got = a.requirement(id).map(|r| r.status);
        if got != Some(*status) {
            wrong.push(format!("{id}: expected {status}, got {got:?}"));
            continue;
        }
        let ev = lines(&a, id);
        if !ranges.is_empty()
            && !ev
                .iter()
                .any(|l| ranges.iter().any(|(s, e)| (s..=e).contains(&l)))
        {
            wrong.push(format!(
                "{id}: evidence lines {ev:?} outside the cited {ranges:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "disagreements with the worked check:\n{}",
        wrong.join("\n")
    );
    // Every catalogue item has exactly one status.
    let rules = RuleSet::load(&[]).expect("rules");
    assert_eq!(a.requirements.len(), rules.catalogue.requirements.len());
}

#[test]
fn seeds_are_classified_by_kind() {
    let Some(shared) = common::shared() else {
        return;
    };
    let seeds = shared.join("seeds");
    let kind = |f: &str| analyse(&seeds.join(f)).kind;
    assert_eq!(
        kind("netflix-privacy-statement-2024-04-17.en.md"),
        DocumentKind::PrivacyStatement
    );
    assert_eq!(
        kind("nieuws-ap-boete-netflix-2024-12.nl.txt"),
        DocumentKind::Other
    );
    assert_eq!(
        kind("netflix-help-gebruik-persoonsgegevens-tegengaan.nl.txt"),
        DocumentKind::HelpPage
    );
    assert_ne!(
        kind("stappenplan-gegevens-opvragen-netflix.nl.txt"),
        DocumentKind::PrivacyStatement
    );
}

#[test]
fn translations_of_one_statement_are_classified_alike() {
    let Some(shared) = common::shared() else {
        return;
    };
    let real = shared.join("corpus/real");
    for name in [
        "belgif-privacy.html",
        "yivi-privacy.md",
        "coronacheck-privacy-2022.md",
        "coronamelder-privacy.md",
        "mozilla-accounts-privacy-notice.html",
        "mozilla-privacy-policy.md",
    ] {
        let en = analyse(&real.join(format!("en-{name}"))).kind;
        let nl = analyse(&real.join(format!("nl-{name}"))).kind;
        assert_eq!(en, nl, "{name}");
    }
}

#[test]
fn titles_that_name_a_statement_in_other_words_make_it_one() {
    let rules = RuleSet::load(&[]).expect("bundled rules load");
    let kind = |text: &str| {
        let source = privlint::ingest::Source::from_text("title.md", text, None);
        let doc = privlint::ingest::parse(source);
        analysis::analyse(&rules, doc, Vec::new()).remove(0).kind
    };
    for text in [
        "# Declaration of confidentiality\n\nThe Example Agency processes the name and e-mail \
         address you give in the contact form to answer your question. We delete them one year \
         after our answer.\n",
        "# Vertrouwelijkheidsverklaring\n\nHet Voorbeeldagentschap verwerkt de naam en het \
         e-mailadres die u in het contactformulier invult om uw vraag te beantwoorden. Wij \
         verwijderen ze een jaar na ons antwoord.\n",
        "# Privacy notice for Example Browser\n\nExample Browser sends us the number of open tabs \
         and the version you use. We use this data to find and fix crashes. We keep these \
         reports for 13 months.\n",
        "# Privacykennisgeving voor Voorbeeldbrowser\n\nVoorbeeldbrowser stuurt ons het aantal \
         open tabbladen en de versie die u gebruikt. Wij gebruiken deze gegevens om crashes te \
         vinden en te verhelpen. Wij bewaren deze rapporten 13 maanden.\n",
        // the English loanword over a Dutch statement
        "# Privacy Policy\n\nDe Voorbeeldstichting verwerkt de naam en het e-mailadres die u in \
         het contactformulier invult om uw vraag te beantwoorden. Wij verwijderen ze een jaar na \
         ons antwoord.\n",
    ] {
        assert_eq!(kind(text), DocumentKind::PrivacyStatement, "{text}");
    }
}

#[test]
fn a_text_about_the_processing_is_a_help_page_only_in_instruction_voice() {
    let rules = RuleSet::load(&[]).expect("bundled rules load");
    let analyse_text = |name: &str, text: &str| {
        let source = privlint::ingest::Source::from_text(name, text, None);
        let doc = privlint::ingest::parse(source);
        analysis::analyse(&rules, doc, Vec::new()).remove(0)
    };
    // No title and no statement vocabulary: a bare app policy says little, and what it
    // leaves out is reported.
    for (name, text) in [
        (
            "untitled-en.txt",
            "The Example Notes app asks for your email address when you sign up. We use it to \
             send you a login code. We keep it until you delete your account.\n",
        ),
        (
            "untitled-nl.txt",
            "De app Voorbeeldnotities vraagt bij het aanmelden je e-mailadres. Wij gebruiken het \
             om je een inlogcode te sturen. Wij bewaren het tot je je account verwijdert.\n",
        ),
    ] {
        let a = analyse_text(name, text);
        assert_eq!(a.kind, DocumentKind::PrivacyStatement, "{name}");
        assert!(
            a.findings.iter().any(|f| f.code == "PL024"),
            "{name}: the missing right of access is reported"
        );
    }
    // The same subject in the voice of a help page: steps to follow.
    for (name, text) in [
        (
            "steps-en.txt",
            "Crash reports help us fix the Example Notes app. To stop sending them, open the \
             app. Go to Settings. Tap Privacy and switch off Crash reports.\n",
        ),
        (
            "steps-nl.txt",
            "Crashrapporten helpen ons de app Voorbeeldnotities te verbeteren. Wil je ze niet \
             meer versturen? Ga naar Instellingen. Tik op Privacy en zet Crashrapporten uit.\n",
        ),
    ] {
        let a = analyse_text(name, text);
        assert_eq!(a.kind, DocumentKind::HelpPage, "{name}");
        assert!(a.findings.is_empty(), "{name}");
    }
}

#[test]
fn a_news_article_gets_no_requirement_statuses() {
    let Some(shared) = common::shared() else {
        return;
    };
    let a = analyse(&shared.join("seeds/nieuws-ap-boete-netflix-2024-12.nl.txt"));
    assert!(a.requirements.is_empty());
    assert!(a.findings.is_empty());
}

fn privlint(args: &[&str]) -> (i32, String, String) {
    common::privlint_in(None, args)
}

const SAMPLE: &str = "# Privacy statement\n\nExample Media B.V. is the controller. We use your email address to send the newsletter.\n";

#[test]
fn broken_rule_packs_are_refused_with_file_rule_and_field() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "unknown-key.yaml",
            "name: unknown-key\ncolour: red\n",
            &["unknown-key.yaml", "colour"],
        ),
        (
            "bad-yaml.yaml",
            "name: [unclosed\n",
            &["bad-yaml.yaml", "line"],
        ),
        (
            "bad-feature.yaml",
            "name: bad-feature\ncode: PL901\nrequirement: retention\nkind: vague\nseverity: warning\nsummary: s\nwhy: w\nfix: f\nreference: r\nlanguages: [en]\ncheck: {unless_any: [no-such-feature]}\nexamples: {fires: {en: [x]}, passes: {en: [y]}}\n",
            &[
                "bad-feature.yaml",
                "rule bad-feature",
                "check.unless_any",
                "no-such-feature",
            ],
        ),
        (
            "dup-code.yaml",
            "name: dup-code\ncode: PL001\nrequirement: retention\nkind: requires\nseverity: warning\nsummary: s\nwhy: w\nfix: f\nreference: r\nlanguages: [en]\nexamples: {fires: {en: [x]}, passes: {en: [y]}}\n",
            &["dup-code.yaml", "rule dup-code", "field code", "PL001"],
        ),
        (
            "lexicon/en.yaml",
            "language: en\nfeatures: {hedge: ['(unclosed']}\nrequirements: {}\ndocument: {statement: [], instructions: [], news: [], first_person: []}\n",
            &["lexicon/en.yaml", "hedge", "(unclosed"],
        ),
        (
            "lexicon/nl.yaml",
            "language: nl\nfeatures: {hedge: ['misschien']}\nrequirements: {purpose-basis-mapping: {co_occurs: [purposes, legal-basis], co_occurs_with: [no-such-link]}}\ndocument: {statement: [], instructions: [], news: [], first_person: []}\n",
            &[
                "lexicon/nl.yaml",
                "purpose-basis-mapping",
                "co_occurs_with",
                "no-such-link",
            ],
        ),
        (
            "lexicon/nl.yaml",
            "language: nl\nfeatures: {hedge: ['misschien']}\nfeature_unless: {hedge: [no-such-hedge]}\nrequirements: {}\ndocument: {statement: [], instructions: [], news: [], first_person: []}\n",
            &["lexicon/nl.yaml", "feature_unless", "no-such-hedge"],
        ),
        (
            // `\b` after the final full stop asks for a letter there: "B.V. is" never matches
            "lexicon/en.yaml",
            "language: en\nfeatures: {eu-establishment: ['\\b(ltd|b\\.v\\.)\\b']}\nrequirements: {}\ndocument: {statement: [], instructions: [], news: [], first_person: []}\n",
            &["lexicon/en.yaml", "eu-establishment", "(ltd|b", "after `.`"],
        ),
    ];
    for (file, body, needles) in cases {
        let dir = common::scratch(&format!("rules-{}", file.replace('/', "-")));
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(&path, body).expect("write rule");
        let statement = dir.join("statement.md");
        std::fs::write(&statement, SAMPLE).expect("write statement");
        let (code, _, err) = privlint(&[
            "check",
            "--rules",
            dir.to_str().expect("utf8"),
            statement.to_str().expect("utf8"),
        ]);
        assert_eq!(code, 2, "{file}: stderr {err}");
        for n in *needles {
            assert!(err.contains(n), "{file}: stderr lacks {n:?}: {err}");
        }
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = common::scratch("exit-codes");
    let statement = dir.join("statement.md");
    std::fs::write(&statement, SAMPLE).expect("write");
    let s = statement.to_str().expect("utf8");
    // The sample lacks retention, legal basis…: error-level findings.
    assert_eq!(privlint(&["check", s]).0, 1);
    assert_eq!(privlint(&["check", "--exit-zero", s]).0, 0);
    assert_eq!(privlint(&["check", "--fail-on", "never", s]).0, 0);
    let empty = dir.join("empty.md");
    std::fs::write(&empty, "").expect("write");
    let (code, out, err) = privlint(&[
        "check",
        "--fail-on",
        "never",
        s,
        empty.to_str().expect("utf8"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("empty.md: file is empty"), "{err}");
    assert!(
        out.contains("statement.md"),
        "the readable file is still reported"
    );
    assert_eq!(privlint(&["check", "--no-such-flag", s]).0, 2);
}

#[test]
fn json_output_is_deterministic_and_follows_the_contract() {
    let dir = common::scratch("json");
    let statement = dir.join("statement.md");
    std::fs::write(&statement, SAMPLE).expect("write");
    let s = statement.to_str().expect("utf8");
    let (_, first, _) = privlint(&["check", "--format", "json", s]);
    let (_, second, _) = privlint(&["check", "--format", "json", s]);
    assert_eq!(first, second);
    let v: serde_json::Value = serde_json::from_str(&first).expect("valid JSON");
    let doc = &v["documents"][0];
    assert_eq!(doc["kind"], "privacy-statement");
    assert_eq!(doc["language"], "en");
    let reqs = doc["requirements"].as_array().expect("requirements");
    let retention = reqs
        .iter()
        .find(|r| r["id"] == "retention")
        .expect("retention");
    assert_eq!(retention["status"], "missing");
    assert_eq!(retention["article"], "13(2)(a), 14(2)(a)");
    let identity = reqs
        .iter()
        .find(|r| r["id"] == "controller-identity")
        .expect("identity");
    assert_eq!(identity["status"], "met");
    assert_eq!(identity["evidence"][0]["line"], 3);
    let finding = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "missing-retention-period")
        .expect("retention finding");
    assert_eq!(finding["code"], "PL022");
    assert_eq!(
        finding["line"], 1,
        "a missing item anchors at the first heading"
    );
}

#[test]
fn an_item_found_only_on_a_help_page_is_by_reference_with_the_page_as_evidence() {
    let dir = common::scratch("layered");
    let statement = dir.join("statement.md");
    std::fs::write(&statement, SAMPLE).expect("write");
    let help = dir.join("bewaren.md");
    std::fs::write(
        &help,
        "# Hoe lang bewaren wij gegevens\n\nWij bewaren facturen zeven jaar, omdat de fiscale bewaarplicht dat vereist.\n",
    )
    .expect("write");
    let (s, h) = (
        statement.to_str().expect("utf8"),
        help.to_str().expect("utf8"),
    );
    let (_, alone, _) = privlint(&["check", "--format", "json", s]);
    let (_, layered, _) = privlint(&["check", "--format", "json", s, "--with", h]);
    let status = |out: &str| -> (String, serde_json::Value) {
        let v: serde_json::Value = serde_json::from_str(out).expect("json");
        let r = v["documents"][0]["requirements"]
            .as_array()
            .expect("requirements")
            .iter()
            .find(|r| r["id"] == "retention")
            .cloned()
            .expect("retention");
        (r["status"].as_str().unwrap_or_default().to_string(), r)
    };
    assert_eq!(status(&alone).0, "missing");
    let (st, r) = status(&layered);
    assert_eq!(st, "by-reference");
    assert_eq!(r["evidence"][0]["path"], h);
    assert_eq!(r["evidence"][0]["line"], 3);
    let v: serde_json::Value = serde_json::from_str(&layered).expect("json");
    assert_eq!(v["documents"][1]["kind"], "help-page");
    assert_eq!(v["documents"][0]["help_pages"][0], h);
}

#[test]
fn rights_named_only_through_a_pointer_are_by_reference() {
    let dir = common::scratch("rights-pointer");
    let cases = [
        (
            "en.md",
            "# Privacy statement\n\nExample Media B.V. is the controller. We use your email address to send the newsletter.\n\n## Your rights\n\nYou have a number of rights over your personal data. You can find them explained [on the website of the supervisory authority](https://authority.example/rights).\n\nYou have the right to request a copy of your data.\n",
        ),
        (
            "nl.md",
            "# Privacyverklaring\n\nExample Media B.V. is verwerkingsverantwoordelijke. Wij gebruiken uw e-mailadres om de nieuwsbrief te sturen.\n\n## Uw rechten\n\nU heeft verschillende rechten over uw persoonsgegevens. Deze kunt u vinden op de [website van de toezichthouder](https://toezicht.example/rechten).\n\nU heeft recht op inzage in uw gegevens.\n",
        ),
    ];
    for (name, text) in cases {
        let a = analyse_written(&dir, name, text);
        let status = |id: &str| a.requirement(id).map(|r| r.status);
        for id in ["right-rectification", "right-restriction", "right-object"] {
            assert_eq!(status(id), Some(Status::ByReference), "{name} {id}");
            assert_eq!(lines(&a, id), vec![7], "{name} {id}");
        }
        // A right the text states itself stays met, with its own sentence as evidence.
        assert_eq!(status("right-access"), Some(Status::Met), "{name}");
        assert_eq!(lines(&a, "right-access"), vec![9], "{name}");
    }
}

/// A hedged overview of the rights ("depending on where you live, you may have rights, such
/// as …") followed by a pointer to a rights page gives every right it names as an example by
/// reference, as the rights it does not name: not the one it happens to word as a cue as met
/// (round-8 S21). A right the text grants outright beside a pointer stays met.
#[test]
fn rights_given_as_examples_of_a_hedged_overview_before_a_pointer_are_by_reference() {
    let dir = common::scratch("rights-hedged-overview");
    let cases = [
        (
            "en.md",
            "# Privacy statement\n\nExample Media B.V. is the controller. We use your email address to send the newsletter.\n\n## Your rights\n\nDepending on where you live, you may have rights over your personal data, such as asking for a copy of it or for its deletion. For more about these rights and how to use them, see our [rights page](https://example.com/rights).\n",
            "# Privacy statement\n\nExample Media B.V. is the controller. We use your email address to send the newsletter.\n\n## Your rights\n\nYou have the right to have your personal data deleted. For more about these rights, see our [rights page](https://example.com/rights).\n",
        ),
        (
            "nl.md",
            "# Privacyverklaring\n\nExample Media B.V. is verwerkingsverantwoordelijke. Wij gebruiken uw e-mailadres om de nieuwsbrief te sturen.\n\n## Uw rechten\n\nAfhankelijk van waar u woont, heeft u mogelijk rechten over uw persoonsgegevens, zoals het opvragen van een kopie of het laten verwijderen ervan. Meer over deze rechten en hoe u ze gebruikt, vindt u op onze [pagina over rechten](https://example.com/rechten).\n",
            "# Privacyverklaring\n\nExample Media B.V. is verwerkingsverantwoordelijke. Wij gebruiken uw e-mailadres om de nieuwsbrief te sturen.\n\n## Uw rechten\n\nU heeft het recht om uw persoonsgegevens te laten verwijderen. Meer over deze rechten vindt u op onze [pagina over rechten](https://example.com/rechten).\n",
        ),
    ];
    for (name, hedged, outright) in cases {
        let a = analyse_written(&dir, name, hedged);
        let status = |id: &str| a.requirement(id).map(|r| r.status);
        for id in ["right-access", "right-erasure", "right-rectification"] {
            assert_eq!(status(id), Some(Status::ByReference), "{name} {id}");
        }
        let a = analyse_written(&dir, name, outright);
        let status = a.requirement("right-erasure").map(|r| r.status);
        assert_eq!(status, Some(Status::Met), "{name} outright");
    }
}

#[test]
fn a_basis_cited_by_article_point_and_letter_is_named() {
    let dir = common::scratch("basis-point");
    let cases = [
        (
            "en.md",
            format!(
                "{STUDIO_HEAD_EN}We keep your invoices for seven years (Article 6 (1) point (c) GDPR).\n"
            ),
            "article 6 (1) point (c)",
        ),
        (
            "nl.md",
            format!(
                "{STUDIO_HEAD_NL}Wij bewaren je facturen zeven jaar (artikel 6 lid 1 punt c AVG).\n"
            ),
            "artikel 6 lid 1 punt c",
        ),
    ];
    for (name, text, cited) in cases {
        let a = analyse_written(&dir, name, &text);
        let r = a.requirement("legal-basis").expect("legal-basis");
        let named = r
            .values
            .get("legal-basis-named")
            .cloned()
            .unwrap_or_default();
        assert!(named.iter().any(|v| v == cited), "{name}: {named:?}");
    }
}

#[test]
fn a_country_is_given_by_its_name_not_by_the_words_around_it() {
    let dir = common::scratch("country-names");
    let cases = [
        (
            "en.md",
            format!(
                "{STUDIO_HEAD_EN}Our booking system is hosted in the US. Backups are kept by Coldstore Ltd (data storage location: Taiwan), a US-based company, under the EU-U.S. Data Privacy Framework.\n"
            ),
            vec!["united states", "taiwan"],
        ),
        (
            "nl.md",
            format!(
                "{STUDIO_HEAD_NL}Ons boekingssysteem wordt gehost in de VS. Back-ups bewaart Koelhuis B.V. in de Verenigde Staten, onder het EU-VS Data Privacy Framework.\n"
            ),
            vec!["verenigde staten"],
        ),
    ];
    // each country once, by its name: "hosted in the us", "eu-u.s" and "us-based" all name
    // the united states
    assert_country_values(&dir, &cases);
}

/// Every country of a list after the first one the pattern finds ("to the United States,
/// Singapore and Nigeria", "for example the UK, the USA or India"), once each, in the order
/// of the text (round-9 F1); the pronoun after "and" is no country.
#[test]
fn every_country_of_a_list_is_a_value() {
    let dir = common::scratch("country-lists");
    let cases = [
        (
            "en.md",
            format!(
                "{STUDIO_HEAD_EN}Our support desk works from offices in the United States, Singapore and Nigeria, under standard contractual clauses. Invoices may go to another third country, for example the UK, the USA or India.\n"
            ),
            vec![
                "united states",
                "singapore",
                "nigeria",
                "united kingdom",
                "india",
            ],
        ),
        (
            "en-pronoun.md",
            format!(
                "{STUDIO_HEAD_EN}Support questions are transferred to our colleagues in Canada and us in Amsterdam, under standard contractual clauses.\n"
            ),
            vec!["canada"],
        ),
        (
            "nl.md",
            format!(
                "{STUDIO_HEAD_NL}Onze klantenservice werkt vanuit kantoren in de Verenigde Staten, Singapore en Nigeria, onder standaardcontractbepalingen. Facturen kunnen naar een ander derde land gaan, bijvoorbeeld het Verenigd Koninkrijk, de VS of India.\n"
            ),
            vec![
                "verenigde staten",
                "singapore",
                "nigeria",
                "verenigd koninkrijk",
                "india",
            ],
        ),
    ];
    assert_country_values(&dir, &cases);
}

/// Each statement written to `dir` gives exactly these transfer countries, in this order.
fn assert_country_values(dir: &Path, cases: &[(&str, String, Vec<&str>)]) {
    for (name, text, countries) in cases {
        let a = analyse_written(dir, name, text);
        let r = a.requirement("transfers").expect("transfers");
        assert_eq!(
            r.values.get("country").cloned().unwrap_or_default(),
            *countries,
            "{name}: {:?}",
            r.values
        );
    }
}

/// The e-mail address and website of the supervisory authority ("you can contact the Data
/// Protection Commission at …") are not the controller's channels: the values of how to
/// exercise the rights leave them out, and keep the controller's own address in the same
/// sentence (round-9 F6).
#[test]
fn the_authority_channels_are_not_the_controller_channels() {
    let dir = common::scratch("authority-channels");
    let cases = [
        (
            "en.md",
            format!(
                "{STUDIO_HEAD_EN}## Your rights\n\nYou have the right of access. To exercise your rights, write to rights@studio.example, or complain to the supervisory authority at info@authority.example.\n\nYou can also contact the Data Protection Commission via www.authority.example/contact or at desk@authority.example.\n"
            ),
        ),
        (
            "nl.md",
            format!(
                "{STUDIO_HEAD_NL}## Je rechten\n\nJe hebt recht op inzage. Om je rechten uit te oefenen, mail je naar rechten@studio.example, of je dient een klacht in bij de toezichthouder via info@toezicht.example.\n\nJe kunt ook contact opnemen met de Autoriteit Persoonsgegevens via www.toezicht.example/contact of via balie@toezicht.example.\n"
            ),
        ),
    ];
    for (name, text) in cases {
        let a = analyse_written(&dir, name, &text);
        let r = a.requirement("rights-how-to-exercise").expect("rights");
        let email = r.values.get("email").cloned().unwrap_or_default();
        assert_eq!(email.len(), 1, "{name}: {:?}", r.values);
        assert!(
            email[0].contains("studio.example"),
            "{name}: {:?}",
            r.values
        );
        assert!(!r.values.contains_key("url"), "{name}: {:?}", r.values);
    }
}

/// A right named only among what the privacy statement of each separate service will say
/// ("each service will publish its own notice; it will tell you … the possibility to object,
/// if you have that right") is promised for another statement, not stated: vague, or by
/// reference when the deferral links those statements; a right stated outright beside it
/// stays met (round-9 T9).
#[test]
fn a_right_only_promised_for_each_service_statement_is_not_stated() {
    let dir = common::scratch("rights-deferred");
    const DEFERRED: [&str; 6] = [
        "right-access",
        "right-erasure",
        "right-restriction",
        "right-portability",
        "right-object",
        "right-complaint",
    ];
    let cases = [
        (
            "en.md",
            format!(
                "{STUDIO_HEAD_EN}## Your rights\n\nYou can correct your details in your account at any time.\n\n## Service notices\n\n"
            ),
            "Each of our services will later publish its own privacy notice",
            " (see https://studio.example/notices)",
            ". It will tell you whom to contact for:\n\n- a copy of the personal data we hold about you;\n- the erasure of your data, or the restriction of its processing;\n- receiving your data in a machine-readable format;\n- the possibility to object to the processing, if you have that right;\n- lodging a complaint with the Autoriteit Persoonsgegevens.\n",
        ),
        (
            "nl.md",
            format!(
                "{STUDIO_HEAD_NL}## Je rechten\n\nJe kunt je gegevens altijd corrigeren in je account.\n\n## Verklaringen per dienst\n\n"
            ),
            "Elke dienst publiceert later een eigen privacyverklaring",
            " (zie https://studio.example/verklaringen)",
            ". Daarin lees je bij wie je terechtkunt voor:\n\n- inzage in de persoonsgegevens die wij over je hebben;\n- het wissen van je gegevens, of het beperken van de verwerking;\n- het ontvangen van je gegevens in een machineleesbare vorm (overdraagbaarheid);\n- bezwaar tegen de verwerking, als je dat recht hebt;\n- een klacht bij de Autoriteit Persoonsgegevens.\n",
        ),
    ];
    let status = |a: &DocumentAnalysis, id: &str| a.requirement(id).map(|r| r.status);
    for (name, head, deferral, link, list) in cases {
        let a = analyse_written(&dir, name, &format!("{head}{deferral}{list}"));
        for id in DEFERRED {
            assert_eq!(status(&a, id), Some(Status::Vague), "{name} {id}");
        }
        assert_eq!(
            status(&a, "right-rectification"),
            Some(Status::Met),
            "{name}"
        );
        let a = analyse_written(&dir, name, &format!("{head}{deferral}{link}{list}"));
        for id in DEFERRED {
            assert_eq!(
                status(&a, id),
                Some(Status::ByReference),
                "{name} {id} linked"
            );
        }
    }
}

/// A right's evidence comes from the section on the rights before a US state's annex
/// ("California Privacy Notice", round-9 F3), and a purpose's from what a table says before
/// the legend that says what the table sets out ("The table below sets out:", round-9 F5).
#[test]
fn evidence_prefers_the_rights_section_and_skips_annexes_and_legends() {
    let dir = common::scratch("evidence-order");
    let cases = [
        (
            "en.md",
            format!(
                "{STUDIO_HEAD_EN}## What we use your data for\n\nThe table below sets out:\n\n- our purposes for processing your personal data;\n- the legal basis for each purpose.\n\n| Purpose | Legal basis |\n|---|---|\n| We send you reminders of your lessons. | Performance of a contract |\n\nIf you close your account, you can no longer access your personal data in the app.\n\n## Your statutory rights\n\nYou may request a copy of the personal data we hold about you (right of access).\n\n## California Privacy Notice\n\n### Right to know and access\n\nCalifornia residents may request access to the personal information we collected.\n"
            ),
        ),
        (
            "nl.md",
            format!(
                "{STUDIO_HEAD_NL}## Waarvoor wij je gegevens gebruiken\n\nIn onderstaande tabel staat:\n\n- onze doeleinden voor het verwerken van je persoonsgegevens;\n- de grondslag voor elk doel.\n\n| Doel | Grondslag |\n|---|---|\n| Wij sturen je herinneringen aan je lessen. | Uitvoering van een overeenkomst |\n\nAls je je account opheft, kun je je persoonsgegevens niet meer inzien in de app.\n\n## Je wettelijke rechten\n\nJe kunt een kopie vragen van de persoonsgegevens die wij over je hebben (recht op inzage).\n\n## Privacyverklaring voor Californië\n\n### Recht op inzage\n\nInwoners van Californië kunnen inzage vragen in de persoonsgegevens die wij verzamelden.\n"
            ),
        ),
    ];
    for (name, text) in cases {
        let a = analyse_written(&dir, name, &text);
        let first = |id: &str| lines(&a, id).first().copied();
        assert_eq!(
            first("right-access"),
            Some(20),
            "{name}: {:?}",
            lines(&a, "right-access")
        );
        assert_eq!(
            first("purposes"),
            Some(14),
            "{name}: {:?}",
            lines(&a, "purposes")
        );
    }
}

#[test]
fn a_short_lead_in_gives_its_topic_to_the_list_it_introduces() {
    let dir = common::scratch("lead-in");
    let cases = [
        (
            "en.md",
            "# Privacy statement\n\nExample Media B.V. is the controller. We use your email address to send the newsletter.\n\nOur processors:\n\n- Mailhuis B.V. sends the newsletter.\n- Rekenhal B.V. runs our servers.\n",
        ),
        (
            "nl.md",
            "# Privacyverklaring\n\nExample Media B.V. is verwerkingsverantwoordelijke. Wij gebruiken uw e-mailadres om de nieuwsbrief te sturen.\n\nOnze verwerkers:\n\n- Mailhuis B.V. verstuurt de nieuwsbrief.\n- Rekenhal B.V. beheert onze servers.\n",
        ),
    ];
    for (name, text) in cases {
        let a = analyse_written(&dir, name, text);
        let r = a.requirement("recipients").expect("recipients");
        // The named processors in the list make the recipients specific, not catch-all.
        assert_eq!(r.status, Status::Met, "{name}: {}", r.reason);
        assert_eq!(lines(&a, "recipients"), vec![5, 7, 8], "{name}");
        assert_eq!(
            r.values.get("legal-entity").map(Vec::len),
            Some(2),
            "{name}: {:?}",
            r.values
        );
    }
    // A long sentence ending in a colon is not a heading: its list keeps its own topics.
    let path = dir.join("long.md");
    std::fs::write(
        &path,
        "# Privacy statement\n\nExample Media B.V. is the controller. We use your email address to send the newsletter.\n\nIf you want to complain about the newsletter to us or ask a question, please include the following in your message:\n\n- Your name.\n- The date of the newsletter.\n",
    )
    .expect("write");
    let a = analyse(&path);
    assert!(
        lines(&a, "right-complaint").iter().all(|&l| l < 7),
        "{:?}",
        lines(&a, "right-complaint")
    );
}

#[test]
fn a_rights_table_row_label_names_the_right_of_its_row() {
    let dir = common::scratch("row-label");
    // The rows describe each right in plain words; only the label in the first column
    // names it.
    let cases = [
        (
            "en.md",
            "# Privacy statement\n\nExample Media B.V., Keizersgracht 1, Amsterdam, is the controller.\n\n## Your rights\n\n| | What you can ask |\n| --- | --- |\n| Restriction | Ask us to put the use of all or some of your data on hold. |\n| Object | Tell us you disagree with how we use your data, for reasons that concern you. |\n",
            ["Ask us to put", "Tell us you disagree"],
        ),
        (
            "nl.md",
            "# Privacyverklaring\n\nExample Media B.V., Keizersgracht 1, Amsterdam, is verwerkingsverantwoordelijke.\n\n## Uw rechten\n\n| | Wat u kunt vragen |\n| --- | --- |\n| Beperking | Vraag ons het gebruik van al uw gegevens of een deel ervan stil te leggen. |\n| Bezwaar | Laat ons weten dat u het oneens bent met hoe wij uw gegevens gebruiken, om redenen die u betreffen. |\n",
            ["Vraag ons het gebruik", "Laat ons weten"],
        ),
    ];
    for (name, text, rows) in cases {
        let a = analyse_written(&dir, name, text);
        for ((id, line), row) in [("right-restriction", 9), ("right-object", 10)]
            .into_iter()
            .zip(rows)
        {
            let r = a.requirement(id).expect(id);
            assert_eq!(r.status, Status::Met, "{name} {id}: {}", r.reason);
            // the evidence is the row, and its description is quoted, not only its label
            assert!(lines(&a, id).iter().all(|&l| l == line), "{name} {id}");
            assert!(
                r.evidence.iter().any(|e| e.text.starts_with(row)),
                "{name} {id}: {:?}",
                r.evidence
            );
        }
    }
}

#[test]
fn a_statement_that_all_data_comes_from_the_person_has_no_sources_to_name() {
    let dir = common::scratch("sources-denied");
    let (head_en, head_nl) = (STUDIO_HEAD_EN, STUDIO_HEAD_NL);
    // (file, statement, the sentence on line 5, data-sources status; None: any but
    // not-applicable)
    let cases = [
        (
            "en-all.md",
            head_en,
            "All the data we hold about you comes from you.",
            Some(Status::NotApplicable),
        ),
        (
            "en-third.md",
            head_en,
            "We do not obtain personal data from third parties.",
            Some(Status::NotApplicable),
        ),
        (
            "en-only.md",
            head_en,
            "We collect only the data you give us when you sign up.",
            Some(Status::NotApplicable),
        ),
        (
            "nl-all.md",
            head_nl,
            "Alle gegevens krijgen wij van jou zelf.",
            Some(Status::NotApplicable),
        ),
        (
            "nl-third.md",
            head_nl,
            "Wij ontvangen geen gegevens van derden.",
            Some(Status::NotApplicable),
        ),
        (
            "nl-only.md",
            head_nl,
            "Wij verwerken alleen de gegevens die je zelf aan ons geeft.",
            Some(Status::NotApplicable),
        ),
        // one source ruled out, or an age group, says nothing of the others
        (
            "en-brokers.md",
            head_en,
            "We do not buy data from data brokers.",
            None,
        ),
        (
            "en-children.md",
            head_en,
            "We do not collect any personal information from anyone under 13.",
            None,
        ),
        (
            "nl-brokers.md",
            head_nl,
            "Wij kopen geen gegevens van databrokers.",
            None,
        ),
        // a denial that goes on with an exception is no denial
        (
            "en-except.md",
            head_en,
            "We do not obtain personal data from third parties, except when you sign in with Apple. Then we receive your name from Apple.",
            Some(Status::Met),
        ),
        (
            "nl-except.md",
            head_nl,
            "Wij ontvangen geen gegevens van derden, behalve als je inlogt met je Apple-account. Dan ontvangen wij je naam van Apple.",
            Some(Status::Met),
        ),
    ];
    for (name, head, sentence, want) in cases {
        let a = analyse_written(&dir, name, &format!("{head}{sentence}\n"));
        let r = a.requirement("data-sources").expect("data-sources");
        match want {
            Some(status) => assert_eq!(r.status, status, "{name}: {}", r.reason),
            None => assert_ne!(r.status, Status::NotApplicable, "{name}: {}", r.reason),
        }
        if want == Some(Status::NotApplicable) {
            // the denial itself is the evidence
            assert_eq!(lines(&a, "data-sources"), vec![5], "{name}");
        }
    }
}

#[test]
fn a_denial_of_profiling_limited_to_one_set_of_data_does_not_settle_automated_decisions() {
    let dir = common::scratch("scoped-adm-denial");
    let (head_en, head_nl) = (STUDIO_HEAD_EN, STUDIO_HEAD_NL);
    let checks_en = "Our systems automatically check sign-ups for signs of fraud and take appropriate measures.";
    let checks_nl = "Ons systeem controleert aanmeldingen automatisch op fraude en wij nemen passende maatregelen.";
    let scoped_en = "What you tell our support team is analysed for statistics; we do not do any profiling with it.";
    let scoped_nl = "Wat je aan onze klantenservice vertelt, gebruiken wij voor statistieken; wij doen daarmee niet aan profilering.";
    // (file, statement, text after it, status of automated-decision-making)
    let cases = [
        // checks that lead to measures may be automated decisions: it cannot be told
        (
            "en-checks.md",
            head_en,
            checks_en.to_string(),
            Status::Undetermined,
        ),
        (
            "nl-checks.md",
            head_nl,
            checks_nl.to_string(),
            Status::Undetermined,
        ),
        // a denial for the support messages only does not answer for the checks
        (
            "en-scoped.md",
            head_en,
            format!("{scoped_en}\n\n{checks_en}"),
            Status::Undetermined,
        ),
        (
            "nl-scoped.md",
            head_nl,
            format!("{scoped_nl}\n\n{checks_nl}"),
            Status::Undetermined,
        ),
        // a denial for the whole statement does
        (
            "en-denied.md",
            head_en,
            format!("We do not use automated decision-making.\n\n{checks_en}"),
            Status::NotApplicable,
        ),
        (
            "nl-denied.md",
            head_nl,
            format!("Wij maken geen gebruik van geautomatiseerde besluitvorming.\n\n{checks_nl}"),
            Status::NotApplicable,
        ),
        // the scoped denial alone discloses no profiling
        (
            "en-scoped-alone.md",
            head_en,
            scoped_en.to_string(),
            Status::NotApplicable,
        ),
        (
            "nl-scoped-alone.md",
            head_nl,
            scoped_nl.to_string(),
            Status::NotApplicable,
        ),
    ];
    for (name, head, text, want) in cases {
        let a = analyse_written(&dir, name, &format!("{head}{text}\n"));
        let r = a.requirement("automated-decision-making").expect("adm");
        assert_eq!(r.status, want, "{name}: {}", r.reason);
    }
}

#[test]
fn with_no_legal_basis_named_whether_consent_or_legitimate_interests_apply_is_undetermined() {
    let dir = common::scratch("no-basis");
    let (head_en, head_nl) = (STUDIO_HEAD_EN, STUDIO_HEAD_NL);
    // (file, statement, sentence, status of legitimate-interests and right-withdraw-consent)
    let cases = [
        (
            "en-none.md",
            head_en,
            "We keep your bookings for two years.",
            [Status::Undetermined; 2],
        ),
        (
            "nl-none.md",
            head_nl,
            "Wij bewaren je boekingen twee jaar.",
            [Status::Undetermined; 2],
        ),
        // a basis named: the other bases are not relied on
        (
            "en-contract.md",
            head_en,
            "We do this to perform our contract with you (Art. 6(1)(b) GDPR).",
            [Status::NotApplicable; 2],
        ),
        (
            "nl-contract.md",
            head_nl,
            "Dit doen wij om de overeenkomst met je uit te voeren (art. 6 lid 1 sub b AVG).",
            [Status::NotApplicable; 2],
        ),
    ];
    for (name, head, sentence, want) in cases {
        let a = analyse_written(&dir, name, &format!("{head}{sentence}\n"));
        for (id, want) in ["legitimate-interests", "right-withdraw-consent"]
            .iter()
            .zip(want)
        {
            let r = a.requirement(id).expect(id);
            assert_eq!(r.status, want, "{name} {id}: {}", r.reason);
        }
    }
}

#[test]
fn transfer_safeguards_apply_as_far_as_the_text_tells_whether_data_leaves_the_eea() {
    let dir = common::scratch("safeguards-applicability");
    let (head_en, head_nl) = (STUDIO_HEAD_EN, STUDIO_HEAD_NL);
    // (file, statement, text after it, status of transfers and of transfer-safeguards)
    let cases = [
        // nothing said of where data goes: neither item can be decided
        (
            "en-silent.md",
            head_en,
            "We keep your bookings for two years.",
            [Status::Undetermined; 2],
        ),
        (
            "nl-silent.md",
            head_nl,
            "Wij bewaren je boekingen twee jaar.",
            [Status::Undetermined; 2],
        ),
        // a denial answers both
        (
            "en-denied.md",
            head_en,
            "Your data stays within the European Union.",
            [Status::Met, Status::NotApplicable],
        ),
        (
            "nl-denied.md",
            head_nl,
            "Je gegevens blijven binnen de Europese Unie.",
            [Status::Met, Status::NotApplicable],
        ),
        // a transfer in the words of the Dutch vocabulary ("geven … door", "vindt doorgifte
        // plaats naar") needs safeguards
        (
            "nl-outside.md",
            head_nl,
            "Wij geven je gegevens door aan landen buiten de EER.",
            [Status::Vague, Status::Missing],
        ),
        (
            "nl-country.md",
            head_nl,
            "Er vindt doorgifte plaats naar de Verenigde Staten.",
            [Status::Met, Status::Missing],
        ),
        // a country named as where readers live is no destination
        (
            "en-audience.md",
            head_en,
            "For users in Switzerland: read the page we wrote for them.",
            [Status::Undetermined; 2],
        ),
        (
            "nl-audience.md",
            head_nl,
            "Voor gebruikers in Zwitserland: lees de pagina die wij voor hen schreven.",
            [Status::Undetermined; 2],
        ),
        // a transfers section that neither affirms nor denies a transfer leaves the
        // safeguards open
        (
            "nl-section.md",
            head_nl,
            "## Waar bewaren wij je gegevens\n\nWij bewaren je boekingen op servers van onze hostingpartij.",
            [Status::Vague, Status::Undetermined],
        ),
    ];
    for (name, head, text, want) in cases {
        let a = analyse_written(&dir, name, &format!("{head}{text}\n"));
        for (id, want) in ["transfers", "transfer-safeguards"].iter().zip(want) {
            let r = a.requirement(id).expect(id);
            assert_eq!(r.status, want, "{name} {id}: {}", r.reason);
        }
    }
}

#[test]
fn a_plain_denial_of_automated_decisions_reads_the_same_in_both_languages() {
    let dir = common::scratch("adm-denial");
    let (head_en, head_nl) = (STUDIO_HEAD_EN, STUDIO_HEAD_NL);
    // (file, statement, denial, status); without profiling a denial says the item does
    // not apply, whether in the words of Article 22 or in plain ones
    let cases = [
        (
            "en-article.md",
            head_en,
            "We do not make decisions based solely on automated processing that have legal effects on you.",
            Status::NotApplicable,
        ),
        (
            "nl-article.md",
            head_nl,
            "Wij nemen geen besluiten die uitsluitend op geautomatiseerde verwerking berusten en die rechtsgevolgen voor je hebben.",
            Status::NotApplicable,
        ),
        (
            "en-plain.md",
            head_en,
            "Human beings, not computers, make the important decisions that affect you.",
            Status::NotApplicable,
        ),
        (
            "nl-plain.md",
            head_nl,
            "Belangrijke besluiten over jou neemt altijd een medewerker en nooit alleen een computer.",
            Status::NotApplicable,
        ),
    ];
    for (name, head, text, want) in cases {
        let a = analyse_written(&dir, name, &format!("{head}{text}\n"));
        let r = a.requirement("automated-decision-making").expect(name);
        assert_eq!(r.status, want, "{name}: {}", r.reason);
        // the denial is the evidence
        assert_eq!(r.evidence.len(), 1, "{name}: {:?}", r.evidence);
    }
}

#[test]
fn what_an_access_request_returns_is_the_right_of_access_only() {
    let dir = common::scratch("access-list");
    // Art. 15(1) lists what a request for access returns; naming those items there says
    // nothing of the statement's own purposes, retention or sources.
    let cases = [
        (
            "en.md",
            "# Privacy notice\n\nExample Tools GmbH, Hauptstrasse 1, 10115 Berlin, is the controller.\n\n## Your rights\n\nYou have the right to request information about the processing purposes, the recipients, the planned storage period and the origin of your data.\n",
        ),
        (
            "nl.md",
            "# Privacyverklaring\n\nExample Tools B.V., Keizersgracht 1, Amsterdam, is verwerkingsverantwoordelijke.\n\n## Uw rechten\n\nU hebt het recht op inzage in de doeleinden, de ontvangers, de bewaartermijn en de herkomst van uw gegevens.\n",
        ),
    ];
    for (name, text) in cases {
        let a = analyse_written(&dir, name, text);
        let status = |id: &str| a.requirement(id).expect(id).status;
        assert_eq!(status("right-access"), Status::Met, "{name}");
        for id in ["purposes", "recipients", "retention", "data-sources"] {
            assert!(
                matches!(status(id), Status::Missing | Status::Undetermined),
                "{name} {id}: {:?}",
                status(id)
            );
        }
    }
}

#[test]
fn a_short_statement_under_a_statement_title_is_checked() {
    let dir = common::scratch("short-statement");
    let cases = [
        (
            "en.md",
            "# Privacy policy\n\nThis site asks for no account and keeps no data about its visitors.\n\n## Cookies\n\nBy default the site sets no cookies. If you choose, a cookie remembers your preferences in your own browser.\n",
        ),
        (
            "nl.md",
            "# Privacybeleid\n\nDeze site vraagt geen account en bewaart geen gegevens over bezoekers.\n\n## Cookies\n\nStandaard plaatst de site geen cookies. Als je dat wilt, zijn er cookies die je voorkeuren onthouden in je eigen browser.\n",
        ),
    ];
    for (name, text) in cases {
        let a = analyse_written(&dir, name, text);
        assert_eq!(a.kind, DocumentKind::PrivacyStatement, "{name}");
        assert_eq!(
            a.requirement("purposes").map(|r| r.status),
            Some(Status::Met),
            "{name}"
        );
        assert_eq!(lines(&a, "purposes"), vec![7], "{name}");
        assert_eq!(
            a.requirement("controller-identity").map(|r| r.status),
            Some(Status::Missing),
            "{name}"
        );
    }
}

/// Structure-and-verdict snapshot of a real statement: kind, language, date, every
/// requirement's status with its evidence lines, and every finding's code and line —
/// never the statement's sentences.
fn verdict_snapshot(a: &DocumentAnalysis) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "kind: {}\nlanguage: {}\nlast_updated: {}",
        a.kind.as_str(),
        a.lang(),
        a.last_updated.as_deref().unwrap_or("-")
    );
    for r in &a.requirements {
        let _ = writeln!(
            out,
            "{:<34} {:<14} {:?}",
            r.id,
            r.status.as_str(),
            lines(a, &r.id)
        );
    }
    for f in &a.findings {
        let line = a.document.source.line_index.line(f.span.start);
        let _ = writeln!(out, "finding {} {} line {}", f.code, f.rule, line);
    }
    out
}

#[test]
fn real_statement_verdicts() {
    let Some(shared) = common::shared() else {
        return;
    };
    let mut files = common::files(&shared.join("corpus/real"), &[".md", ".html", ".txt"]);
    files.extend(common::files(&shared.join("seeds"), &[".md", ".txt"]));
    assert!(
        files.len() >= 59,
        "expected the 55 real statements and 4 seeds"
    );
    for file in files {
        let a = analyse(&file);
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file")
            .to_string();
        insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!("verdicts", verdict_snapshot(&a));
        });
    }
}

/// The team's own statements: each snapshot shows the statement (our text) followed by
/// what `privlint check` prints for it, so a reviewer reads input and verdict together.
#[test]
fn team_corpus_check_output() {
    let root = common::root();
    let mut files = common::files(&root.join("corpus/en"), &[".md", ".html", ".txt"]);
    files.extend(common::files(
        &root.join("corpus/nl"),
        &[".md", ".html", ".txt"],
    ));
    assert!(
        files.len() >= 6,
        "corpus/en and corpus/nl hold the team's statements"
    );
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
            .current_dir(root)
            .args(["check", "--color", "never", "--fail-on", "never", &rel])
            .output()
            .expect("privlint runs");
        assert_eq!(out.status.code(), Some(0), "{rel}");
        // Decoded as privlint decodes it (the corpus holds windows-1252 and UTF-16 files).
        let input = privlint::ingest::Source::read(&f)
            .expect("corpus file reads")
            .text;
        let shown = format!(
            "==== {rel} ====\n{input}\n==== privlint check {rel} ====\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        insta::with_settings!({snapshot_suffix => rel.replace('/', "__"), prepend_module_to_snapshot => false, omit_expression => true}, {
            insta::assert_snapshot!("corpus_check", shown);
        });
    }
}

/// The intended verdicts in corpus/README.md ("Intended verdicts per statement") are the
/// team's ground truth for its own statements. The compliant statements and the Netflix
/// topics of the failing ones must agree exactly; overall agreement is held to a floor and
/// every disagreement is printed, so a regression shows which cell moved.
#[test]
fn team_corpus_agrees_with_its_intended_verdicts() {
    let root = common::root();
    let keys = common::TEAM_STATEMENTS;
    let rows = common::team_verdict_rows();
    let netflix_topics = [
        "purposes",
        "purpose-basis-mapping",
        "recipients",
        "transfers",
        "retention",
    ];
    let (mut agree, mut total, mut report, mut strict) = (0, 0, Vec::new(), Vec::new());
    for (col, (key, file)) in keys.iter().enumerate() {
        let a = analyse(&root.join(file));
        for row in &rows {
            let id = row[0].as_str();
            let claimed = row[col + 1].split_whitespace().next().unwrap_or("");
            let got = a.requirement(id).map_or("none", |r| r.status.as_str());
            total += 1;
            if got == claimed {
                agree += 1;
                continue;
            }
            let line = format!("{key} {id}: intended {claimed}, privlint {got}");
            let compliant = matches!(*key, "S1" | "N1");
            let netflix = matches!(*key, "S2" | "N2") && netflix_topics.contains(&id);
            if compliant || netflix {
                strict.push(line.clone());
            }
            report.push(line);
        }
    }
    eprintln!(
        "team corpus: {agree}/{total} cells agree\n{}",
        report.join("\n")
    );
    assert!(strict.is_empty(), "must agree:\n{}", strict.join("\n"));
    assert!(
        agree * 100 >= total * 85,
        "agreement {agree}/{total} under 85%:\n{}",
        report.join("\n")
    );
}

/// The project standard: the team's own statements exercise every rule in both languages.
/// Every bundled rule (rules/gdpr) must fire on at least one statement in corpus/en or
/// corpus/nl (found by glob) whose language is one the rule claims, for each language it
/// claims. The failure names each rule and language that no team statement exercises, so a
/// new rule comes with a statement that shows it firing.
#[test]
fn every_rule_fires_on_a_team_statement_in_each_of_its_languages() {
    use std::collections::BTreeSet;
    let root = common::root();
    let rules = RuleSet::load(&[]).expect("bundled rules load");
    assert!(!rules.rules.is_empty(), "no bundled rules");
    let mut files = common::files(&root.join("corpus/en"), &[".md", ".html", ".txt"]);
    files.extend(common::files(
        &root.join("corpus/nl"),
        &[".md", ".html", ".txt"],
    ));
    // (rule code, document language) for every finding on a team statement
    let mut fired: BTreeSet<(String, String)> = BTreeSet::new();
    for f in &files {
        let doc = analysis::load(f).expect("corpus file reads");
        let a = analysis::analyse(&rules, doc, Vec::new()).remove(0);
        for finding in &a.findings {
            fired.insert((finding.code.clone(), a.lang().code().to_string()));
        }
    }
    let mut unexercised = Vec::new();
    for rule in &rules.rules {
        assert!(
            !rule.languages.is_empty(),
            "{} {} claims no language",
            rule.code,
            rule.name
        );
        for lang in &rule.languages {
            if !fired.contains(&(rule.code.clone(), lang.clone())) {
                unexercised.push(format!("{} {} ({lang})", rule.code, rule.name));
            }
        }
    }
    assert!(
        unexercised.is_empty(),
        "{} rule/language pairs fire on no team statement in corpus/en or corpus/nl:\n{}",
        unexercised.len(),
        unexercised.join("\n")
    );
}
