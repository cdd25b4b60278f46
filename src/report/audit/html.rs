//! The audit report as one self-contained HTML file (`privlint report … -o report.html`):
//! inline CSS, an inline SVG bar chart, no scripts and nothing fetched (a
//! Content-Security-Policy meta tag blocks any request). Readable on screen, printable to
//! A4 (page breaks before major chapters, table headers repeated on every page, a running
//! footer with the report title and "page X / Y" in the page margin) and accessible:
//! headings in order, `<caption>` and `<th scope>` in every table, `lang` on the document
//! and on quotes, statuses as icon plus word plus colour, all text escaped. Chapters and
//! annexes follow the outline of `../shared/spec/audit-report-structure.md` §11.

use super::i18n::{self, ReportLang, status_icon, status_label, status_meaning};
use super::{AuditReport, MapSource, RequirementRow};
use crate::finding::{DocumentKind, Status};
use std::fmt::Write as _;

/// Escape text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no business in a report.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1b1f24; --muted: #4a5360; --rule: #c9d0d8; --band: #f3f5f7; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 1120px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 1.9em; line-height: 1.2; margin: .2em 0 .3em; color: var(--accent); }
h2 { font-size: 1.35em; margin: 1.8em 0 .6em; padding-bottom: .2em; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.08em; margin: 1.3em 0 .4em; }
p { margin: .45em 0 .75em; }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .88em; overflow-wrap: anywhere; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8em; color: var(--muted); margin: 0; }
.subtitle { font-size: 1.1em; color: var(--muted); margin-top: 0; }
.notice { border-left: 4px solid #b58100; background: #fff8e1; padding: .5em .8em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: .92em; }
caption { text-align: left; font-weight: 600; padding: .3em 0; color: var(--muted); }
th, td { border: 1px solid var(--rule); padding: .4em .5em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: var(--band); overflow-wrap: normal; hyphens: auto; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
table.control th { width: 28%; background: var(--band); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; white-space: nowrap; border: 1.5px solid; border-radius: 4px; padding: .05em .45em; font-weight: 600; font-size: .92em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge .key { font-weight: 400; font-size: .85em; opacity: .9; }
.st-met { background: #e3f4e7; color: #0f5223; border-color: #2e7d32; }
.st-vague { background: #fff3d1; color: #5c4300; border-color: #a37400; border-style: dashed; }
.st-by-reference { background: #e1edfa; color: #0b3f73; border-color: #2f6fb0; border-style: dotted; }
.st-missing { background: #fde3e2; color: #7f1010; border-color: #c62828; border-width: 2px; }
.st-not-applicable { background: #eef0f2; color: #37424d; border-color: #7b8794; }
.st-undetermined { background: #f0e8f7; color: #45256a; border-color: #7e57a8; border-style: double; border-width: 3px; }
tr.row-missing > td:first-child { box-shadow: inset 4px 0 0 #c62828; }
tr.row-vague > td:first-child { box-shadow: inset 4px 0 0 #a37400; }
tr.row-by-reference > td:first-child { box-shadow: inset 4px 0 0 #2f6fb0; }
table.findings th[scope=row] { font-weight: 600; }
table.findings th[scope=row] code { display: block; font-weight: 400; color: var(--muted); }
blockquote { margin: .2em 0 .5em; padding: .1em .6em; border-left: 3px solid var(--rule); }
blockquote p { margin: 0; }
blockquote footer, .loc { color: var(--muted); font-size: .88em; }
.none { color: var(--muted); font-style: italic; }
.rec { margin-top: .4em; }
.gap { color: #7f1010; font-weight: 600; }
.chart { max-width: 640px; }
.chart text { font: 13px system-ui, sans-serif; fill: #1b1f24; }
.verdict { font-size: 1.05em; border: 1px solid var(--rule); background: var(--band); padding: .7em 1em; }
.rating { font-weight: 700; }
ol.gaps li { margin-bottom: .5em; }
ul.toc { columns: 2; list-style: none; padding-left: 0; }
ul.toc li { margin: .15em 0; }
table.findings { table-layout: fixed; }
col.w-nr { width: 5.5%; } col.w-req { width: 15%; } col.w-art { width: 10.5%; } col.w-status { width: 12%; } col.w-ev { width: 31%; } col.w-as { width: 19%; } col.w-prio { width: 7%; }
table.findings .badge { white-space: normal; overflow-wrap: normal; word-break: normal; hyphens: auto; }
td.cite { overflow-wrap: normal; }
table.counts { width: auto; min-width: 22em; }
.outline td.lvl2 { padding-left: 1.6em; } .outline td.lvl3 { padding-left: 2.8em; } .outline td.lvl4, .outline td.lvl5, .outline td.lvl6 { padding-left: 4em; }
footer.end { margin-top: 3em; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85em; padding-top: .6em; }
h4 { font-size: 1.02em; margin: 1.2em 0 .4em; color: var(--accent); }
article.finding { border: 1px solid var(--rule); border-left-width: 5px; border-radius: 4px; padding: .2em .9em .5em; margin: .8em 0 1em; }
article.finding.row-missing { border-left-color: #c62828; } article.finding.row-vague { border-left-color: #a37400; } article.finding.row-by-reference { border-left-color: #2f6fb0; } article.finding.row-met { border-left-color: #2e7d32; }
article.finding h5 { font-size: 1em; margin: .5em 0 .3em; }
article.finding dl { display: grid; grid-template-columns: minmax(9em, 22%) 1fr; gap: .25em .9em; margin: .3em 0; }
article.finding dt { font-weight: 600; color: var(--muted); }
article.finding dd { margin: 0; }
p.finding-sentence { font-style: normal; font-weight: 600; }
.legend-short { color: var(--muted); font-size: .9em; }
table.checklist td:nth-child(2), table.checklist td:nth-child(3) { white-space: normal; }
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  .major { break-before: page; }
  h2, h3, caption { break-after: avoid; }
  tr, blockquote, .badge, figure { break-inside: avoid; }
  h4, h5 { break-after: avoid; }
  article.finding { break-inside: avoid; }
  article.finding dl { display: block; }
  article.finding dt { margin-top: .3em; }
  table.findings tr { break-inside: auto; }
  ul.toc { columns: 1; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn badge(r: &AuditReport, s: Status) -> String {
    format!(
        "<span class=\"badge st-{key}\"><span aria-hidden=\"true\">{icon}</span> {label} <span class=\"key\">({key})</span></span>",
        key = s.as_str(),
        icon = status_icon(s),
        label = escape(status_label(r.lang, s))
    )
}

/// The inline SVG bar chart of statuses (decorative numbers repeated in a table).
fn chart(r: &AuditReport) -> String {
    let t = r.strings();
    let max = r.counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let row_h = 28;
    let height = row_h * r.counts.len() + 8;
    let mut o = String::new();
    let _ = write!(
        o,
        "<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 640 {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">{}</title>",
        escape(t.chart_title)
    );
    for (i, (s, n)) in r.counts.iter().enumerate() {
        let y = i * row_h + 4;
        let w = if *n == 0 { 2 } else { n * 330 / max };
        let fill = match s {
            Status::Met => "#2e7d32",
            Status::Vague => "#c99700",
            Status::ByReference => "#2f6fb0",
            Status::Missing => "#c62828",
            Status::NotApplicable => "#8a96a3",
            Status::Undetermined => "#7e57a8",
        };
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{ty}\">{icon} {label}</text><rect x=\"250\" y=\"{y}\" width=\"{w}\" height=\"{bh}\" fill=\"{fill}\"/><text x=\"{tx}\" y=\"{ty}\">{n}</text>",
            ty = y + 15,
            icon = status_icon(*s),
            label = escape(status_label(r.lang, *s)),
            bh = row_h - 8,
            tx = 250 + w + 8,
        );
    }
    o.push_str("</svg><figcaption class=\"loc\">");
    o.push_str(&escape(t.chart_title));
    o.push_str("</figcaption></figure>");
    o
}

fn quote_html(r: &AuditReport, q: &super::Quote) -> String {
    let lang_attr = if q.lang == "en" || q.lang == "nl" {
        format!(" lang=\"{}\"", q.lang)
    } else {
        String::new()
    };
    let heading = if q.heading.is_empty() {
        String::new()
    } else {
        format!(", § “{}”", escape(&q.heading))
    };
    format!(
        "<blockquote><p{lang_attr}>“{}”</p><footer>{} {} {}{}</footer></blockquote>",
        escape(&q.text),
        escape(&q.doc),
        escape(r.strings().line),
        q.line,
        heading
    )
}

/// Escape text for a CSS string (the running footer): quotes, backslashes and `<` (so the
/// text can never close the style element).
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\3C "),
            '>' => out.push_str("\\3E "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The printed page footer: report title and date on the left, "Page X / Y" on the right
/// (CSS page-margin boxes, supported by Chromium's print engine).
fn print_footer(r: &AuditReport) -> String {
    let t = r.strings();
    let left = format!("{} · {}", super::truncate(&r.title, 90), r.date);
    format!(
        "@page {{ @bottom-left {{ content: {}; font: 8pt system-ui, sans-serif; color: #4a5360; }} @bottom-right {{ content: {} counter(page) \" / \" counter(pages); font: 8pt system-ui, sans-serif; color: #4a5360; }} }}\n",
        css_string(&left),
        css_string(&format!("{} ", t.page))
    )
}

/// Opening tags of a table with caption and column headers.
fn table_open(o: &mut String, class: &str, caption: &str, cols: &[&str]) {
    let _ = write!(
        o,
        "<table class=\"{class}\"><caption>{}</caption><thead><tr>",
        escape(caption)
    );
    for c in cols {
        let _ = write!(o, "<th scope=\"col\">{}</th>", escape(c));
    }
    o.push_str("</tr></thead><tbody>\n");
}

fn location(r: &AuditReport, q: &super::Quote) -> String {
    let heading = if q.heading.is_empty() {
        String::new()
    } else {
        format!(", § “{}”", escape(&q.heading))
    };
    format!(
        "{} {} {}{}",
        escape(&q.doc),
        escape(r.strings().line),
        q.line,
        heading
    )
}

/// Render the report.
pub fn render(r: &AuditReport) -> String {
    let t = r.strings();
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"privlint {}\">\n<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<div class=\"page\">\n",
        r.lang.code(),
        escape(&r.tool_version),
        escape(&r.title),
        CSS,
        print_footer(r)
    );

    // Title page and document control.
    let controller = if r.controller.is_empty() {
        format!("<span class=\"none\">{}</span>", escape(t.not_identified))
    } else {
        escape(&r.controller.join("; "))
    };
    let _ = write!(
        o,
        "<header>\n<p class=\"kicker\">privlint {}</p>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<p class=\"notice\" role=\"note\">{}</p>\n</header>\n<main>\n",
        escape(&r.tool_version),
        escape(&r.title),
        escape(t.subtitle),
        escape(t.draft_notice)
    );
    let _ = write!(
        o,
        "<section id=\"control\" aria-labelledby=\"h-control\">\n<h2 id=\"h-control\">{}</h2>\n<table class=\"control\" aria-labelledby=\"h-control\"><tbody>\n",
        escape(t.h_control)
    );
    let docs: Vec<String> = r
        .documents
        .iter()
        .map(|d| {
            format!(
                "{} <code>{}</code> — {}, {}; {}: {}; SHA-256 <code>{}</code>",
                escape(&d.short),
                escape(&d.path),
                escape(d.format),
                escape(d.language),
                escape(t.c_last_updated),
                escape(d.last_updated.as_deref().unwrap_or(t.no_date)),
                escape(d.sha256.as_deref().unwrap_or("–"))
            )
        })
        .collect();
    let control = [
        (t.organisation, controller),
        (t.h_documents, docs.join("<br>")),
        (t.review_date, escape(&r.date)),
        (t.tool, format!("privlint {}", escape(&r.tool_version))),
        (t.rule_pack, escape(&r.rules_version)),
        (t.standard, escape(t.standard_text)),
        (t.report_language, escape(r.lang.code())),
        (t.report_status, escape(t.report_status_text)),
    ];
    for (k, v) in control {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(k),
            v
        );
    }
    o.push_str("</tbody></table>\n</section>\n");

    // Contents.
    let chapters: [(&str, String); 15] = [
        ("summary", format!("1. {}", t.h_summary)),
        ("introduction", format!("2. {}", t.h_introduction)),
        ("documents", format!("3. {}", t.h_documents)),
        ("framework", format!("4. {}", t.h_framework)),
        ("method", format!("5. {}", t.h_method)),
        ("limitations", format!("6. {}", t.h_limitations)),
        ("findings", format!("7. {}", t.h_findings)),
        ("conclusion", format!("8. {}", t.h_conclusion)),
        ("recommendations", format!("9. {}", t.h_recommendations)),
        ("annex-a", t.h_checklist_annex.to_string()),
        ("annex-b", t.h_evidence_annex.to_string()),
        ("annex-c", t.h_glossary_annex.to_string()),
        ("annex-d", t.h_method_annex.to_string()),
        ("outline", t.h_outline.to_string()),
        ("", String::new()),
    ];
    let findings_sub = [
        ("overview", format!("7.1 {}", t.h_overview)),
        ("per-requirement", format!("7.2 {}", t.h_per_requirement)),
        ("form", format!("7.3 {}", t.h_form)),
        ("purpose-map", format!("7.4 {}", t.h_purpose_map)),
        ("layers", format!("7.5 {}", t.h_layers)),
        ("suppressed", format!("7.6 {}", t.h_suppressed)),
    ];
    let _ = write!(
        o,
        "<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">{}</h2>\n<ul class=\"toc\">\n",
        escape(t.h_contents)
    );
    for (id, title) in chapters.iter().filter(|(id, _)| !id.is_empty()) {
        let _ = write!(o, "<li><a href=\"#{id}\">{}</a>", escape(title));
        if *id == "findings" {
            o.push_str("<ul>");
            for (sid, stitle) in &findings_sub {
                let _ = write!(o, "<li><a href=\"#{sid}\">{}</a></li>", escape(stitle));
            }
            o.push_str("</ul>");
        }
        o.push_str("</li>\n");
    }
    o.push_str("</ul>\n</nav>\n");
    let heading = |o: &mut String, n: usize, major: bool| {
        let (id, title) = &chapters[n];
        let _ = write!(
            o,
            "<section id=\"{id}\" class=\"chapter{}\" aria-labelledby=\"h-{id}\">\n<h2 id=\"h-{id}\">{}</h2>\n",
            if major { " major" } else { "" },
            escape(title)
        );
    };
    let sub = |o: &mut String, n: usize| {
        let (id, title) = &findings_sub[n];
        let _ = write!(
            o,
            "<section id=\"{id}\" aria-labelledby=\"h-{id}\">\n<h3 id=\"h-{id}\">{}</h3>\n",
            escape(title)
        );
    };

    // 1 Summary.
    heading(&mut o, 0, true);
    let _ = writeln!(o, "<p>{}</p>", escape(&r.scope));
    if r.statement_kind == DocumentKind::Other || r.rows.is_empty() {
        let _ = writeln!(o, "<p class=\"notice\">{}</p>", escape(t.not_a_statement));
    }
    let _ = writeln!(o, "<p class=\"verdict\">{}</p>", escape(&r.verdict));
    let _ = writeln!(o, "<h3>{}</h3>", escape(t.h_status_counts));
    o.push_str(&chart(r));
    table_open(&mut o, "counts", t.chart_title, &[t.c_status, t.c_count]);
    for (s, n) in &r.counts {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{n}</td></tr>",
            badge(r, *s)
        );
    }
    o.push_str("</tbody></table>\n");
    let _ = writeln!(o, "<h3>{}</h3>", escape(t.h_top_gaps));
    if r.top_gaps.is_empty() {
        let _ = writeln!(o, "<p class=\"none\">{}</p>", escape(t.none));
    } else {
        o.push_str("<ol class=\"gaps\">\n");
        for &i in &r.top_gaps {
            let row = &r.rows[i];
            let _ = writeln!(
                o,
                "<li><a href=\"#{num}\"><strong>{num} — {}</strong></a> {}<br>{}</li>",
                escape(&row.title),
                badge(r, row.status),
                escape(&row.reason),
                num = escape(&row.number)
            );
        }
        o.push_str("</ol>\n");
    }
    let _ = writeln!(o, "<h3>{}</h3>", escape(t.h_good_practice));
    if r.good_practice.is_empty() {
        let _ = writeln!(o, "<p class=\"none\">{}</p>", escape(t.good_practice_none));
    } else {
        let items: Vec<String> = r
            .good_practice
            .iter()
            .map(|&i| {
                format!(
                    "<a href=\"#{num}\">{num}</a> {}",
                    escape(&r.rows[i].title),
                    num = escape(&r.rows[i].number)
                )
            })
            .collect();
        let _ = writeln!(o, "<p>{}.</p>", items.join("; "));
    }
    let _ = writeln!(o, "<p>{}</p>", escape(&r.recommendation_summary));
    let _ = writeln!(o, "<p>{}</p>\n</section>", escape(t.summary_disclaimer));

    // 2 Introduction.
    heading(&mut o, 1, true);
    let _ = writeln!(
        o,
        "<h3>2.1 {}</h3>\n<p>{}</p>\n<h3>2.2 {}</h3>\n<p>{}</p>\n<h3>2.3 {}</h3>",
        escape(t.h_reason),
        escape(t.intro_reason),
        escape(t.h_objective),
        escape(t.intro_objective),
        escape(t.h_scope)
    );
    for p in t.intro_scope {
        let _ = writeln!(o, "<p>{}</p>", escape(p));
    }
    let _ = writeln!(
        o,
        "<h3>2.4 {}</h3>\n<p>{}</p>\n</section>",
        escape(t.h_readers),
        escape(t.intro_readers)
    );

    // 3 Documents.
    heading(&mut o, 2, false);
    table_open(
        &mut o,
        "documents",
        t.h_documents,
        &[
            t.c_document,
            t.c_role,
            t.c_format,
            t.c_language,
            t.c_last_updated,
            t.c_size,
            t.c_sha256,
        ],
    );
    for d in &r.documents {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{} {}<code>{}</code></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} {}, {} {}</td><td><code>{}</code></td></tr>",
            escape(&d.short),
            d.title
                .as_ref()
                .map_or(String::new(), |x| format!("“{}”<br>", escape(x))),
            escape(&d.path),
            escape(super::role_label(t, d.kind)),
            escape(d.format),
            escape(d.language),
            escape(d.last_updated.as_deref().unwrap_or(t.no_date)),
            d.words,
            escape(t.words),
            d.sections,
            escape(if d.sections == 1 {
                t.section
            } else {
                t.sections
            }),
            escape(d.sha256.as_deref().unwrap_or("–"))
        );
    }
    o.push_str("</tbody></table>\n</section>\n");

    // 4 Framework.
    heading(&mut o, 3, false);
    let _ = writeln!(o, "<p>{}</p>", escape(t.standard_text));
    let _ = writeln!(o, "<h3>{}</h3>", escape(t.h_legend));
    table_open(&mut o, "legend", t.h_legend, &[t.c_status, t.c_meaning]);
    for s in Status::ALL {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            badge(r, s),
            escape(status_meaning(r.lang, s))
        );
    }
    o.push_str("</tbody></table>\n");
    let _ = writeln!(o, "<h3>{}</h3>\n<ul>", escape(t.h_rating_scale));
    for line in t.rating_scale {
        let _ = writeln!(o, "<li>{}</li>", escape(line));
    }
    let _ = writeln!(o, "</ul>\n<p>{}</p>\n</section>", escape(t.priority_scale));

    // 5 Method, 6 Limitations.
    heading(&mut o, 4, false);
    for p in t.method {
        let _ = writeln!(o, "<p>{}</p>", escape(p));
    }
    o.push_str("</section>\n");
    heading(&mut o, 5, false);
    o.push_str("<ol>\n");
    for p in t.limitations {
        let _ = writeln!(o, "<li>{}</li>", escape(p));
    }
    let _ = writeln!(o, "</ol>\n<p>{}</p>\n</section>", escape(t.accuracy));

    // 7 Findings.
    heading(&mut o, 6, true);
    sub(&mut o, 0);
    let _ = writeln!(o, "<p>{}</p>", escape(t.findings_intro));
    let _ = writeln!(
        o,
        "<p class=\"legend-short\">{}</p>",
        escape(t.legend_short)
    );
    let _ = writeln!(
        o,
        "<table class=\"findings\" id=\"requirement-table\"><caption>{}</caption><colgroup><col class=\"w-nr\"><col class=\"w-req\"><col class=\"w-art\"><col class=\"w-status\"><col class=\"w-ev\"><col class=\"w-as\"><col class=\"w-prio\"></colgroup><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(t.h_overview),
        escape(t.c_nr),
        escape(t.c_requirement),
        escape(t.c_article),
        escape(t.c_status),
        escape(t.c_evidence),
        escape(t.c_assessment),
        escape(t.c_priority)
    );
    for row in &r.rows {
        let evidence = if row.evidence.is_empty() {
            format!("<span class=\"none\">{}</span>", escape(t.no_passage))
        } else {
            row.evidence.iter().map(|q| quote_html(r, q)).collect()
        };
        let rec = row.recommendation.as_ref().map_or(String::new(), |x| {
            format!(
                "<p class=\"rec\"><strong>{}:</strong> {}</p>",
                escape(t.recommendation),
                escape(x)
            )
        });
        let _ = writeln!(
            o,
            "<tr id=\"{num}\" class=\"row-{key}\" data-requirement=\"{id}\" data-status=\"{key}\"><td><a href=\"#f-{num}\">{num}</a></td><th scope=\"row\">{title}<code>{id}</code></th><td class=\"cite\">{cite}</td><td>{badge}</td><td>{evidence}</td><td><p>{reason}</p>{rec}</td><td>{prio}</td></tr>",
            num = escape(&row.number),
            key = row.status.as_str(),
            id = escape(&row.id),
            title = escape(&row.title),
            cite = escape(&row.citation),
            badge = badge(r, row.status),
            reason = escape(&row.reason),
            prio = escape(row.priority.map_or("–", |p| p.label(t))),
        );
    }
    o.push_str("</tbody></table>\n</section>\n");

    // 7.2 Per requirement, grouped.
    sub(&mut o, 1);
    let _ = writeln!(o, "<p>{}</p>", escape(t.per_requirement_intro));
    let mut group_no = 0;
    for (key, _, _) in i18n::GROUPS {
        let members: Vec<&RequirementRow> =
            r.rows.iter().filter(|row| row.group_key == *key).collect();
        if members.is_empty() {
            continue;
        }
        group_no += 1;
        let _ = writeln!(
            o,
            "<h4 id=\"group-{key}\">7.2.{group_no} {}</h4>",
            escape(i18n::group_title(r.lang, key))
        );
        for row in members {
            finding_block(&mut o, r, row);
        }
    }
    o.push_str("</section>\n");

    // 7.3 Form and presentation.
    sub(&mut o, 2);
    let _ = writeln!(o, "<p>{}</p>", escape(t.form_intro));
    if !r.form.is_empty() {
        o.push_str("<ul>\n");
        for p in &r.form {
            let _ = writeln!(o, "<li>{}</li>", escape(p));
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(
        o,
        "<p class=\"notice\">{}</p>\n</section>",
        escape(t.form_caveat)
    );

    // 7.4 Purpose map.
    sub(&mut o, 3);
    let intro = match r.purpose_map.source {
        MapSource::Table => t.purpose_map_intro_table,
        MapSource::Sentences => t.purpose_map_intro_sentences,
        MapSource::Nothing => t.purpose_map_empty,
    };
    let _ = writeln!(o, "<p>{}</p>", escape(intro));
    if !r.purpose_map.rows.is_empty() {
        table_open(
            &mut o,
            "purposes",
            t.h_purpose_map,
            &[
                t.c_purpose,
                t.c_basis,
                t.c_categories,
                t.c_retention,
                t.c_recipients,
                t.c_location,
            ],
        );
        let cell = |v: &[String], same: bool| -> String {
            let mut parts: Vec<String> = v.iter().map(|x| escape(x)).collect();
            if same {
                parts.insert(0, format!("<em>({})</em>", escape(t.see_purpose)));
            }
            if parts.is_empty() {
                format!(
                    "<span class=\"gap\"><span aria-hidden=\"true\">✗ </span>{}</span>",
                    escape(t.gap)
                )
            } else {
                parts.join("<br>")
            }
        };
        for p in &r.purpose_map.rows {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&p.purpose),
                cell(&p.bases, false),
                cell(&p.categories, p.categories_in_purpose),
                cell(&p.retention, false),
                cell(&p.recipients, p.recipients_in_purpose),
                escape(&p.location)
            );
        }
        o.push_str("</tbody></table>\n");
        if r.purpose_map.left_out > 0 {
            let _ = writeln!(
                o,
                "<p>{}: {}.</p>",
                escape(t.purpose_map_truncated),
                r.purpose_map.left_out
            );
        }
    }
    let _ = writeln!(
        o,
        "<p class=\"notice\">{}</p>\n</section>",
        escape(t.purpose_map_caveat)
    );

    // 7.5 Layers.
    sub(&mut o, 4);
    let _ = writeln!(o, "<p>{}</p>", escape(t.layers_intro));
    let _ = writeln!(o, "<h4>7.5.1 {}</h4>", escape(t.h_by_reference));
    if r.by_reference.is_empty() {
        let _ = writeln!(o, "<p class=\"none\">{}</p>", escape(t.layers_none));
    } else {
        table_open(
            &mut o,
            "layers",
            t.h_by_reference,
            &[t.c_requirement, t.c_page, t.c_link_trail],
        );
        for item in &r.by_reference {
            let row = &r.rows[item.row];
            let trail = if item.trail.is_empty() {
                format!("<span class=\"none\">{}</span>", escape(t.no_link_found))
            } else {
                item.trail
                    .iter()
                    .map(|l| {
                        format!(
                            "D1 {} {}: “{}” → <code>{}</code>",
                            escape(t.line),
                            l.line,
                            escape(&l.text),
                            escape(&l.href)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{} {}</th><td><code>{}</code></td><td>{}</td></tr>",
                escape(&row.number),
                escape(&row.title),
                escape(if item.page.is_empty() {
                    "–"
                } else {
                    &item.page
                }),
                trail
            );
        }
        o.push_str("</tbody></table>\n");
    }
    let _ = writeln!(o, "<h4>7.5.2 {}</h4>", escape(t.h_conflicts));
    let _ = writeln!(o, "<p>{}</p>", escape(t.conflicts_heuristic));
    if r.conflicts.is_empty() {
        let _ = writeln!(o, "<p class=\"none\">{}</p>", escape(t.conflicts_none));
    } else {
        o.push_str("<ul>\n");
        for c in &r.conflicts {
            let row = &r.rows[c.row];
            let _ = writeln!(
                o,
                "<li><strong>{} {}</strong> (<code>{}</code>): {}</li>",
                escape(&row.number),
                escape(&row.title),
                escape(&c.page),
                escape(&c.detail)
            );
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");

    // 7.6 Suppressed.
    sub(&mut o, 5);
    if r.suppressed.is_empty() {
        let _ = writeln!(o, "<p class=\"none\">{}</p>", escape(t.suppressed_none));
    } else {
        table_open(
            &mut o,
            "suppressed",
            t.h_suppressed,
            &[t.c_rule, t.c_requirement, t.c_location, t.c_reason],
        );
        for s in &r.suppressed {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td><code>{}</code>:{}</td><td>{}</td></tr>",
                escape(&s.rule),
                escape(&s.requirement),
                escape(&s.path),
                s.line,
                escape(&s.reason)
            );
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("</section>\n</section>\n");

    // 8 Conclusion.
    heading(&mut o, 7, true);
    let _ = writeln!(o, "<p>{}</p>\n</section>", escape(&r.conclusion));

    // 9 Recommendations.
    heading(&mut o, 8, false);
    if r.recommendations.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"none\">{}</p>",
            escape(t.recommendations_none)
        );
    } else {
        o.push_str("<ol>\n");
        for &i in &r.recommendations {
            let row = &r.rows[i];
            let _ = writeln!(
                o,
                "<li><strong>[{}] <a href=\"#f-{num}\">{num}</a> {}:</strong> {}</li>",
                escape(row.priority.map_or("–", |p| p.label(t))),
                escape(&row.title),
                escape(row.recommendation.as_deref().unwrap_or("")),
                num = escape(&row.number)
            );
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");

    // Annex A: checklist.
    heading(&mut o, 9, true);
    let _ = writeln!(o, "<p>{}</p>", escape(t.checklist_intro));
    table_open(
        &mut o,
        "checklist",
        t.h_checklist_annex,
        &[
            t.c_required_info,
            t.c_art13,
            t.c_art14,
            t.c_status,
            t.c_location,
            t.c_comment,
        ],
    );
    for i in super::checklist_order(r) {
        let row = &r.rows[i];
        let (a13, a14) = super::split_articles(r.lang, &row.article);
        let loc = row.evidence.first().or(row.extracts.first()).map_or_else(
            || "–".to_string(),
            |q| format!("{} {} {}", escape(&q.doc), escape(t.line), q.line),
        );
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{} <span class=\"loc\">({})</span></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&row.title),
            escape(&row.number),
            escape(&a13),
            escape(&a14),
            badge(r, row.status),
            loc,
            escape(&row.norm)
        );
    }
    o.push_str("</tbody></table>\n</section>\n");

    // Annex B: evidence extracts.
    heading(&mut o, 10, false);
    let _ = writeln!(o, "<p>{}</p>", escape(t.evidence_intro));
    if r.rows.iter().all(|row| row.extracts.is_empty()) {
        let _ = writeln!(o, "<p class=\"none\">{}</p>", escape(t.evidence_none));
    } else {
        table_open(
            &mut o,
            "extracts",
            t.h_evidence_annex,
            &[t.c_nr, t.c_location, t.c_passage],
        );
        for row in &r.rows {
            for (k, q) in row.extracts.iter().enumerate() {
                let lang_attr = if q.lang == "en" || q.lang == "nl" {
                    format!(" lang=\"{}\"", q.lang)
                } else {
                    String::new()
                };
                let _ = writeln!(
                    o,
                    "<tr id=\"b-{num}-{n}\"><th scope=\"row\">{num}.{n}</th><td>{}</td><td><q{lang_attr}>{}</q></td></tr>",
                    location(r, q),
                    escape(&q.text),
                    num = escape(&row.number),
                    n = k + 1
                );
            }
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("</section>\n");

    // Annex C: definitions and key.
    heading(&mut o, 11, false);
    let _ = writeln!(o, "<p>{}</p>", escape(t.glossary_intro));
    let _ = writeln!(o, "<h3>{}</h3>", escape(t.h_terms));
    table_open(
        &mut o,
        "glossary",
        t.h_terms,
        &[t.c_term_en, t.c_term_nl, t.c_meaning],
    );
    for (en, nl, m_en, m_nl) in i18n::GLOSSARY {
        let meaning = if r.lang == ReportLang::En { m_en } else { m_nl };
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\" lang=\"en\">{}</th><td lang=\"nl\">{}</td><td>{}</td></tr>",
            escape(en),
            escape(nl),
            escape(meaning)
        );
    }
    o.push_str("</tbody></table>\n");
    let _ = writeln!(o, "<h3>{}</h3>", escape(t.h_legend));
    table_open(
        &mut o,
        "legend",
        t.h_legend,
        &[t.c_key, t.c_label_en, t.c_label_nl, t.c_meaning],
    );
    for s in Status::ALL {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td lang=\"en\">{} {}</td><td lang=\"nl\">{} {}</td><td>{}</td></tr>",
            badge(r, s),
            status_icon(s),
            escape(status_label(ReportLang::En, s)),
            status_icon(s),
            escape(status_label(ReportLang::Nl, s)),
            escape(status_meaning(r.lang, s))
        );
    }
    o.push_str("</tbody></table>\n");
    let _ = writeln!(o, "<h3>{}</h3>\n<ul>", escape(t.h_rating_scale));
    for line in t.rating_scale {
        let _ = writeln!(o, "<li>{}</li>", escape(line));
    }
    let _ = writeln!(
        o,
        "</ul>\n<h3>{}</h3>\n<p>{}</p>\n</section>",
        escape(t.h_priority_scale),
        escape(t.priority_scale)
    );

    // Annex D: technical details.
    heading(&mut o, 12, false);
    let _ = writeln!(o, "<p>{}</p>", escape(t.method_annex_intro));
    table_open(
        &mut o,
        "technical",
        t.h_method_annex,
        &[t.c_item, t.c_value],
    );
    for (k, v) in super::technical_details(r) {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(k),
            escape(&v)
        );
    }
    o.push_str("</tbody></table>\n");
    let _ = writeln!(o, "<h3>{}</h3>", escape(t.d_inputs));
    table_open(
        &mut o,
        "inputs",
        t.d_inputs,
        &["", t.c_document, t.c_size, t.c_sha256],
    );
    for d in &r.documents {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td><code>{}</code></td><td class=\"num\">{}</td><td><code>{}</code></td></tr>",
            escape(&d.short),
            escape(&d.path),
            d.bytes
                .map_or_else(|| "–".to_string(), |b| format!("{b} {}", escape(t.bytes))),
            escape(d.sha256.as_deref().unwrap_or("–"))
        );
    }
    o.push_str("</tbody></table>\n</section>\n");

    // Annex E: outline.
    heading(&mut o, 13, false);
    let _ = writeln!(o, "<p>{}</p>", escape(t.outline_intro));
    for d in &r.outline {
        let _ = writeln!(
            o,
            "<h3>{} <code>{}</code></h3>",
            escape(&d.doc),
            escape(&d.path)
        );
        table_open(
            &mut o,
            "outline",
            &format!("{} {}", t.h_outline, d.doc),
            &[t.c_section, t.c_lines],
        );
        for e in &d.entries {
            let _ = writeln!(
                o,
                "<tr><td class=\"lvl{}\">{}</td><td class=\"num\">{}–{}</td></tr>",
                e.level.clamp(1, 6),
                escape(&e.heading),
                e.lines.0,
                e.lines.1
            );
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("</section>\n</main>\n");
    let _ = write!(
        o,
        "<footer class=\"end\"><p>privlint {} · {} {} · {} {}</p></footer>\n</div>\n</body>\n</html>\n",
        escape(&r.tool_version),
        escape(t.rule_pack),
        escape(&r.rules_version),
        escape(t.review_date),
        escape(&r.date)
    );
    o
}

/// One finding block of 7.2: requirement → what is provided → how → assessment → finding
/// (the internal pattern of spec §2.2), then the recommendation.
fn finding_block(o: &mut String, r: &AuditReport, row: &RequirementRow) {
    let t = r.strings();
    let _ = write!(
        o,
        "<article class=\"finding row-{key}\" id=\"f-{num}\" aria-labelledby=\"h-f-{num}\">\n<h5 id=\"h-f-{num}\">{num} {} <span class=\"loc\">— {}</span></h5>\n<p>{} <span class=\"loc\">{}: {}</span></p>\n<dl>\n",
        escape(&row.title),
        escape(&row.citation),
        badge(r, row.status),
        escape(t.c_priority),
        escape(row.priority.map_or("–", |p| p.label(t))),
        key = row.status.as_str(),
        num = escape(&row.number)
    );
    let provided = if row.evidence.is_empty() {
        format!("<span class=\"none\">{}</span>", escape(t.no_passage))
    } else {
        row.evidence.iter().map(|q| quote_html(r, q)).collect()
    };
    let mut items = vec![(t.b_required, escape(&row.norm))];
    if !row.applies.is_empty() {
        items.push((t.b_applies, escape(&row.applies)));
    }
    items.extend([
        (t.b_provided, provided),
        (t.b_how, escape(&row.delivery)),
        (t.b_assessment, escape(&row.reason)),
        (
            t.b_finding,
            format!("<p class=\"finding-sentence\">{}</p>", escape(&row.finding)),
        ),
    ]);
    if let Some(rec) = &row.recommendation {
        items.push((t.recommendation, escape(rec)));
    }
    if !row.rules.is_empty() {
        let rules: Vec<String> = row
            .rules
            .iter()
            .map(|x| format!("<code>{}</code>", escape(x)))
            .collect();
        items.push((t.b_checks, rules.join(", ")));
    }
    for (k, v) in items {
        let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", escape(k), v);
    }
    o.push_str("</dl>\n</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_text_cannot_break_out_of_its_css_string_or_the_style_element() {
        assert_eq!(
            css_string("A \"B\" \\ </style><script>\n"),
            "\"A \\\"B\\\" \\\\ \\3C /style\\3E \\3C script\\3E  \""
        );
    }
}
