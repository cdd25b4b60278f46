//! The audit report (`privlint report`): snapshots of the Markdown and HTML reports of
//! statements the team wrote (tests/fixtures/report, and structure checks of corpus/ when
//! present), structure checks of reports of real statements (no sentences snapshotted),
//! Dutch output, escaping, determinism, and a render of the Netflix report in headless
//! Chromium (screenshot, PDF, console errors, external requests, visible requirement table,
//! printed page footer).

use crate::common;
use privlint::analysis;
use privlint::finding::Status;
use privlint::report::audit::{self, AuditReport, InputFile, Options, ReportLang, i18n};
use privlint::rules::RuleSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const DATE: &str = "2025-06-30";

fn rules() -> RuleSet {
    RuleSet::load(&[]).expect("bundled rules load")
}

fn fixture(name: &str) -> PathBuf {
    common::root().join("tests/fixtures/report").join(name)
}

/// Build the report of a statement with help pages, with paths shown relative to the
/// repository root where possible (so snapshots do not depend on the checkout's location).
fn build(statement: &Path, help: &[PathBuf], lang: ReportLang) -> AuditReport {
    let rules = rules();
    let shown = |p: &Path| -> PathBuf {
        p.strip_prefix(common::root())
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf())
    };
    // Integration tests run in the package root, so the relative path reads the same file.
    let path_for = |p: &Path| shown(p);
    let load = |p: &Path| analysis::load(&path_for(p)).expect("fixture reads");
    let input = |p: &Path| {
        let bytes = std::fs::read(p).expect("fixture reads");
        InputFile {
            path: path_for(p).display().to_string(),
            sha256: audit::sha256_hex(&bytes),
            bytes: bytes.len(),
        }
    };
    let mut inputs = vec![input(statement)];
    inputs.extend(help.iter().map(|h| input(h)));
    let docs = analysis::analyse(
        &rules,
        load(statement),
        help.iter().map(|h| load(h)).collect(),
    );
    let opts = Options {
        lang,
        date: DATE.to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    audit::build(&rules, &docs, &inputs, &opts)
}

/// Hide the volatile parts of a rendered report: privlint's version (the review date is
/// fixed with `--date`, i.e. `Options::date`).
fn redact(text: &str) -> String {
    text.replace(
        &format!("privlint {}", env!("CARGO_PKG_VERSION")),
        "privlint [VERSION]",
    )
}

/// Statement fixtures with their help pages and the language of the report.
fn fixtures() -> Vec<(&'static str, PathBuf, Vec<PathBuf>, ReportLang)> {
    vec![
        (
            "en-webshop",
            fixture("en-webshop.html"),
            vec![fixture("en-webshop-help.html")],
            ReportLang::En,
        ),
        (
            "nl-fietsenmaker",
            fixture("nl-fietsenmaker.html"),
            Vec::new(),
            ReportLang::Nl,
        ),
        // A Dutch report of an English statement with a help page: the layered-notice
        // texts, reasons and recommendations in Dutch, the quotes in English.
        (
            "en-webshop-in-dutch",
            fixture("en-webshop.html"),
            vec![fixture("en-webshop-help.html")],
            ReportLang::Nl,
        ),
    ]
}

#[test]
fn snapshots_of_reports_of_statements_we_wrote() {
    for (name, statement, help, lang) in fixtures() {
        let report = build(&statement, &help, lang);
        insta::assert_snapshot!(
            format!("report-{name}.md"),
            redact(&audit::md::render(&report))
        );
        insta::assert_snapshot!(
            format!("report-{name}.html"),
            redact(&audit::html::render(&report))
        );
    }
}

/// A row of the Markdown requirement table: its first cell is a finding number `T-nn`.
fn is_requirement_row(line: &str) -> bool {
    line.split('|').nth(1).map(str::trim).is_some_and(|c| {
        c.len() == 4 && c.starts_with("T-") && c[2..].chars().all(|x| x.is_ascii_digit())
    })
}

