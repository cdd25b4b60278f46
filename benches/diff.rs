//! Criterion bench of the diff engine on the Netflix pair (2024-09-01 → 2025-04-17, from
//! ../shared; skipped with a notice when absent) and on a large synthetic pair. Analysis of
//! both revisions is done once outside the timed loop; `full` times analysis + diff.

use criterion::{Criterion, criterion_group, criterion_main};
use privlint::analysis::{self, DocumentAnalysis};
use privlint::diff::{self, Options};
use privlint::ingest::{self, Format, Source};
use privlint::rules::RuleSet;
use std::hint::black_box;
use std::path::Path;

fn analyse(rules: &RuleSet, name: &str, text: &str) -> DocumentAnalysis {
    analysis::analyse(
        rules,
        ingest::parse(Source::from_text(name, text, Some(Format::Markdown))),
        Vec::new(),
    )
    .remove(0)
}

fn synthetic(seed: usize) -> String {
    let mut text = String::from("# Privacy statement\n\n");
    for i in 0..400 {
        let years = if seed == 1 && i % 37 == 0 { 5 } else { 2 };
        text.push_str(&format!(
            "## Section {i}\n\nWe keep record {i} for {years} years after the end of the contract. \
             We share it with PostNL to deliver orders, and with our hosting provider in the EU.\n\n"
        ));
    }
    text
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::load(&[]).expect("rules");
    let mut pairs = vec![("synthetic".to_string(), synthetic(0), synthetic(1))];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/versions/netflix-en");
    match (
        std::fs::read_to_string(dir.join("2024-09-01.md")),
        std::fs::read_to_string(dir.join("2025-04-17.md")),
    ) {
        (Ok(a), Ok(b)) => pairs.push(("netflix".into(), a, b)),
        _ => eprintln!("notice: ../shared not found; benching the synthetic pair only"),
    }
    for (name, a, b) in &pairs {
        let (old, new) = (analyse(&rules, "old.md", a), analyse(&rules, "new.md", b));
        c.bench_function(&format!("diff/{name}"), |bench| {
            bench.iter(|| diff::diff(&rules, black_box(&old), black_box(&new), Options::default()))
        });
        c.bench_function(&format!("analyse+diff/{name}"), |bench| {
            bench.iter(|| {
                let (o, n) = (analyse(&rules, "old.md", a), analyse(&rules, "new.md", b));
                diff::diff(&rules, &o, &n, Options::default())
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
