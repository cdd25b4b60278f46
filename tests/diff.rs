//! The diff engine: targeted revisions we wrote (where the exact changes are known) and
//! every consecutive pair of the real revision histories in ../shared/corpus/versions.
//!
//! Targeted cases are directories under `tests/fixtures/diff/`: `old.*`, `new.*` (any
//! format) and `expected.json` with the complete expected result — text changed or not,
//! the date check, every section/paragraph count, and the exact set of disclosure changes
//! (requirement, kind, old, new). Adding a case is adding a directory.

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

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[allow(dead_code)]
    why: String,
    #[serde(default)]
    ignore: Vec<String>,
    text_changed: bool,
    date_check: String,
    stats: serde_json::Value,
    disclosures: Vec<ExpectedChange>,
    /// The requirement of the most important change.
    #[serde(default)]
    first: Option<String>,
    regression: bool,
}

#[derive(serde::Deserialize, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct ExpectedChange {
    requirement: String,
    kind: String,
    old: Option<String>,
    new: Option<String>,
}

fn revision(dir: &std::path::Path, stem: &str) -> std::path::PathBuf {
    let found: Vec<_> = std::fs::read_dir(dir)
        .expect("case dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_stem().is_some_and(|s| s == stem))
        .collect();
    assert_eq!(found.len(), 1, "{}: one {stem}.* file", dir.display());
    found.into_iter().next().expect("one")
}

#[test]
fn targeted_cases_report_exactly_their_changes() {
    let rules = RuleSet::load(&[]).expect("rules");
    let root = common::root().join("tests/fixtures/diff");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/fixtures/diff")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "{} cases", cases.len());
    let mut failures = Vec::new();
    for dir in &cases {
        let name = dir
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let expected: Expected = serde_json::from_str(
            &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"),
        )
        .unwrap_or_else(|e| panic!("{name}/expected.json: {e}"));
        let analyse = |stem: &str| {
            let doc = analysis::load(&revision(dir, stem)).expect("revision reads");
            analysis::analyse(&rules, doc, Vec::new()).remove(0)
        };
        let options = Options {
            ignore_dates: expected.ignore.iter().any(|i| i == "dates"),
            ignore_numbering: expected.ignore.iter().any(|i| i == "numbering"),
        };
        let d = diff::diff(&rules, &analyse("old"), &analyse("new"), options);
        let mut actual: Vec<ExpectedChange> = d
            .disclosures
            .iter()
            .map(|c| ExpectedChange {
                requirement: c.requirement.clone(),
                kind: c.kind.to_string(),
                old: c.old.clone(),
                new: c.new.clone(),
            })
            .collect();
        actual.sort();
        let mut want = expected.disclosures;
        want.sort();
        let stats = serde_json::to_value(d.stats).expect("stats");
        let mut problems = Vec::new();
        if d.text_changed != expected.text_changed {
            problems.push(format!("text_changed {}", d.text_changed));
        }
        if d.date_check != expected.date_check {
            problems.push(format!("date_check {} ({:?})", d.date_check, d.date_issue));
        }
        if stats != expected.stats {
            problems.push(format!("stats {stats}"));
        }
        if actual != want {
            problems.push(format!("disclosures {actual:?}"));
        }
        if let Some(first) = &expected.first
            && d.disclosures.first().map(|c| &c.requirement) != Some(first)
        {
            problems.push(format!("first change {:?}", d.disclosures.first()));
        }
        if d.regression != expected.regression {
            problems.push(format!("regression {}", d.regression));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
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
    let dir = common::scratch("diff-git");
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