/// Structure every report must have: all chapters, one row per catalogue item, statuses.
fn check_structure(report: &AuditReport, rules: &RuleSet, what: &str) {
    let t = report.strings();
    let md = audit::md::render(report);
    let html = audit::html::render(report);
    // The outline of the spec (§11), in order, plus the purpose map, layers and
    // suppressed findings inside chapter 7.
    let headings = [
        t.h_control,
        t.h_summary,
        t.h_introduction,
        t.h_documents,
        t.h_framework,
        t.h_method,
        t.h_limitations,
        t.h_findings,
        t.h_overview,
        t.h_per_requirement,
        t.h_form,
        t.h_purpose_map,
        t.h_layers,
        t.h_suppressed,
        t.h_conclusion,
        t.h_recommendations,
        t.h_checklist_annex,
        t.h_evidence_annex,
        t.h_glossary_annex,
        t.h_method_annex,
        t.h_outline,
    ];
    let mut last = (0, 0);
    for heading in headings {
        let in_md = md
            .lines()
            .position(|l| l.starts_with('#') && l.ends_with(heading))
            .unwrap_or_else(|| panic!("{what}: Markdown lacks heading {heading}"));
        let in_html = [">", ". ", " "]
            .iter()
            .filter_map(|p| {
                let needle = format!("{p}{heading}</h");
                html.find(&needle)
            })
            .min()
            .unwrap_or_else(|| panic!("{what}: HTML lacks heading {heading}"));
        assert!(
            in_md > last.0 && in_html > last.1,
            "{what}: heading {heading} out of order"
        );
        last = (in_md, in_html);
    }
    // Per-requirement blocks: one per item, grouped in the spec's order (§1, 7.2).
    let mut group_at = 0;
    for (key, _, _) in i18n::GROUPS {
        let members: Vec<_> = report.rows.iter().filter(|r| r.group_key == *key).collect();
        if members.is_empty() {
            continue;
        }
        let title = i18n::group_title(report.lang, key);
        let at = html
            .find(&format!("{title}</h4>"))
            .unwrap_or_else(|| panic!("{what}: group {title}"));
        assert!(at > group_at, "{what}: group {title} out of order");
        group_at = at;
        for row in members {
            let block = html
                .find(&format!("id=\"f-{}\"", row.number))
                .unwrap_or_else(|| panic!("{what}: block of {}", row.number));
            assert!(block > at, "{what}: {} outside its group", row.number);
            assert!(md.contains(&format!("##### {} ", row.number)));
            assert!(html.contains(&audit::html::escape(&row.finding)));
            assert!(!row.norm.is_empty() && !row.delivery.is_empty());
        }
    }
    // Annex B holds every evidence passage with its location.
    for row in &report.rows {
        for (k, q) in row.extracts.iter().enumerate() {
            assert!(
                html.contains(&format!("id=\"b-{}-{}\"", row.number, k + 1)),
                "{what}: extract {}.{}",
                row.number,
                k + 1
            );
            assert!(md.contains(&format!("| {}.{} | {}, ", row.number, k + 1, q.doc)));
        }
    }
    let n = rules.catalogue.requirements.len();
    assert_eq!(report.rows.len(), n, "{what}: one row per catalogue item");
    assert_eq!(
        html.matches("data-requirement=\"").count(),
        n,
        "{what}: HTML requirement table rows"
    );
    let md_rows = md.lines().filter(|l| is_requirement_row(l)).count();
    assert_eq!(md_rows, n, "{what}: Markdown requirement table rows");
    for (row, req) in report.rows.iter().zip(&rules.catalogue.requirements) {
        assert_eq!(row.id, req.id, "{what}: catalogue order");
        let label = i18n::status_label(report.lang, row.status);
        assert!(
            html.contains(&format!(
                "data-requirement=\"{}\" data-status=\"{}\"",
                row.id,
                row.status.as_str()
            )),
            "{what}: {} status in HTML",
            row.id
        );
        assert!(md.contains(label), "{what}: status label {label}");
        if matches!(row.status, Status::Missing | Status::Vague) {
            assert!(
                row.recommendation.as_deref().is_some_and(|r| !r.is_empty()),
                "{what}: {} falls short but has no recommendation",
                row.id
            );
        }
    }
    let counted: usize = report.counts.iter().map(|(_, c)| c).sum();
    assert_eq!(counted, n, "{what}: counts cover every item");
    assert!(report.top_gaps.len() <= 3);
}

