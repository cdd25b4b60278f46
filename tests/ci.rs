//! CI integration: every output format on the same fixed statements (snapshots), SARIF
//! validated against the official schema, exit codes, configuration discovery,
//! suppressions, baselines and `--changed-since`.

use crate::common::{self, files, privlint_in, root};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The fixed inputs of the format snapshots: statements the team wrote, one per format and
/// language, with suppression comments.
const INPUTS: [&str; 3] = [
    "tests/fixtures/ci/suppressed-en.md",
    "tests/fixtures/ci/opgeschort-nl.txt",
    "tests/fixtures/ci/pagina.html",
];

const FORMATS: [&str; 8] = [
    "text", "json", "jsonl", "sarif", "junit", "github", "gitlab", "markdown",
];

fn check(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check", "--color", "never"];
    all.extend_from_slice(args);
    privlint_in(Some(root()), &all)
}

fn check_format(format: &str) -> String {
    let mut args = vec!["--format", format];
    args.extend_from_slice(&INPUTS);
    let (code, out, err) = check(&args);
    // The inputs have error-level findings (missing retention in one, missing recipients in
    // another), so the default `--fail-on error` fails.
    assert_eq!(code, 1, "{format}: {err}");
    out
}

/// SARIF with the long rule texts cut to their ids, and the tool version masked.
fn sarif_for_snapshot(text: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    let driver = &mut v["runs"][0]["tool"]["driver"];
    driver["version"] = "[version]".into();
    driver["semanticVersion"] = "[version]".into();
    let rules: Vec<serde_json::Value> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["id"].as_str().unwrap_or(""),
                r["name"].as_str().unwrap_or(""),
                r["defaultConfiguration"]["level"].as_str().unwrap_or(""),
                r["helpUri"].as_str().unwrap_or("")
            )
            .into()
        })
        .collect();
    driver["rules"] = rules.into();
    serde_json::to_string_pretty(&v).expect("json")
}

fn mask_version(text: &str) -> String {
    text.replace(
        &format!("\"version\":\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\":\"[version]\"",
    )
    .replace(
        &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\": \"[version]\"",
    )
}

#[test]
fn every_format_on_the_fixed_statements() {
    for format in FORMATS {
        let out = check_format(format);
        match format {
            "json" | "gitlab" => {
                serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
            }
            "jsonl" => {
                let lines: Vec<&str> = out.lines().collect();
                assert_eq!(lines.len(), INPUTS.len(), "one object per document");
                for (l, input) in lines.iter().zip(INPUTS) {
                    let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                    assert_eq!(v["path"], input);
                }
            }
            _ => {}
        }
        let shown = match format {
            "sarif" => sarif_for_snapshot(&out),
            _ => mask_version(&out),
        };
        insta::with_settings!({description => format!("privlint check --format {format} {}", INPUTS.join(" "))}, {
            insta::assert_snapshot!(format!("ci_format_{format}"), shown);
        });
    }
}

fn sarif_schema() -> Option<jsonschema::Validator> {
    let path = std::env::var_os("PRIVLINT_SARIF_SCHEMA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/ci/sarif-schema-2.1.0.json"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "{}: the SARIF schema is missing but CI is set (.ci/run fetches it)",
                path.display()
            );
        }
        eprintln!(
            "notice: {} not found; skipping SARIF schema validation (run `python3 .ci/fetch-sarif-schema {}`)",
            path.display(),
            path.display()
        );
        return None;
    };
    // The published 2.1.0 schema has one malformed pattern (`run.language`, a stray `]`),
    // which a validator that checks `format: regex` rejects. privlint never writes
    // `run.language`; the pattern is corrected in memory so the rest can be checked with
    // format validation on (URIs, dates).
    let text = text.replace(
        r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
        r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
    );
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    Some(
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles"),
    )
}

