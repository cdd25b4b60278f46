//! The command line: arguments → validated configuration → run → exit status.
//! The only module that prints or reads the environment. Each subcommand lives in its
//! own file; this one parses arguments and dispatches.
//!
//! Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage, configuration or
//! input error. A reader that stops early (`privlint check … | head -1`) ends the run
//! quietly with 0: standard output is written with [`out!`]/[`outln!`], which return the
//! broken-pipe error instead of panicking like `print!`.

/// `print!` to standard output that returns the write error instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `println!` to standard output that returns the write error instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod check;
mod config;
mod diff;
mod eval;
mod git;
mod parse;
mod report;
mod rules;

use crate::rules::RuleSet;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "privlint",
    version,
    about = "Checks privacy statements (English and Dutch) against GDPR Articles 12-14"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the document outline: sections, blocks, languages, line ranges, text.
    Parse(parse::ParseArgs),
    /// Check statements: one status per GDPR requirement, with evidence, and findings.
    Check(check::CheckArgs),
    /// Measure accuracy against a labelled directory (DIR/labels.json).
    Eval(eval::EvalArgs),
    /// List or explain the rules.
    Rules(rules::RulesArgs),
    /// Compare two revisions of a statement: text by section, disclosures, Last Updated.
    Diff(diff::DiffArgs),
    /// The timeline of a statement: every consecutive pair of revisions.
    History(diff::HistoryArgs),
    /// Write a regulator-style audit report (HTML or Markdown, English or Dutch).
    Report(report::ReportArgs),
    /// Print the effective configuration (privlint.toml after discovery).
    Config(config::ConfigCmdArgs),
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
            }
        }
    }
}

/// The bundled rule packs plus `--rules` directories.
pub fn load_rules(extra: &[PathBuf]) -> anyhow::Result<RuleSet> {
    let dirs: Vec<&std::path::Path> = extra.iter().map(PathBuf::as_path).collect();
    Ok(RuleSet::load(&dirs)?)
}

/// Keeps `rules` until the process exits and starts a thread that compiles what every
/// statement needs ([`crate::extract::Extractor::warm_up`]) while the first statements are
/// read and parsed. The thread is not waited for. (`diff` gains nothing from it: it
/// analyses its two revisions on both cores already.)
pub fn keep_and_warm_up(rules: RuleSet) -> &'static RuleSet {
    let rules: &'static RuleSet = Box::leak(Box::new(rules));
    std::thread::spawn(|| rules.extractor.warm_up());
    rules
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match &cli.command {
        Command::Parse(a) => parse::run(a),
        Command::Check(a) => check::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Diff(a) => diff::run(a),
        Command::History(a) => diff::run_history(a),
        Command::Report(a) => report::run(a),
        Command::Config(a) => config::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("privlint: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the error is a write to a closed pipe (the reader has all it wants).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The temporary file an output is first written to: hidden, beside the target (so the
/// rename stays on one file system), and named by process so two runs never share it.
pub(crate) fn temp_sibling(path: &std::path::Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    dir.join(format!(".{name}.{}.privlint-tmp", std::process::id()))
}

/// Write a file via a temporary sibling and a rename, so readers never see half a report
/// and a failed write leaves any previous file in place.
pub(crate) fn write_atomic(path: &std::path::Path, content: &str) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let tmp = temp_sibling(path);
    std::fs::write(&tmp, content).with_context(|| format!("{}: cannot write", path.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow::Error::new(e).context(format!("{}: cannot write", path.display()))
    })?;
    Ok(())
}