#[test]
fn fixture_reports_have_the_full_structure_in_both_languages() {
    let rules = rules();
    for (name, statement, help, _) in fixtures() {
        for lang in [ReportLang::En, ReportLang::Nl] {
            let report = build(&statement, &help, lang);
            check_structure(&report, &rules, &format!("{name} ({})", lang.code()));
        }
    }
}

#[test]
fn corpus_statements_written_by_the_team_render_with_full_structure() {
    let rules = rules();
    let files = common::files(&common::root().join("corpus"), &[".md", ".html", ".txt"]);
    for f in &files {
        let report = build(f, &[], ReportLang::En);
        if report.rows.is_empty() {
            continue; // not a statement (a help page or other text)
        }
        check_structure(&report, &rules, &f.display().to_string());
    }
}

#[test]
fn reports_of_real_statements_have_the_full_structure() {
    let Some(shared) = common::shared() else {
        return;
    };
    let rules = rules();
    let cases = [
        (
            shared.join("seeds/netflix-privacy-statement-2024-04-17.en.md"),
            ReportLang::En,
        ),
        (
            shared.join("seeds/netflix-privacy-statement-2024-04-17.en.md"),
            ReportLang::Nl,
        ),
        (
            shared.join("corpus/real/nl-coronamelder-privacy.md"),
            ReportLang::Nl,
        ),
        (shared.join("corpus/real/en-bbc-privacy.md"), ReportLang::En),
        (
            shared.join("corpus/real/en-bumble-privacy.html"),
            ReportLang::Nl,
        ),
        (
            shared.join("corpus/real/en-activist-privacy.txt"),
            ReportLang::En,
        ),
    ];
    for (path, lang) in cases {
        if !path.is_file() {
            panic!("{} is missing from ../shared", path.display());
        }
        let report = build(&path, &[], lang);
        check_structure(&report, &rules, &path.display().to_string());
        // The Netflix statement falls short where the Dutch authority found fault.
        if path.to_string_lossy().contains("netflix") {
            let retention = report.rows.iter().find(|r| r.id == "retention");
            assert!(retention.is_some_and(|r| r.status == Status::Vague));
            assert!(!report.top_gaps.is_empty());
            assert!(
                !report.purpose_map.rows.is_empty(),
                "purpose map of Netflix"
            );
        }
    }
}

#[test]
fn header_names_controller_documents_hashes_date_and_versions() {
    let statement = fixture("en-webshop.html");
    let help = vec![fixture("en-webshop-help.html")];
    let report = build(&statement, &help, ReportLang::En);
    let html = audit::html::render(&report);
    let bytes = std::fs::read(&statement).expect("fixture reads");
    let hash = audit::sha256_hex(&bytes);
    assert_eq!(hash.len(), 64);
    assert!(html.contains(&hash), "SHA-256 of the statement file");
    let help_hash = audit::sha256_hex(&std::fs::read(&help[0]).expect("reads"));
    assert!(html.contains(&help_hash), "SHA-256 of the help page");
    assert!(html.contains(DATE));
    assert!(html.contains(&format!("privlint {}", env!("CARGO_PKG_VERSION"))));
    assert!(html.contains(&rules().catalogue.version));
    assert!(html.contains("WP260"));
    assert!(html.contains("2025-03-03"), "Last Updated of the statement");
    assert!(
        !report.controller.is_empty(),
        "the webshop names its legal entity"
    );
    for c in &report.controller {
        assert!(html.contains(&audit::html::escape(c)));
    }
}

