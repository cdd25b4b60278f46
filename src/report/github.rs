//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`. Info findings
//! become `::notice`. Values are escaped as the runner requires (`%`, CR and LF
//! everywhere; `:` and `,` in properties too). The job summary is the Markdown format,
//! written by the command line to `$GITHUB_STEP_SUMMARY`.

use super::{Context, findings, locate};
use crate::analysis::Analysis;
use crate::finding::Severity;
use std::fmt::Write as _;

/// Escape a message (the part after `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (`file=`, `title=`…).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(analysis: &Analysis, ctx: &Context) -> String {
    let mut out = String::new();
    for (d, f) in findings(analysis) {
        let r = locate(analysis, d, &f.path, f.span);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = format!("{} {}", f.code, f.rule);
        let mut message = f.message.clone();
        if !f.requirement.is_empty() {
            let reference = ctx.reference(&f.rule);
            message.push_str(&format!("\nRequirement: {}", f.requirement));
            if !reference.is_empty() {
                message.push_str(&format!(" ({reference})"));
            }
        }
        let fix = ctx.fix(&f.rule);
        if !fix.is_empty() {
            message.push_str(&format!("\nFix: {fix}"));
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},endLine={},col={},endColumn={},title={}::{}",
            escape_property(&ctx.repo_path(&f.path)),
            r.line,
            r.end_line,
            r.column,
            r.end_column,
            escape_property(&title),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50% of\r\nit"), "50%25 of%0D%0Ait");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