/// Structural promises beyond the schema: every result has a location and a known rule,
/// fingerprints are unique, URIs are relative.
fn assert_sarif_contract(label: &str, v: &serde_json::Value) {
    let run = &v["runs"][0];
    let ids: BTreeSet<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            for key in [
                "name",
                "shortDescription",
                "fullDescription",
                "help",
                "helpUri",
            ] {
                assert!(!r[key].is_null(), "{label}: rule {} lacks {key}", r["id"]);
            }
            r["id"].as_str().expect("id")
        })
        .collect();
    let mut prints = BTreeSet::new();
    for r in run["results"].as_array().expect("results") {
        let id = r["ruleId"].as_str().expect("ruleId");
        assert!(ids.contains(id), "{label}: result for unknown rule {id}");
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(
            !uri.starts_with('/') && !uri.contains("://"),
            "{label}: {uri} not relative"
        );
        assert!(
            loc["region"]["startLine"].as_u64().unwrap_or(0) >= 1,
            "{label}: no line"
        );
        let fp = r["partialFingerprints"]["privlint/v1"]
            .as_str()
            .expect("fingerprint");
        assert!(
            prints.insert(fp.to_string()),
            "{label}: duplicate fingerprint {fp}"
        );
    }
}

#[test]
fn every_sarif_the_suite_writes_is_valid() {
    let validator = sarif_schema();
    let mut runs: Vec<Vec<String>> = INPUTS.iter().map(|i| vec![i.to_string()]).collect();
    runs.push(INPUTS.iter().map(|s| s.to_string()).collect());
    for f in files(&root().join("corpus"), &[".md", ".html", ".txt"]) {
        let rel = f.strip_prefix(root()).expect("under root");
        runs.push(vec![rel.display().to_string()]);
    }
    // A layered notice: a statement with its help page.
    runs.push(vec![
        "corpus/en/compliant-streaming.md".into(),
        "--with".into(),
        "corpus/en/help-data-requests.md".into(),
    ]);
    for inputs in runs {
        let mut args: Vec<&str> = vec!["--format", "sarif"];
        args.extend(inputs.iter().map(String::as_str));
        let (code, out, err) = check(&args);
        let label = inputs.join(" ");
        assert!(code == 0 || code == 1, "{label}: exit {code}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("SARIF is JSON");
        assert_sarif_contract(&label, &v);
        if let Some(validator) = &validator {
            let errors: Vec<String> = validator
                .iter_errors(&v)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{label}: SARIF invalid:\n{}",
                errors.join("\n")
            );
        }
    }
}

#[test]
fn junit_has_one_testcase_per_requirement_and_document() {
    let out = check_format("junit");
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let catalogue_items = privlint::rules::RuleSet::load(&[])
        .expect("bundled rules")
        .catalogue
        .requirements
        .len();
    assert!(catalogue_items >= 30, "{catalogue_items} catalogue items");
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), INPUTS.len());
    for (suite, input) in suites.iter().zip(INPUTS) {
        assert_eq!(suite.attribute("name"), Some(input));
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let requirement_cases = cases
            .iter()
            .filter(|c| {
                !c.attribute("name")
                    .unwrap_or("")
                    .ends_with("› suppressions")
            })
            .count();
        assert_eq!(
            requirement_cases, catalogue_items,
            "{input}: one testcase per catalogue item"
        );
        for c in &cases {
            assert!(c.attribute("name").unwrap_or("").starts_with(input));
        }
        let failures = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
            .count();
        assert_eq!(
            suite.attribute("failures"),
            Some(failures.to_string().as_str())
        );
    }
}

#[test]
fn github_annotations_are_single_escaped_lines() {
    let out = check_format("github");
    let shape = regex::Regex::new(
        r"^::(error|warning|notice) file=[^,:]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=PL\d{3} [a-z-]+::[^\r\n]+$",
    )
    .expect("pattern");
    assert!(!out.is_empty());
    for line in out.lines() {
        assert!(shape.is_match(line), "bad annotation: {line}");
    }
}