#[test]
fn dutch_report_is_dutch_throughout() {
    let report = build(&fixture("en-webshop.html"), &[], ReportLang::Nl);
    let html = audit::html::render(&report);
    let md = audit::md::render(&report);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    for word in [
        "Samenvatting",
        "Inleiding",
        "Bevindingen per vereiste",
        "Vorm en presentatie",
        "Beperkingen",
        "Aanbeveling",
        "Bijlage B — Citaten en vindplaatsen",
        "Bijlage D — Verantwoording",
    ] {
        assert!(md.contains(word), "Dutch heading {word}");
    }
    for row in &report.rows {
        assert!(
            row.finding.starts_with("De ")
                || row.finding.starts_with("Geen bevinding")
                || row.finding.starts_with("Op basis van"),
            "Dutch finding sentence: {}",
            row.finding
        );
    }
    // Recommendations and reasons come from the Dutch texts, not the English rule files.
    let rules = rules();
    for row in &report.rows {
        for name in &row.rules {
            let fix = &rules.rule(name).expect("fired rule exists").fix;
            assert!(
                !md.contains(fix.as_str()),
                "English fix of {name} in a Dutch report"
            );
        }
        if let Some(rec) = &row.recommendation {
            let nl = i18n::requirement_text(&row.id).expect("Dutch text").rec_nl;
            assert_eq!(rec, nl);
        }
    }
    // Annex C is bilingual on purpose (terms and status labels in both languages); the
    // rest of the report must not contain English.
    let (body, annex_c) = md
        .split_once("## Bijlage C")
        .expect("Annex C in the Dutch report");
    for english in [
        "Not provided",
        "Insufficiently specific",
        "Recommendation:",
        "The statement",
        "Found:",
        "Finding",
    ] {
        assert!(
            !body.contains(english),
            "English words {english:?} in a Dutch report"
        );
    }
    assert!(annex_c.contains("Not provided") && annex_c.contains("Ontbreekt"));
    assert!(md.contains("AVG"));
}

/// The wording a Dutch reviewer asked for, on a statement we wrote whose controller is a
/// minister: the article before an office and before a right named mid-sentence,
/// "organisatie" for a name without a legal form, a paragraph range cited as "tweede tot en
/// met vierde lid", and a cookie reason that names only the lifetime its rule checks.
#[test]
fn dutch_report_puts_articles_ranges_and_reasons_right() {
    let statement = fixture("nl-minister-voorbeeldzaken.md");
    let report = build(&statement, &[], ReportLang::Nl);
    let md = audit::md::render(&report);
    assert!(
        md.starts_with(
            "# Toetsing van de privacyverklaring van de minister van Voorbeeldzaken aan"
        ),
        "{}",
        md.lines().next().unwrap_or("")
    );
    assert!(md.contains(
        "Dit rapport toetst of de privacyverklaring van de minister van Voorbeeldzaken (“"
    ));
    assert!(!md.contains("van minister van"));
    // The minister and the partnership are organisations, the B.V. a legal person.
    assert!(md.contains(
        "Aangetroffen: organisatie minister van Voorbeeldzaken, Voorbeeld Klantcontact V.O.F.; rechtspersoon Voorbeeld Hosting B.V."
    ));
    assert!(!md.contains("rechtspersoon minister"));
    // Rights given only by reference, named with their article.
    for right in [
        "het recht op beperking van de verwerking",
        "het recht op overdraagbaarheid van gegevens",
        "het recht van bezwaar",
    ] {
        assert!(
            md.contains(&format!(
                "De verklaring geeft de informatie over {right} niet zelf"
            )),
            "{right}"
        );
    }
    assert!(!md.contains("informatie over recht"));
    // Direct marketing without an unconditional right to object: Art. 21(2)-(4) in the
    // conclusion, cited in the Dutch style.
    let conclusion = md
        .lines()
        .find(|l| l.starts_with("Gelet op het voorgaande"))
        .expect("conclusion");
    assert!(
        conclusion.contains(
            "en artikel 21, tweede tot en met vierde lid, in samenhang met artikel 12, eerste lid, AVG"
        ),
        "{conclusion}"
    );
    assert!(!md.contains(")-("));
    assert!(md.contains(
        "**Beoordeling.** Cookies worden beschreven zonder te vermelden hoe lang ze bewaard blijven.\n"
    ));
    assert!(!md.contains("bewaard blijven of door wie"));
    // The English report of the same statement.
    let en = audit::md::render(&build(&statement, &[], ReportLang::En));
    assert!(en.starts_with(
        "# Transparency assessment of the privacy statement of the minister van Voorbeeldzaken\n"
    ));
    assert!(en.contains("Found: organisation minister van Voorbeeldzaken, Voorbeeld Klantcontact V.O.F.; legal entity Voorbeeld Hosting B.V."));
    assert!(
        en.contains("The statement does not give the information on the right to object itself")
    );
    assert!(en.contains(" and 21(2)–(4) GDPR, read in conjunction with Article 12(1) GDPR"));
    assert!(!en.contains(")-("));
}

