//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//!
//! One run; `tool.driver.rules` lists every reported rule (YAML rules and the built-in
//! suppression rules) with name, short and full description, help and a `helpUri` pointing
//! at the GDPR article on EUR-Lex. Every result has a location: the evidence, or the
//! statement's first heading for a missing item. URIs are repository-relative under
//! `%SRCROOT%`; columns count Unicode code points. `partialFingerprints` come from
//! [`crate::baseline::fingerprint`], so they survive moved and re-wrapped text. Findings
//! silenced in the statement are included with an `inSource` suppression and its reason.

use super::{Context, locate};
use crate::analysis::{Analysis, DocumentAnalysis};
use crate::baseline::fingerprint;
use crate::finding::{Finding, Severity};
use crate::suppress::{META_RULES, Suppressed};
use regex::Regex;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::LazyLock;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const EUR_LEX: &str = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";
const E_PRIVACY: &str = "https://eur-lex.europa.eu/eli/dir/2002/58/oj";

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bart(?:icle|ikel|\.)?\s*(\d{1,2})").expect("article pattern")
});

/// Where a rule's reference points: the GDPR article it names first on EUR-Lex, or the
/// ePrivacy Directive when that is what the reference cites first.
pub fn help_uri(reference: &str) -> String {
    for part in reference.split(';') {
        if part.contains("ePrivacy") {
            return E_PRIVACY.to_string();
        }
        if let Some(c) = ARTICLE.captures(part) {
            return format!("{EUR_LEX}#art_{}", &c[1]);
        }
    }
    EUR_LEX.to_string()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

struct Descriptor {
    code: String,
    name: String,
    short: String,
    full: String,
    help: String,
    uri: String,
    level: &'static str,
    requirement: String,
}

fn descriptors(ctx: &Context) -> Vec<Descriptor> {
    let mut out: Vec<Descriptor> = ctx
        .rules
        .sorted()
        .into_iter()
        .filter(|r| !ctx.unreported.contains(&r.name))
        .map(|r| Descriptor {
            code: r.code.clone(),
            name: r.name.clone(),
            short: r.summary.clone(),
            full: r.why.clone(),
            help: format!("{}\n\nReference: {}", r.fix, r.reference),
            uri: help_uri(&r.reference),
            level: level(r.severity),
            requirement: r.requirement.clone(),
        })
        .collect();
    out.extend(
        META_RULES
            .iter()
            .filter(|m| !ctx.unreported.contains(m.name))
            .map(|m| Descriptor {
                code: m.code.to_string(),
                name: m.name.to_string(),
                short: m.summary.to_string(),
                full: m.why.to_string(),
                help: m.fix.to_string(),
                uri: format!("{EUR_LEX}#art_5"),
                level: "warning",
                requirement: String::new(),
            }),
    );
    out
}

fn result(
    analysis: &Analysis,
    ctx: &Context,
    d: &DocumentAnalysis,
    f: &Finding,
    index: &BTreeMap<String, usize>,
    seen: &mut BTreeMap<String, usize>,
    suppression: Option<&Suppressed>,
) -> Value {
    let region = locate(analysis, d, &f.path, f.span);
    let uri = ctx.repo_path(&f.path);
    let base = fingerprint(f, &uri);
    // Identical findings in one file get an occurrence number, as GitHub expects.
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    let fp = format!("{base}:{n}");
    let mut message = f.message.clone();
    if !f.requirement.is_empty() {
        message.push_str(&format!(" (requirement: {})", f.requirement));
    }
    let mut r = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                "region": {
                    "startLine": region.line,
                    "startColumn": region.column,
                    "endLine": region.end_line,
                    "endColumn": region.end_column,
                },
            },
        }],
        "partialFingerprints": {"privlint/v1": fp},
        "properties": {"rule": f.rule, "requirement": f.requirement},
    });
    if let Some(i) = index.get(&f.code) {
        r["ruleIndex"] = json!(i);
    }
    if let Some(s) = suppression {
        r["suppressions"] = json!([{"kind": "inSource", "justification": s.reason}]);
    }
    r
}

pub fn render(analysis: &Analysis, ctx: &Context) -> String {
    let descriptors = descriptors(ctx);
    let index: BTreeMap<String, usize> = descriptors
        .iter()
        .enumerate()
        .map(|(i, d)| (d.code.clone(), i))
        .collect();
    let rules: Vec<Value> = descriptors
        .iter()
        .map(|d| {
            json!({
                "id": d.code,
                "name": d.name,
                "shortDescription": {"text": d.short},
                "fullDescription": {"text": d.full},
                "help": {"text": d.help},
                "helpUri": d.uri,
                "defaultConfiguration": {"level": d.level},
                "properties": {"requirement": d.requirement},
            })
        })
        .collect();
    let mut seen = BTreeMap::new();
    let mut results = Vec::new();
    for d in &analysis.documents {
        for f in &d.findings {
            results.push(result(analysis, ctx, d, f, &index, &mut seen, None));
        }
        for s in &d.suppressed {
            results.push(result(
                analysis,
                ctx,
                d,
                &s.finding,
                &index,
                &mut seen,
                Some(s),
            ));
        }
    }
    let artifacts: Vec<Value> = analysis
        .documents
        .iter()
        .map(|d| {
            json!({
                "location": {"uri": ctx.repo_path(d.path()), "uriBaseId": "%SRCROOT%"},
                "sourceLanguage": d.document.source.format.as_str(),
                "encoding": d.document.source.encoding,
            })
        })
        .collect();
    let v = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "privlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::help_uri;

    #[test]
    fn help_uri_points_at_the_first_article() {
        assert!(help_uri("GDPR Art. 13(2)(a); WP260").ends_with("#art_13"));
        assert!(help_uri("AVG artikel 14 lid 1").ends_with("#art_14"));
        assert!(!help_uri("WP260 para 12").contains('#'));
        assert!(help_uri("ePrivacy Directive Art. 5(3); GDPR Art. 13").contains("dir/2002/58"));
    }
}
