//! The diff engine: targeted revisions we wrote (where the exact changes are known) and
//! every consecutive pair of the real revision histories in ../shared/corpus/versions.

use crate::common;
use privlint::analysis::{self, DocumentAnalysis};
use privlint::diff::{self, Diff, Options};
use privlint::ingest::{self, Format, Source};
use privlint::rules::RuleSet;

fn analyse(rules: &RuleSet, name: &str, text: &str) -> DocumentAnalysis {
    let doc = ingest::parse(Source::from_text(name, text, Some(Format::Markdown)));
    analysis::analyse(rules, doc, Vec::new()).remove(0)
}

const BASE: &str = "# Privacy statement

Example Books B.V., Keizersgracht 1, Amsterdam, is the controller. Questions: privacy@example.com.

## What we use your data for

We use your address to deliver the books you order, because this is necessary for the performance of our contract with you.

## Who receives your data

We share your address with PostNL, which delivers your order.

## How long we keep your data

We keep invoices for 2 years after the end of the financial year.

## Your rights

You can ask us for a copy of the personal data we hold about you.

You can receive your data in a machine-readable format and have it sent to another provider.

Last updated: 3 March 2025
";

fn run(old: &str, new: &str) -> Diff {
    let rules = RuleSet::load(&[]).expect("rules");
    let a = analyse(&rules, "old.md", old);
    let b = analyse(&rules, "new.md", new);
    diff::diff(&rules, &a, &b, Options::default())
}

#[test]
fn a_revision_with_itself_is_empty() {
    let d = run(BASE, BASE);
    assert!(!d.text_changed);
    assert!(d.disclosures.is_empty(), "{:?}", d.disclosures);
    assert!(d.date_issue.is_none());
    assert_eq!(
        d.stats.sections_changed + d.stats.sections_moved + d.stats.sections_added,
        0
    );
}

#[test]
fn reformatting_is_not_a_change() {
    // Re-wrapped lines, a non-breaking space, curly instead of straight quotes.
    let base = BASE.replace("the controller.", "the controller (\"we\").");
    let reformatted = base
        .replace(
            "the books you order, because",
            "the books you order,\nbecause",
        )
        .replace("our contract with you", "our contract\u{a0}with you")
        .replace("(\"we\")", "(\u{201c}we\u{201d})");
    assert_ne!(base, reformatted);
    let d = run(&base, &reformatted);
    assert!(!d.text_changed, "{:#?}", d.sections);
    assert!(d.disclosures.is_empty());
}

#[test]
fn markdown_and_html_of_the_same_statement_diff_by_content() {
    let rules = RuleSet::load(&[]).expect("rules");
    let html = "<!DOCTYPE html><html><head><title>Privacy</title></head><body>\n<h1>Privacy statement</h1>\n\
        <p>Example Books B.V., Keizersgracht 1, Amsterdam, is the controller. Questions: privacy@example.com.</p>\n\
        <h2>What we use your data for</h2>\n<p>We use your address to deliver the books you order, because this is necessary for the performance of our contract with you.</p>\n\
        <h2>Who receives your data</h2>\n<p>We share your address with PostNL, which delivers your order.</p>\n\
        <h2>How long we keep your data</h2>\n<p>We keep invoices for 2 years after the end of the financial year.</p>\n\
        <h2>Your rights</h2>\n<p>You can ask us for a copy of the personal data we hold about you.</p>\n\
        <p>You can receive your data in a machine-readable format and have it sent to another provider.</p>\n\
        <p>Last updated: 3 March 2025</p>\n</body></html>\n";
    let a = analyse(&rules, "old.md", BASE);
    let doc = ingest::parse(Source::from_text("new.html", html, Some(Format::Html)));
    let b = analysis::analyse(&rules, doc, Vec::new()).remove(0);
    let d = diff::diff(&rules, &a, &b, Options::default());
    assert!(!d.text_changed, "{:#?}", d.sections);
    assert!(d.disclosures.is_empty(), "{:?}", d.disclosures);
}