#[test]
fn every_catalogue_item_has_dutch_texts() {
    for req in &rules().catalogue.requirements {
        let t = i18n::requirement_text(&req.id)
            .unwrap_or_else(|| panic!("no report texts for {}", req.id));
        assert!(!t.rec_nl.is_empty() && !t.rec_en.is_empty() && !t.cond_nl.is_empty());
        assert!(
            i18n::norm(ReportLang::Nl, &req.id).is_some(),
            "{}: norm",
            req.id
        );
        assert!(
            i18n::applies_text(ReportLang::Nl, &req.applies) != req.applies.trim(),
            "{}: no Dutch text for 'applies: {}'",
            req.id,
            req.applies
        );
        assert_ne!(i18n::group_of(&req.id), "", "{}: group", req.id);
    }
}

#[test]
fn reports_are_deterministic() {
    for (_, statement, help, lang) in fixtures() {
        let a = build(&statement, &help, lang);
        let b = build(&statement, &help, lang);
        assert_eq!(audit::html::render(&a), audit::html::render(&b));
        assert_eq!(audit::md::render(&a), audit::md::render(&b));
    }
}

#[test]
fn statement_text_is_escaped() {
    assert_eq!(
        audit::html::escape("<a href='x'>\"&\""),
        "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;"
    );
    assert_eq!(audit::md::escape("a|b *c* <d>"), "a\\|b \\*c\\* &lt;d&gt;");
    let dir = common::scratch("report-escape");
    let path = dir.join("hostile.txt");
    std::fs::write(
        &path,
        "Privacy statement <script>alert(1)</script>\n\nWe use your email address to send newsletters when 3 < 5 & \"quotes\" | pipes, on the basis of your consent.\n\nWe keep it for as long as necessary.\n",
    )
    .expect("write");
    let report = build(&path, &[], ReportLang::En);
    let html = audit::html::render(&report);
    let md = audit::md::render(&report);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!html.contains("<script"), "no script element");
    assert!(
        !html.contains("3 < 5"),
        "a '<' from the statement is escaped"
    );
    assert!(
        html.contains("3 &lt; 5 &amp; &quot;quotes&quot;"),
        "the purpose sentence is quoted, escaped"
    );
    assert!(!md.contains("<script"));
    for line in md.lines().filter(|l| is_requirement_row(l)) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 8, "a '|' in a quote must not add a column: {line}");
    }
}

#[test]
fn layers_with_different_retention_periods_are_listed() {
    let dir = common::scratch("report-layers");
    let statement = dir.join("statement.html");
    let help = dir.join("help.html");
    std::fs::write(
        &statement,
        "<html lang=\"en\"><head><title>Privacy Statement</title></head><body><h1>Privacy Statement</h1><p>Acme Widgets Ltd is the controller. Contact privacy@acme.example.</p><h2>How long we keep data</h2><p>We keep invoices for 7 years.</p></body></html>",
    )
    .expect("write");
    std::fs::write(
        &help,
        "<html lang=\"en\"><head><title>Help</title></head><body><h1>Help: retention</h1><p>We keep invoices for 10 years.</p></body></html>",
    )
    .expect("write");
    let report = build(&statement, std::slice::from_ref(&help), ReportLang::En);
    let _ = std::fs::remove_dir_all(&dir);
    let retention = report
        .conflicts
        .iter()
        .find(|c| report.rows[c.row].id == "retention")
        .expect("a retention difference between the layers");
    assert!(retention.detail.contains("7 years"), "{}", retention.detail);
    assert!(
        retention.detail.contains("10 years"),
        "{}",
        retention.detail
    );
    let md = audit::md::render(&report);
    assert!(md.contains(&retention.detail));
}

