//! `privlint diff OLD NEW`, `privlint diff --git REV1..REV2 PATH`, and `privlint history`
//! (a timeline of every consecutive pair of revisions in a directory or in git history).

use super::git::{git_location, git_show};
use super::{ColorChoice, load_rules};
use crate::analysis::{self, DocumentAnalysis};
use crate::diff::{self, Diff, Options, render};
use crate::ingest::{self, Source};
use crate::rules::RuleSet;
use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Noise {
    /// Dates anywhere in the text.
    Dates,
    /// Section and list numbering.
    Numbering,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// OLD and NEW files, or with --git: the path of the file in the repository.
    #[arg(required = true, num_args = 1..=2)]
    pub paths: Vec<PathBuf>,
    /// Compare two git revisions of PATH: `REV1..REV2` (shells out to `git show`).
    #[arg(long, value_name = "REV1..REV2")]
    pub git: Option<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Noise to ignore (repeatable or comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub ignore: Vec<Noise>,
    /// Exit with 1 when a requirement's status got worse.
    #[arg(long)]
    pub fail_on_regression: bool,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Extra rule pack directory (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// A directory of revisions (files named by date, else ordered by their Last Updated
    /// date), or with --git a file whose git history is walked.
    pub path: PathBuf,
    /// Walk the git history of PATH instead of a directory.
    #[arg(long)]
    pub git: bool,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    #[arg(long, value_enum, value_delimiter = ',')]
    pub ignore: Vec<Noise>,
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

fn options(ignore: &[Noise]) -> Options {
    Options {
        ignore_dates: ignore.contains(&Noise::Dates),
        ignore_numbering: ignore.contains(&Noise::Numbering),
    }
}

/// Every revision analysed, in parallel, in the order given.
fn analyse_all(rules: &RuleSet, sources: Vec<Source>) -> Vec<DocumentAnalysis> {
    use rayon::prelude::*;
    sources.into_par_iter().map(|s| analyse(rules, s)).collect()
}

fn analyse(rules: &RuleSet, source: Source) -> DocumentAnalysis {
    analysis::analyse(rules, ingest::parse(source), Vec::new()).remove(0)
}

fn render(d: &Diff, format: DiffFormat, color: bool) -> String {
    match format {
        DiffFormat::Text => render::text(d, color),
        DiffFormat::Json => render::json(d),
        DiffFormat::Markdown => render::markdown(d),
        DiffFormat::Html => render::html(d),
    }
}

/// `privlint diff`: the whole command, whose end is the end of the process (the analyses
/// are not freed).
pub fn run(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let rules = load_rules(&args.rules)?;
    let (old, new) = match &args.git {
        Some(range) => {
            let Some((a, b)) = range.split_once("..") else {
                bail!("--git takes REV1..REV2, got `{range}`");
            };
            let [path] = args.paths.as_slice() else {
                bail!("--git takes exactly one PATH");
            };
            let b = if b.is_empty() { "HEAD" } else { b };
            (git_show(a, path)?, git_show(b, path)?)
        }
        None => {
            let [a, b] = args.paths.as_slice() else {
                bail!("diff takes OLD and NEW (or --git REV1..REV2 PATH)");
            };
            (Source::read(a)?, Source::read(b)?)
        }
    };
    // the two revisions are analysed at the same time (one core each)
    let (old, new) = rayon::join(|| analyse(&rules, old), || analyse(&rules, new));
    let d = diff::diff(&rules, &old, &new, options(&args.ignore));
    out!("{}", render(&d, args.format, args.color.enabled()))?;
    // the process ends now: freeing the two analyses and the rules piece by piece would only
    // delay that
    let regression = d.regression;
    std::mem::forget((rules, old, new, d));
    Ok(if args.fail_on_regression && regression {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Revisions of a directory in time order: by a leading `YYYY-MM-DD` in the file name
/// when every file has one, else by the extracted Last Updated date, then name.
fn directory_revisions(rules: &RuleSet, dir: &Path) -> anyhow::Result<Vec<DocumentAnalysis>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read directory", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "md" | "html" | "htm" | "txt"))
        })
        .collect();
    files.sort();
    let sources = (files.iter().map(|f| Source::read(f))).collect::<Result<Vec<_>, _>>()?;
    let mut revs = analyse_all(rules, sources);
    let dated = |p: &str| {
        let name = Path::new(p)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        name.len() >= 10
            && name.as_bytes()[4] == b'-'
            && name.as_bytes()[7] == b'-'
            && name[..4].chars().all(|c| c.is_ascii_digit())
    };
    if !revs.iter().all(|r| dated(r.path())) {
        revs.sort_by(|a, b| {
            a.last_updated
                .cmp(&b.last_updated)
                .then_with(|| a.path().cmp(b.path()))
        });
    }
    Ok(revs)
}

fn git_revisions(rules: &RuleSet, path: &Path) -> anyhow::Result<Vec<DocumentAnalysis>> {
    let (dir, name) = git_location(path);
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "log",
            "--reverse",
            "--format=%H",
            "--",
            &name.display().to_string(),
        ])
        .output()
        .with_context(|| format!("{}: cannot run git", path.display()))?;
    if !out.status.success() {
        bail!(
            "{}: git log failed: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let sources = (String::from_utf8_lossy(&out.stdout).lines())
        .map(|rev| git_show(rev, path))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(analyse_all(rules, sources))
}

pub fn run_history(args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let rules = load_rules(&args.rules)?;
    let revs = if args.git {
        git_revisions(&rules, &args.path)?
    } else {
        directory_revisions(&rules, &args.path)?
    };
    if revs.len() < 2 {
        bail!(
            "{}: need at least two revisions, found {}",
            args.path.display(),
            revs.len()
        );
    }
    let opts = options(&args.ignore);
    let diffs: Vec<Diff> = revs
        .windows(2)
        .map(|w| diff::diff(&rules, &w[0], &w[1], opts))
        .collect();
    match args.format {
        DiffFormat::Json => {
            let mut s = serde_json::to_string_pretty(&diffs)?;
            s.push('\n');
            out!("{s}")?;
        }
        DiffFormat::Text => {
            for d in &diffs {
                outln!(
                    "{} → {}  ({} → {})",
                    d.old_path,
                    d.new_path,
                    d.old_date.as_deref().unwrap_or("no date"),
                    d.new_date.as_deref().unwrap_or("no date")
                )?;
                outln!("  {}", d.summary)?;
                for c in d.disclosures.iter().filter(|c| c.impact >= 45) {
                    outln!("    [{:>3}] {}", c.impact, c.message)?;
                }
                outln!()?;
            }
        }
        f => {
            for d in &diffs {
                out!("{}", render(d, f, false))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
