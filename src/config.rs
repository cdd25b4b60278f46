//! `privlint.toml`: project configuration, found upward from the working directory.
//!
//! ```toml
//! select = ["PL0"]                       # rules to report: names, codes or code prefixes (default: all)
//! ignore = ["missing-dpo-contact"]       # rules never to report
//! fail-on = "warning"                    # error | warning | info | never
//! languages = ["en", "nl"]               # statement languages to check; others are skipped
//! rules = ["privacy-rules"]              # extra rule pack directories
//! include = ["docs/**/*.md"]             # statements checked when no path is given
//! exclude = ["docs/drafts/**"]           # never checked when found in a directory
//! with = ["docs/help/*.md"]              # help pages checked with a single statement
//!
//! [severity]                             # per-rule severity overrides
//! vague-retention-period = "error"
//! ```
//!
//! Relative paths and globs are relative to the directory holding the file. Unknown keys,
//! wrong types and rule names that match no rule are errors that name the file and line.
//! Discovery walks from the working directory up to the repository root (the first
//! directory with a `.git`), or to the filesystem root outside a repository.

use crate::finding::Severity;
use crate::rules::RuleSet;
use crate::suppress;
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name searched for.
pub const FILE_NAME: &str = "privlint.toml";

/// When a run fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The lowest severity that fails the run, if any.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// The contents of a `privlint.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rules to report: names, codes or code prefixes. Empty means all.
    #[serde(default)]
    pub select: Vec<String>,
    /// Rules never to report.
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOn>,
    /// Statement languages to check (`en`, `nl`). Empty means all.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Extra rule pack directories.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Globs of statements to check when no path is given on the command line.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files never checked when found by walking a directory.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Globs of help pages checked with a single statement when `--with` is not given.
    #[serde(default)]
    pub with: Vec<String>,
    /// Severity overrides per rule name or code.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

/// Why a configuration file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read configuration: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A configuration with where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// The file, or `None` for the defaults (no file found, or `--isolated`).
    pub path: Option<PathBuf>,
    /// The directory relative paths and globs are resolved against.
    pub root: PathBuf,
}

