//! Criterion benches of the check stage: extraction and rule evaluation on the Netflix
//! statement (from ../shared, skipped with a notice when absent) and on a synthetic
//! statement built from the team's own sentences, so the bench always has an input.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use privlint::ingest::{self, Format, Source};
use privlint::rules::{self, RuleSet};
use std::hint::black_box;
use std::path::Path;

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
    c.bench_function("load-rules", |b| {
        b.iter(|| RuleSet::load(&[]).expect("rules"))
    });
    let mut group = c.benchmark_group("check");
    for (name, text) in &inputs {
        let doc = ingest::parse(Source::from_text(name, text, Some(Format::Markdown)));
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