#[test]
fn cli_writes_html_and_markdown_by_extension() {
    let exe = env!("CARGO_BIN_EXE_privlint");
    let dir = common::scratch("report-cli");
    let statement = fixture("nl-fietsenmaker.html");
    for (file, start) in [("r.html", "<!DOCTYPE html>"), ("r.md", "# ")] {
        let out = dir.join(file);
        let status = Command::new(exe)
            .args([
                "report",
                &statement.display().to_string(),
                "--date",
                DATE,
                "-o",
            ])
            .arg(&out)
            .status()
            .expect("privlint runs");
        assert!(status.success());
        let text = std::fs::read_to_string(&out).expect("report written");
        assert!(text.starts_with(start), "{file}");
        assert!(text.contains(DATE));
    }
    let bad = Command::new(exe)
        .args([
            "report",
            &statement.display().to_string(),
            "--date",
            "2025-02-30",
        ])
        .output()
        .expect("privlint runs");
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an invalid --date is a usage error"
    );
    let unknown = Command::new(exe)
        .args(["report", &statement.display().to_string(), "-o"])
        .arg(dir.join("r.pdf"))
        .output()
        .expect("privlint runs");
    assert_eq!(
        unknown.status.code(),
        Some(2),
        "unknown extension without --format"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------
// Headless Chromium.

/// The Chromium binary, or None (outside CI: skip with a notice; in CI: fail).
fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(out) = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            && out.status.success()
        {
            let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if !p.is_empty() {
                return Some(PathBuf::from(p));
            }
        }
    }
    if std::env::var_os("CI").is_some() {
        panic!("chromium is missing but CI is set: the browser test cannot run");
    }
    eprintln!("notice: chromium not found; skipping the browser test of the audit report");
    None
}

