//! Renderers for a [`Diff`]: coloured text section by section, stable JSON, Markdown, and a
//! self-contained HTML page with the disclosure changes first and changed words highlighted.

use super::{Diff, SectionChange};
use std::fmt::Write as _;

fn section_label(s: &SectionChange) -> String {
    let title = |r: &Option<super::SectionRef>| {
        r.as_ref()
            .map(|r| {
                if r.title.is_empty() {
                    "(preamble)".to_string()
                } else {
                    r.title.clone()
                }
            })
            .unwrap_or_default()
    };
    let lines = |r: &Option<super::SectionRef>| {
        r.as_ref()
            .map(|r| format!("{}-{}", r.first_line, r.last_line))
            .unwrap_or_default()
    };
    if s.added {
        format!("added: {} (new lines {})", title(&s.new), lines(&s.new))
    } else if s.removed {
        format!("removed: {} (old lines {})", title(&s.old), lines(&s.old))
    } else {
        let mut tags = Vec::new();
        if s.moved {
            let (o, n) = (
                s.old.as_ref().map_or(0, |r| r.position),
                s.new.as_ref().map_or(0, |r| r.position),
            );
            tags.push(format!("moved from position {o} to {n}"));
        }
        if s.renamed {
            tags.push(format!("renamed from \"{}\"", title(&s.old)));
        }
        if s.changed {
            tags.push(format!("{} paragraph change(s)", s.paragraphs.len()));
        }
        format!(
            "{}: {} (old lines {}, new lines {})",
            tags.join(", "),
            title(&s.new),
            lines(&s.old),
            lines(&s.new)
        )
    }
}