#[test]
fn github_format_writes_the_job_summary() {
    let dir = scratch("summary");
    let summary = dir.join("summary.md");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"));
    cmd.current_dir(root())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--format", "github", INPUTS[1]]);
    let out = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&summary).expect("summary written");
    assert!(text.starts_with("# privlint\n"));
    assert!(text.contains(&format!("## `{}`", INPUTS[1])));
    assert!(text.len() < 1024 * 1024);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn gitlab_fingerprints_are_unique() {
    let out = check_format("gitlab");
    let v: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON array");
    let prints: BTreeSet<&str> = v.iter().filter_map(|i| i["fingerprint"].as_str()).collect();
    assert_eq!(prints.len(), v.len());
    for i in &v {
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap_or(""))
        );
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap_or(0) >= 1);
    }
}

/// A fresh directory under the target dir (removed by the test that made it).
pub fn scratch(name: &str) -> PathBuf {
    common::scratch(&format!("ci-{name}"))
}

#[test]
fn output_writes_several_formats_from_one_run() {
    let dir = scratch("outputs");
    let sarif = dir.join("out.sarif");
    let junit = dir.join("out.xml");
    let jsonl = dir.join("out.jsonl");
    let mut args = vec!["--format".to_string(), "json".to_string()];
    for (f, p) in [("sarif", &sarif), ("junit", &junit), ("jsonl", &jsonl)] {
        args.push("--output".into());
        args.push(format!("{f}={}", p.display()));
    }
    args.extend(INPUTS.iter().map(|s| s.to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = check(&argv);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, check_format("json"));
    for (f, p) in [("sarif", &sarif), ("junit", &junit), ("jsonl", &jsonl)] {
        let written = std::fs::read_to_string(p).expect("written");
        assert_eq!(
            written,
            check_format(f),
            "{f} file differs from --format {f}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn exit_codes_follow_fail_on() {
    let input = INPUTS[1];
    assert_eq!(
        check(&[input]).0,
        1,
        "an error-level finding fails by default"
    );
    assert_eq!(check(&["--fail-on", "never", input]).0, 0);
    assert_eq!(check(&["--exit-zero", "--fail-on", "info", input]).0, 0);
    // The HTML fixture has only warnings: passes at `error`, fails at `warning`.
    let html = INPUTS[2];
    assert_eq!(check(&[html]).0, 0);
    assert_eq!(check(&["--fail-on", "warning", html]).0, 1);
    // Usage and input errors are 2, with the file named.
    let (code, _, err) = check(&["no/such/file.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.md"), "{err}");
    assert_eq!(check(&["--format", "xml", input]).0, 2);
    let (code, _, err) = check(&["--output", "pdf=x.pdf", input]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format `pdf`"), "{err}");
    let (code, _, err) = check(&["--output", &format!("text={input}"), input]);
    assert_eq!(code, 2);
    assert!(err.contains("refusing to overwrite"), "{err}");
}

/// A throwaway repository: `.git` marks the root for config discovery.
pub fn repo(name: &str) -> PathBuf {
    let dir = scratch(name);
    git(&dir, &["init", "-q"]);
    git(&dir, &["config", "user.email", "ci@privlint.test"]);
    git(&dir, &["config", "user.name", "privlint tests"]);
    dir
}

pub fn git(dir: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs")
        .status
        .success();
    assert!(ok, "git {args:?} failed");
}

pub fn copy_in(dir: &Path, from: &str, to: &str) -> PathBuf {
    let dest = dir.join(to);
    std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
    std::fs::copy(root().join(from), &dest).expect("copy");
    dest
}

fn json_findings(out: &str) -> Vec<(String, usize)> {
    let v: serde_json::Value = serde_json::from_str(out).expect("json");
    v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .flat_map(|d| d["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0) as usize,
            )
        })
        .collect()
}

#[test]
fn config_is_discovered_upward_to_the_repository_root() {
    let dir = repo("config");
    copy_in(&dir, INPUTS[1], "docs/nl/verklaring.txt");
    let sub = dir.join("docs/nl");
    std::fs::write(
        dir.join("privlint.toml"),
        "ignore = [\"missing-recipients\"]\nfail-on = \"never\"\n\n[severity]\nmissing-right-to-object = \"error\"\n",
    )
    .expect("write config");
    let (code, out, err) =
        privlint_in(Some(&sub), &["check", "--format", "json", "verklaring.txt"]);
    assert_eq!(code, 0, "fail-on never from the config: {err}");
    let rules: Vec<String> = json_findings(&out).into_iter().map(|(r, _)| r).collect();
    assert!(!rules.contains(&"missing-recipients".to_string()));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let object = v["documents"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "missing-right-to-object")
        .expect("still reported");
    assert_eq!(object["severity"], "error", "severity override applied");

    // --isolated ignores it; --fail-on on the command line beats the file.
    let (code, out, _) = privlint_in(
        Some(&sub),
        &["check", "--isolated", "--format", "json", "verklaring.txt"],
    );
    assert_eq!(code, 1);
    assert!(
        json_findings(&out)
            .iter()
            .any(|(r, _)| r == "missing-recipients")
    );
    assert_eq!(
        privlint_in(
            Some(&sub),
            &["check", "--fail-on", "warning", "verklaring.txt"]
        )
        .0,
        1
    );

    // `privlint config` shows where the configuration came from.
    let (code, out, _) = privlint_in(Some(&sub), &["config"]);
    assert_eq!(code, 0);
    assert!(out.contains("privlint.toml"), "{out}");
    assert!(out.contains("ignore = [\"missing-recipients\"]"), "{out}");

    // A privlint.toml above the repository root is not used.
    let inner = dir.join("inner");
    std::fs::create_dir_all(inner.join(".git")).expect("nested repo marker");
    let (_, out, _) = privlint_in(Some(&inner), &["config"]);
    assert!(out.contains("defaults"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn config_include_with_and_languages() {
    let dir = repo("include");
    copy_in(&dir, INPUTS[0], "site/privacy.md");
    copy_in(&dir, INPUTS[1], "site/nl/privacy.txt");
    copy_in(
        &dir,
        "corpus/en/help-data-requests.md",
        "site/help/requests.md",
    );
    std::fs::write(
        dir.join("privlint.toml"),
        "include = [\"site/*.md\"]\nlanguages = [\"en\"]\nwith = [\"site/help/*.md\"]\n",
    )
    .expect("config");
    let (code, out, err) = privlint_in(Some(&dir), &["check", "--format", "json"]);
    assert!(code <= 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .expect("docs")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    // The one statement `include` selects is checked with the help page of `with`.
    assert_eq!(paths, ["site/privacy.md", "site/help/requests.md"]);
    // With only `languages` set, a directory walk finds every statement and skips the
    // Dutch one.
    std::fs::write(dir.join("lang.toml"), "languages = [\"en\"]\n").expect("config");
    let (_, out, err) = privlint_in(
        Some(&dir),
        &["check", "--config", "lang.toml", "--format", "json", "site"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .expect("docs")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, ["site/help/requests.md", "site/privacy.md"]);
    assert!(
        err.contains("site/nl/privacy.txt") && err.contains("skipped"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_config_is_an_error_with_file_and_line() {
    let dir = repo("badconfig");
    copy_in(&dir, INPUTS[1], "s.txt");
    for (text, expect) in [
        (
            "select = [\"PL0\"]\n\nfail_on = \"warning\"\n",
            "privlint.toml:3:1: unknown field `fail_on`",
        ),
        ("fail-on = \"sometimes\"\n", "privlint.toml:1:"),
        (
            "ignore = [\n  \"missing-recipients\",\n  \"no-such-rule\",\n]\n",
            "privlint.toml:3:3: ignore: `no-such-rule` matches no rule",
        ),
        ("languages = [\"de\"]\n", "privlint.toml:1:"),
    ] {
        std::fs::write(dir.join("privlint.toml"), text).expect("config");
        for cmd in [vec!["check", "s.txt"], vec!["config"]] {
            let (code, _, err) = privlint_in(Some(&dir), &cmd);
            assert_eq!(code, 2, "{text}");
            assert!(err.contains(expect), "{text}: {err}");
        }
    }
    let (code, _, err) = privlint_in(Some(&dir), &["check", "--config", "missing.toml", "s.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.toml"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn suppressions_silence_findings_and_report_their_own_problems() {
    let (_, out, _) = check(&["--format", "json", INPUTS[0], INPUTS[1], INPUTS[2]]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let docs = v["documents"].as_array().expect("docs");
    let summary: Vec<(Vec<String>, Vec<String>)> = docs
        .iter()
        .map(|d| {
            let suppressed = d["suppressed"]
                .as_array()
                .expect("suppressed")
                .iter()
                .map(|s| format!("{}@{}", s["rule"].as_str().unwrap_or(""), s["line"]))
                .collect();
            let meta = d["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter(|f| f["code"].as_str().unwrap_or("").starts_with("PL9"))
                .map(|f| format!("{}@{}", f["rule"].as_str().unwrap_or(""), f["line"]))
                .collect();
            (suppressed, meta)
        })
        .collect();
    insta::assert_debug_snapshot!("ci_suppressions", summary);
    // Every suppression carries its reason.
    for d in docs {
        for s in d["suppressed"].as_array().expect("suppressed") {
            assert!(!s["reason"].as_str().unwrap_or("").is_empty());
        }
    }
}

/// The JSON and JSONL objects have their keys in the contract's (alphabetical) order, with
/// the suppressed findings' `reason` and `directive_line`: re-serialising what was parsed
/// (a map with sorted keys) gives back the same bytes.
#[test]
fn json_keys_are_in_the_contract_order() {
    let inputs = ["--format", "json", INPUTS[0], INPUTS[1], INPUTS[2]];
    let (_, pretty, _) = check(&inputs);
    let v: serde_json::Value = serde_json::from_str(&pretty).expect("json");
    assert_eq!(
        serde_json::to_string_pretty(&v).expect("json") + "\n",
        pretty
    );
    let suppressed = v["documents"].as_array().expect("docs").iter();
    let suppressed: Vec<_> = suppressed
        .flat_map(|d| d["suppressed"].as_array().expect("suppressed"))
        .collect();
    assert!(!suppressed.is_empty());
    assert!(
        suppressed
            .iter()
            .all(|s| s["directive_line"].is_u64() && s["reason"].is_string())
    );
    let (_, lines, _) = check(&["--format", "jsonl", INPUTS[0], INPUTS[1], INPUTS[2]]);
    assert_eq!(lines.lines().count(), 3);
    for line in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("jsonl");
        assert_eq!(serde_json::to_string(&v).expect("json"), line);
        assert_eq!(v["tool"]["name"], "privlint");
    }
}

#[test]
fn baseline_accepts_old_findings_even_when_text_moves() {
    let dir = scratch("baseline");
    let statement = copy_in(&dir, INPUTS[1], "s.txt");
    let original = std::fs::read_to_string(&statement).expect("read");
    let (code, _, err) = privlint_in(
        Some(&dir),
        &["check", "--write-baseline", "base.json", "s.txt"],
    );
    assert_eq!(code, 0, "writing a baseline succeeds: {err}");
    assert!(err.contains("to the baseline base.json"), "{err}");
    let (code, out, _) = privlint_in(
        Some(&dir),
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "s.txt",
        ],
    );
    assert_eq!(code, 0);
    assert!(json_findings(&out).is_empty(), "{out}");

    // Move the vague retention paragraph up, behind new blank lines: still accepted.
    let moved = format!("\n\n\n{original}");
    std::fs::write(&statement, moved).expect("write");
    let (code, out, _) = privlint_in(
        Some(&dir),
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "s.txt",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(json_findings(&out).is_empty());

    // A new vague sentence is a new finding.
    let worse = original.replace(
        "UW RECHTEN",
        "Wij delen uw gegevens met derden.\n\nUW RECHTEN",
    );
    assert_ne!(worse, original);
    std::fs::write(&statement, worse).expect("write");
    let (code, out, _) = privlint_in(
        Some(&dir),
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "s.txt",
        ],
    );
    assert_eq!(code, 0, "the new finding is a warning");
    let new: Vec<String> = json_findings(&out).into_iter().map(|(r, _)| r).collect();
    assert!(
        !new.is_empty() && !new.contains(&"missing-right-to-object".to_string()),
        "{new:?}"
    );

    let (code, _, err) = privlint_in(Some(&dir), &["check", "--baseline", "s.txt", "s.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a privlint baseline"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn changed_since_limits_findings_to_the_change() {
    let dir = repo("changed");
    let statement = copy_in(&dir, INPUTS[0], "privacy.md");
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "first"]);
    let original = std::fs::read_to_string(&statement).expect("read");

    // Nothing changed: nothing to report.
    let (code, out, err) = privlint_in(
        Some(&dir),
        &[
            "check",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
            "privacy.md",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(json_findings(&out).is_empty(), "{out}");

    // Remove the rights paragraph (the evidence of the complaint right) and add a hedged
    // purpose: the new vague finding counts, and so does the now-missing complaint right.
    let changed = original
        .replace(
            "You can ask us for access to your data, to correct it or to delete it. You can also\ncomplain to the Autoriteit Persoonsgegevens.",
            "Write to us with any question.",
        )
        .replace(
            "on the same basis.",
            "on the same basis. We may also use your data to improve our services.",
        );
    assert_ne!(changed, original);
    std::fs::write(&statement, &changed).expect("write");
    let (_, out, err) = privlint_in(
        Some(&dir),
        &[
            "check",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
            "privacy.md",
        ],
    );
    let rules: BTreeSet<String> = json_findings(&out).into_iter().map(|(r, _)| r).collect();
    assert!(
        rules.contains("missing-right-to-complain"),
        "{rules:?} {err}"
    );
    // Findings that were already there before the change are left out.
    assert!(!rules.contains("catch-all-recipients"), "{rules:?}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(v["documents"][0]["outside_change"].as_u64().unwrap_or(0) > 0);

    let (code, _, err) = privlint_in(
        Some(&dir),
        &["check", "--changed-since", "no-such-rev", "privacy.md"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("not a git revision"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pre_commit_hooks_and_action_call_real_flags() {
    let (_, help, _) = privlint_in(None, &["check", "--help"]);
    let flag = regex::Regex::new(r"--[a-z][a-z-]+").expect("pattern");

    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).expect("hooks");
    let hooks: yaml_serde::Value = yaml_serde::from_str(&text).expect("hooks are YAML");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    assert!(!hooks.is_empty());
    for h in hooks {
        for key in ["id", "name", "entry", "language"] {
            assert!(h.get(key).is_some(), "hook lacks {key}");
        }
        assert_eq!(h["language"].as_str(), Some("rust"));
        assert!(
            h["entry"]
                .as_str()
                .unwrap_or("")
                .starts_with("privlint check")
        );
    }

    let text = std::fs::read_to_string(root().join("action.yml")).expect("action");
    let action: yaml_serde::Value = yaml_serde::from_str(&text).expect("action is YAML");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let steps = action["runs"]["steps"].as_sequence().expect("steps");
    let mut checked = 0;
    for step in steps {
        let Some(run) = step.get("run").and_then(|r| r.as_str()) else {
            continue;
        };
        let Some(at) = run.find("privlint check") else {
            continue;
        };
        // The command runs to the first line that does not end with a backslash.
        let mut command = String::new();
        for line in run[at..].lines() {
            command.push_str(line);
            if !line.trim_end().ends_with('\\') {
                break;
            }
        }
        for f in flag.find_iter(&command) {
            assert!(
                help.contains(f.as_str()),
                "action uses {} which check lacks",
                f.as_str()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "the action runs privlint check with its flags"
    );
    assert!(text.contains("github/codeql-action/upload-sarif"));
}
