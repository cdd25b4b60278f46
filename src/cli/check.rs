//! `privlint check [PATH…] [--with HELP…]`: analyse statements and report findings, in
//! one or several formats, under the project's configuration, suppressions and baseline.

use super::git;
use super::{ColorChoice, load_rules, temp_sibling, write_atomic};
use crate::analysis::{self, Analysis, DocumentAnalysis};
use crate::baseline::Baseline;
use crate::config::{self, FailOn, Loaded};
use crate::policy;
use crate::report::{self, Context, Format};
use anyhow::{Context as _, bail};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> FailOn {
        match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// Where configuration comes from (shared by `check` and `config`).
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Use this configuration file instead of searching for privlint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every privlint.toml.
    #[arg(long)]
    pub isolated: bool,
}

impl ConfigArgs {
    pub fn load(&self) -> anyhow::Result<Loaded> {
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        if self.isolated {
            return Ok(Loaded::defaults(&cwd));
        }
        let path = match &self.config {
            Some(p) => Some(p.clone()),
            None => config::discover(&cwd),
        };
        Ok(match path {
            Some(p) => Loaded::read(&p)?,
            None => Loaded::defaults(&cwd),
        })
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Statements to check: files, or directories searched for .md, .html, .htm and .txt
    /// files. Without paths, the `include` globs of privlint.toml.
    pub paths: Vec<PathBuf>,
    /// Help pages that form a layered notice with the statement (items found only there
    /// are `by-reference`). Needs exactly one statement.
    #[arg(long = "with", value_name = "HELP_PAGE", num_args = 1..)]
    pub with: Vec<PathBuf>,
    /// Output format on standard output.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also write FORMAT to PATH (repeatable), e.g. `--output sarif=privlint.sarif`.
    #[arg(long = "output", value_name = "FORMAT=PATH")]
    pub outputs: Vec<String>,
    /// Extra rule pack directory (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Exit with 1 when a finding has at least this severity [default: error, or
    /// `fail-on` in privlint.toml].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOnArg>,
    /// Always exit 0 unless privlint itself failed.
    #[arg(long)]
    pub exit_zero: bool,
    /// Report only findings not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the findings of this run to a baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings on lines changed since a git revision (and items whose
    /// evidence the change removed).
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Worker threads (0: one per core): statements are checked in parallel, and a single
    /// long statement has its sentences read in parallel. Output is the same for any number.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// No progress bar and no notices on standard error (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,
    /// Refuse statement files larger than this (exit code 2 after the other files are
    /// checked): bytes, or with a unit such as 500k, 20MB, 1MiB.
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = crate::ingest::parse_size)]
    pub max_file_size: u64,
    /// Do not honour .gitignore, .ignore and .git/info/exclude when searching directories.
    #[arg(long)]
    pub no_ignore: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Colour in text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

fn is_statement_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "md" | "markdown" | "html" | "htm" | "txt"
        )
    })
}

/// Expand directories, leaving out files the configuration excludes (or, when it has
/// `include` globs, does not include). Files named explicitly are always kept.
fn expand_filtered(
    paths: &[PathBuf],
    filters: Option<&config::Filters>,
    honour_ignore: bool,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = walk(p, honour_ignore);
            found.retain(|f| {
                filters.is_none_or(|fl| !fl.excluded(f) && (!fl.has_include() || fl.included(f)))
            });
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Statement files under `dir`, sorted: hidden files and directories are left out, and
/// (like ripgrep) so is what `.gitignore`, `.ignore` and `.git/info/exclude` ignore, unless
/// `honour_ignore` is false. Symbolic links are not followed, so a link loop cannot trap the
/// walk; nesting deeper than 32 directories is not searched.
fn walk(dir: &Path, honour_ignore: bool) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .standard_filters(honour_ignore)
        .hidden(true)
        .git_global(false)
        .max_depth(Some(32))
        .sort_by_file_path(|a, b| a.cmp(b))
        .build()
        .flatten()
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| is_statement_file(p))
        .collect();
    found.sort();
    found
}

/// Files under `root` matching the globs of `filters` (for `include` and `with`).
fn glob_files(root: &Path, honour_ignore: bool, matches: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found = walk(root, honour_ignore);
    found.retain(|f| matches(f));
    // Shown relative to the working directory, like paths given on the command line.
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| std::fs::canonicalize(c).ok());
    found
        .into_iter()
        .map(|p| {
            let abs = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
            cwd.as_ref()
                .and_then(|c| abs.strip_prefix(c).ok())
                .map(Path::to_path_buf)
                .unwrap_or(p)
        })
        .collect()
}

