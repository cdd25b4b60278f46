//! `privlint eval`: the scores it prints are what `privlint check` says scored against the
//! labels; bad labels are refused with exit code 2; and the accuracy on the labelled data in
//! ../shared is pinned by a snapshot of the counts, with the issue's targets asserted where
//! they are met.

use crate::common;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::TEAM_STATEMENTS;

fn scratch(name: &str) -> PathBuf {
    common::scratch(&format!("eval-{name}"))
}

fn json_of(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

/// corpus/README.md's intended verdicts as `labels.json`: an item is labelled present when
/// its intended status is met, vague or by-reference, and its quality is judged when met or
/// vague. The table has no line numbers, so no evidence lines are labelled.
fn labels_from_team_table() -> Value {
    let rows = common::team_verdict_rows();
    let mut documents = serde_json::Map::new();
    let mut quality = serde_json::Map::new();
    for (col, (_, file)) in TEAM_STATEMENTS.iter().enumerate() {
        let name = Path::new(file).file_name().unwrap().to_str().unwrap();
        let (mut present, mut judged) = (serde_json::Map::new(), serde_json::Map::new());
        for row in &rows {
            let status = row[col + 1].split_whitespace().next().unwrap_or("");
            if matches!(status, "met" | "vague" | "by-reference") {
                present.insert(row[0].clone(), json!([]));
            }
            if matches!(status, "met" | "vague") {
                judged.insert(row[0].clone(), json!(status));
            }
        }
        documents.insert(name.to_string(), Value::Object(present));
        quality.insert(name.to_string(), Value::Object(judged));
    }
    let ids: Vec<&String> = rows.iter().map(|r| &r[0]).collect();
    json!({"requirements": ids, "documents": documents, "quality": quality})
}

/// The team statements copied into a scratch directory beside `labels`.
fn labelled_dir(name: &str, labels: &Value) -> PathBuf {
    let dir = scratch(name);
    for (_, file) in TEAM_STATEMENTS {
        let from = common::root().join(file);
        std::fs::copy(&from, dir.join(from.file_name().unwrap())).expect("copy statement");
    }
    std::fs::write(dir.join("labels.json"), labels.to_string()).expect("write labels");
    dir
}

/// tp, fp, fn, tn per requirement id, and (agreeing, judged) quality labels.
type GroupCounts<'a> = (BTreeMap<&'a str, [u64; 4]>, (u64, u64));

