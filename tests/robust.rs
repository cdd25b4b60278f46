//! The catalogue of bad inputs (issue 8, README "Limits and failure behaviour"), as one
//! data-driven table. Each case writes its input into a scratch directory under
//! `CARGO_TARGET_TMPDIR` at test time (nothing big or binary is committed) and runs
//! `privlint check --format json good.md <input>`; the good statement given in the same run
//! must always be reported, whatever happens to the bad one.

use crate::common::privlint_in;
use std::path::{Path, PathBuf};

/// A statement that must be reported in every run.
const GOOD: &str = "# Privacy statement\n\nWe, Example Shop B.V., process your e-mail \
address to send you our newsletter. The legal basis is your consent. Contact us at \
privacy@example.com.\n";

/// What must happen to the bad input.
enum Expect {
    /// Refused: exit code 2, and standard error names the file and says this.
    Refused(&'static str),
    /// Read and reported like any statement (exit 0 or 1), with no error printed.
    Checked,
    /// Left out of a directory walk silently: only the good statement is reported.
    NotWalked,
}

struct Case {
    name: &'static str,
    /// Writes the input into the scratch directory; returns the path argument to pass
    /// (relative to the directory), or `None` when the case cannot be set up here.
    make: fn(&Path) -> Option<PathBuf>,
    expect: Expect,
    /// Extra arguments before the paths.
    args: &'static [&'static str],
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Option<PathBuf> {
    std::fs::write(dir.join(name), bytes).expect("scratch file");
    Some(PathBuf::from(name))
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn nested_html(depth: usize, open: &str, close: &str, inner: &str) -> Vec<u8> {
    let mut s = String::from("<!DOCTYPE html><html><body><nav>Home | Shop</nav>");
    s.push_str(&open.repeat(depth));
    s.push_str(inner);
    s.push_str(&close.repeat(depth));
    s.push_str("</body></html>");
    s.into_bytes()
}

const INNER: &str = "<p>We process your name and address to deliver your order.</p>";

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "empty file",
            make: |d| write(d, "empty.md", b""),
            expect: Expect::Refused("file is empty"),
            args: &[],
        },
        Case {
            name: "only whitespace",
            make: |d| write(d, "blank.txt", b"  \n\n\t \r\n"),
            expect: Expect::Refused("file is empty"),
            args: &[],
        },
        Case {
            name: "PDF named .md",
            make: |d| write(d, "statement.md", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"),
            expect: Expect::Refused("not a text file (PDF document)"),
            args: &[],
        },
        Case {
            name: "PNG named .html",
            make: |d| write(d, "statement.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            expect: Expect::Refused("not a text file (PNG image)"),
            args: &[],
        },
        Case {
            name: "zip (DOCX) named .txt",
            make: |d| write(d, "statement.txt", b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0"),
            expect: Expect::Refused("not a text file (ZIP archive"),
            args: &[],
        },
        Case {
            name: "random control bytes",
            make: |d| {
                let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 31) as u8 + 1).collect();
                write(d, "noise.txt", &bytes)
            },
            expect: Expect::Refused("control characters"),
            args: &[],
        },
        Case {
            name: "UTF-16LE without byte-order mark",
            make: |d| write(d, "u16.txt", &utf16le("Privacy statement of Example Shop")),
            expect: Expect::Refused("UTF-16 without a byte-order mark is not supported"),
            args: &[],
        },
        Case {
            name: "UTF-16BE without byte-order mark",
            make: |d| {
                let bytes: Vec<u8> = "Privacy statement of Example Shop"
                    .encode_utf16()
                    .flat_map(u16::to_be_bytes)
                    .collect();
                write(d, "u16be.txt", &bytes)
            },
            expect: Expect::Refused("UTF-16 without a byte-order mark is not supported"),
            args: &[],
        },
        Case {
            name: "invalid UTF-8 (latin-1 bytes): read as windows-1252",
            make: |d| {
                write(
                    d,
                    "latin1.txt",
                    b"Caf\xE9 Cr\xE8me processes your e-mail address.\n",
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "mixed UTF-8 and windows-1252: read as windows-1252",
            make: |d| {
                write(
                    d,
                    "mixed.txt",
                    "Caf\u{e9} in UTF-8, then "
                        .bytes()
                        .chain(*b"cr\xE8me in latin-1.\n")
                        .collect::<Vec<_>>()
                        .as_slice(),
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "100 MB file over the default --max-file-size (sparse)",
            make: |d| {
                let f = std::fs::File::create(d.join("huge.txt")).expect("scratch file");
                f.set_len(100_000_000).expect("sparse file");
                Some(PathBuf::from("huge.txt"))
            },
            expect: Expect::Refused(
                "100000000 bytes, over the limit of 20000000 bytes (--max-file-size)",
            ),
            args: &[],
        },
        Case {
            name: "file over an explicit --max-file-size",
            make: |d| write(d, "big.md", &GOOD.repeat(100).into_bytes()),
            expect: Expect::Refused("over the limit of 2000 bytes (--max-file-size)"),
            args: &["--max-file-size", "2kb"],
        },
        Case {
            name: "HTML with 100,000 nested divs",
            make: |d| {
                write(
                    d,
                    "divs.html",
                    &nested_html(100_000, "<div>", "</div>", INNER),
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "HTML with 100,000 nested unclosed lists",
            make: |d| {
                write(
                    d,
                    "lists.html",
                    &nested_html(100_000, "<ul><li>", "", INNER),
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            // Without the nesting limit this overflowed the stack of a worker thread.
            name: "HTML with <main> under 200,000 nested divs",
            make: |d| {
                let inner = format!("<main>{INNER}</main>");
                write(
                    d,
                    "main.html",
                    &nested_html(200_000, "<div>", "</div>", &inner),
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "HTML with 100,000 unclosed formatting and table elements",
            make: |d| {
                write(
                    d,
                    "fmt.html",
                    &nested_html(50_000, "<b><table><tr><td>", "", INNER),
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "a single 10 MB line",
            make: |d| {
                let mut s = String::from("Privacy statement. ");
                while s.len() < 10_000_000 {
                    s.push_str(&"x".repeat(997));
                    s.push(' ');
                }
                write(d, "line.txt", s.as_bytes())
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            // each table's end was once searched for to the end of the file: about 10 s
            name: "Markdown with 20,000 unclosed HTML tables, each its own HTML block",
            make: |d| {
                let text = format!(
                    "# Privacy statement\n\nWe process your name.\n\n{}",
                    "<table><tr><td>We keep it for 30 days.</td>\n\n".repeat(20_000)
                );
                write(d, "tables.md", text.as_bytes())
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "Markdown with 50,000 nested block quotes",
            make: |d| {
                write(
                    d,
                    "quotes.md",
                    format!("{} We process your name.\n", ">".repeat(50_000)).as_bytes(),
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "Markdown with 50,000 nested list markers on one line",
            make: |d| {
                write(
                    d,
                    "markers.md",
                    format!("{}x\n", "- ".repeat(50_000)).as_bytes(),
                )
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "Markdown with 2,000 indented nested list levels",
            make: |d| {
                let s: String = (0..2000)
                    .map(|i| format!("{}- item\n", "  ".repeat(i)))
                    .collect();
                write(d, "indent.md", s.as_bytes())
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "Markdown with 50,000 open brackets, emphasis and links",
            make: |d| {
                let s = format!(
                    "{}{}{}\n",
                    "[".repeat(50_000),
                    "*_".repeat(25_000),
                    "](x)".repeat(20_000)
                );
                write(d, "brackets.md", s.as_bytes())
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "file that has disappeared (dangling symlink)",
            make: |d| {
                std::os::unix::fs::symlink(d.join("gone.md"), d.join("link.md")).expect("symlink");
                Some(PathBuf::from("link.md"))
            },
            expect: Expect::Refused("cannot read"),
            args: &[],
        },
        Case {
            name: "unreadable file (chmod 000; skipped when running as root)",
            make: |d| {
                use std::os::unix::fs::PermissionsExt as _;
                let p = d.join("locked.md");
                std::fs::write(&p, GOOD).expect("scratch file");
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000))
                    .expect("chmod");
                // Root reads it anyway: nothing to test then.
                std::fs::read(&p)
                    .is_err()
                    .then(|| PathBuf::from("locked.md"))
            },
            expect: Expect::Refused("cannot read"),
            args: &[],
        },
        Case {
            name: "directory holding a symlink loop (links are not followed)",
            make: |d| {
                std::fs::create_dir(d.join("tree")).expect("dir");
                std::os::unix::fs::symlink(d.join("tree"), d.join("tree/loop")).expect("symlink");
                std::os::unix::fs::symlink(d.join("tree/loop"), d.join("tree/loop2"))
                    .expect("symlink");
                Some(PathBuf::from("tree"))
            },
            expect: Expect::NotWalked,
            args: &[],
        },
        Case {
            name: "path that is not valid UTF-8, with a good statement inside",
            make: |d| {
                use std::os::unix::ffi::OsStrExt as _;
                let name = std::ffi::OsStr::from_bytes(b"stat\xFFment.md");
                std::fs::write(d.join(name), GOOD).expect("scratch file");
                Some(PathBuf::from(name))
            },
            expect: Expect::Checked,
            args: &[],
        },
        Case {
            name: "path that is not valid UTF-8, empty",
            make: |d| {
                use std::os::unix::ffi::OsStrExt as _;
                let name = std::ffi::OsStr::from_bytes(b"emp\xFEty.md");
                std::fs::write(d.join(name), b"").expect("scratch file");
                Some(PathBuf::from(name))
            },
            expect: Expect::Refused("file is empty"),
            args: &[],
        },
    ]
}

fn scratch(case: &str) -> PathBuf {
    let slug: String = case
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("robust")
        .join(slug);
    if dir.exists() {
        // Permissions first, so a locked file from an earlier run can be removed.
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            use std::os::unix::fs::PermissionsExt as _;
            let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o644));
        }
        std::fs::remove_dir_all(&dir).expect("clean scratch dir");
    }
    std::fs::create_dir_all(&dir).expect("scratch dir");
    std::fs::write(dir.join("good.md"), GOOD).expect("good statement");
    dir
}

/// Documents (path, number of requirements) in a JSON report.
fn reported(stdout: &str) -> Vec<(String, usize)> {
    let v: serde_json::Value = serde_json::from_str(stdout).expect("the JSON report parses");
    v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().expect("path").to_string(),
                d["requirements"].as_array().map_or(0, Vec::len),
            )
        })
        .collect()
}

#[test]
fn bad_inputs_are_refused_or_read_and_never_cost_the_other_files() {
    let mut failures = Vec::new();
    let mut skipped = Vec::new();
    for case in cases() {
        let dir = scratch(case.name);
        let Some(input) = (case.make)(&dir) else {
            skipped.push(case.name);
            continue;
        };
        let input_arg = input.to_string_lossy().into_owned();
        let mut args = vec!["check", "--format", "json", "-j", "2"];
        args.extend(case.args);
        args.extend(["good.md", input.to_str().unwrap_or("__NON_UTF8__")]);
        let (code, stdout, stderr) = if input.to_str().is_some() {
            privlint_in(Some(&dir), &args)
        } else {
            privlint_os(&dir, &args[..args.len() - 1], &input)
        };
        let docs = reported(&stdout);
        let mut problems = Vec::new();
        if stderr.contains("panicked") || stderr.contains("overflow") {
            problems.push(format!("crashed: {stderr}"));
        }
        let good = docs.iter().find(|(p, _)| p == "good.md");
        if good.is_none_or(|(_, reqs)| *reqs == 0) {
            problems.push(format!("good.md not reported with requirements: {docs:?}"));
        }
        match case.expect {
            Expect::Refused(reason) => {
                if code != 2 {
                    problems.push(format!("exit code {code}, expected 2"));
                }
                let line = stderr
                    .lines()
                    .find(|l| l.starts_with(&format!("privlint: {input_arg}: ")));
                match line {
                    Some(l) if l.contains(reason) => {}
                    _ => problems.push(format!(
                        "stderr does not say `privlint: {input_arg}: …{reason}…`: {stderr}"
                    )),
                }
                if docs.iter().any(|(p, _)| *p == input_arg) {
                    problems.push("the refused file is reported".into());
                }
            }
            Expect::Checked => {
                if !matches!(code, 0 | 1) {
                    problems.push(format!("exit code {code}, expected 0 or 1: {stderr}"));
                }
                if !stderr.trim().is_empty() {
                    problems.push(format!("unexpected stderr: {stderr}"));
                }
                if !docs.iter().any(|(p, _)| *p == input_arg) {
                    problems.push(format!("{input_arg} not reported: {docs:?}"));
                }
            }
            Expect::NotWalked => {
                if !matches!(code, 0 | 1) {
                    problems.push(format!("exit code {code}, expected 0 or 1: {stderr}"));
                }
                if docs.len() != 1 {
                    problems.push(format!("expected only good.md: {docs:?}"));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", case.name, problems.join("\n  ")));
        }
    }
    if !skipped.is_empty() {
        eprintln!("notice: cases not set up here: {skipped:?}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Run privlint with a last argument that is not UTF-8.
fn privlint_os(dir: &Path, args: &[&str], last: &Path) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
        .current_dir(dir)
        .args(args)
        .arg(last)
        .output()
        .expect("privlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A rule pack case: files to write into the pack directory, and what standard error must
/// say besides the file's path.
struct PackCase {
    name: &'static str,
    files: fn(&str) -> Vec<(&'static str, String)>,
    /// The pack file that must be named.
    file: &'static str,
    says: &'static [&'static str],
}

/// A valid rule (a bundled one renamed), edited by `edit`.
fn rule(base: &str, edit: impl Fn(String) -> String) -> String {
    edit(
        base.replace("name: basis-mapping-in-regional-annex", "name: my-rule")
            .replace("code: PL014", "code: XX001"),
    )
}

/// A rule that passes validation but for the `applies_if` condition given (one line of
/// YAML), as the only file of a pack.
fn valid_rule_with(base: &str, condition: &str) -> Vec<(&'static str, String)> {
    let text = rule(base, |r| {
        r.replace("code: XX001", "code: PL901") + &format!("applies_if:\n  {condition}\n")
    });
    vec![("my-rule.yaml", text)]
}

/// Nine levels of nine aliases each (9^9 strings when expanded), as one flow sequence
/// that can stand where a YAML list is expected.
fn billion_laughs() -> String {
    let mut items = vec![format!("&a [{}]", ["lol"; 9].join(", "))];
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        items.push(format!(
            "&{} [{}]",
            w[1],
            vec![format!("*{}", w[0]); 9].join(", ")
        ));
    }
    items.push("*i".into());
    format!("[{}]", items.join(", "))
}

/// A user lexicon adding `features` (YAML text) to the English vocabulary.
fn lexicon(features: &str) -> String {
    format!(
        "language: en\nfeatures:\n{features}\nrequirements: {{}}\ndocument:\n  statement: []\n  instructions: []\n  news: []\n  first_person: []\n"
    )
}

fn pack_cases() -> Vec<PackCase> {
    vec![
        PackCase {
            name: "malformed YAML",
            files: |_| {
                vec![(
                    "my-rule.yaml",
                    "name: my-rule\ncode: 'unterminated\n".into(),
                )]
            },
            file: "my-rule.yaml",
            says: &["line 2"],
        },
        PackCase {
            name: "unknown key",
            files: |b| vec![("my-rule.yaml", rule(b, |r| r + "colour: red\n"))],
            file: "my-rule.yaml",
            says: &["unknown field `colour`"],
        },
        PackCase {
            name: "wrong type",
            files: |b| {
                vec![(
                    "my-rule.yaml",
                    rule(b, |r| r.replace("severity: warning", "severity: [1, 2]")),
                )]
            },
            file: "my-rule.yaml",
            says: &["severity"],
        },
        PackCase {
            name: "applies_if scoped to a requirement that does not exist",
            files: |b| {
                valid_rule_with(
                    b,
                    "lacks_in: {requirement: no-such-item, features: [email]}",
                )
            },
            file: "my-rule.yaml",
            says: &[
                "rule my-rule",
                "field applies_if",
                "`no-such-item` is not a catalogue id",
            ],
        },
        PackCase {
            name: "applies_if scoped to a feature that does not exist",
            files: |b| {
                let scoped = "lacks_in: {requirement: retention, features: [email], except: [no-such-feature]}";
                valid_rule_with(b, scoped)
            },
            file: "my-rule.yaml",
            says: &[
                "rule my-rule",
                "field applies_if",
                "unknown feature `no-such-feature`",
            ],
        },
        PackCase {
            name: "duplicate code",
            files: |b| {
                vec![(
                    "my-rule.yaml",
                    rule(b, |r| r.replace("code: XX001", "code: PL014")),
                )]
            },
            file: "my-rule.yaml",
            says: &["rule my-rule", "field code", "PL014"],
        },
        PackCase {
            name: "regex that does not compile",
            files: |_| {
                vec![(
                    "lexicon/extra.yaml",
                    lexicon("  my-hedge:\n    - '(unclosed'"),
                )]
            },
            file: "lexicon/extra.yaml",
            says: &["my-hedge", "(unclosed"],
        },
        PackCase {
            // lexicons and rules are read at the same time; the lexicon's error is still
            // the one reported, as when one was read after the other
            name: "a broken lexicon and a broken rule",
            files: |b| {
                vec![
                    ("my-rule.yaml", rule(b, |r| r + "colour: red\n")),
                    (
                        "lexicon/extra.yaml",
                        lexicon("  my-hedge:\n    - '(unclosed'"),
                    ),
                ]
            },
            file: "lexicon/extra.yaml",
            says: &["my-hedge", "(unclosed"],
        },
        PackCase {
            name: "regex over the size limit",
            files: |_| {
                vec![(
                    "lexicon/extra.yaml",
                    lexicon(r"  my-hedge: ['\w{1000}{1000}']"),
                )]
            },
            file: "lexicon/extra.yaml",
            says: &["my-hedge", "size limit"],
        },
        PackCase {
            name: "YAML alias bomb (billion laughs) as a rule",
            files: |b| {
                vec![(
                    "my-rule.yaml",
                    rule(b, |r| {
                        r.replace(
                            "languages:\n- en\n- nl\n",
                            &format!("languages: {}\n", billion_laughs()),
                        )
                    }),
                )]
            },
            file: "my-rule.yaml",
            says: &["languages", "invalid type"],
        },
        PackCase {
            name: "YAML alias bomb (billion laughs) as a lexicon",
            files: |_| {
                vec![(
                    "lexicon/extra.yaml",
                    lexicon(&format!("  my-hedge: {}", billion_laughs())),
                )]
            },
            file: "lexicon/extra.yaml",
            says: &["invalid type"],
        },
    ]
}

#[test]
fn bad_rule_packs_are_refused_with_file_rule_and_field_before_any_document() {
    let base = std::fs::read_to_string(
        crate::common::root().join("rules/gdpr/basis-mapping-in-regional-annex.yaml"),
    )
    .expect("a bundled rule");
    let mut failures = Vec::new();
    for case in pack_cases() {
        let dir = scratch(case.name);
        let pack = dir.join("pack");
        for (name, text) in (case.files)(&base) {
            let p = pack.join(name);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("pack dir");
            std::fs::write(&p, text).expect("pack file");
        }
        let (code, stdout, stderr) = privlint_in(
            Some(&dir),
            &["check", "--format", "json", "--rules", "pack", "good.md"],
        );
        let mut problems = Vec::new();
        if code != 2 {
            problems.push(format!("exit code {code}, expected 2"));
        }
        if !stdout.trim().is_empty() {
            problems.push(format!("a document was checked: {stdout:.200}"));
        }
        let named = format!("pack/{}", case.file);
        if !stderr.contains(&named) {
            problems.push(format!("stderr does not name {named}: {stderr}"));
        }
        for s in case.says {
            if !stderr.contains(s) {
                problems.push(format!("stderr does not say `{s}`: {stderr}"));
            }
        }
        if stderr.contains("panicked") {
            problems.push(format!("crashed: {stderr}"));
        }
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", case.name, problems.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Reports are written through a temporary file and a rename: one that cannot be written
/// (its directory is missing, or it is a directory) fails the run with exit code 2 and a
/// message naming it, and leaves every other report complete.
#[test]
fn a_report_that_cannot_be_written_leaves_the_others_intact() {
    let dir = scratch("outputs");
    std::fs::create_dir(dir.join("taken.sarif")).expect("a directory in the way");
    std::fs::write(dir.join("old.xml"), "previous report").expect("old report");
    let (code, _, stderr) = privlint_in(
        Some(&dir),
        &[
            "check",
            "--quiet",
            "--output",
            "json=first.json",
            "--output",
            "sarif=missing/dir/report.sarif",
            "--output",
            "sarif=taken.sarif",
            "--output",
            "junit=old.xml",
            "good.md",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("privlint: missing/dir/report.sarif: cannot write"),
        "{stderr}"
    );
    assert!(
        stderr.contains("privlint: taken.sarif: cannot write"),
        "{stderr}"
    );
    let json = std::fs::read_to_string(dir.join("first.json")).expect("first report");
    assert_eq!(reported(&json).len(), 1);
    let junit = std::fs::read_to_string(dir.join("old.xml")).expect("last report");
    assert!(
        junit.starts_with("<?xml") && junit.trim_end().ends_with("</testsuites>"),
        "{junit}"
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("privlint-tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// A reader that stops early (`privlint check … | head -1`) ends the run quietly.
#[test]
fn a_closed_standard_output_is_a_quiet_exit() {
    let dir = scratch("broken-pipe");
    for i in 0..40 {
        std::fs::write(dir.join(format!("s{i}.md")), GOOD).expect("statement");
    }
    for format in ["text", "jsonl", "json"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
            .current_dir(&dir)
            .args(["check", "--format", format, "-j", "2", "."])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("privlint runs");
        // Read nothing: close the pipe at once.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("privlint ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.trim().is_empty(), "{format}: {stderr}");
    }
}

/// `privlint report -o` writes through a temporary file and a rename, and never over an
/// input: asked to, it refuses and leaves the input as it was.
#[test]
fn the_audit_report_is_written_atomically_and_never_over_an_input() {
    let dir = scratch("report-output");
    let statement = dir.join("statement.md");
    std::fs::write(&statement, GOOD).expect("statement");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_privlint"))
            .current_dir(&dir)
            .args(args)
            .output()
            .expect("privlint runs")
    };
    let out = run(&[
        "report",
        "statement.md",
        "--date",
        "2026-01-01",
        "-o",
        "statement.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite"));
    assert_eq!(std::fs::read_to_string(&statement).expect("input"), GOOD);

    let out = run(&[
        "report",
        "statement.md",
        "--date",
        "2026-01-01",
        "-o",
        "audit.md",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = std::fs::read_to_string(dir.join("audit.md")).expect("report written");
    assert!(report.starts_with("# "), "{report}");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("privlint-tmp")),
        "temporary files left: {names:?}"
    );
    // Into a directory that does not exist: an error naming the file, exit 2.
    let out = run(&["report", "statement.md", "-o", "missing/audit.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing/audit.md"));
}