#[test]
fn a_moved_section_is_a_move_not_a_delete_and_add() {
    let moved = BASE.replace(
        "## Who receives your data\n\nWe share your address with PostNL, which delivers your order.\n\n## How long we keep your data\n\nWe keep invoices for 2 years after the end of the financial year.\n",
        "## How long we keep your data\n\nWe keep invoices for 2 years after the end of the financial year.\n\n## Who receives your data\n\nWe share your address with PostNL, which delivers your order.\n",
    );
    assert_ne!(moved, BASE);
    let d = run(BASE, &moved);
    assert_eq!(d.stats.sections_moved, 1, "{:#?}", d.sections);
    assert_eq!(d.stats.sections_added + d.stats.sections_removed, 0);
    assert_eq!(
        d.stats.paragraphs_added + d.stats.paragraphs_removed + d.stats.paragraphs_changed,
        0
    );
    assert!(d.disclosures.is_empty(), "{:?}", d.disclosures);
    // A move is a change of text, and the date did not move.
    assert!(d.date_issue.is_some());
}

#[test]
fn a_longer_retention_period_is_reported_with_old_and_new_values() {
    let d = run(
        BASE,
        &BASE
            .replace("for 2 years", "for 5 years")
            .replace("3 March 2025", "1 June 2025"),
    );
    let c = d
        .disclosures
        .iter()
        .find(|c| c.kind == "retention-changed")
        .expect("retention change");
    assert_eq!(c.old.as_deref(), Some("2 years"));
    assert_eq!(c.new.as_deref(), Some("5 years"));
    assert_eq!(d.disclosures.len(), 1, "{:?}", d.disclosures);
    assert_eq!(
        d.stats.paragraphs_changed, 2,
        "the period and the date line"
    );
    assert!(d.date_issue.is_none());
    assert!(d.summary.contains("2 years → 5 years"), "{}", d.summary);
}

#[test]
fn a_new_recipient_is_reported() {
    let new = BASE.replace(
        "We share your address with PostNL, which delivers your order.",
        "We share your address with PostNL, which delivers your order. We share your email address with Mailchimp, which sends our newsletter.",
    );
    let d = run(BASE, &new.replace("3 March 2025", "1 June 2025"));
    let added: Vec<&str> = d
        .disclosures
        .iter()
        .filter(|c| c.kind == "value-added" && c.requirement == "recipients")
        .filter_map(|c| c.new.as_deref())
        .collect();
    assert_eq!(added, vec!["mailchimp"], "{:?}", d.disclosures);
    assert_eq!(
        d.disclosures[0].requirement, "recipients",
        "a new recipient ranks first"
    );
}

#[test]
fn a_removed_right_is_the_most_important_change() {
    let new = BASE
        .replace("You can receive your data in a machine-readable format and have it sent to another provider.\n\n", "")
        .replace("3 March 2025", "1 June 2025");
    let d = run(BASE, &new);
    let first = d.disclosures.first().expect("a change");
    assert_eq!(first.requirement, "right-portability");
    assert_eq!(first.kind, "right-removed");
    assert!(first.worse);
    assert_eq!(first.new.as_deref(), Some("missing"));
    assert!(d.regression);
    assert_eq!(d.stats.paragraphs_removed, 1);
}

#[test]
fn only_a_bumped_date_is_flagged() {
    let d = run(BASE, &BASE.replace("3 March 2025", "1 June 2025"));
    assert!(!d.text_changed);
    assert_eq!(d.old_date.as_deref(), Some("2025-03-03"));
    assert_eq!(d.new_date.as_deref(), Some("2025-06-01"));
    let issue = d.date_issue.expect("date issue");
    assert!(issue.contains("without a substantive change"), "{issue}");
    assert!(d.disclosures.is_empty());
}

