//! Running the whole pipeline on a statement (and the help pages that form a layered
//! notice with it): ingest → extract → classify → evaluate, into an [`Analysis`] that
//! renderers and the diff engine consume.

use crate::extract::Disclosures;
use crate::finding::{DocumentKind, Finding};
use crate::ingest::{self, Document, IngestError, Source};
use crate::lang::Lang;
use crate::rules::{self, RequirementResult, RuleSet};
use crate::suppress::Suppressed;
use std::path::Path;

/// Everything privlint concluded about one document.
#[derive(Debug, Clone)]
pub struct DocumentAnalysis {
    pub document: Document,
    pub disclosures: Disclosures,
    pub kind: DocumentKind,
    /// The Last Updated / effective date, ISO `YYYY-MM-DD`.
    pub last_updated: Option<String>,
    /// One verdict per catalogue requirement (empty for documents that are not statements).
    pub requirements: Vec<RequirementResult>,
    pub findings: Vec<Finding>,
    /// For a statement checked with help pages: their paths.
    pub help_pages: Vec<String>,
    /// Findings silenced by `privlint-disable` comments, with their reasons.
    pub suppressed: Vec<Suppressed>,
    /// Findings left out because a baseline accepted them.
    pub baselined: usize,
    /// Findings left out because they are outside the lines changed since `--changed-since`.
    pub unchanged: usize,
}

impl DocumentAnalysis {
    pub fn path(&self) -> &str {
        self.document.path()
    }

    pub fn lang(&self) -> Lang {
        self.document.lang
    }

    pub fn requirement(&self, id: &str) -> Option<&RequirementResult> {
        self.requirements.iter().find(|r| r.id == id)
    }
}

/// The result of a run: analysed documents in input order.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub documents: Vec<DocumentAnalysis>,
}

/// Requirements whose being addressed says little about the document kind.
const WEAK_TOPICS: &[&str] = &[
    "last-updated",
    "changes-notice",
    "cookies-tracking",
    "children",
    "controller-contact",
    "data-categories",
];

/// Decide whether a document is a privacy statement, a help page, or something else
/// (a news article about privacy is not a statement with 25 missing items).
pub fn classify(disc: &Disclosures) -> DocumentKind {
    let topics = disc
        .topics
        .iter()
        .filter(|(id, t)| t.addressed() && !WEAK_TOPICS.contains(&id.as_str()))
        .count();
    let all_topics = disc.topics.values().filter(|t| t.addressed()).count();
    let s = disc.signals;
    // News reporting voice, unless the text covers most of what a statement covers.
    if s.news >= 2 && s.news * 2 >= s.first_person && topics < 8 {
        return DocumentKind::Other;
    }
    // A short statement that says little ("we store nothing; preferences stay in a
    // cookie") is still a statement when its title says so and it reads as neither a help
    // page nor news: it is checked, not skipped.
    let plain_voice = s.instructions == 0 && s.news == 0;
    if (s.statement_title && topics >= 2 && s.instructions < 3)
        || (s.statement_title && all_topics >= 2 && plain_voice)
        || (topics >= 8 && s.first_person >= 2)
    {
        return DocumentKind::PrivacyStatement;
    }
    // A help page is told by its instruction voice ("go to Settings", "tap Delete"). A text
    // that speaks of the processing without it is a statement, however little it says: a
    // bare five-line app policy with no title is a weak statement, and silencing its
    // findings as a help page's would let the weakest notices pass.
    if s.instructions >= 2 {
        return DocumentKind::HelpPage;
    }
    if topics >= 1 {
        return DocumentKind::PrivacyStatement;
    }
    DocumentKind::Other
}

/// Read and parse a file.
pub fn load(path: &Path) -> Result<Document, IngestError> {
    Ok(ingest::parse(Source::read(path)?))
}

/// [`load`], refusing files over `max_file_size` bytes.
pub fn load_limited(path: &Path, max_file_size: u64) -> Result<Document, IngestError> {
    Ok(ingest::parse(Source::read_limited(path, max_file_size)?))
}

/// Analyse a statement with optional help pages. Help pages are analysed too and their
/// disclosures fill items the statement does not address (as `by-reference`).
pub fn analyse(rules: &RuleSet, main: Document, help: Vec<Document>) -> Vec<DocumentAnalysis> {
    analyse_with(rules, main, help, 1)
}

/// [`analyse`], reading the statement's sentences on up to `threads` threads (for a run
/// with one statement and cores to spare; see [`crate::extract::Extractor::extract_with`]).
pub fn analyse_with(
    rules: &RuleSet,
    main: Document,
    help: Vec<Document>,
    threads: usize,
) -> Vec<DocumentAnalysis> {
    let disc = rules.extractor.extract_with(&main, threads);
    let help: Vec<(Document, Disclosures)> = help
        .into_iter()
        .map(|d| {
            let x = rules.extractor.extract(&d);
            (d, x)
        })
        .collect();
    let kind = classify(&disc);
    let help_refs: Vec<(&Document, &Disclosures)> = help.iter().map(|(d, x)| (d, x)).collect();
    let (requirements, findings) = match kind {
        DocumentKind::Other => (Vec::new(), Vec::new()),
        DocumentKind::HelpPage if help.is_empty() => {
            let e = rules::evaluate(rules, (&main, &disc), &[]);
            (e.requirements, Vec::new())
        }
        _ => {
            let e = rules::evaluate(rules, (&main, &disc), &help_refs);
            (e.requirements, e.findings)
        }
    };
    let last_updated = disc.last_updated.as_ref().map(|(d, _)| d.clone());
    let help_pages = help.iter().map(|(d, _)| d.path().to_string()).collect();
    let mut out = vec![DocumentAnalysis {
        document: main,
        disclosures: disc,
        kind,
        last_updated,
        requirements,
        findings,
        help_pages,
        suppressed: Vec::new(),
        baselined: 0,
        unchanged: 0,
    }];
    for (d, x) in help {
        let last_updated = x.last_updated.as_ref().map(|(d, _)| d.clone());
        out.push(DocumentAnalysis {
            document: d,
            disclosures: x,
            kind: DocumentKind::HelpPage,
            last_updated,
            requirements: Vec::new(),
            findings: Vec::new(),
            help_pages: Vec::new(),
            suppressed: Vec::new(),
            baselined: 0,
            unchanged: 0,
        });
    }
    out
}
