//! The audit report as Markdown (`privlint report … -o report.md`): the same chapters as
//! the HTML report, with GitHub-flavoured tables. Statuses are written as icon plus word,
//! never as colour. Every text that comes from a document is escaped so it cannot break
//! the tables or inject markup.

use super::i18n::{status_icon, status_label, status_meaning};
use super::{AuditReport, MapSource};
use crate::finding::{DocumentKind, Status};
use std::fmt::Write as _;

/// Escape text for a Markdown paragraph or table cell.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Only an `&` that could start an entity needs escaping.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn status_text(r: &AuditReport, s: Status) -> String {
    format!("{} {}", status_icon(s), status_label(r.lang, s))
}

/// Render the report.
pub fn render(r: &AuditReport) -> String {
    let t = r.strings();
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", t.title);
    let _ = writeln!(o, "{}\n", t.subtitle);
    let _ = writeln!(o, "> {}\n", t.draft_notice);

    // Document control.
    let _ = writeln!(o, "## {}\n", t.h_control);
    let _ = writeln!(o, "| | |\n|---|---|");
    let controller = if r.controller.is_empty() {
        t.not_identified.to_string()
    } else {
        r.controller.join("; ")
    };
    let docs: Vec<String> = r
        .documents
        .iter()
        .map(|d| format!("{} `{}`", d.short, d.path.replace('`', "'")))
        .collect();
    let rows = [
        (t.organisation, escape(&controller)),
        (t.h_documents, docs.join("<br>")),
        (t.review_date, escape(&r.date)),
        (t.tool, format!("privlint {}", escape(&r.tool_version))),
        (t.rule_pack, escape(&r.rules_version)),
        (t.standard, escape(t.standard_text)),
        (t.report_language, r.lang.code().to_string()),
        (t.report_status, escape(t.report_status_text)),
    ];
    for (k, v) in rows {
        let _ = writeln!(o, "| **{}** | {} |", escape(k), v);
    }
    o.push('\n');

    // 1 Summary.
    let _ = writeln!(o, "## 1. {}\n", t.h_summary);
    let _ = writeln!(o, "{}\n", escape(t.summary_scope));
    if r.statement_kind == DocumentKind::Other || r.rows.is_empty() {
        let _ = writeln!(o, "{}\n", escape(t.not_a_statement));
    }
    let _ = writeln!(o, "{}\n", escape(&r.verdict));
    let _ = writeln!(o, "### {}\n", t.h_status_counts);
    let _ = writeln!(o, "| {} | {} |\n|---|---:|", t.c_status, t.c_count);
    for (s, n) in &r.counts {
        let _ = writeln!(o, "| {} | {} |", status_text(r, *s), n);
    }
    o.push('\n');
    let _ = writeln!(o, "### {}\n", t.h_top_gaps);
    if r.top_gaps.is_empty() {
        let _ = writeln!(o, "{}\n", t.none);
    } else {
        for (n, &i) in r.top_gaps.iter().enumerate() {
            let row = &r.rows[i];
            let _ = writeln!(
                o,
                "{}. **{} — {}** ({}; {}): {}",
                n + 1,
                row.number,
                escape(&row.title),
                status_text(r, row.status),
                escape(&row.citation),
                escape(&row.reason)
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "{}\n", escape(t.summary_disclaimer));

    // 2 Documents.
    let _ = writeln!(o, "## 2. {}\n", t.h_documents);
    let _ = writeln!(
        o,
        "| | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|",
        t.c_document, t.c_role, t.c_format, t.c_language, t.c_last_updated, t.c_size, t.c_sha256
    );
    for d in &r.documents {
        let role = match d.kind {
            DocumentKind::PrivacyStatement => t.role_statement,
            DocumentKind::HelpPage => t.role_help,
            DocumentKind::Other => t.role_other,
        };
        let size = format!("{} {}, {} {}", d.words, t.words, d.sections, t.sections);
        let _ = writeln!(
            o,
            "| {} | {}`{}` | {} | {} | {} | {} | {} | `{}` |",
            d.short,
            d.title
                .as_ref()
                .map_or(String::new(), |x| format!("“{}” ", escape(x))),
            d.path.replace('`', "'"),
            role,
            d.format,
            d.language,
            d.last_updated.as_deref().unwrap_or(t.no_date),
            size,
            d.sha256.as_deref().unwrap_or("–")
        );
    }
    o.push('\n');

    // 3 Framework.
    let _ = writeln!(o, "## 3. {}\n", t.h_framework);
    let _ = writeln!(o, "{}\n", escape(t.standard_text));
    let _ = writeln!(o, "### {}\n", t.h_legend);
    let _ = writeln!(o, "| {} | {} |\n|---|---|", t.c_status, t.c_meaning);
    for s in Status::ALL {
        let _ = writeln!(
            o,
            "| {} (`{}`) | {} |",
            status_text(r, s),
            s.as_str(),
            escape(status_meaning(r.lang, s))
        );
    }
    o.push('\n');
    let _ = writeln!(o, "### {}\n", t.h_rating_scale);
    for line in t.rating_scale {
        let _ = writeln!(o, "- {}", escape(line));
    }
    let _ = writeln!(o, "\n{}\n", escape(t.priority_scale));

    // 4 Findings.
    let _ = writeln!(o, "## 4. {}\n", t.h_findings);
    let _ = writeln!(o, "{}\n", escape(t.findings_intro));
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|",
        t.c_nr,
        t.c_requirement,
        t.c_article,
        t.c_status,
        t.c_evidence,
        t.c_assessment,
        t.c_priority
    );
    for row in &r.rows {
        let evidence = if row.evidence.is_empty() {
            t.no_passage.to_string()
        } else {
            row.evidence
                .iter()
                .map(|q| {
                    let heading = if q.heading.is_empty() {
                        String::new()
                    } else {
                        format!(", § “{}”", escape(&q.heading))
                    };
                    format!("“{}” ({}:{}{})", escape(&q.text), q.doc, q.line, heading)
                })
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let mut assessment = escape(&row.reason);
        if let Some(rec) = &row.recommendation {
            let _ = write!(assessment, "<br>**{}:** {}", t.recommendation, escape(rec));
        }
        let _ = writeln!(
            o,
            "| {} | {} (`{}`) | {} | {} | {} | {} | {} |",
            row.number,
            escape(&row.title),
            row.id,
            escape(&row.citation),
            status_text(r, row.status),
            evidence,
            assessment,
            row.priority.map_or("–", |p| p.label(t))
        );
    }
    o.push('\n');

    // 5 Purpose map.
    let _ = writeln!(o, "## 5. {}\n", t.h_purpose_map);
    match r.purpose_map.source {
        MapSource::Table => {
            let _ = writeln!(o, "{}\n", escape(t.purpose_map_intro_table));
        }
        MapSource::Sentences => {
            let _ = writeln!(o, "{}\n", escape(t.purpose_map_intro_sentences));
        }
        MapSource::Nothing => {
            let _ = writeln!(o, "{}\n", escape(t.purpose_map_empty));
        }
    }
    if !r.purpose_map.rows.is_empty() {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
            t.c_purpose, t.c_basis, t.c_categories, t.c_retention, t.c_recipients, t.c_location
        );
        let cell = |v: &[String], same: bool| -> String {
            let mut parts: Vec<String> = v.iter().map(|x| escape(x)).collect();
            if same {
                parts.insert(0, format!("({})", t.see_purpose));
            }
            if parts.is_empty() {
                format!("**{}**", t.gap)
            } else {
                parts.join("; ")
            }
        };
        for p in &r.purpose_map.rows {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                escape(&p.purpose),
                cell(&p.bases, false),
                cell(&p.categories, p.categories_in_purpose),
                cell(&p.retention, false),
                cell(&p.recipients, p.recipients_in_purpose),
                p.location
            );
        }
        o.push('\n');
        if r.purpose_map.left_out > 0 {
            let _ = writeln!(
                o,
                "{}: {}.\n",
                t.purpose_map_truncated, r.purpose_map.left_out
            );
        }
    }
    let _ = writeln!(o, "{}\n", escape(t.purpose_map_caveat));

    // 6 Layers.
    let _ = writeln!(o, "## 6. {}\n", t.h_layers);
    let _ = writeln!(o, "{}\n", escape(t.layers_intro));
    let _ = writeln!(o, "### 6.1 {}\n", t.h_by_reference);
    if r.by_reference.is_empty() {
        let _ = writeln!(o, "{}\n", t.layers_none);
    } else {
        let _ = writeln!(
            o,
            "| {} | {} | {} |\n|---|---|---|",
            t.c_requirement, t.c_page, t.c_link_trail
        );
        for item in &r.by_reference {
            let row = &r.rows[item.row];
            let trail = if item.trail.is_empty() {
                t.no_link_found.to_string()
            } else {
                item.trail
                    .iter()
                    .map(|l| {
                        format!(
                            "D1:{} “{}” → `{}`",
                            l.line,
                            escape(&l.text),
                            l.href.replace('`', "'")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let page = if item.page.is_empty() {
                "–".to_string()
            } else {
                format!("`{}`", item.page.replace('`', "'"))
            };
            let _ = writeln!(
                o,
                "| {} {} | {} | {} |",
                row.number,
                escape(&row.title),
                page,
                trail
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "### 6.2 {}\n", t.h_conflicts);
    let _ = writeln!(o, "{}\n", escape(t.conflicts_heuristic));
    if r.conflicts.is_empty() {
        let _ = writeln!(o, "{}\n", t.conflicts_none);
    } else {
        for c in &r.conflicts {
            let row = &r.rows[c.row];
            let _ = writeln!(
                o,
                "- **{} {}** (`{}`): {}",
                row.number,
                escape(&row.title),
                c.page.replace('`', "'"),
                escape(&c.detail)
            );
        }
        o.push('\n');
    }

    // 7 Conclusion, 8 Recommendations.
    let _ = writeln!(o, "## 7. {}\n", t.h_conclusion);
    let _ = writeln!(o, "{}\n", escape(&r.conclusion));
    let _ = writeln!(o, "## 8. {}\n", t.h_recommendations);
    if r.recommendations.is_empty() {
        let _ = writeln!(o, "{}\n", t.recommendations_none);
    } else {
        for (n, &i) in r.recommendations.iter().enumerate() {
            let row = &r.rows[i];
            let _ = writeln!(
                o,
                "{}. [{}] **{} — {}**: {}",
                n + 1,
                row.priority.map_or("–", |p| p.label(t)),
                row.number,
                escape(&row.title),
                escape(row.recommendation.as_deref().unwrap_or(""))
            );
        }
        o.push('\n');
    }

    // 9 Suppressed.
    let _ = writeln!(o, "## 9. {}\n", t.h_suppressed);
    if r.suppressed.is_empty() {
        let _ = writeln!(o, "{}\n", t.suppressed_none);
    } else {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            t.c_rule, t.c_requirement, t.c_location, t.c_reason
        );
        for s in &r.suppressed {
            let _ = writeln!(
                o,
                "| {} | {} | `{}`:{} | {} |",
                escape(&s.rule),
                escape(&s.requirement),
                s.path.replace('`', "'"),
                s.line,
                escape(&s.reason)
            );
        }
        o.push('\n');
    }

    // 10 Method, 11 Limitations.
    let _ = writeln!(o, "## 10. {}\n", t.h_method);
    for p in t.method {
        let _ = writeln!(o, "{}\n", escape(p));
    }
    let _ = writeln!(o, "## 11. {}\n", t.h_limitations);
    for (n, p) in t.limitations.iter().enumerate() {
        let _ = writeln!(o, "{}. {}", n + 1, escape(p));
    }
    let _ = writeln!(o, "\n{}\n", escape(t.accuracy));

    // Annex A.
    let _ = writeln!(o, "## {}\n", t.h_outline);
    let _ = writeln!(o, "{}\n", escape(t.outline_intro));
    for d in &r.outline {
        let _ = writeln!(o, "### {} `{}`\n", d.doc, d.path.replace('`', "'"));
        let _ = writeln!(o, "| {} | {} |\n|---|---|", t.c_section, t.c_lines);
        for e in &d.entries {
            let indent = "  ".repeat(usize::from(e.level.saturating_sub(1)));
            let _ = writeln!(
                o,
                "| {}{} | {}–{} |",
                indent.replace(' ', "&nbsp;"),
                escape(&e.heading),
                e.lines.0,
                e.lines.1
            );
        }
        o.push('\n');
    }
    o.trim_end().to_string() + "\n"
}
