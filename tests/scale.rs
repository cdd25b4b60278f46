//! Checking many statements: parallel runs give the same bytes as one thread, JSONL streams
//! one line per document in input order, and directory walks honour ignore files and never
//! follow a symbolic-link loop.

use crate::ci::{git, repo, scratch};
use crate::common::{privlint_in, root};
use std::path::Path;

fn check_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check", "--color", "never", "--fail-on", "never"];
    all.extend_from_slice(args);
    privlint_in(Some(dir), &all)
}

/// `path` values of a JSONL run, in output order.
fn jsonl_paths(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object a line");
            v["path"].as_str().expect("path").to_string()
        })
        .collect()
}

#[test]
fn output_is_identical_for_any_thread_count() {
    for format in ["json", "jsonl", "sarif", "text"] {
        let one = check_in(root(), &["-j", "1", "--format", format, "corpus"]);
        assert_eq!(one.0, 0, "{}", one.2);
        for jobs in ["2", "3", "8"] {
            let many = check_in(root(), &["-j", jobs, "--format", format, "corpus"]);
            assert_eq!(many.1, one.1, "--format {format} differs with -j {jobs}");
        }
    }
}

#[test]
fn jsonl_has_one_line_per_statement_in_sorted_input_order() {
    let (code, out, err) = check_in(root(), &["-j", "4", "--format", "jsonl", "corpus"]);
    assert_eq!(code, 0, "{err}");
    let paths = jsonl_paths(&out);
    let expected: Vec<String> =
        crate::common::files(&root().join("corpus"), &[".md", ".html", ".txt"])
            .iter()
            .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
            .collect();
    assert_eq!(paths, expected);
}

#[test]
fn directory_walks_honour_gitignore_unless_told_not_to() {
    let dir = repo("gitignore");
    for (name, from) in [
        ("kept/statement.md", "corpus/en/compliant-streaming.md"),
        ("drafts/old.md", "corpus/en/compliant-streaming.md"),
        (".hidden/statement.md", "corpus/en/compliant-streaming.md"),
    ] {
        crate::ci::copy_in(&dir, from, name);
    }
    std::fs::write(dir.join(".gitignore"), "drafts/\n").expect("write .gitignore");
    git(&dir, &["add", "-A"]);
    let (_, out, err) = check_in(&dir, &["--format", "jsonl", "."]);
    assert_eq!(jsonl_paths(&out), ["./kept/statement.md"], "{err}");
    let (_, out, _) = check_in(&dir, &["--format", "jsonl", "--no-ignore", "."]);
    assert_eq!(
        jsonl_paths(&out),
        ["./drafts/old.md", "./kept/statement.md"]
    );
    // A file named on the command line is checked even when ignored.
    let (_, out, _) = check_in(&dir, &["--format", "jsonl", "drafts/old.md"]);
    assert_eq!(jsonl_paths(&out), ["drafts/old.md"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_does_not_trap_the_walk() {
    let dir = scratch("symlink-loop");
    crate::ci::copy_in(&dir, "corpus/nl/compliant-fietsdeel.md", "a/statement.md");
    std::os::unix::fs::symlink("..", dir.join("a/up")).expect("symlink");
    let (code, out, err) = check_in(&dir, &["--format", "jsonl", "a"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(jsonl_paths(&out), ["a/statement.md"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn quiet_silences_notices_but_not_errors() {
    let dir = repo("quiet");
    crate::ci::copy_in(&dir, "corpus/en/compliant-streaming.md", "en.md");
    crate::ci::copy_in(&dir, "corpus/nl/compliant-fietsdeel.md", "nl.md");
    std::fs::write(dir.join("privlint.toml"), "languages = [\"en\"]\n").expect("config");
    let (_, _, err) = check_in(&dir, &["--format", "json", "."]);
    assert!(err.contains("nl.md: language `nl`"), "{err}");
    let (code, _, err) = check_in(&dir, &["--quiet", "--format", "json", "."]);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, _, err) = check_in(&dir, &["--quiet", "--format", "json", ".", "missing.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.md"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn one_long_statement_read_on_several_threads_gives_the_same_output() {
    // statements long enough to be split over threads: the team's own, joined, and the
    // longest real ones when ../shared is there
    let dir = scratch("one-long-statement");
    let mut statements = Vec::new();
    for (lang, name) in [("en", "joined.md"), ("nl", "samengevoegd.md")] {
        let parts = crate::common::files(&root().join("corpus").join(lang), &[".md", ".txt"]);
        // (the statements in other encodings are left out)
        let joined: Vec<String> = (parts.iter())
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        let path = dir.join(name);
        std::fs::write(&path, joined.join("\n\n")).expect("joined statement");
        assert!(
            joined.concat().len() > 24 * 1024,
            "{name} is too short to be split"
        );
        statements.push(path);
    }
    if let Some(shared) = crate::common::shared() {
        let mut real = crate::common::files(&shared.join("corpus/real"), &[".md", ".html"]);
        real.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map_or(0, |m| m.len())));
        statements.extend(real.into_iter().take(3));
    }
    for path in &statements {
        let path = path.display().to_string();
        let one = check_in(&dir, &["-j", "1", "--format", "json", &path]);
        assert_eq!(one.0, 0, "{}", one.2);
        let parsed: serde_json::Value = serde_json::from_str(&one.1).expect("JSON");
        let requirements = parsed["documents"][0]["requirements"].as_array();
        assert!(
            requirements.is_some_and(|r| r.len() > 20),
            "{path}: {}",
            one.1
        );
        for jobs in ["2", "4"] {
            let many = check_in(&dir, &["-j", jobs, "--format", "json", &path]);
            assert!(many.1 == one.1, "{path} differs with -j {jobs}");
        }
    }
}
