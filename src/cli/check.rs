//! `privlint check PATH… [--with HELP…]`: analyse statements and report findings.

use super::{ColorChoice, load_rules};
use crate::analysis::{self, Analysis};
use crate::finding::Severity;
use crate::report;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Statements to check: files, or directories searched for .md, .html, .htm and .txt files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Help pages that form a layered notice with the statement (items found only there
    /// are `by-reference`). Needs exactly one statement.
    #[arg(long = "with", value_name = "HELP_PAGE", num_args = 1..)]
    pub with: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Extra rule pack directory (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Always exit 0 unless privlint itself failed.
    #[arg(long)]
    pub exit_zero: bool,
    /// Colour in text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Expand directories into the statement files below them, sorted; files stay as given.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            collect(p, &mut found, 0);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 32 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            collect(&path, out, depth + 1);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "md" | "markdown" | "html" | "htm" | "txt"
            )
        }) {
            out.push(path);
        }
    }
}

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let rules = load_rules(&args.rules)?;
    let files = expand(&args.paths);
    if !args.with.is_empty() && files.len() != 1 {
        anyhow::bail!("--with needs exactly one statement, got {}", files.len());
    }
    let mut failed = false;
    let mut help = Vec::new();
    for h in &args.with {
        match analysis::load(h) {
            Ok(d) => help.push(d),
            Err(e) => {
                eprintln!("privlint: {e}");
                failed = true;
            }
        }
    }
    let mut result = Analysis::default();
    for f in &files {
        match analysis::load(f) {
            Ok(doc) => {
                result
                    .documents
                    .extend(analysis::analyse(&rules, doc, std::mem::take(&mut help)))
            }
            Err(e) => {
                eprintln!("privlint: {e}");
                failed = true;
            }
        }
    }
    let out = match args.format {
        OutputFormat::Json => report::json::render(&result),
        OutputFormat::Text => {
            let fix = |name: &str| rules.rule(name).map(|r| r.fix.clone()).unwrap_or_default();
            report::text::render_with(&result, args.color.enabled(), &fix)
        }
    };
    print!("{out}");
    if failed {
        return Ok(ExitCode::from(2));
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let hit = threshold.is_some_and(|t| {
        result
            .documents
            .iter()
            .flat_map(|d| &d.findings)
            .any(|f| f.severity >= t)
    });
    Ok(if hit && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
