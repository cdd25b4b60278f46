//! `privlint config`: print the effective configuration (after discovery) as TOML, with
//! the file it came from; a broken file is reported with its line and exit code 2.

use super::check::ConfigArgs;
use super::load_rules;
use clap::Args;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ConfigCmdArgs {
    #[command(flatten)]
    pub config: ConfigArgs,
}

pub fn run(args: &ConfigCmdArgs) -> anyhow::Result<ExitCode> {
    let loaded = args.config.load()?;
    let rules = load_rules(&loaded.rule_dirs())?;
    loaded.check_rules(&rules)?;
    out!("{}", loaded.to_toml())?;
    Ok(ExitCode::SUCCESS)
}
