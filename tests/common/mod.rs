//! Shared helpers for the integration tests: where the fixtures are.

use std::path::{Path, PathBuf};

/// A fresh, empty directory `name` under Cargo's scratch space for integration tests
/// (`target/tmp`), so the tests leave nothing in the system temporary directory and a
/// failed run leaves its files where they can be read. Tests run in parallel, so every
/// caller passes a name no other test uses.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the checkout, holding real statements and labelled data.
/// Outside CI a missing `../shared` skips the test with a printed notice; in CI
/// (`CI` set) it is a failure, so a broken setup cannot pass silently.
pub fn shared() -> Option<PathBuf> {
    let dir = root().join("../shared");
    if dir.join("corpus").is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("../shared is missing but CI is set: the real-statement tests cannot run");
    }
    eprintln!("notice: ../shared not found; skipping tests over real statements");
    None
}

/// The team statements of corpus/README.md's "Intended verdicts per statement" table, by
/// column key, in column order.
pub const TEAM_STATEMENTS: [(&str, &str); 17] = [
    ("S1", "corpus/en/compliant-streaming.md"),
    ("S2", "corpus/en/netflix-style-vague.html"),
    ("S3", "corpus/en/minimal-app.txt"),
    ("S4", "corpus/en/crlf-latin1.txt"),
    ("S5", "corpus/en/bare-puzzle-game.txt"),
    ("S6", "corpus/en/layered-habit-app.md"),
    ("S7", "corpus/en/council-library-wifi.txt"),
    ("S8", "corpus/en/portal-umbrella-notice.txt"),
    ("N1", "corpus/nl/compliant-fietsdeel.md"),
    ("N2", "corpus/nl/vaag-webwinkel.html"),
    ("N3", "corpus/nl/korte-vereniging.txt"),
    ("N4", "corpus/nl/utf16-bom.txt"),
    ("N5", "corpus/nl/kale-kookapp.md"),
    ("N6", "corpus/nl/gelaagd-reisapp.html"),
    ("N7", "corpus/nl/gemeente-meldingen.txt"),
    ("N8", "corpus/nl/portaal-overkoepelend.txt"),
    ("N9", "corpus/nl/yogastudio.md"),
];

/// The rows of that table: the requirement id, then the intended status per statement (in
/// the order of [`TEAM_STATEMENTS`]; a cell may carry a remark after the status).
pub fn team_verdict_rows() -> Vec<Vec<String>> {
    let readme =
        std::fs::read_to_string(root().join("corpus/README.md")).expect("corpus/README.md");
    let start = readme.find("| id | S1").expect("verdict table");
    let rows: Vec<Vec<String>> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    assert!(rows.len() >= 29, "{} rows", rows.len());
    rows
}

/// Files under `dir` (recursively) whose name ends with one of `exts`, sorted.
pub fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| exts.iter().any(|e| n.ends_with(e)))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A short, stable hash of a text (first 12 hex digits of SHA-256), for snapshots that
/// must record what a block holds without storing its sentences.
pub fn short_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Run the built `privlint` in `dir` (the current directory when `None`): exit code, stdout,
/// stderr.
pub fn privlint_in(dir: Option<&Path>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_privlint"));
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.args(args).output().expect("privlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
