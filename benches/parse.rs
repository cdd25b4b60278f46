//! Criterion bench of ingest (`Source` decoding + `parse`) on the Netflix statement and the
//! largest HTML capture in ../shared (skipped with a notice when absent), and on a
//! synthetic Markdown statement so the bench always has an input.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use privlint::ingest::{self, Source};
use std::hint::black_box;
use std::path::Path;

/// The allocator the privlint binary uses, so the figures are the shipped program's.
#[global_allocator]
static ALLOCATOR: privlint::alloc::Allocator = privlint::alloc::Allocator;

fn bench(c: &mut Criterion) {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut synthetic = String::from("# Privacy statement\n\n");
    while synthetic.len() < 500_000 {
        synthetic.push_str("## Retention\n\nWe keep invoices for **7 years** because [tax law](https://example.com) requires it.\n\n- one\n  - nested item\n\n| Purpose | Basis |\n|---|---|\n| Billing | Contract |\n\n");
    }
    inputs.push(("synthetic-500k.md".into(), synthetic.into_bytes()));
    for f in [
        "seeds/netflix-privacy-statement-2024-04-17.en.md",
        "corpus/real/en-grindr-privacy.html",
    ] {
        match std::fs::read(shared.join(f)) {
            Ok(bytes) => inputs.push((f.rsplit('/').next().unwrap_or(f).to_string(), bytes)),
            Err(_) => eprintln!("notice: ../shared/{f} not found; not benched"),
        }
    }
    let mut group = c.benchmark_group("parse");
    for (name, bytes) in &inputs {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                let source = Source::from_bytes(name, black_box(bytes)).expect("decodes");
                ingest::parse(source)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
