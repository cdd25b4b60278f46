//! The audit report as Markdown (`privlint report … -o report.md`): the same chapters and
//! annexes as the HTML report (the outline of `../shared/spec/audit-report-structure.md`
//! §11), with GitHub-flavoured tables. Statuses are written as icon plus word, never as
//! colour. Every text that comes from a document is escaped so it cannot break the tables
//! or inject markup.

use super::i18n::{self, ReportLang, status_icon, status_label, status_meaning};
use super::{AuditReport, MapSource, Quote};
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

fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'"))
}

/// A location: `D1, line 12, § “Heading”`.
fn location(r: &AuditReport, q: &Quote) -> String {
    let heading = if q.heading.is_empty() {
        String::new()
    } else {
        format!(", § “{}”", escape(&q.heading))
    };
    format!("{}, {} {}{}", q.doc, r.strings().line, q.line, heading)
}

/// Render the report.
pub fn render(r: &AuditReport) -> String {
    let t = r.strings();
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", escape(&r.title));
    let _ = writeln!(o, "{}\n", t.subtitle);
    let _ = writeln!(o, "> {}\n", t.draft_notice);

    // Title page: document control.
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
        .map(|d| {
            format!(
                "{} {} — {}, {}; {}: {}; SHA-256 {}",
                d.short,
                code(&d.path),
                d.format,
                d.language,
                t.c_last_updated,
                d.last_updated.as_deref().unwrap_or(t.no_date),
                code(d.sha256.as_deref().unwrap_or("–"))
            )
        })
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
    let _ = writeln!(o, "{}\n", escape(&r.scope));
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
                "{}. **{} — {}** ({}): {}",
                n + 1,
                row.number,
                escape(&row.title),
                status_text(r, row.status),
                escape(&row.reason)
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "### {}\n", t.h_good_practice);
    if r.good_practice.is_empty() {
        let _ = writeln!(o, "{}\n", t.good_practice_none);
    } else {
        let items: Vec<String> = r
            .good_practice
            .iter()
            .map(|&i| format!("{} {}", r.rows[i].number, escape(&r.rows[i].title)))
            .collect();
        let _ = writeln!(o, "{}.\n", items.join("; "));
    }
    let _ = writeln!(o, "{}\n", escape(&r.recommendation_summary));
    let _ = writeln!(o, "{}\n", escape(t.summary_disclaimer));

    // 2 Introduction.
    let _ = writeln!(o, "## 2. {}\n", t.h_introduction);
    let _ = writeln!(o, "### 2.1 {}\n\n{}\n", t.h_reason, escape(t.intro_reason));
    let _ = writeln!(
        o,
        "### 2.2 {}\n\n{}\n",
        t.h_objective,
        escape(t.intro_objective)
    );
    let _ = writeln!(o, "### 2.3 {}\n", t.h_scope);
    for p in t.intro_scope {
        let _ = writeln!(o, "{}\n", escape(p));
    }
    let _ = writeln!(
        o,
        "### 2.4 {}\n\n{}\n",
        t.h_readers,
        escape(t.intro_readers)
    );

    // 3 Documents.
    let _ = writeln!(o, "## 3. {}\n", t.h_documents);
    let _ = writeln!(
        o,
        "| | {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|---|",
        t.c_document, t.c_role, t.c_format, t.c_language, t.c_last_updated, t.c_size, t.c_sha256
    );
    for d in &r.documents {
        let size = format!(
            "{} {}, {} {}",
            d.words,
            t.words,
            d.sections,
            if d.sections == 1 {
                t.section
            } else {
                t.sections
            }
        );
        let _ = writeln!(
            o,
            "| {} | {}{} | {} | {} | {} | {} | {} | {} |",
            d.short,
            d.title
                .as_ref()
                .map_or(String::new(), |x| format!("“{}” ", escape(x))),
            code(&d.path),
            super::role_label(t, d.kind),
            d.format,
            d.language,
            d.last_updated.as_deref().unwrap_or(t.no_date),
            size,
            code(d.sha256.as_deref().unwrap_or("–"))
        );
    }
    o.push('\n');

    // 4 Framework.
    let _ = writeln!(o, "## 4. {}\n", t.h_framework);
    let _ = writeln!(o, "{}\n", escape(t.standard_text));
    let _ = writeln!(o, "### {}\n", t.h_legend);
    legend(&mut o, r);
    let _ = writeln!(o, "### {}\n", t.h_rating_scale);
    for line in t.rating_scale {
        let _ = writeln!(o, "- {}", escape(line));
    }
    let _ = writeln!(o, "\n{}\n", escape(t.priority_scale));

    // 5 Method, 6 Limitations.
    let _ = writeln!(o, "## 5. {}\n", t.h_method);
    for p in t.method {
        let _ = writeln!(o, "{}\n", escape(p));
    }
    let _ = writeln!(o, "## 6. {}\n", t.h_limitations);
    for (n, p) in t.limitations.iter().enumerate() {
        let _ = writeln!(o, "{}. {}", n + 1, escape(p));
    }
    let _ = writeln!(o, "\n{}\n", escape(t.accuracy));

    // 7 Findings.
    let _ = writeln!(o, "## 7. {}\n", t.h_findings);
    let _ = writeln!(o, "### 7.1 {}\n", t.h_overview);
    let _ = writeln!(o, "{}\n", escape(t.findings_intro));
    let _ = writeln!(o, "{}\n", escape(t.legend_short));
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
                .map(|q| format!("“{}” ({})", escape(&q.text), location(r, q)))
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

    // 7.2 Per requirement, grouped.
    let _ = writeln!(o, "### 7.2 {}\n", t.h_per_requirement);
    let _ = writeln!(o, "{}\n", escape(t.per_requirement_intro));
    let mut group_no = 0;
    for (key, _, _) in i18n::GROUPS {
        let members: Vec<&super::RequirementRow> =
            r.rows.iter().filter(|row| row.group_key == *key).collect();
        if members.is_empty() {
            continue;
        }
        group_no += 1;
        let _ = writeln!(
            o,
            "#### 7.2.{group_no} {}\n",
            i18n::group_title(r.lang, key)
        );
        for row in members {
            finding_block(&mut o, r, row);
        }
    }

    // 7.3 Form and presentation.
    let _ = writeln!(o, "### 7.3 {}\n", t.h_form);
    let _ = writeln!(o, "{}\n", escape(t.form_intro));
    for p in &r.form {
        let _ = writeln!(o, "- {}", escape(p));
    }
    if !r.form.is_empty() {
        o.push('\n');
    }
    let _ = writeln!(o, "{}\n", escape(t.form_caveat));

    // 7.4 Purpose map.
    let _ = writeln!(o, "### 7.4 {}\n", t.h_purpose_map);
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
                format!("✗ **{}**", t.gap)
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

    // 7.5 Layers.
    let _ = writeln!(o, "### 7.5 {}\n", t.h_layers);
    let _ = writeln!(o, "{}\n", escape(t.layers_intro));
    let _ = writeln!(o, "#### 7.5.1 {}\n", t.h_by_reference);
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
                            "D1, {} {}: “{}” → {}",
                            t.line,
                            l.line,
                            escape(&l.text),
                            code(&l.href)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let page = if item.page.is_empty() {
                "–".to_string()
            } else {
                code(&item.page)
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
    let _ = writeln!(o, "#### 7.5.2 {}\n", t.h_conflicts);
    let _ = writeln!(o, "{}\n", escape(t.conflicts_heuristic));
    if r.conflicts.is_empty() {
        let _ = writeln!(o, "{}\n", t.conflicts_none);
    } else {
        for c in &r.conflicts {
            let row = &r.rows[c.row];
            let _ = writeln!(
                o,
                "- **{} {}** ({}): {}",
                row.number,
                escape(&row.title),
                code(&c.page),
                escape(&c.detail)
            );
        }
        o.push('\n');
    }

    // 7.6 Suppressed.
    let _ = writeln!(o, "### 7.6 {}\n", t.h_suppressed);
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
                "| {} | {} | {}:{} | {} |",
                escape(&s.rule),
                escape(&s.requirement),
                code(&s.path),
                s.line,
                escape(&s.reason)
            );
        }
        o.push('\n');
    }

    // 8 Conclusion, 9 Recommendations.
    let _ = writeln!(o, "## 8. {}\n", t.h_conclusion);
    let _ = writeln!(o, "{}\n", escape(&r.conclusion));
    let _ = writeln!(o, "## 9. {}\n", t.h_recommendations);
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

    // Annex A: checklist in the WP260 order.
    let _ = writeln!(o, "## {}\n", t.h_checklist_annex);
    let _ = writeln!(o, "{}\n", escape(t.checklist_intro));
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
        t.c_required_info, t.c_art13, t.c_art14, t.c_status, t.c_location, t.c_comment
    );
    for i in super::checklist_order(r) {
        let row = &r.rows[i];
        let (a13, a14) = super::split_articles(r.lang, &row.article);
        let loc = row
            .evidence
            .first()
            .or(row.extracts.first())
            .map_or_else(|| "–".to_string(), |q| format!("{}:{}", q.doc, q.line));
        let _ = writeln!(
            o,
            "| {} ({}) | {} | {} | {} | {} | {} |",
            escape(&row.title),
            row.number,
            escape(&a13),
            escape(&a14),
            status_text(r, row.status),
            loc,
            escape(&row.norm)
        );
    }
    o.push('\n');

    // Annex B: evidence extracts.
    let _ = writeln!(o, "## {}\n", t.h_evidence_annex);
    let _ = writeln!(o, "{}\n", escape(t.evidence_intro));
    if r.rows.iter().all(|row| row.extracts.is_empty()) {
        let _ = writeln!(o, "{}\n", t.evidence_none);
    } else {
        let _ = writeln!(
            o,
            "| {} | {} | {} |\n|---|---|---|",
            t.c_nr, t.c_location, t.c_passage
        );
        for row in &r.rows {
            for (k, q) in row.extracts.iter().enumerate() {
                let _ = writeln!(
                    o,
                    "| {}.{} | {} | “{}” |",
                    row.number,
                    k + 1,
                    location(r, q),
                    escape(&q.text)
                );
            }
        }
        o.push('\n');
    }

    // Annex C: definitions and key.
    let _ = writeln!(o, "## {}\n", t.h_glossary_annex);
    let _ = writeln!(o, "{}\n", escape(t.glossary_intro));
    let _ = writeln!(o, "### {}\n", t.h_terms);
    let _ = writeln!(
        o,
        "| {} | {} | {} |\n|---|---|---|",
        t.c_term_en, t.c_term_nl, t.c_meaning
    );
    for (en, nl, m_en, m_nl) in i18n::GLOSSARY {
        let meaning = if r.lang == ReportLang::En { m_en } else { m_nl };
        let _ = writeln!(o, "| {} | {} | {} |", en, nl, escape(meaning));
    }
    o.push('\n');
    let _ = writeln!(o, "### {}\n", t.h_legend);
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        t.c_key, t.c_label_en, t.c_label_nl, t.c_meaning
    );
    for s in Status::ALL {
        let _ = writeln!(
            o,
            "| {} `{}` | {} | {} | {} |",
            status_icon(s),
            s.as_str(),
            status_label(ReportLang::En, s),
            status_label(ReportLang::Nl, s),
            escape(status_meaning(r.lang, s))
        );
    }
    o.push('\n');
    let _ = writeln!(o, "### {}\n", t.h_rating_scale);
    for line in t.rating_scale {
        let _ = writeln!(o, "- {}", escape(line));
    }
    let _ = writeln!(
        o,
        "\n### {}\n\n{}\n",
        t.h_priority_scale,
        escape(t.priority_scale)
    );

    // Annex D: technical details.
    let _ = writeln!(o, "## {}\n", t.h_method_annex);
    let _ = writeln!(o, "{}\n", escape(t.method_annex_intro));
    let _ = writeln!(o, "| {} | {} |\n|---|---|", t.c_item, t.c_value);
    for (k, v) in super::technical_details(r) {
        let _ = writeln!(o, "| {} | {} |", escape(k), escape(&v));
    }
    o.push('\n');
    let _ = writeln!(o, "### {}\n", t.d_inputs);
    let _ = writeln!(
        o,
        "| | {} | {} | {} |\n|---|---|---:|---|",
        t.c_document, t.c_size, t.c_sha256
    );
    for d in &r.documents {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            d.short,
            code(&d.path),
            d.bytes
                .map_or_else(|| "–".to_string(), |b| format!("{b} {}", t.bytes)),
            code(d.sha256.as_deref().unwrap_or("–"))
        );
    }
    o.push('\n');

    // Annex E: outline.
    let _ = writeln!(o, "## {}\n", t.h_outline);
    let _ = writeln!(o, "{}\n", escape(t.outline_intro));
    for d in &r.outline {
        let _ = writeln!(o, "### {} {}\n", d.doc, code(&d.path));
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

/// The status legend of chapter 4.
fn legend(o: &mut String, r: &AuditReport) {
    let t = r.strings();
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
}

/// One finding block of 7.2: requirement → what is provided → how → assessment → finding.
fn finding_block(o: &mut String, r: &AuditReport, row: &super::RequirementRow) {
    let t = r.strings();
    let _ = writeln!(
        o,
        "##### {} {} — {}\n",
        row.number,
        escape(&row.title),
        escape(&row.citation)
    );
    let _ = writeln!(
        o,
        "**{}:** {} · **{}:** {}\n",
        t.c_status,
        status_text(r, row.status),
        t.c_priority,
        row.priority.map_or("–", |p| p.label(t))
    );
    let _ = writeln!(o, "**{}.** {}\n", t.b_required, escape(&row.norm));
    if !row.applies.is_empty() {
        let _ = writeln!(o, "**{}.** {}\n", t.b_applies, escape(&row.applies));
    }
    let _ = writeln!(o, "**{}.**\n", t.b_provided);
    if row.evidence.is_empty() {
        let _ = writeln!(o, "{}\n", t.no_passage);
    } else {
        for q in &row.evidence {
            let _ = writeln!(o, "> “{}”<br>— {}\n", escape(&q.text), location(r, q));
        }
    }
    let _ = writeln!(o, "**{}.** {}\n", t.b_how, escape(&row.delivery));
    let _ = writeln!(o, "**{}.** {}\n", t.b_assessment, escape(&row.reason));
    let _ = writeln!(o, "**{}.** {}\n", t.b_finding, escape(&row.finding));
    if let Some(rec) = &row.recommendation {
        let _ = writeln!(o, "**{}.** {}\n", t.recommendation, escape(rec));
    }
    if !row.rules.is_empty() {
        let rules: Vec<String> = row.rules.iter().map(|x| code(x)).collect();
        let _ = writeln!(o, "*{}:* {}\n", t.b_checks, rules.join(", "));
    }
}