/// Parse `FORMAT=PATH`.
fn parse_output(s: &str) -> anyhow::Result<(Format, PathBuf)> {
    let Some((f, p)) = s.split_once('=') else {
        bail!("--output takes FORMAT=PATH, got `{s}`");
    };
    let Some(format) = Format::parse(f) else {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
        bail!(
            "--output: unknown format `{f}` (one of {})",
            names.join(", ")
        );
    };
    if p.is_empty() {
        bail!("--output {f}=: the path is empty");
    }
    Ok((format, PathBuf::from(p)))
}

/// Repository-relative paths for the documents, so SARIF, GitLab and baselines agree
/// wherever privlint runs from.
fn repo_paths(paths: &[String]) -> BTreeMap<String, String> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = git::repo_root(&cwd);
    paths
        .iter()
        .map(|p| {
            let rel = root.as_ref().and_then(|r| {
                let abs = std::fs::canonicalize(p).ok()?;
                abs.strip_prefix(r).ok().map(Path::to_path_buf)
            });
            let shown = match rel {
                Some(r) => r.to_string_lossy().replace('\\', "/"),
                None => p.replace('\\', "/").trim_start_matches("./").to_string(),
            };
            (p.clone(), shown)
        })
        .collect()
}

/// The GitHub job summary may hold at most 1 MiB; keep well under it.
const SUMMARY_LIMIT: usize = 1000 * 1000;

fn write_step_summary(markdown: &str) -> anyhow::Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return Ok(());
    };
    let mut text = markdown.to_string();
    if text.len() > SUMMARY_LIMIT {
        let mut cut = SUMMARY_LIMIT - 200;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[..cut].rfind('\n').unwrap_or(cut);
        text.truncate(cut);
        text.push_str(
            "\n\n… summary truncated at 1 MB; see the full report in the job's artifacts.\n",
        );
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .with_context(|| {
            format!(
                "{}: cannot write the job summary",
                PathBuf::from(&path).display()
            )
        })?;
    f.write_all(text.as_bytes())?;
    Ok(())
}

