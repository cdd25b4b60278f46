//! `privlint rules list` and `privlint rules explain RULE`: the rule reference.

use super::load_rules;
use crate::rules::reference::{explain, reference};
use crate::suppress::{META_RULES, meta_rule};
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
    /// Extra rule pack directory (repeatable).
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// One line per rule: code, severity, name, requirement, summary.
    List {
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Everything about one rule, by name or code.
    Explain { rule: String },
}

pub fn run(args: &RulesArgs) -> anyhow::Result<ExitCode> {
    let rules = load_rules(&args.rules)?;
    match &args.command {
        RulesCommand::List { json } => {
            if *json {
                let list: Vec<_> = rules.sorted();
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
            } else {
                for r in rules.sorted() {
                    outln!(
                        "{}  {:<7}  {:<40}  {:<34}  {}",
                        r.code,
                        r.severity.as_str(),
                        r.name,
                        r.requirement,
                        r.summary
                    )?;
                }
                // The built-in rules about suppression comments.
                for m in META_RULES {
                    outln!(
                        "{}  {:<7}  {:<40}  {:<34}  {}",
                        m.code,
                        "warning",
                        m.name,
                        "(suppressions)",
                        m.summary
                    )?;
                }
            }
        }
        RulesCommand::Explain { rule } => {
            if rule == "--all" || rule == "all" {
                out!("{}", reference(&rules))?;
            } else {
                match (rules.rule(rule), meta_rule(rule)) {
                    (Some(r), _) => out!("{}", explain(r))?,
                    (None, Some(m)) => out!(
                        "{} {} (built in, severity warning)\n\n{}\n\nWhy: {}\n\nFix: {}\n",
                        m.code,
                        m.name,
                        m.summary,
                        m.why,
                        m.fix
                    )?,
                    (None, None) => {
                        eprintln!(
                            "privlint: no rule named or coded `{rule}` (see `privlint rules list`)"
                        );
                        return Ok(ExitCode::from(2));
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