#[test]
fn a_change_without_a_new_date_is_flagged() {
    let d = run(
        BASE,
        &BASE.replace(
            "which delivers your order",
            "which delivers your order and keeps a delivery log",
        ),
    );
    assert!(d.text_changed);
    assert!(d.date_issue.expect("issue").contains("stayed 2025-03-03"));
}

#[test]
fn every_consecutive_pair_of_the_real_histories_diffs() {
    let Some(shared) = common::shared() else {
        return;
    };
    let rules = RuleSet::load(&[]).expect("rules");
    let root = shared.join("corpus/versions");
    let mut services: Vec<_> = std::fs::read_dir(&root)
        .expect("versions")
        .flatten()
        .map(|e| e.path())
        .collect();
    services.sort();
    assert_eq!(services.len(), 9);
    let mut pairs = 0;
    let mut snapshot = String::new();
    for service in services {
        let files = common::files(&service, &[".md", ".html", ".txt"]);
        let revs: Vec<DocumentAnalysis> = files
            .iter()
            .map(|f| {
                analysis::analyse(
                    &rules,
                    analysis::load(f).expect("revision reads"),
                    Vec::new(),
                )
                .remove(0)
            })
            .collect();
        for w in revs.windows(2) {
            let d = diff::diff(&rules, &w[0], &w[1], Options::default());
            // Diffing a revision with itself is empty, whatever it holds.
            let same = diff::diff(&rules, &w[1], &w[1], Options::default());
            assert!(
                !same.text_changed && same.disclosures.is_empty(),
                "{}",
                w[1].path()
            );
            pairs += 1;
            let name = |p: &str| {
                std::path::Path::new(p)
                    .iter()
                    .rev()
                    .take(2)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/")
            };
            let s = d.stats;
            snapshot.push_str(&format!(
                "{} -> {}: dates {:?} -> {:?}; sections +{} -{} moved {} renamed {} changed {}; paragraphs +{} -{} ~{}; disclosures {}; date issue: {}\n",
                name(&d.old_path), name(&d.new_path), d.old_date, d.new_date,
                s.sections_added, s.sections_removed, s.sections_moved, s.sections_renamed, s.sections_changed,
                s.paragraphs_added, s.paragraphs_removed, s.paragraphs_changed,
                d.disclosures.iter().map(|c| format!("{}:{}", c.requirement, c.kind)).collect::<Vec<_>>().join(","),
                d.date_issue.is_some()
            ));
        }
    }
    assert!(pairs >= 60, "{pairs} pairs");
    insta::assert_snapshot!("real_history_structure", snapshot);
}

fn privlint(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    common::privlint_in(Some(dir), args)
}

#[test]
fn revisions_are_read_from_git() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-git");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .current_dir(&dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git runs")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    std::fs::write(dir.join("privacy.md"), BASE).expect("write");
    git(&["add", "privacy.md"]);
    git(&["commit", "-qm", "v1"]);
    let v2 = BASE
        .replace("You can receive your data in a machine-readable format and have it sent to another provider.\n\n", "")
        .replace("3 March 2025", "1 June 2025");
    std::fs::write(dir.join("privacy.md"), v2).expect("write");
    git(&["commit", "-qam", "v2"]);
    let (code, out, err) = privlint(
        &dir,
        &[
            "diff",
            "--git",
            "HEAD~1..HEAD",
            "privacy.md",
            "--format",
            "json",
            "--fail-on-regression",
        ],
    );
    assert_eq!(code, 1, "a removed right is a regression: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["old_path"], "HEAD~1:privacy.md");
    assert_eq!(v["new_date"], "2025-06-01");
    assert_eq!(v["disclosures"][0]["requirement"], "right-portability");
    let (code, out, _) = privlint(&dir, &["history", "--git", "privacy.md"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.matches(":privacy.md → ").count(),
        1,
        "one consecutive pair: {out}"
    );
}