/// Plain or coloured text.
pub fn text(d: &Diff, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) → {} ({})",
        d.old_path,
        d.old_date.as_deref().unwrap_or("no date"),
        d.new_path,
        d.new_date.as_deref().unwrap_or("no date")
    );
    let _ = writeln!(out, "\n{}\n", d.summary);
    if let Some(issue) = &d.date_issue {
        let _ = writeln!(out, "{} {issue}\n", paint("1;33", "date:"));
    }
    if !d.disclosures.is_empty() {
        let _ = writeln!(out, "{}", paint("1", "Disclosure changes"));
        for c in &d.disclosures {
            let _ = writeln!(
                out,
                "  [{:>3}] {:<30} {}",
                c.impact, c.requirement, c.message
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", paint("1", "Text changes by section"));
    for s in d
        .sections
        .iter()
        .filter(|s| s.added || s.removed || s.moved || s.renamed || s.changed)
    {
        let _ = writeln!(out, "  {}", section_label(s));
        for p in &s.paragraphs {
            match p.kind {
                "added" => {
                    let _ = writeln!(
                        out,
                        "    {} {}",
                        paint("32", &format!("+ l.{}", p.new_line.unwrap_or(0))),
                        p.new_text.as_deref().unwrap_or("")
                    );
                }
                "removed" => {
                    let _ = writeln!(
                        out,
                        "    {} {}",
                        paint("31", &format!("- l.{}", p.old_line.unwrap_or(0))),
                        p.old_text.as_deref().unwrap_or("")
                    );
                }
                _ => {
                    let mut line = String::new();
                    for w in &p.words {
                        match w.op {
                            "insert" => line.push_str(&if color {
                                paint("32;4", &w.text)
                            } else {
                                format!("{{+{}+}}", w.text)
                            }),
                            "delete" => line.push_str(&if color {
                                paint("31;9", &w.text)
                            } else {
                                format!("[-{}-]", w.text)
                            }),
                            _ => line.push_str(&w.text),
                        }
                    }
                    let _ = writeln!(
                        out,
                        "    ~ l.{}→{} {}",
                        p.old_line.unwrap_or(0),
                        p.new_line.unwrap_or(0),
                        line
                    );
                }
            }
        }
    }
    let st = &d.stats;
    let _ = writeln!(
        out,
        "\nsections: {} added, {} removed, {} moved, {} renamed, {} changed, {} unchanged; paragraphs: {} added, {} removed, {} changed",
        st.sections_added,
        st.sections_removed,
        st.sections_moved,
        st.sections_renamed,
        st.sections_changed,
        st.sections_unchanged,
        st.paragraphs_added,
        st.paragraphs_removed,
        st.paragraphs_changed
    );
    out
}

/// Stable JSON (keys in declaration order of the types; see `Diff`).
pub fn json(d: &Diff) -> String {
    let mut s = serde_json::to_string_pretty(d).unwrap_or_default();
    s.push('\n');
    s
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn markdown(d: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# What changed: {} → {}\n",
        md_escape(&d.old_path),
        md_escape(&d.new_path)
    );
    let _ = writeln!(
        out,
        "Last Updated: {} → {}\n",
        d.old_date.as_deref().unwrap_or("none"),
        d.new_date.as_deref().unwrap_or("none")
    );
    let _ = writeln!(out, "{}\n", d.summary);
    if !d.disclosures.is_empty() {
        let _ = writeln!(
            out,
            "## Disclosure changes\n\n| impact | requirement | change |\n|---:|---|---|"
        );
        for c in &d.disclosures {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                c.impact,
                c.requirement,
                md_escape(&c.message)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Text changes by section\n");
    for s in d
        .sections
        .iter()
        .filter(|s| s.added || s.removed || s.moved || s.renamed || s.changed)
    {
        let _ = writeln!(out, "- **{}**", md_escape(&section_label(s)));
        for p in &s.paragraphs {
            let body = match p.kind {
                "added" => format!(
                    "added (l.{}): {}",
                    p.new_line.unwrap_or(0),
                    md_escape(p.new_text.as_deref().unwrap_or(""))
                ),
                "removed" => format!(
                    "removed (l.{}): ~~{}~~",
                    p.old_line.unwrap_or(0),
                    md_escape(p.old_text.as_deref().unwrap_or(""))
                ),
                _ => {
                    let words: String = p
                        .words
                        .iter()
                        .map(|w| match w.op {
                            "insert" => {
                                format!("**{}**", w.text.trim())
                                    + if w.text.ends_with(' ') { " " } else { "" }
                            }
                            "delete" => {
                                format!("~~{}~~", w.text.trim())
                                    + if w.text.ends_with(' ') { " " } else { "" }
                            }
                            _ => w.text.clone(),
                        })
                        .collect();
                    format!(
                        "changed (l.{}→{}): {}",
                        p.old_line.unwrap_or(0),
                        p.new_line.unwrap_or(0),
                        md_escape(&words)
                    )
                }
            };
            let _ = writeln!(out, "  - {body}");
        }
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A self-contained HTML page (inline CSS, no external requests).
pub fn html(d: &Diff) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    let _ = writeln!(
        out,
        "<title>privlint diff: {} → {}</title>",
        esc(&d.old_path),
        esc(&d.new_path)
    );
    out.push_str("<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}ins{background:#d7f5dd;text-decoration:underline}del{background:#fbdada}.sec{margin:1rem 0;padding:.5rem;border-left:4px solid #888}.added{border-color:#1a7f37}.removed{border-color:#c62828}.note{background:#fff4ce;padding:.5rem}</style></head><body>\n");
    let _ = writeln!(
        out,
        "<h1>What changed</h1>\n<p><code>{}</code> ({}) → <code>{}</code> ({})</p>",
        esc(&d.old_path),
        esc(d.old_date.as_deref().unwrap_or("no date")),
        esc(&d.new_path),
        esc(d.new_date.as_deref().unwrap_or("no date"))
    );
    let _ = writeln!(out, "<p>{}</p>", esc(&d.summary));
    if let Some(issue) = &d.date_issue {
        let _ = writeln!(out, "<p class=\"note\">Last Updated: {}</p>", esc(issue));
    }
    out.push_str("<h2>Disclosure changes</h2>\n");
    if d.disclosures.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str("<table><thead><tr><th scope=\"col\">Impact</th><th scope=\"col\">Requirement</th><th scope=\"col\">Change</th></tr></thead><tbody>\n");
        for c in &d.disclosures {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                c.impact,
                esc(&c.requirement),
                esc(&c.message)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("<h2>Text changes by section</h2>\n");
    for s in d
        .sections
        .iter()
        .filter(|s| s.added || s.removed || s.moved || s.renamed || s.changed)
    {
        let class = if s.added {
            "sec added"
        } else if s.removed {
            "sec removed"
        } else {
            "sec"
        };
        let _ = writeln!(
            out,
            "<div class=\"{class}\"><h3>{}</h3>",
            esc(&section_label(s))
        );
        for p in &s.paragraphs {
            match p.kind {
                "added" => {
                    let _ = writeln!(
                        out,
                        "<p><ins>{}</ins></p>",
                        esc(p.new_text.as_deref().unwrap_or(""))
                    );
                }
                "removed" => {
                    let _ = writeln!(
                        out,
                        "<p><del>{}</del></p>",
                        esc(p.old_text.as_deref().unwrap_or(""))
                    );
                }
                _ => {
                    out.push_str("<p>");
                    for w in &p.words {
                        match w.op {
                            "insert" => {
                                let _ = write!(out, "<ins>{}</ins>", esc(&w.text));
                            }
                            "delete" => {
                                let _ = write!(out, "<del>{}</del>", esc(&w.text));
                            }
                            _ => out.push_str(&esc(&w.text)),
                        }
                    }
                    out.push_str("</p>\n");
                }
            }
        }
        out.push_str("</div>\n");
    }
    out.push_str("</body></html>\n");
    out
}