/// `privlint check`: the whole command, whose end is the end of the process (the results
/// are not freed).
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let loaded = args.config.load()?;
    let mut rule_dirs = loaded.rule_dirs();
    rule_dirs.extend(args.rules.iter().cloned());
    let rules = load_rules(&rule_dirs)?;
    loaded.check_rules(&rules)?;
    let rules = super::keep_and_warm_up(rules);
    let filters = loaded.filters();

    let files = if args.paths.is_empty() {
        if !filters.has_include() {
            bail!(
                "no statements given: pass files or directories, or set `include` in privlint.toml"
            );
        }
        glob_files(filters.root(), !args.no_ignore, |p| {
            filters.included(p) && !filters.excluded(p)
        })
    } else {
        expand_filtered(&args.paths, Some(&filters), !args.no_ignore)
    };
    if files.is_empty() {
        bail!("no statements found (looked for .md, .html, .htm and .txt files)");
    }
    let with: Vec<PathBuf> = if !args.with.is_empty() {
        args.with.clone()
    } else if !loaded.config.with.is_empty() && files.len() == 1 {
        let help_pages = loaded.help_filters();
        glob_files(filters.root(), !args.no_ignore, |p| {
            help_pages.included(p) && p != files[0]
        })
    } else {
        Vec::new()
    };
    if !args.with.is_empty() && files.len() != 1 {
        bail!("--with needs exactly one statement, got {}", files.len());
    }

    let mut sinks: Vec<(Format, Option<PathBuf>)> = vec![(args.format, None)];
    for o in &args.outputs {
        let (f, p) = parse_output(o)?;
        sinks.push((f, Some(p)));
    }
    // Never overwrite an input.
    let inputs: BTreeSet<PathBuf> = files
        .iter()
        .chain(&with)
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for (_, p) in &sinks {
        if let Some(p) = p
            && std::fs::canonicalize(p).is_ok_and(|c| inputs.contains(&c))
        {
            bail!(
                "--output {}: that is an input file; refusing to overwrite it",
                p.display()
            );
        }
    }
    let fail_on: FailOn = args
        .fail_on
        .map(FailOn::from)
        .or(loaded.config.fail_on)
        .unwrap_or(FailOn::Error);
    let mut matcher = match &args.baseline {
        Some(p) => Some(Baseline::read(p)?.matcher()),
        None => None,
    };
    if let Some(rev) = &args.changed_since
        && !git::rev_exists(rev, &files[0])
    {
        bail!("--changed-since {rev}: not a git revision here");
    }

    // JSONL sinks stream: one line per document as soon as it is analysed.
    let mut streams: Vec<Box<dyn std::io::Write>> = Vec::new();
    let mut stream_tmp: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (f, p) in &sinks {
        if *f != Format::Jsonl {
            continue;
        }
        match p {
            None => streams.push(Box::new(std::io::stdout())),
            Some(p) => {
                let tmp = temp_sibling(p);
                let file = std::fs::File::create(&tmp)
                    .with_context(|| format!("{}: cannot write", p.display()))?;
                streams.push(Box::new(std::io::BufWriter::new(file)));
                stream_tmp.push((tmp, p.clone()));
            }
        }
    }

    let mut failed = false;
    let mut help = Vec::new();
    for h in &with {
        match analysis::load_limited(h, args.max_file_size) {
            Ok(d) => help.push(d),
            Err(e) => {
                eprintln!("privlint: {e}");
                failed = true;
            }
        }
    }
    let all_paths: Vec<String> = files
        .iter()
        .chain(&with)
        .map(|p| p.display().to_string())
        .collect();
    let mut ctx = Context::new(rules);
    ctx.repo_paths = repo_paths(&all_paths);
    ctx.fail_on = fail_on.threshold();
    ctx.color = args.color.enabled();
    ctx.unreported = rules
        .rules
        .iter()
        .map(|r| (r.name.as_str(), r.code.as_str()))
        .chain(crate::suppress::META_RULES.iter().map(|m| (m.name, m.code)))
        .filter(|(name, code)| !loaded.reports(name, code))
        .map(|(name, _)| name.to_string())
        .collect();
    // Statements are checked in parallel and handed on in input order, so output is the
    // same whatever the thread count, documents are streamed as soon as their turn comes,
    // and memory stays bounded by the window of statements being worked on (plus what the
    // non-streaming formats must hold).
    let jobs = match args.jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    // one statement: its sentences are read on all the threads instead
    let threads_per_statement = if files.len() == 1 { jobs } else { 1 };
    let keep_documents = sinks.iter().any(|(f, _)| *f != Format::Jsonl);
    let progress = progress_bar(files.len(), args.quiet);
    let help = std::sync::Mutex::new(help);
    let threshold = fail_on.threshold();
    let mut hit = false;
    let mut result = Analysis::default();
    let mut for_baseline = Vec::new();
    // When the documents are only streamed (no baseline to apply or write, no other
    // format to render), a worker renders their lines itself and frees them: freed on the
    // thread that consumes them, every block of a document went back to its worker's heap
    // through the allocator's cross-thread free list, some 8% of a one-thread corpus run.
    let render_in_worker = !keep_documents && matcher.is_none() && args.write_baseline.is_none();
    let streamed = !streams.is_empty();
    let check = |i: usize| {
        let help = std::mem::take(&mut *help.lock().unwrap_or_else(|e| e.into_inner()));
        let checked = check_one(rules, &loaded, args, &files[i], help, threads_per_statement);
        match checked {
            Ok(Checked::Documents(documents)) if render_in_worker => {
                let part = Analysis { documents };
                let lines = if streamed {
                    (part.documents.iter())
                        .map(|d| report::json::document_line(&part, d))
                        .collect()
                } else {
                    String::new()
                };
                Ok(Checked::Rendered {
                    fails: policy::fails(&part, threshold),
                    lines,
                })
            }
            other => other,
        }
    };
    let consume = |outcome: anyhow::Result<Checked>| -> anyhow::Result<()> {
        progress.inc(1);
        let mut docs = match outcome? {
            Checked::Documents(docs) => docs,
            Checked::Rendered { fails, lines } => {
                hit |= fails;
                for s in &mut streams {
                    s.write_all(lines.as_bytes())?;
                    s.flush()?;
                }
                return Ok(());
            }
            Checked::Unreadable(message) => {
                progress.suspend(|| eprintln!("privlint: {message}"));
                failed = true;
                return Ok(());
            }
            Checked::Skipped(message) => {
                if !args.quiet {
                    progress.suspend(|| eprintln!("privlint: {message}"));
                }
                return Ok(());
            }
        };
        if args.write_baseline.is_some() {
            for d in &docs {
                for f in &d.findings {
                    for_baseline.push((f.clone(), ctx.repo_path(&f.path)));
                }
            }
        }
        if let Some(m) = matcher.as_mut() {
            for d in &mut docs {
                policy::apply_baseline(m, d, &|p| ctx.repo_path(p));
            }
        }
        let part = Analysis { documents: docs };
        hit |= policy::fails(&part, threshold);
        for s in &mut streams {
            for d in &part.documents {
                s.write_all(report::json::document_line(&part, d).as_bytes())?;
            }
            s.flush()?;
        }
        if keep_documents {
            result.documents.extend(part.documents);
        }
        Ok(())
    };
    in_input_order(files.len(), jobs, jobs * 4, check, consume)?;
    progress.finish_and_clear();
    drop(streams);
    for (tmp, path) in stream_tmp {
        std::fs::rename(&tmp, &path)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }

    for (format, path) in &sinks {
        if *format == Format::Jsonl {
            continue;
        }
        let text = report::render(
            &result,
            *format,
            &Context {
                color: ctx.color && path.is_none(),
                ..ctx.clone()
            },
        );
        match path {
            None => {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes())?;
            }
            // A report that cannot be written does not stop the others.
            Some(p) => {
                if let Err(e) = write_atomic(p, &text) {
                    eprintln!("privlint: {e:#}");
                    failed = true;
                }
            }
        }
    }
    if sinks.iter().any(|(f, _)| *f == Format::Github) {
        write_step_summary(&report::render(&result, Format::Markdown, &ctx))?;
    }
    if let Some(p) = &args.write_baseline {
        let b = Baseline::from_findings(for_baseline.iter().map(|(f, p)| (f, p.as_str())));
        write_atomic(p, &b.to_json())?;
        eprintln!(
            "privlint: wrote {} finding(s) to the baseline {}",
            b.findings.iter().map(|e| e.count).sum::<usize>(),
            p.display()
        );
    }
    // the process ends now: freeing every sentence, hit and finding one by one would only
    // delay that (half a millisecond for one statement)
    std::mem::forget(result);
    if failed {
        return Ok(ExitCode::from(2));
    }
    Ok(if hit && !args.exit_zero && args.write_baseline.is_none() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What checking one statement file gave.
enum Checked {
    /// The statement and the help pages checked with it, suppressions, configuration and
    /// `--changed-since` applied (the baseline is applied in input order, afterwards).
    Documents(Vec<DocumentAnalysis>),
    /// The documents of `Documents` rendered by the worker (see `render_in_worker`):
    /// whether one of them fails the run, and their JSONL lines.
    Rendered { fails: bool, lines: String },
    /// The file could not be read; the run fails with exit code 2 after the others.
    Unreadable(String),
    /// Left out by the configuration, with a notice.
    Skipped(String),
}

/// Runs `work` on the inputs `0..count` on `jobs` threads and hands each result to
/// `consume` in input order, as soon as its turn comes. A worker runs at most `window`
/// inputs ahead of the one being consumed, so memory is bounded by the window however many
/// inputs there are, and a slow input holds up no worker until the window is full (as a
/// barrier after each batch would). The first error of `consume` stops the run: workers
/// finish the input they are on and take no other.
fn in_input_order<T: Send>(
    count: usize,
    jobs: usize,
    window: usize,
    work: impl Fn(usize) -> T + Sync,
    mut consume: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::sync::{Condvar, Mutex, mpsc};
    /// Which input is next to be taken, how many were consumed, and whether to stop.
    struct Turn {
        next: usize,
        consumed: usize,
        stop: bool,
    }
    let turn = Mutex::new(Turn {
        next: 0,
        consumed: 0,
        stop: false,
    });
    let moved = Condvar::new();
    let lock = || turn.lock().unwrap_or_else(|e| e.into_inner());
    let stop = || {
        lock().stop = true;
        moved.notify_all();
    };
    let (send, receive) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, count.max(1)) {
            let send = send.clone();
            let (lock, stop, moved, work) = (&lock, &stop, &moved, &work);
            let worker = move || {
                // a worker that panics stops the others (which might wait for its input
                // forever); the scope then passes the panic on
                let _on_panic = OnPanic(stop);
                loop {
                    let i = {
                        let mut t = lock();
                        while !t.stop && t.next < count && t.next >= t.consumed + window {
                            t = moved.wait(t).unwrap_or_else(|e| e.into_inner());
                        }
                        if t.stop || t.next >= count {
                            return;
                        }
                        t.next += 1;
                        t.next - 1
                    };
                    if send.send((i, work(i))).is_err() {
                        return;
                    }
                }
            };
            // room for html5ever and the nesting-limited walkers on deep pages
            let spawned = std::thread::Builder::new()
                .stack_size(16 << 20)
                .spawn_scoped(scope, worker);
            if let Err(e) = spawned {
                stop();
                return Err(e).context("cannot start worker threads");
            }
        }
        drop(send);
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut expected = 0;
        for (i, outcome) in &receive {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&expected) {
                expected += 1;
                if let Err(e) = consume(outcome) {
                    stop();
                    return Err(e);
                }
                lock().consumed = expected;
                moved.notify_all();
            }
        }
        Ok(())
    })
}