/// Run headless Chromium on a file URL with extra arguments; returns (stdout, stderr).
fn run_chromium(exe: &Path, profile: &Path, url: &str, extra: &[String]) -> (String, String) {
    let out = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Console messages in Chromium's log: CSP violations (blocked external requests) and
/// script errors both land here; the report has no scripts, so any message is a fault.
fn console_messages(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    Some((w, h))
}

fn pdf_pages(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let mut n = 0;
    for pat in ["/Type /Page", "/Type/Page"] {
        let mut rest = text.as_ref();
        while let Some(i) = rest.find(pat) {
            let after = &rest[i + pat.len()..];
            if !after.starts_with('s') {
                n += 1;
            }
            rest = after;
        }
    }
    n
}

#[test]
fn netflix_report_renders_in_headless_chromium() {
    let Some(shared) = common::shared() else {
        return;
    };
    let Some(exe) = chromium() else {
        return;
    };
    let statement = shared.join("seeds/netflix-privacy-statement-2024-04-17.en.md");
    let report = build(&statement, &[], ReportLang::En);
    let html = audit::html::render(&report);
    let dir = common::scratch("report-browser");
    let page = dir.join("netflix-report.html");
    std::fs::write(&page, &html).expect("write report");
    let url = format!("file://{}", page.display());

    // Static: nothing that could fetch.
    for bad in ["<script", "<link", " src=", "@import", "url("] {
        assert!(!html.contains(bad), "report contains {bad:?}");
    }
    assert!(html.contains("Content-Security-Policy"));

    // Negative control: the same browser set-up does report a blocked external fetch.
    let control = dir.join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><title>control</title></head><body><img src=\"http://example.invalid/x.png\" alt=\"\"></body></html>",
    )
    .expect("write control");
    let (_, err) = run_chromium(
        &exe,
        &dir.join("profile-control"),
        &format!("file://{}", control.display()),
        &["--dump-dom".to_string()],
    );
    assert!(
        console_messages(&err)
            .iter()
            .any(|l| l.contains("example.invalid")),
        "the console check must see a blocked external request; log:\n{err}"
    );

    // DOM: the requirement table is there, no console errors or blocked requests.
    let (dom, err) = run_chromium(
        &exe,
        &dir.join("profile-dom"),
        &url,
        &["--dump-dom".to_string()],
    );
    assert!(
        console_messages(&err).is_empty(),
        "console messages: {:?}",
        console_messages(&err)
    );
    assert!(
        dom.contains("id=\"requirement-table\""),
        "requirement table in the DOM"
    );
    assert_eq!(
        dom.matches("data-requirement=\"").count(),
        rules().catalogue.requirements.len()
    );

    // Screenshot of the whole page.
    let png = dir.join("netflix-report.png");
    let (_, err) = run_chromium(
        &exe,
        &dir.join("profile-png"),
        &url,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".to_string(),
        ],
    );
    assert!(console_messages(&err).is_empty(), "console: {err}");
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert_eq!(png_size(&bytes), Some((1280, 2000)));
    assert!(bytes.len() > 50_000, "screenshot is {} bytes", bytes.len());

    // The requirement table is visible: a copy showing only it must not be a blank page.
    let only_table = html.replace(
        "</style>",
        "header, nav, #control, main > section:not(#findings), #findings > :not(#overview), #overview > :not(table), footer { display: none !important; }</style>",
    );
    let table_page = dir.join("table-only.html");
    std::fs::write(&table_page, only_table).expect("write");
    let table_png = dir.join("table-only.png");
    let blank_page = dir.join("blank.html");
    std::fs::write(&blank_page, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>").expect("write");
    let blank_png = dir.join("blank.png");
    for (p, out) in [(&table_page, &table_png), (&blank_page, &blank_png)] {
        run_chromium(
            &exe,
            &dir.join("profile-table"),
            &format!("file://{}", p.display()),
            &[
                format!("--screenshot={}", out.display()),
                "--window-size=1280,2000".to_string(),
            ],
        );
    }
    let table_bytes = std::fs::read(&table_png).expect("table screenshot").len();
    let blank_bytes = std::fs::read(&blank_png).expect("blank screenshot").len();
    assert!(
        table_bytes > 10 * blank_bytes.max(1_000),
        "table-only screenshot {table_bytes} bytes vs blank {blank_bytes}: the requirement table is not visible"
    );

    // PDF: A4, several pages.
    let pdf = dir.join("netflix-report.pdf");
    let (_, err) = run_chromium(
        &exe,
        &dir.join("profile-pdf"),
        &url,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
        ],
    );
    assert!(console_messages(&err).is_empty(), "console: {err}");
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(bytes.len() > 50_000, "PDF is {} bytes", bytes.len());
    let pages = pdf_pages(&bytes);
    assert!(pages >= 2, "PDF has {pages} pages");
    // A4 is 595 x 842 points.
    let text = String::from_utf8_lossy(&bytes);
    let media = text
        .split("/MediaBox")
        .nth(1)
        .and_then(|r| r.split(']').next())
        .map(|r| {
            r.trim_start_matches([' ', '['])
                .split_whitespace()
                .filter_map(|x| x.parse::<f64>().ok())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    assert!(
        media.len() == 4 && (media[2] - 595.0).abs() < 2.0 && (media[3] - 842.0).abs() < 2.0,
        "PDF pages are A4: {media:?}"
    );
    // The running page footer (CSS page-margin boxes) is printed: with everything but the
    // margin boxes hidden, the PDF still draws text (it has fonts); the control without
    // margin boxes draws none.
    let hide = "header, nav, main, footer { display: none !important; }</style>";
    let footer_only = html.replace("</style>", hide);
    let no_footer = footer_only
        .replace("@bottom-left", "@x-bottom-left")
        .replace("@bottom-right", "@x-bottom-right");
    let mut fonts = Vec::new();
    for (name, page) in [("footer-only", footer_only), ("no-footer", no_footer)] {
        let file = dir.join(format!("{name}.html"));
        std::fs::write(&file, page).expect("write");
        let out = dir.join(format!("{name}.pdf"));
        let (_, err) = run_chromium(
            &exe,
            &dir.join("profile-footer"),
            &format!("file://{}", file.display()),
            &[
                format!("--print-to-pdf={}", out.display()),
                "--no-pdf-header-footer".to_string(),
            ],
        );
        assert!(console_messages(&err).is_empty(), "console: {err}");
        let pdf = std::fs::read(&out).expect("footer pdf written");
        fonts.push(String::from_utf8_lossy(&pdf).matches("/Type /Font").count());
    }
    assert!(
        fonts[0] > 0 && fonts[1] == 0,
        "page footer: fonts in the footer-only PDF {}, in the control {}",
        fonts[0],
        fonts[1]
    );

    let keep = std::env::var_os("PRIVLINT_KEEP_BROWSER_OUTPUT").is_some();
    eprintln!(
        "browser test: report {} bytes, PNG {} bytes, PDF {} bytes, {pages} pages ({})",
        html.len(),
        std::fs::read(&png).map_or(0, |b| b.len()),
        bytes.len(),
        if keep {
            format!("kept in {}", dir.display())
        } else {
            "set PRIVLINT_KEEP_BROWSER_OUTPUT=1 to keep the files".to_string()
        }
    );
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn suppressed_findings_are_listed_with_their_reasons() {
    let statement = "tests/fixtures/ci/suppressed-en.md";
    for format in ["md", "html"] {
        let (code, out, err) = crate::common::privlint_in(
            Some(crate::common::root()),
            &[
                "report",
                statement,
                "--format",
                format,
                "--date",
                "2026-11-23",
            ],
        );
        assert_eq!(code, 0, "{err}");
        for (rule, reason) in [
            (
                "missing-changes-notice",
                "changes are announced by email, described in our terms of service",
            ),
            (
                "vague-retention-period",
                "the retention schedule is in the annex we publish separately",
            ),
        ] {
            assert!(out.contains(rule), "{format}: {rule} not listed");
            assert!(
                out.contains(reason),
                "{format}: reason for {rule} not listed"
            );
        }
        // A directive without a reason silences nothing, so its rule is not listed as
        // suppressed.
        let section = out.split("Suppressed findings").nth(1).unwrap_or("");
        assert!(!section.contains("missing-right-to-object |"), "{format}");
    }
}

#[test]
fn html_prints_to_a4_with_page_footer_and_repeated_table_headers() {
    let report = build(&fixture("nl-fietsenmaker.html"), &[], ReportLang::Nl);
    let html = audit::html::render(&report);
    let style = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(css, _)| css)
        .expect("inline style element");
    for rule in [
        "size: A4",
        "thead { display: table-header-group; }",
        ".major { break-before: page; }",
        "print-color-adjust: exact",
        "@bottom-right",
        "counter(page)",
        "counter(pages)",
    ] {
        assert!(style.contains(rule), "print CSS lacks {rule:?}");
    }
    // The running footer names the report and the date, in the report language.
    let footer = style.split("@bottom-left").nth(1).expect("left footer box");
    assert!(footer.contains(&report.controller[0]) && footer.contains(DATE));
    assert!(style.contains("\"Pagina \" counter(page)"));
    // Every table has a caption and column headers.
    let tables = html.matches("<table").count();
    assert!(tables >= 10, "{tables} tables");
    assert_eq!(
        html.matches("<caption>").count() + 1,
        tables,
        "caption in every table but the document-control table, which is labelled by its heading"
    );
    assert!(html.contains("<table class=\"control\" aria-labelledby=\"h-control\">"));
}
