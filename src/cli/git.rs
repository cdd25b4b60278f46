//! The few git questions privlint asks, answered by running `git`: a file at a revision,
//! the lines a change touched, and where the repository root is.

use crate::ingest::Source;
use anyhow::{Context, bail};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where to run git for a file, and the file's name there (git resolves `./NAME` against
/// the working directory, so paths work from anywhere inside the repository).
pub fn git_location(path: &Path) -> (&Path, PathBuf) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    (dir, path.file_name().map(PathBuf::from).unwrap_or_default())
}

/// The file at a revision.
pub fn git_show(rev: &str, path: &Path) -> anyhow::Result<Source> {
    let spec = format!("{rev}:{}", path.display());
    let (dir, name) = git_location(path);
    let out = Command::new("git")
        .current_dir(dir)
        .args(["show", &format!("{rev}:./{}", name.display())])
        .output()
        .with_context(|| format!("{spec}: cannot run git"))?;
    if !out.status.success() {
        bail!(
            "{spec}: git show failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(Source::from_bytes(&spec, &out.stdout)?)
}

/// Whether `rev` names a commit in the repository holding `path`.
pub fn rev_exists(rev: &str, path: &Path) -> bool {
    let (dir, _) = git_location(path);
    Command::new("git")
        .current_dir(dir)
        .args([
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the file exists at `rev`.
pub fn exists_at(rev: &str, path: &Path) -> bool {
    let (dir, name) = git_location(path);
    Command::new("git")
        .current_dir(dir)
        .args(["cat-file", "-e", &format!("{rev}:./{}", name.display())])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// 1-based lines of the working-tree file that differ from `rev`.
pub fn changed_lines(rev: &str, path: &Path) -> anyhow::Result<BTreeSet<usize>> {
    let (dir, name) = git_location(path);
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--unified=0",
            rev,
            "--",
        ])
        .arg(&name)
        .output()
        .with_context(|| format!("{}: cannot run git diff", path.display()))?;
    if !out.status.success() {
        bail!(
            "{}: git diff {rev} failed: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(parse_hunks(&String::from_utf8_lossy(&out.stdout)))
}

/// New-side line numbers from unified diff hunk headers (`@@ -a,b +c,d @@`).
pub fn parse_hunks(diff: &str) -> BTreeSet<usize> {
    let mut lines = BTreeSet::new();
    for l in diff.lines().filter(|l| l.starts_with("@@ ")) {
        let Some(new) = l.split_whitespace().find(|w| w.starts_with('+')) else {
            continue;
        };
        let mut parts = new[1..].splitn(2, ',');
        let start: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let count: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(1);
        lines.extend(start..start + count);
    }
    lines
}

/// The repository root above `dir` (the first directory holding `.git`), if any.
pub fn repo_root(dir: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(dir).ok()?;
    abs.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::parse_hunks;

    #[test]
    fn hunk_headers_give_new_lines() {
        let d = "diff --git a/x b/x\n@@ -3 +3,2 @@\n-a\n+b\n+c\n@@ -10,2 +11,0 @@\n-x\n@@ -20 +19 @@ ctx\n";
        assert_eq!(
            parse_hunks(d).into_iter().collect::<Vec<_>>(),
            vec![3, 4, 19]
        );
    }
}