/// Runs its function when dropped during a panic.
struct OnPanic<F: Fn()>(F);

impl<F: Fn()> Drop for OnPanic<F> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            (self.0)();
        }
    }
}

fn check_one(
    rules: &crate::rules::RuleSet,
    loaded: &Loaded,
    args: &CheckArgs,
    path: &Path,
    help: Vec<crate::ingest::Document>,
    threads: usize,
) -> anyhow::Result<Checked> {
    let doc = match analysis::load_limited(path, args.max_file_size) {
        Ok(doc) => doc,
        Err(e) => return Ok(Checked::Unreadable(e.to_string())),
    };
    if !loaded.checks_language(doc.lang.code()) {
        return Ok(Checked::Skipped(format!(
            "{}: language `{}` is not in `languages` of the configuration; skipped",
            path.display(),
            doc.lang.code()
        )));
    }
    let mut docs = analysis::analyse_with(rules, doc, help, threads);
    policy::suppress(rules, &mut docs);
    for d in &mut docs {
        policy::configure(loaded, d);
    }
    if let Some(rev) = &args.changed_since {
        limit_to_change(rules, loaded, rev, path, &mut docs[0])?;
    }
    Ok(Checked::Documents(docs))
}

/// A progress bar on standard error for runs over several files, drawn only when standard
/// error is a terminal and `--quiet` is not given.
fn progress_bar(files: usize, quiet: bool) -> ProgressBar {
    if quiet || files < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{elapsed_precise} [{bar:40}] {pos}/{len} statements ({per_sec})",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// `--changed-since`: compare with the statement at `rev` and keep what the change did.
fn limit_to_change(
    rules: &crate::rules::RuleSet,
    loaded: &Loaded,
    rev: &str,
    path: &Path,
    doc: &mut DocumentAnalysis,
) -> anyhow::Result<()> {
    if !git::exists_at(rev, path) {
        // A new (or untracked) file: every finding is the change's.
        return Ok(());
    }
    let changed = git::changed_lines(rev, path)?;
    let old = git::git_show(rev, path)?;
    let mut before = analysis::analyse(rules, crate::ingest::parse(old), Vec::new());
    policy::suppress(rules, &mut before);
    policy::configure(loaded, &mut before[0]);
    policy::limit_to_change(doc, &changed, Some(&before[0].findings));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::in_input_order;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_input_order_within_the_window_and_an_error_stops_the_run() {
        // later inputs finish first: input i sleeps longer the smaller i is
        let count = 40;
        let consumed = AtomicUsize::new(0);
        let furthest_ahead = AtomicUsize::new(0);
        let work = |i: usize| {
            let ahead = i - consumed.load(Ordering::SeqCst);
            furthest_ahead.fetch_max(ahead, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_micros(((count - i) * 50) as u64));
            i
        };
        let mut seen = Vec::new();
        in_input_order(count, 4, 6, work, |i| {
            seen.push(i);
            consumed.store(seen.len(), Ordering::SeqCst);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, (0..count).collect::<Vec<_>>());
        assert!(furthest_ahead.load(Ordering::SeqCst) < 6);

        let taken = AtomicUsize::new(0);
        let error = in_input_order(
            1000,
            3,
            4,
            |i| {
                taken.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| {
                if i == 10 {
                    anyhow::bail!("stop at {i}")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(error.unwrap_err().to_string(), "stop at 10");
        assert!(taken.load(Ordering::SeqCst) < 20, "{taken:?}");
    }

    #[test]
    fn a_panicking_worker_stops_the_others_and_the_panic_is_passed_on() {
        // the other workers fill the window and wait for input 5, which never comes: they
        // must be told to stop, or the run would hang instead of failing
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let run = std::panic::catch_unwind(|| {
                in_input_order(
                    100,
                    3,
                    4,
                    |i| {
                        assert_ne!(i, 5, "input 5 fails");
                        i
                    },
                    |_| Ok(()),
                )
            });
            let _ = done.send(run.is_err());
        });
        let panicked = finished.recv_timeout(std::time::Duration::from_secs(30));
        assert_eq!(panicked, Ok(true), "the run hung or did not fail");
    }
}
