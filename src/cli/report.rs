//! `privlint report STATEMENT [--with HELP_PAGE…] -o report.html|report.md`: the
//! regulator-style audit report of one statement (and the help pages that form a layered
//! notice with it), in English or Dutch. The review date is the only thing read from the
//! clock, and only when `--date` is not given.

use super::load_rules;
use crate::analysis;
use crate::report::audit::{self, InputFile, Options, ReportLang};
use anyhow::Context as _;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Nl,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The privacy statement to assess (.md, .html, .htm or .txt).
    pub statement: PathBuf,
    /// Help pages that form a layered notice with the statement.
    #[arg(long = "with", value_name = "HELP_PAGE", num_args = 1..)]
    pub with: Vec<PathBuf>,
    /// Where to write the report; the format follows the extension (.html, .htm, .md).
    /// Without it the report goes to standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report format (default: from the output file's extension, else Markdown).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Language of the report, independent of the statement's language.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Date of the review, YYYY-MM-DD (default: today, from the system clock).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Extra rule pack directory (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

/// Whether a text is a valid calendar date `YYYY-MM-DD`.
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Today's date (UTC) from the system clock.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn format_of(args: &ReportArgs) -> anyhow::Result<ReportFormat> {
    if let Some(f) = args.format {
        return Ok(f);
    }
    let Some(out) = &args.output else {
        return Ok(ReportFormat::Md);
    };
    match out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html" | "htm") => Ok(ReportFormat::Html),
        Some("md" | "markdown") => Ok(ReportFormat::Md),
        _ => anyhow::bail!(
            "cannot tell the report format from {}: use a .html or .md file name, or --format html|md",
            out.display()
        ),
    }
}

fn input_file(path: &Path, label: &str) -> anyhow::Result<InputFile> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(InputFile {
        path: label.to_string(),
        sha256: audit::sha256_hex(&bytes),
        bytes: bytes.len(),
    })
}

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let format = format_of(args)?;
    let date = match &args.date {
        Some(d) if valid_date(d) => d.clone(),
        Some(d) => anyhow::bail!("--date {d}: expected a date as YYYY-MM-DD"),
        None => today(),
    };
    let rules = load_rules(&args.rules)?;
    let statement = analysis::load(&args.statement)?;
    let mut inputs = vec![input_file(&args.statement, statement.path())?];
    let mut help = Vec::new();
    for h in &args.with {
        let doc = analysis::load(h)?;
        inputs.push(input_file(h, doc.path())?);
        help.push(doc);
    }
    let mut docs = analysis::analyse(&rules, statement, help);
    // Findings silenced in the statement are listed in the report's own section.
    crate::policy::suppress(&rules, &mut docs);
    let opts = Options {
        lang: match args.lang {
            LangArg::En => ReportLang::En,
            LangArg::Nl => ReportLang::Nl,
        },
        date,
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let report = audit::build(&rules, &docs, &inputs, &opts);
    let text = match format {
        ReportFormat::Html => audit::html::render(&report),
        ReportFormat::Md => audit::md::render(&report),
    };
    match &args.output {
        Some(path) => {
            let target = std::fs::canonicalize(path).ok();
            let is_input = [&args.statement]
                .into_iter()
                .chain(&args.with)
                .any(|i| target.is_some() && std::fs::canonicalize(i).ok() == target);
            if is_input {
                anyhow::bail!(
                    "-o {}: that is an input file; refusing to overwrite it",
                    path.display()
                );
            }
            super::write_atomic(path, &text)?
        }
        None => out!("{text}")?,
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2023-02-29"));
        assert!(!valid_date("2024-13-01"));
        assert!(!valid_date("24-01-01"));
        assert!(valid_date(&today()));
    }
}