/// Score `privlint check`'s JSON against `labels` the simple way, independently of
/// src/eval.rs: per language and overall, tp/fp/fn/tn per requirement and quality agreement.
fn score_check_output(check: &Value, labels: &Value) -> BTreeMap<String, (Value, (u64, u64))> {
    let ids: Vec<&str> = labels["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut groups: BTreeMap<String, GroupCounts> = BTreeMap::new();
    for doc in check["documents"].as_array().unwrap() {
        let path = doc["path"].as_str().unwrap();
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        let lang = doc["language"].as_str().unwrap().to_string();
        for group in [lang, "all".to_string()] {
            let (counts, quality) = groups.entry(group).or_default();
            for id in &ids {
                let status = doc["requirements"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["id"] == *id)
                    .map_or("none", |r| r["status"].as_str().unwrap());
                let predicted = matches!(status, "met" | "vague" | "by-reference");
                let actual = labels["documents"][name].get(*id).is_some();
                let c = counts.entry(id).or_default();
                c[match (actual, predicted) {
                    (true, true) => 0,
                    (false, true) => 1,
                    (true, false) => 2,
                    (false, false) => 3,
                }] += 1;
                if let Some(q) = labels["quality"][name][*id].as_str() {
                    let ours = match status {
                        "met" => "met",
                        "vague" | "by-reference" => "vague",
                        _ => "absent",
                    };
                    quality.1 += 1;
                    quality.0 += u64::from(ours == q);
                }
            }
        }
    }
    groups
        .into_iter()
        .map(|(g, (counts, quality))| {
            let per: serde_json::Map<String, Value> = counts
                .into_iter()
                .map(|(id, [tp, fp, fn_, tn])| {
                    (
                        id.to_string(),
                        json!({"tp": tp, "fp": fp, "fn": fn_, "tn": tn}),
                    )
                })
                .collect();
            (g, (Value::Object(per), quality))
        })
        .collect()
}

fn assert_eval_matches_check(dir: &Path, labels: &Value) -> Value {
    let (code, out, err) =
        common::privlint_in(None, &["eval", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "eval failed: {err}");
    let eval = json_of(&out);
    let mut args = vec!["check", "--format", "json"];
    let paths: Vec<String> = TEAM_STATEMENTS
        .iter()
        .map(|(_, f)| {
            let name = Path::new(f).file_name().unwrap();
            dir.join(name).display().to_string()
        })
        .collect();
    args.extend(paths.iter().map(String::as_str));
    let (_, out, err) = common::privlint_in(None, &args);
    let check = json_of(&out);
    assert!(check["documents"].as_array().is_some(), "{err}");
    let expected = score_check_output(&check, labels);
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        ["all", "en", "nl"],
        "groups scored"
    );
    for (group, (per_requirement, (agree, total))) in &expected {
        let got = if group == "all" {
            &eval["all"]
        } else {
            &eval["by_language"][group]
        };
        assert_eq!(&got["per_requirement"], per_requirement, "{group}");
        assert_eq!(
            (got["quality_agree"].as_u64(), got["quality_total"].as_u64()),
            (Some(*agree), Some(*total)),
            "{group}: quality agreement"
        );
    }
    let english = TEAM_STATEMENTS
        .iter()
        .filter(|(_, f)| f.starts_with("corpus/en/"))
        .count();
    assert_eq!(eval["all"]["documents"], TEAM_STATEMENTS.len());
    assert_eq!(eval["by_language"]["en"]["documents"], english);
    eval
}

#[test]
fn eval_scores_what_check_reports_against_the_team_ground_truth() {
    let labels = labels_from_team_table();
    let dir = labelled_dir("team", &labels);
    let eval = assert_eval_matches_check(&dir, &labels);
    // The team statements are written to carry their verdicts: presence is near perfect.
    let micro = eval["all"]["micro_f1"].as_f64().unwrap();
    assert!(micro >= 0.95, "micro-F1 {micro} on the team statements");
    // Every disagreement listed names a labelled file and a labelled requirement.
    for d in eval["disagreements"].as_array().unwrap() {
        let file = d["file"].as_str().unwrap();
        assert!(labels["documents"].get(file).is_some(), "{d}");
    }

    // Now make two labels of the compliant statement wrong on purpose (its verdicts must
    // agree with the table exactly, tests/check.rs): retention, which it has, labelled
    // absent; the EU representative, not applicable to it, labelled present. The counts
    // must move by exactly that.
    let mut wrong = labels.clone();
    let compliant = wrong["documents"]["compliant-streaming.md"]
        .as_object_mut()
        .unwrap();
    assert!(compliant.remove("retention").is_some());
    assert!(
        compliant
            .insert("eu-representative".into(), json!([]))
            .is_none()
    );
    let dir = labelled_dir("wrong", &wrong);
    let after = assert_eval_matches_check(&dir, &wrong);
    let n = |v: &Value, req: &str, k: &str| {
        v["by_language"]["en"]["per_requirement"][req][k]
            .as_i64()
            .unwrap()
    };
    for (req, k, delta) in [
        ("retention", "tp", -1),
        ("retention", "fp", 1),
        ("retention", "fn", 0),
        ("eu-representative", "fn", 1),
        ("eu-representative", "tn", -1),
        ("eu-representative", "fp", 0),
    ] {
        assert_eq!(n(&after, req, k), n(&eval, req, k) + delta, "{req} {k}");
    }
}

#[test]
fn eval_refuses_labels_it_cannot_score_with_exit_code_2() {
    let dir = scratch("bad");
    let run = |what: &str, expect: &[&str]| {
        let (code, out, err) = common::privlint_in(None, &["eval", dir.to_str().unwrap()]);
        assert_eq!(code, 2, "{what}: exit code; stderr: {err}");
        assert!(out.is_empty(), "{what}: no partial result on stdout: {out}");
        for e in expect {
            assert!(err.contains(e), "{what}: stderr should name {e:?}: {err}");
        }
        assert!(!err.contains("panicked"), "{what}: {err}");
    };
    run("no labels.json", &["labels.json", "cannot read labels"]);
    std::fs::write(dir.join("labels.json"), "{\"requirements\": [").unwrap();
    run("truncated JSON", &["labels.json", "cannot read labels"]);
    std::fs::write(
        dir.join("labels.json"),
        r#"{"requirements": ["retention", "retention-period"], "documents": {}}"#,
    )
    .unwrap();
    run(
        "unknown requirement",
        &["labels.json", "`retention-period`"],
    );
    std::fs::write(
        dir.join("labels.json"),
        r#"{"requirements": ["retention"], "documents": {"a.md": {"recipients": [3]}}}"#,
    )
    .unwrap();
    run(
        "item outside the list",
        &["labels.json", "a.md", "`recipients`"],
    );
    std::fs::write(
        dir.join("labels.json"),
        r#"{"requirements": ["retention"], "documents": {}, "quality": {"a.md": {"retention": "good"}}}"#,
    )
    .unwrap();
    run("unknown quality", &["labels.json", "`good`"]);
    std::fs::write(
        dir.join("labels.json"),
        r#"{"requirements": ["retention"], "documents": {"gone.md": {}}}"#,
    )
    .unwrap();
    run("labelled file missing", &["gone.md", "cannot evaluate"]);
}

/// Per-requirement counts of one group, one line each, for the accuracy snapshot.
fn counts_table(scores: &Value) -> String {
    let mut out = format!(
        "documents {}  micro-F1 {:.3}  macro-F1 {:.3}  quality {}/{}  evidence on label {}/{}\n",
        scores["documents"],
        scores["micro_f1"].as_f64().unwrap(),
        scores["macro_f1"].as_f64().unwrap(),
        scores["quality_agree"],
        scores["quality_total"],
        scores["evidence_on_label"],
        scores["evidence_checked"],
    );
    for (id, c) in scores["per_requirement"].as_object().unwrap() {
        out.push_str(&format!(
            "  {id:<34} tp {:>3}  fp {:>3}  fn {:>3}  tn {:>3}\n",
            c["tp"].as_u64().unwrap(),
            c["fp"].as_u64().unwrap(),
            c["fn"].as_u64().unwrap(),
            c["tn"].as_u64().unwrap()
        ));
    }
    out
}

fn f1(c: &Value) -> f64 {
    let n = |k: &str| c[k].as_f64().unwrap();
    let (tp, fp, fn_) = (n("tp"), n("fp"), n("fn"));
    if tp + fp + fn_ == 0.0 {
        1.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

/// The accuracy on the labelled data in ../shared, as counts per requirement: any change to
/// rules or extraction that moves a single verdict shows up here for review. On the labelled
/// real statements the issue's targets hold per language and are asserted; gt200-dev does
/// not reach them yet (see the issue notes for the label disagreements), so it is pinned by
/// the snapshot only.
#[test]
fn accuracy_on_the_labelled_data_in_shared() {
    let Some(shared) = common::shared() else {
        return;
    };
    let mut snapshot = String::new();
    for (name, dir) in [
        ("corpus/real", shared.join("corpus/real")),
        ("datasets/gt200-dev", shared.join("datasets/gt200-dev")),
    ] {
        let (code, out, err) =
            common::privlint_in(None, &["eval", dir.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, 0, "{name}: {err}");
        let eval = json_of(&out);
        let by_language = eval["by_language"].as_object().unwrap();
        if by_language.len() > 1 {
            snapshot.push_str(&format!("== {name}: all\n{}", counts_table(&eval["all"])));
        }
        for (lang, scores) in by_language {
            snapshot.push_str(&format!("== {name}: {lang}\n{}", counts_table(scores)));
            if name != "corpus/real" {
                continue;
            }
            let micro = scores["micro_f1"].as_f64().unwrap();
            let macro_ = scores["macro_f1"].as_f64().unwrap();
            assert!(micro >= 0.95, "{name} {lang}: micro-F1 {micro}");
            assert!(macro_ >= 0.90, "{name} {lang}: macro-F1 {macro_}");
            for (id, c) in scores["per_requirement"].as_object().unwrap() {
                assert!(f1(c) >= 0.80, "{name} {lang}: {id} F1 {}", f1(c));
            }
            let (agree, total) = (
                scores["quality_agree"].as_f64().unwrap(),
                scores["quality_total"].as_f64().unwrap(),
            );
            assert!(
                agree / total >= 0.85,
                "{name} {lang}: quality {agree}/{total}"
            );
        }
    }
    insta::with_settings!({prepend_module_to_snapshot => false, omit_expression => true}, {
        insta::assert_snapshot!("accuracy_on_labelled_data", snapshot);
    });
}
