//! Criterion benches of the check stage: extraction and rule evaluation on the Netflix
//! statement and the largest HTML capture of ../shared/corpus/real (skipped with a notice
//! when ../shared is absent), on a synthetic statement built from the team's own sentences,
//! so the bench always has an input, and the whole pipeline (read, parse, extract,
//! evaluate) over a generated corpus of 200 statements. Corpus runs across processes and
//! threads: `bench/corpus-throughput.py`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use privlint::ingest::{self, Format, Source};
use privlint::rules::{self, RuleSet};
use std::hint::black_box;
use std::path::Path;

/// The allocator the privlint binary uses, so the figures are the shipped program's.
#[global_allocator]
static ALLOCATOR: privlint::alloc::Allocator = privlint::alloc::Allocator;

fn synthetic() -> String {
    let section = "## How long we keep your data\n\nWe keep invoices for 7 years because tax law requires it. \
        We may share your information with third parties and partners. You can ask us for a copy of \
        the personal data we hold about you. Wij bewaren je gegevens niet langer dan noodzakelijk.\n\n\
        - We use your address to deliver the books you order.\n- Your data may be transferred to other countries.\n\n";
    let mut text = String::from("# Privacy statement\n\n");
    while text.len() < 500_000 {
        text.push_str(section);
    }
    text
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::load(&[]).expect("bundled rules");
    let mut inputs = vec![("synthetic-500k.md".to_string(), synthetic())];
    let netflix = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/netflix-privacy-statement-2024-04-17.en.md");
    match std::fs::read_to_string(&netflix) {
        Ok(t) => inputs.push(("netflix-2024.md".into(), t)),
        Err(_) => eprintln!("notice: ../shared not found; benching the synthetic input only"),
    }
    let grindr =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real/en-grindr-privacy.html");
    if let Ok(t) = std::fs::read_to_string(&grindr) {
        inputs.push(("grindr.html".into(), t));
    }
    c.bench_function("load-rules", |b| {
        b.iter(|| RuleSet::load(&[]).expect("rules"))
    });
    let mut group = c.benchmark_group("check");
    for (name, text) in &inputs {
        let format = if name.ends_with(".html") {
            Format::Html
        } else {
            Format::Markdown
        };
        let doc = ingest::parse(Source::from_text(name, text, Some(format)));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("extract/{name}"), |b| {
            b.iter(|| rules.extractor.extract(black_box(&doc)))
        });
        let disc = rules.extractor.extract(&doc);
        group.bench_function(format!("evaluate/{name}"), |b| {
            b.iter(|| rules::evaluate(&rules, (black_box(&doc), black_box(&disc)), &[]))
        });
    }
    group.finish();

    // The pipeline over a generated corpus: our own statements, each copy with its
    // paragraphs in another order so no two documents are the same.
    let corpus = generated_corpus(200);
    let bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus-200", |b| {
        b.iter(|| {
            for (name, text) in &corpus {
                let doc = ingest::parse(Source::from_text(name, text, None));
                let disc = rules.extractor.extract(&doc);
                black_box(rules::evaluate(&rules, (&doc, &disc), &[]));
            }
        })
    });
    group.finish();
}

/// `n` statements from `corpus/`, rotated by paragraph so each differs from the others.
fn generated_corpus(n: usize) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut sources = Vec::new();
    for lang in ["en", "nl"] {
        let Ok(entries) = std::fs::read_dir(root.join(lang)) else {
            continue;
        };
        let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for p in names {
            if let Ok(t) = std::fs::read_to_string(&p) {
                sources.push((p.file_name().unwrap().to_string_lossy().into_owned(), t));
            }
        }
    }
    assert!(!sources.is_empty(), "corpus/ holds no statements");
    (0..n)
        .map(|i| {
            let (name, text) = &sources[i % sources.len()];
            let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
            if paragraphs.len() > 2 {
                let k = i % (paragraphs.len() - 1);
                paragraphs[1..].rotate_left(k);
            }
            (format!("{i:04}-{name}"), paragraphs.join("\n\n"))
        })
        .collect()
}

criterion_group!(benches, bench);
criterion_main!(benches);