/// Find `privlint.toml` from `start` upward, stopping at the repository root.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        dir = d.parent();
    }
    None
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Loaded {
    /// The defaults, with relative paths resolved against `root`.
    pub fn defaults(root: &Path) -> Self {
        Loaded {
            config: Config::default(),
            path: None,
            root: root.to_path_buf(),
        }
    }

    /// Read and check a configuration file against the rules it refers to. The rule packs it
    /// names are loaded by the caller before [`Loaded::check_rules`].
    pub fn read(path: &Path) -> Result<Self, ConfigError> {
        let label = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: label.clone(),
            source,
        })?;
        let config: Config = toml::from_str(&text).map_err(|e| {
            let (line, column) = line_col(&text, e.span().map_or(0, |s| s.start));
            ConfigError::Invalid {
                path: label.clone(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        let invalid = |needle: &str, message: String| {
            let at = text.find(needle).unwrap_or(0);
            let (line, column) = line_col(&text, at);
            ConfigError::Invalid {
                path: label.clone(),
                line,
                column,
                message,
            }
        };
        for lang in &config.languages {
            if !matches!(lang.as_str(), "en" | "nl") {
                return Err(invalid(
                    &format!("\"{lang}\""),
                    format!("languages: `{lang}` is not a supported language (en, nl)"),
                ));
            }
        }
        for (key, globs) in [
            ("include", &config.include),
            ("exclude", &config.exclude),
            ("with", &config.with),
        ] {
            for g in globs {
                if let Err(e) = Glob::new(g) {
                    return Err(invalid(
                        &format!("\"{g}\""),
                        format!("{key}: `{g}` is not a valid glob: {}", e.kind()),
                    ));
                }
            }
        }
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        Ok(Loaded {
            config,
            path: Some(path.to_path_buf()),
            root,
        })
    }

    /// Extra rule pack directories, resolved against the configuration's directory.
    pub fn rule_dirs(&self) -> Vec<PathBuf> {
        self.config
            .rules
            .iter()
            .map(|p| self.root.join(p))
            .collect()
    }

    /// Check that every rule the configuration names exists (in `rules` or among the
    /// built-in suppression rules).
    pub fn check_rules(&self, rules: &RuleSet) -> Result<(), ConfigError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let names = self
            .config
            .select
            .iter()
            .map(|s| ("select", s))
            .chain(self.config.ignore.iter().map(|s| ("ignore", s)))
            .chain(self.config.severity.keys().map(|s| ("severity", s)));
        for (key, name) in names {
            let known = if key == "severity" {
                rules.rule(name).is_some() || suppress::meta_rule(name).is_some()
            } else {
                all_rules(rules).any(|(n, c)| matches_selector(name, n, c))
            };
            if !known {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                let at = text
                    .find(&format!("\"{name}\""))
                    .or_else(|| text.find(name.as_str()))
                    .unwrap_or(0);
                let (line, column) = line_col(&text, at);
                return Err(ConfigError::Invalid {
                    path: path.display().to_string(),
                    line,
                    column,
                    message: format!("{key}: `{name}` matches no rule (see `privlint rules list`)"),
                });
            }
        }
        Ok(())
    }

    /// Whether findings of a rule are reported.
    pub fn reports(&self, name: &str, code: &str) -> bool {
        let c = &self.config;
        (c.select.is_empty() || c.select.iter().any(|s| matches_selector(s, name, code)))
            && !c.ignore.iter().any(|s| matches_selector(s, name, code))
    }

    /// The severity of a rule's findings after overrides.
    pub fn severity(&self, name: &str, code: &str, default: Severity) -> Severity {
        self.config
            .severity
            .iter()
            .find(|(k, _)| k.as_str() == name || k.eq_ignore_ascii_case(code))
            .map_or(default, |(_, s)| *s)
    }

    /// Whether a document language is checked.
    pub fn checks_language(&self, code: &str) -> bool {
        self.config.languages.is_empty() || self.config.languages.iter().any(|l| l == code)
    }

    /// The include/exclude globs, compiled against paths relative to the root.
    pub fn filters(&self) -> Filters {
        Filters {
            root: self.root.clone(),
            include: build(&self.config.include),
            exclude: build(&self.config.exclude),
        }
    }

    /// The `with` globs (help pages), compiled like `include`.
    pub fn help_filters(&self) -> Filters {
        Filters {
            root: self.root.clone(),
            include: build(&self.config.with),
            exclude: None,
        }
    }

    /// The effective configuration as TOML, with its origin in a leading comment.
    pub fn to_toml(&self) -> String {
        let origin = match &self.path {
            Some(p) => format!("# effective configuration from {}\n", p.display()),
            None => "# effective configuration: defaults (no privlint.toml used)\n".to_string(),
        };
        let mut effective = self.config.clone();
        effective.fail_on.get_or_insert(FailOn::Error);
        format!(
            "{origin}{}",
            toml::to_string(&effective).unwrap_or_default()
        )
    }
}

/// Rule names and codes, YAML rules and built-in suppression rules.
fn all_rules(rules: &RuleSet) -> impl Iterator<Item = (&str, &str)> {
    rules
        .rules
        .iter()
        .map(|r| (r.name.as_str(), r.code.as_str()))
        .chain(suppress::META_RULES.iter().map(|m| (m.name, m.code)))
}

/// A selector is a rule name, a code, or a code prefix (`PL0` selects PL001–PL099).
pub fn matches_selector(selector: &str, name: &str, code: &str) -> bool {
    selector == name
        || code
            .get(..selector.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(selector))
}

fn build(globs: &[String]) -> Option<GlobSet> {
    if globs.is_empty() {
        return None;
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        // `*` stays within a directory; `**` crosses directories (as in .gitignore).
        if let Ok(g) = GlobBuilder::new(g).literal_separator(true).build() {
            b.add(g);
        }
    }
    b.build().ok()
}

/// Compiled include/exclude globs.
#[derive(Debug, Clone)]
pub struct Filters {
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl Filters {
    fn relative(&self, path: &Path) -> PathBuf {
        let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let (p, r) = (abs(path), abs(&self.root));
        p.strip_prefix(&r).map_or(p.clone(), Path::to_path_buf)
    }

    /// Whether a file found by walking a directory is excluded.
    pub fn excluded(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|g| g.is_match(self.relative(path)))
    }

    /// Whether a file matches the include globs (false when there are none).
    pub fn included(&self, path: &Path) -> bool {
        self.include
            .as_ref()
            .is_some_and(|g| g.is_match(self.relative(path)))
    }

    pub fn has_include(&self) -> bool {
        self.include.is_some()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_names_codes_and_prefixes() {
        assert!(matches_selector(
            "vague-retention-period",
            "vague-retention-period",
            "PL012"
        ));
        assert!(matches_selector("pl012", "x", "PL012"));
        assert!(matches_selector("PL0", "x", "PL012"));
        assert!(!matches_selector("PL1", "x", "PL012"));
        assert!(!matches_selector("PL0123", "x", "PL012"));
    }

    #[test]
    fn unknown_key_is_reported_with_line() {
        let dir = std::env::temp_dir().join(format!("privlint-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(FILE_NAME);
        std::fs::write(&p, "select = [\"PL0\"]\n\nfail_on = \"warning\"\n").unwrap();
        let e = Loaded::read(&p).unwrap_err().to_string();
        assert!(
            e.contains("privlint.toml:3:1: unknown field `fail_on`"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
