//! `privlint eval DIR`: accuracy against `DIR/labels.json`, per requirement.

use super::load_rules;
use crate::eval::{self, EvalReport, Scores};
use clap::{Args, ValueEnum};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory holding the labelled files and `labels.json`.
    pub dir: PathBuf,
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// List every disagreement with the labels (for reviewing labels and rules).
    #[arg(long)]
    pub show_errors: bool,
    /// Extra rule pack directory (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

fn table(out: &mut String, name: &str, s: &Scores, per_requirement: bool) {
    let quality = if s.quality_total == 0 {
        "quality agreement n/a (no quality labels)".to_string()
    } else {
        format!(
            "quality agreement {:.3} ({}/{})",
            s.quality_agreement(),
            s.quality_agree,
            s.quality_total
        )
    };
    let _ = writeln!(
        out,
        "{name}: {} documents  micro P {:.3} R {:.3} F1 {:.3}  macro-F1 {:.3}  {quality}  evidence on a labelled line {}/{}",
        s.documents,
        s.micro.precision(),
        s.micro.recall(),
        s.micro_f1,
        s.macro_f1,
        s.evidence_on_label,
        s.evidence_checked
    );
    if per_requirement {
        let _ = writeln!(
            out,
            "  {:<34} {:>6} {:>6} {:>6} {:>5} {:>4} {:>4} {:>4}",
            "requirement", "P", "R", "F1", "gold", "tp", "fp", "fn"
        );
        for (req, c) in &s.per_requirement {
            let _ = writeln!(
                out,
                "  {:<34} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>4} {:>4} {:>4}",
                req,
                c.precision(),
                c.recall(),
                c.f1(),
                c.support(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
    }
}

pub fn render_text(r: &EvalReport, show_errors: bool) -> String {
    let mut out = String::new();
    table(&mut out, "all", &r.all, true);
    for (lang, s) in &r.by_language {
        out.push('\n');
        table(&mut out, lang, s, true);
    }
    if show_errors {
        let _ = writeln!(out, "\ndisagreements:");
        for d in &r.disagreements {
            let _ = writeln!(
                out,
                "  {} {} label={} privlint={} label-lines={:?} evidence-lines={:?}",
                d.file, d.requirement, d.label, d.privlint, d.label_lines, d.evidence_lines
            );
        }
    }
    out
}

pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let rules = load_rules(&args.rules)?;
    let report = eval::evaluate_dir(&rules, &args.dir)?;
    match args.format {
        EvalFormat::Text => out!("{}", render_text(&report, args.show_errors))?,
        EvalFormat::Json => outln!("{}", serde_json::to_string_pretty(&report)?)?,
    }
    Ok(ExitCode::SUCCESS)
}
